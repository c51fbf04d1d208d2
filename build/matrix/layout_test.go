package matrix

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// doc parses a small document written in a test.
func doc(t *testing.T, loc, body string) *source.Document {
	t.Helper()
	d, l := source.ParseDocument(loc+"/matrix.md", loc, []byte("---\ntitle: T\nms.date: 05/15/2017\n---\n"+body))
	if l.HasErrors() {
		t.Fatalf("ParseDocument: %v", l)
	}
	return d
}

func codesOf(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.Code)
	}
	return out
}

func TestNoMatrix(t *testing.T) {
	cases := map[string]struct{ body, want string }{
		// V4's legend table: two columns, neither a release nor a workload.
		"legend only": {"# T\n\n| Scenario | Description |\n| --- | --- |\n| **Workloads** | The workload type. |\n",
			`no table is a matrix: en/matrix.md:7: no workload and no support column; its headers are "Scenario" (not understood), "Description" (not understood)`},
		"no table": {"# T\n\nJust prose.\n", "the document has no table"},
		"support but no workload": {"# T\n\n| Foo | Server v2 |\n| --- | --- |\n| a | Y |\n",
			`no workload column; its headers are "Foo" (not understood), "Server v2" (release)`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			m, l := Compile(mkContent(doc(t, "en", c.body)))
			var found *diag.Diagnostic
			for i := range l {
				if l[i].Code == "no-matrix" {
					found = &l[i]
				}
			}
			if found == nil || found.Severity != diag.Error || found.File != "en/matrix.md" {
				t.Fatalf("want a no-matrix error naming the file, got %v", l)
			}
			if !strings.Contains(found.Message, c.want) {
				t.Errorf("message %q\nlacks %q", found.Message, c.want)
			}
			if m != nil && len(m.Rows) != 0 {
				t.Errorf("%d rows", len(m.Rows))
			}
		})
	}
}

// TestLanguageWithoutPhrasebook compiles real documents with their
// language's phrasebook taken out: the compiler still keeps every row by the
// table's structure, knows every installation that names a brand, reports
// each word it does not know once with the phrasebook entry to add, and
// leaves the rest unknown — never a guess.
func TestLanguageWithoutPhrasebook(t *testing.T) {
	set, sl := builtin()
	for _, tc := range []struct {
		file, tag string
		// twins: the file carries the English originals, which then
		// settle everything.
		twins bool
	}{
		{"it-it__OpenLocalizationTestOrg__037916c3.md", "it", false},
		{"zh-tw__OpenLocalizationTestOrg__24098d65.md", "zh-tw", false},
		{"ru-ru__OpenLocalizationTestOrg__8ef18701.md", "ru", true},
	} {
		t.Run(tc.tag, func(t *testing.T) {
			path := filepath.Join("../../testdata/corpus", tc.file)
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			loc, _, _ := strings.Cut(tc.file, "__")
			d, _ := source.ParseDocument(loc+"/"+tc.file, loc, src)
			without := set.Without(tc.tag)
			if lg := without.For(loc, d.Meta.ContentLocale); lg.Known {
				t.Fatalf("%s still has a phrasebook in the test", loc)
			}
			m, l := compileWith(mkContent(d), without, sl)
			if l.HasErrors() || m == nil {
				t.Fatalf("errors: %v", l)
			}
			if len(m.Rows) != corpusRows[tc.file] {
				t.Errorf("%d rows, want every one of %d", len(m.Rows), corpusRows[tc.file])
			}
			brands := map[string]Target{"hyper-v": TargetHyperVVM, "vmware": TargetVMwareVM, "azure": TargetAzureVM}
			unknownTargets := 0
			for _, r := range m.Rows {
				if r.Workload == "" || r.Workload == "workload" {
					t.Errorf("row at %d has no workload id", r.Line[loc])
				}
				for _, in := range r.Installations {
					head, _, _ := strings.Cut(strings.ToLower(in.Text[loc]), "(")
					var want []Target
					for b, tg := range brands {
						if strings.Contains(head, b) {
							want = append(want, tg)
						}
					}
					if len(want) == 1 && in.Target != string(want[0]) {
						t.Errorf("row at %d: %q names one brand but is %s", r.Line[loc], in.Text[loc], in.Target)
					}
					if in.Target == string(TargetUnknown) {
						unknownTargets++
					}
				}
			}
			f := count(m, l, loc)
			if tc.twins && (f.pct(f.supportKnown, f.support) < 95 || f.pct(f.installsKnown, f.installs) < 95) {
				t.Errorf("with English twins everything is known: %s", f)
			}
			// Each unknown word is reported once, with the entry to add.
			seen := map[string]bool{}
			for _, d := range l {
				switch d.Code {
				case "unknown-header", "unknown-installation", "unknown-support-value", "unknown-workload", "unknown-label", "unknown-support-word", "unknown-installation-phrase":
					if !strings.Contains(d.Message, "phrasebook") && !strings.Contains(d.Message, loc+"/phrasebook.yaml") {
						t.Errorf("%s does not say where to add the word", d)
					}
					if seen[d.Code+d.Message] {
						t.Errorf("reported twice: %s", d)
					}
					seen[d.Code+d.Message] = true
				}
			}
			if !tc.twins {
				if !slices.Contains(codesOf(l), "unknown-header") {
					t.Errorf("no unknown-header warning: %v", codesOf(l))
				}
				if unknownTargets == 0 {
					t.Error("every installation known without a phrasebook: the test document proves nothing")
				}
			}
		})
	}
}

