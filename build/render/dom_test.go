package render

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// doc is one parsed output page.
type doc struct {
	path string
	root *html.Node
	ids  map[string]int
}

func parseDoc(t testing.TB, path string, b []byte) *doc {
	t.Helper()
	n, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	d := &doc{path: path, root: n, ids: map[string]int{}}
	walk(n, func(n *html.Node) {
		if id, ok := attr(n, "id"); ok {
			d.ids[id]++
		}
	})
	return d
}

// parseAll parses every .html file of out.
func parseAll(t testing.TB, out map[string][]byte) map[string]*doc {
	t.Helper()
	docs := map[string]*doc{}
	for p, b := range out {
		if strings.HasSuffix(p, ".html") {
			docs[p] = parseDoc(t, p, b)
		}
	}
	return docs
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	if n.Type != html.ElementNode {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasAttr(n *html.Node, key string) bool {
	_, ok := attr(n, key)
	return ok
}

// elements returns the elements named tag (all elements when tag is "").
func elements(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	walk(n, func(n *html.Node) {
		if n.Type == html.ElementNode && (tag == "" || n.Data == tag) {
			out = append(out, n)
		}
	})
	return out
}

// byID finds the element with the given id.
func byID(n *html.Node, id string) *html.Node {
	var found *html.Node
	walk(n, func(n *html.Node) {
		if v, ok := attr(n, "id"); ok && v == id && found == nil {
			found = n
		}
	})
	return found
}

// text is the text content of n.
func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
	})
	return b.String()
}

// visibleText is what a reader or a screen reader meets on the page: text
// outside <script>, plus the attributes that are read or shown.
func visibleText(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for _, k := range []string{"aria-label", "title", "alt", "placeholder", "data-label", "content"} {
			if v, ok := attr(n, k); ok {
				b.WriteString(v)
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}
