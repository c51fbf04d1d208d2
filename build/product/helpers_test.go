package product_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/phrase"
	"github.com/mabs-matrix/matrixdoc/build/product"
)

// books are the embedded phrasebooks, validated with the model's
// vocabularies and this package's version keys.
var books = sync.OnceValue(func() *phrase.Set {
	v := phrase.Vocab{VersionKeys: product.VersionKeys}
	for _, t := range matrix.Targets {
		if t != matrix.TargetUnknown {
			v.Targets = append(v.Targets, string(t))
		}
	}
	for _, c := range matrix.Capabilities {
		v.Capabilities = append(v.Capabilities, string(c))
	}
	s, l := phrase.Embedded(v)
	if len(l) > 0 {
		panic(fmt.Sprint(l))
	}
	return s
})

func lang(t testing.TB, tag string) *phrase.Lang {
	t.Helper()
	return books().For(tag, "")
}

// parseCase is one entry of a table of Parse tests: the entry in a
// language, the workload's default product, what it reads as (show).
type parseCase struct {
	lang, text string
	def        product.Product
	want       string
}

// checkParses parses each case with its language's book alone and checks
// what it reads and that the result covers the text.
func checkParses(t *testing.T, tests []parseCase) {
	t.Helper()
	for _, tt := range tests {
		r := product.Parse(lang(t, tt.lang), tt.text, "", tt.def)
		if got := show(tt.text, r); got != tt.want {
			t.Errorf("%s %q:\n got %s\nwant %s", tt.lang, tt.text, got, tt.want)
		}
		if err := r.Covers(tt.text); err != nil {
			t.Errorf("%q: %v", tt.text, err)
		}
	}
}
