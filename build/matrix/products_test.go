package matrix

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/product"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// versionEntry is one line of a version cell of a real document, with what
// compiling it gives.
type versionEntry struct {
	pos      diag.Position
	text     string
	workload string
	res      product.Result
	products []ProductVersion // the cell's, for entry index
	index    int
	diags    diag.List
}

// versionDocs are every document the version parser must read: the seed
// (nl and our English) and every corpus document.
func versionDocs(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/corpus/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus documents: %v", err)
	}
	return append([]string{"../../content/nl/backup-mabs-protection-matrix.md", "../../content/en/backup-mabs-protection-matrix.md"}, files...)
}

// docLocale is the content-folder name a document compiles as: its folder
// for the seed, its file-name prefix ("cs-cz") for a corpus document.
func docLocale(file string) string {
	if strings.Contains(file, "/corpus/") {
		loc, _, _ := strings.Cut(filepath.Base(file), "__")
		return loc
	}
	return filepath.Base(filepath.Dir(file))
}

// versionEntries extracts every version entry of a document through the
// real pipeline: source.ParseDocument, the table's columns as compileDoc
// classifies them, the version cell split into lines as compileRow splits
// it, and parseProducts — the call compileRow makes. A table whose header
// the phrasebooks cannot read yet (a language another change adds a book
// for) has its version column found by structure: every layout of this
// document, 2017 to 2026, is Workload | Version | … with five or more
// columns; fallback reports whether that was needed.
func versionEntries(t *testing.T, file string) (entries []versionEntry, fallback bool) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	loc := docLocale(file)
	doc, dl := source.ParseDocument(loc+"/"+filepath.Base(file), loc, src)
	if dl.HasErrors() {
		t.Fatalf("%s: %v", file, dl)
	}
	set, bl := builtin()
	if bl.HasErrors() {
		t.Fatal(bl)
	}
	lg := set.For(loc, doc.Meta.ContentLocale)
	var sink diag.List
	dc := &docCtx{lg: lg, en: set.For("en", ""), locale: loc, l: &sink, un: newUnknowns(&sink)}
	for _, tb := range doc.Tables {
		// The compiler's own reading of the columns: phrasebook words,
		// English twins, release tokens, the layouts' order.
		wcol, vcol := -1, -1
		for i, c := range dc.classifyColumns(tb) {
			switch c.Kind {
			case colWorkload:
				wcol = i
			case colVersion:
				vcol = i
			}
			if c.Via == "its place in the table" && (c.Kind == colWorkload || c.Kind == colVersion) {
				fallback = true
			}
		}
		if vcol < 0 {
			continue // a legend table ("Scenario | Description")
		}
		for _, r := range tb.Rows {
			if vcol >= len(r.Cells) {
				continue
			}
			twinOf := func(c source.Cell) *cellText {
				if c.Twin == nil {
					return nil
				}
				t := twinCell(c)
				return &t
			}
			vc := r.Cells[vcol]
			ct, vt := splitCell(vc), twinOf(vc)
			wid := ""
			if wcol >= 0 && wcol < len(r.Cells) {
				wid = dc.workloadID(splitCell(r.Cells[wcol]), twinOf(r.Cells[wcol]), ct, vt)
			}
			var twins []string
			if vt != nil {
				for _, ln := range vt.lines() {
					twins = append(twins, ln.text())
				}
			}
			var l diag.List
			ps := parseProducts(lg, wid, ct, twins, &l)
			for i, ln := range ct.lines() {
				twin := ""
				if len(twins) == len(ct.lines()) {
					twin = twins[i]
				}
				e := versionEntry{pos: ln.pos(0), text: ln.text(), workload: wid, products: ps.List, index: i,
					res: product.Parse(lg, ln.text(), twin, product.DefaultFor[wid])}
				for _, d := range l {
					if d.Line == e.pos.Line && d.Col >= e.pos.Col && strings.HasPrefix(d.Message, fmt.Sprintf("version entry %q", e.text)) {
						e.diags = append(e.diags, d)
					}
				}
				entries = append(entries, e)
			}
		}
	}
	return entries, fallback
}

