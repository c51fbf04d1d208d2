package site

import (
	"io"
	"path"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
	"github.com/mabs-matrix/matrixdoc/build/xlsx"
)

// writeJSONAndWorkloads writes matrix.json and, in the same pass (each
// row and fact encoded once), one file per workload (the endoflife.date
// shape): the files stream into the sink through pipes, all open at once.
func writeJSONAndWorkloads(c *counter, model *matrix.Model) error {
	return c.stream(DataJSON, func(w io.Writer) error {
		return matrix.WriteJSONAndWorkloads(w, model, func(p string) (io.WriteCloser, error) {
			return openPipe(c, path.Join("data", p)), nil
		})
	})
}

// writeMoreData writes the index of the workload files.
func writeMoreData(c *counter, content *source.Content, model *matrix.Model) error {
	return c.stream(DataIndex, func(w io.Writer) error { return matrix.WriteIndex(w, model, content.BaseURL) })
}

// pipeFile is a file of the sink written as an io.WriteCloser: what is
// written goes through a pipe to the sink's stream, which runs in its own
// goroutine until Close.
type pipeFile struct {
	pw   *io.PipeWriter
	done chan error
}

func openPipe(c *counter, name string) *pipeFile {
	pr, pw := io.Pipe()
	f := &pipeFile{pw: pw, done: make(chan error, 1)}
	go func() {
		err := c.stream(name, func(w io.Writer) error {
			_, err := io.Copy(w, pr)
			return err
		})
		// A failed stream fails the writes still to come.
		pr.CloseWithError(err)
		f.done <- err
	}()
	return f
}

func (f *pipeFile) Write(p []byte) (int, error) { return f.pw.Write(p) }

// Close ends the file and returns the stream's error.
func (f *pipeFile) Close() error {
	f.pw.Close()
	return <-f.done
}

// writeWorkbook writes the workbook spreadsheet users open.
func writeWorkbook(c *counter, content *source.Content, model *matrix.Model) error {
	return c.stream(DataXLSX, func(w io.Writer) error {
		return xlsx.Write(w, xlsx.Input{Model: model, Strings: content.Strings, StringsFile: content.StringsFile})
	})
}
