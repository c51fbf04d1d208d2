package search

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// Kind says where a word of a row comes from.
type Kind uint8

// Word kinds, strongest first: a word found several ways keeps the first.
const (
	// Text: a word of the row's visible text in the page's language.
	Text Kind = iota + 1
	// Vocabulary: a word of a label of the row's installation targets,
	// capabilities or statuses, in any language of the model (the labels of
	// content/<locale>/strings.yaml, through Model.Vocabularies).
	Vocabulary
	// Variant: adjacent words of one element joined (spelling without the
	// spaces, hyphens or dots), or a release qualifier on its own.
	Variant
	// Synonym: added by the lexicon (another member of a synonym group).
	Synonym
)

func (k Kind) String() string {
	switch k {
	case Text:
		return "text"
	case Vocabulary:
		return "vocabulary"
	case Variant:
		return "variant"
	case Synonym:
		return "synonym"
	}
	return "?"
}

// Piece is one element of a row's text, tokenized on its own: a line of a
// cell, a list item, a label.
type Piece struct {
	Text string
	Kind Kind // Text or Vocabulary
	// Of names the facet value the piece is a label of — "w:<workload>",
	// "t:<target>", "c:<capability>", "st:<status>", "s:<server>" (every
	// row has every server) — or is "" for the
	// row's own text. The page data does not repeat such pieces per row:
	// the script adds them from the row's facet values.
	Of string
}

// Index is what the rows of one locale's matrix page can be found by.
type Index struct {
	Locale string
	// Words is the vocabulary: first the NText words that occur in some
	// row's visible text, then every other word; each part in order of
	// first use (rows in order, pieces in RowPieces order).
	Words []string
	NText int
	// Groups are the distinct pieces' words (ids into Words, ascending);
	// Kinds the kind of each.
	Groups [][]int32
	Kinds  [][]Kind
	// Rows lists each row's groups (ids into Groups, ascending), in model
	// row order.
	Rows [][]int32
	// Implied maps a facet value ("t:vmware-vm", see Piece.Of) to the
	// groups of its labels, and RowOf lists each row's facet values: the
	// page data writes a row's other groups only.
	Implied map[string][]int32
	RowOf   [][]string
	// Fold is the folding table the page's script needs (see FoldTable).
	Fold [][2]string
	// Lexicon holds the stop words and synonyms used.
	Lexicon *Lexicon

	jsonOnce sync.Once
	json     []byte
}

// labels are a model's vocabulary labels: kind of term → id → its label
// per locale and its Piece.Of key ("t:vmware-vm"), made once.
type labels struct {
	targets, statuses, caps, servers labelMap
}

type labelMap map[string]label

type label struct {
	text matrix.L
	of   string
}

func modelLabels(m *matrix.Model) labels {
	get := func(prefix string, ts []matrix.Term) labelMap {
		out := make(labelMap, len(ts))
		for _, t := range ts {
			out[t.ID] = label{t.Label, prefix + t.ID}
		}
		return out
	}
	servers := make(labelMap, len(m.Servers))
	for _, s := range m.Servers {
		servers[s.ID] = label{s.Name, "s:" + s.ID}
	}
	return labels{get("t:", m.Vocabularies.Targets), get("st:", m.Vocabularies.Statuses), get("c:", m.Vocabularies.Capabilities), servers}
}

// get returns the label of id, making one (no text) for an id outside the
// vocabulary.
func (lm labelMap) get(prefix, id string) label {
	if l, ok := lm[id]; ok {
		return l
	}
	return label{of: prefix + id}
}

// RowPieces returns the pieces of row i of m on loc's page: the visible
// text — the workload's name, each version entry, each installation, each
// support status label and condition, each protect, recover and note item
// — then, as Vocabulary, the ids of the server releases ("v2"), the labels
// of the row's targets and capabilities in the page's language and those
// of its targets, capabilities and statuses in every other language. Structural labels of the page
// ("Protect", "Recover", "Notes", the "#" link, column names) are not the
// row's content and are not searched.
func RowPieces(m *matrix.Model, loc string, i int) []Piece {
	return rowPieces(nil, m, loc, i, workloadNames(m), modelLabels(m))
}

