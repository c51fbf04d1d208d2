package matrix

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/phrase"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// seg is one piece of a cell line: text or a link, with whitespace already
// collapsed. src maps each byte of Text back to its byte offset in the
// source inline, so a finding inside the text (a stray paren) can still be
// reported at its exact column.
type seg struct {
	Text string
	Href string
	Pos  diag.Position
	// src is nil when byte i of Text came from byte base+i of the inline
	// (text with no white space to collapse: nearly all of it), so that only
	// the rare collapsed text pays for a map of one int a byte.
	src  []int
	base int
}

// srcOff is the offset in the source inline of byte i of s.Text.
func (s seg) srcOff(i int) int {
	if s.src != nil {
		return s.src[i]
	}
	return s.base + i
}

// line is a run of segments between two line breaks of a cell.
type line []seg

// para is a run of non-blank lines; blank lines (two breaks in a row)
// separate paragraphs.
type para []line

// cellParas splits a cell into paragraphs of lines. A Break ends a line; an
// empty (whitespace-only) line ends a paragraph. Runs of whitespace inside
// text collapse to one space and every line is trimmed, so " <br /> <br /> "
// and "<br/><br/>" mean the same thing.
func cellParas(c source.Cell) []para {
	var out []para
	var cur para
	var ln line
	flush := func() {
		ln = trimLine(ln)
		if len(ln) == 0 {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
		} else {
			cur = append(cur, ln)
		}
		ln = nil
	}
	for _, in := range c.Inlines {
		switch in.Kind {
		case source.Break:
			flush()
		default:
			s := collapse(in.Text, in.Pos)
			s.Href = in.Href
			if s.Text != "" || s.Href != "" {
				ln = append(ln, s)
			}
		}
	}
	flush()
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// cellText is a cell split into paragraphs of lines once: the rules of a
// row (paren check, then the column's parser) all read it, and splitting is
// the larger part of their cost.
type cellText struct {
	Pos   diag.Position
	Paras []para
}

// splitCell splits c (see cellParas).
func splitCell(c source.Cell) cellText {
	return cellText{Pos: c.Pos, Paras: cellParas(c)}
}

// lines is every non-blank line of the cell, paragraphs flattened. Callers
// must not modify the result (it may be the cell's own paragraph).
func (c cellText) lines() []line {
	switch len(c.Paras) {
	case 0:
		return nil
	case 1:
		return c.Paras[0]
	}
	n := 0
	for _, p := range c.Paras {
		n += len(p)
	}
	out := make([]line, 0, n)
	for _, p := range c.Paras {
		out = append(out, p...)
	}
	return out
}

// collapse turns runs of Unicode white space (including NBSP) into one
// space, remembering where each kept byte came from.
func collapse(text string, pos diag.Position) seg {
	if plainSpaced(text) {
		return seg{Text: text, Pos: pos}
	}
	s := seg{Pos: pos, src: make([]int, 0, len(text))}
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for i, r := range text {
		if unicode.IsSpace(r) || r == '\u00a0' {
			if !space {
				b.WriteByte(' ')
				s.src = append(s.src, i)
			}
			space = true
			continue
		}
		space = false
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			n = 1
		}
		b.WriteString(text[i : i+n])
		for k := 0; k < n; k++ {
			s.src = append(s.src, i+k)
		}
	}
	s.Text = b.String()
	return s
}

// plainSpaced reports whether collapse would return text unchanged: its
// only white space is single ASCII spaces. Text holding U+FFFD (or invalid
// UTF-8) takes the slow path, which writes it its own way.
func plainSpaced(text string) bool {
	space := false
	for _, r := range text {
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
			continue
		case r == utf8.RuneError, r == '\u00a0', unicode.IsSpace(r):
			return false
		}
		space = false
	}
	return true
}

// trimLine drops leading and trailing white space of a line (and segments
// left empty by it). Links are kept even with empty labels.
func trimLine(l line) line {
	for len(l) > 0 {
		l[0] = cutSeg(l[0], leadingSpace(l[0].Text), len(l[0].Text))
		if l[0].Text == "" && l[0].Href == "" {
			l = l[1:]
			continue
		}
		break
	}
	for len(l) > 0 {
		last := l[len(l)-1]
		t := strings.TrimRightFunc(last.Text, unicode.IsSpace)
		l[len(l)-1] = cutSeg(last, 0, len(t))
		if l[len(l)-1].Text == "" && l[len(l)-1].Href == "" {
			l = l[:len(l)-1]
			continue
		}
		break
	}
	return l
}

func leadingSpace(s string) int {
	return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
}

// cutSeg returns the bytes [i:j) of s's text. Pos stays the inline's start
// and src keeps offsets into that inline, so positions survive any cut.
func cutSeg(s seg, i, j int) seg {
	out := seg{Text: s.Text[i:j], Href: s.Href, Pos: s.Pos}
	if s.src != nil {
		out.src = s.src[i:j]
	} else {
		out.base = s.base + i
	}
	return out
}

