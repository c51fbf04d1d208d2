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
