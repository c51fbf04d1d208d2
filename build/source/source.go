// Package source is the first stage of the compiler: it reads the content folder
// and turns each markdown document into raw, positioned data. It knows markdown
// and the quirks of real files (BOM, CRLF, machine-translation markup); it knows
// nothing about what the table means — that is package matrix.
//
// Input: an fs.FS laid out as
//
//	site.yaml                 optional: defaultLocale, baseURL
//	<locale>/<name>.md        one matrix document per locale folder (nl, en, de, …)
//	<locale>/strings.yaml     UI strings of that locale (flat key: value)
//
// Output: a Content with one Document per locale. A Document holds the front
// matter (typed), the headings with stable ids, every GFM table as header cells
// and body rows, and the prose between them as sanitized HTML. Every cell is a
// list of Inline pieces (text, line break, link) with positions.
//
// Invariants:
//   - the markdown is read through goldmark's AST; nothing here runs a regular
//     expression over table markup or rendered HTML;
//   - no raw HTML from the source survives: line breaks become Break inlines,
//     machine-translation twins keep the target-language text, links keep only
//     http(s)/mailto/relative URLs, everything else is dropped with a warning;
//   - every Diagnostic carries file:line:col.
package source

import (
	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// Content is everything read from the content folder.
type Content struct {
	// Locales in build order: the default locale first, then the others sorted.
	Locales []string
	// DefaultLocale is site.yaml's defaultLocale, or the first locale sorted.
	DefaultLocale string
	// BaseURL is site.yaml's baseURL (used for canonical URLs and the sitemap).
	BaseURL string
	// Documents maps locale → the matrix document of that locale.
	Documents map[string]*Document
	// Strings maps locale → UI string key → text (from <locale>/strings.yaml).
	Strings map[string]map[string]string
	// StringsFile maps locale → the file the strings came from (for
	// diagnostics). A locale without a strings.yaml borrows the default
	// locale's strings (Hugo's i18n fallback): its entry then names that file
	// and StringsFallback[locale] is true.
	StringsFile     map[string]string
	StringsFallback map[string]bool
	// Phrasebooks maps locale → that folder's own phrasebook.yaml, as read
	// (package phrase parses it).
	Phrasebooks map[string]File
}

// File is a content file carried as bytes to a later stage.
type File struct {
	Path string
	Src  []byte
}

// Document is one parsed markdown matrix.
type Document struct {
	// Path is the file's path relative to the content root, with forward
	// slashes, e.g. "nl/backup-mabs-protection-matrix.md". Diagnostics use it.
	Path string
	// Locale is the folder the file sits in (lower case, e.g. "nl").
	Locale string
	// SHA256 is the hex digest of the file's bytes as read.
	SHA256 string
	Meta   FrontMatter
	// Title is the text of the first level-1 heading (falls back to Meta.Title).
	Title string
	// Sections are the headings in document order, each with the prose that
	// follows it up to the next heading (tables excluded).
	Sections []Section
	// Intro is the sanitized HTML of the prose before the first level-2
	// heading (in practice: between the title heading and the first "##").
	Intro  string
	Tables []Table
}

// FrontMatter is the typed YAML front matter.
type FrontMatter struct {
	Title         string
	Description   string
	ContentLocale string // e.g. "nl-NL" (may be empty in some corpus files)
	// Date and LastHandoff are ISO dates (YYYY-MM-DD) parsed from ms.date and
	// ms.lasthandoff (MM/DD/YYYY); empty when absent.
	Date        string
	LastHandoff string
	// Raw holds every key as read (empty values are nil), for tools that want more.
	Raw map[string]any
	Pos diag.Position // position of the opening '---'
}

// Section is a heading and the prose under it.
type Section struct {
	// ID comes from the heading's <a name="…"> anchor when it has one, else a
	// slug of the heading text. Unique within the document.
	ID    string
	Level int
	Title string
	// HTML is the sanitized HTML of the blocks between this heading and the
	// next heading of any level, tables excluded. May be empty.
	HTML string
	Pos  diag.Position
}

// Table is one GFM table.
type Table struct {
	// Section is the ID of the nearest heading above the table ("" if none).
	Section string
	Header  []Cell
	Rows    []Row
	Pos     diag.Position
	// HTML is the whole table as sanitized HTML, for a table that turns
	// out not to be a matrix: its place in the prose is TableMarker.
	HTML string `json:"-"`
}

// Row is one body row of a table.
type Row struct {
	Cells []Cell
	// RawCells is the number of cells written in the source line (GFM pads or
	// drops cells to the header's count; this keeps what the author wrote).
	RawCells int
	// Extra are the cells written beyond the header's count, which GFM
	// drops: kept here, parsed like any cell, so no text is lost.
	Extra []Cell `json:",omitempty"`
	Pos   diag.Position
}

// Cell is one table cell: a sequence of inline pieces.
type Cell struct {
	Inlines []Inline
	// Twin is the cell as machine translation found it, when the file
	// carries the original beside the translation (<span class="sxs-lookup">
	// twins): the originals shown, the translations hidden, everything
	// outside them (breaks, links) as in Inlines. Nil when the cell has no
	// machine-translation markup.
	Twin []Inline `json:",omitempty"`
	Pos  diag.Position
}

// InlineKind says what an Inline is.
type InlineKind int

const (
	// Text is plain text (markdown emphasis is flattened to text).
	Text InlineKind = iota
	// Break is a line break (<br/>, <br />, <br>, </br>).
	Break
	// Link is a hyperlink; Text is its label, Href its (safe) URL.
	Link
)

// Inline is one piece of a cell.
type Inline struct {
	Kind InlineKind
	Text string
	Href string
	Pos  diag.Position
}

// PlainText returns the cell's text with breaks as "\n" and links as their label.
func (c Cell) PlainText() string {
	if len(c.Inlines) == 1 && c.Inlines[0].Kind != Break {
		return c.Inlines[0].Text // the usual cell: no copy
	}
	n := 0
	for _, in := range c.Inlines {
		n += len(in.Text) + 1
	}
	b := make([]byte, 0, n)
	for _, in := range c.Inlines {
		if in.Kind == Break {
			b = append(b, '\n')
			continue
		}
		b = append(b, in.Text...)
	}
	return string(b)
}

// String names the kind: "text", "break" or "link".
func (k InlineKind) String() string {
	switch k {
	case Break:
		return "break"
	case Link:
		return "link"
	}
	return "text"
}

// MarshalText writes the kind as its name, so JSON dumps read "break", not 1.
func (k InlineKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }
