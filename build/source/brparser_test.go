package source

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func TestBrTagLen(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"<br>", 4}, {"<br/>x", 5}, {"<br />", 6}, {"</br>", 5}, {"<BR>", 4}, {"<Br />", 6},
		{"<br  />", 0}, {"<br/ >", 0}, {"</br/>", 0}, {"</br >", 0}, {"<bra>", 0}, {"<b>", 0},
		{"<br", 0}, {"<br /", 0}, {"<", 0}, {"", 0}, {"<a href=x>", 0}, {"<brx/>", 0},
	} {
		if got := brTagLen([]byte(tc.in)); got != tc.want {
			t.Errorf("brTagLen(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// TestBrParserSameTree checks that the break parser changes nothing but
// speed: goldmark with and without it builds the same tree, node for node
// and segment for segment, for every spelling near a break.
func TestBrParserSameTree(t *testing.T) {
	with := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(brInline))
	without := goldmark.New(goldmark.WithExtensions(extension.GFM))
	cells := []string{
		"a<br>b", "a<br/>b", "a<br />b", "a</br>b", "a<BR/>b", "<br/><br/>x",
		"a<br  />b", "a<br\n/>b", "a<br/ >b", "a</br >b", "<bra>", "`<br/>`", `\<br/>`,
		"<https://x.example/br>", "<br@example.com>", "[a<br/>b](https://x.example)",
		"<span data-ttu-id=\"1\">x<br/>y</span>", "<!-- <br/> -->", "*a<br/>*b",
	}
	for _, c := range cells {
		for _, src := range []string{"|h|\n|-|\n|" + c + "|\n", c + "\n"} {
			a, b := dumpTree(with, src), dumpTree(without, src)
			if a != b {
				t.Errorf("%q: trees differ\nwith brParser:\n%s\nwithout:\n%s", src, a, b)
			}
		}
	}
}

func dumpTree(md goldmark.Markdown, src string) string {
	root := md.Parser().Parse(text.NewReader([]byte(src)))
	var b strings.Builder
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "%s pos=%d", n.Kind(), n.Pos())
		switch n := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&b, " %v", n.Segment)
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				fmt.Fprintf(&b, " %v", n.Segments.At(i))
			}
		}
		b.WriteByte('\n')
		return ast.WalkContinue, nil
	})
	return b.String()
}
