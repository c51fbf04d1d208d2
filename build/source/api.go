package source

import (
	"errors"
	"io/fs"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// MaxFileSize is the largest document Load accepts; a larger file is an error
// with a clear message rather than unbounded memory.
const MaxFileSize = 8 << 20

// Load reads the content folder fsys. Locales are the folders that hold a .md
// document; a locale lacking a document other locales have is an error.
func Load(fsys fs.FS) (*Content, diag.List) {
	var l diag.List
	l.Errorf(diag.Position{File: "."}, "not-implemented", "source.Load is not implemented yet")
	return nil, l
}

// ParseDocument parses one markdown document. path is its name in
// diagnostics (relative to the content root) and locale the folder it sits in.
// It never panics, whatever src holds.
func ParseDocument(path, locale string, src []byte) (*Document, diag.List) {
	var l diag.List
	l.Errorf(diag.Position{File: path}, "not-implemented", "source.ParseDocument is not implemented yet")
	return nil, l
}

var errNotImplemented = errors.New("not implemented")
