package site

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/check"
	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// realOptions builds the project's own content into a temp folder.
func realOptions(t *testing.T) Options {
	return Options{
		Content:   filepath.Join("..", "..", "content"),
		Templates: filepath.Join("..", "..", "templates"),
		Assets:    filepath.Join("..", "..", "assets"),
		Out:       filepath.Join(t.TempDir(), "public"),
	}
}

func TestBuildRealContent(t *testing.T) {
	opts := realOptions(t)
	res, l := Build(opts)
	if l.HasErrors() {
		t.Fatalf("build failed:\n%v", l)
	}
	tree := readTree(t, opts.Out)
	for _, name := range []string{DataJSON, DataSchema, DataCSV} {
		if len(tree[name]) == 0 {
			t.Errorf("%s missing or empty", name)
		}
	}
	if vl := check.ValidateData(os.DirFS(opts.Out), func(p string) string { return p }); len(vl) > 0 {
		t.Errorf("matrix.json does not validate:\n%v", vl)
	}

	var m struct {
		Locales   []string          `json:"locales"`
		Workloads []json.RawMessage `json:"workloads"`
		Rows      []json.RawMessage `json:"rows"`
	}
	if err := json.Unmarshal(tree[DataJSON], &m); err != nil {
		t.Fatal(err)
	}
	pages, bytes := 0, int64(0)
	for name, b := range tree {
		bytes += int64(len(b))
		if strings.HasSuffix(name, ".html") {
			pages++
		}
	}
	_, warnings := l.Count()
	got := Result{Locales: res.Locales, Workloads: res.Workloads, Rows: res.Rows, Warnings: res.Warnings, Pages: res.Pages, Files: res.Files, Bytes: res.Bytes}
	want := Result{Locales: len(m.Locales), Workloads: len(m.Workloads), Rows: len(m.Rows), Warnings: warnings, Pages: pages, Files: len(tree), Bytes: bytes}
	if got != want {
		t.Errorf("Result = %+v, want (from the written tree) %+v", got, want)
	}
	if strings.Join(m.Locales, ",") != "nl,en" || len(m.Rows) != 66 || len(m.Workloads) != 9 {
		t.Errorf("matrix.json: locales %v, %d rows, %d workloads; want nl,en, 66, 9", m.Locales, len(m.Rows), len(m.Workloads))
	}
	if pages == 0 {
		t.Errorf("no HTML page was written; files: %d", len(tree))
	}
	// Every diagnostic names a file under the content folder.
	for _, d := range l {
		if !strings.HasPrefix(d.File, filepath.ToSlash(opts.Content)+"/") {
			t.Errorf("diagnostic not under the content folder: %v", d)
		}
	}
}

func TestBuildDeterministic(t *testing.T) {
	a, b := realOptions(t), realOptions(t)
	if _, l := Build(a); l.HasErrors() {
		t.Fatalf("build failed:\n%v", l)
	}
	if _, l := Build(b); l.HasErrors() {
		t.Fatalf("build failed:\n%v", l)
	}
	ta, tb := readTree(t, a.Out), readTree(t, b.Out)
	if !maps.EqualFunc(ta, tb, bytes.Equal) {
		for k := range ta {
			if string(ta[k]) != string(tb[k]) {
				t.Errorf("%s differs between two builds", k)
			}
		}
		t.Fatalf("two builds differ (%d vs %d files)", len(ta), len(tb))
	}
}

func TestStrictWritesNothing(t *testing.T) {
	opts := realOptions(t)
	opts.Strict = true
	prev := map[string][]byte{"index.html": []byte("previous build")}
	if err := WriteTree(opts.Out, prev); err != nil {
		t.Fatal(err)
	}
	res, l := Build(opts)
	if !l.HasErrors() || res != nil {
		t.Fatalf("strict build of content with warnings succeeded: %+v", res)
	}
	if errs, warns := l.Count(); warns != 0 || errs == 0 {
		t.Errorf("strict: %d errors, %d warnings; want only errors", errs, warns)
	}
	if got := readTree(t, opts.Out); !maps.EqualFunc(got, prev, bytes.Equal) {
		t.Errorf("output changed by a failed build: %q", got)
	}
	if s := siblings(t, opts.Out); len(s) != 0 {
		t.Errorf("left behind: %v", s)
	}
}

func TestBuildRefusesInputAsOutput(t *testing.T) {
	for _, out := range []string{"content", "..", "."} {
		opts := realOptions(t)
		opts.Out = filepath.Join("..", "..", out)
		if out == "." {
			opts.Out = "."
		}
		if _, l := Build(opts); !l.HasErrors() {
			t.Errorf("Build with --out %s succeeded", opts.Out)
		}
	}
}

func TestRelocate(t *testing.T) {
	l := diag.List{
		{Position: diag.Position{File: "nl/a.md", Line: 3, Col: 1}, Related: []diag.Position{{File: "en/a.md", Line: 4}}},
		{Position: diag.Position{File: "."}},
		{Position: diag.Position{File: ""}},
	}
	got := relocate(l, "site/content/")
	want := []string{"site/content/nl/a.md:3:1 [site/content/en/a.md:4]", "site/content", "site/content"}
	for i, d := range got {
		s := d.Position.String()
		if len(d.Related) > 0 {
			s += " [" + d.Related[0].String() + "]"
		}
		if s != want[i] {
			t.Errorf("relocate[%d] = %q, want %q", i, s, want[i])
		}
	}
	if l[0].File != "nl/a.md" || l[0].Related[0].File != "en/a.md" {
		t.Errorf("relocate changed its input: %v", l[0])
	}
}
