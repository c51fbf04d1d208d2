package netlify

import (
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The real netlify.toml at the repository root.
const realConfig = "../../netlify.toml"

func loadReal(t *testing.T) *Config {
	t.Helper()
	cfg, err := Load(realConfig)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestBuildSettings: the build command is the README's, the Go version is
// go.mod's, the output folder is public/.
func TestBuildSettings(t *testing.T) {
	cfg := loadReal(t)
	const want = "go run ./cmd/matrixdoc build"
	if cfg.Build.Command != want {
		t.Errorf("build.command = %q, want %q", cfg.Build.Command, want)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(cfg.Build.Command) + `(\s|$)`).Match(readme) {
		t.Errorf("README.md has no line starting with the build command %q", cfg.Build.Command)
	}
	if cfg.Build.Publish != "public" {
		t.Errorf("build.publish = %q, want public", cfg.Build.Publish)
	}
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(gomod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	if got := cfg.Build.Environment["GO_VERSION"]; got != string(m[1]) || got != "1.26.8" {
		t.Errorf("GO_VERSION = %q, want go.mod's %q (1.26.8)", got, m[1])
	}
}

// Paths the site serves, by kind; every requirement is checked on each.
var (
	htmlPaths = []string{"/nl/", "/en/", "/nl/index.html", "/en/workloads/sql-server/",
		"/nl/workloads/exchange/index.html", "/404.html", "/index.html", "/sitemap.xml", "/robots.txt"}
	assetPaths = []string{"/assets/app-3F2A9C1B.js", "/assets/app-3F2A9C1B.css", "/assets/icons/x-1A.svg"}
	dataPaths  = map[string]string{
		"/data/matrix.json":               "application/json; charset=utf-8",
		"/data/matrix.schema.json":        "application/schema+json",
		"/data/matrix.csv":                "text/csv; charset=utf-8",
		"/data/index.json":                "application/json; charset=utf-8",
		"/data/workloads/sql-server.json": "application/json; charset=utf-8",
		"/data/matrix.xlsx":               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	}
	downloadPath = "/downloads/mabs-protection-matrix.html"
)

func allPaths() []string {
	out := append(append([]string{"/", downloadPath}, htmlPaths...), assetPaths...)
	for p := range dataPaths {
		out = append(out, p)
	}
	return out
}

// TestSecurityHeaders: the strict CSP, nosniff and the referrer policy on
// every path, with the CSP read directive by directive.
func TestSecurityHeaders(t *testing.T) {
	cfg := loadReal(t)
	wantCSP := map[string]string{
		"default-src":     "'self'",
		"img-src":         "'self' data:",
		"style-src":       "'self'",
		"script-src":      "'self'",
		"object-src":      "'none'",
		"base-uri":        "'self'",
		"form-action":     "'self'",
		"frame-ancestors": "'none'",
	}
	for _, p := range allPaths() {
		h := cfg.HeadersFor(p)
		csp := parseCSP(h.Get("Content-Security-Policy"))
		if len(csp) != len(wantCSP) {
			t.Errorf("%s: CSP has %d directives %v, want %d", p, len(csp), csp, len(wantCSP))
		}
		for d, v := range wantCSP {
			if csp[d] != v {
				t.Errorf("%s: CSP %s = %q, want %q", p, d, csp[d], v)
			}
		}
		for d, v := range csp {
			if strings.Contains(v, "unsafe") || strings.Contains(v, "*") || strings.Contains(v, "http") {
				t.Errorf("%s: CSP %s = %q opens the policy", p, d, v)
			}
		}
		if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options = %q", p, got)
		}
		if got := h.Get("Referrer-Policy"); got != "strict-origin-when-cross-origin" {
			t.Errorf("%s: Referrer-Policy = %q", p, got)
		}
	}
}

func parseCSP(s string) map[string]string {
	out := map[string]string{}
	for _, d := range strings.Split(s, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			out[f[0]] = strings.Join(f[1:], " ")
		}
	}
	return out
}

// TestCaching: hashed assets immutable for a year, HTML and data revalidated
// on every use.
func TestCaching(t *testing.T) {
	cfg := loadReal(t)
	for _, p := range assetPaths {
		cc := cacheDirectives(cfg.HeadersFor(p).Get("Cache-Control"))
		if !cc["public"] || !cc["immutable"] || !cc["max-age=31536000"] {
			t.Errorf("%s: Cache-Control %v, want public, max-age=31536000, immutable", p, cc)
		}
	}
	short := append(append([]string{"/", downloadPath}, htmlPaths...), "/data/matrix.json", "/data/matrix.csv",
		"/data/index.json", "/data/workloads/sql-server.json", "/data/matrix.xlsx")
	for _, p := range short {
		cc := cacheDirectives(cfg.HeadersFor(p).Get("Cache-Control"))
		if !cc["max-age=0"] || !(cc["must-revalidate"] || cc["no-cache"]) || cc["immutable"] {
			t.Errorf("%s: Cache-Control %v, want max-age=0 with must-revalidate", p, cc)
		}
	}
}

func cacheDirectives(s string) map[string]bool {
	out := map[string]bool{}
	for _, d := range strings.Split(s, ",") {
		if d = strings.TrimSpace(d); d != "" {
			out[d] = true
		}
	}
	return out
}

// TestDataHeaders: CORS open and the right media type per data file.
func TestDataHeaders(t *testing.T) {
	cfg := loadReal(t)
	for p, ct := range dataPaths {
		h := cfg.HeadersFor(p)
		if got := h.Get("Access-Control-Allow-Origin"); got != "*" {
			t.Errorf("%s: Access-Control-Allow-Origin = %q", p, got)
		}
		if got := h.Get("Content-Type"); got != ct {
			t.Errorf("%s: Content-Type = %q, want %q", p, got, ct)
		}
	}
	if got := cfg.HeadersFor("/nl/").Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("pages get Access-Control-Allow-Origin %q; only /data/ should", got)
	}
}

