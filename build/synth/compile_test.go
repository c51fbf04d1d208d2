package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// TestCompiles runs generated content through the real first two stages: it
// must compile with no error and no warning (the generator writes no
// defects), with the right number of rows and workloads, and every
// installation phrase must mean the target the phrasebook files it under.
func TestCompiles(t *testing.T) {
	want := map[string]string{} // nl phrase → target id
	for _, tg := range targets {
		for _, p := range tg.phrases {
			want[p.nl] = tg.id
		}
	}
	for _, rows := range []int{66, 1000} {
		t.Run(fmt.Sprintf("rows=%d", rows), func(t *testing.T) {
			fsys, err := FS(Options{Rows: rows, Seed: 11, Content: os.DirFS(filepath.Join("..", "..", "content"))})
			if err != nil {
				t.Fatal(err)
			}
			c, l := source.Load(fsys)
			if l.HasErrors() {
				t.Fatalf("source: %v", l)
			}
			m, ml := matrix.Compile(c)
			if len(ml) > 0 {
				t.Fatalf("matrix: %d diagnostics, first: %v", len(ml), ml[0])
			}
			if len(m.Rows) != rows {
				t.Errorf("%d rows, want %d", len(m.Rows), rows)
			}
			if n, w := len(m.Workloads), len(known)+rows/100; n != w {
				t.Errorf("%d workloads, want %d", n, w)
			}
			for _, r := range m.Rows {
				for _, in := range r.Installations {
					if got := want[in.Text["nl"]]; got != in.Target {
						t.Errorf("row %s: %q compiled to %q, phrasebook says %q", r.ID, in.Text["nl"], in.Target, got)
					}
				}
				for srv, s := range r.Support {
					if s.Status == string(matrix.StatusUnknown) {
						t.Errorf("row %s: unknown support in %s", r.ID, srv)
					}
				}
			}
		})
	}
}
