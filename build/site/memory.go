package site

import (
	"io/fs"
	"os"
)

// Memory budget: a build's heap grows with its content — at 10,000
// synthetic rows a locale (6.9 MB of markdown) the live heap peaks near
// 160 MB while the data files, the workbook and the pages are made at
// once — and Go's collector lets the heap reach twice what was live at the
// last collection, which put the peak RSS over the 300 MB goal. A soft
// limit (runtime/debug.SetMemoryLimit) of MemoryPerContentByte times the
// content's size makes the collector run sooner near it instead. The
// factor leaves the live peak well under the limit at every size measured
// (the seed, 10,000 and 100,000 rows), so the collector never runs back to
// back; MinMemoryLimit covers small content, whose heap is mostly fixed
// costs (templates, esbuild).
const (
	MemoryPerContentByte = 36
	MinMemoryLimit       = 128 << 20
)

// MemoryLimit is the soft memory limit for building the content folder:
// MemoryPerContentByte times the size of its files, at least
// MinMemoryLimit. An unreadable folder gives MinMemoryLimit (the build
// reports the folder itself).
func MemoryLimit(content string) int64 {
	var size int64
	fs.WalkDir(os.DirFS(content), ".", func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				size += fi.Size()
			}
		}
		return nil
	})
	return max(MinMemoryLimit, MemoryPerContentByte*size)
}
