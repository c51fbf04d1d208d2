package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// badCase is testdata/bad/<name>/want.json (see testdata/bad/README.md).
type badCase struct {
	Grow *struct {
		File  string `json:"file"`
		Bytes int    `json:"bytes"`
	} `json:"grow"`
	ScanOutputs bool     `json:"scanOutputs"`
	Runs        []badRun `json:"runs"`
}

type badRun struct {
	Args          []string   `json:"args"`
	Exit          int        `json:"exit"`
	Diagnostics   []wantDiag `json:"diagnostics"`
	NoDiagnostics bool       `json:"noDiagnostics"`
	Locales       int        `json:"locales"`
	Rows          int        `json:"rows"`
}

// wantDiag is one expected diagnostic; File is relative to the case's
// content folder, Message a substring.
type wantDiag struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

// gotDiag is one line of `check --format json`.
type gotDiag struct {
	wantDiag
}

const badRoot = "../../testdata/bad"

// previousSite is the public/ every run starts with.
var previousSite = map[string]string{
	"index.html":       "<!doctype html><title>previous build</title>",
	"data/matrix.json": `{"previous": true}`,
}

func TestBadInput(t *testing.T) {
	ents, err := os.ReadDir(badRoot)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		n++
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			var c badCase
			src, err := os.ReadFile(filepath.Join(badRoot, name, "want.json"))
			if err != nil {
				t.Fatal(err)
			}
			dec := json.NewDecoder(bytes.NewReader(src))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&c); err != nil {
				t.Fatalf("want.json: %v", err)
			}
			if len(c.Runs) == 0 {
				t.Fatal("want.json has no runs")
			}
			content := copyCase(t, filepath.Join(badRoot, name, "content"))
			if c.Grow != nil {
				grow(t, filepath.Join(content, c.Grow.File), c.Grow.Bytes)
			}
			for i, r := range c.Runs {
				t.Run(fmt.Sprintf("run%d%s", i, strings.Join(r.Args, "")), func(t *testing.T) {
					runBad(t, c, r, content)
				})
			}
		})
	}
	if n < 15 {
		t.Errorf("only %d cases in %s", n, badRoot)
	}
}

func runBad(t *testing.T, c badCase, r badRun, content string) {
	out := filepath.Join(t.TempDir(), "public")
	writeFiles(t, out, previousSite)
	before := readDir(t, out)
	base := []string{"--content", content, "--templates", "../../templates", "--assets", "../../assets"}

	// build, through the real CLI.
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	args := append(append([]string{"build"}, base...), append([]string{"--out", out}, r.Args...)...)
	code, stdout, stderr := runCLI(t, args...)
	runtime.ReadMemStats(&m1)
	if code != r.Exit {
		t.Errorf("build exit %d, want %d\nstderr:\n%s", code, r.Exit, stderr)
	}
	if stdout != "" {
		t.Errorf("build wrote to stdout: %q", stdout)
	}
	if c.Grow != nil {
		// Bounded memory: the build must not have read the whole file.
		if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > uint64(c.Grow.Bytes)/2 {
			t.Errorf("build of a %d-byte file allocated %d bytes", c.Grow.Bytes, alloc)
		}
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := lines[len(lines)-1]
	for _, w := range r.Diagnostics {
		prefix := position(content, w) + ": " + w.Severity + ": "
		found := false
		for _, ln := range lines {
			if strings.HasPrefix(ln, prefix) && strings.HasSuffix(ln, "["+w.Code+"]") && strings.Contains(ln, w.Message) {
				found = true
			}
		}
		if !found {
			t.Errorf("build: no line %q…%q…[%s] in stderr:\n%s", prefix, w.Message, w.Code, stderr)
		}
	}
	if r.NoDiagnostics && len(lines) != 1 {
		t.Errorf("want no diagnostics, got:\n%s", stderr)
	}
	after := readDir(t, out)
	if r.Exit != 0 {
		if !maps.EqualFunc(before, after, bytes.Equal) {
			t.Errorf("a failed build changed %s", out)
		}
		if !strings.HasPrefix(last, "matrixdoc: build failed: ") {
			t.Errorf("last line %q, want the failure summary", last)
		}
	} else {
		if !strings.HasPrefix(last, "matrixdoc: built ") {
			t.Errorf("last line %q, want the build summary", last)
		}
		checkModel(t, after, r)
		if c.ScanOutputs {
			scanOutputs(t, after)
		}
		// The built site passes check too.
		args := append(append([]string{"check"}, base...), "--out", out, "--netlify", "../../netlify.toml", "--format", "json")
		if code, stdout, stderr := runCLI(t, append(args, r.Args...)...); code != 0 {
			t.Errorf("check --out of the built site: exit %d\n%s%s", code, stdout, stderr)
		}
	}

	// check --format json reports the same diagnostics, as JSON lines.
	args = append(append([]string{"check"}, base...), append([]string{"--format", "json"}, r.Args...)...)
	code, stdout, stderr = runCLI(t, args...)
	if code != r.Exit {
		t.Errorf("check exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, r.Exit, stdout, stderr)
	}
	var got []gotDiag
	sc := bufio.NewScanner(strings.NewReader(stdout))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d gotDiag
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("check --format json: line %q: %v", sc.Text(), err)
		}
		got = append(got, d)
	}
	for _, w := range r.Diagnostics {
		wantFile := filepath.ToSlash(filepath.Join(content, w.File))
		found := false
		for _, g := range got {
			if g.File == wantFile && g.Line == w.Line && g.Col == w.Col && g.Severity == w.Severity &&
				g.Code == w.Code && strings.Contains(g.Message, w.Message) {
				found = true
			}
		}
		if !found {
			t.Errorf("check --format json: no %+v (file %s) in:\n%s", w, wantFile, stdout)
		}
	}
	if r.NoDiagnostics && len(got) != 0 {
		t.Errorf("check: want no diagnostics, got:\n%s", stdout)
	}
}

