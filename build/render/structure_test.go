package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The matrix page's table: one column header per column, one row per model
// row with its id as anchor and a row header, a badge with text per server.
func TestMatrixTableStructure(t *testing.T) {
	for _, tc := range inputs {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in(t)
			out, err := Site(in)
			if err != nil {
				t.Fatal(err)
			}
			m := in.Model
			for _, loc := range m.Locales {
				d := parseDoc(t, loc+"/index.html", out[loc+"/index.html"])
				tables := elements(d.root, "table")
				if len(tables) != 1 {
					t.Fatalf("%s: %d tables, want 1", d.path, len(tables))
				}
				cols := 0
				for _, th := range elements(elements(tables[0], "thead")[0], "th") {
					if s, _ := attr(th, "scope"); s == "col" {
						cols++
					}
				}
				if want := 4 + len(m.Servers); cols != want {
					t.Errorf("%s: %d column headers, want %d", d.path, cols, want)
				}
				trs := elements(elements(tables[0], "tbody")[0], "tr")
				if len(trs) != len(m.Rows) {
					t.Fatalf("%s: %d rows, want %d", d.path, len(trs), len(m.Rows))
				}
				for i, tr := range trs {
					id, _ := attr(tr, "id")
					if id != m.Rows[i].ID {
						t.Errorf("%s: row %d id %q, want %q", d.path, i, id, m.Rows[i].ID)
					}
					rowHeads := 0
					for _, th := range elements(tr, "th") {
						if s, _ := attr(th, "scope"); s == "row" {
							rowHeads++
						}
					}
					if rowHeads != 1 {
						t.Errorf("%s: row %s has %d row headers", d.path, id, rowHeads)
					}
					badges := 0
					for _, sp := range elements(tr, "span") {
						c, _ := attr(sp, "class")
						if !strings.HasPrefix(c, "badge ") {
							continue
						}
						badges++
						st := strings.TrimPrefix(c, "badge s-")
						if got, want := strings.TrimSpace(text(sp)), strings.TrimSpace(icons[st]+" "+in.Strings[loc]["status."+st]); got != want {
							t.Errorf("%s: row %s badge %q, want %q", d.path, id, got, want)
						}
					}
					if badges != len(m.Servers) {
						t.Errorf("%s: row %s has %d badges, want %d", d.path, id, badges, len(m.Servers))
					}
				}
				data := byID(d.root, "matrix-data")
				if typ, _ := attr(data, "type"); data == nil || typ != "application/json" {
					t.Errorf("%s: no application/json data script", d.path)
				}
				for _, ctl := range append(elements(d.root, "input"), elements(d.root, "select")...) {
					id, _ := attr(ctl, "id")
					if !hasLabel(d.root, id) {
						t.Errorf("%s: control %q has no <label for>", d.path, id)
					}
				}
			}
		})
	}
}

func hasLabel(root *html.Node, id string) bool {
	for _, l := range elements(root, "label") {
		if f, _ := attr(l, "for"); f == id && id != "" {
			return true
		}
	}
	return false
}

// The workload page's grid has a column per installation target and a row
// per version; every row of the workload has its details with an anchor,
// and the page links back to the matrix filtered to the workload.
func TestWorkloadPageStructure(t *testing.T) {
	in := fixtureInput(t)
	out, err := Site(in)
	if err != nil {
		t.Fatal(err)
	}
	d := parseDoc(t, "en/workloads/sql-server/index.html", out["en/workloads/sql-server/index.html"])
	grid := elements(d.root, "table")[0]
	var heads []string
	for _, th := range elements(elements(grid, "thead")[0], "th") {
		heads = append(heads, text(th))
	}
	want := "Version|Physical server|Hyper-V virtual machine|VMware virtual machine|Azure virtual machine"
	if got := strings.Join(heads, "|"); got != want {
		t.Errorf("grid columns %q, want %q", got, want)
	}
	var rows []string
	for _, tr := range elements(elements(grid, "tbody")[0], "tr") {
		rows = append(rows, text(elements(tr, "th")[0]))
	}
	if got := strings.Join(rows, "|"); got != "SQL Server 2014|SQL Server 2016" {
		t.Errorf("grid rows %q", got)
	}
	// SQL Server 2014 × VMware: v2 supported, v1 not.
	cell := elements(elements(grid, "tbody")[0], "tr")[0]
	tds := elements(cell, "td")
	var items []string
	for _, li := range elements(tds[2], "li") {
		items = append(items, strings.Join(strings.Fields(text(li)), " "))
	}
	if got := strings.Join(items, "|"); got != "✓ v2: Supported|✕ v1: Not supported" {
		t.Errorf("2014 × VMware cell %q", got)
	}
	for _, id := range in.Model.Workloads[0].Rows {
		if byID(d.root, id) == nil {
			t.Errorf("no details for row %s", id)
		}
	}
	back := false
	for _, a := range elements(d.root, "a") {
		if h, _ := attr(a, "href"); h == "../../#w=sql-server" {
			back = true
		}
	}
	if !back {
		t.Errorf("no link back to the matrix filtered to sql-server")
	}
}

// A key missing in one locale stops the build with the key and the file.
func TestMissingStringIsAnError(t *testing.T) {
	tests := []struct {
		name, drop, locale string
	}{
		{"ui string", "search.label", "en"},
		{"vocabulary label", "capability.database", "nl"},
		{"status label", "status.conditional", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := fixtureInput(t)
			for _, loc := range in.Model.Locales {
				cp := map[string]string{}
				for k, v := range in.Strings[loc] {
					cp[k] = v
				}
				delete(cp, tc.drop)
				in.Strings[loc] = cp
			}
			in.StringsFile = map[string]string{"nl": "content/nl/strings.yaml", "en": "content/en/strings.yaml"}
			_, err := Site(in)
			if err == nil {
				t.Fatalf("no error without %q", tc.drop)
			}
			if !strings.Contains(err.Error(), tc.drop) || !strings.Contains(err.Error(), "strings.yaml") {
				t.Errorf("error %q does not name key %q and its file", err, tc.drop)
			}
		})
	}
	in := fixtureInput(t)
	cp := map[string]string{}
	for k, v := range in.Strings["en"] {
		cp[k] = v
	}
	delete(cp, "row.notes")
	in.Strings["en"] = cp
	_, err := Site(in)
	if err == nil || !strings.Contains(err.Error(), "content/en/strings.yaml") || !strings.Contains(err.Error(), `"row.notes"`) {
		t.Errorf("key missing in en only: err = %v", err)
	}
}

// The fixture's English matrix page, byte for byte (refresh with -update).
func TestGoldenFixturePages(t *testing.T) {
	out := renderFixture(t)
	for _, p := range []string{"en/index.html", "nl/workloads/servers/index.html", "index.html", "sitemap.xml"} {
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(p, "/", "_"))
		got := out[p]
		if strings.HasSuffix(p, ".html") {
			// One tag per line, so a diff says where.
			got = bytes.ReplaceAll(got, []byte("><"), []byte(">\n<"))
		}
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -run Golden -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run with -update if intended)", p, golden)
		}
	}
}

func BenchmarkSiteSeed(b *testing.B) {
	in := realInput(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Site(in); err != nil {
			b.Fatal(err)
		}
	}
}
