package render

import (
	"fmt"
	"testing"
)

// The matrix table's rows come in <tbody> chunks of rowsPerBody rows, in
// model order (assets/main.css skips the layout of the chunks away from the
// viewport, so a filter change costs the rows in view, not all rows).
func TestMatrixRowsInChunks(t *testing.T) {
	in := fixtureInput(t)
	m := in.Model
	base := len(m.Rows)
	for i := 0; len(m.Rows) < 2*rowsPerBody+7; i++ {
		r := m.Rows[i%base]
		r.ID = fmt.Sprintf("%s-copy-%d", r.ID, i)
		m.Rows = append(m.Rows, r)
	}
	out, err := Site(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, loc := range m.Locales {
		p := loc + "/index.html"
		d := parseDoc(t, p, out[p])
		bodies := elements(elements(d.root, "table")[0], "tbody")
		var sizes []int
		i := 0
		for _, b := range bodies {
			trs := elements(b, "tr")
			sizes = append(sizes, len(trs))
			for _, tr := range trs {
				if id, _ := attr(tr, "id"); i >= len(m.Rows) || id != m.Rows[i].ID {
					t.Fatalf("%s: row %d is %q, out of order", p, i, id)
				}
				i++
			}
		}
		if want := fmt.Sprint([]int{rowsPerBody, rowsPerBody, 7}); fmt.Sprint(sizes) != want {
			t.Errorf("%s: rows per tbody %v, want %s", p, sizes, want)
		}
	}
}
