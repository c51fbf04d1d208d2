// Command clientbench measures the site's script in headless Chromium on a
// large synthetic matrix: a keystroke in the search box, a facet change and
// the first render of the matrix page — and the same three figures, in the
// same run and with the same measuring code, on the floor: the same rows as
// a bare table with the simplest filter there is. It prints both pages'
// figures and ours ÷ floor, and asserts nothing (speed goals are figures,
// not timed asserts; the browser tests in build/e2e guard that the page
// stays correct at this size).
//
//	clientbench [--rows 10000] [--runs 20] [--loads 5] [--rounds 1] [--floor-rounds 0] [--locale nl]
//	            [--site DIR] [--before [NAME=]DIR]... [--out DIR]
//	            [--content content] [--templates templates] [--assets assets] [--netlify netlify.toml]
//
// Input: synthetic content of --rows rows per locale (build/synth, seed
// synth.BenchSeed, strings from --content), built with site.Build into a
// temporary folder — or an already built --site — served on 127.0.0.1 by
// build/netlify's Handler (netlify.toml's headers), opened in the Chromium
// and with the flags of the browser tests (build/e2e/browser). --out DIR
// only builds the synthetic site into DIR and exits, so that a site built by
// one tree can be measured against another's: --before [NAME=]DIR (repeatable)
// measures that site too, in the same run, beside ours and the floor.
//
// The floor (floor.go) is made from our built matrix page: its <thead> and
// every <tr> byte for byte in one <tbody> of a bare <table> (no stylesheet,
// no chunks), a search box and a workload select with our options in our
// order, and a script that reads each row's text and workload once and,
// per input or change, toggles `hidden` on each row whose state changes —
// shown when its lower-cased text contains the typed text (plain substring)
// and its workload is the one selected — and writes the count of rows shown
// (the samples check that it changed). No highlight, no facet counts, no
// index. It is served by the same server with the same handler and
// netlify.toml: the page under /<locale>/ (the matrix page's header rules),
// its script under /assets/ (the same CSP; no inline script).
//
// Pages are measured in turn so that machine load falls on them alike: each
// load, and each round of update samples, is taken of every page back to
// back, the order rotating by one each time (--floor-rounds N takes the
// floor's update samples in the first N rounds only: a bare table of 10,000
// rows takes seconds to lay out again, so a round of its samples takes
// minutes).
//
// Output (stdout): per page and measure the median, min, p90 and max over
// the runs; then a summary of the medians — keystroke, keystroke with a
// typo, facet change (to the visible update) and first render
// (DOMContentLoaded end) — for ours, the floor, ours ÷ floor (and per
// --before site its figure, it ÷ floor and ours ÷ it), with the load average at the start and the
// end. The update figures are explained in measure.go (handler, layout,
// paint, settled); the first render figures are milliseconds from the
// navigation's start, per fresh tab (the first load has a cold cache).
//
// The two pages do not show the same rows for every keystroke (a plain
// substring of "sql 2014 v" matches nothing; our search matches words): the
// detailed figures give each series' range of rows shown.
//
// Invariants: the keystrokes type and delete a query a character at a time
// (two queries: one plain, one ending in a typo the search forgives), so
// every sample changes the result; the facet samples alternate a
// workload value with "all". Every facet sample, and some keystroke sample
// of each query, must change the count text, or the command fails (a
// measure of nothing).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mabs-matrix/matrixdoc/build/e2e/browser"
	"github.com/mabs-matrix/matrixdoc/build/netlify"
	"github.com/mabs-matrix/matrixdoc/build/site"
	"github.com/mabs-matrix/matrixdoc/build/synth"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintf(os.Stderr, "clientbench: %v\n", err)
		os.Exit(1)
	}
}

// config is the command line.
type config struct {
	rows, runs, loads, rounds, fRounds int
	locale, siteDir, out               string
	before                             []string // [name=]DIR, in order
	content, templates, assets, netcfg string
}

