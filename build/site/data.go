package site

import (
	"io"
	"path"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
	"github.com/mabs-matrix/matrixdoc/build/xlsx"
)

// writeMoreData writes the data files next to matrix.json that tools and
// spreadsheet users read: one file per workload and their index (the
// endoflife.date shape), and the workbook.
func writeMoreData(c *counter, content *source.Content, model *matrix.Model) error {
	err := matrix.WriteWorkloads(model, func(p string, write func(io.Writer) error) error {
		return c.stream(path.Join("data", p), write)
	})
	if err != nil {
		return err
	}
	if err := c.stream(DataIndex, func(w io.Writer) error { return matrix.WriteIndex(w, model, content.BaseURL) }); err != nil {
		return err
	}
	return c.stream(DataXLSX, func(w io.Writer) error {
		return xlsx.Write(w, xlsx.Input{Model: model, Strings: content.Strings, StringsFile: content.StringsFile})
	})
}
