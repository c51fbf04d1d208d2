package source

import (
	"bytes"
	"github.com/mabs-matrix/matrixdoc/build/diag"
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// htmlSink writes sanitized HTML. It is the only place prose becomes markup:
// every text is escaped here, every href was checked by the walker, and no
// byte of the source's own HTML is ever copied.
type htmlSink struct {
	b bytes.Buffer
	// skipUntil hides text before this body offset: the "[!NOTE]" marker of
	// an alert blockquote, which becomes a class instead.
	skipUntil int
	skipBreak bool
}

func (h *htmlSink) text(b []byte, off int, code bool) {
	v := string(b)
	if off >= 0 && off < h.skipUntil {
		if off+len(v) <= h.skipUntil {
			return
		}
		v = v[h.skipUntil-off:]
	}
	h.skipBreak = false
	h.b.WriteString(html.EscapeString(v))
}

func (h *htmlSink) lineBreak(int) { h.b.WriteString("<br>") }

func (h *htmlSink) softBreak() {
	if h.skipBreak {
		h.skipBreak = false
		return
	}
	h.b.WriteByte('\n')
}

func (h *htmlSink) linkStart(href string, _ int) {
	h.b.WriteString(`<a href="`)
	h.b.WriteString(html.EscapeString(href))
	h.b.WriteString(`">`)
}

func (h *htmlSink) linkEnd() { h.b.WriteString("</a>") }

func (h *htmlSink) style(name string, enter bool) {
	if enter {
		h.b.WriteString("<" + name + ">")
	} else {
		h.b.WriteString("</" + name + ">")
	}
}

// inlineHTML renders the inline children of block n.
func (p *parseState) inlineHTML(n ast.Node, skipUntil int) string {
	h := &htmlSink{skipUntil: skipUntil, skipBreak: skipUntil > 0}
	start := 0
	if n.Lines().Len() > 0 {
		start = n.Lines().At(0).Start
	}
	p.newWalker(h, start).walk(n)
	return strings.TrimSpace(h.b.String())
}

// block renders one block node (and its children) into b. Tables met on the
// way are read into the document instead of being rendered.
func (p *parseState) block(b *bytes.Buffer, n ast.Node) {
	switch n := n.(type) {
	case *ast.Paragraph:
		if s := p.inlineHTML(n, 0); s != "" {
			b.WriteString("<p>" + s + "</p>\n")
		}
	case *ast.TextBlock:
		if s := p.inlineHTML(n, 0); s != "" {
			b.WriteString(s)
			if n.NextSibling() != nil {
				b.WriteByte('\n')
			}
		}
	case *ast.Heading:
		// Only top-level headings make sections; one inside a list or
		// quote is shown as strong text.
		if s := p.inlineHTML(n, 0); s != "" {
			b.WriteString("<p><strong>" + s + "</strong></p>\n")
		}
	case *ast.List:
		tagName := "ul"
		if n.IsOrdered() {
			tagName = "ol"
		}
		b.WriteString("<" + tagName)
		if n.IsOrdered() && n.Start != 1 {
			b.WriteString(` start="` + strconv.Itoa(n.Start) + `"`)
		}
		b.WriteString(">\n")
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			b.WriteString("<li>")
			p.children(b, c)
			trimTrailingNewline(b)
			b.WriteString("</li>\n")
		}
		b.WriteString("</" + tagName + ">\n")
	case *ast.Blockquote:
		kind, end := alertMarker(p.in.body, n)
		if kind == "" {
			b.WriteString("<blockquote>\n")
			p.children(b, n)
			b.WriteString("</blockquote>\n")
			return
		}
		// A DocFX alert is a callout, not a quote: a note landmark with its
		// kind's title. The title's words are the page language's UI
		// strings, which this stage does not know: it leaves AlertTitle's
		// empty placeholder, which matrix fills (user text is escaped
		// everywhere here, so the placeholder cannot come from the source).
		b.WriteString(`<aside class="alert alert-` + kind + `" role="note">` + "\n" + AlertTitle(kind) + "\n")
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c == n.FirstChild() {
				if s := p.inlineHTML(c, end); s != "" {
					b.WriteString("<p>" + s + "</p>\n")
				}
				continue
			}
			p.block(b, c)
		}
		b.WriteString("</aside>\n")
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		b.WriteString("<pre><code>")
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.WriteString(html.EscapeString(string(seg.Value(p.in.body))))
		}
		b.WriteString("</code></pre>\n")
	case *ast.ThematicBreak:
		b.WriteString("<hr>\n")
	case *ast.HTMLBlock:
		p.htmlBlock(n)
	case *east.Table:
		// The table is data; the prose keeps its place, which a later stage
		// fills with the table's HTML if it is not a matrix (TableMarker).
		t := p.readTable(n, p.section)
		t.HTML = p.tableHTML(n)
		b.WriteString(TableMarker(len(p.doc.Tables)) + "\n")
		p.doc.Tables = append(p.doc.Tables, t)
	default:
		p.children(b, n)
	}
}

