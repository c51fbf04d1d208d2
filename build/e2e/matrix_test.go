package e2e

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/search"
)

// sqlVMwareRow is the one row "sql 2014 vmware" must leave: SQL Server 2014
// installed as a VMware VM, found in the model.
func sqlVMwareRow(t *testing.T) string {
	ids := rowsWhere(func(r *matrix.Row) bool {
		if r.Workload != "sql-server" {
			return false
		}
		has2014 := slices.ContainsFunc(r.Versions["en"], func(v string) bool { return strings.Contains(v, "2014") })
		vm := slices.ContainsFunc(r.Installations, func(in matrix.Installation) bool { return in.Target == "vmware-vm" })
		return has2014 && vm
	})
	if len(ids) != 1 {
		t.Fatalf("the model has %d SQL Server 2014 VMware rows, want 1: %v", len(ids), ids)
	}
	return ids[0]
}

// TestSearchExamples types the examples into the search box.
func TestSearchExamples(t *testing.T) {
	want := sqlVMwareRow(t)
	for _, loc := range model.Locales {
		t.Run(loc, func(t *testing.T) {
			tb := newTab(t)
			tb.openMatrix(loc, "")
			sameIDs(t, "no search", tb.visible(), allIDs())

			// Real key presses, as a reader types.
			tb.run(chromedp.SendKeys(`[data-matrix] input[type=search]`, "sql 2014 vmware", chromedp.ByQuery))
			sameIDs(t, `"sql 2014 vmware"`, tb.visible(), []string{want})

			// Case and accents do not matter; every term must match.
			tb.do(`$setQ("SQL 2014 VMWÄRE")`)
			sameIDs(t, `"SQL 2014 VMWÄRE"`, tb.visible(), []string{want})

			// Exactly the rows build/search's matcher finds (the definition of
			// "contains", see search_test.go).
			ix, err := search.Build(model, loc)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{"bare metal 2012", "system state", "mailbox", "windows 10 vmware", "8.1 hyper-v", "windows server 2008 hyper-v"} {
				tb.do(`$setQ(` + js(q) + `)`)
				var want []string
				for _, r := range ix.Search(q).Rows {
					want = append(want, model.Rows[r].ID)
				}
				if len(want) == 0 {
					t.Errorf("%s %q: the matcher finds no row", loc, q)
				}
				sameIDs(t, loc+" "+q, tb.visible(), want)
			}

			// Words of two cells do not run together: the Hyper-V host row
			// (its workload cell ends "…machine", its version is "Windows
			// Server 2016") is found by its version.
			tb.do(`$setQ("windows server 2016")`)
			var hv []string
			for _, id := range tb.visible() {
				if strings.HasPrefix(id, "hyper-v-host--windows-server-2016") {
					hv = append(hv, id)
				}
			}
			if len(hv) != 1 {
				t.Errorf(`"windows server 2016" shows %v, not the Hyper-V host row`, tb.visible())
			}
		})
	}
}

// facetOptions lists each facet select's name and non-empty option values.
func (tb *tab) facetOptions() map[string][]string {
	tb.t.Helper()
	var opts map[string][]string
	tb.q(`Object.fromEntries(Array.from($root().querySelectorAll("form.filters select[name]")).map((s) =>
	  [s.name, Array.from(s.options).map((o) => o.value).filter((v) => v)]))`, &opts)
	return opts
}

// TestFacets selects every value of every facet and compares the shown rows
// with the model, then combines two facets.
func TestFacets(t *testing.T) {
	tb := newTab(t)
	tb.openMatrix(model.DefaultLocale, "")
	opts := tb.facetOptions()
	need := []string{"w", "t", "c"}
	for _, s := range model.Servers {
		need = append(need, s.ID)
	}
	for _, k := range need {
		if len(opts[k]) == 0 {
			t.Errorf("no facet %q on the page (facets: %v)", k, opts)
		}
	}
	total := strconv.Itoa(len(model.Rows))
	for k, values := range opts {
		keep := facetExpect(k, "")
		if keep == nil {
			t.Errorf("facet %q is not a workload, target, capability or server", k)
			continue
		}
		for _, v := range values {
			want := rowsWhere(facetExpect(k, v))
			tb.do(fmt.Sprintf("$setF(%s, %s)", js(k), js(v)))
			sameIDs(t, k+"="+v, tb.visible(), want)
			var count string
			tb.q("$count()", &count)
			if !strings.Contains(count, strconv.Itoa(len(want))) || !strings.Contains(count, total) {
				t.Errorf("%s=%s: count %q does not say %d of %s", k, v, count, len(want), total)
			}
		}
		tb.do(fmt.Sprintf("$setF(%s, '')", js(k)))
	}
	sameIDs(t, "all facets cleared", tb.visible(), allIDs())

	// Facets combine with AND, and with the search.
	both := func(r *matrix.Row) bool { return facetExpect("w", "sql-server")(r) && facetExpect("t", "vmware-vm")(r) }
	tb.do(`$setF("w", "sql-server"); $setF("t", "vmware-vm")`)
	sameIDs(t, "w=sql-server t=vmware-vm", tb.visible(), rowsWhere(both))
	tb.do(`$setQ("2014")`)
	sameIDs(t, "w=sql-server t=vmware-vm q=2014", tb.visible(), []string{sqlVMwareRow(t)})
}

