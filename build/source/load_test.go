package source

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

const doc = "backup-mabs-protection-matrix.md"

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func nlDoc() *fstest.MapFile {
	return file("---\ntitle: T\nms.contentlocale: nl-NL\n---\n# Kop\n\n|a|b|\n|-|-|\n|1|2|\n")
}

func enDoc() *fstest.MapFile {
	return file("---\ntitle: T\nms.contentlocale: en-US\n---\n# Head\n\n|a|b|\n|-|-|\n|1|2|\n")
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		fs      fstest.MapFS
		locales string // Locales joined by ","
		def     string
		diags   string // "code@file" joined by " "
	}{
		{"two locales, default from site.yaml", fstest.MapFS{
			"site.yaml":            file("defaultLocale: nl\nbaseURL: https://x.nl/\n"),
			"en/" + doc:            enDoc(),
			"en/strings.yaml":      file("title: Matrix\n"),
			"nl/" + doc:            nlDoc(),
			"nl/strings.yaml":      file("title: Matrix\nempty:\n"),
			"images/logo.svg":      file("<svg/>"),
			"README.md":            file("not a locale"),
			"templates/x.md":       file("not a locale folder"),
			"nl/images/diagram.md": file("a folder inside a locale is not a document"),
		}, "nl,en", "nl", ""},
		{"default first, others sorted", fstest.MapFS{
			"site.yaml":    file("defaultLocale: fr\n"),
			"en/" + doc:    enDoc(),
			"pt-br/" + doc: file("---\ntitle: T\nms.contentlocale: pt-BR\n---\n"),
			"fr/" + doc:    file("---\ntitle: T\n---\n"),
			"de/" + doc:    file("---\ntitle: T\n---\n"),
		}, "fr,de,en,pt-br", "fr", ""},
		{"no site.yaml: first sorted", fstest.MapFS{
			"nl/" + doc: nlDoc(),
			"en/" + doc: enDoc(),
		}, "en,nl", "en", ""},
		{"single locale is fine", fstest.MapFS{
			"nl/" + doc: nlDoc(),
		}, "nl", "nl", ""},
		{"locale lacking the document", fstest.MapFS{
			"site.yaml":       file("defaultLocale: nl\n"),
			"nl/" + doc:       nlDoc(),
			"en/strings.yaml": file("title: x\n"),
		}, "nl", "nl", "missing-document@en"},
		{"locale with another document", fstest.MapFS{
			"nl/" + doc:   nlDoc(),
			"de/" + doc:   file("---\ntitle: T\n---\n"),
			"en/other.md": enDoc(),
		}, "de,nl", "de", "missing-document@en/other.md"},
		{"two documents in one folder", fstest.MapFS{
			"nl/" + doc:   nlDoc(),
			"nl/extra.md": nlDoc(),
		}, "", "", "extra-document@nl/extra.md"},
		{"no documents at all", fstest.MapFS{
			"site.yaml": file("defaultLocale: nl\n"),
		}, "", "", "no-documents@."},
		{"unknown default locale", fstest.MapFS{
			"site.yaml": file("baseURL: x\ndefaultLocale: de\n"),
			"nl/" + doc: nlDoc(),
		}, "nl", "nl", "unknown-default-locale@site.yaml:2:1"},
		{"malformed site.yaml", fstest.MapFS{
			"site.yaml": file("defaultLocale: [nl\n"),
			"nl/" + doc: nlDoc(),
		}, "nl", "nl", "bad-site-yaml@site.yaml:1:1"},
		{"strings.yaml with a list", fstest.MapFS{
			"nl/" + doc:       nlDoc(),
			"nl/strings.yaml": file("title: T\nmenu:\n  - a\n"),
		}, "nl", "nl", "bad-strings-yaml@nl/strings.yaml:2:1"},
		{"document in the wrong language", fstest.MapFS{
			"nl/" + doc: enDoc(),
		}, "nl", "nl", "locale-mismatch@nl/" + doc + ":3:1"},
		{"document too large", fstest.MapFS{
			"nl/" + doc: nlDoc(),
			"en/" + doc: file("---\ntitle: T\n---\n" + strings.Repeat("x", MaxFileSize)),
		}, "nl", "nl", "file-too-large@en/" + doc},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, l := Load(tc.fs)
			var got []string
			for _, d := range l {
				if d.Code == "missing-strings" {
					continue // these folders have no strings.yaml on purpose (TestLoadContent covers it)
				}
				got = append(got, d.Code+"@"+d.Position.String())
			}
			if g := strings.Join(got, " "); g != tc.diags {
				t.Errorf("diagnostics\n got %s\nwant %s", g, tc.diags)
			}
			if c == nil {
				if tc.locales != "" {
					t.Fatalf("nil content, want locales %s", tc.locales)
				}
				return
			}
			if g := strings.Join(c.Locales, ","); g != tc.locales || c.DefaultLocale != tc.def {
				t.Errorf("locales %s default %s; want %s default %s", g, c.DefaultLocale, tc.locales, tc.def)
			}
			for _, loc := range c.Locales {
				d := c.Documents[loc]
				if d == nil || d.Locale != loc || !strings.HasPrefix(d.Path, loc+"/") {
					t.Errorf("document of %s: %+v", loc, d)
				}
			}
		})
	}
}

