package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/check"
	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/netlify"
	"github.com/mabs-matrix/matrixdoc/build/site"
)

func runCheck(_ context.Context, fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	var o site.Options
	siteFlags(fs, &o, true)
	out := fs.String("out", "", "also check the built site in this `folder` (links, anchors, alternates, schema)")
	fs.BoolVar(&o.Strict, "strict", false, "treat warnings as errors")
	format := fs.String("format", "text", "diagnostics `format`: text (file:line:col: …) or json (one object per line)")
	netlifyToml := fs.String("netlify", "netlify.toml", "netlify.toml `file` (pages it serves as attachments may inline their script)")
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "invalid value %q for flag -format: want text or json\n", *format)
		fs.Usage()
		return exitUsage
	}

	// Content diagnostics: the whole pipeline, in memory, nothing written.
	gen, l := site.Generate(o)

	if *out != "" {
		l = append(l, checkSite(*out, gen, *netlifyToml)...)
	}
	l.Sort()

	if *format == "json" {
		if err := l.PrintJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "matrixdoc: %v\n", err)
			return exitError
		}
	} else {
		l.Print(stdout)
	}
	errs, warns := l.Count()
	fmt.Fprintf(stderr, "matrixdoc: check: %s, %s\n", plural(errs, "error"), plural(warns, "warning"))
	if errs > 0 {
		return exitError
	}
	return exitOK
}

// checkSite runs build/check over the built site in dir.
func checkSite(dir string, gen *site.Output, netlifyToml string) diag.List {
	root := filepath.ToSlash(filepath.Clean(dir))
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		var l diag.List
		l.Errorf(diag.Position{File: root}, check.CodeMissingFile, "no built site here (run matrixdoc build --out %s first)", dir)
		return l
	}
	opts := check.Options{FS: os.DirFS(dir), Root: root}
	if gen != nil && gen.Content != nil {
		opts.Locales = gen.Content.Locales
		opts.BaseURL = gen.Content.BaseURL
	}
	if cfg, err := netlify.Load(netlifyToml); err == nil {
		opts.Attachment = func(p string) bool {
			return strings.HasPrefix(cfg.HeadersFor("/"+p).Get("Content-Disposition"), "attachment")
		}
	} else if !os.IsNotExist(err) && netlifyToml != "" {
		var l diag.List
		l.Errorf(diag.Position{File: filepath.ToSlash(netlifyToml)}, "netlify-config", "%v", err)
		return append(l, check.Site(opts)...)
	}
	return check.Site(opts)
}
