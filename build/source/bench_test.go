package source_test

import (
	"fmt"
	"io/fs"
	"path"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/source"
	"github.com/mabs-matrix/matrixdoc/build/synth"
)

// contentDir is the real content folder, seen from this package.
const contentDir = "../../content"

// benchMaxFileSize admits the synthetic documents (100,000 rows is ~37 MiB
// a locale, over source.MaxFileSize), as matrixbench's --max-file-size does.
const benchMaxFileSize = 256 << 20

// BenchmarkParse measures ParseDocument (goldmark + front matter + table
// walk) on every locale's document, at the seed and at synthetic sizes.
// Bytes/op is the markdown parsed per op (both locales).
func BenchmarkParse(b *testing.B) {
	for _, rows := range synth.BenchSizes {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			fsys, err := synth.Fixture(contentDir, rows)
			if err != nil {
				b.Fatal(err)
			}
			docs, err := fs.Glob(fsys, "*/*.md")
			if err != nil || len(docs) == 0 {
				b.Fatalf("no documents (%v)", err)
			}
			var size int64
			for _, name := range docs {
				size += int64(len(fsys[name].Data))
			}
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				for _, name := range docs {
					doc, l := source.ParseDocument(name, path.Dir(name), fsys[name].Data)
					if l.HasErrors() || doc == nil {
						b.Fatalf("%s: %v", name, l)
					}
				}
			}
		})
	}
}

// BenchmarkLoad measures Load: reading the folder from an in-memory FS,
// size checks, strings files and parsing every document.
func BenchmarkLoad(b *testing.B) {
	for _, rows := range synth.BenchSizes {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			fsys, err := synth.Fixture(contentDir, rows)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				c, l := source.LoadLimit(fsys, benchMaxFileSize)
				if l.HasErrors() || c == nil {
					b.Fatalf("Load: %v", l[:min(len(l), 5)])
				}
			}
		})
	}
}