// TestEmptyStateAndClear: no match shows the empty state and "0 of N"; the
// clear button brings every row back and empties the fragment.
func TestEmptyStateAndClear(t *testing.T) {
	tb := newTab(t)
	tb.openMatrix(model.DefaultLocale, "")
	tb.do(`$setQ("zzqxv"); $setF("w", "sql-server")`)
	if got := tb.visible(); len(got) != 0 {
		t.Errorf("nonsense search shows %v", got)
	}
	var st struct {
		Empty bool
		Text  string
		Count string
	}
	tb.q(`{Empty: !$root().querySelector("[data-empty]").hidden, Text: $root().querySelector("[data-empty]").textContent.trim(), Count: $count()}`, &st)
	if !st.Empty || st.Text == "" {
		t.Errorf("empty state shown=%v text=%q", st.Empty, st.Text)
	}
	if !strings.Contains(st.Count, "0") || !strings.Contains(st.Count, strconv.Itoa(len(model.Rows))) {
		t.Errorf("count %q does not say 0 of %d", st.Count, len(model.Rows))
	}
	tb.run(chromedp.Click(`[data-matrix] [data-clear]`, chromedp.ByQuery))
	sameIDs(t, "after clear", tb.visible(), allIDs())
	tb.settle() // the URL follows in the next frame (main.ts)
	var after struct{ Hash, Q, W string }
	tb.q(`{Hash: location.hash, Q: $search().value, W: $select("w").value}`, &after)
	if after.Hash != "" || after.Q != "" || after.W != "" {
		t.Errorf("after clear: hash %q, search %q, workload %q", after.Hash, after.Q, after.W)
	}
}

// TestURLRoundTrip: filters go into the fragment; a reload and a fresh tab
// restore them; back and forward step through them.
func TestURLRoundTrip(t *testing.T) {
	tb := newTab(t)
	loc := model.DefaultLocale
	tb.openMatrix(loc, "")
	tb.run(chromedp.SendKeys(`[data-matrix] input[type=search]`, "sql 2014", chromedp.ByQuery))
	tb.do(`$setF("w", "sql-server")`)
	step1 := tb.visible()
	tb.settle() // the URL follows in the next frame (main.ts)
	hash1 := tb.str("location.hash")
	for _, part := range []string{"q=sql+2014", "w=sql-server"} {
		if !strings.Contains(hash1, part) {
			t.Errorf("fragment %q lacks %q", hash1, part)
		}
	}
	tb.do(`$setF("t", "vmware-vm")`)
	step2 := tb.visible()
	tb.settle()
	hash2 := tb.str("location.hash")
	if !strings.Contains(hash2, "t=vmware-vm") || len(step2) >= len(step1) {
		t.Fatalf("adding t=vmware-vm: fragment %q, %d rows (was %d)", hash2, len(step2), len(step1))
	}

	tb.run(chromedp.Reload())
	tb.waitApp()
	sameIDs(t, "after reload", tb.visible(), step2)
	var ctl struct{ Q, W, T string }
	tb.q(`{Q: $search().value, W: $select("w").value, T: $select("t").value}`, &ctl)
	if ctl.Q != "sql 2014" || ctl.W != "sql-server" || ctl.T != "vmware-vm" {
		t.Errorf("after reload the controls say %+v", ctl)
	}

	tb.do(`history.back()`)
	tb.wait(`location.hash === ` + js(hash1))
	sameIDs(t, "after back", tb.visible(), step1)
	if got := tb.str(`(() => {` + pageJS + `; return $select("t").value; })()`); got != "" {
		t.Errorf("after back the target facet is %q", got)
	}
	tb.do(`history.forward()`)
	tb.wait(`location.hash === ` + js(hash2))
	sameIDs(t, "after forward", tb.visible(), step2)

	// A shared link opens with the same rows.
	other := newTab(t)
	other.openMatrix(loc, hash2)
	sameIDs(t, "shared link", other.visible(), step2)
}

// TestLanguageToggle: the toggle goes to the same page in the other language
// with the filter state, and with a row anchor.
func TestLanguageToggle(t *testing.T) {
	if len(model.Locales) < 2 {
		t.Fatalf("the model has locales %v; the toggle needs two", model.Locales)
	}
	from, to := model.Locales[0], model.Locales[1]
	tb := newTab(t)
	tb.openMatrix(from, "")
	tb.do(`$setQ("2014"); $setF("t", "vmware-vm")`)
	want := tb.visible()
	tb.settle() // the URL (and the toggle's link) follow in the next frame (main.ts)
	hash := tb.str("location.hash")
	tb.run(chromedp.Click(`a[data-lang-toggle]`, chromedp.ByQuery))
	tb.wait(`location.pathname.startsWith("/` + to + `/")`)
	tb.waitApp()
	if got := tb.str("location.hash"); got != hash {
		t.Errorf("toggle: fragment %q, want %q", got, hash)
	}
	sameIDs(t, "after toggle", tb.visible(), want)
	if lang := tb.str("document.documentElement.lang"); lang != to {
		t.Errorf("after toggle <html lang=%q>, want %q", lang, to)
	}

	// A row's permalink anchor survives the toggle, and the row is the target.
	row := sqlVMwareRow(t)
	tb.openMatrix(to, "#"+row)
	tb.run(chromedp.Click(`a[data-lang-toggle]`, chromedp.ByQuery))
	tb.wait(`location.pathname.startsWith("/` + from + `/") && document.readyState === "complete"`)
	tb.waitApp() // the new page is parsed (its row exists) and its script has run
	if got := tb.str("location.hash"); got != "#"+row {
		t.Errorf("toggle from an anchor: fragment %q, want #%s", got, row)
	}
	var targeted bool
	tb.eval(`!!document.querySelector(":target") && document.querySelector(":target").closest("tr") !== null`, &targeted)
	if !targeted {
		t.Errorf("after the toggle no table row is the :target of #%s", row)
	}
}
