package source

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// fm is a minimal valid front matter (4 lines), so a table that follows has
// its header on line 5, its delimiter on line 6 and its first row on line 7.
const fm = "---\ntitle: T\nms.date: 01/02/2020\n---\n"

// parseOK parses src as nl/test.md and fails the test on any error.
func parseOK(t *testing.T, src string) (*Document, diag.List) {
	t.Helper()
	doc, l := parseDocument("nl/test.md", "nl", []byte(src))
	if l.HasErrors() {
		t.Fatalf("unexpected errors:\n%v", l)
	}
	return doc, l
}

// oneCell parses a one-column table whose only body cell is cell.
func oneCell(t *testing.T, cell string) (Cell, diag.List) {
	t.Helper()
	doc, l := parseOK(t, fm+"|h|\n|-|\n|"+cell+"|\n")
	if len(doc.Tables) != 1 || len(doc.Tables[0].Rows) != 1 {
		t.Fatalf("want 1 table with 1 row, got %+v", doc.Tables)
	}
	return doc.Tables[0].Rows[0].Cells[0], l
}

// show writes inlines compactly: text as is, a break as "⏎", a link as
// [label](href), each followed by "@col".
func show(ins []Inline) string {
	var b strings.Builder
	for i, in := range ins {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch in.Kind {
		case Text:
			fmt.Fprintf(&b, "%q", in.Text)
		case Break:
			b.WriteString("⏎")
		case Link:
			fmt.Fprintf(&b, "[%s](%s)", in.Text, in.Href)
		}
		fmt.Fprintf(&b, "@%d:%d", in.Pos.Line, in.Pos.Col)
	}
	return b.String()
}

// codes lists the diagnostic codes with their line:col.
func codes(l diag.List) string {
	var s []string
	for _, d := range l {
		s = append(s, fmt.Sprintf("%s@%d:%d", d.Code, d.Line, d.Col))
	}
	return strings.Join(s, " ")
}

