// Package site is the last stage: it runs the pipeline (source → matrix →
// render/bundle) and writes the output folder atomically. A build that has
// errors writes nothing: the previous output folder stays as it was.
//
// Input: Options naming the content, templates and assets folders and the
// output folder.
//
// Output: the output folder holding the rendered pages, the bundled assets,
// data/matrix.json, data/matrix.schema.json and data/matrix.csv; a Result
// with counts; the diagnostics of every stage, sorted, with file names
// relative to the working directory (content diagnostics are prefixed with
// the content folder, so an editor can jump to them).
//
// Invariants:
//   - deterministic: the same inputs give byte-identical trees (no clock in
//     content; each file's bytes do not depend on scheduling);
//   - all or nothing: with errors (or, under Strict, warnings) nothing is
//     written; files stream into a temporary folder next to the output
//     folder as they are made and replace it only at the end, so a failed
//     build leaves the previous output intact (see tree in write.go);
//   - memory: the model plus the pages in flight, never the whole site;
//   - Generate is Build without the write (the files in a map), for
//     `matrixdoc check` and tests.
package site

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// Options says what to build and where. Paths are directories on disk.
type Options struct {
	Content   string // content folder (one sub-folder per locale); default "content"
	Templates string // html/template files; default "templates"
	Assets    string // TypeScript and CSS for esbuild; default "assets"
	Out       string // output folder, replaced atomically; default "public"
	// Strict turns every warning into an error.
	Strict bool
	// MaxFileSize is the largest markdown document read, in bytes (0:
	// source.MaxFileSize); a larger one is an error (source.LoadLimit).
	MaxFileSize int64
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
	// Elapsed is the wall time of the build (reported, never written).
	Elapsed time.Duration
}

// Output is a generated site held in memory.
type Output struct {
	// Files maps slash-separated paths relative to the output folder to
	// their contents.
	Files map[string][]byte
	// Content and Model are the compiled input (for check and serve).
	Content *source.Content
	Model   *matrix.Model
	Result  Result
}

// Diagnostic codes reported by this package.
const (
	CodeOutput  = "output"           // the output folder cannot be written
	CodeBundle  = "bundle"           // esbuild failed on assets/
	CodeData    = "data"             // the model could not be serialized
	CodeUsage   = "bad-folder"       // a folder option is unusable
	CodeRender  = "render-error"     // templates failed
	CodeBaseURL = "missing-base-url" // site.yaml names no public address
)

// Defaults fills empty options with the conventional folder names.
func (o Options) Defaults() Options {
	if o.Content == "" {
		o.Content = "content"
	}
	if o.Templates == "" {
		o.Templates = "templates"
	}
	if o.Assets == "" {
		o.Assets = "assets"
	}
	if o.Out == "" {
		o.Out = "public"
	}
	return o
}

// Build runs the whole pipeline and replaces opts.Out with the result. When
// the returned list has errors, nothing was written.
func Build(opts Options) (*Result, diag.List) {
	start := time.Now()
	opts = opts.Defaults()
	if err := checkFolders(opts); err != nil {
		var l diag.List
		l.Errorf(diag.Position{File: filepath.ToSlash(opts.Out)}, CodeUsage, "%v", err)
		return nil, l
	}
	t, err := newTree(opts.Out)
	if err != nil {
		var l diag.List
		l.Errorf(diag.Position{File: filepath.ToSlash(opts.Out)}, CodeOutput, "cannot write the site: %v", err)
		return nil, l
	}
	out, l := generate(opts, t, false)
	if l.HasErrors() {
		t.abort()
		return nil, l
	}
	if err := t.commit(); err != nil {
		t.abort()
		l.Errorf(diag.Position{File: filepath.ToSlash(opts.Out)}, CodeOutput, "cannot write the site: %v", err)
		return nil, l
	}
	res := out.Result
	res.Elapsed = time.Since(start)
	return &res, l
}

// Generate runs the pipeline in memory and writes nothing. It always returns
// an Output; with errors in the list its Files (and Result) are empty, and its
// Content and Model are whatever the stages managed to produce (nil if none).
func Generate(opts Options) (*Output, diag.List) {
	opts = opts.Defaults()
	mem := &memory{files: map[string][]byte{}}
	o, l := generate(opts, mem, true)
	if !l.HasErrors() {
		o.Files = mem.files
	}
	return o, l
}