func workloadNames(m *matrix.Model) labelMap {
	out := make(labelMap, len(m.Workloads))
	for _, w := range m.Workloads {
		out[w.ID] = label{w.Name, "w:" + w.ID}
	}
	return out
}

// rowPieces appends row i's pieces to out[:0] (a buffer reused across rows).
func rowPieces(out []Piece, m *matrix.Model, loc string, i int, names labelMap, lb labels) []Piece {
	r := &m.Rows[i]
	out = out[:0]
	text := func(s, of string) { out = append(out, Piece{s, Text, of}) }
	vocab := func(s, of string) { out = append(out, Piece{s, Vocabulary, of}) }
	wl := names.get("w:", r.Workload)
	text(wl.text[loc], wl.of)
	for _, v := range r.Versions[loc] {
		text(v, "")
	}
	for _, in := range r.Installations {
		text(in.Text[loc], "")
	}
	statuses := make([]label, 0, len(m.Servers))
	for _, srv := range m.Servers {
		sup := r.Support[srv.ID]
		st := sup.Status
		if st == "" {
			st = string(matrix.StatusUnknown)
		}
		l := lb.statuses.get("st:", st)
		statuses = append(statuses, l)
		text(l.text[loc], l.of)
		if c := sup.Condition[loc]; len(c) > 0 {
			text(c.Plain(), "")
		}
	}
	for _, part := range [][]matrix.Rich{r.Protect[loc], r.Recover[loc], r.Notes[loc]} {
		for _, it := range part {
			text(it.Plain(), "")
		}
	}
	// The releases by id ("v2"): "sql 2016 v1" is how a reader asks. (Not
	// their names: "Azure Backup Server v1" would make "azure" every row's.)
	for _, srv := range m.Servers {
		sv := lb.servers.get("s:", srv.ID)
		vocab(srv.ID, sv.of)
	}
	for _, l := range m.Locales {
		for _, in := range r.Installations {
			t := lb.targets.get("t:", in.Target)
			vocab(t.text[l], t.of)
		}
		for _, c := range r.Capabilities {
			cl := lb.caps.get("c:", c)
			vocab(cl.text[l], cl.of)
		}
		if l != loc {
			for _, st := range statuses {
				vocab(st.text[l], st.of)
			}
		}
	}
	return out
}

// appendSections appends, for each section of r that is not empty on loc's
// page, the words that name it (Lexicon.Sections), as vocabulary. The
// recover words also name a row with a Protect list: what is backed up
// can be restored.
func (lx *Lexicon) appendSections(out []Piece, r *matrix.Row, loc string) []Piece {
	for _, sec := range Sections {
		var items []matrix.Rich
		switch sec {
		case "protect":
			items = r.Protect[loc]
		case "recover":
			// What is backed up can be restored: the Recover list says
			// what more (items, files), not whether.
			items = append(r.Recover[loc][:len(r.Recover[loc]):len(r.Recover[loc])], r.Protect[loc]...)
		}
		if len(items) == 0 {
			continue
		}
		for _, w := range lx.Sections[sec] {
			out = append(out, Piece{w, Vocabulary, ""})
		}
	}
	return out
}

// Build computes the index of loc's matrix page: every row's pieces
// tokenized once (identical pieces share one group), with their spelling
// variants and synonyms from loc's lexicon. The stop words are those of
// every locale of the model: the other language's words are searchable on
// each page, so its little words are typed there too ("sql on vmware" on
// the Dutch page).
func Build(m *matrix.Model, loc string) (*Index, error) {
	lx, err := LoadLexicon(loc)
	if err != nil {
		return nil, err
	}
	for _, l := range m.Locales {
		if l == loc {
			continue
		}
		other, err := LoadLexicon(l)
		if err != nil {
			return nil, err
		}
		for w := range other.Stop {
			lx.Stop[w] = true
		}
	}
	return BuildWith(m, loc, lx), nil
}

