package source

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Two of goldmark's inline rules cost more than linear time on inputs no
// document holds, and are bounded here, per block (a cell, a paragraph, a
// heading):
//
//   - emphasis: for every closing "*", "_" or "~" run goldmark looks back
//     over every earlier delimiter of the block for an opener
//     (yuin/goldmark#555), quadratic in the delimiters of a block: 50 KB of
//     runs that rarely pair took 17 times as long as 50 KB of ordinary rows,
//     doubling with every doubling;
//   - brackets: at every "]" goldmark walks all the nodes after its "[" to
//     make sure the label holds no link, so each "[" still open costs a walk
//     of the rest of the block: 5,000 nested "[" (goldmark's 999-character
//     label rule keeps about a thousand of them in play) took 90 times as
//     long as ordinary rows.
//
// Past maxDelimiterRuns runs in a block, or with maxOpenBrackets "[" open,
// the mark is read as text (it can then take no part in emphasis or a
// link) and a warning says where. Real cells and paragraphs hold a handful
// of either, so real documents parse exactly as before.
const (
	maxDelimiterRuns = 1000
	maxOpenBrackets  = 32
)

// inlineLimiter is the goldmark inline parser that counts. Its priority
// puts it before the link (200), emphasis and strikethrough (500) parsers
// and after the task-list checkbox (0): it sees every "[", "]" and
// emphasis run they would, returns nil to let them have it, and past a
// limit takes the mark itself so they never see it.
type inlineLimiter struct{}

const inlineLimiterPriority = 150

// limitInline is the goldmark option that installs inlineLimiter.
var limitInline = parser.WithInlineParsers(util.Prioritized(inlineLimiter{}, inlineLimiterPriority))

// inlineCountKey holds the *inlineCount of the block being parsed and
// inlineHitsKey the *[]inlineHit where a limit was reached (first time per
// block and kind); both live in the parser context, so concurrent parses
// share nothing.
var (
	inlineCountKey = parser.NewContextKey()
	inlineHitsKey  = parser.NewContextKey()
)

type inlineCount struct {
	runs, open          int
	runsHit, bracketHit bool
}

// inlineHit is a place where marks started to be read as text.
type inlineHit struct {
	off      int  // body offset of the first such mark
	brackets bool // a "[" (else an emphasis run)
}

func (inlineLimiter) Trigger() []byte { return []byte{'*', '_', '~', '[', '!', ']'} }

func (inlineLimiter) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	n, _ := pc.Get(inlineCountKey).(*inlineCount)
	if n == nil {
		n = &inlineCount{}
		pc.Set(inlineCountKey, n)
	}
	switch c := line[0]; c {
	case ']':
		// goldmark's link parser closes the last open "[" at every "]"
		// while one is open.
		if n.open > 0 {
			n.open--
		}
		return nil
	case '!', '[':
		width := 1
		if c == '!' {
			if len(line) < 2 || line[1] != '[' {
				return nil // not an image: the link parser ignores it too
			}
			width = 2
		}
		if n.open < maxOpenBrackets {
			n.open++
			return nil
		}
		if !n.bracketHit {
			n.bracketHit = true
			addInlineHit(pc, inlineHit{seg.Start, true})
		}
		// The "[" that follow would be refused too (nothing closes in
		// between): one text node for the run, not one each, which would
		// make the walks at each "]" longer.
		for width < len(line) && line[width] == '[' {
			width++
		}
		return asText(block, seg, width)
	default: // '*', '_', '~'
		if n.runs < maxDelimiterRuns {
			n.runs++
			return nil
		}
		if !n.runsHit {
			n.runsHit = true
			addInlineHit(pc, inlineHit{seg.Start, false})
		}
		width := 1
		for width < len(line) && line[width] == c {
			width++
		}
		return asText(block, seg, width)
	}
}

// CloseBlock starts the counts afresh for the next block.
func (inlineLimiter) CloseBlock(_ ast.Node, _ text.Reader, pc parser.Context) {
	pc.Set(inlineCountKey, nil)
}

// asText consumes the first width bytes of the line as a text node.
func asText(block text.Reader, seg text.Segment, width int) ast.Node {
	block.Advance(width)
	return ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+width))
}

func addInlineHit(pc parser.Context, h inlineHit) {
	hits, _ := pc.Get(inlineHitsKey).(*[]inlineHit)
	if hits == nil {
		hits = &[]inlineHit{}
		pc.Set(inlineHitsKey, hits)
	}
	*hits = append(*hits, h)
}

// warnInlineHits reports where a parse with context pc read marks as text
// because of a limit.
func (p *parseState) warnInlineHits(pc parser.Context) {
	hits, _ := pc.Get(inlineHitsKey).(*[]inlineHit)
	if hits == nil {
		return
	}
	for _, h := range *hits {
		if h.brackets {
			p.diags.Warnf(p.in.pos(h.off), "inline-limit",
				"more than %d \"[\" open at once in this cell or paragraph: from here on \"[\" is text, not a link", maxOpenBrackets)
		} else {
			p.diags.Warnf(p.in.pos(h.off), "inline-limit",
				"more than %d runs of *, _ or ~ in this cell or paragraph: from here on they are text, not emphasis", maxDelimiterRuns)
		}
	}
}
