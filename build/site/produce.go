package site

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/bundle"
	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/render"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// Paths of the data files, relative to the output folder.
const (
	DataJSON   = "data/matrix.json"
	DataSchema = "data/matrix.schema.json"
	DataCSV    = "data/matrix.csv"
)

// sink is where produce puts the output files: a tree on disk (Build) or
// a map in memory (Generate).
type sink interface {
	// file stores one file; data is not changed afterwards.
	file(name string, data []byte) error
	// stream stores one file written piecewise by write.
	stream(name string, write func(io.Writer) error) error
}

// memory is the sink of Generate.
type memory map[string][]byte

func (m memory) file(name string, data []byte) error { m[name] = data; return nil }

func (m memory) stream(name string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	m[name] = b.Bytes()
	return nil
}

// counter passes files on to a sink, counts them for the Result, refuses a
// path written twice, and keeps the first error of the sink (a write
// error is an output problem, not a template one).
type counter struct {
	to    sink
	names map[string]bool
	res   Result
	err   error // the sink's first error
}

func (c *counter) add(name string, n int64) error {
	if c.names[name] {
		return fmt.Errorf("two stages write %s", name)
	}
	c.names[name] = true
	c.res.Files++
	c.res.Bytes += n
	if strings.HasSuffix(name, ".html") {
		c.res.Pages++
	}
	return nil
}

func (c *counter) file(name string, data []byte) error {
	if err := c.add(name, int64(len(data))); err != nil {
		return err
	}
	if err := c.to.file(name, data); err != nil {
		c.err = err
		return err
	}
	return nil
}

func (c *counter) stream(name string, write func(io.Writer) error) error {
	cw := &countWriter{}
	err := c.to.stream(name, func(w io.Writer) error { cw.w = w; return write(cw) })
	if err != nil {
		c.err = err
		return err
	}
	return c.add(name, cw.n)
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// produce renders every output file of a compiled model into out: the data
// files, the bundles and the pages, each handed over as soon as it is made
// (so only the pages in flight are in memory). It returns the file counts.
func produce(opts Options, content *source.Content, model *matrix.Model, out sink) (Result, diag.List) {
	var l diag.List
	c := &counter{to: out, names: map[string]bool{}}
	outPos := diag.Position{File: filepath.ToSlash(opts.Out)}
	failed := func(pos diag.Position, code string, err error) (Result, diag.List) {
		if c.err != nil {
			l.Errorf(outPos, CodeOutput, "cannot write the site: %v", c.err)
		} else {
			l.Errorf(pos, code, "%v", err)
		}
		return Result{}, l
	}

	contentPos := diag.Position{File: filepath.ToSlash(opts.Content)}
	js, err := matrix.JSON(model)
	if err != nil {
		return failed(contentPos, CodeData, fmt.Errorf("cannot serialize the model: %v", err))
	}
	if err := c.file(DataJSON, js); err != nil {
		return failed(contentPos, CodeData, err)
	}
	js = nil
	if err := c.file(DataSchema, matrix.Schema()); err != nil {
		return failed(contentPos, CodeData, err)
	}
	if err := c.file(DataCSV, matrix.CSV(model)); err != nil {
		return failed(contentPos, CodeData, err)
	}

	assets, err := bundle.Build(opts.Assets)
	if err != nil {
		return failed(diag.Position{File: filepath.ToSlash(opts.Assets)}, CodeBundle, err)
	}

	// Strings files as diagnostics name them: under the content folder.
	stringsFile := map[string]string{}
	for loc, f := range content.StringsFile {
		stringsFile[loc] = path.Join(filepath.ToSlash(opts.Content), f)
	}
	err = render.Stream(render.Input{
		Model:       model,
		Strings:     content.Strings,
		StringsFile: stringsFile,
		Templates:   os.DirFS(opts.Templates),
		Assets:      assets,
		BaseURL:     content.BaseURL,
	}, c.file)
	if err != nil {
		return failed(diag.Position{File: filepath.ToSlash(opts.Templates)}, CodeRender, err)
	}
	return c.res, l
}