// BuildWith is Build with a given lexicon.
func BuildWith(m *matrix.Model, loc string, lx *Lexicon) *Index {
	ix := &Index{Locale: loc, Lexicon: lx, Rows: make([][]int32, len(m.Rows)), Implied: map[string][]int32{}, RowOf: make([][]string, len(m.Rows))}
	names, lb := workloadNames(m), modelLabels(m)
	type pieceKey struct {
		text string
		kind Kind
	}
	pieceID := map[pieceKey]int32{}
	var pieces []pieceKey
	var buf []Piece
	for i := range m.Rows {
		var gs []int32
		buf = rowPieces(buf, m, loc, i, names, lb)
		buf = lx.appendSections(buf, &m.Rows[i], loc)
		for _, p := range buf {
			if strings.TrimSpace(p.Text) == "" {
				continue
			}
			k := pieceKey{p.Text, p.Kind}
			id, ok := pieceID[k]
			if !ok {
				id = int32(len(pieces))
				pieceID[k] = id
				pieces = append(pieces, k)
			}
			gs = append(gs, id)
			if p.Of != "" {
				if !slices.Contains(ix.RowOf[i], p.Of) {
					ix.RowOf[i] = append(ix.RowOf[i], p.Of)
				}
				if !slices.Contains(ix.Implied[p.Of], id) {
					ix.Implied[p.Of] = append(ix.Implied[p.Of], id)
				}
			}
		}
		slices.Sort(gs)
		ix.Rows[i] = slices.Compact(gs)
	}
	for _, gs := range ix.Implied {
		slices.Sort(gs)
	}

	// Each piece's words with their kinds; the best kind of every word.
	type entry struct {
		word string
		kind Kind
	}
	pieceWords := make([][]entry, len(pieces))
	seen := map[string]int{} // a piece's words so far (cleared per piece)
	best := map[string]Kind{}
	var order []string // words in order of first use
	for pi, p := range pieces {
		us := Units(Fold(p.text))
		clear(seen)
		var es []entry
		add := func(k Kind) func(string) {
			return func(w string) {
				if w == "" {
					return
				}
				if j, ok := seen[w]; ok {
					es[j].kind = min(es[j].kind, k)
					return
				}
				seen[w] = len(es)
				es = append(es, entry{w, k})
			}
		}
		for _, u := range us {
			add(p.kind)(u.Word)
		}
		variants(us, lx.Stop, add(Variant))
		lx.expand(us, add(Synonym))
		for _, e := range es {
			b, ok := best[e.word]
			if !ok {
				order = append(order, e.word)
			}
			if !ok || e.kind < b {
				best[e.word] = e.kind
			}
		}
		pieceWords[pi] = es
	}

	// Words in order of first use keep a group's ids close together, so
	// their differences are small in the page data; the script sorts the
	// words for its binary search.
	var textWords, otherWords []string
	for _, w := range order {
		if best[w] == Text {
			textWords = append(textWords, w)
		} else {
			otherWords = append(otherWords, w)
		}
	}
	ix.Words = append(textWords, otherWords...)
	ix.NText = len(textWords)
	wordID := make(map[string]int32, len(ix.Words))
	for i, w := range ix.Words {
		wordID[w] = int32(i)
	}
	ix.Groups = make([][]int32, len(pieces))
	ix.Kinds = make([][]Kind, len(pieces))
	type idKind struct {
		id   int32
		kind Kind
	}
	for pi, es := range pieceWords {
		iks := make([]idKind, len(es))
		for j, e := range es {
			iks[j] = idKind{wordID[e.word], e.kind}
		}
		slices.SortFunc(iks, func(a, b idKind) int { return int(a.id - b.id) })
		ids := make([]int32, len(es))
		kinds := make([]Kind, len(es))
		for j, ik := range iks {
			ids[j], kinds[j] = ik.id, ik.kind
		}
		ix.Groups[pi], ix.Kinds[pi] = ids, kinds
	}
	ix.Fold = FoldTable(func(yield func(string) bool) {
		for _, p := range pieces {
			if !yield(p.text) {
				return
			}
		}
	})
	return ix
}

