package matrix

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/slowinput"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// slowFactor bounds what a worst case may cost each stage here: at most
// this many times the CPU time per byte of an ordinary document of the same
// size (per byte written, for the row writer), measured in the same run.
// Linear shapes cost up to ~5 times; the super-linear behaviour this guard
// found cost 20 to several thousand times at these sizes.
const slowFactor = 12

// slowInput is one document (or the seed's two) to run the stages over.
type slowInput struct {
	name    string
	content *source.Content
	src     map[string][]byte // document path → bytes
}

// TestSlowInput runs the parsers of this stage — Compile, the cell
// normalizers and the row JSON writer — over the seed, every corpus
// document and every worst case of slowinput.Shapes. Each run must keep
// the properties of checkModel, checkCells and checkRowJSON; a worst case
// must cost each stage at most slowFactor times an ordinary document of
// the same size (slowinput.Ordinary).
func TestSlowInput(t *testing.T) {
	var docs []slowInput
	c, l := source.Load(os.DirFS("../../content"))
	if l.HasErrors() {
		t.Fatalf("source.Load: %v", l)
	}
	seed := slowInput{name: "content", content: c, src: map[string][]byte{}}
	for _, loc := range c.Locales {
		p := c.Documents[loc].Path
		b, err := os.ReadFile(filepath.Join("../../content", p))
		if err != nil {
			t.Fatal(err)
		}
		seed.src[p] = b
	}
	docs = append(docs, seed)
	files, _ := filepath.Glob("../../testdata/corpus/*.md")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		loc, _, _ := strings.Cut(filepath.Base(f), "-")
		docs = append(docs, parsed(t, filepath.Base(f), loc+"/"+filepath.Base(f), loc, b))
	}
	for _, in := range docs {
		checkStages(t, in)
	}

	for _, sh := range slowinput.Shapes {
		t.Run(sh.Name, func(t *testing.T) {
			c, err := slowinput.Generate(sh.Name, 1)
			if err != nil {
				t.Fatal(err)
			}
			worst := parsed(t, sh.Name, "nl/worst.md", "nl", c.Src)
			ordinary := parsed(t, "ordinary", "nl/ordinary.md", "nl", slowinput.Ordinary(len(c.Src)))
			checkStages(t, worst)
			w, o := measureStages(worst), measureStages(ordinary)
			for _, stage := range []string{"compile", "cells", "rowjson"} {
				ratio := w.perByte(stage) / o.perByte(stage)
				t.Logf("%s %s: %v CPU for %d bytes, ordinary %.0f ns/byte: ×%.1f",
					sh.Name, stage, w.cost[stage], w.bytes[stage], o.perByte(stage), ratio)
				if ratio > slowFactor {
					t.Errorf("%s: %s costs %.1f times the same bytes of ordinary rows (bound %d): super-linear?",
						sh.Name, stage, ratio, slowFactor)
				}
			}
		})
	}
}

// parsed parses one document into a single-locale Content.
func parsed(t *testing.T, name, path, locale string, src []byte) slowInput {
	t.Helper()
	doc, l := source.ParseDocument(path, locale, src)
	for _, d := range l {
		if d.Code == "internal-error" {
			t.Fatalf("%s: %s", name, d)
		}
	}
	return slowInput{name: name, content: mkContent(doc), src: map[string][]byte{path: src}}
}

// stageCosts are what each stage cost on one input and how many bytes it
// read (compile, cells) or wrote (rowjson).
type stageCosts struct {
	cost  map[string]time.Duration
	bytes map[string]int
}

func (s stageCosts) perByte(stage string) float64 {
	return float64(s.cost[stage].Nanoseconds()) / float64(max(s.bytes[stage], 1))
}

// checkStages runs every stage on in and checks what it made.
func checkStages(t *testing.T, in slowInput) {
	t.Helper()
	m, l := Compile(in.content)
	if m == nil {
		t.Fatalf("%s: no model: %v", in.name, l)
	}
	checkModel(t, in, m, l)
	checkCells(t, in)
	checkRowJSON(t, in.name, m)
}