func TestLoadContent(t *testing.T) {
	c, l := Load(fstest.MapFS{
		"site.yaml":       file("defaultLocale: nl\nbaseURL: https://x.nl/\n"),
		"nl/" + doc:       nlDoc(),
		"nl/strings.yaml": file("title: Matrix\nempty:\n"),
		"en/" + doc:       enDoc(),
	})
	// en has no strings.yaml: it borrows the default locale's, with one
	// warning naming the file to add.
	if len(l) != 1 || l[0].Code != "missing-strings" || l[0].File != "en/strings.yaml" || l[0].Severity != diag.Warning {
		t.Fatalf("diagnostics: %v", l)
	}
	if c.BaseURL != "https://x.nl/" {
		t.Errorf("baseURL %q", c.BaseURL)
	}
	if c.Strings["nl"]["title"] != "Matrix" || c.Strings["nl"]["empty"] != "" || c.StringsFile["nl"] != "nl/strings.yaml" {
		t.Errorf("nl strings %v from %q", c.Strings["nl"], c.StringsFile["nl"])
	}
	if c.Strings["en"]["title"] != "Matrix" || !c.StringsFallback["en"] || c.StringsFallback["nl"] || c.StringsFile["en"] != "nl/strings.yaml" {
		t.Errorf("en has no strings.yaml: want nl's, got %v from %q", c.Strings["en"], c.StringsFile["en"])
	}
	nl := c.Documents["nl"]
	if nl.Title != "Kop" || len(nl.Tables) != 1 || nl.Tables[0].Rows[0].Cells[1].PlainText() != "2" {
		t.Errorf("nl document %+v", nl)
	}
	if len(nl.SHA256) != 64 {
		t.Errorf("sha256 %q", nl.SHA256)
	}
}

func TestLoadLimit(t *testing.T) {
	big := file("---\ntitle: T\n---\n# Kop\n\n" + strings.Repeat("x", 3000) + "\n")
	fsys := fstest.MapFS{"nl/" + doc: big}
	size := fmt.Sprintf("file is %d bytes", len(big.Data))
	tests := []struct {
		name  string
		limit int64
		want  string // the one diagnostic's message, "" for none
	}{
		{"under the limit", 4 << 10, ""},
		{"exactly the limit", int64(len(big.Data)), ""},
		{"over a KiB limit", 2 << 10, size + ", over the 2 KiB limit for a document (raise it with --max-file-size, e.g. --max-file-size 1MiB)"},
		{"over an odd limit", 3000, size + ", over the 3000 bytes limit for a document (raise it with --max-file-size, e.g. --max-file-size 1MiB)"},
		{"zero is the default", 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, l := LoadLimit(fsys, tc.limit)
			l = slices.DeleteFunc(l, func(d diag.Diagnostic) bool { return d.Code == "missing-strings" })
			if tc.want == "" {
				if len(l) != 0 || c == nil || c.Documents["nl"] == nil {
					t.Fatalf("want the document read, got %v", l)
				}
				return
			}
			if len(l) != 1 || l[0].Code != "file-too-large" || l[0].Message != tc.want {
				t.Fatalf("diagnostics %v\nwant file-too-large: %s", l, tc.want)
			}
		})
	}
}

