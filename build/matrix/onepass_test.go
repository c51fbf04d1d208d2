package matrix

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/source"
	"github.com/mabs-matrix/matrixdoc/build/synth"
)

// memFile is a workload file written into memory.
type memFile struct {
	bytes.Buffer
	closed bool
}

func (f *memFile) Close() error { f.closed = true; return nil }

// workloadFiles is what WriteWorkloads writes: each file's bytes by path,
// and the paths in the order written.
func workloadFiles(t *testing.T, m *Model) (map[string][]byte, []string) {
	t.Helper()
	files := map[string][]byte{}
	var order []string
	err := WriteWorkloads(m, func(path string, write func(io.Writer) error) error {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		files[path] = b.Bytes()
		order = append(order, path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, order
}

// separately is what WriteJSON and WriteWorkloads write, each on its own.
func separately(t *testing.T, m *Model) ([]byte, map[string][]byte, []string) {
	t.Helper()
	var js bytes.Buffer
	if err := WriteJSON(&js, m); err != nil {
		t.Fatal(err)
	}
	files, order := workloadFiles(t, m)
	return js.Bytes(), files, order
}

// checkOnePass: WriteJSONAndWorkloads writes byte for byte what WriteJSON
// and WriteWorkloads write, opening the files in the same order and closing
// each.
func checkOnePass(t *testing.T, name string, m *Model) {
	t.Helper()
	wantJSON, wantFiles, wantOrder := separately(t, m)
	var js bytes.Buffer
	got := map[string]*memFile{}
	var order []string
	err := WriteJSONAndWorkloads(&js, m, func(path string) (io.WriteCloser, error) {
		f := &memFile{}
		got[path] = f
		order = append(order, path)
		return f, nil
	})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !bytes.Equal(js.Bytes(), wantJSON) {
		t.Errorf("%s: matrix.json differs from WriteJSON's", name)
	}
	if len(order) != len(wantOrder) {
		t.Fatalf("%s: opened %d files, want %d", name, len(order), len(wantOrder))
	}
	for i, p := range wantOrder {
		if order[i] != p {
			t.Errorf("%s: file %d is %s, want %s", name, i, order[i], p)
		}
		f := got[p]
		if !f.closed {
			t.Errorf("%s: %s not closed", name, p)
		}
		if !bytes.Equal(f.Bytes(), wantFiles[p]) {
			t.Errorf("%s: %s differs from WriteWorkloads's", name, p)
		}
	}
}

// TestWriteJSONAndWorkloads on the seed, on synthetic content, and on the
// edges: no rows or facts (nil and empty), a workload with none, a row of
// a workload the model does not list.
func TestWriteJSONAndWorkloads(t *testing.T) {
	seed, _ := compileSeed(t)
	checkOnePass(t, "seed", seed)

	fsys, err := synth.Fixture("../../content", 600)
	if err != nil {
		t.Fatal(err)
	}
	c, l := source.LoadLimit(fsys, 64<<20)
	if l.HasErrors() {
		t.Fatal(l[:1])
	}
	syn, _ := Compile(c)
	checkOnePass(t, "synthetic 600", syn)

	for name, edit := range map[string]func(m *Model){
		"nil rows and facts":   func(m *Model) { m.Rows, m.Facts = nil, nil },
		"empty rows and facts": func(m *Model) { m.Rows, m.Facts = []Row{}, []Fact{} },
		"one row, no facts":    func(m *Model) { m.Rows, m.Facts = m.Rows[:1], nil },
		"unlisted workload": func(m *Model) {
			m.Rows = append([]Row(nil), m.Rows...)
			m.Rows[0].Workload = "not-listed"
			m.Facts = append([]Fact(nil), m.Facts...)
			m.Facts[len(m.Facts)-1].Workload = "not-listed"
		},
		"no workloads": func(m *Model) { m.Workloads = []Workload{} },
	} {
		m := *seed
		edit(&m)
		checkOnePass(t, name, &m)
	}
}

// TestWriteJSONAndWorkloadsFails: a failing file or opener is the error,
// and every file opened is closed.
func TestWriteJSONAndWorkloadsFails(t *testing.T) {
	m, _ := compileSeed(t)
	errOpen := errors.New("cannot open")
	var opened []*memFile
	err := WriteJSONAndWorkloads(io.Discard, m, func(path string) (io.WriteCloser, error) {
		if len(opened) == 3 {
			return nil, errOpen
		}
		f := &memFile{}
		opened = append(opened, f)
		return f, nil
	})
	if !errors.Is(err, errOpen) {
		t.Errorf("err %v, want %v", err, errOpen)
	}
	for i, f := range opened {
		if !f.closed {
			t.Errorf("file %d not closed", i)
		}
	}
	if err := WriteJSONAndWorkloads(&failWriter{100}, m, func(string) (io.WriteCloser, error) { return &memFile{}, nil }); !errors.Is(err, errFull) {
		t.Errorf("failing matrix.json: %v, want %v", err, errFull)
	}
}
