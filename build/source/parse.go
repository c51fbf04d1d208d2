package source

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Two markdown readers: with goldmark-meta for files whose front matter is
// well delimited, and without it otherwise — goldmark-meta would otherwise
// take a file with an unclosed '---' (or a blank first line) to be all YAML.
// goldmark's parsers keep their state in the context, so sharing is safe.
var (
	mdWithMeta = goldmark.New(goldmark.WithExtensions(extension.GFM, meta.Meta), goldmark.WithParserOptions(brInline, limitInline))
	mdPlain    = goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(brInline, limitInline))
)

// parseState is one ParseDocument call in progress.
type parseState struct {
	in      *input
	locale  string
	diags   *diag.List
	doc     *Document
	section string // id of the heading last met
	ids     map[string]int
	suffix  map[string]int // base id → the last "-n" suffix given to it
	// cell, twinCell and cellWalker are reused for every table cell
	// (readCells).
	cell, twinCell cellSink
	cellWalker     inlineWalker
	// original keeps the hidden source-language twin of side-by-side
	// machine translation instead of the translation (ParseOriginal).
	original bool
}

func parseDocument(path, locale string, src []byte) (*Document, diag.List) {
	return parseWith(path, locale, src, false)
}

// parseWith is parseDocument, keeping the source-language twins when
// original is set.
func parseWith(path, locale string, src []byte, original bool) (*Document, diag.List) {
	var l diag.List
	in := newInput(path, src)
	p := &parseState{in: in, locale: locale, diags: &l, ids: map[string]int{}, suffix: map[string]int{}, original: original}
	sum := sha256.Sum256(src)
	doc := &Document{Path: path, Locale: locale, SHA256: hex.EncodeToString(sum[:])}
	p.doc = doc

	if len(bytes.TrimSpace(in.body)) == 0 {
		l.Errorf(in.filePos(), "empty-file", "the file is empty")
		return doc, l
	}
	if bad := firstInvalidUTF8(src); bad >= 0 {
		l.Errorf(in.idx.Pos(bad), "invalid-utf8", "invalid UTF-8 (byte 0x%02X); save the file as UTF-8", src[bad])
	}

	fb := findFrontMatter(in.body)
	md := mdPlain
	switch {
	case !fb.present:
		l.Errorf(in.pos(0), "no-front-matter", "no front matter: the file must start with a '---' line, YAML keys (title, ms.date, …) and a closing '---'")
	case !fb.closed:
		l.Errorf(in.pos(0), "unclosed-front-matter", "front matter opened here is never closed by a '---' line")
	default:
		md = mdWithMeta
		doc.Meta.Pos = in.pos(0)
	}

	ctx := parser.NewContext()
	root := md.Parser().Parse(text.NewReader(in.body), parser.WithContext(ctx))

	skipMeta := false
	if md == mdWithMeta {
		raw, err := meta.TryGet(ctx)
		if err != nil {
			skipMeta = true // goldmark-meta leaves the block in the tree on error
			off := fb.start
			if n := yamlErrorLine(err.Error()); n > 0 && fb.openLine+n < fb.closeLine {
				off = bodyLineStart(in.body, fb.openLine+n)
			}
			l.Errorf(in.pos(off), "bad-front-matter", "malformed YAML in front matter: %s", yamlMessage(err.Error()))
		} else {
			p.applyFrontMatter(&doc.Meta, fb, raw)
		}
	}

	p.walkDocument(root, skipMeta)
	p.warnInlineHits(ctx)
	if doc.Title == "" {
		doc.Title = doc.Meta.Title
	}
	return doc, l
}

// bodyLineStart returns the body offset of 1-based line n.
func bodyLineStart(body []byte, n int) int {
	off := 0
	for line := 1; line < n; line++ {
		i := bytes.IndexByte(body[off:], '\n')
		if i < 0 {
			return len(body)
		}
		off += i + 1
	}
	return off
}

// yamlMessage drops yaml.v2's "yaml: line N: " prefix (the position says it).
func yamlMessage(msg string) string {
	msg = strings.TrimPrefix(msg, "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	return strings.Join(strings.Fields(msg), " ")
}

// walkDocument splits the top level into sections at every heading, reads
// tables and renders prose.
func (p *parseState) walkDocument(root ast.Node, skipMeta bool) {
	doc := p.doc
	var intro, cur bytes.Buffer
	introOpen := true
	flush := func() {
		if len(doc.Sections) > 0 {
			doc.Sections[len(doc.Sections)-1].HTML = cur.String()
		}
		if introOpen {
			intro.Write(cur.Bytes())
		}
		cur.Reset()
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if skipMeta && n == root.FirstChild() {
			if _, ok := n.(*ast.TextBlock); ok {
				continue
			}
		}
		h, ok := n.(*ast.Heading)
		if !ok {
			p.block(&cur, n)
			continue
		}
		flush()
		if h.Level == 2 {
			introOpen = false
		}
		sec := p.heading(h)
		if h.Level == 1 && doc.Title == "" {
			doc.Title = sec.Title
		}
		doc.Sections = append(doc.Sections, sec)
		p.section = sec.ID
	}
	flush()
	doc.Intro = intro.String()
}

// heading reads a heading: its text (raw HTML removed, the MT twin hidden)
// and its id (the <a name> anchor, else a slug of the text), made unique.
func (p *parseState) heading(h *ast.Heading) Section {
	off := 0
	if h.Lines().Len() > 0 {
		off = h.Lines().At(0).Start
	}
	// The heading's own line starts before its text ("## "); report that.
	lineStart := bytes.LastIndexByte(p.in.body[:min(off, len(p.in.body))], '\n') + 1
	s := &cellSink{}
	w := p.newWalker(s, off)
	w.walk(h)
	var title strings.Builder
	for _, in := range s.finish(p) {
		if in.Kind == Break {
			title.WriteByte(' ')
			continue
		}
		title.WriteString(in.Text)
	}
	sec := Section{Level: h.Level, Title: collapseSpace(title.String()), Pos: p.in.pos(lineStart)}
	id := ""
	if len(w.anchors) > 0 {
		id = w.anchors[0]
	}
	if id == "" {
		id = slug(sec.Title)
	}
	if id == "" {
		id = "section"
	}
	if p.ids[id] > 0 {
		// The smallest free suffix: those up to the one last given to this
		// base were taken then and still are, so the search starts after
		// it (a thousand headings of one title were quadratic).
		base := id
		n := p.suffix[base]
		for {
			n++
			if id = base + "-" + strconv.Itoa(n); p.ids[id] == 0 {
				break
			}
		}
		p.suffix[base] = n
		if len(w.anchors) > 0 {
			p.diags.Warnf(sec.Pos, "duplicate-anchor", "heading anchor %q is used twice; this one becomes %q", base, id)
		}
	}
	p.ids[id]++
	sec.ID = id
	return sec
}

// slug makes an id from heading text: lower case letters and digits, other
// runs turned into single hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
