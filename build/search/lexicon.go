package search

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v2"
)

// The lexicon files: synonyms/all.yaml for every language, then
// synonyms/<language>.yaml for each language of the locale's parent chain
// ("nl-BE" reads all, nl, nl-be).
//
//go:embed synonyms/*.yaml
var lexiconFS embed.FS

// Lexicon is the per-language data search uses: stop words, dropped from
// queries, and synonym groups, which add words to the index.
type Lexicon struct {
	// Stop holds the folded stop words; a stop phrase (a stop word of
	// several words) as its words joined by "_".
	Stop map[string]bool
	// groups are the synonym groups; each member as its units.
	groups [][]phrase
	// first maps a unit to the members that start with it: group, member.
	first map[string][][2]int
	// lines is where each group was first listed.
	lines []int
	// Sections maps a section of a row (Sections) to the words that name
	// it, each a member's words joined ("back up" → "backup"): a row
	// whose section is not empty can be found by them ("restore mailbox",
	// "backup exchange 2016"; the recover words also find a row that has
	// only a Protect list). The row's "Protect:" and "Recover:" labels
	// are page chrome; these words stand for them in every language the
	// page's lexicon lists.
	Sections map[string][]string
}

// listed is where a synonym phrase is listed.
type listed struct {
	file  string
	line  int
	group int
}

// phrase is one member of a synonym group.
type phrase struct {
	text   string // as written
	units  []string
	joined string // units concatenated ("bare metal" → "baremetal")
}

// lexiconFile is the YAML layout of a lexicon file.
type lexiconFile struct {
	Stopwords []string            `yaml:"stopwords"`
	Synonyms  [][]string          `yaml:"synonyms"`
	Sections  map[string][]string `yaml:"sections"`
}

// Sections are the parts of a row a query word can name (see
// Lexicon.Sections).
var Sections = []string{"protect", "recover"}

// LoadLexicon reads the embedded lexicon of a locale (BCP 47, any case).
// A file that breaks the format is an error "file:line: message"; the
// files are part of the binary and a test loads each of them, so this
// fails only in development. Each locale is read once; the caller gets its
// own copy of the stop words to add to.
func LoadLexicon(locale string) (*Lexicon, error) {
	key := strings.ToLower(locale)
	lexiconMu.Lock()
	lx, ok := lexicons[key]
	lexiconMu.Unlock()
	if !ok {
		var err error
		if lx, err = loadLexicon(lexiconFS, locale); err != nil {
			return nil, err
		}
		lexiconMu.Lock()
		lexicons[key] = lx
		lexiconMu.Unlock()
	}
	cp := *lx
	cp.Stop = maps.Clone(lx.Stop)
	return &cp, nil
}

// lexicons caches the embedded lexicons by locale (they never change).
var (
	lexiconMu sync.Mutex
	lexicons  = map[string]*Lexicon{}
)

