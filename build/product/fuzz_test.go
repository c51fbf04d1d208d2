package product_test

import (
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/product"
)

// FuzzParse: whatever the entry and its twin, Parse never panics, every
// byte of the entry that is not white space is kept (in a parsed or an
// unparsed range), and every product and qualifier is in the vocabulary.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Windows Server 2012/2012 met SP1 - Datacenter en Standard", "VMM 2012 SP1, R2", "V1, 20H2",
		"Linux uitvoeren als Hyper-V- of VMware-Gast", "5,5, 6,0 of 6,5", "(Including Windows Server Core edition)",
		"SQL Server 2012 с пакетом обновления 2 (SP2)", "带最新 SP 的 SharePoint 2019、2016", "\xff(", "",
	} {
		f.Add(s, "", uint8(0))
	}
	f.Add("VMM 2012 SP1, R2", "VMM 2012, SP1, R2", uint8(1))
	nl, en := lang(f, "nl"), lang(f, "en")
	defs := []product.Product{"", product.AzureLocal, product.WindowsServer}
	f.Fuzz(func(t *testing.T, text, twin string, n uint8) {
		lg := nl
		if n&1 != 0 {
			lg = en
		}
		r := product.Parse(lg, text, twin, defs[int(n>>1)%len(defs)])
		if err := r.Covers(text); err != nil {
			t.Fatalf("%q (twin %q): %v", text, twin, err)
		}
		for _, v := range r.Versions {
			if !v.Product.Known() || v.Product == product.Unknown {
				t.Fatalf("%q: product %q", text, v.Product)
			}
			for _, q := range append(v.Qualifiers, r.Shared...) {
				if !q.Valid() {
					t.Fatalf("%q: qualifier %q", text, q)
				}
			}
		}
	})
}
