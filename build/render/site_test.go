package render

import (
	"bytes"
	"compress/gzip"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// inputs are the models every site-wide test runs over: the hand-written
// fixture and the real seed compiled by the source and matrix stages.
var inputs = []struct {
	name string
	in   func(testing.TB) Input
}{
	{"fixture", fixtureInput},
	{"seed", realInput},
}

// hosted reports whether p is a page served as part of the site (the
// offline download has its own rules).
func hosted(p string) bool { return strings.HasSuffix(p, ".html") && p != DownloadPath }

// providedBySite are files package site writes next to ours.
var providedBySite = map[string]bool{DataPath: true, SchemaPath: true, CSVPath: true}

func TestPagesExist(t *testing.T) {
	for _, tc := range inputs {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in(t)
			out, err := Site(in)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"index.html", "404.html", "sitemap.xml", "robots.txt", DownloadPath, in.Assets.JSPath, in.Assets.CSSPath}
			for p := range out {
				if strings.HasPrefix(p, "icon-") && strings.HasSuffix(p, ".svg") {
					want = append(want, p)
				}
			}
			for _, loc := range in.Model.Locales {
				want = append(want, loc+"/index.html")
				for _, w := range in.Model.Workloads {
					want = append(want, loc+"/workloads/"+w.ID+"/index.html")
				}
			}
			for _, p := range want {
				if _, ok := out[p]; !ok {
					t.Errorf("missing %s", p)
				}
			}
			if len(out) != len(want) {
				t.Errorf("got %d files, want %d: %v", len(out), len(want), sortedKeys(out))
			}
		})
	}
}

// Every relative link, stylesheet and script resolves to an output file (or
// a data file package site writes), and every #anchor to an id in it.
func TestLinksResolve(t *testing.T) {
	for _, tc := range inputs {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Site(tc.in(t))
			if err != nil {
				t.Fatal(err)
			}
			docs := parseAll(t, out)
			checked := 0
			for _, p := range sortedKeys(docs) {
				d := docs[p]
				for id, n := range d.ids {
					if n > 1 {
						t.Errorf("%s: id %q used %d times", p, id, n)
					}
				}
				for _, el := range elements(d.root, "") {
					ref, ok := attr(el, "href")
					if !ok {
						ref, ok = attr(el, "src")
					}
					if !ok || el.Data == "base" || (el.Data == "link" && !isStylesheet(el) && !isIcon(el)) {
						continue
					}
					u, err := url.Parse(ref)
					if err != nil {
						t.Errorf("%s: bad URL %q: %v", p, ref, err)
						continue
					}
					if u.Scheme != "" || u.Host != "" {
						if u.Host == "mabs-matrix.netlify.app" {
							t.Errorf("%s: internal link %q is absolute", p, ref)
						}
						continue
					}
					if strings.HasPrefix(u.Path, "/") {
						t.Errorf("%s: link %q is root-relative, not relative", p, ref)
						continue
					}
					target := p
					if u.Path != "" {
						target = path.Join(path.Dir(p), u.Path)
						if strings.HasSuffix(u.Path, "/") {
							target += "/index.html"
						}
					}
					checked++
					if providedBySite[target] {
						continue
					}
					if _, ok := out[target]; !ok {
						t.Errorf("%s: link %q: no file %s", p, ref, target)
						continue
					}
					frag := u.Fragment
					if frag == "" || strings.Contains(frag, "=") {
						continue // no anchor, or filter state read by the script
					}
					td := docs[target]
					if td == nil || td.ids[frag] == 0 {
						t.Errorf("%s: link %q: no id %q in %s", p, ref, frag, target)
					}
				}
			}
			if checked < 20 {
				t.Errorf("only %d links checked; the walk is broken", checked)
			}
		})
	}
}

func isStylesheet(n *html.Node) bool { v, _ := attr(n, "rel"); return v == "stylesheet" }

func isIcon(n *html.Node) bool { v, _ := attr(n, "rel"); return v == "icon" }

// Every hosted page has <html lang>, a canonical URL under BaseURL, and an
// hreflang alternate per locale plus x-default.
func TestLangHreflangCanonical(t *testing.T) {
	for _, tc := range inputs {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in(t)
			out, err := Site(in)
			if err != nil {
				t.Fatal(err)
			}
			for p, d := range parseAll(t, out) {
				htmlEl := elements(d.root, "html")[0]
				lang, _ := attr(htmlEl, "lang")
				if !hosted(p) {
					if lang == "" {
						t.Errorf("%s: no <html lang>", p)
					}
					continue
				}
				if want := pageLocale(p, in.Model); lang != want {
					t.Errorf("%s: <html lang=%q>, want %q", p, lang, want)
				}
				var canon []string
				langs := map[string]bool{}
				for _, l := range elements(d.root, "link") {
					rel, _ := attr(l, "rel")
					href, _ := attr(l, "href")
					switch rel {
					case "canonical":
						canon = append(canon, href)
					case "alternate":
						hl, _ := attr(l, "hreflang")
						langs[hl] = true
						if !strings.HasPrefix(href, in.BaseURL) {
							t.Errorf("%s: alternate %s %q not under %s", p, hl, href, in.BaseURL)
						}
					}
				}
				if len(canon) != 1 || !strings.HasPrefix(canon[0], in.BaseURL) {
					t.Errorf("%s: canonical %q, want one URL under %s", p, canon, in.BaseURL)
				}
				for _, loc := range append(append([]string(nil), in.Model.Locales...), "x-default") {
					if !langs[loc] {
						t.Errorf("%s: no hreflang alternate for %s", p, loc)
					}
				}
				if len(elements(d.root, "title")) != 1 || text(elements(d.root, "title")[0]) == "" {
					t.Errorf("%s: no title", p)
				}
			}
		})
	}
}