// TestDownloadIsAttachment: the offline bundle is saved, not rendered.
func TestDownloadIsAttachment(t *testing.T) {
	cfg := loadReal(t)
	got := cfg.HeadersFor(downloadPath).Get("Content-Disposition")
	if !strings.HasPrefix(got, "attachment") || !strings.Contains(got, `filename="mabs-protection-matrix.html"`) {
		t.Errorf("Content-Disposition = %q", got)
	}
	if got := cfg.HeadersFor("/nl/").Get("Content-Disposition"); got != "" {
		t.Errorf("/nl/ has Content-Disposition %q", got)
	}
}

// TestNoHeaderSetTwice: no path gets a header from two rules (Netlify would
// join the values).
func TestNoHeaderSetTwice(t *testing.T) {
	cfg := loadReal(t)
	for _, p := range allPaths() {
		if o := cfg.Overlaps(p); len(o) > 0 {
			t.Errorf("%s: headers set by more than one rule: %v", p, o)
		}
	}
}

// TestLanguageRedirect: / goes to /en/ for English readers, /nl/ otherwise,
// and the nf_lang cookie wins over the browser.
func TestLanguageRedirect(t *testing.T) {
	cfg := loadReal(t)
	tests := []struct {
		accept, cookie, want string
	}{
		{"en-US,en;q=0.9", "", "/en/"},
		{"en", "", "/en/"},
		{"en-GB", "", "/en/"},
		{"nl-NL,nl;q=0.9,en;q=0.8", "", "/nl/"},
		{"nl-BE", "", "/nl/"},
		{"fr-FR", "", "/nl/"},
		{"", "", "/nl/"},
		{"de;q=0.5,en;q=0.9", "", "/en/"},
		{"en-US", "nl", "/nl/"},
		{"nl", "en", "/en/"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		if tt.accept != "" {
			r.Header.Set("Accept-Language", tt.accept)
		}
		if tt.cookie != "" {
			r.AddCookie(&http.Cookie{Name: "nf_lang", Value: tt.cookie})
		}
		// "/" is always a file (index.html): the rules must be forced.
		rule, to, ok := cfg.MatchRedirect(r, "/", func(string) bool { return true })
		if !ok {
			t.Errorf("Accept-Language %q cookie %q: no redirect", tt.accept, tt.cookie)
			continue
		}
		if to != tt.want || rule.Status != http.StatusFound {
			t.Errorf("Accept-Language %q cookie %q: %d %s, want 302 %s", tt.accept, tt.cookie, rule.Status, to, tt.want)
		}
	}
}

// TestNotFoundRule: a path that is no file is answered by /404.html with
// status 404; existing files shadow the rule.
func TestNotFoundRule(t *testing.T) {
	cfg := loadReal(t)
	r := httptest.NewRequest("GET", "/nope", nil)
	rule, to, ok := cfg.MatchRedirect(r, "/nope", func(string) bool { return false })
	if !ok || to != "/404.html" || rule.Status != http.StatusNotFound {
		t.Errorf("miss: ok=%v to=%q", ok, to)
	}
	if _, _, ok := cfg.MatchRedirect(r, "/nl/", func(string) bool { return true }); ok {
		t.Error("an existing page is redirected")
	}
}

// TestWorkbookIsAttachment: data/matrix.xlsx is saved under a readable
// name, with the data folder's CORS and caching.
func TestWorkbookIsAttachment(t *testing.T) {
	h := loadReal(t).HeadersFor("/data/matrix.xlsx")
	if got := h.Get("Content-Disposition"); got != `attachment; filename="mabs-protection-matrix.xlsx"` {
		t.Errorf("Content-Disposition = %q", got)
	}
	if h.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(h.Get("Cache-Control"), "max-age=0") {
		t.Errorf("headers %v", h)
	}
}

// TestReadLikeNetlify: what Netlify's parsers normalize is normalized here
// too, so the local server sends what Netlify sends: `for` and header names
// trimmed, a value trimmed with ", " between its comma-separated parts (a
// multi-line value on one line), lower-case condition names capitalized.
// build/judge's TestNetlifyResolverVariants runs this same file through
// Netlify's own resolver.
func TestReadLikeNetlify(t *testing.T) {
	cfg, err := Load("testdata/variants.toml")
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Headers[0].For; got != "/spaced/*" {
		t.Errorf("for = %q, want it trimmed", got)
	}
	want := map[string]string{
		"Cache-Control": "public, max-age=0, no-cache, must-revalidate",
		"X-Spaced":      "a, b",
		"X-Semicolons":  "a; b",
	}
	for name, v := range want {
		if got := cfg.Headers[0].Values[name]; got != v {
			t.Errorf("%s = %q, want %q", name, got, v)
		}
	}
	if got := cfg.HeadersFor("/spaced/x").Get("Cache-Control"); got != want["Cache-Control"] {
		t.Errorf("served Cache-Control = %q", got)
	}
	if got := cfg.Redirects[0].Conditions; len(got) != 1 || len(got["Language"]) != 1 || got["Language"][0] != "de" {
		t.Errorf("conditions = %v, want Language [de]", got)
	}
	r := httptest.NewRequest("GET", "/lang", nil)
	r.Header.Set("Accept-Language", "de-AT")
	if _, to, ok := cfg.MatchRedirect(r, "/lang", nil); !ok || to != "/de/" {
		t.Errorf("lower-case language condition: ok=%v to=%q", ok, to)
	}
}

// TestRejectsWhatNetlifyDropsOrDoubles: a rule Netlify would drop without
// a word (no values) or keep once (an identical earlier rule, which here
// would join its values with itself) is an error.
func TestRejectsWhatNetlifyDropsOrDoubles(t *testing.T) {
	for name, text := range map[string]string{
		"no values": "[[headers]]\nfor = \"/a\"\n[headers.values]\n",
		"same rule twice": "[[headers]]\nfor = \"/a\"\n[headers.values]\nX-A = \"1\"\n" +
			"[[headers]]\nfor = \"/a \"\n[headers.values]\nX-A = \" 1\"\n",
		"name twice once trimmed": "[[headers]]\nfor = \"/a\"\n[headers.values]\nX-A = \"1\"\n\"X-A \" = \"2\"\n",
		"empty name":              "[[headers]]\nfor = \"/a\"\n[headers.values]\n\" \" = \"1\"\n",
		"line break in a value":   "[[headers]]\nfor = \"/a\"\n[headers.values]\nX-A = \"\"\"one\ntwo\"\"\"\n",
	} {
		if _, err := Parse(text); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
