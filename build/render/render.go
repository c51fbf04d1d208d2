// Package render turns the compiled matrix into the site's pages.
//
// Input: an Input — the *matrix.Model, the UI strings of every locale (flat
// key → text, from content/<locale>/strings.yaml), the html/template files
// (templates/), the bundled assets (package bundle) and the site's BaseURL.
//
// Output: Stream hands every file it renders to an Emit callback as soon
// as it is made (Site collects them into a map), path (slash-separated,
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
//   - every internal link is relative (404.html alone sets <base href="/">:
//     the host serves it at any missed URL, where links relative to the page
//     would point nowhere), and a link to a page names its folder, as the
//     canonical URL does ("../nl/", "workloads/sql-server/"): the host serves
//     the folder's index.html. (Opened from disk a folder link shows the
//     folder; the offline single file is the copy meant for disk.)
//   - hosted pages carry no inline script or style (a strict CSP applies);
//     their only inline <script> is type="application/json" data. Only the
//     offline file inlines its CSS and JS;
//   - user text goes through html/template escaping; the one exception is the
//     section prose, which package source already sanitized;
//   - a string key missing in a locale is an error naming the key and file;
//   - output is a pure function of the Input: pages render in parallel on a
//     bounded pool; each file's bytes do not depend on scheduling (only the
//     order of Emit calls does);
//   - memory is the model, the views and the pages in flight: a page is
//     dropped once emitted.
package render

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mabs-matrix/matrixdoc/build/bundle"
	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/search"
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
	// Meta maps locale → what its document's front matter says about the
	// pages (title.go). A locale without an entry has no front-matter title
	// and no machine-translation notice.
	Meta map[string]Meta
}

// job renders one output file: run does the template work and returns
// the body, which writes the page (and its large parts) out.
type job struct {
	path string
	run  func() (Body, error)
}

// Body writes one file's bytes to w.
type Body func(w io.Writer) error

// bytesBody is the Body of a file already in memory.
func bytesBody(b []byte) Body {
	return func(w io.Writer) error { _, err := w.Write(b); return err }
}

// Emit receives one finished file: body writes its bytes (call it once).
// Stream calls Emit from several goroutines at once, for different paths.
// An error stops the rendering; Stream returns it.
type Emit func(path string, body Body) error

