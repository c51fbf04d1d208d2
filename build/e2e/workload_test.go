package e2e

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// expectedGrid is the workload grid the model implies for a locale:
// "version|target label" → the cell's items, each the row's statuses in
// server order ("supported/unsupported"), items joined with ";".
// Empty cells are absent.
func expectedGrid(loc, workload string) map[string]string {
	label := map[string]string{}
	for _, term := range model.Vocabularies.Targets {
		label[term.ID] = term.Label[loc]
	}
	out := map[string]string{}
	for i := range model.Rows {
		r := &model.Rows[i]
		if r.Workload != workload {
			continue
		}
		var st []string
		for _, s := range model.Servers {
			st = append(st, r.Support[s.ID].Status)
		}
		seen := map[string]bool{}
		for _, v := range r.Versions[loc] {
			for _, in := range r.Installations {
				k := strings.TrimSpace(v) + "|" + label[in.Target]
				if seen[k] {
					continue // a row lists a target twice: one item
				}
				seen[k] = true
				if out[k] != "" {
					out[k] += ";"
				}
				out[k] += strings.Join(st, "/")
			}
		}
	}
	return out
}

// gridJS reads the first table.grid inside the element sel the way a reader
// sees it: row header, column header, and the badges of each item in a cell.
const gridJS = `((sel) => {
  const g = document.querySelector(sel + " table.grid");
  if (!g) return null;
  const cols = Array.from(g.querySelectorAll("thead th")).map((th) => th.textContent.trim());
  const out = {};
  for (const tr of g.querySelectorAll("tbody tr")) {
    const ver = tr.querySelector("th").textContent.trim();
    Array.from(tr.querySelectorAll("td")).forEach((td, j) => {
      const items = Array.from(td.querySelectorAll("ul")).map((ul) =>
        Array.from(ul.querySelectorAll(".badge")).map((b) => (b.className.match(/\bs-([a-z-]+)/) || [, "?"])[1]).join("/"));
      if (items.length) out[ver + "|" + cols[j + 1]] = items.join(";");
    });
  }
  return out;
})`

// checkGrid compares the grid inside sel with the model.
func checkGrid(t *testing.T, tb *tab, loc, workload, sel string) {
	t.Helper()
	var got map[string]string
	tb.eval(gridJS+"("+js(sel)+")", &got)
	if got == nil {
		t.Errorf("%s %s: no table.grid in %s", loc, workload, sel)
		return
	}
	want := expectedGrid(loc, workload)
	if len(want) == 0 {
		t.Fatalf("%s %s: the model gives an empty grid", loc, workload)
	}
	keys := slices.Collect(maps.Keys(want))
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if got[k] != want[k] {
			t.Errorf("%s %s grid cell %q: page %q, model %q", loc, workload, k, got[k], want[k])
		}
	}
}

// TestWorkloadPages: every workload page in every locale shows the grid the
// model implies, and its link back opens the matrix filtered to it.
func TestWorkloadPages(t *testing.T) {
	tb := newTab(t)
	for _, w := range model.Workloads {
		for _, loc := range model.Locales {
			tb.open(origin + "/" + loc + "/workloads/" + w.ID + "/")
			checkGrid(t, tb, loc, w.ID, "main")
		}
	}

	// The way back: the matrix filtered to the workload.
	w := model.Workloads[len(model.Workloads)-1]
	tb.open(origin + "/" + model.DefaultLocale + "/workloads/" + w.ID + "/")
	var back string
	tb.eval(`Array.from(document.querySelectorAll("main a")).map((a) => a.href).find((h) => h.includes("#") && h.includes("w=`+w.ID+`")) || ""`, &back)
	if back == "" {
		t.Fatalf("workload %s: no link back to the matrix filtered by w=%s", w.ID, w.ID)
	}
	tb.open(back)
	tb.waitApp()
	sameIDs(t, "matrix from the workload page", tb.visible(), rowsWhere(func(r *matrix.Row) bool { return r.Workload == w.ID }))
}