func parse(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("clientbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&c.rows, "rows", 10000, "table rows per locale of the synthetic content")
	fs.IntVar(&c.runs, "runs", 20, "samples per update measure (the median is reported)")
	fs.IntVar(&c.loads, "loads", 5, "page loads for the first-render figures, each in a fresh tab")
	fs.StringVar(&c.locale, "locale", "nl", "locale whose matrix page is measured")
	fs.IntVar(&c.rounds, "rounds", 1, "rounds of update samples; each round measures every page once, in turn")
	fs.IntVar(&c.fRounds, "floor-rounds", 0, "rounds in which the floor's update samples are taken too (0: every round); its slow layouts make a round long")
	fs.StringVar(&c.siteDir, "site", "", "measure this already built site instead of building one")
	fs.Func("before", "also measure the site built in `[NAME=]DIR` (e.g. by the previous code, with --out), in the same run; repeatable", func(v string) error {
		c.before = append(c.before, v)
		return nil
	})
	fs.StringVar(&c.out, "out", "", "build the synthetic site into this new folder and exit without measuring")
	fs.StringVar(&c.content, "content", "content", "real content folder (strings files for the synthetic content)")
	fs.StringVar(&c.templates, "templates", "templates", "templates folder")
	fs.StringVar(&c.assets, "assets", "assets", "assets folder")
	fs.StringVar(&c.netcfg, "netlify", "netlify.toml", "netlify.toml whose headers the server sends")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if c.rows < 1 || c.runs < 1 || c.loads < 1 || c.rounds < 1 {
		return c, errors.New("--rows, --runs, --loads and --rounds must be at least 1")
	}
	return c, nil
}

func run(args []string, stdout, stderr io.Writer) error {
	c, err := parse(args, stderr)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "clientbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if c.out != "" {
		_, err := buildSite(c, tmp, c.out, stderr)
		return err
	}

	dir := c.siteDir
	if dir == "" {
		if dir, err = buildSite(c, tmp, filepath.Join(tmp, "public"), stderr); err != nil {
			return err
		}
	}
	floorDir := filepath.Join(tmp, "floor")
	if err := writeFloor(dir, c.locale, floorDir); err != nil {
		return err
	}
	cfg, err := netlify.Load(c.netcfg)
	if err != nil {
		return err
	}
	// The floor is served by the same server as the site, with the same
	// handler and netlify.toml: its page sits under /<locale>/ (the same
	// header rules as the matrix page) and its script under /assets/.
	site, floor := netlify.Handler(dir, cfg), netlify.Handler(floorDir, cfg)
	base, closeSrv, err := serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, floorPath(c.locale)) || r.URL.Path == floorScript {
			floor.ServeHTTP(w, r)
			return
		}
		site.ServeHTTP(w, r)
	}))
	if err != nil {
		return err
	}
	defer closeSrv()
	pages := []page{{name: "ours", url: base + "/" + c.locale + "/"}, {name: "floor", url: base + floorPath(c.locale)}}
	for i, v := range c.before {
		name, dir, ok := strings.Cut(v, "=")
		if !ok {
			name, dir = "before", v
			if i > 0 {
				name = fmt.Sprintf("before%d", i+1)
			}
		}
		// Another origin for the same paths; the same handler and headers.
		b, closeB, err := serve(netlify.Handler(dir, cfg))
		if err != nil {
			return err
		}
		defer closeB()
		pages = append(pages, page{name: name, url: b + "/" + c.locale + "/"})
	}

	ctx, took, stop, err := browser.Start(filepath.Join(tmp, "profile"))
	if err != nil {
		return err
	}
	defer stop()
	fmt.Fprintf(stderr, "clientbench: chromium started in %v; measuring %d pages\n", took.Round(time.Millisecond), len(pages))
	ctx, cancel := context.WithTimeout(ctx, 30*time.Minute)
	defer cancel()

	loadBefore := loadAvg()
	if err := measure(ctx, c, pages); err != nil {
		return err
	}
	report(stdout, c, pages, loadBefore, loadAvg())
	return nil
}

// serve serves h on a new 127.0.0.1 port and returns its base URL.
func serve(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// loadAvg is the machine's load average (1, 5 and 15 minutes) as
// /proc/loadavg says it, or "unknown".
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if err != nil || len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// buildSite writes the synthetic content into tmp and builds it into out.
func buildSite(c config, tmp, out string, stderr io.Writer) (string, error) {
	content := filepath.Join(tmp, "content")
	err := synth.Write(content, synth.Options{Rows: c.rows, Seed: synth.BenchSeed, Content: os.DirFS(c.content)})
	if err != nil {
		return "", err
	}
	res, diags := site.Build(site.Options{Content: content, Templates: c.templates, Assets: c.assets, Out: out})
	if diags.HasErrors() {
		diags.Print(stderr)
		return "", errors.New("the synthetic site does not build")
	}
	fmt.Fprintf(stderr, "clientbench: built %d rows × %d locales, %d pages in %v into %s\n",
		res.Rows, res.Locales, res.Pages, res.Elapsed.Round(time.Millisecond), out)
	return out, nil
}