// position is the file:line:col the CLI prints for w.
func position(content string, w wantDiag) string {
	p := filepath.ToSlash(filepath.Join(content, w.File))
	if w.Line > 0 {
		p += fmt.Sprintf(":%d", w.Line)
		if w.Col > 0 {
			p += fmt.Sprintf(":%d", w.Col)
		}
	}
	return p
}

// checkModel checks the written matrix.json against the run's counts.
func checkModel(t *testing.T, files map[string][]byte, r badRun) {
	t.Helper()
	var m struct {
		Locales []string          `json:"locales"`
		Rows    []json.RawMessage `json:"rows"`
	}
	if err := json.Unmarshal(files["data/matrix.json"], &m); err != nil {
		t.Fatalf("data/matrix.json: %v", err)
	}
	if r.Locales > 0 && len(m.Locales) != r.Locales {
		t.Errorf("locales %v, want %d", m.Locales, r.Locales)
	}
	if r.Rows > 0 && len(m.Rows) != r.Rows {
		t.Errorf("%d rows, want %d", len(m.Rows), r.Rows)
	}
	for _, name := range []string{"data/matrix.schema.json", "data/matrix.csv"} {
		if len(files[name]) == 0 {
			t.Errorf("%s missing", name)
		}
	}
}

// copyCase copies a case's content folder into a temp folder and gives each
// nl/en locale lacking strings.yaml, and the folder lacking site.yaml, the
// project's own.
func copyCase(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "content")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	// site.yaml (default locale, base URL) as the project's, unless the case
	// has its own.
	if _, err := os.Stat(filepath.Join(dst, "site.yaml")); err != nil {
		b, err := os.ReadFile("../../content/site.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, "site.yaml"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ents, _ := os.ReadDir(dst)
	for _, e := range ents {
		sy := filepath.Join(dst, e.Name(), "strings.yaml")
		if _, err := os.Stat(sy); !e.IsDir() || err == nil {
			continue
		}
		if b, err := os.ReadFile(filepath.Join("../../content", e.Name(), "strings.yaml")); err == nil {
			if err := os.WriteFile(sy, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dst
}

// grow appends copies of the file's last table row until it is size bytes.
func grow(t *testing.T, file string, size int) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var row []byte
	for _, ln := range bytes.Split(src, []byte("\n")) {
		if bytes.HasPrefix(ln, []byte("|")) {
			row = append(append([]byte(nil), ln...), '\n')
		}
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	for n := len(src); n < size; n += len(row) {
		w.Write(row)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readDir returns every file under dir (slash paths → contents).
func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
