package site_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/site"
	"github.com/mabs-matrix/matrixdoc/build/synth"
)

// The real folders, seen from this package.
const (
	contentDir   = "../../content"
	templatesDir = "../../templates"
	assetsDir    = "../../assets"
)

// BenchmarkBuild measures the whole pipeline in process: read the content
// folder from disk, parse, normalize, write the data files, bundle, render,
// minify and atomically replace the output folder. The seed size builds the
// real content/; the others build synthetic content written to disk once per
// size. Bytes/op is the size of the output tree.
func BenchmarkBuild(b *testing.B) {
	// The parent benchmark runs once; its temp folder outlives the sizes.
	root := b.TempDir()
	for _, rows := range synth.BenchSizes {
		content := contentDir
		if rows != synth.SeedRows {
			content = filepath.Join(root, fmt.Sprintf("content-%d", rows))
		}
		out := filepath.Join(root, fmt.Sprintf("public-%d", rows))
		opts := site.Options{Content: content, Templates: templatesDir, Assets: assetsDir, Out: out}
		var once sync.Once
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			// Written on first use, so a -bench filter skips unused sizes.
			var err error
			once.Do(func() {
				if rows != synth.SeedRows {
					err = synth.Write(content, synth.Options{Rows: rows, Seed: synth.BenchSeed, Content: os.DirFS(contentDir)})
				}
			})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var res *site.Result
			for b.Loop() {
				r, l := site.Build(opts)
				if l.HasErrors() {
					b.Fatalf("site.Build: %v", l[:min(len(l), 5)])
				}
				res = r
			}
			if res.Rows != rows {
				b.Fatalf("built %d rows, want %d", res.Rows, rows)
			}
			b.SetBytes(res.Bytes)
			b.ReportMetric(float64(res.Pages), "pages/op")
		})
	}
}
