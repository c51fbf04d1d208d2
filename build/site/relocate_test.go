package site

import (
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

// TestRelocateMessages checks that every place a diagnostic names — its position,
// its related places and the same places written in its message — carries
// the content folder, exactly once.
func TestRelocateMessages(t *testing.T) {
	tests := []struct {
		name    string
		in      diag.Diagnostic
		file    string
		related []string
		msg     string
	}{
		{
			name: "two files",
			in: diag.Diagnostic{
				Position: diag.Position{File: "en/m.md", Line: 57, Col: 3},
				Message:  "nl/m.md:57 and en/m.md:57 disagree",
				Related:  []diag.Position{{File: "nl/m.md", Line: 57, Col: 1}},
			},
			file: "content/en/m.md", related: []string{"content/nl/m.md"},
			msg: "content/nl/m.md:57 and content/en/m.md:57 disagree",
		},
		{
			name: "same file twice",
			in: diag.Diagnostic{
				Position: diag.Position{File: "nl/m.md", Line: 40, Col: 1},
				Message:  "same as the row at nl/m.md:39",
				Related:  []diag.Position{{File: "nl/m.md", Line: 39, Col: 1}},
			},
			file: "content/nl/m.md", related: []string{"content/nl/m.md"},
			msg: "same as the row at content/nl/m.md:39",
		},
		{
			name: "whole folder",
			in:   diag.Diagnostic{Position: diag.Position{File: "."}, Message: "no locale folder"},
			file: "content", msg: "no locale folder",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := relocate(diag.List{tc.in}, "content")[0]
			if out.File != tc.file || out.Message != tc.msg {
				t.Errorf("got %q %q, want %q %q", out.File, out.Message, tc.file, tc.msg)
			}
			if len(out.Related) != len(tc.related) {
				t.Fatalf("related %v, want %v", out.Related, tc.related)
			}
			for i, r := range out.Related {
				if r.File != tc.related[i] {
					t.Errorf("related[%d] = %q, want %q", i, r.File, tc.related[i])
				}
			}
		})
	}
}
