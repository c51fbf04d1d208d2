package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/mabs-matrix/matrixdoc/build/site"
	"github.com/mabs-matrix/matrixdoc/build/synth"
)

// TestFloorHasOurRows builds a small synthetic site and checks that the
// floor made from each locale's matrix page holds the same rows — every
// <tr>, rendered back from the parsed DOM, equal to ours, in order — the
// same header, and the workload select's labels in our order.
func TestFloorHasOurRows(t *testing.T) {
	tmp := t.TempDir()
	content := filepath.Join(tmp, "content")
	if err := synth.Write(content, synth.Options{Rows: 250, Seed: synth.BenchSeed, Content: os.DirFS("../../content")}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "public")
	_, diags := site.Build(site.Options{Content: content, Templates: "../../templates", Assets: "../../assets", Out: out})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags)
	}
	for _, loc := range []string{"nl", "en"} {
		fdir := filepath.Join(tmp, "floor-"+loc)
		if err := writeFloor(out, loc, fdir); err != nil {
			t.Fatal(err)
		}
		ours := parseFile(t, filepath.Join(out, loc, "index.html"))
		floor := parseFile(t, filepath.Join(fdir, strings.Trim(floorPath(loc), "/"), "index.html"))
		if _, err := os.Stat(filepath.Join(fdir, floorScript)); err != nil {
			t.Fatalf("%s: no floor script: %v", loc, err)
		}
		table := find(ours, func(n *html.Node) bool { return n.Data == "table" && attr(n, "class") == "matrix" })
		if table == nil {
			t.Fatalf("%s: no matrix table in our page", loc)
		}
		our, their := rows(table), rows(floor)
		if len(our) != 250 || len(their) != len(our) {
			t.Fatalf("%s: %d rows in ours, %d in the floor, want 250 each", loc, len(our), len(their))
		}
		for i := range our {
			if our[i] != their[i] {
				t.Fatalf("%s: row %d differs:\nours  %s\nfloor %s", loc, i, our[i], their[i])
			}
		}
		head := func(n *html.Node) string {
			return render(t, find(n, func(n *html.Node) bool { return n.Data == "thead" }))
		}
		if head(table) != head(floor) {
			t.Errorf("%s: header differs:\nours  %s\nfloor %s", loc, head(table), head(floor))
		}
		labels := func(n *html.Node) []string {
			sel := find(n, func(n *html.Node) bool { return n.Data == "select" && attr(n, "name") == "w" })
			var out []string
			for o := sel.FirstChild; o != nil; o = o.NextSibling {
				if o.Data == "option" && attr(o, "value") != "" {
					out = append(out, text(o))
				}
			}
			return out
		}
		if a, b := strings.Join(labels(ours), "|"), strings.Join(labels(floor), "|"); a != b || a == "" {
			t.Errorf("%s: workload options differ:\nours  %s\nfloor %s", loc, a, b)
		}
		// The floor's select matches a row by its first cell's text: every
		// label must be some row's first cell.
		first := map[string]bool{}
		for _, tr := range all(floor, "tr") {
			if td := find(tr, func(n *html.Node) bool { return n.Data == "td" }); td != nil {
				first[text(td)] = true
			}
		}
		for _, l := range labels(floor) {
			if !first[l] {
				t.Errorf("%s: option %q is no row's workload", loc, l)
			}
		}
	}
}

func parseFile(t *testing.T, path string) *html.Node {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := find(c, ok); m != nil {
			return m
		}
	}
	return nil
}

func all(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// rows renders every body row under n (not the header's).
func rows(n *html.Node) []string {
	var out []string
	for _, tb := range all(n, "tbody") {
		for tr := tb.FirstChild; tr != nil; tr = tr.NextSibling {
			if tr.Type == html.ElementNode && tr.Data == "tr" {
				var b strings.Builder
				html.Render(&b, tr)
				out = append(out, b.String())
			}
		}
	}
	return out
}

func render(t *testing.T, n *html.Node) string {
	if n == nil {
		t.Fatal("missing element")
	}
	var b strings.Builder
	html.Render(&b, n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
