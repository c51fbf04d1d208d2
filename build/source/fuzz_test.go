package source

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzParseDocument feeds arbitrary bytes to the parser. It calls
// parseDocument, not ParseDocument, so that a panic is not hidden by the
// public function's recover. Beyond not panicking, every position must fall
// inside the file.
func FuzzParseDocument(f *testing.F) {
	seeds, _ := filepath.Glob("../../content/*/*.md")
	corpus, _ := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	for _, p := range append(seeds, corpus...) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("\ufeff---\r\ntitle: x\r\n---\r\n|a|b|\r\n|-|-|\r\n|<br>[x](javascript:y)|\\|`|`|\r\n"))
	f.Add([]byte("---\n- a\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, l := parseDocument("nl/f.md", "nl", src)
		if doc == nil {
			t.Fatal("nil document")
		}
		lines := 1
		for _, c := range src {
			if c == '\n' {
				lines++
			}
		}
		for _, d := range l {
			if d.Line < 0 || d.Line > lines || d.Col < 0 || d.Col > len(src)+1 {
				t.Fatalf("diagnostic outside the file (%d lines): %v", lines, d)
			}
		}
		for _, tab := range doc.Tables {
			for _, r := range tab.Rows {
				if r.Pos.Line < 1 || r.Pos.Line > lines {
					t.Fatalf("row outside the file: %v", r.Pos)
				}
				for _, c := range r.Cells {
					for _, in := range c.Inlines {
						if in.Kind == Link && !safeURL(in.Href) {
							t.Fatalf("unsafe href kept: %q", in.Href)
						}
					}
				}
			}
		}
		if utf8.Valid(src) {
			for _, s := range doc.Sections {
				if !utf8.ValidString(s.HTML) || !utf8.ValidString(s.Title) {
					t.Fatalf("invalid UTF-8 made from valid input in section %q", s.ID)
				}
			}
		}
	})
}
