package phrase

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseBook: whatever the bytes, ParseBook never panics; it returns a
// book or errors, never both and never neither; every diagnostic is placed
// in the file (line ≥ 1, col ≥ 1); a book's phrases are all in Norm form
// and non-empty, and parsing the same bytes again gives the same answer.
func FuzzParseBook(f *testing.F) {
	files, _ := filepath.Glob("books/*.yaml")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil && len(b) < 4000 {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"language: nl\n",
		"language: nl\nsupport:\n  yes: [j]\n  no: [j]\n",
		"language: nl\ninstallations:\n  hyper-v-vm: [\"hyper-v + vm ! azure\"]\n",
		"language: nl\nlabels:\n  protect: [\"beveiligen:\"]\n",
		"language: nl\ncolumns: [\n",
		"- a\n",
		"language: nl\ncapabilities:\n  ignore: [sharepoint]\n  volume: [Volume]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		b, l := ParseBook("nl/phrasebook.yaml", "nl", src, testVocab)
		if (b == nil) != l.HasErrors() {
			t.Fatalf("book %v with diagnostics %v", b != nil, l)
		}
		for _, d := range l {
			if d.File != "nl/phrasebook.yaml" || d.Line < 1 || d.Col < 1 || d.Code != "bad-phrasebook" || d.Message == "" {
				t.Fatalf("unplaced diagnostic %q", d)
			}
		}
		if b == nil {
			return
		}
		check := func(ps []Phrase) {
			for _, p := range ps {
				if p.Text == "" || Norm(p.Text) != p.Text || p.Pos.Line < 1 {
					t.Fatalf("phrase %q not in Norm form or unplaced", p.Text)
				}
			}
		}
		for _, ps := range b.Columns {
			check(ps)
		}
		check(b.Yes)
		check(b.No)
		check(b.None)
		for _, p := range append(b.Protect, b.Recover...) {
			if !strings.HasSuffix(p.Text, ":") {
				t.Fatalf("label %q without its colon", p.Text)
			}
		}
		for _, ps := range b.Capabilities {
			check(ps)
		}
		b2, l2 := ParseBook("nl/phrasebook.yaml", "nl", src, testVocab)
		if b2 == nil || len(l2) != len(l) {
			t.Fatal("a second parse of the same bytes differs")
		}
	})
}
