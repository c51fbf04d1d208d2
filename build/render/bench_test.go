package render_test

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/bundle"
	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/render"
	"github.com/mabs-matrix/matrixdoc/build/source"
	"github.com/mabs-matrix/matrixdoc/build/synth"
)

// The real folders, seen from this package.
const (
	contentDir   = "../../content"
	templatesDir = "../../templates"
	assetsDir    = "../../assets"
)

// inputs caches the render Input per size: the benchmark measures stage 3
// (templates, per-page views, HTML minification, sitemap) only.
var (
	inputsMu sync.Mutex
	inputs   = map[int]render.Input{}
	assets   *bundle.Assets
)

func input(b *testing.B, rows int) render.Input {
	b.Helper()
	inputsMu.Lock()
	defer inputsMu.Unlock()
	if in, ok := inputs[rows]; ok {
		return in
	}
	if assets == nil {
		a, err := bundle.Build(assetsDir)
		if err != nil {
			b.Fatal(err)
		}
		assets = a
	}
	fsys, err := synth.Fixture(contentDir, rows)
	if err != nil {
		b.Fatal(err)
	}
	c, l := source.Load(fsys)
	if l.HasErrors() {
		b.Fatalf("source.Load: %v", l[:min(len(l), 5)])
	}
	m, l := matrix.Compile(c)
	if l.HasErrors() {
		b.Fatalf("matrix.Compile: %v", l[:min(len(l), 5)])
	}
	in := render.Input{
		Model: m, Strings: c.Strings, StringsFile: c.StringsFile,
		Templates: os.DirFS(templatesDir), Assets: assets, BaseURL: c.BaseURL,
	}
	inputs[rows] = in
	return in
}

// BenchmarkSite measures render.Stream as package site runs it: every page
// of both locales (matrix, one per workload, picker, 404, offline file),
// minified, on the bounded worker pool, each written out as it is made —
// here to a counting io.Discard, so the figures are the rendering alone
// (no file system, no collecting map). Bytes/op is the size of the output.
func BenchmarkSite(b *testing.B) {
	for _, rows := range synth.BenchSizes {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			in := input(b, rows)
			var size, files atomic.Int64
			emit := func(_ string, body render.Body) error {
				n, err := countingDiscard(body)
				size.Add(n)
				files.Add(1)
				return err
			}
			if err := render.Stream(in, emit); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size.Load())
			b.ReportMetric(float64(files.Load()), "files/op")
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := render.Stream(in, emit); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// counter counts the bytes written to it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func countingDiscard(body render.Body) (int64, error) {
	var c counter
	err := body(&c)
	return c.n, err
}
