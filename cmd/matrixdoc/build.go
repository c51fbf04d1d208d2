package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/mabs-matrix/matrixdoc/build/site"
)

// siteFlags registers the flags shared by the commands: folders and the
// document size limit.
func siteFlags(fs *flag.FlagSet, o *site.Options, withSources bool) {
	fs.StringVar(&o.Content, "content", "content", "content `folder`: one sub-folder per locale (nl, en, …)")
	if withSources {
		fs.StringVar(&o.Templates, "templates", "templates", "html/template `folder`")
		fs.StringVar(&o.Assets, "assets", "assets", "TypeScript and CSS `folder` (bundled with esbuild)")
	}
	fs.Var((*byteSize)(&o.MaxFileSize), "max-file-size",
		"largest markdown document read, e.g. 64MiB (bounds memory; larger files are an error)")
}

func runBuild(_ context.Context, fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	var o site.Options
	siteFlags(fs, &o, true)
	fs.StringVar(&o.Out, "out", "public", "output `folder`, replaced atomically (left untouched on error)")
	fs.BoolVar(&o.Strict, "strict", false, "treat warnings as errors")
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// A soft limit sized to the content keeps the peak RSS near
		// what the build holds (see site.MemoryLimit); GOMEMLIMIT, when
		// set, is the user's word.
		debug.SetMemoryLimit(site.MemoryLimit(o.Content))
	}
	res, l := site.Build(o)
	l.Print(stderr)
	if l.HasErrors() {
		errs, warns := l.Count()
		fmt.Fprintf(stderr, "matrixdoc: build failed: %s, %s; %s left unchanged\n",
			plural(errs, "error"), plural(warns, "warning"), o.Out)
		return exitError
	}
	fmt.Fprintln(stderr, summary(res))
	return exitOK
}

// summary is the one line a successful build ends with.
func summary(r *site.Result) string {
	return fmt.Sprintf("matrixdoc: built %s, %s, %s, %s, %s, %s, %s in %s",
		plural(r.Locales, "locale"), plural(r.Workloads, "workload"), plural(r.Rows, "row"),
		plural(r.Warnings, "warning"), plural(r.Pages, "page"), plural(r.Files, "file"),
		formatBytes(r.Bytes), r.Elapsed.Round(time.Millisecond))
}
