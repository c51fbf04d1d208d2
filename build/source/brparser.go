package source

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// brParser is a goldmark inline parser for the one tag the matrix is full
// of: the line break inside table cells (<br>, <br/>, <br /> and the
// malformed </br>, in any letter case). goldmark's own raw-HTML parser reads
// every tag with a regular expression through a rune reader, which was a
// fifth of the whole parse at 10,000 rows, one run per break.
//
// It returns exactly the node goldmark's raw-HTML parser would: an
// *ast.RawHTML whose one segment covers the tag, so the rest of the package
// (rawHTML, classify) cannot tell the difference. Anything else starting
// with '<' is left to the parsers after it (autolinks, raw HTML).
type brParser struct{}

// brParserPriority runs it after the autolink parser (300), which never
// accepts a <br> spelling, and before goldmark's raw-HTML parser (400).
const brParserPriority = 350

// brInline is the goldmark option that installs brParser.
var brInline = parser.WithInlineParsers(util.Prioritized(brParser{}, brParserPriority))

func (brParser) Trigger() []byte { return []byte{'<'} }

func (brParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	n := brTagLen(line)
	if n == 0 {
		return nil
	}
	node := ast.NewRawHTML()
	node.Segments.Append(text.NewSegment(seg.Start, seg.Start+n))
	block.Advance(n)
	return node
}

// brTagLen is the length of the break tag line starts with, or 0: "<br>",
// "<br/>", "<br />" or "</br>", the letters in any case. Other spacings are
// left to goldmark's raw-HTML parser (rare, and it reads them the same).
func brTagLen(line []byte) int {
	if len(line) < 4 || line[0] != '<' {
		return 0
	}
	i := 1
	closing := line[1] == '/'
	if closing {
		i++
	}
	if len(line) < i+3 || line[i]|0x20 != 'b' || line[i+1]|0x20 != 'r' {
		return 0
	}
	i += 2
	switch {
	case line[i] == '>':
		return i + 1
	case closing:
		return 0
	case line[i] == '/' && i+1 < len(line) && line[i+1] == '>':
		return i + 2
	case line[i] == ' ' && i+2 < len(line) && line[i+1] == '/' && line[i+2] == '>':
		return i + 3
	}
	return 0
}