// RowWords returns every word row i can be found by, with its kind (the
// strongest kind when several pieces give it).
func (ix *Index) RowWords(i int) map[string]Kind {
	out := map[string]Kind{}
	for _, g := range ix.Rows[i] {
		for j, w := range ix.Groups[g] {
			word, k := ix.Words[w], ix.Kinds[g][j]
			if old, ok := out[word]; !ok || k < old {
				out[word] = k
			}
		}
	}
	return out
}

// Result is the rows a query finds.
type Result struct {
	Terms []Term
	// Rows are the rows found, in model order; Near[i] says Rows[i] is
	// found only because a typo was allowed (see MatchWord).
	Rows []int
	Near []bool
}

// Search is the reference matcher, the definition the page's script
// implements: a row is found when its words cover the query's terms in
// order, each term by a word that matches it (MatchWord, typos allowed for
// Term.Fuzzy terms) or a run of 2 to MaxJoinTerms adjacent terms, each but
// the last marked Join, together by a word that starts with them joined
// ("windows server" → "windowsserver"; "bare metal recovery" → the
// synonym's joined spelling "baremetalrecovery"; joins are never fuzzy).
// Words come from anywhere in the row: the terms' order in the query does
// not matter, only which terms run together. With no term every row is
// found.
func (ix *Index) Search(q string) Result {
	terms := ParseQuery(q, ix.Lexicon.Stop)
	res := Result{Terms: terms}
	n := len(ix.Rows)
	if len(terms) == 0 {
		for i := range n {
			res.Rows = append(res.Rows, i)
			res.Near = append(res.Near, false)
		}
		return res
	}
	// rowMatch[r] is the best match of a text in row r.
	rowMatch := func(t string, fuzzy bool) []Match {
		wm := make([]Match, len(ix.Words))
		for i, w := range ix.Words {
			wm[i] = MatchWord(t, w, fuzzy)
		}
		out := make([]Match, n)
		for r, gs := range ix.Rows {
			for _, g := range gs {
				for _, w := range ix.Groups[g] {
					out[r] = max(out[r], wm[w])
				}
			}
		}
		return out
	}
	single := make([][]Match, len(terms))
	// joined[i][L-2] is the run of L terms from term i read as one word.
	joined := make([][][]Match, len(terms))
	for i, t := range terms {
		single[i] = rowMatch(t.Text, t.Fuzzy())
		text := t.Text
		for j := i; j+1 < len(terms) && j-i+2 <= MaxJoinTerms && terms[j].Join; j++ {
			text += terms[j+1].Text
			joined[i] = append(joined[i], rowMatch(text, false))
		}
	}
	covered := func(r int, need Match) bool {
		ok := make([]bool, len(terms)+1)
		ok[0] = true
		for k := 1; k <= len(terms); k++ {
			ok[k] = ok[k-1] && single[k-1][r] >= need
			for l := 2; !ok[k] && l <= k; l++ {
				if js := joined[k-l]; l-2 < len(js) && ok[k-l] && js[l-2][r] == Exact {
					ok[k] = true
				}
			}
		}
		return ok[len(terms)]
	}
	for r := range n {
		if covered(r, Near) {
			res.Rows = append(res.Rows, r)
			res.Near = append(res.Near, !covered(r, Exact))
		}
	}
	return res
}

// MaxJoinTerms is the most adjacent query terms read together as one word:
// enough for the longest synonym phrase ("system center virtual machine
// manager", five words; TestSynonymPhrasesJoin holds the data to it).
const MaxJoinTerms = 6

// String describes the index's size.
func (ix *Index) String() string {
	refs := 0
	for _, g := range ix.Groups {
		refs += len(g)
	}
	return fmt.Sprintf("%s: %d words (%d of the text), %d groups (%d word refs), %d rows", ix.Locale, len(ix.Words), ix.NText, len(ix.Groups), refs, len(ix.Rows))
}
