package phrase

import (
	"cmp"
	"slices"
	"strings"
)

// Lang is the phrasebooks of one document's language merged along its chain
// (see the package doc): every lookup tries the most specific book first.
type Lang struct {
	// Tag is the resolved language tag ("pt-br").
	Tag string
	// Known reports whether some book of the language itself (not only root
	// and the English fallback) is in the chain.
	Known bool
	// Books are the chain's books, most specific first.
	Books []*Book
	leak  map[*Book]bool

	caps     []CapWord
	labels   []labelEntry
	workload []workloadEntry
}

// Match says which phrase of which book answered a lookup.
type Match struct {
	Phrase Phrase
	Book   *Book
	// Leak is true when the answer came from the English fallback in a
	// document of another language.
	Leak bool
}

// CapWord is one capability keyword; Cap is "" for a word that is only used
// up ("SharePoint" is no "share").
type CapWord struct {
	Cap  string
	Word string
	Leak bool
}

// LabelKind says what a labelled paragraph lists.
type LabelKind int

// Label kinds.
const (
	Protect LabelKind = iota
	Recover
)

type labelEntry struct {
	m    Match
	kind LabelKind
}

type workloadEntry struct {
	id     string
	m      Match
	prefix bool   // "^x": the cell starts with x
	text   string // the phrase without "^"
}

func (lg *Lang) add(b *Book, leak bool) {
	lg.Books = append(lg.Books, b)
	if leak {
		if lg.leak == nil {
			lg.leak = map[*Book]bool{}
		}
		lg.leak[b] = true
	}
}

func (lg *Lang) match(b *Book, p Phrase) Match {
	return Match{Phrase: p, Book: b, Leak: lg.leak[b]}
}

