package source

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// inlineSink receives the sanitized inline content of one block. The walker
// has already dropped raw HTML, hidden machine-translation twins and unsafe
// link targets; a sink only decides how to write what is left.
type inlineSink interface {
	text(v []byte, off int, code bool) // v is only read during the call
	lineBreak(off int)                 // <br> in any spelling, or a markdown hard line break
	softBreak()                        // a newline inside a paragraph
	linkStart(href string, off int)
	linkEnd()
	// style opens (enter) or closes a span of emphasis ("em", "strong"),
	// strikethrough ("del") or code ("code").
	style(name string, enter bool)
}

// inlineWalker walks the inline children of one block (a cell, a heading, a
// paragraph) and feeds a sink. It carries the state raw HTML spreads across
// sibling nodes: open machine-translation spans, and which unknown tags were
// already reported.
type inlineWalker struct {
	p    *parseState
	sink inlineSink
	// twin, when set, receives the block as machine translation started
	// from: the hidden sxs-lookup twins shown, the translations hidden.
	twin inlineSink
	// spans is the stack of open <span>s and what each is.
	spans []spanKind
	// hidden counts open spans the sink must not see (sxs-lookup twins);
	// twinHidden those the twin must not see (the translations).
	hidden, twinHidden int
	// sawMT: a machine-translation span was met.
	sawMT bool
	// anchors are the <a name> ids met (headings use the first).
	anchors []string
	warned  map[string]bool
	lastOff int
}

// spanKind is what an open <span> does.
type spanKind uint8

const (
	spanOther     spanKind = iota // a span the sanitizer dropped; kept for matching </span>
	spanSource                    // <span data-stu-id>: the original, inside a twin
	spanHidesSink                 // hides its content from the sink
	spanHidesTwin                 // hides its content from the twin
)

// push opens a machine-translation span that hides its content from the
// sink (sink true) or from the twin.
func (w *inlineWalker) push(sink bool) {
	if sink {
		w.spans = append(w.spans, spanHidesSink)
		w.hidden++
		return
	}
	w.spans = append(w.spans, spanHidesTwin)
	w.twinHidden++
}

func (p *parseState) newWalker(sink inlineSink, start int) *inlineWalker {
	return &inlineWalker{p: p, sink: sink, lastOff: start}
}

// out gives f every sink that sees the current place: the sink outside
// hidden twins, the twin (if any) outside translations.
func (w *inlineWalker) out(f func(inlineSink)) {
	if w.hidden == 0 {
		f(w.sink)
	}
	if w.twin != nil && w.twinHidden == 0 {
		f(w.twin)
	}
}

// visible reports whether some sink sees the current place.
func (w *inlineWalker) visible() bool {
	return w.hidden == 0 || w.twin != nil && w.twinHidden == 0
}

// reuseWalker resets *w for a new block, keeping its span stack's memory;
// table cells use it so that a big table does not allocate a walker a cell.
func (p *parseState) reuseWalker(w *inlineWalker, sink, twin inlineSink, start int) *inlineWalker {
	*w = inlineWalker{p: p, sink: sink, twin: twin, lastOff: start, spans: w.spans[:0]}
	return w
}

// walk feeds every inline child of n to the sink.
func (w *inlineWalker) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.node(c)
	}
}

func (w *inlineWalker) node(n ast.Node) {
	src := w.p.in.body
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(src)
		w.lastOff = n.Segment.Start
		if !n.IsRaw() {
			v = unescape(v)
		}
		if len(v) > 0 {
			w.out(func(s inlineSink) { s.text(v, n.Segment.Start, false) })
		}
		w.lastOff = n.Segment.Stop
		switch {
		case n.HardLineBreak():
			w.out(func(s inlineSink) { s.lineBreak(n.Segment.Stop) })
		case n.SoftLineBreak():
			w.out(func(s inlineSink) { s.softBreak() })
		}
	case *ast.String:
		if len(n.Value) > 0 {
			w.out(func(s inlineSink) { s.text(n.Value, w.lastOff, n.IsCode()) })
		}
	case *ast.CodeSpan:
		w.styled("code", n, true)
	case *ast.Emphasis:
		name := "em"
		if n.Level >= 2 {
			name = "strong"
		}
		w.styled(name, n, false)
	case *east.Strikethrough:
		w.styled("del", n, false)
	case *ast.RawHTML:
		w.rawHTML(n)
	case *ast.Link:
		off := w.linkOffset(n)
		w.link(n, string(unescape(n.Destination)), off)
	case *ast.AutoLink:
		label := n.Label(src)
		off := w.lastOff
		if i := bytes.Index(src[min(w.lastOff, len(src)):], label); i >= 0 {
			off = w.lastOff + i
		}
		url := string(n.URL(src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		w.lastOff = off + len(label)
		if !w.visible() {
			return
		}
		if !safeURL(url) {
			if w.hidden == 0 {
				w.p.diags.Warnf(w.p.in.pos(off), "unsafe-link", "link to %q dropped (only http, https, mailto and relative links are kept)", clip(url))
			}
			w.out(func(s inlineSink) { s.text(label, off, false) })
			return
		}
		w.out(func(s inlineSink) {
			s.linkStart(url, off)
			s.text(label, off, false)
			s.linkEnd()
		})
	case *ast.Image:
		// An image's alt text stands in for it: the matrix has no images
		// and an <img> from the source is never written.
		w.walk(n)
	case *east.TaskCheckBox:
		// A "[ ]" in a list item: nothing to keep.
	default:
		w.walk(n)
	}
}

// styled walks the children of a span-level container between style marks.
// Code span text is raw: backslashes and entities stay as written.
func (w *inlineWalker) styled(name string, n ast.Node, code bool) {
	w.out(func(s inlineSink) { s.style(name, true) })
	if code {
		src := w.p.in.body
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				v := t.Segment.Value(src)
				if len(v) > 0 {
					w.out(func(s inlineSink) { s.text(v, t.Segment.Start, true) })
				}
				w.lastOff = t.Segment.Stop
				continue
			}
			w.node(c)
		}
	} else {
		w.walk(n)
	}
	w.out(func(s inlineSink) { s.style(name, false) })
}

