// Command clientbench measures the site's script in headless Chromium on a
// large synthetic matrix: a keystroke in the search box, a facet change and
// the first render of the matrix page. It prints figures and asserts
// nothing (the browser tests in build/e2e guard that the page stays correct
// at this size).
//
//	clientbench [--rows 10000] [--runs 20] [--loads 5] [--locale nl] [--site DIR]
//	            [--content content] [--templates templates] [--assets assets] [--netlify netlify.toml]
//
// Input: synthetic content of --rows rows per locale (build/synth, seed
// synth.BenchSeed, strings from --content), built with site.Build into a
// temporary folder — or an already built --site — served on 127.0.0.1 by
// build/netlify's Handler (netlify.toml's headers), opened in the Chromium
// and with the flags of the browser tests (build/e2e/browser).
//
// Output (stdout): per measure the median, min, p90 and max over the runs.
// The update figures are explained in measure.go (handler, layout, paint,
// settled); the first render figures are milliseconds from the navigation's
// start, per fresh tab (the first load has a cold cache).
//
// Invariants: the keystrokes type and delete a query a character at a time
// (two queries: one plain, one ending in a typo the search forgives), so
// every sample changes the result; the facet samples alternate a
// workload value with "all". Every sample must change the count text, or
// the command fails (a measure of nothing).
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
	rows, runs, loads                  int
	locale, siteDir                    string
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
	fs.StringVar(&c.siteDir, "site", "", "measure this already built site instead of building one")
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
	if c.rows < 1 || c.runs < 1 || c.loads < 1 {
		return c, errors.New("--rows, --runs and --loads must be at least 1")
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

	dir := c.siteDir
	if dir == "" {
		if dir, err = buildSite(c, tmp, stderr); err != nil {
			return err
		}
	}
	cfg, err := netlify.Load(c.netcfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: netlify.Handler(dir, cfg), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	url := "http://" + ln.Addr().String() + "/" + c.locale + "/"

	ctx, took, stop, err := browser.Start(filepath.Join(tmp, "profile"))
	if err != nil {
		return err
	}
	defer stop()
	fmt.Fprintf(stderr, "clientbench: chromium started in %v; measuring %s\n", took.Round(time.Millisecond), url)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()

	loads, err := measureLoads(ctx, url, c.loads)
	if err != nil {
		return err
	}
	keys, typos, facets, rows, err := measureUpdates(ctx, url, c.runs)
	if err != nil {
		return err
	}
	report(stdout, c, rows, loads, keys, typos, facets)
	return nil
}

// buildSite writes the synthetic content and builds it into tmp/public.
func buildSite(c config, tmp string, stderr io.Writer) (string, error) {
	content := filepath.Join(tmp, "content")
	err := synth.Write(content, synth.Options{Rows: c.rows, Seed: synth.BenchSeed, Content: os.DirFS(c.content)})
	if err != nil {
		return "", err
	}
	out := filepath.Join(tmp, "public")
	res, diags := site.Build(site.Options{Content: content, Templates: c.templates, Assets: c.assets, Out: out})
	if diags.HasErrors() {
		diags.Print(stderr)
		return "", errors.New("the synthetic site does not build")
	}
	fmt.Fprintf(stderr, "clientbench: built %d rows × %d locales, %d pages in %v\n",
		res.Rows, res.Locales, res.Pages, res.Elapsed.Round(time.Millisecond))
	return out, nil
}
