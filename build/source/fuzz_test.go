package source

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// FuzzRaggedRow: a body row of any text under a three-column header keeps
// every cell its line holds — the header's three (GFM pads a short row)
// plus each one beyond them in Extra — and no extra cell lets raw HTML or
// an unsafe link through.
func FuzzRaggedRow(f *testing.F) {
	for _, s := range []string{"a|b", "a|b|c", "a|b|c|d|e", "|a|", "a\\|b|c|d", "`a|b`|c|d|e", "x|<b>y</b>|z|[l](javascript:x)|<br/>w", "|||||", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, row string) {
		if strings.ContainsAny(row, "\n\r") {
			return // one line is one row
		}
		src := "---\ntitle: x\n---\n| h1 | h2 | h3 |\n|---|---|---|\n|" + row + "|\n"
		doc, _ := parseDocument("nl/f.md", "nl", []byte(src))
		if len(doc.Tables) != 1 {
			return // the row made it something else than a table row
		}
		tab := doc.Tables[0]
		for _, r := range tab.Rows {
			if len(r.Cells) != len(tab.Header) {
				t.Fatalf("%d cells under %d headers", len(r.Cells), len(tab.Header))
			}
			want := 0
			if r.RawCells > len(tab.Header) {
				want = r.RawCells - len(tab.Header)
			}
			if len(r.Extra) != want {
				t.Fatalf("row of %d cells: %d extra kept, want %d (%q)", r.RawCells, len(r.Extra), want, row)
			}
			for _, c := range r.Extra {
				for _, in := range c.Inlines {
					if in.Kind == Link && !safeURL(in.Href) || strings.Contains(in.Text, "<b>") {
						t.Fatalf("extra cell let markup through: %+v", in)
					}
				}
			}
		}
	})
}

// FuzzAlert: a DocFX alert of any body becomes a titled callout; its
// "[!KIND]" marker never reaches the HTML.
func FuzzAlert(f *testing.F) {
	for _, s := range []string{"NOTE", "TIP", "Important", "WARNING", "caution"} {
		f.Add(s, "Some *text* with [a link](https://x.example/).")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, kind, body string) {
		if strings.ContainsAny(body, "\n\r") || strings.ContainsAny(kind, "]\n\r[") {
			return
		}
		src := "---\ntitle: x\n---\n# T\n\n> [!" + kind + "]\n> " + body + "\n"
		doc, _ := parseDocument("nl/f.md", "nl", []byte(src))
		k := strings.ToLower(kind)
		if !slices.Contains(AlertKinds, k) {
			return
		}
		h := doc.Intro
		if strings.Contains(strings.ToLower(h), "[!"+k+"]") {
			t.Fatalf("marker left in %q", h)
		}
		if !strings.Contains(h, `<aside class="alert alert-`+k+`" role="note">`+"\n"+AlertTitle(k)) {
			t.Fatalf("no titled callout in %q", h)
		}
	})
}