func TestRaggedRows(t *testing.T) {
	t.Run("short row of the V4 document", func(t *testing.T) {
		m, l, loc := compileCorpusFile(t, "../../testdata/corpus/en-us__specialized806__0347c70c.md")
		var short *diag.Diagnostic
		for i := range l {
			if l[i].Code == "short-row" {
				short = &l[i]
			}
		}
		if short == nil || short.Line != 74 || short.Col != 1 || short.Severity != diag.Warning {
			t.Fatalf("want a short-row warning at 74:1, got %v", l)
		}
		var row *Row
		for i := range m.Rows {
			if m.Rows[i].Line[loc] == 74 {
				row = &m.Rows[i]
			}
		}
		if row == nil {
			t.Fatal("the short row was dropped")
		}
		// GFM pads at the end: the fourth cell is the release column's.
		if row.Support["v4"].Status != string(StatusUnknown) || len(row.Protect[loc]) != 0 {
			t.Errorf("short row: %+v", row)
		}
		if l.Strict().HasErrors() == false {
			t.Error("--strict must make the short row an error")
		}
	})
	t.Run("long row keeps its extra cells", func(t *testing.T) {
		body := "# T\n\n|Workload|Version|Installation|Server v2|Protection|\n|---|---|---|---|---|\n" +
			"|SQL Server|SQL Server 2014|Physical server|Y|Database|Extra **one**|[two](https://example.com/2)|\n"
		m, l := Compile(mkContent(doc(t, "en", body)))
		if m == nil || len(m.Rows) != 1 {
			t.Fatalf("rows: %v", l)
		}
		if !slices.Contains(codesOf(l), "long-row") {
			t.Errorf("no long-row warning: %v", l)
		}
		ex := m.Rows[0].Extra
		if got := ex["cell 6"]["en"].Plain(); got != "Extra one" {
			t.Errorf("cell 6: %q (%v)", got, ex)
		}
		if got := ex["cell 7"]["en"]; len(got) != 1 || got[0].Href != "https://example.com/2" || got[0].Text != "two" {
			t.Errorf("cell 7 lost its link: %v", got)
		}
	})
}

// TestAlerts: DocFX alerts are callouts titled in the page's language, in
// every section they occur in, and no "[!NOTE]" marker is left anywhere.
func TestAlerts(t *testing.T) {
	src, err := os.ReadFile("../../testdata/corpus/en-us__specialized806__0347c70c.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ loc, title string }{{"en", "Note"}, {"nl", "Opmerking"}} {
		d, _ := source.ParseDocument(tc.loc+"/v4.md", tc.loc, src)
		c := mkContent(d)
		c.Strings[tc.loc] = realStrings(t, tc.loc)
		m, l := Compile(c)
		if l.HasErrors() {
			t.Fatal(l)
		}
		n := 0
		for _, s := range m.Sections {
			h := s.HTML[tc.loc]
			if strings.Contains(h, "[!") || strings.Contains(h, "data-alert") {
				t.Errorf("%s: marker or placeholder left in %q", tc.loc, h)
			}
			n += strings.Count(h, `<aside class="alert alert-note" role="note">`+"\n"+`<p class="alert-title">`+tc.title+`</p>`)
		}
		if n != 3 {
			t.Errorf("%s: %d titled note callouts, want the document's 3", tc.loc, n)
		}
	}
	d, _ := source.ParseDocument("en/v4.md", "en", src)
	c := mkContent(d)
	delete(c.Strings["en"], "alert.note")
	if _, l := Compile(c); !slices.Contains(codesOf(l), "missing-string") {
		t.Errorf("a missing alert title must be an error: %v", l)
	}
}

