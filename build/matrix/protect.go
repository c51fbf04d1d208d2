package matrix

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// protection is the protection column of one row in one locale.
type protection struct {
	Protect, Recover, Notes []Rich
}

// splitProtection splits the "protection and recovery" cell (rules in the
// package doc): paragraphs are separated by blank lines; a paragraph that
// starts with a label of the locale ("Beveiligen:", "Recover:"), or has one
// right after a sentence ("… Windows Server 2016. Beveiligen: …"), lists
// items separated by top-level commas; the text before such a label is a
// note. In an unlabelled cell the first line of the first paragraph is the
// protect list when it is a list, not a sentence; every other line is a
// note.
func splitProtection(locale string, c cellText) protection {
	var out protection
	for pi, p := range c.Paras {
		j := joinLines(p)
		t := j.text()
		if at, end, kind, ok := findLabel(locale, t); ok {
			if at > 0 {
				if n := j.trimmed(0, at, ""); len(n) > 0 {
					out.Notes = append(out.Notes, n.rich())
				}
			}
			items := listItems(j.slice(end, len(t)))
			if kind == labelProtect {
				out.Protect = append(out.Protect, items...)
			} else {
				out.Recover = append(out.Recover, items...)
			}
			continue
		}
		for li, ln := range p {
			if pi == 0 && li == 0 && !isSentence(ln.text()) {
				out.Protect = append(out.Protect, listItems(ln)...)
				continue
			}
			out.Notes = append(out.Notes, ln.rich())
		}
	}
	return out
}

// listItems splits a line on commas outside parentheses.
func listItems(l line) []Rich {
	c := newCutter(l)
	var out []Rich
	for _, r := range splitTop(c.text, ',') {
		if it := c.trimmed(r[0], r[1], ""); len(it) > 0 {
			out = append(out, it.rich())
		}
	}
	return out
}

// isSentence: text that ends like a sentence or holds a sentence break.
func isSentence(t string) bool {
	t = strings.TrimSpace(t)
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") ||
		strings.Contains(t, ". ")
}

// findLabel finds a label of the locale at the start of t or right after a
// sentence end (". "). It returns where the label starts and ends.
func findLabel(locale, t string) (at, end int, kind labelKind, ok bool) {
	starts := []int{0}
	for i := 0; i+1 < len(t); i++ {
		if t[i] == '.' && t[i+1] == ' ' {
			starts = append(starts, i+2)
		}
	}
	for _, s := range starts {
		for _, lb := range lookup(labels, locale) {
			if n, hit := foldPrefix(t[s:], lb.Text); hit {
				return s, s + n, lb.Kind, true
			}
		}
	}
	return 0, 0, 0, false
}

// foldPrefix reports whether s starts with prefix, ignoring case and
// apostrophe style (prefix is in norm() form), and how many bytes of s
// the prefix covers.
func foldPrefix(s, prefix string) (int, bool) {
	i := 0
	for _, pr := range prefix {
		if i >= len(s) {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\u2019' {
			r = '\''
		}
		if unicode.ToLower(r) != pr {
			return 0, false
		}
		i += n
	}
	return i, true
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

// capabilities tags items with the locale's capability keywords (see
// itemCaps).
func capabilities(locale string, items []Rich) map[Capability]bool {
	var set capSet
	for _, it := range items {
		set |= itemCaps(locale, it.plain())
	}
	out := map[Capability]bool{}
	for i, c := range Capabilities {
		if set&(1<<i) != 0 {
			out[c] = true
		}
	}
	return out
}

// capMemo remembers itemCaps per item text for one locale: the same
// protect/recover items recur on row after row.
type capMemo struct {
	locale string
	sets   map[string]capSet
}

// of is the union of the capabilities of items.
func (m *capMemo) of(items ...[]Rich) capSet {
	var set capSet
	for _, list := range items {
		for _, it := range list {
			t := it.plain()
			s, ok := m.sets[t]
			if !ok {
				s = itemCaps(m.locale, t)
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
func itemCaps(locale, text string) capSet {
	var out capSet
	s := norm(text)
	var used []byte // s with the matches so far blanked, once one matched
	for _, rule := range lookup(capWords, locale) {
		for _, w := range rule.Words {
			for from := 0; ; {
				var i int
				if used == nil {
					i = wordIndexFrom(s, w, from)
				} else {
					i = wordIndexFrom(used, w, from)
				}
				if i < 0 {
					break
				}
				out |= capBit[rule.Cap] // 0 for a rule that only uses words up
				// Use the match up, in place (a copy of one item text was
				// made a match, quadratic in a long item). The blank can only
				// make the match ending right before it valid (as a word
				// end), so the search goes on from there, not from 0.
				if used == nil {
					used = []byte(s)
				}
				for k := i; k < i+len(w); k++ {
					used[k] = ' '
				}
				from = max(0, i-len(w))
			}
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
