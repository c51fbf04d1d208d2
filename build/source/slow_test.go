package source

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/slowinput"
)

// slowFactor bounds what a worst case may cost: at most this many times the
// CPU time per byte of an ordinary document of the same size, measured in
// the same run. Linear shapes cost 0.2–6 times; the super-linear behaviour
// this guard found cost 20 to several thousand times at these sizes, and
// more at every doubling.
const slowFactor = 12

// TestSlowInput parses every real document and every worst case of
// slowinput.Shapes. Each parse must keep its positions inside the file, the
// table lines as rows of as many cells as the header, and (worst cases)
// the text of every cell; a worst case must cost at most slowFactor times
// the same bytes of ordinary rows.
func TestSlowInput(t *testing.T) {
	for _, g := range goldenInputs(t) {
		name, loc, file := g[0], g[1], g[2]
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, l := parseDocument(name, loc, src)
		checkParse(t, name, src, doc, l, true)
	}
	for _, sh := range slowinput.Shapes {
		t.Run(sh.Name, func(t *testing.T) {
			c, err := slowinput.Generate(sh.Name, 1)
			if err != nil {
				t.Fatal(err)
			}
			const name = "nl/worst.md"
			doc, l := parseDocument(name, "nl", c.Src)
			checkParse(t, name, c.Src, doc, l, true)
			checkCellText(t, c, doc)

			base := slowinput.Ordinary(len(c.Src))
			worst := slowinput.Cost(func() { parseDocument(name, "nl", c.Src) }, 3)
			ordinary := slowinput.Cost(func() { parseDocument(name, "nl", base) }, 3)
			ratio := perByte(worst, len(c.Src)) / perByte(ordinary, len(base))
			t.Logf("%s (%s): %d bytes in %v CPU, ordinary rows %.0f ns/byte: ×%.1f",
				sh.Name, sh.Base, len(c.Src), worst, perByte(ordinary, len(base)), ratio)
			if ratio > slowFactor {
				t.Errorf("%s: parsing costs %.1f times the same bytes of ordinary rows (bound %d): super-linear?",
					sh.Name, ratio, slowFactor)
			}
		})
	}
}

func perByte(d interface{ Nanoseconds() int64 }, n int) float64 {
	return float64(d.Nanoseconds()) / float64(n)
}

// checkParse asserts what every parse must hold, whatever the input; with
// allTables, also that every line starting with "|" is a line of a table
// (true of real documents, not of any input: such a line may sit in a code
// block or a paragraph).
func checkParse(t testing.TB, name string, src []byte, doc *Document, l diag.List, allTables bool) {
	t.Helper()
	if doc == nil {
		t.Fatalf("%s: nil document", name)
	}
	lines := bytes.Split(src, []byte("\n"))
	at := func(p diag.Position) ([]byte, bool) {
		if p.File != name || p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1])+1 {
			return nil, false
		}
		return lines[p.Line-1][p.Col-1:], true
	}
	for _, d := range l {
		if d.Code == "internal-error" {
			t.Errorf("%s: %s", name, d)
		}
		if d.Line == 0 && d.Col == 0 && d.File == name {
			continue // the whole file
		}
		rest, ok := at(d.Position)
		if !ok {
			t.Errorf("%s: diagnostic outside the file: %s", name, d)
			continue
		}
		switch d.Code {
		case "malformed-br":
			if !bytes.HasPrefix(bytes.ToLower(rest), []byte("</br")) {
				t.Errorf("%s: %s points at %q, not at the </br>", name, d, clipBytes(rest))
			}
		case "raw-html":
			if !bytes.HasPrefix(rest, []byte("<")) {
				t.Errorf("%s: %s points at %q, not at the tag", name, d, clipBytes(rest))
			}
		}
	}

	// Every line that starts with "|" is a header, delimiter or row of a
	// table, rows in line order, each with as many cells as its header.
	tableLines := 0
	for _, ln := range lines {
		if bytes.HasPrefix(bytes.TrimLeft(ln, " "), []byte("|")) {
			tableLines++
		}
	}
	got := 0
	for _, tab := range doc.Tables {
		got += 2 + len(tab.Rows)
		for i, r := range tab.Rows {
			if r.Pos.Line != tab.Pos.Line+2+i {
				t.Errorf("%s: row %d of the table at line %d is at line %d", name, i, tab.Pos.Line, r.Pos.Line)
			}
			if len(r.Cells) != len(tab.Header) {
				t.Errorf("%s:%d: %d cells under a header of %d", name, r.Pos.Line, len(r.Cells), len(tab.Header))
			}
			for _, c := range r.Cells {
				checkInlines(t, name, r.Pos.Line, c, at)
			}
		}
		for _, c := range tab.Header {
			checkInlines(t, name, tab.Pos.Line, c, at)
		}
	}
	if allTables && got != tableLines {
		t.Errorf("%s: %d lines start with |, the tables hold %d (header, delimiter and rows)", name, tableLines, got)
	}
}

