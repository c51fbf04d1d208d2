package matrix

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/phrase"
)

// protection is the protection column of one row in one locale.
type protection struct {
	Protect, Recover, Notes []Rich
	// Named are the notes that say what can be protected ("… to protect
	// Windows Server 2012 deduped volumes"): their capability keywords count.
	Named []Rich
	// kinds is, per paragraph, the kind of label it starts with (or has
	// after a sentence), or noLabel.
	kinds []labelAt
}

// labelAt is a paragraph's label, if any.
type labelAt struct {
	ok   bool
	kind phrase.LabelKind
}

// splitProtection splits the "protection and recovery" cell (rules in the
// package doc), reading labels the language's books lack from the English
// original when the file has one.
func (dc *docCtx) splitProtection(c cellText, twin *protection) protection {
	return splitProtectionIn(dc.lg, c, dc, twin)
}

// splitProtectionIn splits a protection cell in the language lg:
// paragraphs are separated by blank lines; a paragraph that starts with a
// label ("Beveiligen:", "Recover:"), or has one right after a sentence
// ("… Windows Server 2016. Beveiligen: …"), lists items separated by
// top-level commas; the text before such a label is a note. A paragraph
// whose English original (twin) starts with a label lists items after its
// own first ":". An unlabelled line that is a list, not a sentence, lists
// what can be recovered when it names a way to recover ("Item-level
// recovery of files and folders…"), else — on the cell's first line — what
// is protected; every other line is a note, and a note that says what it
// protects ("… to protect … deduped volumes") is also Named. dc, when not
// nil, receives the report of labels read from the twin.
func splitProtectionIn(lg *phrase.Lang, c cellText, dc *docCtx, twin *protection) protection {
	var out protection
	items := func(kind phrase.LabelKind, l line) {
		it := listItems(lg, l)
		if kind == phrase.Protect {
			out.Protect = append(out.Protect, it...)
		} else {
			out.Recover = append(out.Recover, it...)
		}
	}
	for pi, p := range c.Paras {
		j := joinLines(p)
		t := j.text()
		if at, end, kind, ok := findLabel(lg, t); ok {
			out.kinds = append(out.kinds, labelAt{true, kind})
			if at > 0 {
				if n := j.trimmed(0, at, ""); len(n) > 0 {
					out.Notes = append(out.Notes, n.rich())
				}
			}
			items(kind, j.slice(end, len(t)))
			continue
		}
		if twin != nil && pi < len(twin.kinds) && twin.kinds[pi].ok && len(twin.kinds) == len(c.Paras) {
			if colon := labelEnd(t); colon > 0 {
				kind := twin.kinds[pi].kind
				out.kinds = append(out.kinds, labelAt{true, kind})
				if dc != nil {
					label := strings.TrimSpace(t[:colon])
					dc.un.warn(j.pos(0), "unknown-label", norm(label),
						"label %q is not in the %s phrasebook; read as a %s label from the English original — add it to labels.%s in %s",
						label, lg.Tag, kindName(kind), kindName(kind), dc.book())
				}
				items(kind, j.slice(colon, len(t)))
				continue
			}
		}
		out.kinds = append(out.kinds, labelAt{})
		for li, ln := range p {
			lt := ln.text()
			switch {
			case pi == 0 && li == 0 && !isSentence(lt):
				items(phrase.Protect, ln)
			case !isSentence(lt) && namesRecovery(lg, lt):
				items(phrase.Recover, ln)
			default:
				out.Notes = append(out.Notes, ln.rich())
				if n := norm(lt); lg.NamesProtection(n) && !lg.Negated(n) {
					out.Named = append(out.Named, ln.rich())
				}
			}
		}
	}
	return out
}

// namesRecovery reports whether a line names a way to recover, the words of
// the bare-metal capability left out: many languages write bare metal with
// a recovery noun ("Bare-Metal-Wiederherstellung", "úplné obnovení
// systému"), and that is something protected, not a list of restores.
func namesRecovery(lg *phrase.Lang, text string) bool {
	s := norm(text)
	for _, cw := range lg.CapWords() {
		if cw.Cap != string(CapBareMetal) {
			continue
		}
		for i := phrase.WordIndex(s, cw.Word); i >= 0; i = phrase.WordIndex(s, cw.Word) {
			s = s[:i] + strings.Repeat(" ", len(cw.Word)) + s[i+len(cw.Word):]
		}
	}
	return lg.NamesRecovery(s)
}