// generate runs the pipeline and hands the output files to out as they are
// made; it calls out only when the content compiled without errors. Unless
// keepDocs, the parsed documents are released once the model is compiled
// (Output.Content keeps the rest): 300 MB of the heap at 100,000 rows.
func generate(opts Options, out sink, keepDocs bool) (*Output, diag.List) {
	var l diag.List
	o := &Output{}

	content, cl := source.LoadLimit(os.DirFS(opts.Content), opts.MaxFileSize)
	if content != nil && content.BaseURL == "" {
		// Canonical links, hreflang alternates and the sitemap are absolute.
		cl.Errorf(diag.Position{File: "site.yaml"}, CodeBaseURL,
			"no baseURL: the site needs its public address for canonical links, language alternates and the sitemap; add a line like `baseURL: https://example.org/` to site.yaml")
	}
	l = append(l, relocate(cl, opts.Content)...)
	o.Content = content
	var model *matrix.Model
	if content != nil && !cl.HasErrors() {
		m, ml := matrix.Compile(content)
		l = append(l, relocate(ml, opts.Content)...)
		model = m
		o.Model = m
	}
	_, warnings := l.Count()
	if opts.Strict {
		l = l.Strict()
	}
	l.Sort()
	if l.HasErrors() || model == nil {
		if !l.HasErrors() {
			l.Errorf(diag.Position{File: filepath.ToSlash(opts.Content)}, CodeData, "no model was compiled")
		}
		return o, l
	}

	// The pages need only the front matter's word on them, not the documents.
	meta := pageMeta(content)
	shell := *content
	shell.Documents = nil
	if !keepDocs {
		o.Content = &shell
	}
	res, fl := produce(opts, &shell, model, meta, out)
	l = append(l, fl...)
	l.Sort()
	if l.HasErrors() {
		return o, l
	}
	res.Locales, res.Workloads, res.Rows, res.Warnings = len(model.Locales), len(model.Workloads), len(model.Rows), warnings
	o.Result = res
	return o, l
}

// relocate prefixes the file names of content diagnostics (relative to the
// content root) with the content folder.
func relocate(l diag.List, root string) diag.List {
	root = filepath.ToSlash(filepath.Clean(root))
	fix := func(p *diag.Position) {
		if p.File == "" || p.File == "." {
			p.File = root
		} else if !path.IsAbs(p.File) {
			p.File = path.Join(root, p.File)
		}
	}
	out := make(diag.List, len(l))
	for i, d := range l {
		// Messages name the places they speak of ("nl/x.md:39 and
		// en/x.md:39 disagree"); say them the way the terminal can open
		// them. One Replacer pass, so a file named twice is prefixed once.
		var pairs []string
		rename := func(p *diag.Position) {
			before := p.File
			fix(p)
			if before != "" && before != p.File {
				pairs = append(pairs, before+":", p.File+":")
			}
		}
		rename(&d.Position)
		if len(d.Related) > 0 {
			rel := make([]diag.Position, len(d.Related))
			copy(rel, d.Related)
			for j := range rel {
				rename(&rel[j])
			}
			d.Related = rel
		}
		if len(pairs) > 0 {
			d.Message = strings.NewReplacer(pairs...).Replace(d.Message)
		}
		out[i] = d
	}
	return out
}

// checkFolders refuses an output folder that is, or holds, an input folder:
// replacing it would delete the sources.
func checkFolders(o Options) error {
	outAbs, err := filepath.Abs(o.Out)
	if err != nil {
		return err
	}
	for _, in := range []string{o.Content, o.Templates, o.Assets, "."} {
		inAbs, err := filepath.Abs(in)
		if err != nil {
			return err
		}
		if inAbs == outAbs || strings.HasPrefix(inAbs+string(filepath.Separator), outAbs+string(filepath.Separator)) {
			return fmt.Errorf("refusing to use %s as the output folder: replacing it would delete %s", o.Out, in)
		}
	}
	return nil
}

// sortedNames returns the keys of files in order.
func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
