package source

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/text"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// readTable turns a GFM table node into a Table. Cells come from goldmark's
// AST; only RawCells looks at the source line, to count what the author wrote
// before GFM padded or cut the row.
func (p *parseState) readTable(t *east.Table, section string) Table {
	tab := Table{Section: section, Pos: p.in.pos(max(t.Pos(), 0))}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		switch r := r.(type) {
		case *east.TableHeader:
			tab.Header = p.readCells(r)
			if r.Pos() >= 0 {
				tab.Pos = p.in.pos(r.Pos())
			}
		case *east.TableRow:
			row := Row{Cells: p.readCells(r), Pos: p.in.pos(max(r.Pos(), 0))}
			if r.Pos() >= 0 {
				row.RawCells = countCells(p.in.body, r.Pos())
				if row.RawCells > len(tab.Header) && len(tab.Header) > 0 {
					row.Extra = p.extraCells(r.Pos(), len(tab.Header))
				}
			}
			tab.Rows = append(tab.Rows, row)
		}
	}
	return tab
}

// readCells reads the cells of a header or body row. One sink and one
// walker serve every cell of the document (reset per cell): a 10,000-row
// table has 60,000 cells, and a fresh sink each would be most of the parse's
// garbage.
func (p *parseState) readCells(row ast.Node) []Cell {
	cells := make([]Cell, 0, row.ChildCount())
	rowEnd := lineEnd(p.in.body, max(row.Pos(), 0))
	s, tw := &p.cell, &p.twinCell
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		off := rowEnd // a cell GFM added to pad the row sits at its end
		if c.Lines().Len() > 0 {
			off = c.Lines().At(0).Start
		}
		s.reset()
		tw.reset()
		w := p.reuseWalker(&p.cellWalker, s, tw, off)
		w.walk(c)
		cell := Cell{Inlines: s.finish(p), Pos: p.in.pos(off)}
		if w.sawMT {
			cell.Twin = tw.finish(p)
			if cell.Twin == nil {
				cell.Twin = []Inline{}
			}
		}
		cells = append(cells, cell)
	}
	return cells
}

// countCells counts the cells written on the row line starting at off, by the
// same rule goldmark splits them: optional outer pipes, and every '|' not
// preceded by a backslash separates two cells (GFM: a pipe inside a code span
// splits the cell too unless escaped).
func countCells(body []byte, off int) int {
	line := bytes.TrimSpace(body[off:lineEnd(body, off)])
	line = bytes.TrimPrefix(line, pipe)
	line = bytes.TrimSuffix(line, pipe)
	if len(line) == 0 {
		return 0
	}
	n := 1
	for i := 0; i < len(line); i++ {
		if line[i] == '|' && (i == 0 || line[i-1] != '\\') {
			n++
		}
	}
	return n
}

var pipe = []byte("|")

// cellRanges returns the body offsets [start, end) of every cell written on
// the row line starting at off, by countCells's rule.
func cellRanges(body []byte, off int) [][2]int {
	end := lineEnd(body, off)
	a, b := off, end
	for a < b && isSpaceByteV(body[a]) {
		a++
	}
	for b > a && isSpaceByteV(body[b-1]) {
		b--
	}
	if a < b && body[a] == '|' {
		a++
	}
	if b > a && body[b-1] == '|' && (b-2 < a || body[b-2] != '\\') {
		b--
	}
	if a >= b {
		return nil
	}
	var out [][2]int
	start := a
	for i := a; i < b; i++ {
		if body[i] == '|' && (i == a || body[i-1] != '\\') {
			out = append(out, [2]int{start, i})
			start = i + 1
		}
	}
	return append(out, [2]int{start, b})
}

// extraCells reads the cells a row line holds beyond the header's count,
// which GFM drops without a word: each is parsed as inline markdown on its
// own (the same sanitizer as every cell), so nothing the author wrote is
// lost and no raw HTML gets through.
func (p *parseState) extraCells(off, header int) []Cell {
	ranges := cellRanges(p.in.body, off)
	if len(ranges) <= header {
		return nil
	}
	var out []Cell
	for _, r := range ranges[header:] {
		out = append(out, p.parseFragment(r[0], r[1]))
	}
	return out
}

// parseFragment parses body[a:b] (one line, no block syntax expected) as
// the inline content of a paragraph and returns it as a cell, positions
// in the original file.
func (p *parseState) parseFragment(a, b int) Cell {
	// A copy: goldmark appends a newline to a source that lacks one, which in
	// a slice of the document would overwrite the byte after the fragment.
	sub := &parseState{
		in:     &input{orig: p.in.orig, body: bytes.Clone(p.in.body[a:b]), base: p.in.origOffset(a), idx: p.in.idx},
		locale: p.locale, diags: p.diags, doc: &Document{}, ids: map[string]int{},
	}
	// A fragment that looks like a block of its own ("# x", "- x") loses
	// only its marker: the walker reads the inline text of any block.
	root := mdPlain.Parser().Parse(text.NewReader(sub.in.body))
	cell := Cell{Pos: sub.in.pos(0)}
	s := &cellSink{}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		start := 0
		if n.Lines().Len() > 0 {
			start = n.Lines().At(0).Start
		}
		if len(s.out) > 0 {
			s.text(oneSpace, -1, false)
		}
		sub.newWalker(s, start).walk(n)
	}
	cell.Inlines = s.finish(sub)
	return cell
}

