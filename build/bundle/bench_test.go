package bundle_test

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

// BenchmarkBuild measures esbuild over assets/ (TypeScript + CSS → one
// minified IIFE and one stylesheet). Its input does not grow with the
// matrix, so it has no row sizes.
func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bundle.Build(assetsDir); err != nil {
			b.Fatal(err)
		}
	}
}

// minifyInput is what the site minifies at one size: matrix.json as the
// model serializes it, and the default locale's matrix page as rendered.
type minifyInput struct {
	json, page []byte
}

var (
	minifyMu     sync.Mutex
	minifyInputs = map[int]minifyInput{}
)

func inputs(b *testing.B, rows int) minifyInput {
	b.Helper()
	minifyMu.Lock()
	defer minifyMu.Unlock()
	if in, ok := minifyInputs[rows]; ok {
		return in
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
	js, err := matrix.JSON(m)
	if err != nil {
		b.Fatal(err)
	}
	a, err := bundle.Build(assetsDir)
	if err != nil {
		b.Fatal(err)
	}
	files, err := render.Site(render.Input{
		Model: m, Strings: c.Strings, StringsFile: c.StringsFile,
		Templates: os.DirFS(templatesDir), Assets: a, BaseURL: c.BaseURL,
	})
	if err != nil {
		b.Fatal(err)
	}
	page := files[m.DefaultLocale+"/index.html"]
	if page == nil {
		b.Fatalf("render produced no %s/index.html", m.DefaultLocale)
	}
	in := minifyInput{json: js, page: page}
	minifyInputs[rows] = in
	return in
}

// BenchmarkMinify measures tdewolff/minify over the two largest text kinds
// the site writes at each size: matrix.json (indented → compact) and the
// matrix page's HTML (with its embedded JSON data). Bytes/op is their input
// size.
func BenchmarkMinify(b *testing.B) {
	for _, rows := range synth.BenchSizes {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			in := inputs(b, rows)
			m := bundle.NewMinifier()
			b.SetBytes(int64(len(in.json) + len(in.page)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := m.Bytes(bundle.JSON, in.json); err != nil {
					b.Fatal(err)
				}
				if _, err := m.Bytes(bundle.HTML, in.page); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
