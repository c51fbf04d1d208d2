package site

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

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
	DataIndex  = "data/" + matrix.IndexFile // per-workload files: data/workloads/<id>.json
	DataXLSX   = "data/matrix.xlsx"
)

// sink is where produce puts the output files: a tree on disk (Build) or
// a map in memory (Generate). stream stores one file whose bytes write
// writes; it is called from several goroutines at once, for different
// names.
type sink interface {
	stream(name string, write func(io.Writer) error) error
}

// memory is the sink of Generate.
type memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memory) stream(name string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	m.mu.Lock()
	m.files[name] = b.Bytes()
	m.mu.Unlock()
	return nil
}

// counter passes files on to a sink, counts them for the Result, refuses a
// path written twice, and tells a failed write (an output problem) from a
// failure to produce the bytes (a data or template problem).
type counter struct {
	to sink

	mu     sync.Mutex
	names  map[string]bool
	res    Result
	outErr error // the first failure of the sink itself
}

// file stores a file already in memory.
func (c *counter) file(name string, data []byte) error {
	return c.stream(name, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// stream stores a file written piecewise.
func (c *counter) stream(name string, write func(io.Writer) error) error {
	c.mu.Lock()
	dup := c.names[name]
	c.names[name] = true
	c.mu.Unlock()
	if dup {
		return fmt.Errorf("two stages write %s", name)
	}
	cw := &countWriter{}
	var werr error // write's own result
	err := c.to.stream(name, func(w io.Writer) error {
		cw.w = w
		werr = write(cw)
		return werr
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		if (werr == nil || cw.err != nil) && c.outErr == nil {
			c.outErr = err
		}
		return err
	}
	c.res.Files++
	c.res.Bytes += cw.n
	if strings.HasSuffix(name, ".html") {
		c.res.Pages++
	}
	return nil
}

// countWriter counts the bytes written through it and keeps the first
// error of the writer under it.
type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// produce renders every output file of a compiled model into out: the data
// files (written while the pages render), the bundles and the pages, each
// handed over as soon as it is made, so only the pages in flight are in
// memory. meta is pageMeta of the documents. It returns the file counts.
func produce(opts Options, content *source.Content, model *matrix.Model, meta map[string]render.Meta, out sink) (Result, diag.List) {
	c := &counter{to: out, names: map[string]bool{}}
	contentPos := diag.Position{File: filepath.ToSlash(opts.Content)}

	// The data files, alongside the rendering (which leaves a core idle in
	// its serial parts): the workbook, the longest of them, on its own,
	// the others one after another. matrix.WriteJSON and WriteCSV buffer
	// their writes.
	var dataErr, xlsxErr error
	var wg sync.WaitGroup
	wg.Go(func() { xlsxErr = writeWorkbook(c, content, model) })
	wg.Go(func() {
		if err := writeJSONAndWorkloads(c, model); err != nil {
			dataErr = fmt.Errorf("cannot serialize the model: %w", err)
			return
		}
		if err := c.file(DataSchema, matrix.Schema()); err != nil {
			dataErr = err
			return
		}
		if err := c.stream(DataCSV, func(w io.Writer) error { return matrix.WriteCSV(w, model) }); err != nil {
			dataErr = err
			return
		}
		dataErr = writeMoreData(c, content, model)
	})

	var pageErr error
	var pagePos diag.Position
	pageCode := CodeRender
	assets, err := bundle.Build(opts.Assets)
	if err != nil {
		pageErr, pagePos, pageCode = err, diag.Position{File: filepath.ToSlash(opts.Assets)}, CodeBundle
	} else {
		// Strings files as diagnostics name them: under the content folder.
		stringsFile := map[string]string{}
		for loc, f := range content.StringsFile {
			stringsFile[loc] = path.Join(filepath.ToSlash(opts.Content), f)
		}
		pageErr = render.Stream(render.Input{
			Model:       model,
			Strings:     content.Strings,
			StringsFile: stringsFile,
			Templates:   os.DirFS(opts.Templates),
			Assets:      assets,
			BaseURL:     content.BaseURL,
			Meta:        meta,
		}, func(p string, body render.Body) error { return c.stream(p, body) })
		pagePos = diag.Position{File: filepath.ToSlash(opts.Templates)}
	}
	wg.Wait()
	if dataErr == nil {
		dataErr = xlsxErr
	}

	var l diag.List
	switch {
	case c.outErr != nil:
		l.Errorf(diag.Position{File: filepath.ToSlash(opts.Out)}, CodeOutput, "cannot write the site: %v", c.outErr)
	case dataErr != nil:
		l.Errorf(contentPos, CodeData, "%v", dataErr)
	case pageErr != nil:
		l.Errorf(pagePos, pageCode, "%v", pageErr)
	}
	if l.HasErrors() {
		return Result{}, l
	}
	return c.res, l
}

// pageMeta is what each locale's front matter tells the pages: the title
// (render decides whether it is a real one) and whether ms.translationtype
// says the text is a machine translation.
func pageMeta(c *source.Content) map[string]render.Meta {
	out := map[string]render.Meta{}
	for loc, doc := range c.Documents {
		if doc == nil {
			continue
		}
		tt, _ := doc.Meta.Raw["ms.translationtype"].(string)
		out[loc] = render.Meta{
			Title:             doc.Meta.Title,
			MachineTranslated: strings.EqualFold(strings.TrimSpace(tt), "MT"),
		}
	}
	return out
}
