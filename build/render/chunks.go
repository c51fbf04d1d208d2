package render

import (
	"bytes"
	"html/template"
	"strconv"
)

// Large parts of a page (the matrix rows, a workload's grid and details, the
// inline JSON data) are written by Go code that already produces minimal
// markup (rowhtml.go, data.go). The template holds a marker in their place;
// the minifier sees only the small page around the markers, and splice
// writes the page to its file with each part written in its place. At
// 10,000 rows minifying the rows again was most of the build, and writing
// the parts straight to the file means the largest pages (the matrix, 13 MB
// at 10,000 rows) are never held in memory whole.

// Markers are private-use code points: they never occur in content, and the
// minifier keeps them as text.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

// marker is the placeholder of the i-th part passed to exec.
func marker(i int) template.HTML {
	return template.HTML(markOpen + strconv.Itoa(i) + markClose)
}

// part writes one large part of a page into w.
type part func(w *writer)

// splice copies the minified page b into w, replacing marker i with the
// output of parts[i]. A marker-like text that is not one of ours is kept.
func splice(w *writer, b []byte, parts []part) {
	for {
		i := bytes.Index(b, []byte(markOpen))
		if i < 0 {
			w.Write(b)
			return
		}
		w.Write(b[:i])
		rest := b[i+len(markOpen):]
		j := bytes.Index(rest, []byte(markClose))
		n, err := strconv.Atoi(string(rest[:max(j, 0)]))
		if j < 0 || err != nil || n < 0 || n >= len(parts) {
			w.WriteString(markOpen)
			b = rest
			continue
		}
		parts[n](w)
		b = rest[j+len(markClose):]
	}
}
