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
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// corpusRows is the number of matrix rows each corpus document has: every
// body row of every table that has a support column, counted by hand in
// the documents (a legend table such as V4's "Scenario | Description" has
// none). The compiler must keep every one of them.
var corpusRows = map[string]int{ // file → matrix rows
	"cs-cz__OpenLocalizationTestOrg__17c0650d.md": 66,
	"en-us__MicrosoftDocs__01d2640c.md":           10,
	"en-us__MicrosoftDocs__88bd00d4.md":           58,
	"en-us__specialized806__0347c70c.md":          10,
	"es-es__OpenLocalizationTestOrg__04f8d191.md": 66,
	"fr-fr__OpenLocalizationTestOrg__4fc108dd.md": 66,
	"it-it__OpenLocalizationTestOrg__037916c3.md": 66,
	"nl-nl__Microsoft__4f08bb8f.md":               9,
	"nl-nl__OpenLocalizationTestOrg__3894b894.md": 58,
	"nl-nl__OpenLocalizationTestOrg__8c175789.md": 66,
	"nl-nl__scorpido74__a094c1c5.md":              61,
	"pl-pl__OpenLocalizationTestOrg__5bf87c41.md": 66,
	"pt-br__OpenLocalizationTestOrg__1999f752.md": 66,
	"ru-ru__OpenLocalizationTestOrg__8ef18701.md": 66,
	"ru-ru__bergano65__281657ff.md":               58,
	"zh-cn__cobwebos__055c64cd.md":                9,
	"zh-tw__OpenLocalizationTestOrg__24098d65.md": 66,
}

// corpusServers are the releases each layout names: 2017's v2/v1 columns,
// 2018's "Server V3 | Server V2", the 2020 single "V3 UR1" column, 2026's V4.
var corpusServers = map[string]string{
	"en-us__MicrosoftDocs__01d2640c.md":  "v3-ur1",
	"en-us__MicrosoftDocs__88bd00d4.md":  "v3 v2",
	"en-us__specialized806__0347c70c.md": "v4",
	"nl-nl__Microsoft__4f08bb8f.md":      "v3-ur1",
	"nl-nl__scorpido74__a094c1c5.md":     "v3 v2",
	"ru-ru__bergano65__281657ff.md":      "v3 v2",
	"zh-cn__cobwebos__055c64cd.md":       "v3-ur1",
	// every other file: "v2 v1"
}

// figures counts what the compiler understood of one model. Support cells
// of a row written with fewer cells than its header (short-row) are
// counted apart: GFM pads such a row at the end, so its support cell may
// hold another column's text, and "unknown" is then the only honest reading.
type figures struct {
	rows, short, support, supportKnown, installs, installsKnown int
}

func (f figures) pct(n, d int) float64 {
	if d == 0 {
		return 100
	}
	return 100 * float64(n) / float64(d)
}

func (f figures) String() string {
	return fmt.Sprintf("rows %3d (%d short)  support known %3d/%3d (%5.1f%%)  installations known %3d/%3d (%5.1f%%)",
		f.rows, f.short, f.supportKnown, f.support, f.pct(f.supportKnown, f.support),
		f.installsKnown, f.installs, f.pct(f.installsKnown, f.installs))
}

func count(m *Model, l diag.List, loc string) figures {
	f := figures{rows: len(m.Rows)}
	short := map[int]bool{}
	for _, d := range l {
		if d.Code == "short-row" {
			short[d.Line] = true
		}
	}
	for _, r := range m.Rows {
		if short[r.Line[loc]] {
			f.short++
		}
		for _, s := range m.Servers {
			if short[r.Line[loc]] {
				continue
			}
			f.support++
			if r.Support[s.ID].Status != string(StatusUnknown) {
				f.supportKnown++
			}
		}
		for _, in := range r.Installations {
			f.installs++
			if in.Target != string(TargetUnknown) {
				f.installsKnown++
			}
		}
	}
	return f
}

// compileCorpusFile compiles one corpus document alone, as the only locale
// of a content folder named like its file ("cs-cz").
func compileCorpusFile(t *testing.T, file string) (*Model, diag.List, string) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	loc, _, _ := strings.Cut(filepath.Base(file), "__")
	doc, dl := source.ParseDocument(loc+"/"+filepath.Base(file), loc, src)
	if dl.HasErrors() {
		t.Fatalf("ParseDocument: %v", dl)
	}
	m, l := Compile(mkContent(doc))
	return m, l, loc
}

// TestCorpus compiles every corpus document alone: real versions of this
// page from other dates, languages and layouts. Each keeps every matrix row
// (corpusRows), understands at least 95 % of its support cells and of its
// installation phrases, validates against the schema, and matches its
// reviewed golden dump (testdata/corpus/<file>.review.txt: one line per
// row). The per-file figures are testdata/corpus-figures.txt.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/corpus/*.md")
	if len(files) != len(corpusRows) {
		t.Fatalf("%d corpus files, %d expected row counts: every corpus file needs its row count", len(files), len(corpusRows))
	}
	var table bytes.Buffer
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			m, l, loc := compileCorpusFile(t, f)
			if l.HasErrors() {
				t.Fatalf("errors:\n%v", l)
			}
			fg := count(m, l, loc)
			fmt.Fprintf(&table, "%-45s %s\n", name, fg)
			if want := corpusRows[name]; fg.rows != want {
				t.Errorf("%d rows, want %d", fg.rows, want)
			}
			var ids []string
			for _, s := range m.Servers {
				ids = append(ids, s.ID)
			}
			want := corpusServers[name]
			if want == "" {
				want = "v2 v1"
			}
			if got := strings.Join(ids, " "); got != want {
				t.Errorf("servers %q, want %q", got, want)
			}
			if fg.pct(fg.supportKnown, fg.support) < 95 || fg.pct(fg.installsKnown, fg.installs) < 95 {
				t.Errorf("less than 95 %% understood: %s", fg)
			}
			for _, r := range m.Rows {
				if r.Workload == "" || len(r.Installations) == 0 {
					t.Errorf("row %s at %d: workload %q, %d installations", r.ID, r.Line[loc], r.Workload, len(r.Installations))
				}
			}
			b, _ := JSON(m)
			validate(t, b)
			var rev bytes.Buffer
			rev.Write(review(m))
			rev.WriteString("--\n")
			l.Print(&rev)
			golden(t, "corpus/"+strings.TrimSuffix(name, ".md")+".review.txt", rev.Bytes())
		})
	}
	if !t.Failed() || *update {
		lines := strings.SplitAfter(strings.TrimSpace(table.String()), "\n")
		slices.Sort(lines)
		golden(t, "corpus-figures.txt", []byte(strings.Join(lines, "")+"\n"))
	}
}
