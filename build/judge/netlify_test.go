package judge

import (
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/netlify"
)

// sitePaths are the URL paths to ask about: every built file by its own
// path, every index.html also by its folder's URL (with and without the
// slash, as readers type it), each of those upper-cased (both sides match
// without regard to case), and paths that are no file — next to a rule's
// prefix, where a wildcard's optional slash decides.
func sitePaths(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(siteDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(siteDir, p)
		u := "/" + filepath.ToSlash(rel)
		out = append(out, u)
		if dir, ok := strings.CutSuffix(u, "index.html"); ok {
			out = append(out, dir)
			if dir != "/" {
				out = append(out, strings.TrimSuffix(dir, "/"))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range slices.Clone(out) {
		if up := strings.ToUpper(p); up != p {
			out = append(out, up)
		}
	}
	out = append(out, "/no-such-page", "/nl/no-such-page", "/nlx", "/assets", "/assetsx.js",
		"/data", "/data/", "/data/workloads", "/index.html/", "/404.html/")
	slices.Sort(out)
	return slices.Compact(out)
}

// TestNetlifyResolver: Netlify's own config resolver (@netlify/config, the
// module `netlify build` and the Netlify CLI load netlify.toml with, run
// offline) reads the repository's netlify.toml the way build/netlify does:
//
//  1. it resolves the file with no warning (a header or redirect it cannot
//     parse is dropped with a warning, not an error);
//  2. every header rule and every redirect it resolves equals, rule for
//     rule and in order, the one build/netlify parsed — path, values,
//     status, force, conditions — and no redirect uses a field
//     build/netlify does not model (query, headers, signed, rate_limit);
//     the [build] settings are the same too;
//  3. for every file of the freshly built site (and the URLs around them,
//     see sitePaths), the header rules whose `for` matches by
//     @netlify/headers-parser's matcher are the rules build/netlify's
//     matcher picks, no header name is set by two of them (so how a host
//     merges same-named values cannot matter), and the value of every
//     header netlify.toml names is the one build/netlify's Handler serves
//     for that path — absent where Netlify's rules give none, but for
//     Content-Type, which any server sets from the extension.
//
// What is compared in 3 is the open-source matcher the Netlify CLI serves
// with; the CDN's own is not published.
func TestNetlifyResolver(t *testing.T) {
	cfgPath := filepath.Join(repoRoot, "netlify.toml")
	cfg, err := netlify.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	paths := sitePaths(t)
	res, err := NetlifyResolve(context.Background(), repoRoot, cfgPath, paths)
	if err != nil {
		t.Fatal(err)
	}
	v := res.Versions
	t.Logf("@netlify/config %s (headers-parser %s, redirect-parser %s) on node %s: %d header rules, %d redirects, %d paths",
		v.Config, v.HeadersParser, v.RedirectParser, v.Node, len(res.Config.Headers), len(res.Config.Redirects), len(paths))

	// 1. No warning.
	for _, l := range res.Logs {
		t.Errorf("Netlify's resolver: %s", strings.TrimSpace(l))
	}

	// The [build] settings.
	b := res.Config.Build
	if b.Command != cfg.Build.Command {
		t.Errorf("build.command: Netlify %q, build/netlify %q", b.Command, cfg.Build.Command)
	}
	if want := filepath.Join(repoRoot, cfg.Build.Publish); b.Publish != want {
		t.Errorf("build.publish: Netlify %q, build/netlify %q (%s)", b.Publish, cfg.Build.Publish, want)
	}
	if !maps.Equal(b.Environment, cfg.Build.Environment) {
		t.Errorf("build.environment: Netlify %v, build/netlify %v", b.Environment, cfg.Build.Environment)
	}

	// 2. Rule for rule.
	for _, r := range cfg.Headers {
		if metaInWildcardSegment(r.For) {
			t.Errorf("headers for %q: a segment with * and a regular-expression character, where headers-parser and build/netlify match differently (see build/netlify's package doc)", r.For)
		}
	}
	compareHeaderRules(t, res.Config.Headers, cfg.Headers)
	compareRedirects(t, res.Config.Redirects, cfg.Redirects)
	if t.Failed() {
		return // 3 compares by rule index, which means nothing when the rules differ
	}

	// 3. Every path: the same rules match, and the Handler serves their values.
	named := map[string]bool{} // every header name netlify.toml sets
	for _, r := range cfg.Headers {
		for name := range r.Values {
			named[http.CanonicalHeaderKey(name)] = true
		}
	}
	h := netlify.Handler(siteDir, cfg)
	files := 0
	for _, m := range res.Matches {
		if !sameRules(t, cfg, m) {
			continue
		}
		if len(m.Rules) == 0 {
			t.Errorf("%s: no header rule matches (not even /*): the security headers would be missing", m.Path)
		}
		setBy := map[string][]string{}
		for _, i := range m.Rules {
			for name := range cfg.Headers[i].Values {
				k := http.CanonicalHeaderKey(name)
				setBy[k] = append(setBy[k], cfg.Headers[i].For)
			}
		}
		for name, fors := range setBy {
			if len(fors) > 1 {
				t.Errorf("%s: %s is set by %d rules that match it (%s); hosts merge such values differently", m.Path, name, len(fors), strings.Join(fors, ", "))
			}
		}
		want := http.Header{}
		for name, val := range m.Headers {
			want.Set(name, val)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, m.Path, nil))
		if rec.Code == http.StatusOK {
			files++
		}
		for _, name := range slices.Sorted(maps.Keys(named)) {
			w, got := want.Values(name), rec.Header().Values(name)
			if len(w) == 0 && name == "Content-Type" {
				continue // the server's own, from the extension
			}
			if !slices.Equal(got, w) {
				t.Errorf("%s (status %d): %s: Netlify's rules give %q, build/netlify's Handler serves %q", m.Path, rec.Code, name, w, got)
			}
		}
	}
	if files == 0 {
		t.Error("no path was served with status 200: the comparison saw no file")
	}
	t.Logf("%d paths (%d served 200): header rules and served values agree with Netlify's", len(res.Matches), files)
}

// sameRules reports (as a test error) whether build/netlify's matcher picks
// the header rules for m.Path that Netlify's did.
func sameRules(t *testing.T, cfg *netlify.Config, m NetlifyMatch) bool {
	t.Helper()
	var goRules []int
	for i := range cfg.Headers {
		if cfg.Headers[i].Matches(m.Path) {
			goRules = append(goRules, i)
		}
	}
	if !slices.Equal(m.Rules, goRules) {
		t.Errorf("%s: Netlify's matcher picks header rules %s, build/netlify's %s", m.Path, forList(cfg, m.Rules), forList(cfg, goRules))
		return false
	}
	return true
}

// metaInWildcardSegment reports whether a `for` pattern has a segment with
// a * inside it and a character that a regular expression reads specially:
// headers-parser puts such a segment into its expression as written ("."
// matching any character), build/netlify reads it literally.
func metaInWildcardSegment(pattern string) bool {
	for _, seg := range strings.Split(pattern, "/") {
		if seg != "*" && strings.Contains(seg, "*") && strings.ContainsAny(strings.ReplaceAll(seg, "*", ""), `.+?()[]{}|^$\`) {
			return true
		}
	}
	return false
}

// compareHeaderRules reports every header rule that differs between
// Netlify's resolution and build/netlify's parse, in file order.
func compareHeaderRules(t *testing.T, nl []NetlifyHeaderRule, ours []netlify.HeaderRule) {
	t.Helper()
	for i := range max(len(nl), len(ours)) {
		switch {
		case i >= len(nl):
			t.Errorf("headers[%d] (for %q): build/netlify has it, Netlify resolved no such rule", i, ours[i].For)
		case i >= len(ours):
			t.Errorf("headers[%d] (for %q): Netlify resolved it, build/netlify has no such rule", i, nl[i].For)
		default:
			if nl[i].For != ours[i].For {
				t.Errorf("headers[%d]: for: Netlify %q, build/netlify %q", i, nl[i].For, ours[i].For)
			}
			if !maps.Equal(nl[i].Values, ours[i].Values) {
				t.Errorf("headers[%d] (for %q): values: Netlify %q, build/netlify %q", i, ours[i].For, nl[i].Values, ours[i].Values)
			}
		}
	}
}

// compareRedirects reports every redirect that differs between Netlify's
// resolution and build/netlify's parse, in file order.
func compareRedirects(t *testing.T, nl []NetlifyRedirect, ours []netlify.Redirect) {
	t.Helper()
	for i := range max(len(nl), len(ours)) {
		if i >= len(nl) {
			t.Errorf("redirects[%d] (from %q): build/netlify has it, Netlify resolved no such rule", i, ours[i].From)
			continue
		}
		if i >= len(ours) {
			t.Errorf("redirects[%d] (from %q): Netlify resolved it, build/netlify has no such rule", i, nl[i].From)
			continue
		}
		n, o := nl[i], ours[i]
		status := http.StatusMovedPermanently // Netlify leaves it out when the file does; its default
		if n.Status != nil {
			status = *n.Status
		}
		if n.From != o.From || n.To != o.To || status != o.Status || n.Force != o.Force {
			t.Errorf("redirects[%d]: Netlify from %q to %q status %d force %v; build/netlify from %q to %q status %d force %v",
				i, n.From, n.To, status, n.Force, o.From, o.To, o.Status, o.Force)
		}
		if !equalConditions(n.Conditions, o.Conditions) {
			t.Errorf("redirects[%d] (from %q): conditions: Netlify %v, build/netlify %v", i, o.From, n.Conditions, o.Conditions)
		}
		if len(n.Query) > 0 || len(n.Headers) > 0 || n.Signed != "" || len(n.RateLimit) > 0 && string(n.RateLimit) != "null" {
			t.Errorf("redirects[%d] (from %q): Netlify resolved query %v, headers %v, signed %q, rate_limit %s, which build/netlify does not serve",
				i, o.From, n.Query, n.Headers, n.Signed, n.RateLimit)
		}
	}
}

// equalConditions compares two condition maps; no conditions and an empty
// map are the same.
func equalConditions(a, b map[string][]string) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

// forList names header rules by their `for`, for a message.
func forList(cfg *netlify.Config, idx []int) string {
	var out []string
	for _, i := range idx {
		out = append(out, cfg.Headers[i].For)
	}
	return "[" + strings.Join(out, " ") + "]"
}

// variantPaths are URL paths to match testdata/variants.toml's header rules
// on: each pattern kind's edges (the optional slash before a wildcard, a
// placeholder's one segment, case, trailing slashes).
var variantPaths = []string{
	"/", "/spaced", "/spaced/", "/spaced/x", "/spacedx", "/SPACED/X/Y", "/spaced//x",
	"/nl/workloads/sql/", "/nl/workloads/sql", "/nl/workloads/", "/nl/workloads/a/b/", "/x/workloads/y",
	"/files/report/x", "/files/report-2024/x", "/files/reportx/x/", "/files/report/a/x", "/files/repor/x",
	"/mixed/case", "/MIXED/CASE/", "/Mixed/Case/x",
	"/deep", "/deep/", "/deep/a/b/c.json", "/deeper", "/a/deep/",
	"/lang", "/old/1", "/cookie", "/app/x",
}

// TestNetlifyResolverVariants: build/netlify/testdata/variants.toml —
// netlify.toml written the ways Netlify's parsers normalize (spaced `for`,
// spaced and multi-line values, a lower-case condition) and with every
// pattern kind build/netlify reads — is read by Netlify's resolver and by
// build/netlify alike: no warning, the same rules, and on every path of
// variantPaths the same matching rules and the same headers.
func TestNetlifyResolverVariants(t *testing.T) {
	path := filepath.Join(repoRoot, "build", "netlify", "testdata", "variants.toml")
	cfg, err := netlify.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := NetlifyResolve(context.Background(), repoRoot, path, variantPaths)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range res.Logs {
		t.Errorf("Netlify's resolver: %s", strings.TrimSpace(l))
	}
	compareHeaderRules(t, res.Config.Headers, cfg.Headers)
	compareRedirects(t, res.Config.Redirects, cfg.Redirects)
	if t.Failed() {
		return
	}
	matched := 0
	for _, m := range res.Matches {
		if !sameRules(t, cfg, m) {
			continue
		}
		matched += len(m.Rules)
		want := http.Header{}
		for name, v := range m.Headers {
			want.Set(name, v)
		}
		if got := cfg.HeadersFor(m.Path); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Netlify's rules give %v, build/netlify's %v", m.Path, want, got)
		}
	}
	if matched == 0 {
		t.Error("no path matched any rule: the comparison compared nothing")
	}
	t.Logf("%d rules, %d redirects, %d paths (%d rule matches): read alike", len(cfg.Headers), len(cfg.Redirects), len(res.Matches), matched)
}

// TestNetlifyResolverWarns: the canary of part 1 of TestNetlifyResolver —
// a file with a header and a redirect Netlify cannot parse resolves (Netlify
// drops them) with a warning for each, and NetlifyResolve returns those
// warnings; a run that returned none would mean a warning-free file proves
// nothing.
func TestNetlifyResolverWarns(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "netlify.toml")
	text := "[[headers]]\nfor = \"/a\"\nvalues = \"not a table\"\n\n" +
		"[[redirects]]\nfrom = \"/b\"\nto = \"/c\"\nstatus = \"abc\"\n"
	if err := os.WriteFile(bad, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := NetlifyResolve(context.Background(), repoRoot, bad, []string{"/a"})
	if err != nil {
		t.Fatal(err)
	}
	logs := strings.Join(res.Logs, "\n")
	for _, want := range []string{"headers have syntax errors", "redirects have syntax errors", "Invalid status code"} {
		if !strings.Contains(logs, want) {
			t.Errorf("Netlify's warnings lack %q: %q", want, logs)
		}
	}
	if len(res.Config.Headers) != 0 || len(res.Config.Redirects) != 0 {
		t.Errorf("Netlify kept %d headers and %d redirects of the bad file", len(res.Config.Headers), len(res.Config.Redirects))
	}
	if _, err := netlify.Load(bad); err == nil {
		t.Error("build/netlify loads a file Netlify warns about")
	}
}
