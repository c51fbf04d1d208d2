package source

import (
	"io/fs"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// MaxFileSize is the largest document Load accepts (LoadLimit takes another
// limit); a larger file is an error with a clear message rather than
// unbounded memory. 16 MiB is about 4,000 matrix rows a locale past anything
// real; synthetic benchmarks raise it.
const MaxFileSize = 16 << 20

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

// ParseOriginal is ParseDocument for a side-by-side machine translation
// read the other way round: every translated string (<span data-ttu-id>)
// is dropped and its hidden source-language twin (<span class="sxs-lookup">)
// kept, which recovers the document the translation was made from, string
// by string, in the translation's markdown skeleton. The front matter is
// the translation's (it has no twins). In a file without twins the result
// is ParseDocument's.
func ParseOriginal(path, locale string, src []byte) (doc *Document, l diag.List) {
	defer func() {
		if r := recover(); r != nil {
			l.Errorf(diag.Position{File: path}, "internal-error", "parser failure on this file: %v", r)
			doc = &Document{Path: path, Locale: locale}
		}
	}()
	return parseWith(path, locale, src, true)
}

// Load reads the content folder fsys. Locales are the folders that hold a .md
// document; a locale lacking a document other locales have is an error.
// Each locale folder holds exactly one document; its strings.yaml may be
// missing at this stage (Strings[locale] stays nil; rendering complains).
// Content is nil only when nothing could be read at all.
// Documents are parsed concurrently; the result and the order of the list
// do not depend on it.
func Load(fsys fs.FS) (*Content, diag.List) {
	return load(fsys, MaxFileSize)
}

// LoadLimit is Load refusing documents over maxBytes instead of MaxFileSize
// (maxBytes <= 0 means MaxFileSize). The limit bounds memory: a document is
// held whole, with its parse tree, while it is read.
func LoadLimit(fsys fs.FS, maxBytes int64) (*Content, diag.List) {
	return load(fsys, maxBytes)
}