// TestVersionEntriesGolden reads every version entry of the seed and of
// every corpus document, and compares what the parser makes of each with
// the reviewed testdata/versions.golden.txt: per document, each distinct
// entry once with the lines it is on, its product versions (shared
// qualifiers applied) and every span not understood, with its warning.
func TestVersionEntriesGolden(t *testing.T) {
	var out bytes.Buffer
	total := 0
	for _, file := range versionDocs(t) {
		entries, fallback := versionEntries(t, file)
		if len(entries) == 0 {
			t.Errorf("%s: no version entries found", file)
		}
		total += len(entries)
		note := ""
		if fallback {
			note = " (version column found by position: no phrasebook reads its header yet)"
		}
		fmt.Fprintf(&out, "== %s [%s]%s\n", strings.TrimPrefix(file, "../../"), docLocale(file), note)
		type seen struct {
			lines []string
			line  string
		}
		var order []string
		byKey := map[string]*seen{}
		for _, e := range entries {
			var ps []string
			for _, p := range e.products {
				if p.Entry == e.index {
					ps = append(ps, p.String())
				}
			}
			var un []string
			for _, u := range e.res.Unparsed {
				un = append(un, fmt.Sprintf("%q@+%d", e.text[u.Start:u.End], u.Start))
			}
			line := fmt.Sprintf("%q → %s", e.text, strings.Join(ps, "; "))
			if len(e.res.Shared) > 0 {
				line += fmt.Sprintf(" (qualifies the cell: %v)", e.res.Shared)
			}
			if len(un) > 0 {
				line += "  NOT UNDERSTOOD " + strings.Join(un, " ")
			}
			key := e.workload + "\x00" + line
			if byKey[key] == nil {
				byKey[key] = &seen{line: line}
				order = append(order, key)
			}
			byKey[key].lines = append(byKey[key].lines, fmt.Sprint(e.pos.Line))
			if len(e.diags) != len(e.res.Unparsed) && len(e.res.Versions)+len(e.res.Shared) > 0 {
				t.Errorf("%s: %d unparsed spans but %d warnings: %v", e.pos, len(e.res.Unparsed), len(e.diags), e.diags)
			}
			for _, d := range e.diags {
				if d.Code != "unknown-version" || d.Severity != diag.Warning || d.File == "" || d.Line == 0 || d.Col == 0 {
					t.Errorf("%s: bad diagnostic %v", e.pos, d)
				}
			}
		}
		for _, k := range order {
			s := byKey[k]
			fmt.Fprintf(&out, "%s %s\n", strings.Join(s.lines, ","), s.line)
		}
	}
	fmt.Fprintf(&out, "-- %d entries\n", total)
	golden(t, "versions.golden.txt", out.Bytes())
}

// TestVersionEntriesCovered: on every real entry every byte that is not
// white space is in exactly one parsed or unparsed range, the ranges are
// sorted and disjoint, an entry with no unparsed text names something, and
// every product and qualifier is in the vocabularies.
func TestVersionEntriesCovered(t *testing.T) {
	n := 0
	for _, file := range versionDocs(t) {
		entries, _ := versionEntries(t, file)
		for _, e := range entries {
			n++
			if err := e.res.Covers(e.text); err != nil {
				t.Errorf("%s %q: %v", e.pos, e.text, err)
			}
			if e.res.OK() && len(e.res.Versions)+len(e.res.Shared) == 0 {
				t.Errorf("%s %q: understood but names nothing", e.pos, e.text)
			}
			if err := validProducts(e.products); err != nil {
				t.Errorf("%s: %v", e.pos, err)
			}
		}
	}
	if n < 900 {
		t.Errorf("only %d entries read; the seed and corpus hold over 900", n)
	}
}