// measureStages measures what each stage costs on in.
func measureStages(in slowInput) stageCosts {
	m, _ := Compile(in.content)
	size := 0
	for _, b := range in.src {
		size += len(b)
	}
	s := stageCosts{cost: map[string]time.Duration{}, bytes: map[string]int{"compile": size, "cells": size}}
	writeRows := func() int {
		var w rowJSON
		n := 0
		for i := range m.Rows {
			w.b = w.b[:0]
			w.row(&m.Rows[i], 2)
			n += len(w.b)
		}
		return n
	}
	s.bytes["rowjson"] = writeRows()
	s.cost["compile"] = slowinput.Cost(func() { Compile(in.content) }, 3)
	s.cost["cells"] = slowinput.Cost(func() { normalizeAll(in.content) }, 3)
	s.cost["rowjson"] = slowinput.Cost(func() { writeRows() }, 3)
	return s
}

// checkModel asserts what a compiled model must hold: one row per body row
// of every table that is a matrix (the others are warned about), at the
// row's line; versions that are the lines of one of the row's cells;
// vocabulary values only; diagnostics inside the files, a paren warning at
// its paren.
func checkModel(t *testing.T, in slowInput, m *Model, l diag.List) {
	t.Helper()
	def := in.content.DefaultLocale
	doc := in.content.Documents[def]
	skipped := map[diag.Position]bool{}
	for _, d := range l {
		if d.Code == "not-a-matrix" {
			skipped[d.Position] = true
		}
	}
	var rows []source.Row
	for _, tab := range doc.Tables {
		// A table of under four columns that is no matrix (a legend) is
		// skipped without a warning.
		if !skipped[tab.Pos] && (len(tab.Header) >= 4 || !notMatrixWithout(tab)) {
			rows = append(rows, tab.Rows...)
		}
	}
	if len(m.Rows) != len(rows) {
		t.Fatalf("%s: %d model rows for %d table rows", in.name, len(m.Rows), len(rows))
	}
	bad := 0
	fail := func(format string, args ...any) {
		if bad++; bad <= 5 {
			t.Errorf(in.name+": "+format, args...)
		}
	}
	for i, r := range m.Rows {
		src := rows[i]
		if r.Line[def] != src.Pos.Line {
			fail("row %s at line %d, its table row at %d", r.ID, r.Line[def], src.Pos.Line)
		}
		found := len(r.Versions[def]) == 0
		for _, c := range src.Cells {
			if strings.Join(r.Versions[def], "\n") == slowinput.Plain(c.PlainText()) && len(r.Versions[def]) > 0 {
				found = true
			}
		}
		if !found {
			fail("row %s: versions %q are the lines of none of its cells", r.ID, r.Versions[def])
		}
		for _, in := range r.Installations {
			if !slices.Contains(Targets, Target(in.Target)) {
				fail("row %s: target %q", r.ID, in.Target)
			}
		}
		for id, s := range r.Support {
			if !slices.Contains(Statuses, Status(s.Status)) {
				fail("row %s: status %q in %s", r.ID, s.Status, id)
			}
		}
	}
	for _, d := range l {
		src, ok := in.src[d.File]
		if !ok || d.Line == 0 {
			continue // the content folder, a strings file, a whole file
		}
		lines := bytes.Split(src, []byte("\n"))
		if d.Line > len(lines) || d.Col < 1 || d.Col > len(lines[d.Line-1])+1 {
			fail("diagnostic outside the file: %s", d)
			continue
		}
		if d.Code == "unbalanced-paren" {
			if c := lines[d.Line-1][d.Col-1]; c != '(' && c != ')' {
				fail("%s points at %q", d, c)
			}
		}
	}
}

// normalizeAll runs every cell normalizer over every cell of every table.
func normalizeAll(c *source.Content) {
	for _, loc := range c.Locales {
		for _, tab := range c.Documents[loc].Tables {
			for _, r := range tab.Rows {
				for _, cell := range r.Cells {
					normalize(loc, cell, nil)
				}
			}
		}
	}
}

