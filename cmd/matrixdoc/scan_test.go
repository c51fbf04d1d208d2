package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// scanOutputs proves that no markup from the input is live in any output:
//   - HTML (every page and the offline file), parsed into a DOM: no on*
//     attribute, no javascript:/vbscript:/data: URL, no iframe/object/embed,
//     every <script> either external and same-origin or a JSON data block
//     that parses — except in the offline download, whose inline script is
//     the bundle (it must not contain the payloads' alert( call);
//   - JSON: parses; data/matrix.json has no raw '<' (so it is inert inside a
//     <script> element) and each sanitized "html" field obeys the HTML rules;
//   - CSV: parses; no field holds markup the source read as HTML (<script,
//     <svg, <a, onclick=). Text that only looks like markup — CommonMark
//     keeps "<img src=x onerror=alert('x')>" as text, a dropped link keeps
//     its label — is plain data in a CSV, inert by nature.
func scanOutputs(t *testing.T, files map[string][]byte) {
	t.Helper()
	for name, b := range files {
		switch {
		case strings.HasSuffix(name, ".html"):
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			scanDOM(t, name, doc, strings.HasPrefix(name, "downloads/"))
		case strings.HasSuffix(name, ".json"):
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if name == "data/matrix.json" && bytes.ContainsRune(b, '<') {
				t.Errorf("%s holds a raw '<'", name)
			}
			scanJSON(t, name, v, "")
		case strings.HasSuffix(name, ".csv"):
			recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			for _, rec := range recs {
				for _, f := range rec {
					l := strings.ToLower(f)
					if strings.Contains(l, "<script") || strings.Contains(l, "<svg") ||
						strings.Contains(l, "<a ") || strings.Contains(l, "onclick=") {
						t.Errorf("%s: field holds a payload: %q", name, f)
					}
				}
			}
		}
	}
}

func scanJSON(t *testing.T, file string, v any, key string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if k == "html" {
				key = k
			}
			scanJSON(t, file, x, k)
		}
	case []any:
		for _, x := range v {
			scanJSON(t, file, x, key)
		}
	case string:
		if key != "html" {
			return
		}
		nodes, err := html.ParseFragment(strings.NewReader(v), &html.Node{Type: html.ElementNode, Data: "div"})
		if err != nil {
			t.Errorf("%s: html field: %v", file, err)
			return
		}
		for _, n := range nodes {
			scanDOM(t, file+" (html field)", n, false)
		}
	}
}

func scanDOM(t *testing.T, file string, n *html.Node, offline bool) {
	if n.Type == html.ElementNode {
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			if strings.HasPrefix(k, "on") {
				t.Errorf("%s: <%s %s=%q>", file, n.Data, a.Key, a.Val)
			}
			if k == "href" || k == "src" || k == "action" || k == "formaction" || k == "xlink:href" {
				u := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:") ||
					(strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "data:image/")) {
					t.Errorf("%s: <%s %s=%q>", file, n.Data, a.Key, a.Val)
				}
			}
		}
		switch n.Data {
		case "iframe", "object", "embed", "frame":
			t.Errorf("%s: <%s> element", file, n.Data)
		case "script":
			scanScript(t, file, n, offline)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		scanDOM(t, file, c, offline)
	}
}

func scanScript(t *testing.T, file string, n *html.Node, offline bool) {
	var src, typ string
	for _, a := range n.Attr {
		switch a.Key {
		case "src":
			src = a.Val
		case "type":
			typ = strings.ToLower(a.Val)
		}
	}
	var text strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		text.WriteString(c.Data)
	}
	switch {
	case src != "":
		if strings.Contains(src, ":") || strings.HasPrefix(src, "//") {
			t.Errorf("%s: script from another origin: %q", file, src)
		}
	case typ == "application/json" || typ == "application/ld+json":
		var v any
		if err := json.Unmarshal([]byte(text.String()), &v); err != nil {
			t.Errorf("%s: JSON data block does not parse: %v", file, err)
		}
	case offline:
		if strings.Contains(text.String(), "alert(") {
			t.Errorf("%s: a payload reached the offline file's script", file)
		}
	default:
		t.Errorf("%s: inline executable script: %.80q", file, text.String())
	}
}
