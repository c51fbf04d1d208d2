package site

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMemoryLimit: the limit is proportional to the content's bytes (every
// file, in sub-folders too), never under the floor, the floor for a
// missing folder.
func TestMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	if got := MemoryLimit(filepath.Join(dir, "missing")); got != MinMemoryLimit {
		t.Errorf("missing folder: %d, want %d", got, MinMemoryLimit)
	}
	if got := MemoryLimit(dir); got != MinMemoryLimit {
		t.Errorf("empty folder: %d, want %d", got, MinMemoryLimit)
	}
	const size = 8 << 20 // 8 MiB: over the floor
	for _, name := range []string{"nl/a.md", "en/a.md"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, make([]byte, size/2), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := MemoryLimit(dir), int64(MemoryPerContentByte*size); got != want {
		t.Errorf("8 MiB of content: %d, want %d", got, want)
	}
}