func TestLimitText(t *testing.T) {
	for _, tc := range []struct {
		n              int64
		limit, suggest string
	}{
		{16 << 20, "16 MiB", "16MiB"},
		{16<<20 + 1, "16777217 bytes", "32MiB"},
		{37 << 20, "37 MiB", "64MiB"},
		{1536, "1536 bytes", "1MiB"},
		{3 << 10, "3 KiB", "1MiB"},
	} {
		if got := limitText(tc.n); got != tc.limit {
			t.Errorf("limitText(%d) = %q, want %q", tc.n, got, tc.limit)
		}
		if got := suggestLimit(tc.n); got != tc.suggest {
			t.Errorf("suggestLimit(%d) = %q, want %q", tc.n, got, tc.suggest)
		}
	}
}

// TestLoadOrderConcurrent: documents are parsed concurrently, yet the
// diagnostics and locales come out in folder order every time.
func TestLoadOrderConcurrent(t *testing.T) {
	fsys := fstest.MapFS{"site.yaml": file("defaultLocale: nl\n")}
	var want []string
	for _, loc := range []string{"de", "en", "fr", "it", "nl", "pt"} {
		// A raw <b> tag is dropped with a warning at this locale's file.
		fsys[loc+"/"+doc] = file("---\ntitle: T\n---\n# H\n\n|a|b|\n|-|-|\n|<b>1|2|\n")
		fsys[loc+"/strings.yaml"] = file("title: [x\n") // malformed: an error after the parse's
		want = append(want, "raw-html@"+loc+"/"+doc+":8:2", "bad-strings-yaml@"+loc+"/strings.yaml:1:1")
	}
	for range 20 {
		c, l := Load(fsys)
		var got []string
		for _, d := range l {
			got = append(got, d.Code+"@"+d.Position.String())
		}
		if g, w := strings.Join(got, " "), strings.Join(want, " "); g != w {
			t.Fatalf("diagnostics\n got %s\nwant %s", g, w)
		}
		if g := strings.Join(c.Locales, ","); g != "nl,de,en,fr,it,pt" {
			t.Fatalf("locales %s", g)
		}
	}
}

// TestParseBudget: documents share a byte budget; one over it (or of
// unknown size) waits until it has the whole budget to itself.
func TestParseBudget(t *testing.T) {
	b := newParseBudget(parseInFlight)
	small, mid := b.acquire(1<<20), b.acquire(2<<20)
	if small != 1<<20 || mid != 2<<20 || b.free != parseInFlight-3<<20 {
		t.Fatalf("took %d and %d, %d left", small, mid, b.free)
	}
	done := make(chan int64)
	go func() { done <- b.acquire(parseInFlight * 10) }()
	select {
	case n := <-done:
		t.Fatalf("a document over the budget took %d bytes while %d were in use", n, 3<<20)
	case <-time.After(20 * time.Millisecond):
	}
	b.release(small)
	b.release(mid)
	if n := <-done; n != parseInFlight || b.free != 0 {
		t.Fatalf("took %d, %d left; want the whole budget", n, b.free)
	}
	b.release(parseInFlight)
	if n := b.acquire(-1); n != parseInFlight {
		t.Fatalf("unknown size took %d, want the whole budget", n)
	}
}

// TestDefaultStringsAreTheProjects keeps the built-in UI strings equal to
// content/en/strings.yaml: a content folder with no strings at all gets
// exactly the project's English.
func TestDefaultStringsAreTheProjects(t *testing.T) {
	want, err := os.ReadFile("../../content/en/strings.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(defaultStrings, want) {
		t.Error("build/source/defaultstrings.yaml differs from content/en/strings.yaml: copy it (cp content/en/strings.yaml build/source/defaultstrings.yaml)")
	}
}

func TestLoneLocaleUsesBuiltInStrings(t *testing.T) {
	c, l := Load(fstest.MapFS{"nl/" + doc: nlDoc()})
	if len(l) != 1 || l[0].Code != "missing-strings" || l[0].File != "nl/strings.yaml" || !strings.Contains(l[0].Message, "built-in English") {
		t.Fatalf("diagnostics: %v", l)
	}
	if c.Strings["nl"]["status.supported"] == "" || c.StringsFile["nl"] != DefaultStringsFile || !c.StringsFallback["nl"] {
		t.Errorf("nl strings from %q: %v", c.StringsFile["nl"], c.Strings["nl"])
	}
}
