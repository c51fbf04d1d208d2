package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// realInput compiles the repository's content/ (the seed in both languages)
// with the real source and matrix stages.
func realInput(t testing.TB) Input {
	t.Helper()
	c, l := source.Load(os.DirFS(filepath.Join("..", "..", "content")))
	if l.HasErrors() {
		t.Fatalf("source.Load: %v", l)
	}
	m, l := matrix.Compile(c)
	if l.HasErrors() {
		t.Fatalf("matrix.Compile: %v", l)
	}
	return Input{
		Model:       m,
		Strings:     c.Strings,
		StringsFile: c.StringsFile,
		Templates:   os.DirFS(filepath.Join("..", "..", "templates")),
		Assets:      realAssets(t),
		BaseURL:     c.BaseURL,
	}
}