// TestProductsCrossLanguage: machine translation dropped a word — the
// Dutch "VMM 2012 SP1, R2" is two versions, Microsoft's "VMM 2012, SP1, R2"
// three — and the check names both places.
func TestProductsCrossLanguage(t *testing.T) {
	nl := mkDoc("nl", hdrNL, "System Center VMM|VMM-2016<br/>VMM 2012 SP1, R2|Fysieke server|J|J|Beveiligen: x")
	en := mkDoc("en", hdrEN, "System Center VMM|VMM 2016<br/>VMM 2012, SP1, R2|Physical server|Y|Y|Protect: x")
	m, l := Compile(mkContent(nl, en))
	if l.HasErrors() {
		t.Fatal(l)
	}
	var got []diag.Diagnostic
	for _, d := range l {
		if d.Code == "locale-mismatch-products" {
			got = append(got, d)
		}
	}
	if len(got) != 1 {
		t.Fatalf("want one products mismatch, got %v", l)
	}
	d := got[0]
	if d.Severity != diag.Warning || d.File != "en/m.md" || d.Line != 12 || len(d.Related) != 1 || d.Related[0].File != "nl/m.md" ||
		!strings.Contains(d.Message, "nl/m.md:12") || !strings.Contains(d.Message, "en/m.md:12") ||
		!strings.Contains(d.Message, "system-center-vmm 2012 [SP1]; system-center-vmm 2012 R2") {
		t.Errorf("got %v (related %v)", d, d.Related)
	}
	// The row's list is the English one.
	if s := productKey(m.Rows[0].Products); s != "system-center-vmm 2016; system-center-vmm 2012; system-center-vmm 2012 [SP1]; system-center-vmm 2012 R2" {
		t.Errorf("products = %s", s)
	}
	// Agreeing locales give no warning.
	en = mkDoc("en", hdrEN, "System Center VMM|VMM 2016<br/>VMM 2012 SP1, R2|Physical server|Y|Y|Protect: x")
	_, l = Compile(mkContent(nl, en))
	if slices.Contains(codes(l), "locale-mismatch-products") {
		t.Errorf("agreeing rows warned: %v", l)
	}
}

// TestProductsInRows: shared qualifiers of a line, the workload's default
// product, and an entry nothing is understood of (unknown, warned at its
// place, its text kept in versions).
func TestProductsInRows(t *testing.T) {
	en := mkDoc("en", hdrEN,
		"Servers (64-bit)|Windows  Server 2022, 2016<br /><br />(Including Windows Server Core edition)|Physical server|Y|Y|Volume",
		"Azure Local|V1, 20H2, and 23H2|Physical server|Y|Y|Protect: x",
		"SQL Server|Contoso Ledger 12<br/>SQL Server 2014 and frobnicated SPs|Physical server|Y|Y|Protect: x",
	)
	m, l := Compile(mkContent(en))
	if l.HasErrors() {
		t.Fatal(l)
	}
	want := []string{
		"windows-server 2022 [including Server Core]; windows-server 2016 [including Server Core]",
		"azure-local V1; azure-local 20H2; azure-local 23H2",
		"unknown; sql-server 2014",
	}
	for i, w := range want {
		if got := productKey(m.Rows[i].Products); got != w {
			t.Errorf("row %d: %s, want %s", i, got, w)
		}
	}
	if m.Rows[2].Products[0].Entry != 0 || m.Rows[2].Versions["en"][0] != "Contoso Ledger 12" || m.Rows[2].Products[1].Entry != 1 {
		t.Errorf("unknown entry: %+v", m.Rows[2].Products)
	}
	var warns []string
	for _, d := range l {
		if d.Code == "unknown-version" {
			warns = append(warns, d.Position.String()+" "+d.Message)
		}
	}
	wantW := []string{
		`en/m.md:14:13 version entry "Contoso Ledger 12" not understood: product unknown (kept as written)`,
		`en/m.md:14:55 version entry "SQL Server 2014 and frobnicated SPs": "frobnicated SPs" not understood (kept as written)`,
	}
	if !slices.Equal(warns, wantW) {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(warns, "\n"), strings.Join(wantW, "\n"))
	}
}

// validProducts reports the first product version that is outside the
// vocabularies (a bug of package product).
func validProducts(ps []ProductVersion) error {
	for _, p := range ps {
		if !slices.Contains(product.Products, product.Product(p.Product)) {
			return fmt.Errorf("product %q is not in the vocabulary", p.Product)
		}
		for _, q := range p.Qualifiers {
			if !product.Qualifier(q).Valid() {
				return fmt.Errorf("qualifier %q of %s is not in the vocabulary", q, p)
			}
		}
	}
	return nil
}
