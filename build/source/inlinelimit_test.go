package source

import (
	"strings"
	"testing"
)

// Under the limits a cell parses as goldmark alone parses it (the golden
// files of every real document pin that); past them the marks are text, a
// warning points at the first one, and no character is lost.
func TestInlineLimits(t *testing.T) {
	tests := []struct {
		name, cell string
		col        int    // of the warning, 0 for none
		text       string // the cell's PlainText
		links      int
	}{
		{"brackets under the limit", strings.Repeat("[", maxOpenBrackets-1) + "[x](https://e.nl)", 0,
			strings.Repeat("[", maxOpenBrackets-1) + "x", 1},
		// The refused "[" is text, as if escaped: the "]" closes the last
		// open one, whose label is "[x".
		{"brackets past the limit", strings.Repeat("[", maxOpenBrackets) + "[x](https://e.nl)", 2 + maxOpenBrackets,
			strings.Repeat("[", maxOpenBrackets) + "x", 1},
		{"image past the limit", strings.Repeat("[", maxOpenBrackets) + "![x](https://e.nl/a.png)", 2 + maxOpenBrackets,
			strings.Repeat("[", maxOpenBrackets-1) + "![x", 1},
		{"closed brackets free the count", strings.Repeat("[a] ", 2*maxOpenBrackets) + "[x](https://e.nl)", 0,
			strings.Repeat("[a] ", 2*maxOpenBrackets) + "x", 1},
		{"emphasis under the limit", strings.Repeat("*a* ", maxDelimiterRuns/2), 0,
			strings.TrimSpace(strings.Repeat("a ", maxDelimiterRuns/2)), 0},
		{"emphasis past the limit", strings.Repeat("*a* ", maxDelimiterRuns/2) + "**b** ~~c~~", 2 + 4*maxDelimiterRuns/2,
			strings.TrimSpace(strings.Repeat("a ", maxDelimiterRuns/2)) + " **b** ~~c~~", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, l := oneCell(t, tc.cell)
			if got := c.PlainText(); got != tc.text {
				t.Errorf("text %q\nwant %q", clipString(got), clipString(tc.text))
			}
			links := 0
			for _, in := range c.Inlines {
				if in.Kind == Link {
					links++
				}
			}
			if links != tc.links {
				t.Errorf("%d links, want %d", links, tc.links)
			}
			var warned []int
			for _, d := range l {
				if d.Code == "inline-limit" {
					warned = append(warned, d.Col)
					if d.Line != 7 {
						t.Errorf("warning on line %d: %s", d.Line, d)
					}
				}
			}
			switch {
			case tc.col == 0 && len(warned) > 0:
				t.Errorf("warned at %v", warned)
			case tc.col != 0 && (len(warned) != 1 || warned[0] != tc.col):
				t.Errorf("warnings at columns %v, want one at %d", warned, tc.col)
			}
		})
	}
}

// The counts are per block: a paragraph after a cell that reached a limit
// starts from zero.
func TestInlineLimitsPerBlock(t *testing.T) {
	src := fm + "|h|\n|-|\n|" + strings.Repeat("[", maxOpenBrackets+5) + "|\n\n[x](https://e.nl)\n"
	doc, l := parseOK(t, src)
	if !strings.Contains(doc.Intro, `<a href="https://e.nl">x</a>`) {
		t.Errorf("the paragraph after the table lost its link: %q", doc.Intro)
	}
	if n := strings.Count(codes(l), "inline-limit"); n != 1 {
		t.Errorf("%d inline-limit warnings: %s", n, codes(l))
	}
}
