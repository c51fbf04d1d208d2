package matrix

import (
	"fmt"
	"github.com/mabs-matrix/matrixdoc/build/phrase"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// testFile is the file name hand-made cells carry.
const testFile = "nl/test.md"

// mkCell builds a cell the way package source would from a line of
// markdown cell text at line:col: "<br/>", "<br />", "<br>" and "</br>"
// become Break inlines and "[label](url)" becomes a Link inline. Only the
// tests use this tiny reader; the compiler gets its cells from goldmark.
func mkCell(s string, line, col int) source.Cell {
	c := source.Cell{Pos: diag.Position{File: testFile, Line: line, Col: col}}
	at := func(off int) diag.Position { return diag.Position{File: testFile, Line: line, Col: col + off} }
	text := func(t string, off int) {
		if t != "" {
			c.Inlines = append(c.Inlines, source.Inline{Kind: source.Text, Text: t, Pos: at(off)})
		}
	}
	off := 0
	for off < len(s) {
		rest := s[off:]
		next := len(rest)
		for _, m := range []string{"<br", "</br>", "["} {
			if i := strings.Index(rest, m); i >= 0 && i < next {
				next = i
			}
		}
		text(rest[:next], off)
		off += next
		rest = s[off:]
		switch {
		case rest == "":
		case strings.HasPrefix(rest, "</br>"):
			c.Inlines = append(c.Inlines, source.Inline{Kind: source.Break, Pos: at(off)})
			off += len("</br>")
		case strings.HasPrefix(rest, "<br"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				text(rest, off)
				off = len(s)
				continue
			}
			c.Inlines = append(c.Inlines, source.Inline{Kind: source.Break, Pos: at(off)})
			off += end + 1
		default: // "["
			lb := strings.Index(rest, "](")
			rp := strings.IndexByte(rest, ')')
			if lb < 0 || rp < lb {
				text("[", off)
				off++
				continue
			}
			c.Inlines = append(c.Inlines, source.Inline{Kind: source.Link, Text: rest[1:lb], Href: rest[lb+2 : rp], Pos: at(off)})
			off += rp + 1
		}
	}
	return c
}

// mkTable builds a table from markdown-like lines "|a|b|c|" (header first,
// no delimiter row), the first row at line.
func mkTable(path string, line int, section string, rows ...string) source.Table {
	t := source.Table{Section: section, Pos: diag.Position{File: path, Line: line, Col: 1}}
	for i, r := range rows {
		ln := line + i
		if i > 0 {
			ln++ // the delimiter row
		}
		var cells []source.Cell
		col := 2
		for _, part := range strings.Split(strings.Trim(r, "|"), "|") {
			c := mkCell(part, ln, col)
			for k := range c.Inlines {
				c.Inlines[k].Pos.File = path
			}
			c.Pos.File = path
			cells = append(cells, c)
			col += len(part) + 1
		}
		if i == 0 {
			t.Header = cells
			continue
		}
		t.Rows = append(t.Rows, source.Row{Cells: cells, RawCells: len(cells), Pos: diag.Position{File: path, Line: ln, Col: 1}})
	}
	return t
}

// mkContent wraps documents into a Content with a complete strings file
// per locale (labels are the ids).
func mkContent(docs ...*source.Document) *source.Content {
	c := &source.Content{Documents: map[string]*source.Document{}, Strings: map[string]map[string]string{}, StringsFile: map[string]string{}}
	for _, d := range docs {
		c.Locales = append(c.Locales, d.Locale)
		c.Documents[d.Locale] = d
		c.Strings[d.Locale] = fullStrings()
		c.StringsFile[d.Locale] = d.Locale + "/strings.yaml"
	}
	c.DefaultLocale = c.Locales[0]
	return c
}

// fullStrings labels every vocabulary entry with its own id.
func fullStrings() map[string]string {
	s := map[string]string{}
	for _, t := range Targets {
		s["target."+string(t)] = string(t)
	}
	for _, t := range Statuses {
		s["status."+string(t)] = string(t)
	}
	for _, t := range Capabilities {
		s["capability."+string(t)] = string(t)
	}
	for _, k := range source.AlertKinds {
		s["alert."+k] = k
	}
	return s
}

// codes lists the diagnostics' codes.
func codes(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.Code)
	}
	return out
}

// testLang is the phrasebooks of a locale, as Compile would use them.
func testLang(loc string) *phrase.Lang {
	set, l := builtin()
	if l.HasErrors() {
		panic(fmt.Sprint(l))
	}
	return set.For(loc, "")
}

// capabilities tags items with the language's capability keywords.
func capabilities(lg *phrase.Lang, items []Rich) map[Capability]bool {
	var set capSet
	for _, it := range items {
		set |= itemCaps(lg, it.Plain())
	}
	out := map[Capability]bool{}
	for i, c := range Capabilities {
		if set&(1<<i) != 0 {
			out[c] = true
		}
	}
	return out
}

// testCtx is a document context for rule tests: the locale's phrasebooks,
// English for twins, diagnostics into l (a throwaway list when l is nil).
// Unknown words are reported at once, not grouped.
func testCtx(loc string, l *diag.List) *docCtx {
	if l == nil {
		l = &diag.List{}
	}
	return &docCtx{lg: testLang(loc), en: testLang("en"), locale: loc, l: l, un: newUnknowns(l)}
}
