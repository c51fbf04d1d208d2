package render_test

import (
	"fmt"
	"os"
	"sync"
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

// BenchmarkSite measures render.Site: every page of both locales (matrix,
// one per workload, picker, 404, offline file), minified, on the bounded
// worker pool. Bytes/op is the size of what it returns.
func BenchmarkSite(b *testing.B) {
	for _, rows := range synth.BenchSizes {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			in := input(b, rows)
			files, err := render.Site(in)
			if err != nil {
				b.Fatal(err)
			}
			var size int64
			for _, f := range files {
				size += int64(len(f))
			}
			b.SetBytes(size)
			b.ReportMetric(float64(len(files)), "files/op")
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := render.Site(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
