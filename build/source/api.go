package source

import (
	"io/fs"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// MaxFileSize is the largest document Load accepts; a larger file is an error
// with a clear message rather than unbounded memory.
const MaxFileSize = 8 << 20

// ParseDocument parses one markdown document. path is its name in
// diagnostics (relative to the content root) and locale the folder it sits in.
// It never panics, whatever src holds.
//
// The Document is returned even when the list holds errors (a file without
// front matter still has tables to check), except that an empty file yields
// a Document with nothing in it.
func ParseDocument(path, locale string, src []byte) (doc *Document, l diag.List) {
	defer func() {
		// A bug here must not take the build (or the serve loop) down: say
		// where, and go on without this file.
		if r := recover(); r != nil {
			l.Errorf(diag.Position{File: path}, "internal-error", "parser failure on this file: %v", r)
			doc = &Document{Path: path, Locale: locale}
		}
	}()
	return parseDocument(path, locale, src)
}

// Load reads the content folder fsys. Locales are the folders that hold a .md
// document; a locale lacking a document other locales have is an error.
// Each locale folder holds exactly one document; its strings.yaml may be
// missing at this stage (Strings[locale] stays nil; rendering complains).
// Content is nil only when nothing could be read at all.
func Load(fsys fs.FS) (*Content, diag.List) {
	return load(fsys)
}
