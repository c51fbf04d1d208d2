package site

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// WriteTree replaces the folder out with exactly files (slash-separated paths
// relative to out → contents), atomically as seen from readers of out:
//
//  1. the files are written, in sorted order, into a fresh temporary folder
//     next to out (same parent, so the same file system and rename works);
//  2. the temporary folder and out are swapped — in one renameat2
//     RENAME_EXCHANGE where the system has it (a server reading out never sees
//     it missing), else by renaming out aside and the new folder in;
//  3. the previous contents are removed.
//
// On any failure before the swap, out is left exactly as it was and the
// temporary folder is removed.
func WriteTree(out string, files map[string][]byte) (err error) {
	out = filepath.Clean(out)
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if base == "" || base == "." || base == ".." || base == string(filepath.Separator) {
		return fmt.Errorf("refusing to replace %q: not a folder name", out)
	}
	if fi, err := os.Lstat(out); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s exists and is not a folder", out)
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := writeFiles(tmp, files); err != nil {
		return err
	}
	return swap(tmp, out)
}

// writeFiles writes files under dir in sorted path order.
func writeFiles(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	made := map[string]bool{}
	for _, name := range names {
		clean := path.Clean(name)
		if !isLocalPath(clean) {
			return fmt.Errorf("output path %q escapes the output folder", name)
		}
		full := filepath.Join(dir, filepath.FromSlash(clean))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(full, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
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
