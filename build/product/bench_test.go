package product_test

import (
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/product"
)

// BenchmarkParse: one multi-version entry (the seed has 66 rows × 2
// locales; the 10,000-row benchmark matrix 20,000 entries and more).
func BenchmarkParse(b *testing.B) {
	lg := lang(b, "nl")
	const text = "Windows Server 2012/2012 met SP1 - Datacenter en Standard"
	b.ReportAllocs()
	for b.Loop() {
		product.Parse(lg, text, "", "")
	}
}
