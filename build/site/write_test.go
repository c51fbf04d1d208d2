package site

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// readTree returns every file under dir (slash paths → contents).
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// siblings lists the entries of dir's parent other than dir itself: temp
// folders left behind would show up here.
func siblings(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		if e.Name() != filepath.Base(dir) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

func TestWriteTree(t *testing.T) {
	old := map[string][]byte{"index.html": []byte("old"), "stale/file.txt": []byte("gone after a good write")}
	tests := []struct {
		name    string
		files   map[string][]byte
		wantErr bool
	}{
		{name: "replace", files: map[string][]byte{"index.html": []byte("new"), "data/matrix.json": []byte("{}")}},
		{name: "empty site", files: map[string][]byte{}},
		{name: "escaping path", files: map[string][]byte{"index.html": []byte("new"), "../evil": []byte("x")}, wantErr: true},
		{name: "absolute path", files: map[string][]byte{"/etc/evil": []byte("x")}, wantErr: true},
		{name: "file and folder clash", files: map[string][]byte{"a": []byte("file"), "a/b": []byte("under a file")}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if err := WriteTree(out, old); err != nil {
				t.Fatal(err)
			}
			err := WriteTree(out, tt.files)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			want := tt.files
			if tt.wantErr {
				want = old
			}
			if got := readTree(t, out); !maps.EqualFunc(got, want, bytes.Equal) {
				t.Errorf("tree after write = %q, want %q", got, want)
			}
			if s := siblings(t, out); len(s) != 0 {
				t.Errorf("left behind next to the output: %v", s)
			}
		})
	}
}

func TestWriteTreeFresh(t *testing.T) {
	out := filepath.Join(t.TempDir(), "deep", "public")
	files := map[string][]byte{"a/b/c.txt": []byte("c")}
	if err := WriteTree(out, files); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, out); !maps.EqualFunc(got, files, bytes.Equal) {
		t.Errorf("got %q", got)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o755 {
		t.Errorf("output folder mode %v, want 0755", fi.Mode().Perm())
	}
}

func TestWriteTreeRefusesFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := os.WriteFile(out, []byte("a file"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteTree(out, map[string][]byte{"x": nil}); err == nil {
		t.Fatal("WriteTree over a file succeeded")
	}
	if b, _ := os.ReadFile(out); string(b) != "a file" {
		t.Errorf("file was changed to %q", b)
	}
}
