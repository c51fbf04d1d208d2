// Package slowinput makes the worst-case inputs of the slow-input tests and
// benchmarks, and measures what parsing them costs.
//
// Input: a shape name and a scale. Output: a Case — a Dutch matrix document
// in the source's dialect (front matter, headings, GFM tables with the
// seed's header, its malformed "</br>" included) holding one kind of input
// pushed far past any real document (a 50,000-character cell, 10,000 line
// breaks in a row, brackets nested 5,000 deep, 5,000 columns, …) — and the
// plain text a correct parse finds in every cell; Ordinary, a document of
// the same size made of ordinary rows; Cost, the CPU time a function takes.
//
// Invariants: deterministic (the same shape and scale give the same bytes);
// a Case's size grows linearly with its scale, so a parser whose cost
// grows faster is super-linear in that shape; Cost is CPU time of this
// process, not wall time, so that other work on a shared machine does not
// move it much.
package slowinput

import (
	"fmt"
	"strconv"
	"strings"
)

// Case is one worst-case document: a shape of input pushed to Scale times
// its base size, and what a correct parse of it finds.
type Case struct {
	Shape string
	// Scale multiplies the shape's base size (Shape.Base); the document
	// grows linearly with it.
	Scale int
	Src   []byte
	// Tables are the tables in document order as plain text: a line break is
	// "\n", a link its label, emphasis marks and hidden machine-translation
	// twins are gone; white space is not yet collapsed (compare through
	// Plain).
	Tables []Table
}

// Table is one table of a Case.
type Table struct {
	Header []string
	Rows   [][]string
}

// Shape is one kind of worst case.
type Shape struct {
	Name string
	// Base says what Scale 1 holds ("one protection cell of 50,000
	// characters").
	Base string
	gen  func(d *worstDoc, n int)
}

// Shapes are every worst case, in a fixed order. Adding one is adding an
// entry here (and its generator below).
var Shapes = []Shape{
	{"long-cell", "one protection cell of 50,000 characters, a single list item", genLongCell},
	{"long-row", "one row whose six cells hold 50,000 characters each", genLongRow},
	{"breaks", "one row holding 10,000 <br> line breaks", genBreaks},
	{"nested-parens", "parentheses nested 5,000 deep in a protection and a support cell", genNestedParens},
	{"nested-brackets", "square brackets nested 5,000 deep", genNestedBrackets},
	{"nested-links", "links nested 2,000 deep: [[[x](u)](u)](u)", genNestedLinks},
	{"nested-strong", "** emphasis nested 5,000 deep", genNestedStrong},
	{"mixed-emphasis", "one cell of 50,000 characters of * _ ** runs that mostly do not pair", genMixedEmphasis},
	{"nested-spans", "machine-translation <span>s nested 2,000 deep, a hidden twin at every level", genNestedSpans},
	{"columns", "5,000 columns (server releases v1…v4996), 3 rows", genColumns},
	{"extra-columns", "5,000 columns of which 4,994 unknown, 2 rows", genExtraColumns},
	{"long-header", "a 50,000-character section heading and header cell", genLongHeader},
	{"many-tables", "1,000 tables of one row, each under a heading with the same title", genManyTables},
	{"same-id-rows", "1,000 rows with the same workload, version and installations but different protection", genSameIDRows},
	{"many-links", "one protection cell listing 5,000 links", genManyLinks},
	{"unbalanced-parens", "one cell with 5,000 unmatched \")\" and 5,000 unclosed \"(\"", genUnbalancedParens},
	{"front-matter", "front matter of 5,000 keys", genFrontMatter},
	{"long-prose", "one paragraph of 50,000 characters with links and emphasis", genLongProse},
}

// Generate makes shape at scale n (n >= 1).
func Generate(shape string, n int) (Case, error) {
	if n < 1 {
		return Case{}, fmt.Errorf("slowinput: scale must be at least 1, got %d", n)
	}
	for _, s := range Shapes {
		if s.Name == shape {
			d := &worstDoc{w: Case{Shape: shape, Scale: n}}
			s.gen(d, n)
			d.w.Src = []byte(d.b.String())
			return d.w, nil
		}
	}
	return Case{}, fmt.Errorf("slowinput: no shape %q", shape)
}

