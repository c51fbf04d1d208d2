package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestUsage(t *testing.T) {
	tests := []struct {
		args       []string
		code       int
		stdout     string // substring ("" = must be empty)
		stderr     string // substring ("" = must be empty)
		stdoutNone bool
	}{
		{args: nil, code: 2, stderr: "Usage: matrixdoc <command>"},
		{args: []string{"--help"}, code: 0, stdout: "Commands:"},
		{args: []string{"help"}, code: 0, stdout: "serve"},
		{args: []string{"help", "check"}, code: 0, stdout: "-format"},
		{args: []string{"frobnicate"}, code: 2, stderr: `unknown command "frobnicate"`},
		{args: []string{"build", "--help"}, code: 0, stdout: "Usage: matrixdoc build"},
		{args: []string{"check", "-h"}, code: 0, stdout: "Usage: matrixdoc check"},
		{args: []string{"serve", "--help"}, code: 0, stdout: "-port"},
		{args: []string{"build", "--nope"}, code: 2, stderr: "flag provided but not defined: -nope"},
		{args: []string{"build", "extra"}, code: 2, stderr: `unexpected argument "extra"`},
		{args: []string{"check", "--format", "xml"}, code: 2, stderr: `invalid value "xml"`},
		{args: []string{"serve", "--port", "70000"}, code: 2, stderr: "invalid value 70000"},
		{args: []string{"serve", "--port", "x"}, code: 2, stderr: "invalid value"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			for _, c := range []struct{ name, got, want string }{{"stdout", stdout, tt.stdout}, {"stderr", stderr, tt.stderr}} {
				if c.want == "" && c.got != "" {
					t.Errorf("%s = %q, want empty", c.name, c.got)
				}
				if !strings.Contains(c.got, c.want) {
					t.Errorf("%s = %q, want it to contain %q", c.name, c.got, c.want)
				}
			}
		})
	}
}

var summaryRE = regexp.MustCompile(`^matrixdoc: built 2 locales, 9 workloads, 66 rows, (\d+) warnings, (\d+) pages, (\d+) files, \d+ KB in \d+(\.\d+)?m?s$`)

// TestBuildAndCheckRealContent builds the project's content through the CLI,
// then checks it: content diagnostics, then the built site.
func TestBuildAndCheckRealContent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	base := []string{"--content", "../../content", "--templates", "../../templates", "--assets", "../../assets"}
	code, _, stderr := runCLI(t, append(append([]string{"build"}, base...), "--out", out)...)
	if code != 0 {
		t.Fatalf("build exit %d:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := lines[len(lines)-1]
	if !summaryRE.MatchString(last) {
		t.Errorf("summary line %q does not match %s", last, summaryRE)
	}
	for _, ln := range lines[:len(lines)-1] {
		if !regexp.MustCompile(`^\.\./\.\./content/(nl|en)/[^:]+\.md:\d+:\d+: warning: .+ \[[a-z-]+\]$`).MatchString(ln) {
			t.Errorf("diagnostic line not file:line:col: warning: … [code]: %q", ln)
		}
	}
	for _, name := range []string{"data/matrix.json", "data/matrix.schema.json", "data/matrix.csv"} {
		if fi, err := os.Stat(filepath.Join(out, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}

	check := append([]string{"check"}, base...)
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"content", nil, 0},
		{"content strict", []string{"--strict"}, 1},
		{"site", []string{"--out", out, "--netlify", "../../netlify.toml"}, 0},
		{"no site", []string{"--out", filepath.Join(t.TempDir(), "none")}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, append(check, c.args...)...)
			if code != c.code {
				t.Errorf("check %v: exit %d, want %d\n%s%s", c.args, code, c.code, stdout, stderr)
			}
		})
	}

	// Break a link in the built site: check --out must fail, naming it.
	page := findPage(t, out)
	if page == "" {
		t.Fatal("no HTML page in the built site")
	}
	b, _ := os.ReadFile(page)
	b = []byte(strings.Replace(string(b), "</body>", `<a href="/nowhere.html">x</a></body>`, 1))
	os.WriteFile(page, b, 0o644)
	code, stdout, _ := runCLI(t, append(check, "--out", out, "--netlify", "../../netlify.toml", "--format", "json")...)
	if code != 1 || !strings.Contains(stdout, `"code":"broken-link"`) {
		t.Errorf("check of a site with a broken link: exit %d\n%s", code, stdout)
	}
}

func findPage(t *testing.T, dir string) string {
	var found string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && found == "" && strings.HasSuffix(p, ".html") && !strings.Contains(p, "downloads") {
			found = p
		}
		return nil
	})
	return found
}
