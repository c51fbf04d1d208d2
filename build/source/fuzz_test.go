package source

import (
	"bytes"
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
// inside the file, table rows must sit on consecutive lines with as many
// cells as their header, and every piece of a cell must point at its text
// on its row's line (checkParse).
//
// The seeds are the real documents and, cut out of each, small documents
// (front matter alone, a header with one row, one cell, one paragraph): a
// whole document is 20–100 KB and the fuzzer executes a mutation of one a
// hundred times slower than a mutation of a small piece.
func FuzzParseDocument(f *testing.F) {
	seeds, _ := filepath.Glob("../../content/*/*.md")
	corpus, _ := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	for _, p := range append(seeds, corpus...) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		for _, s := range smallSeeds(b) {
			f.Add(s)
		}
	}
	f.Add([]byte("\ufeff---\r\ntitle: x\r\n---\r\n|a|b|\r\n|-|-|\r\n|<br>[x](javascript:y)|\\|`|`|\r\n"))
	f.Add([]byte("---\n- a\n---\n"))
	f.Add([]byte("|a|\n|-|\n|x|\n"))
	f.Add([]byte("> [!NOTE]\n> Tekst met een [link](https://example.com/).\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, l := parseDocument("nl/f.md", "nl", src)
		if doc == nil {
			t.Fatal("nil document")
		}
		checkParse(t, "nl/f.md", src, doc, l, false)
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

// smallSeeds cuts small documents out of a real one, line by line (a seed
// needs no parser): its front matter alone; every table's header and
// delimiter with its first row, and with its longest row; the first row's
// cells each as a one-column table; and the first paragraph after the
// title. Each is a few hundred bytes.
func smallSeeds(doc []byte) [][]byte {
	lines := bytes.SplitAfter(doc, []byte("\n"))
	isRow := func(l []byte) bool { return bytes.HasPrefix(bytes.TrimSpace(l), []byte("|")) }
	var out [][]byte
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

	// Front matter: the first line through the next "---" line.
	if len(lines) > 0 && bytes.HasPrefix(lines[0], []byte("---")) {
		for i := 1; i < len(lines); i++ {
			if bytes.HasPrefix(lines[i], []byte("---")) {
				out = append(out, cat(lines[:i+1]...))
				break
			}
		}
	}
	for i := 0; i+2 < len(lines); i++ {
		if !isRow(lines[i]) || (i > 0 && isRow(lines[i-1])) || !isRow(lines[i+1]) {
			continue // not the header line of a table
		}
		head, delim := lines[i], lines[i+1]
		first, longest := -1, -1
		for j := i + 2; j < len(lines) && isRow(lines[j]); j++ {
			if first < 0 {
				first = j
			}
			if longest < 0 || len(lines[j]) > len(lines[longest]) {
				longest = j
			}
		}
		if first < 0 {
			continue
		}
		out = append(out, cat(head, delim, lines[first]))
		if longest != first {
			out = append(out, cat(head, delim, lines[longest]))
		}
		for _, c := range splitRow(lines[first]) {
			out = append(out, cat([]byte("|h|\n|-|\n|"), c, []byte("|\n")))
		}
	}
	for i, l := range lines {
		if bytes.HasPrefix(l, []byte("# ")) {
			for j := i + 1; j < len(lines); j++ {
				if t := bytes.TrimSpace(lines[j]); len(t) > 0 {
					out = append(out, cat(l, []byte("\n"), lines[j]))
					break
				}
			}
			break
		}
	}
	return out
}

// splitRow splits a table line into its cells' markdown at every pipe not
// escaped by a backslash, outer pipes dropped.
func splitRow(line []byte) [][]byte {
	line = bytes.TrimSpace(line)
	line = bytes.TrimPrefix(bytes.TrimSuffix(line, []byte("|")), []byte("|"))
	var out [][]byte
	start := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '|' && (i == 0 || line[i-1] != '\\') {
			out = append(out, line[start:i])
			start = i + 1
		}
	}
	return append(out, line[start:])
}

// TestParseLeavesSourceAlone: parsing never writes into the caller's bytes
// (a fragment parse once let goldmark append into the document).
func TestParseLeavesSourceAlone(t *testing.T) {
	for _, s := range []string{
		"|h \n|-|\n| Windows  10           d                 |          \x00    \n    |\xd2K ",
		"|h \n|-|\n| a | b    \n    |c ",
		"|h|\n|-|\n|x|y|z",
		"|h|\n|-|\n|x| **y",
	} {
		src := []byte(s)
		before := bytes.Clone(src)
		parseDocument("nl/f.md", "nl", src)
		if !bytes.Equal(src, before) {
			t.Errorf("parse changed its input:\n got %q\nwant %q", src, before)
		}
	}
}