// Plain is the comparison form of a cell's text: every line (split at
// "\n") with its white space collapsed and trimmed, empty lines dropped,
// "*" and "_" removed (which of them pair up as emphasis and which stay
// text is goldmark's business, so the marks are not compared).
func Plain(s string) string {
	s = strings.NewReplacer("*", "", "_", "").Replace(s)
	var out []string
	for _, ln := range strings.Split(s, "\n") {
		if f := strings.Fields(ln); len(f) > 0 {
			out = append(out, strings.Join(f, " "))
		}
	}
	return strings.Join(out, "\n")
}

// worstDoc writes a Case's document and records what it holds.
type worstDoc struct {
	b  strings.Builder
	w  Case
	fm bool
}

// cell is one table cell: its markdown and its plain text.
type cell struct{ md, text string }

func txt(s string) cell { return cell{s, s} }

// frontMatter writes the usual front matter plus extra lines, once.
func (d *worstDoc) frontMatter(extra string) {
	d.b.WriteString("---\ntitle: Worst case " + d.w.Shape + " x" + strconv.Itoa(d.w.Scale) +
		"\ndescription: Synthetic worst case for the slow-input tests.\nms.date: 05/15/2017\nms.contentlocale: nl-NL\n")
	d.b.WriteString(extra)
	d.b.WriteString("---\n# Beveiligingsmatrix voor Azure Backup Server\n\n")
	d.fm = true
}

func (d *worstDoc) heading(title string) {
	if !d.fm {
		d.frontMatter("")
	}
	d.b.WriteString("## " + title + "\n\n")
}

func (d *worstDoc) table(header []cell, rows [][]cell) {
	if !d.fm {
		d.frontMatter("")
	}
	var want Table
	d.b.WriteByte('|')
	for _, c := range header {
		d.b.WriteString(c.md)
		d.b.WriteByte('|')
		want.Header = append(want.Header, c.text)
	}
	d.b.WriteString("\n|")
	for range header {
		d.b.WriteString("---|")
	}
	d.b.WriteByte('\n')
	for _, r := range rows {
		d.b.WriteByte('|')
		var wr []string
		for _, c := range r {
			d.b.WriteString(c.md)
			d.b.WriteByte('|')
			wr = append(wr, c.text)
		}
		d.b.WriteByte('\n')
		want.Rows = append(want.Rows, wr)
	}
	d.b.WriteByte('\n')
	d.w.Tables = append(d.w.Tables, want)
}

// seedHeader is the seed's header row.
var seedHeader = []cell{
	txt("Workload"), txt("Versie"),
	{"Azure Backup-server</br> installation", "Azure Backup-server\ninstallation"},
	{"Azure Backup</br> Server v2", "Azure Backup\nServer v2"},
	{"Azure Backup</br> Server v1 ", "Azure Backup\nServer v1"},
	txt("Beveiliging en herstel"),
}

// ordinary is a typical row of the seed; i keeps versions (and so row ids)
// apart.
func ordinary(i int) []cell {
	return []cell{
		txt("SQL Server"), txt("SQL Server " + strconv.Itoa(2000+i)),
		{"Fysieke server<br /><br />Virtuele Hyper-V-machine", "Fysieke server\n\nVirtuele Hyper-V-machine"},
		txt("J"), txt("N"),
		{"Beveiligen: database<br /><br />Herstellen: database", "Beveiligen: database\n\nHerstellen: database"},
	}
}

// Filler vocabularies: capability keywords (they make the protection
// parsers work) and words that mean nothing to the compiler.
var (
	protectWords = []string{"volume", "bestand", "map", "systeemstatus", "bare", "metal", "database", "farm",
		"zoeken", "virtuele", "machine", "lijstitem", "postvak", "dag", "csv", "gegevens", "en", "share"}
	plainWords = []string{"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"}
)