// pageLocale is the locale a page is in: its first path segment, or the
// default locale for the root pages.
func pageLocale(p string, m *matrix.Model) string {
	first, _, _ := strings.Cut(p, "/")
	for _, loc := range m.Locales {
		if first == loc {
			return loc
		}
	}
	return m.DefaultLocale
}

// Hosted pages run under default-src 'self': no inline script except JSON
// data, no <style>, no style or on* attributes. The offline file is the one
// exception, and must inline everything instead.
func TestNoInlineScriptOrStyle(t *testing.T) {
	out := renderFixture(t)
	for p, d := range parseAll(t, out) {
		for _, el := range elements(d.root, "") {
			for _, a := range el.Attr {
				if hosted(p) && (a.Key == "style" || strings.HasPrefix(a.Key, "on")) {
					t.Errorf("%s: <%s %s=…> is inline script/style", p, el.Data, a.Key)
				}
			}
			switch el.Data {
			case "style":
				if hosted(p) {
					t.Errorf("%s: <style> on a hosted page", p)
				}
			case "script":
				typ, _ := attr(el, "type")
				src := hasAttr(el, "src")
				if !hosted(p) {
					if src {
						t.Errorf("%s: offline file loads a script: %v", p, el.Attr)
					}
					continue
				}
				if !src && typ != "application/json" {
					t.Errorf("%s: inline <script type=%q>", p, typ)
				}
				if src && strings.TrimSpace(text(el)) != "" {
					t.Errorf("%s: script with src has content", p)
				}
			case "link", "img", "iframe":
				if !hosted(p) {
					if h, _ := attr(el, "href"); el.Data == "link" && !strings.HasPrefix(h, "data:") {
						t.Errorf("%s: offline file links %q", p, h)
					}
				}
			}
		}
	}
	off := parseDoc(t, DownloadPath, out[DownloadPath])
	if len(elements(off.root, "style")) != 1 {
		t.Errorf("offline file: want its CSS in one <style>")
	}
}

// placeholder matches {name} in a string value.
var placeholder = regexp.MustCompile(`\{[a-z]+\}`)

// No UI string of another locale shows on a page, where the two locales'
// texts for the key differ (and the text is not also this locale's word).
func TestNoForeignUIStrings(t *testing.T) {
	for _, tc := range inputs {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in(t)
			out, err := Site(in)
			if err != nil {
				t.Fatal(err)
			}
			docs := parseAll(t, out)
			pages := 0
			for _, loc := range in.Model.Locales {
				own := map[string]bool{}
				for _, v := range in.Strings[loc] {
					own[v] = true
				}
				var foreign []*regexp.Regexp
				for _, other := range in.Model.Locales {
					if other == loc {
						continue
					}
					for _, k := range sortedKeys(in.Strings[other]) {
						v := in.Strings[other][k]
						if v == in.Strings[loc][k] || own[v] {
							continue
						}
						for _, part := range placeholder.Split(v, -1) {
							part = strings.TrimSpace(part)
							if len([]rune(part)) < 4 {
								continue
							}
							foreign = append(foreign, regexp.MustCompile(`(^|[^\pL\pN])`+regexp.QuoteMeta(part)+`($|[^\pL\pN])`))
						}
					}
				}
				for p, d := range docs {
					if !strings.HasPrefix(p, loc+"/") {
						continue
					}
					pages++
					txt := visibleText(d.root)
					for _, re := range foreign {
						if re.MatchString(txt) {
							t.Errorf("%s: shows another locale's UI text %s", p, re)
						}
					}
				}
			}
			if pages == 0 {
				t.Fatal("no locale pages checked")
			}
		})
	}
}

func gz(t testing.TB, b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return buf.Len()
}

// Page weight of the seed: the matrix page and everything it loads (HTML
// with its inline JSON data, CSS, JS) at most 35 KB gzip-compressed; the
// offline file at most 120 KB.
func TestPageWeightBudget(t *testing.T) {
	in := realInput(t)
	out, err := Site(in)
	if err != nil {
		t.Fatal(err)
	}
	const matrixBudget, offlineBudget = 35 << 10, 120 << 10
	css, js := gz(t, out[in.Assets.CSSPath]), gz(t, out[in.Assets.JSPath])
	for _, loc := range in.Model.Locales {
		p := loc + "/index.html"
		h := gz(t, out[p])
		total := h + css + js
		t.Logf("%s: html %d + css %d + js %d = %d bytes gzip (budget %d)", p, h, css, js, total, matrixBudget)
		if total > matrixBudget {
			t.Errorf("%s: %d bytes gzip, over the %d budget", p, total, matrixBudget)
		}
	}
	off := gz(t, out[DownloadPath])
	t.Logf("%s: %d bytes raw, %d bytes gzip (budget %d)", DownloadPath, len(out[DownloadPath]), off, offlineBudget)
	if off > offlineBudget {
		t.Errorf("%s: %d bytes gzip, over the %d budget", DownloadPath, off, offlineBudget)
	}
}

func TestDeterministic(t *testing.T) {
	a, b := renderFixture(t), renderFixture(t)
	if len(a) != len(b) {
		t.Fatalf("file counts differ: %d vs %d", len(a), len(b))
	}
	var diff []string
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			diff = append(diff, p)
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Errorf("two renders differ in %v", diff)
	}
}