func kindName(k phrase.LabelKind) string {
	if k == phrase.Recover {
		return "recover"
	}
	return "protect"
}

// labelEnd is the offset just past the first ":" (or "：") of t when it
// comes early enough to end a label (within 80 bytes, before any sentence
// break), else 0.
func labelEnd(t string) int {
	for i, r := range t {
		if i > 80 {
			return 0
		}
		switch {
		case r == ':' || r == '：':
			if i == 0 {
				return 0
			}
			return i + utf8.RuneLen(r)
		case r == '.' && strings.HasPrefix(t[i:], ". "):
			return 0
		}
	}
	return 0
}

// listItems splits a line into items on commas outside parentheses. A
// list whose first part is a phrase of three words or more and whose last
// part joins two things with the language's "and" is one enumeration
// inside one phrase — "VMware VMs on cluster-shared volumes (CSVs), NFS,
// and SAN storage" — and stays one item. An item keeps no unbalanced
// parenthesis (the cell's check has reported it).
func listItems(lg *phrase.Lang, l line) []Rich {
	t := l.text()
	parts := splitTop(t, ',')
	if len(parts) >= 2 {
		first := strings.Fields(t[parts[0][0]:parts[0][1]])
		lastPart := t[parts[len(parts)-1][0]:parts[len(parts)-1][1]]
		if len(first) >= 3 && hasWord(lastPart, lg.Words("and")) {
			parts = [][2]int{{0, len(t)}}
		}
	}
	var out []Rich
	cut := newCutter(l)
	for _, r := range parts {
		if it := cut.trimmed(r[0], r[1], ""); len(it) > 0 {
			if item := cleanParens(it.rich()); len(item) > 0 {
				out = append(out, item)
			}
		}
	}
	return out
}

// hasWord reports whether s holds one of words (Norm form) as a whole word.
func hasWord(s string, words []string) bool {
	n := norm(s)
	for _, w := range words {
		if i := phrase.WordIndex(n, w); i >= 0 && wordBoundaryAfter(n, i+len(w)) {
			return true
		}
	}
	return false
}

// cleanParens drops every ")" with no "(" before it and every "(" never
// closed from an item's text (links keep their targets) — one between two
// characters becomes a space — then trims the white space left at the ends.
func cleanParens(r Rich) Rich {
	text := r.Plain()
	var drop []int
	var open []int
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(':
			open = append(open, i)
		case ')':
			if len(open) == 0 {
				drop = append(drop, i)
			} else {
				open = open[:len(open)-1]
			}
		}
	}
	drop = append(drop, open...)
	if len(drop) == 0 {
		return r
	}
	skip := map[int]bool{}
	for _, i := range drop {
		skip[i] = true
	}
	// A run of them between two other characters ("a)b", "N((ano")
	// becomes one space, so the words on its sides stay two words; anywhere
	// else it goes.
	space := map[int]bool{} // the first index of a run that becomes a space
	for i := 0; i < len(text); {
		if !skip[i] {
			i++
			continue
		}
		j := i
		for j < len(text) && skip[j] {
			j++
		}
		if i > 0 && j < len(text) && text[i-1] != ' ' && text[j] != ' ' {
			space[i] = true
		}
		i = j
	}
	out := make(Rich, 0, len(r))
	off := 0
	for _, sp := range r {
		var b strings.Builder
		for k := 0; k < len(sp.Text); k++ {
			switch {
			case !skip[off+k]:
				b.WriteByte(sp.Text[k])
			case space[off+k]:
				b.WriteByte(' ')
			}
		}
		off += len(sp.Text)
		out = append(out, Span{Text: b.String(), Href: sp.Href})
	}
	// Trim the ends, dropping spans left empty (a link keeps its target).
	for len(out) > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
		if out[0].Text != "" || out[0].Href != "" {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		n := len(out) - 1
		out[n].Text = strings.TrimRight(out[n].Text, " ")
		if out[n].Text != "" || out[n].Href != "" {
			break
		}
		out = out[:n]
	}
	return out
}

// isSentence: text that ends like a sentence or holds a sentence break.
func isSentence(t string) bool {
	t = strings.TrimSpace(t)
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") ||
		strings.HasSuffix(t, "。") || strings.Contains(t, ". ") || strings.Contains(t, "。")
}

