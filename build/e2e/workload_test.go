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

// gridItemsJS reads every item of the grid inside sel: the row it links to
// and the condition and "what can be protected" lines under its badges.
const gridItemsJS = `((sel) => Array.from(document.querySelectorAll(sel + " table.grid td > div")).map((d) => ({
  Href: decodeURIComponent((d.querySelector("a.cell-link").getAttribute("href") || "").slice(1)),
  Conds: Array.from(d.querySelectorAll(".cond")).map((c) => c.textContent.replace(/\s+/g, " ").trim()),
  What: (d.querySelector(".what") || {}).textContent || ""})))`

// TestWorkloadGridDetails: in every grid cell, under each row's badges, the
// condition of each conditional release ("v2: Not Nano server") and what
// the row can protect or recover — hosted in both languages and in the
// offline file.
func TestWorkloadGridDetails(t *testing.T) {
	tb := newTab(t)
	off := newTab(t)
	off.allowFile = true
	for _, loc := range model.Locales {
		ui := uiStrings(t, loc)
		caps := map[string]string{}
		for _, c := range model.Vocabularies.Capabilities {
			caps[c.ID] = lowerFirst(c.Label[loc])
		}
		for wi, w := range model.Workloads {
			tb.open(origin + "/" + loc + "/workloads/" + w.ID + "/")
			pages := []struct {
				tb     *tab
				sel    string
				prefix string
			}{{tb, "main", ""}}
			if wi == 0 {
				off.open(offlineURL() + "#l=" + loc + "&p=" + w.ID)
				off.wait(`document.documentElement.lang === ` + js(loc))
				pages = append(pages, struct {
					tb     *tab
					sel    string
					prefix string
				}{off, `[data-locale=` + js(loc) + `] [data-view=` + js(w.ID) + `]`, loc + "-wl-"})
			}
			for _, p := range pages {
				var items []struct {
					Href  string
					Conds []string
					What  string
				}
				p.tb.eval(gridItemsJS+"("+js(p.sel)+")", &items)
				if len(items) == 0 {
					t.Errorf("%s %s: no grid items", loc, w.ID)
				}
				for _, it := range items {
					id := strings.TrimPrefix(it.Href, p.prefix)
					i := slices.IndexFunc(model.Rows, func(r matrix.Row) bool { return r.ID == id })
					if i < 0 {
						t.Errorf("%s %s: a grid item links to %q", loc, w.ID, it.Href)
						continue
					}
					r := &model.Rows[i]
					var conds []string
					for _, s := range model.Servers {
						if c := richText(r.Support[s.ID].Condition[loc]); c != "" {
							conds = append(conds, s.ID+": "+c)
						}
					}
					var names []string
					for _, c := range r.Capabilities {
						names = append(names, caps[c])
					}
					what := ""
					if len(names) > 0 {
						what = fillIn(ui["workload.what"], "list", strings.Join(names, ", "))
					}
					if !slices.Equal(it.Conds, conds) && !(len(it.Conds) == 0 && len(conds) == 0) || it.What != what {
						t.Errorf("%s %s item %s: conditions %q what %q; want %q, %q", loc, w.ID, id, it.Conds, it.What, conds, what)
					}
				}
			}
		}
	}
}