// normalized is what the normalizers made of one cell.
type normalized struct {
	support cellSupport
	install []cellInstall
	prot    protection
}

// normalize runs every normalizer of FuzzNormalizeCell over one cell.
func normalize(loc string, cell source.Cell, l *diag.List) normalized {
	if l == nil {
		l = &diag.List{}
	}
	ct := splitCell(cell)
	var n normalized
	dc := testCtx(loc, l)
	n.support = dc.parseSupport(ct, nil)
	dc.parseReleases(ct, nil).status("v2")
	n.install = dc.parseInstallations(ct, nil)
	n.prot = dc.splitProtection(ct, nil)
	capabilities(testLang(loc), append(slices.Clone(n.prot.Protect), n.prot.Recover...))
	checkParens(ct, l)
	headerText(ct)
	slug(cell.PlainText())
	return n
}

// checkCells runs checkNormalized over every cell of every table,
// whatever its column.
func checkCells(t *testing.T, in slowInput) {
	t.Helper()
	bad := 0
	for _, loc := range in.content.Locales {
		for _, tab := range in.content.Documents[loc].Tables {
			for _, r := range tab.Rows {
				for _, cell := range r.Cells {
					checkNormalized(loc, cell, func(format string, args ...any) {
						if bad++; bad <= 5 {
							t.Errorf(in.name+": "+cell.Pos.String()+": "+format, args...)
						}
					})
				}
			}
		}
	}
}

// checkNormalized runs every normalizer over one cell and asserts that
// nothing is lost or made up: the installations keep every letter and digit
// of the cell, in order; a known support value keeps everything after its
// first word as the condition; the protect, recover and note items hold
// only words of the cell, and the words they lose stand before a ":" of
// their paragraph (a label); every diagnostic sits on the cell's line, at
// or after its start. It returns the diagnostics.
func checkNormalized(loc string, cell source.Cell, fail func(string, ...any)) diag.List {
	var l diag.List
	n := normalize(loc, cell, &l)
	text := cell.PlainText()
	// Piece by piece: two pieces' bytes must not make one rune ("\xca",
	// "\xa6" on two lines are no "ʦ").
	var inst strings.Builder
	for _, i := range n.install {
		inst.WriteString(alnum(i.Text))
	}
	if a, b := inst.String(), alnum(text); a != b && a != alnum(withoutWords(text, testLang(loc).Words("or"))) {
		// A list of targets joined by "or" loses only its "or"s.
		fail("installations keep %q of %q", clip(a), clip(b))
	}
	if s := n.support; s.Status != StatusUnknown {
		// The first word: what precedes the first space or "(" of the
		// first line that is not blank, white space collapsed.
		first := ""
		for _, ln := range strings.Split(text, "\n") {
			if f := strings.Fields(ln); len(f) > 0 {
				first = strings.Join(f, " ")
				break
			}
		}
		if i := strings.IndexAny(first, " ("); i >= 0 {
			first = first[:i]
		}
		if a, b := alnum(first)+alnum(s.Condition.Plain()), alnum(text); a != b {
			fail("support %s with condition %q from %q", s.Status, clip(s.Condition.Plain()), clip(text))
		}
	}
	checkProtection(n.prot, text, fail)
	for _, d := range l {
		if d.File != cell.Pos.File || d.Line != cell.Pos.Line || d.Col < cell.Pos.Col {
			fail("diagnostic outside the cell: %s", d)
		}
	}
	return l
}

// checkProtection asserts that the items of a protection split hold only
// words of the cell and lose only words of labels.
func checkProtection(p protection, cell string, fail func(string, ...any)) {
	have := map[string]int{}
	for _, w := range words(cell) {
		have[w]++
	}
	// A label may run over a line break inside its paragraph (lines joined
	// with a space): the words before the paragraph's last ":" may go.
	labelish := map[string]bool{}
	var para []string
	endPara := func() {
		p := strings.Join(para, " ")
		if i := strings.LastIndexByte(p, ':'); i >= 0 {
			for _, w := range words(p[:i]) {
				labelish[w] = true
			}
		}
		para = para[:0]
	}
	for _, ln := range strings.Split(cell, "\n") {
		if strings.TrimSpace(ln) == "" {
			endPara()
			continue
		}
		para = append(para, ln)
	}
	endPara()
	for _, list := range [][]Rich{p.Protect, p.Recover, p.Notes} {
		for _, it := range list {
			for _, w := range words(it.Plain()) {
				if have[w]--; have[w] < 0 {
					fail("protection item %q holds %q, not in the cell %q", clip(it.Plain()), w, clip(cell))
					return
				}
			}
		}
	}
	for w, n := range have {
		if n > 0 && !labelish[w] {
			fail("protection split lost %q of %q", w, clip(cell))
			return
		}
	}
}

