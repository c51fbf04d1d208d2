// Package check verifies a built site: the checks `matrixdoc check --out DIR`
// runs after the content diagnostics.
//
// Input: the output folder as an fs.FS (so tests need no disk), the name to
// print for its root, the locales and the site's base URL.
//
// Output: a diag.List, sorted, every entry positioned in the built file it
// speaks of (file:line:col for HTML and JSON). Checks:
//
//   - links: every internal href/src in every HTML file resolves to a file of
//     the site (a folder resolves to its index.html, /x to x.html as Netlify's
//     pretty URLs do), and every #fragment names an id (or <a name>) in the
//     target page — unless it is key=value state for the page's script
//     ("#w=sql-server&l=nl"). Absolute URLs under the base URL count as
//     internal.
//   - safety: no inline executable <script> (JSON data blocks are fine), no
//     on* event-handler attribute, no javascript:/vbscript:/data: link — the
//     site's CSP would block them, and their presence means user text leaked
//     into markup.
//   - alternates: every page under <locale>/ exists under every other locale.
//   - data: data/matrix.json validates against data/matrix.schema.json
//     (JSON Schema 2020-12, santhosh-tekuri/jsonschema/v6).
//
// Invariant: check reads only; it never writes to the site.
package check

import (
	"encoding/json"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// Options says which site to check.
type Options struct {
	// FS is the built site (the output folder).
	FS fs.FS
	// Root is how diagnostics name the site's folder, e.g. "public"; file
	// names are Root/<path>. Empty means paths relative to the site.
	Root string
	// Locales are the site's locales. Empty means: read them from
	// data/matrix.json's "locales".
	Locales []string
	// BaseURL is the site's public address; absolute links under it are
	// checked as internal links.
	BaseURL string
	// Attachment reports whether the host serves a path (relative to the
	// site) as a download rather than a page of the origin — the offline
	// bundle, whose script is inline by design. Such files skip the
	// inline-script check; every other check still applies. Nil means none.
	Attachment func(path string) bool
}

// Diagnostic codes this package reports.
const (
	CodeBrokenLink       = "broken-link"
	CodeBrokenAnchor     = "broken-anchor"
	CodeUnsafeURL        = "unsafe-url"
	CodeInlineScript     = "inline-script"
	CodeEventHandler     = "event-handler"
	CodeMissingAlternate = "missing-alternate"
	CodeSchemaInvalid    = "schema-invalid"
	CodeMissingFile      = "missing-file"
	CodeUnreadable       = "unreadable-file"
)

// Data file names inside the site.
const (
	MatrixJSON   = "data/matrix.json"
	MatrixSchema = "data/matrix.schema.json"
)

// Site runs every check over the built site and returns the findings sorted.
func Site(opts Options) diag.List {
	c := &checker{opts: opts, pages: map[string]*page{}, files: map[string]bool{}}
	c.walk()
	c.links()
	c.alternates()
	c.data()
	c.list.Sort()
	return c.list
}

type checker struct {
	opts  Options
	list  diag.List
	files map[string]bool  // every file of the site, slash paths
	pages map[string]*page // every HTML file, parsed
	order []string         // HTML files, sorted
}

// name is the path printed in diagnostics for a site file.
func (c *checker) name(p string) string {
	if c.opts.Root == "" {
		return p
	}
	return path.Join(c.opts.Root, p)
}

func (c *checker) walk() {
	err := fs.WalkDir(c.opts.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			c.list.Errorf(diag.Position{File: c.name(p)}, CodeUnreadable, "cannot read: %v", err)
			return nil
		}
		if d.IsDir() {
			return nil
		}
		c.files[p] = true
		if strings.HasSuffix(p, ".html") {
			src, err := fs.ReadFile(c.opts.FS, p)
			if err != nil {
				c.list.Errorf(diag.Position{File: c.name(p)}, CodeUnreadable, "cannot read: %v", err)
				return nil
			}
			inlineOK := c.opts.Attachment != nil && c.opts.Attachment(p)
			c.pages[p] = parsePage(c.name(p), src, inlineOK, &c.list)
			c.order = append(c.order, p)
		}
		return nil
	})
	if err != nil {
		c.list.Errorf(diag.Position{File: c.name(".")}, CodeUnreadable, "cannot read the site: %v", err)
	}
	sort.Strings(c.order)
}

// locales returns the configured locales or those matrix.json declares.
func (c *checker) locales() []string {
	if len(c.opts.Locales) > 0 {
		return c.opts.Locales
	}
	src, err := fs.ReadFile(c.opts.FS, MatrixJSON)
	if err != nil {
		return nil
	}
	var m struct {
		Locales []string `json:"locales"`
	}
	if json.Unmarshal(src, &m) != nil {
		return nil
	}
	return m.Locales
}

// alternates reports pages of one locale missing in another.
func (c *checker) alternates() {
	locs := c.locales()
	if len(locs) < 2 {
		return
	}
	isLocale := map[string]bool{}
	for _, l := range locs {
		isLocale[l] = true
	}
	for _, p := range c.order {
		loc, rest, ok := strings.Cut(p, "/")
		if !ok || !isLocale[loc] {
			continue
		}
		for _, other := range locs {
			if other == loc {
				continue
			}
			alt := other + "/" + rest
			if !c.files[alt] {
				c.list.Errorf(diag.Position{File: c.name(p)}, CodeMissingAlternate,
					"page has no %s version: %s does not exist", other, c.name(alt))
			}
		}
	}
}
