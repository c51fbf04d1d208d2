package matrix

import (
	"os"
	"runtime"
	"testing"
	"weak"

	"github.com/mabs-matrix/matrixdoc/build/source"
)

// TestModelDoesNotRetainSource: once compiled, the model must not keep the
// source documents (their cells and inlines are most of stage 1's memory)
// reachable, so a caller that drops the Content gets that memory back.
func TestModelDoesNotRetainSource(t *testing.T) {
	m, docs, rows, inlines := compileAndForget(t)
	runtime.GC()
	runtime.GC()
	for i, d := range docs {
		if d.Value() != nil {
			t.Errorf("document %d still reachable after Compile", i)
		}
	}
	for i, r := range rows {
		if r.Value() != nil {
			t.Errorf("table rows of document %d still reachable after Compile", i)
		}
	}
	for i, in := range inlines {
		if in.Value() != nil {
			t.Errorf("cell inlines of document %d still reachable after Compile", i)
		}
	}
	if len(m.Rows) == 0 {
		t.Fatal("no rows compiled")
	}
	runtime.KeepAlive(m)
}

func compileAndForget(t *testing.T) (*Model, []weak.Pointer[source.Document], []weak.Pointer[source.Row], []weak.Pointer[source.Inline]) {
	c, l := source.Load(os.DirFS("../../content"))
	if l.HasErrors() {
		t.Fatalf("source.Load: %v", l)
	}
	var docs []weak.Pointer[source.Document]
	var rows []weak.Pointer[source.Row]
	var inlines []weak.Pointer[source.Inline]
	for _, d := range c.Documents {
		docs = append(docs, weak.Make(d))
		r := &d.Tables[0].Rows[0]
		rows = append(rows, weak.Make(r))
		inlines = append(inlines, weak.Make(&r.Cells[0].Inlines[0]))
	}
	m, _ := Compile(c)
	if m == nil {
		t.Fatal("Compile returned no model")
	}
	return m, docs, rows, inlines
}
