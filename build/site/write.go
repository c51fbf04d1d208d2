package site

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// WriteTree replaces the folder out with exactly files (slash-separated paths
// relative to out → contents), atomically as seen from readers of out; see
// tree for how. Build streams into a tree instead of holding the site.
func WriteTree(out string, files map[string][]byte) error {
	t, err := newTree(out)
	if err != nil {
		return err
	}
	for _, name := range sortedNames(files) {
		data := files[name]
		if err := t.stream(name, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			t.abort()
			return err
		}
	}
	if err := t.commit(); err != nil {
		t.abort()
		return err
	}
	return nil
}

// tree is an output folder being replaced:
//
//  1. files are written, as they come, into a fresh temporary folder next
//     to out (same parent, so the same file system and rename works),
//     made at the first file;
//  2. commit swaps the temporary folder and out — in one renameat2
//     RENAME_EXCHANGE where the system has it (a server reading out never
//     sees it missing), else by renaming out aside and the new folder in —
//     and removes the previous contents;
//  3. abort (on any failure before the swap) removes the temporary folder:
//     out is left exactly as it was.
//
// Files may be written from several goroutines at once.
type tree struct {
	out, parent, base string

	mu   sync.Mutex
	tmp  string // "" until the first file
	made map[string]bool
}

// newTree checks that out can be replaced; it changes nothing on disk.
func newTree(out string) (*tree, error) {
	out = filepath.Clean(out)
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if base == "" || base == "." || base == ".." || base == string(filepath.Separator) {
		return nil, fmt.Errorf("refusing to replace %q: not a folder name", out)
	}
	if fi, err := os.Lstat(out); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("%s exists and is not a folder", out)
	}
	return &tree{out: out, parent: parent, base: base, made: map[string]bool{}}, nil
}

// start makes the temporary folder; t.mu is held.
func (t *tree) start() error {
	if t.tmp != "" {
		return nil
	}
	if err := os.MkdirAll(t.parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(t.parent, "."+t.base+".new-")
	if err != nil {
		return err
	}
	t.tmp = tmp
	return os.Chmod(tmp, 0o755)
}

// path checks name and returns where it goes, making its folder.
func (t *tree) path(name string) (string, error) {
	clean := path.Clean(name)
	if !isLocalPath(clean) {
		return "", fmt.Errorf("output path %q escapes the output folder", name)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.start(); err != nil {
		return "", err
	}
	full := filepath.Join(t.tmp, filepath.FromSlash(clean))
	if d := filepath.Dir(full); !t.made[d] {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return "", err
		}
		t.made[d] = true
	}
	return full, nil
}

// stream writes one file: write gets the file itself (the writers of
// large files buffer their own writes).
func (t *tree) stream(name string, write func(io.Writer) error) error {
	full, err := t.path(name)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// commit puts the written tree in place of out. A tree with no file
// yet still replaces out (with an empty folder). Every write must be done.
func (t *tree) commit() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.start(); err != nil {
		return err
	}
	return swap(t.tmp, t.out)
}

// abort removes the temporary folder, if any.
func (t *tree) abort() {
	if t.tmp != "" {
		os.RemoveAll(t.tmp)
	}
}

func isLocalPath(p string) bool {
	return p != "." && p != "" && !strings.HasPrefix(p, "/") && p != ".." && !strings.HasPrefix(p, "../")
}

// swap puts the folder tmp in place of out and removes what out held.
func swap(tmp, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return os.Rename(tmp, out)
	}
	if err := exchange(tmp, out); err == nil {
		// tmp now holds the previous output.
		return os.RemoveAll(tmp)
	}
	old := tmp + ".old"
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return fmt.Errorf("%w (and restoring %s from %s failed: %v)", err, out, old, rerr)
		}
		return err
	}
	return os.RemoveAll(old)
}
