package matrix

import (
	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// Compile normalizes the documents of c into one Model. Warnings are returned
// next to a usable model; when the list has errors the model must not be written.
func Compile(c *source.Content) (*Model, diag.List) {
	var l diag.List
	l.Errorf(diag.Position{File: "."}, "not-implemented", "matrix.Compile is not implemented yet")
	return nil, l
}
