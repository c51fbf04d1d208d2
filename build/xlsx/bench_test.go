package xlsx

import (
	"fmt"
	"io"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
	"github.com/mabs-matrix/matrixdoc/build/synth"
)

// BenchmarkWrite: the workbook of the seed and of the 10,000-row synthetic
// matrix (both locales).
func BenchmarkWrite(b *testing.B) {
	for _, rows := range []int{synth.SeedRows, 10000} {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			fsys, err := synth.Fixture("../../content", rows)
			if err != nil {
				b.Fatal(err)
			}
			c, l := source.LoadLimit(fsys, 256<<20)
			if l.HasErrors() {
				b.Fatal(l[:1])
			}
			m, _ := matrix.Compile(c)
			in := Input{Model: m, Strings: c.Strings, StringsFile: c.StringsFile}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := Write(io.Discard, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
