package search

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
	"github.com/mabs-matrix/matrixdoc/build/synth"
)

// synthModel compiles a synthetic matrix of n rows.
func synthModel(b *testing.B, n int) *matrix.Model {
	b.Helper()
	files, err := synth.Generate(synth.Options{Rows: n, Seed: synth.BenchSeed})
	if err != nil {
		b.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for p, data := range files {
		fsys[p] = &fstest.MapFile{Data: data}
	}
	c, l := source.LoadLimit(fsys, 1<<28)
	if l.HasErrors() {
		b.Fatal(l)
	}
	m, _ := matrix.Compile(c)
	return m
}

// BenchmarkBuild is the index of one locale's page, and its page data.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{66, 10000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m := synthModel(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			size := 0
			for b.Loop() {
				ix, err := Build(m, "nl")
				if err != nil {
					b.Fatal(err)
				}
				size = len(ix.AppendJSON(nil))
			}
			b.ReportMetric(float64(size), "data-bytes")
		})
	}
}