func loadLexicon(fsys fs.FS, locale string) (*Lexicon, error) {
	lx := &Lexicon{Stop: map[string]bool{}, first: map[string][][2]int{}, Sections: map[string][]string{}}
	seen := map[string]listed{} // member's words → where it is listed
	for _, name := range lexiconChain(locale) {
		path := "synonyms/" + name + ".yaml"
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			continue // no file for this language: nothing to add
		}
		if err := lx.add(path, b, seen); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// lexiconChain lists the files a locale reads, most general first.
func lexiconChain(locale string) []string {
	out := []string{"all"}
	parts := strings.Split(strings.ToLower(locale), "-")
	for i := range parts {
		if parts[i] == "" {
			break
		}
		out = append(out, strings.Join(parts[:i+1], "-"))
	}
	return out
}

func (lx *Lexicon) add(path string, b []byte, seen map[string]listed) error {
	var f lexiconFile
	if err := yaml.UnmarshalStrict(b, &f); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	lines := strings.Split(string(b), "\n")
	// lineOf finds where a text is written, from line `from` on (1-based).
	lineOf := func(text string, from int) int {
		for i := max(from-1, 0); i < len(lines); i++ {
			if strings.Contains(lines[i], text) {
				return i + 1
			}
		}
		return 1
	}
	stopLine := lineOf("stopwords:", 1)
	for _, w := range f.Stopwords {
		ws := Words(w)
		if len(ws) == 0 || len(ws) > MaxJoinTerms {
			return fmt.Errorf("%s:%d: stop word %q must be a word or a phrase of at most %d words", path, lineOf(w, stopLine), w, MaxJoinTerms)
		}
		// A phrase is kept as its words joined by "_", which no query term
		// holds (ParseQuery reads "a_b" as the term "ab").
		lx.Stop[strings.Join(ws, "_")] = true
	}
	secLine := lineOf("sections:", 1)
	for _, name := range slices.Sorted(maps.Keys(f.Sections)) {
		if !slices.Contains(Sections, name) {
			return fmt.Errorf("%s:%d: unknown section %q (known: %s)", path, lineOf(name+":", secLine), name, strings.Join(Sections, ", "))
		}
		for _, w := range f.Sections[name] {
			ws := Words(w)
			if len(ws) == 0 || len(ws) > MaxJoinTerms {
				return fmt.Errorf("%s:%d: section word %q must be a word or a phrase of at most %d words", path, lineOf(w, secLine), w, MaxJoinTerms)
			}
			if j := strings.Join(ws, ""); !slices.Contains(lx.Sections[name], j) {
				lx.Sections[name] = append(lx.Sections[name], j)
			}
		}
	}
	at := lineOf("synonyms:", 1)
	for _, g := range f.Synonyms {
		line := at
		if len(g) > 0 {
			line = lineOf(g[0], at)
			at = line + 1
		}
		if len(g) < 2 {
			return fmt.Errorf("%s:%d: a synonym group needs two members at least, got %q", path, line, g)
		}
		// A group that shares a member with a group of a more general file
		// (all.yaml) extends that group; within one file a phrase is listed
		// once.
		gi := -1
		var members []phrase
		for _, m := range g {
			us := Words(m)
			if len(us) == 0 {
				return fmt.Errorf("%s:%d: synonym %q has no word", path, line, m)
			}
			key := strings.Join(us, " ")
			if where, dup := seen[key]; dup {
				if where.file == path {
					return fmt.Errorf("%s:%d: synonym %q is already listed on line %d; a phrase belongs to one group", path, line, m, where.line)
				}
				if gi >= 0 && gi != where.group {
					return fmt.Errorf("%s:%d: this group joins two groups of %s (lines %d and %d)", path, line, where.file, lx.lines[gi], where.line)
				}
				gi = where.group
				continue
			}
			members = append(members, phrase{text: m, units: us, joined: strings.Join(us, "")})
		}
		if gi < 0 {
			gi = len(lx.groups)
			lx.groups = append(lx.groups, nil)
			lx.lines = append(lx.lines, line)
		}
		for _, p := range members {
			seen[strings.Join(p.units, " ")] = listed{path, line, gi}
			lx.first[p.units[0]] = append(lx.first[p.units[0]], [2]int{gi, len(lx.groups[gi])})
			lx.groups[gi] = append(lx.groups[gi], p)
		}
	}
	return nil
}

// StopWords returns the stop words, sorted; a stop phrase is its words
// joined by "_".
func (lx *Lexicon) StopWords() []string {
	out := make([]string, 0, len(lx.Stop))
	for w := range lx.Stop {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// expand adds, for every synonym member that occurs in us (whole units,
// in order), the other members of its group: each one's joined spelling
// (a one-word member is its word), and — for a one-word member — that
// word joined to the unit
// before and after where the text allows a join and the neighbour is no
// stop word ("windows 10" → "win", "win10"; "sql server 2014" → "sql",
// "sql2014").
func (lx *Lexicon) expand(us []Unit, add func(string)) {
	for i := range us {
		for _, gm := range lx.first[us[i].Word] {
			p := lx.groups[gm[0]][gm[1]]
			k := len(p.units)
			if i+k > len(us) {
				continue
			}
			ok := true
			for j := 1; j < k && ok; j++ {
				ok = us[i+j].Word == p.units[j]
			}
			if !ok {
				continue
			}
			for oi, other := range lx.groups[gm[0]] {
				// A phrase adds its joined spelling only: a query typed apart
				// finds it by joining ("physical host" finds "physicalhost"),
				// while its words alone ("host") do not make the row about them.
				// The member the text holds adds its own too (the text's
				// variants join two words, and none that is a stop word:
				// "windowsserver2012r2", "ondervoorwaarden"), and every phrase its spelling without its stop words, which
				// a query drops ("herstel op bestandsniveau" → "herstel
				// bestandsniveau" → "herstelbestandsniveau").
				if bare := lx.bare(other.units); bare != other.joined {
					add(bare)
				}
				if oi == gm[1] {
					if len(other.units) > 1 {
						add(other.joined)
					}
					continue
				}
				add(other.joined)
				if len(other.units) > 1 {
					continue // only a one-word synonym joins its neighbours ("win10", "sql2014")
				}
				if i > 0 && joinable(us[i].Sep) && !lx.Stop[us[i-1].Word] {
					add(us[i-1].Word + other.joined)
				}
				if i+k < len(us) && joinable(us[i+k].Sep) && !lx.Stop[us[i+k].Word] {
					add(other.joined + us[i+k].Word)
				}
			}
		}
	}
}

// bare is a phrase's words joined, its stop words left out ("" for a
// phrase of stop words only, which a query cannot type).
func (lx *Lexicon) bare(units []string) string {
	var b strings.Builder
	for _, u := range units {
		if !lx.Stop[u] {
			b.WriteString(u)
		}
	}
	return b.String()
}

// Groups returns the synonym groups, each member as written, in the order
// they are listed (a group extended by a language file holds its members).
func (lx *Lexicon) Groups() [][]string {
	out := make([][]string, len(lx.groups))
	for i, g := range lx.groups {
		for _, p := range g {
			out[i] = append(out[i], p.text)
		}
	}
	return out
}
