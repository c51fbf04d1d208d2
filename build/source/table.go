package source

import (
	"strings"

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
			}
			tab.Rows = append(tab.Rows, row)
		}
	}
	return tab
}

// readCells reads the cells of a header or body row.
func (p *parseState) readCells(row ast.Node) []Cell {
	var cells []Cell
	rowEnd := lineEnd(p.in.body, max(row.Pos(), 0))
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		off := rowEnd // a cell GFM added to pad the row sits at its end
		if c.Lines().Len() > 0 {
			off = c.Lines().At(0).Start
		}
		s := &cellSink{}
		w := p.newWalker(s, off)
		w.walk(c)
		cells = append(cells, Cell{Inlines: s.finish(p), Pos: p.in.pos(off)})
	}
	return cells
}

// countCells counts the cells written on the row line starting at off, by the
// same rule goldmark splits them: optional outer pipes, and every '|' not
// preceded by a backslash separates two cells (GFM: a pipe inside a code span
// splits the cell too unless escaped).
func countCells(body []byte, off int) int {
	line := strings.TrimSpace(string(body[off:lineEnd(body, off)]))
	if strings.HasPrefix(line, "|") {
		line = line[1:]
	}
	if strings.HasSuffix(line, "|") {
		line = line[:len(line)-1]
	}
	if line == "" {
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

// cellSink builds a cell's inline list: text pieces with whitespace runs
// collapsed, breaks, and links with their flattened label.
type cellSink struct {
	out    []piece
	buf    strings.Builder // pending text
	bufOff int             // offset of the first non-space byte of buf
	inLink bool
	link   piece
}

// piece is an Inline still carrying its body offset; positions are made
// once, at the end.
type piece struct {
	Inline
	off int
}

func (s *cellSink) text(v string, off int, code bool) {
	if s.inLink {
		s.link.Inline.Text += v
		return
	}
	if strings.TrimSpace(s.buf.String()) == "" {
		if i := strings.IndexFunc(v, func(r rune) bool { return !isSpaceRune(r) }); i >= 0 {
			s.bufOff = off + i
		}
	}
	s.buf.WriteString(v)
}

func (s *cellSink) lineBreak(off int) {
	if s.inLink {
		s.link.Inline.Text += " "
		return
	}
	s.flush()
	s.out = append(s.out, piece{Inline{Kind: Break}, off})
}

func (s *cellSink) softBreak() { s.text(" ", -1, false) }

func (s *cellSink) linkStart(href string, off int) {
	s.flush()
	s.inLink = true
	s.link = piece{Inline{Kind: Link, Href: href}, off}
}

func (s *cellSink) linkEnd() {
	s.inLink = false
	s.link.Inline.Text = collapseSpace(s.link.Inline.Text)
	s.out = append(s.out, s.link)
}

func (s *cellSink) style(string, bool) {}

// flush moves pending text into the list as one Text inline.
func (s *cellSink) flush() {
	if s.buf.Len() == 0 {
		return
	}
	v := s.buf.String()
	s.buf.Reset()
	// Keep one space at the edges for now: whether it survives depends on
	// what is next to it (a link keeps it, a break or the cell edge does not).
	t := collapseSpace(v)
	if t == "" {
		if len(s.out) > 0 && s.out[len(s.out)-1].Kind == Link {
			s.out = append(s.out, piece{Inline{Kind: Text, Text: " "}, s.bufOff})
		}
		return
	}
	if isSpaceRune(rune(v[0])) {
		t = " " + t
	}
	if isSpaceRune(rune(v[len(v)-1])) {
		t += " "
	}
	s.out = append(s.out, piece{Inline{Kind: Text, Text: t}, s.bufOff})
}

// finish trims text at the cell's edges and around breaks, drops what became
// empty, and turns offsets into positions.
func (s *cellSink) finish(p *parseState) []Inline {
	s.flush()
	if s.inLink { // cannot happen with goldmark's AST, but never lose the label
		s.linkEnd()
	}
	var out []Inline
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
	return out
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

// collapseSpace turns every whitespace run into one space and trims the ends.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpaceRune), " ")
}