func (p *parseState) children(b *bytes.Buffer, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p.block(b, c)
	}
}

func trimTrailingNewline(b *bytes.Buffer) {
	for b.Len() > 0 && b.Bytes()[b.Len()-1] == '\n' {
		b.Truncate(b.Len() - 1)
	}
}

// htmlBlock drops a block of raw HTML. Comments pass silently; anything else
// is reported, since its content is lost.
func (p *parseState) htmlBlock(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	first := lines.At(0)
	raw := first.Value(p.in.body)
	v := bytes.TrimSpace(raw)
	if bytes.HasPrefix(v, []byte("<!--")) {
		return
	}
	// At the tag, past the indentation the block may start with.
	at := first.Start + len(raw) - len(bytes.TrimLeft(raw, " \t"))
	p.diags.Warnf(p.in.pos(at), "raw-html", "raw HTML block %s dropped", clip(string(v)))
}

// TableMarker is where table i of a document sits in its prose HTML: an
// HTML comment, which the sanitizer never copies from a source, so it can
// only be this stage's. Package matrix replaces it with the table's HTML
// when the table is not a matrix (a legend) and drops it otherwise.
func TableMarker(i int) string {
	return "<!--matrixdoc:table:" + strconv.Itoa(i) + "-->"
}

// tableHTML renders a table that may be prose (V4's "Scenario |
// Description" legend) as sanitized HTML: header cells as column headers,
// every cell's inline content through the same sanitizer as all prose.
func (p *parseState) tableHTML(t *east.Table) string {
	// readTable has reported what the cells hold; this second walk is quiet.
	diags := p.diags
	p.diags = &diag.List{}
	defer func() { p.diags = diags }()
	var b bytes.Buffer
	b.WriteString("<table>\n")
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		tag := "td"
		if _, ok := r.(*east.TableHeader); ok {
			tag = "th"
			b.WriteString("<thead>\n")
		} else if r.PreviousSibling() != nil {
			if _, ok := r.PreviousSibling().(*east.TableHeader); ok {
				b.WriteString("<tbody>\n")
			}
		}
		b.WriteString("<tr>")
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			open := "<" + tag
			if tag == "th" {
				open += ` scope="col"`
			}
			b.WriteString(open + ">" + p.inlineHTML(c, 0) + "</" + tag + ">")
		}
		b.WriteString("</tr>\n")
		if tag == "th" {
			b.WriteString("</thead>\n")
		}
	}
	if t.ChildCount() > 1 {
		b.WriteString("</tbody>\n")
	}
	b.WriteString("</table>")
	return b.String()
}

// AlertKinds are the DocFX alert kinds, in the order of their docs.
var AlertKinds = []string{"note", "tip", "important", "warning", "caution"}

// AlertTitle is the placeholder an alert's title is written as in section
// HTML until a later stage puts the title in the page's language there.
func AlertTitle(kind string) string {
	return `<p class="alert-title" data-alert="` + kind + `"></p>`
}

// alertMarker recognizes the docs alert syntax "> [!NOTE]" on the first line
// of a blockquote. It returns the alert kind in lower case and the body offset
// just past the marker, or "" when the quote is a plain one.
func alertMarker(body []byte, q *ast.Blockquote) (string, int) {
	// The marker's line is a paragraph, or a setext heading when the next
	// quoted line is all "-" or "=" ("> [!TIP]\n> --").
	first := q.FirstChild()
	switch first.(type) {
	case *ast.Paragraph, *ast.Heading:
	default:
		return "", 0
	}
	if first == nil || first.Lines().Len() == 0 {
		return "", 0
	}
	seg := first.Lines().At(0)
	line := seg.Value(body)
	trimmed := bytes.TrimLeft(line, " \t")
	if !bytes.HasPrefix(trimmed, []byte("[!")) {
		return "", 0
	}
	close := bytes.IndexByte(trimmed, ']')
	if close < 0 {
		return "", 0
	}
	kind := strings.ToLower(string(trimmed[2:close]))
	if !slices.Contains(AlertKinds, kind) {
		return "", 0
	}
	return kind, seg.Start + (len(line) - len(trimmed)) + close + 1
}