// fill repeats words (joined by sep) until the text is at least n bytes.
func fill(words []string, n int, sep string) string {
	var b strings.Builder
	b.Grow(n + 16)
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()
}

func genLongCell(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	r := ordinary(0)
	r[5] = txt("Beveiligen: " + fill(protectWords, 50000*n, " "))
	d.table(seedHeader, [][]cell{ordinary(1), r, ordinary(2)})
}

func genLongRow(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	size := 50000 * n
	r := []cell{
		txt("SQL Server " + fill(plainWords, size, " ")),
		txt("SQL Server 2016 " + fill(plainWords, size, " ")),
		txt(fill([]string{"Fysieke server", "Virtuele Hyper-V-machine", "virtuele Azure-machine", "Azure Stack"}, size, ", ")),
		txt("J (" + fill(plainWords, size, " ") + ")"),
		txt("N " + fill(plainWords, size, " ")),
		txt("Beveiligen: " + fill(protectWords, size, ", ")),
	}
	d.table(seedHeader, [][]cell{r})
}

func genBreaks(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	r := ordinary(0)
	k := 5000 * n
	r[1] = cell{strings.Repeat("2016<br>", k), strings.Repeat("2016\n", k)}
	// Three breaks a repeat: two lines and a blank one.
	const md, text = "Beveiligen: volume, map<br>Herstellen: bestand<br><br>", "Beveiligen: volume, map\nHerstellen: bestand\n\n"
	r[5] = cell{strings.Repeat(md, k/3), strings.Repeat(text, k/3)}
	d.table(seedHeader, [][]cell{r})
}

func genNestedParens(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	k := 5000 * n
	nest := strings.Repeat("(", k) + "volume" + strings.Repeat(")", k)
	r := ordinary(0)
	r[3] = txt("J " + nest)
	r[5] = txt("Beveiligen: " + nest)
	d.table(seedHeader, [][]cell{r})
}

func genNestedBrackets(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	k := 5000 * n
	r := ordinary(0)
	r[5] = txt("Beveiligen: " + strings.Repeat("[", k) + "volume" + strings.Repeat("]", k))
	d.table(seedHeader, [][]cell{r})
}

func genNestedLinks(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	k := 2000 * n
	const close = "](https://example.com/)"
	// CommonMark: a link may not contain a link, so only the innermost
	// "[volume](…)" is one; the outer brackets and targets stay text.
	md := strings.Repeat("[", k) + "volume" + strings.Repeat(close, k)
	text := strings.Repeat("[", k-1) + "volume" + strings.Repeat(close, k-1)
	r := ordinary(0)
	r[5] = cell{"Beveiligen: " + md, "Beveiligen: " + text}
	d.table(seedHeader, [][]cell{r})
}

func genNestedStrong(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	k := 5000 * n
	r := ordinary(0)
	r[5] = cell{"Beveiligen: " + strings.Repeat("**a ", k) + "volume" + strings.Repeat(" a**", k),
		"Beveiligen: " + strings.Repeat("a ", k) + "volume" + strings.Repeat(" a", k)}
	d.table(seedHeader, [][]cell{r})
}

func genMixedEmphasis(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	// The runs of yuin/goldmark#555: few of them can pair, and goldmark
	// looks for an opener among all earlier delimiters for each.
	r := ordinary(0)
	r[5] = txt("Beveiligen: " + fill([]string{"*a_b*c_d**e_f*g**h*i_j**"}, 50000*n, ""))
	d.table(seedHeader, [][]cell{r})
}

func genNestedSpans(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	k := 2000 * n
	var md, text strings.Builder
	md.WriteString("Beveiligen: ")
	text.WriteString("Beveiligen: ")
	for i := 0; i < k; i++ {
		fmt.Fprintf(&md, `<span data-ttu-id="f5d7f-%d">map `, i)
		text.WriteString("map ")
	}
	md.WriteString("volume")
	text.WriteString("volume")
	for i := k - 1; i >= 0; i-- {
		fmt.Fprintf(&md, `</span><span class="sxs-lookup"><span data-stu-id="f5d7f-%d">folder</span></span>`, i)
	}
	r := ordinary(0)
	r[5] = cell{md.String(), text.String()}
	d.table(seedHeader, [][]cell{r})
}