// text is the plain text of a line (link labels included).
func (l line) text() string {
	switch len(l) {
	case 0:
		return ""
	case 1:
		return l[0].Text
	}
	n := 0
	for _, s := range l {
		n += len(s.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range l {
		b.WriteString(s.Text)
	}
	return b.String()
}

// pos is the position of byte off of l.text().
func (l line) pos(off int) diag.Position {
	for _, s := range l {
		if off < len(s.Text) {
			p := s.Pos
			if s.Href == "" {
				p.Col += s.srcOff(off)
			}
			return p
		}
		off -= len(s.Text)
	}
	if len(l) > 0 {
		return l[len(l)-1].Pos
	}
	return diag.Position{}
}

// slice returns the part of l covering bytes [i:j) of l.text(). A link cut
// in the middle keeps its Href on both halves.
func (l line) slice(i, j int) line { return l.sliceFrom(0, 0, i, j) }

// sliceFrom is slice looking at the segments from l[k] on, l[k] starting
// at byte off of l.text(); the segments before it must end before i.
func (l line) sliceFrom(k, off, i, j int) line {
	var out line
	for _, s := range l[k:] {
		a, b := off, off+len(s.Text)
		if a >= j {
			break // this and every later segment start past the slice
		}
		off = b
		lo, hi := max(a, i), min(b, j)
		if lo >= hi && !(s.Text == "" && a >= i && a < j) {
			continue
		}
		out = append(out, cutSeg(s, lo-a, hi-a))
	}
	return out
}

// trimmed slices l to [i:j) and trims white space and the given cutset
// (punctuation such as trailing commas) from both ends.
func (l line) trimmed(i, j int, cutset string) line {
	i, j = trimRange(l.text(), i, j, cutset)
	return l.slice(i, j)
}

// trimRange narrows [i:j) of t past white space and cutset bytes at both ends.
func trimRange(t string, i, j int, cutset string) (int, int) {
	for i < j && (t[i] == ' ' || strings.IndexByte(cutset, t[i]) >= 0) {
		i++
	}
	for j > i && (t[j-1] == ' ' || strings.IndexByte(cutset, t[j-1]) >= 0) {
		j--
	}
	return i, j
}

// rich converts a line to the model's rich text: a link per link segment,
// one span per run of plain ones.
func (l line) rich() Rich {
	out := make(Rich, 0, len(l))
	for i := 0; i < len(l); {
		j := i + 1
		if l[i].Href == "" {
			for j < len(l) && l[j].Href == "" {
				j++
			}
		}
		if j == i+1 {
			out = append(out, Span{Text: l[i].Text, Href: l[i].Href})
		} else {
			// One string for the run: appending segment by segment was
			// quadratic in a condition of thousands of lines.
			n := 0
			for _, s := range l[i:j] {
				n += len(s.Text)
			}
			var b strings.Builder
			b.Grow(n)
			for _, s := range l[i:j] {
				b.WriteString(s.Text)
			}
			out = append(out, Span{Text: b.String()})
		}
		i = j
	}
	return out
}

// joinLines makes one line of several, separated by a space.
func joinLines(ls []line) line {
	var out line
	for i, l := range ls {
		if i > 0 {
			out = append(out, seg{Text: " ", Pos: l[0].Pos})
		}
		out = append(out, l...)
	}
	return out
}

// Plain is the text of a rich run: its spans joined (a link is part of its
// line, as the reader sees it).
func (r Rich) Plain() string {
	if len(r) == 1 {
		return r[0].Text
	}
	var b strings.Builder
	for _, s := range r {
		b.WriteString(s.Text)
	}
	return b.String()
}

// norm is the comparison form of a phrase (phrase.Norm): lower case, white
// space collapsed, typographic punctuation made ASCII.
func norm(s string) string { return phrase.Norm(s) }

// splitTop returns the byte ranges of s split on sep at parenthesis depth
// zero, so "a (b, c), d" is two parts. A ',' separator also splits at the
// full-width "，" and the ideographic "、" of Chinese and Japanese text, and
// full-width parentheses nest like ASCII ones.
func splitTop(s string, sep byte) [][2]int {
	var out [][2]int
	depth, start := 0, 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch phrase.FoldRune(r) {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case rune(sep):
			if depth == 0 {
				out = append(out, [2]int{start, i})
				start = i + n
			}
		}
		i += n
	}
	return append(out, [2]int{start, len(s)})
}

// splitList splits a list on top-level commas and on any of words (in Norm
// form, e.g. the language's "or") standing as whole words outside
// parentheses: "Physical server, Stack VM or VMware VM" is three parts.
func splitList(s string, words []string) [][2]int {
	var out [][2]int
	for _, r := range splitTop(s, ',') {
		part := s[r[0]:r[1]]
		start, depth := 0, 0
		for i := 0; i < len(part); {
			c, n := utf8.DecodeRuneInString(part[i:])
			switch phrase.FoldRune(c) {
			case '(':
				depth++
			case ')':
				if depth > 0 {
					depth--
				}
			}
			if depth == 0 && wordBoundaryBefore(part, i) {
				for _, w := range words {
					k, ok := phrase.HasFoldPrefix(part[i:], w)
					if ok && wordBoundaryAfter(part, i+k) {
						out = append(out, [2]int{r[0] + start, r[0] + i})
						start = i + k
						i += k - n
						break
					}
				}
			}
			i += n
		}
		out = append(out, [2]int{r[0] + start, r[1]})
	}
	return out
}

func wordBoundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !phrase.IsWordRune(r)
}

func wordBoundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !phrase.IsWordRune(r)
}

// slug makes an ASCII id: lower case letters and digits, other runs become
// one hyphen; accented Latin letters lose their accent.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if a, ok := foldAccent[r]; ok {
			r = a
		}
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		if r == '\'' || r == '\u2019' {
			continue // "CSV's" → "csvs"
		}
		dash = true
	}
	return b.String()
}

var foldAccent = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ç': 'c',
	'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i',
	'ñ': 'n', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ù': 'u', 'ú': 'u',
	'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y', 'ß': 's',
}
