package check

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// TestDataFiles: the seed's index and workload files are clean; a file the
// index does not list, one it lists that is missing, and one that breaks
// the schema are each an error at the file.
func TestDataFiles(t *testing.T) {
	c, l := source.Load(os.DirFS("../../content"))
	if l.HasErrors() {
		t.Fatal(l)
	}
	m, _ := matrix.Compile(c)
	fsys := fstest.MapFS{MatrixSchema: {Data: matrix.Schema()}}
	var idx bytes.Buffer
	if err := matrix.WriteIndex(&idx, m, "https://example.org/"); err != nil {
		t.Fatal(err)
	}
	fsys[IndexJSON] = &fstest.MapFile{Data: idx.Bytes()}
	err := matrix.WriteWorkloads(m, func(p string, write func(io.Writer) error) error {
		var b bytes.Buffer
		err := write(&b)
		fsys["data/"+p] = &fstest.MapFile{Data: b.Bytes()}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	same := func(p string) string { return p }
	if l := ValidateDataFiles(fsys, same); len(l) > 0 {
		t.Fatalf("clean files: %v", l)
	}
	delete(fsys, "data/workloads/linux.json")
	fsys["data/workloads/extra.json"] = fsys["data/workloads/exchange.json"]
	fsys["data/workloads/sharepoint.json"] = &fstest.MapFile{Data: []byte(`{"schemaVersion": 1}`)}
	var got []string
	for _, d := range ValidateDataFiles(fsys, same) {
		got = append(got, d.Position.String()+" "+d.Code)
	}
	want := []string{
		"data/workloads/sharepoint.json:1:1 schema-invalid", // schemaVersion is no string, and required fields are missing
		"data/index.json missing-file",                      // lists linux.json
		"data/workloads/extra.json missing-file",            // not listed
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, strings.Fields(w)[0]) && strings.HasSuffix(g, strings.Fields(w)[1])
		}
		if !found {
			t.Errorf("no %s in %q", w, got)
		}
	}
	delete(fsys, IndexJSON)
	if l := ValidateDataFiles(fsys, same); l != nil {
		t.Errorf("a site without an index: %v", l)
	}
}
