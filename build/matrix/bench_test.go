package matrix_test

import (
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/source"
	"github.com/mabs-matrix/matrixdoc/build/synth"
)

// contentDir is the real content folder, seen from this package.
const contentDir = "../../content"

// benchMaxFileSize admits the synthetic documents (100,000 rows is ~37 MiB
// a locale, over source.MaxFileSize), as matrixbench's --max-file-size does.
const benchMaxFileSize = 256 << 20

// loaded caches stage 1's output per size: the matrix benchmarks measure
// stage 2 only.
var (
	loadedMu sync.Mutex
	loaded   = map[int]*source.Content{}
)

func content(b *testing.B, rows int) *source.Content {
	b.Helper()
	loadedMu.Lock()
	defer loadedMu.Unlock()
	if c := loaded[rows]; c != nil {
		return c
	}
	fsys, err := synth.Fixture(contentDir, rows)
	if err != nil {
		b.Fatal(err)
	}
	c, l := source.LoadLimit(fsys, benchMaxFileSize)
	if l.HasErrors() {
		b.Fatalf("source.Load: %v", l[:min(len(l), 5)])
	}
	loaded[rows] = c
	return c
}

// BenchmarkCompile measures normalization: column meaning, workloads,
// installation targets, support values, protect/recover split,
// capabilities, the cross-language check and the merge of both locales.
func BenchmarkCompile(b *testing.B) {
	for _, rows := range synth.BenchSizes {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			c := content(b, rows)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				m, l := matrix.Compile(c)
				if l.HasErrors() || len(m.Rows) != rows {
					b.Fatalf("Compile: %d rows, %v", len(m.Rows), l[:min(len(l), 5)])
				}
			}
		})
	}
}

// BenchmarkData measures writing the model out: matrix.json and matrix.csv.
// Bytes/op is the size of both files.
func BenchmarkData(b *testing.B) {
	for _, rows := range synth.BenchSizes {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			m, l := matrix.Compile(content(b, rows))
			if l.HasErrors() {
				b.Fatal(l)
			}
			j, err := matrix.JSON(m)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(j) + len(matrix.CSV(m))))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := matrix.JSON(m); err != nil {
					b.Fatal(err)
				}
				matrix.CSV(m)
			}
		})
	}
}

// BenchmarkWriteData is BenchmarkData streamed (WriteJSON, WriteCSV) to a
// writer that keeps nothing, as the site writes them to disk: B/op is what
// the encoders themselves hold, not the finished files.
func BenchmarkWriteData(b *testing.B) {
	for _, rows := range synth.BenchSizes {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			m, l := matrix.Compile(content(b, rows))
			if l.HasErrors() {
				b.Fatal(l)
			}
			var n countWriter
			if err := matrix.WriteJSON(&n, m); err != nil {
				b.Fatal(err)
			}
			if err := matrix.WriteCSV(&n, m); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := matrix.WriteJSON(io.Discard, m); err != nil {
					b.Fatal(err)
				}
				if err := matrix.WriteCSV(io.Discard, m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// countWriter counts the bytes written to it.
type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
