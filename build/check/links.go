package check

import (
	"bytes"
	"html"
	"net/url"
	"path"
	"strings"

	"github.com/tdewolff/parse/v2"
	htmllex "github.com/tdewolff/parse/v2/html"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// page is what the link check needs from one HTML file.
type page struct {
	ids   map[string]bool
	links []link
}

// link is one URL-valued attribute.
type link struct {
	url string
	pos diag.Position
}

// urlAttrs are the attributes whose value is a URL to check.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true}

// parsePage lexes src (an HTML file named file in diagnostics), collects its
// ids and links, and reports event-handler attributes and (unless inlineOK)
// inline scripts.
func parsePage(file string, src []byte, inlineOK bool, l *diag.List) *page {
	p := &page{ids: map[string]bool{}}
	lines := diag.NewLineIndex(file, src)
	// The lexer appends a NUL to its buffer; give it its own copy so src is
	// never touched.
	buf := make([]byte, len(src), len(src)+1)
	copy(buf, src)
	in := parse.NewInputBytes(buf)
	lx := htmllex.NewLexer(in)

	var (
		tag      string // current start tag, lower case
		tagPos   int    // its offset
		hasSrc   bool
		jsonType bool
		// scriptOpen is set after the '>' of a <script> without src whose
		// type is executable: its text, if any, is an inline script.
		scriptOpen bool
		scriptPos  int
	)
	for {
		tt, data := lx.Next()
		start := in.Offset() - len(data)
		switch tt {
		case htmllex.ErrorToken:
			return p
		case htmllex.StartTagToken:
			tag = strings.ToLower(string(lx.Text()))
			tagPos = start
			hasSrc, jsonType, scriptOpen = false, false, false
		case htmllex.AttributeToken:
			key := string(lx.AttrKey())
			raw := lx.AttrVal()
			valOff := start
			if i := bytes.Index(data, raw); i >= 0 && len(raw) > 0 {
				valOff = start + i
			}
			if len(raw) > 0 && (raw[0] == '"' || raw[0] == '\'') {
				raw = bytes.Trim(raw, string(raw[:1]))
				valOff++
			}
			val := html.UnescapeString(string(raw))
			pos := lines.Pos(valOff)
			switch {
			case strings.HasPrefix(key, "on"):
				l.Errorf(lines.Pos(start+len(data)-len(bytes.TrimLeft(data, " \t\r\n\f"))), CodeEventHandler,
					"event-handler attribute %q on <%s>", key, tag)
			case key == "id" || key == "name" && tag == "a":
				p.ids[val] = true
			case urlAttrs[key]:
				if key == "src" && tag == "script" {
					hasSrc = true
				}
				p.links = append(p.links, link{url: val, pos: pos})
			case key == "type" && tag == "script":
				t := strings.ToLower(strings.TrimSpace(val))
				jsonType = t == "application/json" || t == "application/ld+json" || t == "importmap"
			}
		case htmllex.StartTagCloseToken, htmllex.StartTagVoidToken:
			if tag == "script" && !hasSrc && !jsonType && !inlineOK {
				scriptOpen, scriptPos = true, tagPos
			}
		case htmllex.TextToken:
			if scriptOpen && len(bytes.TrimSpace(data)) > 0 {
				l.Errorf(lines.Pos(scriptPos), CodeInlineScript, "inline executable <script> (only external scripts and JSON data blocks are allowed)")
			}
			scriptOpen = false
		case htmllex.EndTagToken:
			scriptOpen = false
		}
	}
}

// links checks every collected link of every page.
func (c *checker) links() {
	for _, from := range c.order {
		for _, ln := range c.pages[from].links {
			c.checkLink(from, ln)
		}
	}
}

func (c *checker) checkLink(from string, ln link) {
	raw := strings.TrimSpace(ln.url)
	if raw == "" {
		return
	}
	if base := c.opts.BaseURL; base != "" && strings.HasPrefix(raw, base) {
		raw = "/" + strings.TrimPrefix(raw[len(base):], "/")
	}
	u, err := url.Parse(raw)
	if err != nil {
		c.list.Errorf(ln.pos, CodeBrokenLink, "malformed URL %q", ln.url)
		return
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme == "data" && strings.HasPrefix(strings.ToLower(u.Opaque), "image/") {
		// An image (the offline file's inlined favicon) runs no script, and
		// browsers refuse to navigate to a top-level data: URL.
		return
	}
	switch scheme {
	case "javascript", "vbscript", "data":
		c.list.Errorf(ln.pos, CodeUnsafeURL, "%s: URL in the page", strings.ToLower(u.Scheme))
		return
	case "":
		if u.Host != "" {
			return // protocol-relative: external
		}
	default:
		return // http(s), mailto, tel…: external, not checked offline
	}

	target := from
	if u.Path != "" {
		p := u.Path
		if !strings.HasPrefix(p, "/") {
			p = path.Join(path.Dir("/"+from), p) + trailingSlash(p)
		}
		var ok bool
		if target, ok = c.resolve(p); !ok {
			c.list.Errorf(ln.pos, CodeBrokenLink, "link to %s: no such file in the site", ln.url)
			return
		}
	}
	// A fragment of key=value pairs ("#w=sql-server&l=nl") is page state
	// read by the script, not an element id.
	if u.Fragment == "" || strings.Contains(u.Fragment, "=") || !strings.HasSuffix(target, ".html") {
		return
	}
	if pg := c.pages[target]; pg != nil && !pg.ids[u.Fragment] {
		c.list.Errorf(ln.pos, CodeBrokenAnchor, "link to %s: %s has no element with id %q", ln.url, c.name(target), u.Fragment)
	}
}

func trailingSlash(p string) string {
	if strings.HasSuffix(p, "/") {
		return "/"
	}
	return ""
}

// resolve maps an absolute URL path to a file of the site, the way a static
// host does: the file itself, a folder's index.html, or a pretty URL's .html.
func (c *checker) resolve(urlPath string) (string, bool) {
	clean := path.Clean(urlPath)
	if strings.HasPrefix(clean, "/..") {
		return "", false
	}
	rel := strings.TrimPrefix(clean, "/")
	var candidates []string
	if strings.HasSuffix(urlPath, "/") || rel == "" {
		candidates = []string{path.Join(rel, "index.html")}
	} else {
		candidates = []string{rel, rel + "/index.html", rel + ".html"}
	}
	for _, cand := range candidates {
		if c.files[cand] {
			return cand, true
		}
	}
	return "", false
}
