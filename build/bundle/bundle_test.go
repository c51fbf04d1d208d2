package bundle

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The real assets/ folder must bundle into one IIFE and one stylesheet, with
// hashed names, nothing the file:// rule forbids, and stable output.
func TestBuildRealAssets(t *testing.T) {
	a, err := Build(filepath.Join("..", "..", "assets"))
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile(`^assets/main-[A-Z0-9]{8}\.(js|css)$`)
	for _, p := range []string{a.JSPath, a.CSSPath} {
		if !name.MatchString(p) {
			t.Errorf("output name %q is not assets/main-<hash>.<ext>", p)
		}
	}
	js := string(a.JS)
	if !strings.HasPrefix(js, "(()=>{") {
		t.Errorf("script is not an IIFE: starts %q", js[:min(20, len(js))])
	}
	for _, bad := range []string{"import(", "fetch(", "new Worker", "WebAssembly", "export "} {
		if strings.Contains(js, bad) {
			t.Errorf("script contains %q, which breaks on file://", bad)
		}
	}
	if !bytes.Contains(a.CSS, []byte("prefers-color-scheme:dark")) {
		t.Errorf("stylesheet lost its dark scheme")
	}
	b, err := Build(filepath.Join("..", "..", "assets"))
	if err != nil {
		t.Fatal(err)
	}
	if a.JSPath != b.JSPath || !bytes.Equal(a.JS, b.JS) || a.CSSPath != b.CSSPath {
		t.Errorf("two builds differ: %s/%s vs %s/%s", a.JSPath, a.CSSPath, b.JSPath, b.CSSPath)
	}
	t.Logf("%s %d bytes, %s %d bytes", a.JSPath, len(a.JS), a.CSSPath, len(a.CSS))
}

func TestBuildErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Build(dir); err == nil || !strings.Contains(err.Error(), "main.ts") {
		t.Errorf("missing entry: err = %v, want one naming main.ts", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.ts"), []byte("let x: number = ;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(dir)
	if err == nil || !strings.Contains(err.Error(), "main.ts:1:") {
		t.Errorf("syntax error: err = %v, want file:line position", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.ts"), []byte("console.log(1);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(dir); err == nil || !strings.Contains(err.Error(), "stylesheet") {
		t.Errorf("no CSS import: err = %v, want a message about the stylesheet", err)
	}
}

func TestMinifier(t *testing.T) {
	m := NewMinifier()
	tests := []struct {
		typ, in, want string
	}{
		{HTML, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>x</title></head>\n<body>\n<p class=\"a\">  one   two </p>\n</body></html>",
			`<!doctype html><html lang="en"><head><title>x</title></head><body><p class="a">one two</p></body></html>`},
		{CSS, "a {\n  color : #ffffff ;\n}\n", "a{color:#fff}"},
		{JS, "function f ( a ) {\n  return a + 1 ;\n}\n", "function f(e){return e+1}"},
		{JSON, "{ \"a\" : [ 1, 2 ] }\n", `{"a":[1,2]}`},
		{SVG, `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"> <rect x="0" y="0" width="10" height="10"/> </svg>`, ""},
	}
	for _, tc := range tests {
		got, err := m.Bytes(tc.typ, []byte(tc.in))
		if err != nil {
			t.Errorf("%s: %v", tc.typ, err)
			continue
		}
		if tc.want == "" {
			if len(got) >= len(tc.in) {
				t.Errorf("%s: not smaller: %q", tc.typ, got)
			}
			continue
		}
		if string(got) != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.typ, got, tc.want)
		}
	}
}
