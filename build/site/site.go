// Package site is the last stage: it runs the pipeline (source → matrix →
// render/bundle) and writes the output folder atomically. A build that has
// errors writes nothing: the previous output folder stays as it was.
package site

import (
	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// Options says what to build and where. Paths are directories on disk.
type Options struct {
	Content   string // content folder (one sub-folder per locale); default "content"
	Templates string // html/template files; default "templates"
	Assets    string // TypeScript and CSS for esbuild; default "assets"
	Out       string // output folder, replaced atomically; default "public"
	// Strict turns every warning into an error.
	Strict bool
}

// Result summarizes a successful build (the CLI's last line).
type Result struct {
	Locales   int
	Workloads int
	Rows      int
	Warnings  int
	Pages     int   // HTML pages written
	Files     int   // all files written
	Bytes     int64 // total bytes written
}

// Build runs the whole pipeline. When the returned list has errors, nothing
// was written.
func Build(opts Options) (*Result, diag.List) {
	var l diag.List
	l.Errorf(diag.Position{File: opts.Content}, "not-implemented", "site.Build is not implemented yet")
	return nil, l
}