func genColumns(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	servers := 5000*n - 4
	h := []cell{txt("Workload"), txt("Versie"), txt("Installatie")}
	for i := 1; i <= servers; i++ {
		h = append(h, txt("Server v"+strconv.Itoa(i)))
	}
	h = append(h, txt("Beveiliging en herstel"))
	var rows [][]cell
	for ri := 0; ri < 3; ri++ {
		o := ordinary(ri)
		r := []cell{o[0], o[1], o[2]}
		for i := 0; i < servers; i++ {
			r = append(r, txt([]string{"J", "N"}[(i+ri)%2]))
		}
		rows = append(rows, append(r, o[5]))
	}
	d.table(h, rows)
}

func genExtraColumns(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	extra := 5000*n - len(seedHeader)
	h := append([]cell(nil), seedHeader...)
	for i := 0; i < extra; i++ {
		h = append(h, txt("Kolom "+strconv.Itoa(i)))
	}
	var rows [][]cell
	for ri := 0; ri < 2; ri++ {
		r := ordinary(ri)
		for i := 0; i < extra; i++ {
			r = append(r, txt("x"+strconv.Itoa(i)))
		}
		rows = append(rows, r)
	}
	d.table(h, rows)
}

func genLongHeader(d *worstDoc, n int) {
	long := fill(plainWords, 50000*n, " ")
	d.heading("De ondersteuningsmatrix " + long)
	h := append([]cell(nil), seedHeader...)
	h[0] = txt("Workload " + long)
	d.table(h, [][]cell{ordinary(0), ordinary(1)})
}

func genManyTables(d *worstDoc, n int) {
	for i := 0; i < 1000*n; i++ {
		d.heading("Tabel")
		d.table(seedHeader, [][]cell{ordinary(i)})
	}
}

func genSameIDRows(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	var rows [][]cell
	for i := 0; i < 1000*n; i++ {
		r := ordinary(0)
		r[5] = txt("Beveiligen: database, notitie " + strconv.Itoa(i))
		rows = append(rows, r)
	}
	d.table(seedHeader, rows)
}

func genManyLinks(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	k := 5000 * n
	r := ordinary(0)
	r[5] = cell{"Beveiligen: " + strings.Repeat("[volume](https://example.com/v), ", k) + "map",
		"Beveiligen: " + strings.Repeat("volume, ", k) + "map"}
	d.table(seedHeader, [][]cell{r})
}

func genUnbalancedParens(d *worstDoc, n int) {
	d.heading("De ondersteuningsmatrix voor beveiliging")
	k := 5000 * n
	r := ordinary(0)
	r[5] = txt("Beveiligen: " + strings.Repeat("volume) ", k) + strings.Repeat("map( ", k))
	d.table(seedHeader, [][]cell{r})
}

func genFrontMatter(d *worstDoc, n int) {
	var b strings.Builder
	for i := 0; i < 5000*n; i++ {
		fmt.Fprintf(&b, "ms.key%d: waarde %d\n", i, i)
	}
	d.frontMatter(b.String())
	d.heading("De ondersteuningsmatrix voor beveiliging")
	d.table(seedHeader, [][]cell{ordinary(0), ordinary(1)})
}

func genLongProse(d *worstDoc, n int) {
	d.heading("Clusterondersteuning")
	words := []string{"Azure", "Backup-Server", "kan", "**gegevens**", "beschermen", "in", "[KB 975354](https://support.microsoft.com/kb/975354)", "*clusters*", "en", "`code`"}
	d.b.WriteString(fill(words, 50000*n, " ") + "\n\n")
	d.heading("De ondersteuningsmatrix voor beveiliging")
	d.table(seedHeader, [][]cell{ordinary(0)})
}
