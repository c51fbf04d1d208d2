package search

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

var (
	seedOnce  sync.Once
	seedModel *matrix.Model
	seedErr   string
)

// seed compiles the repository's content/ (the seed in both languages).
func seed(t testing.TB) *matrix.Model {
	t.Helper()
	seedOnce.Do(func() {
		c, l := source.Load(os.DirFS(filepath.Join("..", "..", "content")))
		if l.HasErrors() {
			seedErr = fmt.Sprintf("source.Load: %v", l)
			return
		}
		m, l := matrix.Compile(c)
		if l.HasErrors() {
			seedErr = fmt.Sprintf("matrix.Compile: %v", l)
			return
		}
		seedModel = m
	})
	if seedErr != "" {
		t.Fatal(seedErr)
	}
	return seedModel
}

// seedIndex builds the index of loc's page of the seed.
func seedIndex(t testing.TB, loc string) *Index {
	t.Helper()
	ix, err := Build(seed(t), loc)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}