func (w *inlineWalker) link(n ast.Node, href string, off int) {
	if !w.visible() {
		w.walk(n)
		return
	}
	if !safeURL(href) {
		if w.hidden == 0 {
			w.p.diags.Warnf(w.p.in.pos(off), "unsafe-link", "link to %q dropped, its text kept (only http, https, mailto and relative links are kept)", clip(href))
		}
		w.walk(n)
		return
	}
	// A link opened where a sink sees it is closed for the same sinks, even
	// if a span inside it changes what each sees.
	main, twin := w.hidden == 0, w.twin != nil && w.twinHidden == 0
	href = strings.TrimSpace(href)
	if main {
		w.sink.linkStart(href, off)
	}
	if twin {
		w.twin.linkStart(href, off)
	}
	w.walk(n)
	if main {
		w.sink.linkEnd()
	}
	if twin {
		w.twin.linkEnd()
	}
}

// linkOffset is the offset of a link's '[': goldmark keeps no position for
// inline links, so it is the last '[' between the end of the previous node
// and the first text of the label (emphasis may sit in between).
func (w *inlineWalker) linkOffset(n ast.Node) int {
	body := w.p.in.body
	stop := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if t, ok := c.(*ast.Text); ok {
			stop = t.Segment.Start
			return ast.WalkStop, nil
		}
		if r, ok := c.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
			stop = r.Segments.At(0).Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	from := min(max(w.lastOff, 0), len(body))
	if stop < from || stop > len(body) {
		stop = min(lineEnd(body, from), len(body)) // empty label "[](x)"
		if i := bytes.IndexByte(body[from:stop], '['); i >= 0 {
			return from + i
		}
		return from
	}
	if i := bytes.LastIndexByte(body[from:stop], '['); i >= 0 {
		return from + i
	}
	return from
}

// rawHTML handles one raw inline tag: breaks become breaks, MT spans steer
// the hidden state, anchors are remembered, anything else is dropped with a
// warning (its content, outside the tag, stays as text).
func (w *inlineWalker) rawHTML(n *ast.RawHTML) {
	if n.Segments.Len() == 0 {
		return
	}
	off := n.Segments.At(0).Start
	w.lastOff = n.Segments.At(n.Segments.Len() - 1).Stop
	var (
		raw  string
		t    tag
		kind tagKind
	)
	first := n.Segments.At(0)
	if v := first.Value(w.p.in.body); n.Segments.Len() == 1 && len(v) > 0 && brTagLen(v) == len(v) {
		// The tag the matrix is full of, classified without a copy.
		kind = tagBreak
		if v[1] == '/' {
			kind = tagBadBreak
		}
	} else {
		var b []byte
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b = append(b, seg.Value(w.p.in.body)...)
		}
		raw = string(b)
		t = parseTag(raw)
		kind = classify(t)
	}
	switch kind {
	case tagBreak:
		w.out(func(s inlineSink) { s.lineBreak(off) })
	case tagBadBreak:
		w.p.diags.Warnf(w.p.in.pos(off), "malformed-br", "malformed </br> read as a line break (write <br/>)")
		w.out(func(s inlineSink) { s.lineBreak(off) })
	case tagAnchor:
		w.anchors = append(w.anchors, anchorName(t))
	case tagAnchorEnd, tagComment:
	case tagMTTarget:
		// The translation: hidden from the twin — or, reading the original
		// (ParseOriginal), from the sink itself.
		w.sawMT = true
		w.push(w.p.original)
	case tagMTSource:
		w.sawMT = true
		w.spans = append(w.spans, spanSource)
	case tagMTHidden:
		// The original: hidden from the sink — or, reading the original,
		// from the twin.
		w.sawMT = true
		w.push(!w.p.original)
	case tagSpanEnd:
		if len(w.spans) > 0 {
			switch w.spans[len(w.spans)-1] {
			case spanHidesSink:
				w.hidden--
			case spanHidesTwin:
				w.twinHidden--
			}
			w.spans = w.spans[:len(w.spans)-1]
		}
	default:
		if t.name == "span" && !t.closing {
			w.spans = append(w.spans, spanOther) // keep </span> matching
		}
		key := t.name
		if t.closing && w.warned[key] {
			return
		}
		if w.warned == nil {
			w.warned = map[string]bool{}
		}
		w.warned[key] = true
		w.p.diags.Warnf(w.p.in.pos(off), "raw-html", "raw HTML %s dropped", clip(raw))
	}
}

// unescape resolves backslash escapes and entity references the way
// goldmark's HTML writer does for text.
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

// clip shortens s for a message.
func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "…"
}

// safeURL accepts relative URLs and the http, https and mailto schemes.
// Browsers ignore tabs and newlines inside a URL ("java\tscript:"), so those
// are removed before the scheme is read; any other control byte is refused.
func safeURL(u string) bool {
	u = strings.TrimSpace(u)
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if c < 0x20 || c == 0x7f {
			return false
		}
		b.WriteByte(c)
	}
	s := b.String()
	end := strings.IndexAny(s, ":/?#")
	if end < 0 || s[end] != ':' {
		return true // no scheme: relative
	}
	scheme := strings.ToLower(s[:end])
	switch scheme {
	case "http", "https", "mailto":
		return true
	}
	return false
}
