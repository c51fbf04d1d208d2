package e2e

import (
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/mabs-matrix/matrixdoc/build/netlify"
)

// htmlPages lists the URL paths of the built site's HTML pages (a folder's
// index.html as the folder), the offline download excluded.
func htmlPages(t *testing.T) []string {
	t.Helper()
	return htmlPagesIn(t, siteDir)
}

// htmlPagesIn is htmlPages for the site built in dir.
func htmlPagesIn(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		u := "/" + filepath.ToSlash(rel)
		if strings.HasPrefix(u, "/downloads/") {
			return nil
		}
		out = append(out, strings.TrimSuffix(u, "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEveryPageClean opens every page of the site in the browser: the tab
// fails the test on a console error, an exception, a CSP violation or a
// request to another origin.
func TestEveryPageClean(t *testing.T) {
	pages := htmlPages(t)
	if len(pages) < 2+2*len(model.Workloads) {
		t.Errorf("only %d pages: %v", len(pages), pages)
	}
	tb := newTab(t)
	for _, p := range pages {
		tb.open(origin + p)
		var icon bool
		tb.eval(`!!document.querySelector("link[rel~=icon]")`, &icon)
		if !icon {
			t.Errorf("%s declares no icon (<link rel=icon>): browsers then request /favicon.ico, a 404", p)
		}
		if p == "/" || p == "/index.html" {
			// The language picker sends the reader on.
			tb.wait(`location.pathname !== "/" && location.pathname !== "/index.html"`)
			tb.wait(`document.readyState === "complete"`)
		}
	}
	// The bare domain goes by Accept-Language (netlify.toml's redirect).
	tb.open(origin + "/")
	if got := tb.str("location.pathname"); got != "/"+model.DefaultLocale+"/" {
		t.Errorf("/ with a Dutch browser lands on %s", got)
	}
	// A miss anywhere gets the 404 page, styled and working: it is served
	// at the missed URL, so its links must not be relative to /.
	tb.openMiss(origin + "/no/such/page/")
	var styled bool
	tb.eval(`getComputedStyle(document.body).marginTop === "0px"`, &styled)
	if !styled {
		t.Errorf("the 404 page at /no/such/page/ has no stylesheet")
	}
	if got := tb.str(`document.querySelector("h1") ? document.querySelector("h1").textContent : ""`); got == "" {
		t.Errorf("the 404 page has no heading")
	}
}

var hashedName = regexp.MustCompile(`-[0-9A-Za-z_]{6,}\.(js|css)$`)

// TestHeadersOnEveryFile fetches every built file through the server and
// checks the hosting rules that matter for it; no header may come from two
// netlify.toml rules.
func TestHeadersOnEveryFile(t *testing.T) {
	cfg, err := netlify.Load(filepath.Join(repoRoot, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = filepath.WalkDir(siteDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(siteDir, p)
		u := "/" + filepath.ToSlash(rel)
		urls := []string{u}
		if path.Base(u) == "index.html" {
			urls = append(urls, strings.TrimSuffix(u, "index.html"))
		}
		for _, u := range urls {
			n++
			if o := cfg.Overlaps(u); len(o) > 0 {
				t.Errorf("%s: set by more than one netlify.toml rule: %v", u, o)
			}
			res, err := http.Get(origin + u)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			h := res.Header
			if u == "/" {
				continue // redirected by language; checked in build/netlify
			}
			if res.StatusCode != 200 {
				t.Errorf("%s: status %d", u, res.StatusCode)
			}
			if !strings.HasPrefix(h.Get("Content-Security-Policy"), "default-src 'self'") || h.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("%s: security headers missing: %v", u, h)
			}
			cc := h.Get("Cache-Control")
			switch {
			case strings.HasPrefix(u, "/assets/") && hashedName.MatchString(u):
				if !strings.Contains(cc, "immutable") {
					t.Errorf("%s: hashed asset with Cache-Control %q", u, cc)
				}
			case strings.HasPrefix(u, "/assets/"):
				t.Errorf("%s: an asset without a content hash in its name would be cached for a year", u)
			case strings.HasSuffix(u, ".html") || strings.HasSuffix(u, "/"):
				if !strings.Contains(cc, "max-age=0") {
					t.Errorf("%s: HTML with Cache-Control %q", u, cc)
				}
			}
			if strings.HasPrefix(u, "/data/") && h.Get("Access-Control-Allow-Origin") != "*" {
				t.Errorf("%s: no CORS header", u)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d URLs checked", n)
}

// screenshotDir is the repository's testoutput/screenshots (git-ignored).
func screenshotDir(t *testing.T) string {
	dir := filepath.Join(repoRoot, "testoutput", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestScreenshots writes what a reviewer looks at: desktop nl and en, mobile
// (390 px) and dark, the matrix and a workload page.
func TestScreenshots(t *testing.T) {
	dir := screenshotDir(t)
	wl := model.Workloads[0].ID
	shots := []struct {
		name, path, scheme string // a name starting with 404 is a miss
		width, height      int64
		mobile             bool
		scroll             string // element to scroll to first
	}{
		{"desktop-nl", "/nl/", "light", 1280, 900, false, ""},
		{"desktop-en", "/en/", "light", 1280, 900, false, ""},
		{"desktop-nl-workload", "/nl/workloads/" + wl + "/", "light", 1280, 900, false, ""},
		{"desktop-nl-search", "/nl/#q=sql+2014", "light", 1280, 900, false, ""},
		{"desktop-en-answer", "/en/#q=sql+2014+vmware", "light", 1280, 900, false, "[data-answer]"},
		{"desktop-en-typo", "/en/#q=sharpoint+2013", "light", 1280, 900, false, "[data-count]"},
		{"desktop-en-empty", "/en/#q=sql+sharpxint", "light", 1280, 900, false, "[data-count]"},
		{"mobile-nl", "/nl/", "light", 390, 844, true, ""},
		{"mobile-nl-cards", "/nl/", "light", 390, 844, true, "table.matrix tbody"},
		{"mobile-en-workload", "/en/workloads/" + wl + "/", "light", 390, 844, true, "table.grid"},
		{"dark-nl", "/nl/", "dark", 1280, 900, false, ""},
		{"dark-en-table", "/en/", "dark", 1280, 900, false, "table.matrix"},
		{"dark-en-workload", "/en/workloads/" + wl + "/", "dark", 1280, 900, false, ""},
		{"dark-mobile-en", "/en/", "dark", 390, 844, true, "table.matrix tbody"},
		{"404-en", "/en/nope/", "light", 1280, 900, false, ""},
	}
	for _, s := range shots {
		t.Run(s.name, func(t *testing.T) {
			tb := newTab(t)
			var opts []chromedp.EmulateViewportOption
			if s.mobile {
				opts = append(opts, chromedp.EmulateScale(2), chromedp.EmulateMobile)
			}
			tb.run(chromedp.EmulateViewport(s.width, s.height, opts...), colorScheme(s.scheme))
			if strings.HasPrefix(s.name, "404") {
				tb.openMiss(origin + s.path)
			} else {
				tb.open(origin + s.path)
			}
			if s.scroll != "" {
				tb.eval(`document.querySelector(`+js(s.scroll)+`).scrollIntoView(); true`, nil)
			}
			if s.mobile {
				// Nothing may stick out sideways on a phone.
				var wide []string
				// Compared with the device width: a mobile layout viewport grows
				// to fit content that is too wide, so innerWidth would hide it.
				tb.eval(`Array.from(document.querySelectorAll("body *")).filter((e) => {
				  const r = e.getBoundingClientRect(); return r.width > 0 && r.right > `+fmt.Sprint(s.width)+` + 1 && !e.closest(".grid, .vh, .skip");
				}).slice(0, 5).map((e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.name ? "[name=" + e.name + "]" : ""))`, &wide)
				if len(wide) > 0 {
					t.Errorf("at %dpx these stick out of the viewport: %v", s.width, wide)
				}
			}
			var png []byte
			tb.run(chromedp.CaptureScreenshot(&png))
			if len(png) == 0 {
				t.Fatal("empty screenshot")
			}
			if err := os.WriteFile(filepath.Join(dir, s.name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}