// findLabel finds a label of the locale at the start of t or right after a
// sentence end (". "). It returns where the label starts and ends.
func findLabel(lg *phrase.Lang, t string) (at, end int, kind phrase.LabelKind, ok bool) {
	starts := []int{0}
	for i := 0; i+1 < len(t); i++ {
		if t[i] == '.' && t[i+1] == ' ' {
			starts = append(starts, i+2)
		}
	}
	// A Chinese or Japanese full stop ends a sentence with or without a
	// space after it ("…執行。 保護：…").
	for i := strings.Index(t, "。"); i >= 0; {
		s := i + len("。")
		for s < len(t) && t[s] == ' ' {
			s++
		}
		starts = append(starts, s)
		j := strings.Index(t[s:], "。")
		if j < 0 {
			break
		}
		i = s + j
	}
	slices.Sort(starts)
	for _, s := range starts {
		if n, k, _, hit := lg.Label(t[s:]); hit {
			return s, s + n, k, true
		}
	}
	return 0, 0, 0, false
}

// capSet is a set of capabilities, bit i standing for Capabilities[i].
type capSet uint64

// capBit maps a capability to its bit in a capSet.
var capBit = func() map[Capability]capSet {
	m := make(map[Capability]capSet, len(Capabilities))
	for i, c := range Capabilities {
		m[c] = 1 << i
	}
	return m
}()

// capMemo remembers itemCaps per item text for one locale: the same
// protect/recover items recur on row after row.
type capMemo struct {
	lang *phrase.Lang
	sets map[string]capSet
}

// of is the union of the capabilities of items.
func (m *capMemo) of(items ...[]Rich) capSet {
	var set capSet
	for _, list := range items {
		for _, it := range list {
			t := it.Plain()
			s, ok := m.sets[t]
			if !ok {
				s = itemCaps(m.lang, t)
				m.sets[t] = s
			}
			set |= s
		}
	}
	return set
}

// itemCaps tags one item's text with the locale's capability keywords. A
// keyword must start at a word start; the text it matched is used up so a
// later, more general keyword cannot match it again.
func itemCaps(lg *phrase.Lang, text string) capSet {
	var out capSet
	s := norm(text)
	var used []byte // s with the matches so far blanked, once one matched
	for _, cw := range lg.CapWords() {
		w := cw.Word
		for from := 0; ; {
			var i int
			if used == nil {
				i = phrase.WordIndexFrom(s, w, from)
			} else {
				i = phrase.WordIndexFrom(used, w, from)
			}
			if i < 0 {
				break
			}
			out |= capBit[Capability(cw.Cap)] // 0 for a word that is only used up
			// Use the match up, in place (a copy of the item per match was
			// quadratic in a long item). The blank can only make a match
			// ending right before it valid (as a word end), so the search
			// goes on from there, not from 0.
			if used == nil {
				used = []byte(s)
			}
			for k := i; k < i+len(w); k++ {
				used[k] = ' '
			}
			from = max(0, i-len(w))
		}
	}
	return out
}

// checkParens warns about a ")" with no "(" before it and a "(" never
// closed, at the exact character, line by line.
func checkParens(c cellText, l *diag.List) {
	for _, ln := range c.lines() {
		cut := newCutter(ln)
		t := cut.text
		var open []int
		for i := 0; i < len(t); i++ {
			switch t[i] {
			case '(':
				open = append(open, i)
			case ')':
				if len(open) == 0 {
					l.Warnf(cut.pos(i), "unbalanced-paren", "unbalanced \")\" in cell: %q", excerpt(t, i))
					continue
				}
				open = open[:len(open)-1]
			}
		}
		for _, i := range open {
			l.Warnf(cut.pos(i), "unbalanced-paren", "unclosed \"(\" in cell: %q", excerpt(t, i))
		}
	}
}

// excerpt is up to 30 bytes of t around i, cut at rune boundaries.
func excerpt(t string, i int) string {
	a, b := max(0, i-20), min(len(t), i+10)
	for a > 0 && !utf8.RuneStart(t[a]) {
		a--
	}
	for b < len(t) && !utf8.RuneStart(t[b]) {
		b++
	}
	return t[a:b]
}
