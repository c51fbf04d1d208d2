package e2e

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/search"
)

// facetOption is one option of a filter select as the page shows it.
type facetOption struct {
	Key, Value, Text, Label string
	Disabled, Selected      bool
}

const facetOptionsJS = `Array.from($root().querySelectorAll("form.filters select[name]")).flatMap((s) =>
  Array.from(s.options).map((o) => ({Key: s.name, Value: o.value, Text: o.text, Label: o.label, Disabled: o.disabled, Selected: o.selected})))`

var countRe = regexp.MustCompile(`\((\d+)\)$`)

// TestFacetCounts: every option of every filter says how many rows it
// would leave given the search and the other filters — counted here from
// the model and build/search's matcher — and is disabled when that is 0
// (unless chosen). Checked with no filter, with a search, with a search
// and two filters, and with the differ filter.
func TestFacetCounts(t *testing.T) {
	loc := model.DefaultLocale
	ix, err := search.Build(model, loc)
	if err != nil {
		t.Fatal(err)
	}
	tb := newTab(t)
	tb.openMatrix(loc, "")
	var pair string
	if len(model.Servers) >= 2 {
		pair = model.Servers[0].ID + "~" + model.Servers[1].ID
	}
	states := []struct {
		q string
		f map[string]string
	}{
		{"", nil},
		{"windows", nil},
		{"windows", map[string]string{"t": "vmware-vm", model.Servers[0].ID: "supported"}},
		{"", map[string]string{"d": pair}},
		{"zzqxv", nil},
	}
	for _, st := range states {
		name := fmt.Sprintf("q=%q f=%v", st.q, st.f)
		stmts := []string{`$setQ(` + js(st.q) + `)`}
		for _, k := range []string{"w", "t", "c", "d"} {
			stmts = append(stmts, fmt.Sprintf(`$setF(%s, %s)`, js(k), js(st.f[k])))
		}
		for _, s := range model.Servers {
			stmts = append(stmts, fmt.Sprintf(`$setF(%s, %s)`, js(s.ID), js(st.f[s.ID])))
		}
		tb.do(strings.Join(stmts, "; "))
		tb.settle()
		found := map[int]bool{}
		for _, r := range ix.Search(st.q).Rows {
			found[r] = true
		}
		var opts []facetOption
		tb.q(facetOptionsJS, &opts)
		if len(opts) == 0 {
			t.Fatal("no filter options")
		}
		for _, o := range opts {
			want := 0
			for i := range model.Rows {
				r := &model.Rows[i]
				if !found[i] {
					continue
				}
				ok := o.Value == "" || facetExpect(o.Key, o.Value)(r)
				for k, v := range st.f {
					if k != o.Key && v != "" {
						ok = ok && facetExpect(k, v)(r)
					}
				}
				if ok {
					want++
				}
			}
			m := countRe.FindStringSubmatch(o.Label)
			if m == nil || m[1] != strconv.Itoa(want) {
				t.Errorf("%s: option %s=%q reads %q, want %d rows", name, o.Key, o.Value, o.Label, want)
			}
			if !strings.HasPrefix(o.Label, o.Text) {
				t.Errorf("%s: option %s=%q reads %q, not its label %q", name, o.Key, o.Value, o.Label, o.Text)
			}
			if o.Disabled != (want == 0 && !o.Selected) {
				t.Errorf("%s: option %s=%q (%d rows) disabled=%v", name, o.Key, o.Value, want, o.Disabled)
			}
		}
	}
}

// TestDiffer: "where vX and vY differ" shows exactly the rows whose two
// releases have another status or another condition, for every pair the
// document's servers make.
func TestDiffer(t *testing.T) {
	tb := newTab(t)
	tb.openMatrix(model.DefaultLocale, "")
	var values []string
	tb.q(`Array.from($select("d").options).map((o) => o.value).filter((v) => v)`, &values)
	if want := len(model.Servers) * (len(model.Servers) - 1) / 2; len(values) != want {
		t.Fatalf("the differ filter offers %v, want %d pairs", values, want)
	}
	for _, v := range values {
		want := rowsWhere(facetExpect("d", v))
		tb.do(`$setF("d", ` + js(v) + `)`)
		sameIDs(t, "d="+v, tb.visible(), want)
		if len(want) == 0 {
			t.Errorf("d=%s: the seed has rows that differ, the filter finds none", v)
		}
		// Every row shown really differs in its cells.
		var cells [][]string
		tb.q(`$rows().filter($shown).map((tr) => Array.from(tr.children).slice(3, -1).map((td) => td.textContent.trim()))`, &cells)
		a, b, _ := strings.Cut(v, "~")
		ia := slices.IndexFunc(model.Servers, func(s matrix.Server) bool { return s.ID == a })
		ib := slices.IndexFunc(model.Servers, func(s matrix.Server) bool { return s.ID == b })
		for k, c := range cells {
			if c[ia] == c[ib] {
				t.Errorf("d=%s: row %s shows the same for both: %q", v, want[k], c[ia])
			}
		}
	}
	tb.do(`$setF("d", "")`)
	sameIDs(t, "d cleared", tb.visible(), allIDs())
}