// finish builds the merged tables that lookups scan.
func (lg *Lang) finish(s *Set) {
	order := 0
	type capOrd struct {
		CapWord
		ord int
	}
	var caps []capOrd
	seenCap := map[string]bool{}
	for _, b := range lg.Books {
		ids := make([]string, 0, len(b.Capabilities))
		for id := range b.Capabilities {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			for _, p := range b.Capabilities[id] {
				if seenCap[p.Text] {
					continue // a more specific book already says what it means
				}
				seenCap[p.Text] = true
				caps = append(caps, capOrd{CapWord{Cap: id, Word: p.Text, Leak: lg.leak[b]}, order})
				order++
			}
		}
		for _, p := range b.Protect {
			lg.labels = append(lg.labels, labelEntry{lg.match(b, p), Protect})
		}
		for _, p := range b.Recover {
			lg.labels = append(lg.labels, labelEntry{lg.match(b, p), Recover})
		}
	}
	// Longest keyword first, so "deduplicated volume" is used up before
	// "volume" and "sharepoint" before "share"; ties keep chain order.
	slices.SortStableFunc(caps, func(a, b capOrd) int {
		if c := cmp.Compare(len(b.Word), len(a.Word)); c != 0 {
			return c
		}
		return cmp.Compare(a.ord, b.ord)
	})
	lg.caps = make([]CapWord, len(caps))
	for i, c := range caps {
		lg.caps[i] = c.CapWord
	}
	slices.SortStableFunc(lg.labels, func(a, b labelEntry) int {
		return cmp.Compare(len(b.m.Phrase.Text), len(a.m.Phrase.Text))
	})
	// Workloads in the root book's order (specific ones first: the Hyper-V
	// host row names a server and a VM), then any other id in chain order.
	var ids []string
	if r := s.books[RootTag]; r != nil {
		ids = append(ids, r.WorkloadOrder...)
	}
	for _, b := range lg.Books {
		for _, id := range b.WorkloadOrder {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	for _, id := range ids {
		for _, b := range lg.Books {
			for _, p := range b.Workloads[id] {
				e := workloadEntry{id: id, m: lg.match(b, p), text: p.Text}
				if t, ok := strings.CutPrefix(p.Text, "^"); ok {
					e.prefix, e.text = true, strings.TrimSpace(t)
				}
				lg.workload = append(lg.workload, e)
			}
		}
	}
}

// Column says which column a header names; h is in Norm form. ColRelease is
// never returned (see ReleaseWord).
func (lg *Lang) Column(h string) (Column, Match, bool) {
	for _, c := range Columns {
		if c == ColRelease || c == ColReleaseNumber {
			continue
		}
		for _, b := range lg.Books {
			for _, p := range b.Columns[c] {
				if WordIndex(h, p.Text) >= 0 {
					return c, lg.match(b, p), true
				}
			}
		}
	}
	return "", Match{}, false
}

// ReleaseWord reports whether header h (Norm form) holds a word that, with a
// release token, makes a per-release column ("Server v2").
func (lg *Lang) ReleaseWord(h string) bool {
	for _, b := range lg.Books {
		for _, p := range b.Columns[ColRelease] {
			if WordIndex(h, p.Text) >= 0 {
				return true
			}
		}
	}
	return false
}

// ReleaseNumber finds a release written as a word and its number in a
// header h (Norm form): "сервер версии 2" gives "2".
func (lg *Lang) ReleaseNumber(h string) (string, bool) {
	for _, b := range lg.Books {
		for _, p := range b.Columns[ColReleaseNumber] {
			i := WordIndex(h, p.Text)
			if i < 0 {
				continue
			}
			rest := strings.TrimLeft(h[i+len(p.Text):], " ")
			n := 0
			for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
				n++
			}
			if n > 0 && (n == len(rest) || !IsWordRune(rune(rest[n]))) {
				return rest[:n], true
			}
		}
	}
	return "", false
}

// Support looks a support word up (Norm form): yes is true for a yes word.
func (lg *Lang) Support(w string) (yes bool, m Match, ok bool) {
	for _, b := range lg.Books {
		for _, p := range b.Yes {
			if p.Text == w {
				return true, lg.match(b, p), true
			}
		}
		for _, p := range b.No {
			if p.Text == w {
				return false, lg.match(b, p), true
			}
		}
	}
	return false, Match{}, false
}

// NoRelease reports whether t (Norm form) is a "not supported" phrase of a
// "supported server" cell.
func (lg *Lang) NoRelease(t string) (Match, bool) {
	for _, b := range lg.Books {
		for _, p := range b.None {
			if p.Text == t {
				return lg.match(b, p), true
			}
		}
	}
	return Match{}, false
}

// Later reports whether release text t (Norm form) ends with a "and later"
// phrase of the language standing as words of its own, and returns t
// without it: "v3 ur2 and later", "v3 ur2 及更高版本", "v3+".
func (lg *Lang) Later(t string) (string, bool) {
	for _, b := range lg.Books {
		for _, p := range b.Later {
			rest, ok := strings.CutSuffix(t, p.Text)
			if !ok || strings.TrimSpace(rest) == "" {
				continue
			}
			if startOK(t, len(rest), p.Text) {
				return strings.TrimSpace(rest), true
			}
		}
	}
	return t, false
}

// Expect describes the language's yes and no words for a message: "'J' or 'N'".
func (lg *Lang) Expect() string {
	for _, b := range lg.Books {
		if lg.leak[b] || b.Tag == RootTag || len(b.Yes) == 0 || len(b.No) == 0 {
			continue
		}
		return "'" + strings.ToUpper(b.Yes[0].Text) + "' or '" + strings.ToUpper(b.No[0].Text) + "'"
	}
	return "a yes or no word of " + lg.Tag + " (its phrasebook has none)"
}

// Target maps an installation phrase's head (Norm form) to a target id.
// Every rule of the chain is tried; when rules of two targets match, the
// phrase is ambiguous and ok is false with both named in also.
func (lg *Lang) Target(head string) (target string, m Match, also []string, ok bool) {
	ids := map[string]Match{}
	var order []string
	for _, b := range lg.Books {
		tids := make([]string, 0, len(b.Installations))
		for id := range b.Installations {
			tids = append(tids, id)
		}
		slices.Sort(tids)
		for _, id := range tids {
			if _, done := ids[id]; done {
				continue
			}
			for _, r := range b.Installations[id] {
				if r.matches(head) {
					ids[id] = lg.match(b, Phrase{Text: strings.Join(r.All, " + "), Pos: r.Pos})
					order = append(order, id)
					break
				}
			}
		}
	}
	switch len(order) {
	case 0:
		return "", Match{}, nil, false
	case 1:
		return order[0], ids[order[0]], nil, true
	}
	slices.Sort(order)
	return "", Match{}, order, false
}

func (r Rule) matches(head string) bool {
	for _, w := range r.All {
		if WordIndex(head, w) < 0 {
			return false
		}
	}
	for _, w := range r.None {
		if WordIndex(head, w) >= 0 {
			return false
		}
	}
	return true
}

// Label finds a label at the start of t (any case, apostrophe and
// full-width punctuation, white space runs as one space) and returns how
// many bytes of t it covers. Longer labels win.
func (lg *Lang) Label(t string) (n int, kind LabelKind, m Match, ok bool) {
	for _, e := range lg.labels {
		if k, hit := HasFoldPrefix(t, e.m.Phrase.Text); hit {
			return k, e.kind, e.m, true
		}
	}
	return 0, 0, Match{}, false
}

// NamesRecovery reports whether s (Norm form) names a way to recover
// ("herstel", "recovery"): an unlabelled list that does lists what can be
// recovered.
func (lg *Lang) NamesRecovery(s string) bool {
	return lg.anyWord(s, func(b *Book) []Phrase { return b.RecoveryWords })
}

// NamesProtection reports whether a note s (Norm form) says what can be
// protected ("… to protect deduped volumes").
func (lg *Lang) NamesProtection(s string) bool {
	return lg.anyWord(s, func(b *Book) []Phrase { return b.ProtectWords })
}

// Negated reports whether s (Norm form) holds a negation of the language
// ("niet", "can't"): such a note says what is not protected.
func (lg *Lang) Negated(s string) bool {
	return lg.anyWord(s, func(b *Book) []Phrase { return b.NotWords })
}

func (lg *Lang) anyWord(s string, f func(*Book) []Phrase) bool {
	for _, b := range lg.Books {
		for _, p := range f(b) {
			if WordIndex(s, p.Text) >= 0 {
				return true
			}
		}
	}
	return false
}

// CapWords are the capability keywords of the chain, longest first (a more
// specific book's meaning of a word wins).
func (lg *Lang) CapWords() []CapWord { return lg.caps }

// Workload finds the workload a workload cell (Norm form) names.
func (lg *Lang) Workload(cell string) (string, Match, bool) {
	for _, e := range lg.workload {
		if e.prefix && strings.HasPrefix(cell, e.text) || !e.prefix && WordIndex(cell, e.text) >= 0 {
			return e.id, e.m, true
		}
	}
	return "", Match{}, false
}

// WorkloadFromVersion finds the workload a version cell (Norm form) implies
// ("windows server 2016" → servers), for a workload cell nothing names.
func (lg *Lang) WorkloadFromVersion(v string) (string, Match, bool) {
	for _, b := range lg.Books {
		ids := make([]string, 0, len(b.WorkloadVersions))
		for id := range b.WorkloadVersions {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		// The longest phrase wins: "windows server" before "windows".
		best, bestLen := "", 0
		var bm Match
		for _, id := range ids {
			for _, p := range b.WorkloadVersions[id] {
				if len(p.Text) > bestLen && WordIndex(v, p.Text) >= 0 {
					best, bestLen, bm = id, len(p.Text), lg.match(b, p)
				}
			}
		}
		if best != "" {
			return best, bm, true
		}
	}
	return "", Match{}, false
}

// Words are the chain's words for a versions key ("and", "or", …), most
// specific first, each once.
func (lg *Lang) Words(key string) []string {
	var out []string
	for _, b := range lg.Books {
		for _, p := range b.VersionWords[key] {
			if !slices.Contains(out, p.Text) {
				out = append(out, p.Text)
			}
		}
	}
	return out
}

// File is where a docs team adds an entry for this language: the content
// folder's phrasebook.
func File(locale string) string { return locale + "/phrasebook.yaml" }
