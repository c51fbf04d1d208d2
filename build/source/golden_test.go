package source

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenDump is what a golden file holds: the parsed document and every
// diagnostic, as JSON.
type goldenDump struct {
	Document    *Document
	Diagnostics diag.List
}

// seedPath and corpusDir are the real documents the golden files cover.
const (
	seedPath  = "../../content/nl/backup-mabs-protection-matrix.md"
	corpusDir = "../../testdata/corpus"
)

// goldenInputs lists (name in diagnostics, locale, file) for the seed and
// every corpus document. A corpus file's locale is its name's prefix.
func goldenInputs(t testing.TB) [][3]string {
	in := [][3]string{{"nl/backup-mabs-protection-matrix.md", "nl", seedPath}}
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files in %s: %v", corpusDir, err)
	}
	for _, f := range files {
		base := filepath.Base(f)
		loc, _, _ := strings.Cut(base, "__")
		in = append(in, [3]string{"corpus/" + base, loc, f})
	}
	return in
}

func TestGolden(t *testing.T) {
	for _, g := range goldenInputs(t) {
		name, loc, file := g[0], g[1], g[2]
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, l := ParseDocument(name, loc, src)
			if l.HasErrors() {
				t.Errorf("errors parsing %s:\n%v", file, l)
			}
			got, err := json.MarshalIndent(goldenDump{doc, l}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(file), ".md")+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run go test ./build/source -run TestGolden -update and review the diff", name, golden)
			}
		})
	}
}

// The facts about the seed reviewed by hand: one table, header + 66 rows of
// 6 cells (as written, too), the three </br> of the header on line 27 warned
// at their columns, and the sections with their anchors.
func TestSeed(t *testing.T) {
	src, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, l := ParseDocument("nl/backup-mabs-protection-matrix.md", "nl", src)
	if l.HasErrors() {
		t.Fatalf("errors:\n%v", l)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("%d tables", len(doc.Tables))
	}
	tab := doc.Tables[0]
	if len(tab.Header) != 6 || len(tab.Rows) != 66 || tab.Pos.Line != 27 || tab.Section != "protection-support-matrix" {
		t.Errorf("table: %d header cells, %d rows, line %d, section %q", len(tab.Header), len(tab.Rows), tab.Pos.Line, tab.Section)
	}
	for i, r := range tab.Rows {
		if len(r.Cells) != 6 || r.RawCells != 6 || r.Pos.Line != 29+i {
			t.Errorf("row %d: %d cells, %d written, line %d", i, len(r.Cells), r.RawCells, r.Pos.Line)
		}
	}
	if got := tab.Header[2].PlainText(); got != "Azure Backup-server\ninstallation" {
		t.Errorf("header cell 3 = %q", got)
	}
	var br []string
	for _, d := range l {
		if d.Code == "malformed-br" {
			br = append(br, d.Position.String())
		}
	}
	want := "nl/backup-mabs-protection-matrix.md:27:37 nl/backup-mabs-protection-matrix.md:27:68 nl/backup-mabs-protection-matrix.md:27:96"
	if got := strings.Join(br, " "); got != want {
		t.Errorf("malformed </br> at %s\nwant %s", got, want)
	}
	var ids []string
	for _, s := range doc.Sections {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "azure-backup-server-protection-matrix protection-support-matrix cluster-support" {
		t.Errorf("sections %s", got)
	}
	if doc.Meta.Date != "2017-05-15" || doc.Meta.LastHandoff != "2017-08-18" || doc.Meta.ContentLocale != "nl-NL" {
		t.Errorf("meta %+v", doc.Meta)
	}
	// A link inside a cell survives as a link (row "Windows Server 2008 R2 SP1").
	found := false
	for _, r := range tab.Rows {
		for _, c := range r.Cells {
			for _, in := range c.Inlines {
				if in.Kind == Link && in.Text == "Windows Management Frame 4.0" && strings.HasPrefix(in.Href, "https://www.microsoft.com/") {
					found = true
				}
			}
		}
	}
	if !found {
		t.Error("the Windows Management Framework link in the cells was lost")
	}
}

// The 2020 layout: three tables, each under its own section, bold headers
// flattened to text.
func TestCorpus2020Layout(t *testing.T) {
	for _, f := range []string{"nl-nl__Microsoft__4f08bb8f.md", "en-us__MicrosoftDocs__01d2640c.md"} {
		src, err := os.ReadFile(filepath.Join(corpusDir, f))
		if err != nil {
			t.Fatal(err)
		}
		loc, _, _ := strings.Cut(f, "__")
		doc, l := ParseDocument(f, loc, src)
		if l.HasErrors() {
			t.Fatalf("%s: %v", f, l)
		}
		var got []string
		for _, tab := range doc.Tables {
			got = append(got, tab.Section+"/"+tab.Header[0].PlainText())
		}
		if s := strings.Join(got, " "); s != "applications-backup/Workload vm-backup/Workload linux/Workload" {
			t.Errorf("%s tables: %s", f, s)
		}
	}
}

// BenchmarkParseSeed measures one parse of the Dutch seed (the serve loop
// reparses it on every edit).
func BenchmarkParseSeed(b *testing.B) {
	src, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, l := ParseDocument("nl/x.md", "nl", src); l.HasErrors() {
			b.Fatal(l)
		}
	}
}
