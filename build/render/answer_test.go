package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// TestVersionChoices: the answer panel's version choices are the rows'
// product versions, on every page of the real content. For every row and
// every product version it names, its workload has exactly one choice of
// that label and the choice holds the row; every row a choice holds names
// it; the choices of a page are the same labels on every page (brand names
// and versions are not translated).
func TestVersionChoices(t *testing.T) {
	in := realInput(t)
	m := in.Model
	f := buildFacets(m)
	var first []string
	for _, loc := range m.Locales {
		cs := versionChoices(m, loc, f)
		if len(cs) == 0 {
			t.Fatalf("%s: no version choices", loc)
		}
		byLabel := map[[2]string]int{}
		for k, c := range cs {
			key := [2]string{f.w.list[c.workload], c.label}
			if j, dup := byLabel[key]; dup {
				t.Errorf("%s: workload %s offers %q twice (choices %d and %d)", loc, key[0], c.label, j, k)
			}
			byLabel[key] = k
			for _, i := range c.rows {
				r := &m.Rows[i]
				if !slices.ContainsFunc(r.Products, func(p matrix.ProductVersion) bool { return p.Label() == c.label }) {
					t.Errorf("%s: choice %q holds row %s, whose products %v do not name it", loc, c.label, r.ID, r.Products)
				}
			}
		}
		for i := range m.Rows {
			r := &m.Rows[i]
			if len(r.Products) == 0 {
				t.Errorf("row %s has no product versions", r.ID)
			}
			for _, p := range r.Products {
				if p.Label() == "" {
					t.Errorf("row %s: %v has no label (the seed's products are all known)", r.ID, p)
					continue
				}
				k, ok := byLabel[[2]string{r.Workload, p.Label()}]
				if !ok || !slices.Contains(cs[k].rows, int32(i)) {
					t.Errorf("%s: row %s names %q but no choice of workload %s holds it", loc, r.ID, p.Label(), r.Workload)
				}
			}
		}
		var labels []string
		for _, c := range cs {
			labels = append(labels, c.label)
		}
		if first == nil {
			first = labels
		} else if !slices.Equal(first, labels) {
			t.Errorf("%s: the choices differ from %s's", loc, m.Locales[0])
		}
	}
	// The seed's multi-version entries: "SQL Server 2012, SQL Server 2012
	// met SP1" is one choice (qualifiers aside) and "VMware server 5.5 of 6.0
	// of 6.5" three.
	cs := versionChoices(m, "nl", f)
	has := func(label string) bool {
		return slices.ContainsFunc(cs, func(c versionChoice) bool { return c.label == label })
	}
	for _, want := range []string{"SQL Server 2012", "VMware vSphere 5.5", "VMware vSphere 6.0", "VMware vSphere 6.5"} {
		if !has(want) {
			t.Errorf("nl: no choice %q", want)
		}
	}
	for _, c := range cs {
		if strings.Contains(c.label, "SP1") || strings.Contains(c.label, " of ") {
			t.Errorf("nl: choice %q carries a qualifier or an enumeration", c.label)
		}
	}
}

// TestVersionChoiceUnknown: an entry the compiler did not understand is a
// choice as the page writes it, grouped across rows by its English text.
func TestVersionChoiceUnknown(t *testing.T) {
	in := realInput(t)
	m := *in.Model
	m.Rows = slices.Clone(m.Rows)
	for _, i := range []int{0, 1} {
		r := m.Rows[i]
		r.Products = []matrix.ProductVersion{{Product: "unknown", Entry: 0, Qualifiers: []string{}}}
		r.Versions = map[string][]string{"nl": {"Iets onbekends 7"}, "en": {"Something unknown 7"}}
		m.Rows[i] = r
	}
	m.Rows[1].Workload = m.Rows[0].Workload
	f := buildFacets(&m)
	for loc, want := range map[string]string{"nl": "Iets onbekends 7", "en": "Something unknown 7"} {
		cs := versionChoices(&m, loc, f)
		k := slices.IndexFunc(cs, func(c versionChoice) bool { return c.label == want })
		if k < 0 {
			t.Fatalf("%s: no choice %q", loc, want)
		}
		if !slices.Equal(cs[k].rows, []int32{0, 1}) {
			t.Errorf("%s: choice %q holds rows %v, want [0 1]", loc, want, cs[k].rows)
		}
	}
}
