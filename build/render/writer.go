package render

import (
	"bufio"
	"net/url"
	"strings"
)

// writer is where the Go-written parts of pages go: a buffered writer onto
// the output file (or a buffer, in tests), so the largest pages are never
// held whole. esc writes
// text or attribute values escaped the way html/template escapes them in
// those contexts (&, <, >, ", ' and NUL), without allocating when there is
// nothing to escape — which is almost always.
type writer struct {
	*bufio.Writer
}

func (w *writer) s(s string) { w.WriteString(s) }

func (w *writer) esc(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&#34;"
		case '\'':
			rep = "&#39;"
		case 0:
			rep = "\uFFFD"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(rep)
		last = i + 1
	}
	w.WriteString(s[last:])
}

// href writes a link target: http(s), mailto and relative URLs escaped as
// an attribute value; any other scheme (javascript:, data:, …) becomes an
// inert "#", as html/template does.
func (w *writer) href(h string) { w.esc(safeURL(h)) }

// safeURL returns h if its scheme is http, https or mailto or it has none,
// else "#".
func safeURL(h string) string {
	if !strings.Contains(h, ":") {
		return h // relative: no scheme to check
	}
	u, err := url.Parse(strings.TrimSpace(h))
	if err != nil {
		return "#"
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto":
		return h
	}
	return "#"
}
