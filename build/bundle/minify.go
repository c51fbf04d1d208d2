package bundle

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
)

// Media types the Minifier knows.
const (
	HTML = "text/html"
	CSS  = "text/css"
	JS   = "application/javascript"
	JSON = "application/json"
	SVG  = "image/svg+xml"
)

// Minifier minifies the text formats of the site. It is safe for concurrent
// use. HTML keeps its document tags, end tags and attribute quotes, so tests
// and other tools can read the markup with an ordinary parser.
type Minifier struct {
	m *minify.M
}

// NewMinifier returns a Minifier for HTML, CSS, JS, JSON and SVG. Inline
// <script type="application/json"> and <style>/<script> content inside HTML
// is minified with the same minifiers.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add(HTML, &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc(CSS, css.Minify)
	m.Add(JS, &js.Minifier{})
	m.AddRegexp(regexp.MustCompile("^(application|text)/(x-)?(java|ecma)script$"), &js.Minifier{})
	m.AddFunc(JSON, json.Minify)
	m.Add(SVG, &svg.Minifier{})
	return &Minifier{m: m}
}

// Bytes minifies b of the given media type (one of the constants above).
func (x *Minifier) Bytes(mediatype string, b []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(b))
	if err := x.m.Minify(mediatype, &out, bytes.NewReader(b)); err != nil {
		return nil, fmt.Errorf("minify %s: %w", mediatype, err)
	}
	return out.Bytes(), nil
}