// checkInlines asserts that a cell and its pieces sit on the row's line and
// that a link points at its "[" and a text at its first byte (unless that
// was written as an escape or entity).
func checkInlines(t testing.TB, name string, line int, c Cell, at func(diag.Position) ([]byte, bool)) {
	t.Helper()
	if c.Pos.Line != line {
		t.Errorf("%s:%d: cell at line %d", name, line, c.Pos.Line)
	}
	for _, in := range c.Inlines {
		rest, ok := at(in.Pos)
		if !ok || in.Pos.Line != line {
			t.Errorf("%s:%d: %s inline %q at %v, off the row's line", name, line, in.Kind, in.Text, in.Pos)
			continue
		}
		switch {
		case in.Kind == Link && !bytes.HasPrefix(rest, []byte("[")) && !bytes.HasPrefix(rest, []byte(in.Text)):
			t.Errorf("%s: link %q at %v points at %q", name, in.Text, in.Pos, clipBytes(rest))
		case in.Kind == Text:
			// A text keeps one space where it meets a link; its position
			// is its first other byte.
			text := strings.TrimLeft(in.Text, " ")
			if text != "" && len(rest) > 0 && rest[0] != text[0] && rest[0] != '&' && rest[0] != '\\' {
				t.Errorf("%s: text %q at %v points at %q", name, clipString(in.Text), in.Pos, clipBytes(rest))
			}
		}
	}
}

// checkCellText asserts that the parse of a worst case holds its tables
// and, in every cell, the text the generator wrote.
func checkCellText(t *testing.T, c slowinput.Case, doc *Document) {
	t.Helper()
	if len(doc.Tables) != len(c.Tables) {
		t.Fatalf("%d tables, want %d", len(doc.Tables), len(c.Tables))
	}
	bad := 0
	check := func(where string, got Cell, want string) {
		if g, w := slowinput.Plain(got.PlainText()), slowinput.Plain(want); g != w && bad < 5 {
			bad++
			t.Errorf("%s: cell text\n got %q\nwant %q", where, clipString(g), clipString(w))
		}
	}
	for ti, want := range c.Tables {
		tab := doc.Tables[ti]
		if len(tab.Header) != len(want.Header) || len(tab.Rows) != len(want.Rows) {
			t.Fatalf("table %d: %d columns, %d rows; want %d, %d", ti, len(tab.Header), len(tab.Rows), len(want.Header), len(want.Rows))
		}
		for i, h := range want.Header {
			check(fmt.Sprintf("table %d header %d", ti, i), tab.Header[i], h)
		}
		for ri, row := range want.Rows {
			for i, cell := range row {
				check(fmt.Sprintf("table %d row %d cell %d", ti, ri, i), tab.Rows[ri].Cells[i], cell)
			}
		}
	}
}

func clipBytes(b []byte) string { return clipString(string(b)) }

// clipString keeps messages about 50,000-byte cells readable.
func clipString(s string) string {
	if len(s) > 80 {
		return s[:60] + "…" + s[len(s)-20:]
	}
	return s
}

// slowScales are the sizes of the slow-input benchmarks, in multiples of a
// shape's base size.
var slowScales = []int{1, 2, 4, 8, 16}

// BenchmarkSlowInput parses every worst case at 1, 2, 4, 8 and 16 times its
// base size. Time must grow linearly: ns/op doubles from one size to the
// next and MB/s stays put. cpu-ns/op is the process's CPU time per op,
// steadier than ns/op on a busy machine (it includes the collector's).
func BenchmarkSlowInput(b *testing.B) {
	for _, sh := range slowinput.Shapes {
		for _, n := range slowScales {
			b.Run(fmt.Sprintf("%s/x=%d", sh.Name, n), func(b *testing.B) {
				c, err := slowinput.Generate(sh.Name, n)
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(c.Src)))
				cpu := slowinput.CPU()
				for b.Loop() {
					parseDocument("nl/worst.md", "nl", c.Src)
				}
				b.ReportMetric(float64(slowinput.CPU()-cpu)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}
