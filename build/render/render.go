// Package render turns the compiled matrix into the site's pages.
//
// Input: an Input — the *matrix.Model, the UI strings of every locale (flat
// key → text, from content/<locale>/strings.yaml), the html/template files
// (templates/), the bundled assets (package bundle) and the site's BaseURL.
//
// Output: Site returns every file it renders, path (slash-separated,
// relative to the output root) → bytes:
//
//	index.html                                   language picker
//	<loc>/index.html                             the matrix
//	<loc>/workloads/<workload-id>/index.html     one page per workload
//	404.html, sitemap.xml, robots.txt
//	downloads/mabs-protection-matrix.html        the offline single file
//	assets/main-<hash>.js, assets/main-<hash>.css (copied from Input.Assets)
//	icon-<hash>.svg                              the favicon
//
// The data files (DataPath, SchemaPath, CSVPath) are written by package site;
// the pages only link to them.
//
// Invariants:
//   - every internal link is relative, so the output works opened from disk
//     (404.html alone sets <base href="/">: the host serves it at any missed
//     URL, where links relative to the page would point nowhere);
//   - hosted pages carry no inline script or style (a strict CSP applies);
//     their only inline <script> is type="application/json" data. Only the
//     offline file inlines its CSS and JS;
//   - user text goes through html/template escaping; the one exception is the
//     section prose, which package source already sanitized;
//   - a string key missing in a locale is an error naming the key and file;
//   - output is a pure function of the Input: pages render in parallel but
//     are assembled by path.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mabs-matrix/matrixdoc/build/bundle"
	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// Paths of files other stages write that the pages link to.
const (
	DataPath     = "data/matrix.json"
	SchemaPath   = "data/matrix.schema.json"
	CSVPath      = "data/matrix.csv"
	DownloadPath = "downloads/mabs-protection-matrix.html"
)

// Input is what Site renders from.
type Input struct {
	Model *matrix.Model
	// Strings maps locale → key → text (source.Content.Strings).
	Strings map[string]map[string]string
	// StringsFile maps locale → the file the strings came from, for error
	// messages; "content/<locale>/strings.yaml" when absent.
	StringsFile map[string]string
	Templates   fs.FS
	Assets      *bundle.Assets
	// BaseURL is the absolute URL the site is served from (canonical URLs,
	// hreflang alternates, sitemap).
	BaseURL string
}

// job renders one output file.
type job struct {
	path string
	run  func() ([]byte, error)
}

// Site renders every page of the site. It fails on the first template or
// strings error; nothing is partial.
func Site(in Input) (map[string][]byte, error) {
	m := in.Model
	if m == nil || len(m.Locales) == 0 {
		return nil, fmt.Errorf("render: the model has no locales")
	}
	if in.Assets == nil {
		return nil, fmt.Errorf("render: no bundled assets")
	}
	if in.BaseURL == "" {
		return nil, fmt.Errorf("render: BaseURL is empty (set baseURL in site.yaml)")
	}
	base := strings.TrimSuffix(in.BaseURL, "/") + "/"
	strs := map[string]*Strings{}
	for _, loc := range m.Locales {
		file := in.StringsFile[loc]
		if file == "" {
			file = "content/" + loc + "/strings.yaml"
		}
		if in.Strings[loc] == nil {
			return nil, fmt.Errorf("%s: no strings for locale %s", file, loc)
		}
		strs[loc] = newStrings(loc, file, in.Strings[loc])
	}
	if err := checkSameKeys(m.Locales, strs); err != nil {
		return nil, err
	}
	tpl, err := parseTemplates(in.Templates)
	if err != nil {
		return nil, err
	}

	// Views per locale, hosted and offline, built in parallel.
	chunks := &chunkStore{}
	hosted := make([]*localeView, len(m.Locales))
	offline := make([]*localeView, len(m.Locales))
	var wg sync.WaitGroup
	for i, loc := range m.Locales {
		wg.Add(2)
		go func() { defer wg.Done(); hosted[i] = buildLocale(m, loc, strs[loc], mode{locale: loc, chunks: chunks}) }()
		go func() {
			defer wg.Done()
			offline[i] = buildLocale(m, loc, strs[loc], mode{offline: true, locale: loc, chunks: chunks})
		}()
	}
	wg.Wait()
	for _, loc := range m.Locales {
		if err := strs[loc].err(); err != nil {
			return nil, err
		}
	}

	r := &renderer{in: in, m: m, base: base, strs: strs, tpl: tpl, min: bundle.NewMinifier(), chunks: chunks}
	if err := r.makeIcon(); err != nil {
		return nil, err
	}
	var jobs []job
	jobs = append(jobs, r.pickerJob(), r.notFoundJob(), r.offlineJob(offline))
	for _, lv := range hosted {
		jobs = append(jobs, r.matrixJob(lv))
		for _, wv := range lv.Workloads {
			jobs = append(jobs, r.workloadJob(lv, wv))
		}
	}
	out, err := runJobs(jobs)
	if err != nil {
		return nil, err
	}
	out["sitemap.xml"], err = r.sitemap()
	if err != nil {
		return nil, err
	}
	out["robots.txt"] = []byte("User-agent: *\nAllow: /\nSitemap: " + base + "sitemap.xml\n")
	for p, b := range in.Assets.Files() {
		out[p] = b
	}
	out[r.iconPath] = r.icon
	return out, nil
}