// checkRowJSON asserts that the hand-written row JSON is byte for byte
// encoding/json's and that the whole file reads back to the same rows.
func checkRowJSON(t *testing.T, name string, m *Model) {
	t.Helper()
	for i := range m.Rows {
		var w rowJSON
		w.row(&m.Rows[i], 2)
		want, err := json.MarshalIndent(&m.Rows[i], "    ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w.b, want) {
			t.Fatalf("%s: row %s: rowJSON differs from MarshalIndent", name, m.Rows[i].ID)
		}
	}
	b, err := JSON(m)
	if err != nil {
		t.Fatal(err)
	}
	var back struct{ Rows []Row }
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("%s: matrix.json does not read back: %v", name, err)
	}
	if !reflect.DeepEqual(back.Rows, m.Rows) {
		t.Errorf("%s: the rows of matrix.json read back differ from the model's", name)
	}
}

// alnum is the letters and digits of s, in order.
func alnum(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// words are the runs of letters and digits of s.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// clip keeps messages about 50,000-byte cells readable.
func clip(s string) string {
	if len(s) > 80 {
		return s[:60] + "…" + s[len(s)-20:]
	}
	return s
}

// BenchmarkSlowInput runs each stage over every worst case at 1, 2, 4, 8
// and 16 times its base size: ns/op (and cpu-ns/op, the process's CPU time
// per op, steadier on a busy machine) must double from one size to the
// next.
func BenchmarkSlowInput(b *testing.B) {
	for _, sh := range slowinput.Shapes {
		for _, n := range []int{1, 2, 4, 8, 16} {
			c, err := slowinput.Generate(sh.Name, n)
			if err != nil {
				b.Fatal(err)
			}
			doc, _ := source.ParseDocument("nl/worst.md", "nl", c.Src)
			content := mkContent(doc)
			m, _ := Compile(content)
			stages := []struct {
				name string
				run  func()
			}{
				{"compile", func() { Compile(content) }},
				{"cells", func() { normalizeAll(content) }},
				{"rowjson", func() {
					var w rowJSON
					for i := range m.Rows {
						w.b = w.b[:0]
						w.row(&m.Rows[i], 2)
					}
				}},
			}
			for _, st := range stages {
				b.Run(fmt.Sprintf("%s/%s/x=%d", st.name, sh.Name, n), func(b *testing.B) {
					b.SetBytes(int64(len(c.Src)))
					cpu := slowinput.CPU()
					for b.Loop() {
						st.run()
					}
					b.ReportMetric(float64(slowinput.CPU()-cpu)/float64(b.N), "cpu-ns/op")
				})
			}
		}
	}
}

// notMatrixWithout reports whether a small table is skipped as no matrix:
// the compiler's own rule, over its headers alone.
func notMatrixWithout(tab source.Table) bool {
	lg := testLang("en")
	var cols []colInfo
	for _, h := range tab.Header {
		cols = append(cols, classifyHeader(lg, headerText(splitCell(h))))
	}
	return notAMatrix(cols) != ""
}

// withoutWords is s without the words of ws that stand as list separators
// (splitList's reading of "a or b"), line by line.
func withoutWords(s string, ws []string) string {
	var out []string
	for _, ln := range strings.Split(s, "\n") {
		for _, r := range splitList(ln, ws) {
			out = append(out, ln[r[0]:r[1]])
		}
	}
	return strings.Join(out, " ")
}
