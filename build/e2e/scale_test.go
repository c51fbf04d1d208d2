package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/search"
	"github.com/mabs-matrix/matrixdoc/build/synth"
)

// scaleRows is the table size at which the page must stay correct (issue
// 4); cmd/clientbench measures its speed at the same size and seed.
const scaleRows = 10000

// TestScale builds the synthetic 10,000-row matrix and checks that the
// Dutch matrix page is correct at that size: every row is there, a search
// and facets show exactly the rows they should with the right count, and
// nothing goes wrong in the console. It measures nothing.
func TestScale(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	err := synth.Write(content, synth.Options{Rows: scaleRows, Seed: synth.BenchSeed, Content: os.DirFS(filepath.Join(repoRoot, "content"))})
	if err != nil {
		t.Fatal(err)
	}
	dir, m := buildSite(t, content)
	if len(m.Rows) != scaleRows {
		t.Fatalf("the synthetic model has %d rows, want %d", len(m.Rows), scaleRows)
	}
	org := serveSite(t, dir, true)
	loc := m.DefaultLocale
	total := strconv.Itoa(len(m.Rows))

	tb := newTabAt(t, org)
	start := time.Now()
	tb.open(org + "/" + loc + "/")
	tb.waitFor(appStarted, 60*time.Second)
	t.Logf("page open in %v", time.Since(start).Round(time.Millisecond))
	all := rowsIn(m, func(*matrix.Row) bool { return true })
	sameIDs(t, "no filter", tb.visible(), all)

	// count checks the count line against the rows shown.
	count := func(what string, shown int) {
		t.Helper()
		var c string
		tb.q("$count()", &c)
		if !strings.Contains(c, strconv.Itoa(shown)) || !strings.Contains(c, total) {
			t.Errorf("%s: count %q does not say %d of %s", what, c, shown, total)
		}
	}

	// A search for a row's version (a row from the middle of the table):
	// that row is shown, and exactly the rows build/search's matcher finds
	// for it (the definition of "contains", see search_test.go).
	target := m.Rows[len(m.Rows)/2+7]
	q := target.Versions[loc][0]
	ix, err := search.Build(m, loc)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range ix.Search(q).Rows {
		want = append(want, m.Rows[r].ID)
	}
	tb.do("$setQ(" + js(q) + ")")
	var res struct{ Shown []string }
	tb.q(`({Shown: $visible()})`, &res)
	if !slices.Contains(res.Shown, target.ID) {
		t.Errorf("search %q does not show row %s", q, target.ID)
	}
	sameIDs(t, fmt.Sprintf("search %q", q), res.Shown, want)
	count(fmt.Sprintf("search %q", q), len(res.Shown))
	t.Logf("search checked at %v", time.Since(start).Round(time.Millisecond))
	tb.do(`$setQ("")`)

	// Facets, from the model: the row's workload and its status on the last
	// server, then both with the search. (Few cases: each change of
	// thousands of rows costs the browser a second of table layout here.)
	var srv string
	for _, s := range m.Servers {
		srv = s.ID
	}
	cases := []struct{ key, value string }{
		{"w", target.Workload},
		{srv, target.Support[srv].Status},
	}
	for _, c := range cases {
		want := rowsIn(m, facetExpectIn(m, c.key, c.value))
		tb.do(fmt.Sprintf("$setF(%s, %s)", js(c.key), js(c.value)))
		what := c.key + "=" + c.value
		sameIDs(t, what, tb.visible(), want)
		count(what, len(want))
		tb.do(fmt.Sprintf("$setF(%s, '')", js(c.key)))
		t.Logf("%s checked at %v", what, time.Since(start).Round(time.Millisecond))
	}
	tb.do(fmt.Sprintf("$setF('w', %s); $setF(%s, %s); $setQ(%s)", js(target.Workload), js(srv), js(target.Support[srv].Status), js(q)))
	shown := tb.visible()
	if !slices.Contains(shown, target.ID) {
		t.Errorf("workload, %s and search together hide row %s", srv, target.ID)
	}
	both := rowsIn(m, func(r *matrix.Row) bool {
		return facetExpectIn(m, "w", target.Workload)(r) && facetExpectIn(m, srv, target.Support[srv].Status)(r)
	})
	for _, id := range shown {
		if !slices.Contains(both, id) {
			t.Errorf("with the workload and %s facets, row %s is shown but does not match them", srv, id)
		}
	}
	count("facets and search", len(shown))
	t.Logf("done at %v", time.Since(start).Round(time.Millisecond))
}