// runJobs runs jobs on a pool of GOMAXPROCS workers. Results are stored by
// index, so the assembled map does not depend on scheduling; the error
// reported is the first by job order.
func runJobs(jobs []job) (map[string][]byte, error) {
	res := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(jobs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res[i], errs[i] = jobs[i].run()
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	out := make(map[string][]byte, len(jobs)+4)
	for i, j := range jobs {
		if errs[i] != nil {
			return nil, fmt.Errorf("render %s: %w", j.path, errs[i])
		}
		out[j.path] = res[i]
	}
	return out, nil
}

// pageFiles are the template files each page kind is parsed from, after the
// shared layout.html and partials.html.
var pageFiles = []string{"matrix.html", "workload.html", "picker.html", "404.html", "offline.html"}

func parseTemplates(fsys fs.FS) (map[string]*template.Template, error) {
	if fsys == nil {
		return nil, fmt.Errorf("render: no templates")
	}
	out := map[string]*template.Template{}
	for _, f := range pageFiles {
		t, err := template.New(f).Funcs(funcs).ParseFS(fsys, "layout.html", "partials.html", f)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		out[f] = t
	}
	return out, nil
}

var funcs = template.FuncMap{
	// add is for 1-based counters in templates.
	"add": func(a, b int) int { return a + b },
}

type renderer struct {
	in   Input
	m    *matrix.Model
	base string
	strs map[string]*Strings
	tpl  map[string]*template.Template
	min  *bundle.Minifier
	// chunks are the pre-written rows that exec splices in after minifying.
	chunks *chunkStore
	// icon is the site's favicon (declared on every page, so browsers do not
	// ask for a missing /favicon.ico) and iconPath its hashed output path.
	icon     []byte
	iconPath string
}

// iconSVG is the favicon: a table glyph in the site's link colour.
const iconSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="1" y="2" width="14" height="12" rx="2" fill="#0b57c2"/><path d="M1 6h14M1 10h14M6 2v12" stroke="#fff" stroke-width="1.2"/></svg>`

func (r *renderer) makeIcon() error {
	b, err := r.min.Bytes(bundle.SVG, []byte(iconSVG))
	if err != nil {
		return err
	}
	sum := sha256.Sum256(b)
	// At the root, not under assets/: the host caches assets/ for a year
	// and recognises only hashed .js and .css there.
	r.icon, r.iconPath = b, "icon-"+strings.ToUpper(hex.EncodeToString(sum[:4]))+".svg"
	return nil
}

func (r *renderer) exec(name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := r.tpl[name].ExecuteTemplate(&b, name, data); err != nil {
		return nil, err
	}
	small, err := r.min.Bytes(bundle.HTML, b.Bytes())
	if err != nil {
		return nil, err
	}
	return r.chunks.expand(small), nil
}

// sitemap lists every locale's pages with their hreflang alternates.
func (r *renderer) sitemap() ([]byte, error) {
	type link struct {
		Rel      string `xml:"rel,attr"`
		Hreflang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	}
	type u struct {
		Loc   string `xml:"loc"`
		Last  string `xml:"lastmod,omitempty"`
		Links []link `xml:"xhtml:link"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		XHTML   string   `xml:"xmlns:xhtml,attr"`
		URLs    []u      `xml:"url"`
	}
	paths := []string{""}
	for _, w := range r.m.Workloads {
		paths = append(paths, "workloads/"+w.ID+"/")
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, loc := range r.m.Locales {
		for _, p := range paths {
			e := u{Loc: r.base + loc + "/" + p, Last: r.m.Source.Date}
			for _, a := range r.alternates(p) {
				e.Links = append(e.Links, link{"alternate", a.Hreflang, a.Href})
			}
			set.URLs = append(set.URLs, e)
		}
	}
	b, err := xml.MarshalIndent(set, "", " ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}

type alternate struct{ Hreflang, Href string }

// alternates are the hreflang links of the page at <loc>/rel in every
// locale, then x-default (the language picker for the matrix, the default
// locale's page otherwise).
func (r *renderer) alternates(rel string) []alternate {
	var out []alternate
	for _, loc := range r.m.Locales {
		out = append(out, alternate{loc, r.base + loc + "/" + rel})
	}
	def := r.base
	if rel != "" {
		def = r.base + r.m.DefaultLocale + "/" + rel
	}
	return append(out, alternate{"x-default", def})
}

func itoa(n int) string { return strconv.Itoa(n) }

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