// realStrings reads the project's UI strings of loc.
func realStrings(t *testing.T, loc string) map[string]string {
	t.Helper()
	c, l := source.Load(os.DirFS("../../content"))
	if l.HasErrors() {
		t.Fatal(l)
	}
	return c.Strings[loc]
}

// TestDataDefects checks the review of the seed's JSON (issue: "data
// defects"), as general rules over every row.
func TestDataDefects(t *testing.T) {
	m, _ := compileSeed(t)
	byLine := map[int]Row{}
	for _, r := range m.Rows {
		byLine[r.Line["nl"]] = r
	}
	r93 := byLine[93]
	if got := plainList(r93.Protect["nl"]); !slices.Equal(got, []string{"Virtuele VMware-machines op gedeelde clustervolumes (CSV's), NFS en SAN-opslag"}) {
		t.Errorf("line 93 protect %q", got)
	}
	if got := plainList(r93.Recover["nl"]); len(got) != 1 || !strings.HasPrefix(got[0], "Herstel op itemniveau") {
		t.Errorf("line 93 recover %q", got)
	}
	for _, c := range []string{"item-level-recovery", "file", "folder"} {
		if !slices.Contains(r93.Capabilities, c) {
			t.Errorf("line 93 lacks %s: %v", c, r93.Capabilities)
		}
	}
	for line := 42; line <= 46; line++ {
		if !slices.Contains(byLine[line].Capabilities, "deduplicated-volume") {
			t.Errorf("line %d: the note's deduped volumes are not a capability: %v", line, byLine[line].Capabilities)
		}
	}
	// Over every row of the seed and of every corpus document: no item
	// keeps an unbalanced parenthesis.
	models := []*Model{m}
	files, _ := filepath.Glob("../../testdata/corpus/*.md")
	for _, f := range files {
		cm, _, _ := compileCorpusFile(t, f)
		models = append(models, cm)
	}
	for _, mm := range models {
		for _, r := range mm.Rows {
			for loc := range r.Protect {
				for _, it := range append(slices.Clone(r.Protect[loc]), r.Recover[loc]...) {
					if p := it.Plain(); strings.Count(p, "(") != strings.Count(p, ")") || strings.Index(p, ")") < strings.Index(p, "(") {
						t.Errorf("%s %s: item %q keeps an unbalanced parenthesis", r.ID, loc, p)
					}
				}
			}
		}
	}
}

func plainList(rs []Rich) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Plain())
	}
	return out
}

// TestLegendTableStaysInProse: a table that is not a matrix (V4's
// "Scenario | Description" legend) keeps its place in the prose, as a
// sanitized table; matrix tables leave no trace there.
func TestLegendTableStaysInProse(t *testing.T) {
	m, _, loc := compileCorpusFile(t, "../../testdata/corpus/en-us__specialized806__0347c70c.md")
	intro := m.Sections[0].HTML[loc]
	want := "<table>\n<thead>\n<tr><th scope=\"col\">Scenario</th><th scope=\"col\">Description</th></tr>\n</thead>\n<tbody>\n<tr><td><strong>Workloads</strong></td><td>The workload type of technology.</td></tr>"
	if !strings.Contains(intro, want) {
		t.Errorf("intro lacks the legend table:\n%s", intro)
	}
	for _, mm := range []*Model{m, func() *Model { s, _ := compileSeed(t); return s }()} {
		for _, s := range mm.Sections {
			for _, h := range s.HTML {
				if strings.Contains(h, "matrixdoc:table") || strings.Count(h, "<table>") > 1 {
					t.Errorf("section %s keeps a marker or a matrix table: %s", s.ID, h)
				}
			}
		}
	}
}
