package query

import (
	"os"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// FromContent compiles a content folder (as `matrixdoc build` reads it)
// and indexes the model; the list holds the compiler's diagnostics, and
// the Index is nil when it has errors. maxBytes bounds a document's size
// (0: source.MaxFileSize).
func FromContent(dir string, maxBytes int64) (*Index, diag.List) {
	c, l := source.LoadLimit(os.DirFS(dir), maxBytes)
	if c == nil || l.HasErrors() {
		return nil, l
	}
	m, ml := matrix.Compile(c)
	l = append(l, ml...)
	if m == nil || l.HasErrors() {
		return nil, l
	}
	return New(m), l
}
