package synth

import (
	"fmt"
	"io/fs"
	"os"
	"sync"
	"testing/fstest"
)

// SeedRows is the number of table rows of the real document; a benchmark at
// this size runs on the real content folder, not on generated rows.
const SeedRows = 66

// BenchSizes are the sizes every stage benchmark runs at (rows per locale).
var BenchSizes = []int{SeedRows, 10000, 100000}

// BenchSeed seeds the synthetic content of the benchmarks and of matrixbench,
// so the figures of both describe the same bytes.
const BenchSeed = 1

type fixtureKey struct {
	dir  string
	rows int
}

type fixture struct {
	once sync.Once
	fsys fstest.MapFS
	err  error
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[fixtureKey]*fixture{}
)

// Fixture returns, in memory, the content folder a benchmark of rows rows
// runs on: a copy of the real content folder contentDir when rows is
// SeedRows, else synthetic content (BenchSeed, strings copied from
// contentDir). Each (contentDir, rows) is built once per process and shared;
// callers must not modify the returned map.
func Fixture(contentDir string, rows int) (fstest.MapFS, error) {
	fixturesMu.Lock()
	f := fixtures[fixtureKey{contentDir, rows}]
	if f == nil {
		f = &fixture{}
		fixtures[fixtureKey{contentDir, rows}] = f
	}
	fixturesMu.Unlock()
	f.once.Do(func() {
		if rows == SeedRows {
			f.fsys, f.err = copyFS(os.DirFS(contentDir))
			return
		}
		f.fsys, f.err = FS(Options{Rows: rows, Seed: BenchSeed, Content: os.DirFS(contentDir)})
	})
	return f.fsys, f.err
}

// copyFS reads every regular file of fsys into memory.
func copyFS(fsys fs.FS) (fstest.MapFS, error) {
	m := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		m[name] = &fstest.MapFile{Data: b, Mode: 0o644}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("synth: reading content: %w", err)
	}
	return m, nil
}
