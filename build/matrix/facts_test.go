package matrix

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"testing"
)

func FuzzFactJSON(f *testing.F) {
	for _, s := range []string{"", "a", "<b>&\"\\", "\x00\x1f", "\xff", "é\u2028"} {
		f.Add(s, "v2", uint8(0))
		f.Add("row", s, uint8(0xff))
	}
	f.Fuzz(func(t *testing.T, a, b string, n uint8) {
		ft := Fact{Row: a, Workload: b, Product: a, Version: b, Target: a, Server: b, Status: a}
		switch n % 3 {
		case 0:
			ft.Qualifiers = []string{a, b}
		case 1:
			ft.Qualifiers = []string{}
		}
		if n&4 != 0 {
			ft.Condition = LRich{a: {{Text: b, Href: a}}, "nl": {}}
		} else if n&8 != 0 {
			ft.Condition = LRich{}
		}
		want, err := json.MarshalIndent(&ft, "    ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		var w rowJSON
		w.fact(&ft, 2)
		if !bytes.Equal(w.b, want) {
			t.Fatalf("fact JSON differs from MarshalIndent\n got %q\nwant %q", w.b, want)
		}
	})
}

// TestWriteJSONFacts: nil and empty facts are written as MarshalIndent
// writes them too.
func TestWriteJSONFacts(t *testing.T) {
	seed, _ := compileSeed(t)
	for name, facts := range map[string][]Fact{"nil": nil, "empty": {}, "one": seed.Facts[:1]} {
		m := *seed
		m.Facts = facts
		want, _ := json.MarshalIndent(&m, "", "  ")
		got, err := JSON(&m)
		if err != nil || !bytes.Equal(got, append(want, '\n')) {
			t.Errorf("%s facts: JSON differs from MarshalIndent (%v)", name, err)
		}
	}
}

// TestSeedFacts: one fact per row, distinct product version, distinct
// target and server, with the row's status and condition — counted from
// the rows, not from the code that makes them.
func TestSeedFacts(t *testing.T) {
	m, _ := compileSeed(t)
	want := 0
	for _, r := range m.Rows {
		ps := map[string]bool{}
		for _, p := range r.Products {
			ps[p.String()] = true
		}
		ts := map[string]bool{}
		for _, in := range r.Installations {
			ts[in.Target] = true
		}
		want += len(ps) * len(ts) * len(m.Servers)
	}
	if len(m.Facts) != want || want < 200 {
		t.Errorf("%d facts, want %d", len(m.Facts), want)
	}
	byID := map[string]*Row{}
	for i := range m.Rows {
		byID[m.Rows[i].ID] = &m.Rows[i]
	}
	for _, f := range m.Facts {
		r := byID[f.Row]
		if r == nil {
			t.Fatalf("fact of no row: %+v", f)
		}
		sup := r.Support[f.Server]
		if f.Status != sup.Status || f.Workload != r.Workload || fmt.Sprint(f.Condition) != fmt.Sprint(sup.Condition) {
			t.Errorf("fact %+v disagrees with row %s %+v", f, r.ID, sup)
		}
	}
	// The example: SQL Server 2014 on a VMware VM is supported by
	// both releases, in the row of line 58.
	var hits []string
	for _, f := range m.Facts {
		if f.Product == "sql-server" && f.Version == "2014" && f.Target == "vmware-vm" {
			hits = append(hits, f.Server+"="+f.Status+"@"+fmt.Sprint(byID[f.Row].Line["nl"]))
		}
	}
	if !slices.Equal(hits, []string{"v2=supported@58", "v1=supported@58"}) {
		t.Errorf("sql-server 2014 on vmware-vm: %v", hits)
	}
}

// gridCell is what one cell of a workload grid holds: per server, the
// statuses of the rows in it.
type gridCell map[string][]string // server → "status row" items, sorted

// gridFromRows is the workload page's grid (build/render): each version
// entry of the default locale × each installation target → the rows in
// it and their support per server; the entry is then named by the product
// versions read from it, so the grid can be compared with one made from
// facts.
func gridFromRows(m *Model, w Workload) map[string]gridCell {
	byID := map[string]*Row{}
	for i := range m.Rows {
		byID[m.Rows[i].ID] = &m.Rows[i]
	}
	grid := map[string]gridCell{}
	for _, id := range w.Rows {
		r := byID[id]
		for e := range r.Versions[m.DefaultLocale] {
			var names []string
			for _, p := range r.Products {
				if p.Entry == e {
					names = append(names, p.String())
				}
			}
			if len(names) == 0 {
				continue // a line that only qualifies the others
			}
			for _, in := range r.Installations {
				for _, name := range names {
					key := name + " @ " + in.Target
					if grid[key] == nil {
						grid[key] = gridCell{}
					}
					for _, s := range m.Servers {
						item := r.Support[s.ID].Status + " " + r.ID
						if !slices.Contains(grid[key][s.ID], item) {
							grid[key][s.ID] = append(grid[key][s.ID], item)
						}
					}
				}
			}
		}
	}
	return sortCells(grid)
}

// gridFromFacts is the same grid read from the facts alone.
func gridFromFacts(m *Model, w Workload) map[string]gridCell {
	grid := map[string]gridCell{}
	for _, f := range m.Facts {
		if f.Workload != w.ID {
			continue
		}
		key := ProductVersion{Product: f.Product, Version: f.Version, Qualifiers: f.Qualifiers}.String() + " @ " + f.Target
		if grid[key] == nil {
			grid[key] = gridCell{}
		}
		item := f.Status + " " + f.Row
		if !slices.Contains(grid[key][f.Server], item) {
			grid[key][f.Server] = append(grid[key][f.Server], item)
		}
	}
	return sortCells(grid)
}

func sortCells(g map[string]gridCell) map[string]gridCell {
	for _, c := range g {
		for _, items := range c {
			slices.Sort(items)
		}
	}
	return g
}

// TestGridFromFactsAndRows: for every workload of the seed and of every
// corpus document that compiles, the version × installation grid made from
// the rows (as the workload page makes it) and the one made from the facts
// hold the same cells with the same rows and statuses per release.
func TestGridFromFactsAndRows(t *testing.T) {
	seed, _ := compileSeed(t)
	models := map[string]*Model{"seed": seed}
	for _, file := range versionDocs(t)[2:] {
		if m, l, _ := compileCorpusFile(t, file); m != nil && !l.HasErrors() && len(m.Rows) > 0 {
			models[file] = m
		}
	}
	if len(models) < 5 {
		t.Fatalf("only %d models to compare", len(models))
	}
	cells := 0
	for name, m := range models {
		for _, w := range m.Workloads {
			a, b := gridFromRows(m, w), gridFromFacts(m, w)
			cells += len(a)
			if !maps.EqualFunc(a, b, func(x, y gridCell) bool { return maps.EqualFunc(x, y, slices.Equal) }) {
				for _, k := range slices.Sorted(maps.Keys(a)) {
					if fmt.Sprint(a[k]) != fmt.Sprint(b[k]) {
						t.Errorf("%s %s %q: rows %v, facts %v", name, w.ID, k, a[k], b[k])
					}
				}
				for k := range b {
					if _, ok := a[k]; !ok {
						t.Errorf("%s %s %q: only in facts %v", name, w.ID, k, b[k])
					}
				}
			}
		}
	}
	if cells < 200 {
		t.Errorf("only %d grid cells compared", cells)
	}
}