func TestCellInlines(t *testing.T) {
	tests := []struct {
		name, cell string
		want       string // show() of the cell
		diags      string // codes() of the diagnostics
	}{
		{"plain", "J", `"J"@7:2`, ""},
		{"trimmed and collapsed", "  Fysieke   server  ", `"Fysieke server"@7:4`, ""},
		{"br slash", "a<br/>b", `"a"@7:2 ⏎@7:3 "b"@7:8`, ""},
		{"br space slash", "a<br />b", `"a"@7:2 ⏎@7:3 "b"@7:9`, ""},
		{"br bare", "a<br>b", `"a"@7:2 ⏎@7:3 "b"@7:7`, ""},
		{"br upper case", "a<BR>b", `"a"@7:2 ⏎@7:3 "b"@7:7`, ""},
		{"malformed close br", "a</br> b", `"a"@7:2 ⏎@7:3 "b"@7:9`, "malformed-br@7:3"},
		{"double break keeps both", "a <br /><br /> b", `"a"@7:2 ⏎@7:4 ⏎@7:10 "b"@7:17`, ""},
		{"spaces trimmed around breaks", "Fysieke server <br /> <br /> virtuele", `"Fysieke server"@7:2 ⏎@7:17 ⏎@7:24 "virtuele"@7:31`, ""},
		{"emphasis flattened", "**Workload** and *x* ~~y~~", `"Workload and x y"@7:4`, ""},
		{"code flattened raw", "`a\\*b` c", `"a\\*b c"@7:3`, ""},
		{"escapes and entities", `a \* b &amp; c &#65;`, `"a * b & c A"@7:2`, ""},
		{"escaped pipe", `a \| b`, `"a | b"@7:2`, ""},
		{"link", "installeer [WMF 4.0](https://example.com/x) nu", `"installeer "@7:2 [WMF 4.0](https://example.com/x)@7:13 " nu"@7:46`, ""},
		{"link label emphasis", "[**b**](http://e.nl)", `[b](http://e.nl)@7:2`, ""},
		{"relative link", "[x](other.md#a)", `[x](other.md#a)@7:2`, ""},
		{"mailto link", "[m](mailto:a@b.nl)", `[m](mailto:a@b.nl)@7:2`, ""},
		{"autolink", "zie <https://e.nl/a>", `"zie "@7:2 [https://e.nl/a](https://e.nl/a)@7:7`, ""},
		{"linkify", "zie www.example.com nu", `"zie "@7:2 [www.example.com](http://www.example.com)@7:6 " nu"@7:22`, ""},
		{"javascript link", "[klik](javascript:alert(1))", `"klik"@7:3`, "unsafe-link@7:2"},
		{"javascript with entity tab", "[klik](java&#9;script:alert(1))", `"klik"@7:3`, "unsafe-link@7:2"},
		{"javascript upper case", "[klik](JAVASCRIPT:alert(1))", `"klik"@7:3`, "unsafe-link@7:2"},
		{"tab breaks the link", "[klik](java\tscript:x)", `"[klik](java script:x)"@7:2`, ""},
		{"data link", "[d](data:text/html,x)", `"d"@7:3`, "unsafe-link@7:2"},
		{"typo scheme", "[s](hhttps://e.nl)", `"s"@7:3`, "unsafe-link@7:2"},
		{"script dropped, text kept", "a<script>alert(1)</script>b", `"aalert(1)b"@7:2`, "raw-html@7:3"},
		{"img onerror dropped", `x<img src=x onerror="alert(1)">y`, `"xy"@7:2`, "raw-html@7:3"},
		{"bold tag dropped once", "<b>vet</b>", `"vet"@7:5`, "raw-html@7:2"},
		{"raw a href dropped", `<a href="javascript:x">t</a>`, `"t"@7:25`, "raw-html@7:2"},
		{"anchor silent", `<a name="x"></a>t`, `"t"@7:18`, ""},
		{"comment silent", `a<!-- c -->b`, `"ab"@7:2`, ""},
		{"mt twin hidden", `<span data-ttu-id="1">Fysieke server</span><span class="sxs-lookup"><span data-stu-id="1">Physical server</span></span>`,
			`"Fysieke server"@7:24`, ""},
		{"mt with breaks", `<span data-ttu-id="1">A</span><span class="sxs-lookup"><span data-stu-id="1">A-en</span></span><br/><span data-ttu-id="2">B</span><span class="sxs-lookup"><span data-stu-id="2">B-en<br/>x</span></span>`,
			`"A"@7:24 ⏎@7:97 "B"@7:124`, ""},
		{"styled span is not mt", `<span style="x">a</span>`, `"a"@7:18`, "raw-html@7:2"},
		{"empty cell", "", ``, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, l := oneCell(t, tc.cell)
			if got := show(c.Inlines); got != tc.want {
				t.Errorf("cell %q\n got %s\nwant %s", tc.cell, got, tc.want)
			}
			if got := codes(l); got != tc.diags {
				t.Errorf("cell %q diagnostics\n got %s\nwant %s\n%v", tc.cell, got, tc.diags, l)
			}
		})
	}
}

func TestRawCells(t *testing.T) {
	tests := []struct {
		row       string
		raw, gfm  int
		firstText string
	}{
		{"|a|b|c|", 3, 3, "a"},
		{"|a|b|", 2, 3, "a"},            // too few: GFM pads
		{"|a|b|c|d|e|", 5, 3, "a"},      // too many: GFM drops
		{"a|b|c", 3, 3, "a"},            // no outer pipes
		{`|a \| x|b|c|`, 3, 3, "a | x"}, // escaped pipe is content
		{"|`a`|b|c|", 3, 3, "a"},
		{"|||", 2, 3, ""},
	}
	for _, tc := range tests {
		doc, _ := parseOK(t, fm+"|h1|h2|h3|\n|--|--|--|\n"+tc.row+"\n")
		if len(doc.Tables) != 1 || len(doc.Tables[0].Rows) != 1 {
			t.Fatalf("row %q: no table", tc.row)
		}
		r := doc.Tables[0].Rows[0]
		if r.RawCells != tc.raw || len(r.Cells) != tc.gfm {
			t.Errorf("row %q: RawCells %d, cells %d; want %d, %d", tc.row, r.RawCells, len(r.Cells), tc.raw, tc.gfm)
		}
		if got := r.Cells[0].PlainText(); got != tc.firstText {
			t.Errorf("row %q: first cell %q, want %q", tc.row, got, tc.firstText)
		}
		if r.Pos.Line != 7 || r.Pos.Col != 1 {
			t.Errorf("row %q at %v, want line 7 col 1", tc.row, r.Pos)
		}
	}
}