// cellSink builds a cell's inline list: text pieces with whitespace runs
// collapsed, breaks, and links with their flattened label. Its buffers are
// kept across cells (see reset); only the finished []Inline and its strings
// are handed out.
type cellSink struct {
	out []piece
	buf []byte // pending text
	// nonBlank: buf holds something other than (Unicode) white space. While
	// it is blank, each new text moves bufOff to its first non-space byte.
	nonBlank bool
	bufOff   int // offset of the first non-space byte of buf
	inLink   bool
	link     piece
	label    []byte // the pending link's label
	scratch  []byte
}

// piece is an Inline still carrying its body offset; positions are made
// once, at the end.
type piece struct {
	Inline
	off int
}

// reset makes s ready for a new cell, keeping its buffers' memory.
func (s *cellSink) reset() {
	s.out = s.out[:0]
	s.buf = s.buf[:0]
	s.nonBlank = false
	s.bufOff = 0
	s.inLink = false
	s.link = piece{}
	s.label = s.label[:0]
}

func (s *cellSink) text(v []byte, off int, code bool) {
	if s.inLink {
		s.label = append(s.label, v...)
		return
	}
	if !s.nonBlank {
		for i, c := range v {
			if !isSpaceByteV(c) {
				s.bufOff = off + i
				break
			}
		}
		s.nonBlank = len(bytes.TrimSpace(v)) > 0
	}
	s.buf = append(s.buf, v...)
}

var oneSpace = []byte(" ")

func (s *cellSink) lineBreak(off int) {
	if s.inLink {
		s.label = append(s.label, ' ')
		return
	}
	s.flush()
	s.out = append(s.out, piece{Inline{Kind: Break}, off})
}

func (s *cellSink) softBreak() { s.text(oneSpace, -1, false) }

func (s *cellSink) linkStart(href string, off int) {
	s.flush()
	s.inLink = true
	s.link = piece{Inline{Kind: Link, Href: href}, off}
	s.label = s.label[:0]
}

func (s *cellSink) linkEnd() {
	s.inLink = false
	s.scratch = appendCollapsed(s.scratch[:0], s.label)
	s.link.Inline.Text = string(bytes.Trim(s.scratch, " "))
	s.out = append(s.out, s.link)
}

func (s *cellSink) style(string, bool) {}

// flush moves pending text into the list as one Text inline.
func (s *cellSink) flush() {
	if len(s.buf) == 0 {
		return
	}
	// Keep one space at the edges for now: whether it survives depends on
	// what is next to it (a link keeps it, a break or the cell edge does not).
	s.scratch = appendCollapsed(s.scratch[:0], s.buf)
	s.buf = s.buf[:0]
	s.nonBlank = false
	if len(s.scratch) == 1 && s.scratch[0] == ' ' { // only white space
		if len(s.out) > 0 && s.out[len(s.out)-1].Kind == Link {
			s.out = append(s.out, piece{Inline{Kind: Text, Text: " "}, s.bufOff})
		}
		return
	}
	s.out = append(s.out, piece{Inline{Kind: Text, Text: string(s.scratch)}, s.bufOff})
}

// finish trims text at the cell's edges and around breaks, drops what became
// empty, and turns offsets into positions.
func (s *cellSink) finish(p *parseState) []Inline {
	s.flush()
	if s.inLink { // cannot happen with goldmark's AST, but never lose the label
		s.linkEnd()
	}
	if len(s.out) == 0 {
		return nil
	}
	out := make([]Inline, 0, len(s.out))
	for i, pc := range s.out {
		in := pc.Inline
		if in.Kind == Text {
			prevEdge := i == 0 || s.out[i-1].Kind == Break
			nextEdge := i == len(s.out)-1 || s.out[i+1].Kind == Break
			if prevEdge {
				in.Text = strings.TrimLeft(in.Text, " ")
			}
			if nextEdge {
				in.Text = strings.TrimRight(in.Text, " ")
			}
			if in.Text == "" {
				continue
			}
		}
		in.Pos = p.in.pos(pc.off)
		out = append(out, in)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

// isSpaceByteV is isSpaceRune for one byte: the set is ASCII, so a byte of a
// multi-byte rune is never in it and text can be scanned byte by byte.
func isSpaceByteV(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// appendCollapsed appends src to dst with every run of white space
// (isSpaceRune) turned into one space; the ends are not trimmed.
func appendCollapsed(dst, src []byte) []byte {
	space := false
	for _, c := range src {
		if isSpaceByteV(c) {
			if !space {
				dst = append(dst, ' ')
			}
			space = true
			continue
		}
		space = false
		dst = append(dst, c)
	}
	return dst
}

// collapseSpace turns every whitespace run into one space and trims the ends.
// Text that is already so (the usual case) is returned as is.
func collapseSpace(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isSpaceByteV(c) && (c != ' ' || i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return string(bytes.Trim(appendCollapsed(nil, []byte(s)), " "))
}
