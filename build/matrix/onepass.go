package matrix

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// WriteJSONAndWorkloads writes exactly what WriteJSON writes to w and what
// WriteWorkloads writes to every workload's file, in one pass: each row and
// fact is encoded once and its bytes go to matrix.json and to its
// workload's file (the per-workload files are a second copy of the rows and
// facts; encoding them twice was a tenth of the build). open gives the
// writer of a workload's file (path relative to the data folder, as
// WorkloadPath), in model order; every file is open until the end, and each
// opened writer is closed, also on failure. Nothing is held but the
// encoding of one item and a buffer per file.
func WriteJSONAndWorkloads(w io.Writer, m *Model, open func(path string) (io.WriteCloser, error)) (err error) {
	parts := splitWorkloads(m)
	// Which file each row and fact goes to (-1: none), and whether it is
	// the last item of that file's array.
	rowFile, factFile := make([]int32, len(m.Rows)), make([]int32, len(m.Facts))
	for i := range rowFile {
		rowFile[i] = -1
	}
	for i := range factFile {
		factFile[i] = -1
	}
	for k, p := range parts {
		for _, i := range p.rows {
			rowFile[i] = int32(k)
		}
		for _, i := range p.facts {
			factFile[i] = int32(k)
		}
	}

	// matrix.json: the model without its rows and facts.
	shell := *m
	shell.Rows, shell.Facts = nil, nil
	head, err := json.MarshalIndent(&shell, "", "  ")
	if err != nil {
		return err
	}
	js := &splicedFile{bw: bufio.NewWriterSize(w, 64<<10), head: head}

	files := make([]*splicedFile, len(parts))
	var closers []io.Closer
	defer func() {
		for _, c := range closers {
			if cerr := c.Close(); err == nil {
				err = cerr
			}
		}
	}()
	for k, p := range parts {
		wl := m.Workloads[k]
		fshell := WorkloadFile{
			Schema: "../" + SchemaFile + "#/$defs/workloadFile", SchemaVersion: m.SchemaVersion,
			Locales: m.Locales, DefaultLocale: m.DefaultLocale, Workload: wl, Products: nonNilStrs(p.products), Servers: m.Servers,
		}
		fhead, err := json.MarshalIndent(&fshell, "", "  ")
		if err != nil {
			return err
		}
		out, err := open(WorkloadPath(wl.ID))
		if err != nil {
			return err
		}
		closers = append(closers, out)
		files[k] = &splicedFile{bw: bufio.NewWriterSize(out, 16<<10), head: fhead}
	}

	// One top-level array of every file: rows, then facts.
	section := func(field string, mainNil bool, n int, count func(k int) int, fileOf []int32, item func(jw *rowJSON, i int)) error {
		if err := js.open(field, mainNil, n); err != nil {
			return err
		}
		left := make([]int, len(files)) // items still to come per file
		for k, f := range files {
			left[k] = count(k)
			if err := f.open(field, false, left[k]); err != nil {
				return err
			}
		}
		var jw rowJSON
		for i := range n {
			jw.b = append(jw.b[:0], "    "...)
			item(&jw, i)
			js.item(jw.b, i == n-1)
			if k := fileOf[i]; k >= 0 {
				left[k]--
				files[k].item(jw.b, left[k] == 0)
			}
		}
		js.close(n)
		for k, f := range files {
			f.close(count(k))
		}
		return nil
	}
	if err := section("rows", m.Rows == nil, len(m.Rows), func(k int) int { return len(parts[k].rows) }, rowFile,
		func(jw *rowJSON, i int) { jw.row(&m.Rows[i], 2) }); err != nil {
		return err
	}
	if err := section("facts", m.Facts == nil, len(m.Facts), func(k int) int { return len(parts[k].facts) }, factFile,
		func(jw *rowJSON, i int) { jw.fact(&m.Facts[i], 2) }); err != nil {
		return err
	}
	for _, f := range append([]*splicedFile{js}, files...) {
		if err := f.finish(); err != nil {
			return err
		}
	}
	return nil
}

// splicedFile is a document written as writeSpliced writes it, one
// top-level array at a time: head is the indented document whose spliced
// fields hold null, still to be written from its start.
type splicedFile struct {
	bw   *bufio.Writer
	head []byte
}

// open writes the head up to field's null and the array's opening (null
// when isNil, [] when n is 0).
func (f *splicedFile) open(field string, isNil bool, n int) error {
	marker := []byte("\n  \"" + field + "\": null")
	at := bytes.Index(f.head, marker)
	if at < 0 {
		return errors.New("matrix: field " + field + " not found in the encoded document")
	}
	at += len(marker) - len("null")
	f.bw.Write(f.head[:at])
	f.head = f.head[at+len("null"):]
	switch {
	case isNil:
		f.bw.WriteString("null")
	case n == 0:
		f.bw.WriteString("[]")
	default:
		f.bw.WriteString("[\n")
	}
	return nil
}

// item writes one encoded item of the array (indented, as writeTopArray).
func (f *splicedFile) item(b []byte, last bool) {
	f.bw.Write(b)
	if !last {
		f.bw.WriteByte(',')
	}
	f.bw.WriteByte('\n')
}

// close ends an array of n items (null and [] are closed already).
func (f *splicedFile) close(n int) {
	if n > 0 {
		f.bw.WriteString("  ]")
	}
}

// finish writes the rest of the head and the trailing newline.
func (f *splicedFile) finish() error {
	f.bw.Write(f.head)
	f.bw.WriteByte('\n')
	return f.bw.Flush()
}
