package matrix

import (
	"sort"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// cutter cuts many pieces out of one line: the line's text and where each
// segment starts in it are worked out once, and the segment a piece starts
// in is found by binary search. line's own slice, trimmed and pos walk the
// whole line on every call, which made splitting a line of thousands of
// links into its items quadratic.
type cutter struct {
	l      line
	text   string
	starts []int // starts[k] is the offset of l[k] in text; nil for one segment
}

func newCutter(l line) cutter {
	c := cutter{l: l, text: l.text()}
	if len(l) > 1 {
		c.starts = make([]int, len(l))
		off := 0
		for k, s := range l {
			c.starts[k] = off
			off += len(s.Text)
		}
	}
	return c
}

// first is the index of the first segment that ends after byte i (after)
// or at or after it (!after), len(c.l) if none.
func (c *cutter) first(i int, after bool) int {
	return sort.Search(len(c.l), func(k int) bool {
		end := c.starts[k] + len(c.l[k].Text)
		return end > i || !after && end == i
	})
}

// slice is c.l.slice(i, j).
func (c *cutter) slice(i, j int) line {
	if c.starts == nil {
		return c.l.slice(i, j)
	}
	k := c.first(i, false)
	if k == len(c.l) {
		return nil
	}
	return c.l.sliceFrom(k, c.starts[k], i, j)
}

// trimmed is c.l.trimmed(i, j, cutset).
func (c *cutter) trimmed(i, j int, cutset string) line {
	i, j = trimRange(c.text, i, j, cutset)
	return c.slice(i, j)
}

// pos is c.l.pos(off).
func (c *cutter) pos(off int) diag.Position {
	if c.starts == nil {
		return c.l.pos(off)
	}
	k := c.first(off, true)
	if k == len(c.l) {
		return c.l[len(c.l)-1].Pos
	}
	return c.l[k:].pos(off - c.starts[k])
}