// Site renders every file of the site into a map (for tests and callers
// that want the whole site in memory). A path emitted twice is an error.
func Site(in Input) (map[string][]byte, error) {
	var mu sync.Mutex
	out := map[string][]byte{}
	err := Stream(in, func(p string, body Body) error {
		var b bytes.Buffer
		if err := body(&b); err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		if _, dup := out[p]; dup {
			return fmt.Errorf("render: %s written twice", p)
		}
		out[p] = b.Bytes()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Stream renders every file of the site and emits each as soon as it is
// made. It fails on the first template, strings or emit error; files
// emitted before the error are the caller's to discard.
func Stream(in Input, emit Emit) error {
	m := in.Model
	if m == nil || len(m.Locales) == 0 {
		return fmt.Errorf("render: the model has no locales")
	}
	if in.Assets == nil {
		return fmt.Errorf("render: no bundled assets")
	}
	if in.BaseURL == "" {
		return fmt.Errorf("render: BaseURL is empty (set baseURL in site.yaml)")
	}
	base := strings.TrimSuffix(in.BaseURL, "/") + "/"
	strs := map[string]*Strings{}
	for _, loc := range m.Locales {
		file := in.StringsFile[loc]
		if file == "" {
			file = "content/" + loc + "/strings.yaml"
		}
		if in.Strings[loc] == nil {
			return fmt.Errorf("%s: no strings for locale %s", file, loc)
		}
		strs[loc] = newStrings(loc, file, in.Strings[loc])
	}
	if err := checkSameKeys(m.Locales, strs); err != nil {
		return err
	}
	tpl, err := parseTemplates(in.Templates)
	if err != nil {
		return err
	}

	// Views per locale, hosted and offline, built in parallel.
	use := facetUsage(m)
	hosted := make([]*localeView, len(m.Locales))
	offline := make([]*localeView, len(m.Locales))
	var fcts *facets
	// Each locale's search index is shared by its hosted page and its part
	// of the offline file; it is built alongside the views.
	indexes := make([]*search.Index, len(m.Locales))
	errs := make([]error, len(m.Locales))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); fcts = buildFacets(m) }()
	for i, loc := range m.Locales {
		wg.Add(2)
		go func() { defer wg.Done(); hosted[i] = buildLocale(m, loc, strs[loc], mode{locale: loc}, use) }()
		go func() {
			defer wg.Done()
			var err error
			if indexes[i], err = search.Build(m, loc); err != nil {
				errs[i] = fmt.Errorf("search: %w", err)
			}
		}()
		offline[i] = buildLocale(m, loc, strs[loc], mode{offline: true, locale: loc}, use)
	}
	wg.Wait()
	r := &renderer{in: in, m: m, base: base, strs: strs, tpl: tpl, min: bundle.NewMinifier(), facets: fcts, byID: make(map[string]int, len(m.Rows))}
	for i, loc := range m.Locales {
		t := pageTitle(in.Meta[loc].Title, m.Source.Title[loc], strs[loc].get("site.name"))
		for _, lv := range []*localeView{hosted[i], offline[i]} {
			lv.Title, lv.H1 = t, t
		}
		hosted[i].notice, offline[i].notice = r.notice(loc), r.notice(loc)
		ans := buildAnswer(m, loc, strs[loc], fcts)
		hosted[i].search, offline[i].search = indexes[i], indexes[i]
		hosted[i].answer, offline[i].answer = ans, ans
	}
	for i, loc := range m.Locales {
		if errs[i] != nil {
			return errs[i]
		}
		if err := strs[loc].err(); err != nil {
			return err
		}
	}

	for i := range m.Rows {
		r.byID[m.Rows[i].ID] = i
	}
	if err := r.makeIcon(); err != nil {
		return err
	}
	sitemap, err := r.sitemap()
	if err != nil {
		return err
	}
	small := []struct {
		path string
		data []byte
	}{
		{in.Assets.CSSPath, in.Assets.CSS},
		{in.Assets.JSPath, in.Assets.JS},
		{r.iconPath, r.icon},
		{"robots.txt", []byte("User-agent: *\nAllow: /\nSitemap: " + base + "sitemap.xml\n")},
		{"sitemap.xml", sitemap},
	}
	for _, f := range small {
		if err := emit(f.path, bytesBody(f.data)); err != nil {
			return err
		}
	}
	// The largest pages first, so the pool ends on small ones.
	jobs := []job{r.offlineJob(offline)}
	for _, lv := range hosted {
		jobs = append(jobs, r.matrixJob(lv))
	}
	jobs = append(jobs, r.pickerJob(), r.notFoundJob())
	for _, lv := range hosted {
		for wi := range lv.models {
			jobs = append(jobs, r.workloadJob(lv, wi))
		}
	}
	return runJobs(jobs, emit)
}

// runJobs runs jobs on a pool of GOMAXPROCS workers; each worker emits
// its page when done (emit runs concurrently). After an error no new job
// starts; the error returned is the first by job order (every earlier job
// was started, so this does not depend on scheduling).
func runJobs(jobs []job, emit Emit) error {
	var (
		mu     sync.Mutex // guards errs, failed
		errs   = make([]error, len(jobs))
		failed bool
	)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(jobs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				body, err := jobs[i].run()
				if err == nil {
					err = emit(jobs[i].path, body)
				}
				if err != nil {
					mu.Lock()
					errs[i], failed = err, true
					mu.Unlock()
				}
			}
		}()
	}
	for i := range jobs {
		mu.Lock()
		stop := failed
		mu.Unlock()
		if stop {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	for i, j := range jobs {
		if errs[i] != nil {
			return fmt.Errorf("render %s: %w", j.path, errs[i])
		}
	}
	return nil
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
	// facets are the rows' facet values, for the script's data.
	facets *facets
	// byID maps a row id to its index in the model.
	byID map[string]int
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

// exec executes a page template and minifies the result; the Body writes
// it out with the parts in place of their markers (see chunks.go).
func (r *renderer) exec(name string, data any, parts ...part) (Body, error) {
	var b bytes.Buffer
	if err := r.tpl[name].ExecuteTemplate(&b, name, data); err != nil {
		return nil, err
	}
	small, err := r.min.Bytes(bundle.HTML, b.Bytes())
	if err != nil {
		return nil, err
	}
	if len(parts) == 0 {
		return bytesBody(small), nil
	}
	return func(out io.Writer) error {
		w := writer{bufio.NewWriterSize(out, 64<<10)}
		splice(&w, small, parts)
		return w.Flush()
	}, nil
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
