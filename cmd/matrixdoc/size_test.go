package main

import (
	"strings"
	"testing"
)

func TestByteSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64 // 0: an error
	}{
		{"64MiB", 64 << 20}, {"256mib", 256 << 20}, {"512KiB", 512 << 10}, {"1GiB", 1 << 30},
		{"16M", 16 << 20}, {"8k", 8 << 10}, {"20MB", 20e6}, {"1kB", 1000}, {"1048576", 1 << 20},
		{"100B", 100}, {" 2 MiB ", 2 << 20},
		{"", 0}, {"0", 0}, {"-1MiB", 0}, {"MiB", 0}, {"1.5MiB", 0}, {"12TB", 0}, {"99999999999GiB", 0},
	} {
		var s byteSize
		err := s.Set(tc.in)
		switch {
		case tc.want == 0 && err == nil:
			t.Errorf("Set(%q) = %d, want an error", tc.in, s)
		case tc.want != 0 && (err != nil || int64(s) != tc.want):
			t.Errorf("Set(%q) = %d, %v; want %d", tc.in, s, err, tc.want)
		}
	}
	for _, tc := range []struct {
		n    byteSize
		want string
	}{{0, "16MiB"}, {64 << 20, "64MiB"}, {1 << 30, "1GiB"}, {3 << 10, "3KiB"}, {1000, "1000"}} {
		if got := tc.n.String(); got != tc.want {
			t.Errorf("(%d).String() = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// TestMaxFileSizeFlag: every content command takes --max-file-size, a
// document over it is refused with a message naming the limit and the flag,
// and a bad value is a usage error.
func TestMaxFileSizeFlag(t *testing.T) {
	base := []string{"--content", "../../content", "--templates", "../../templates", "--assets", "../../assets"}
	for _, cmd := range []string{"check", "build"} {
		args := append(append([]string{cmd}, base...), "--max-file-size", "8KiB")
		if cmd == "build" {
			args = append(args, "--out", t.TempDir()+"/public")
		}
		code, stdout, stderr := runCLI(t, args...)
		out := stdout + stderr
		if code != 1 || !strings.Contains(out, "file-too-large") ||
			!strings.Contains(out, "over the 8 KiB limit") || !strings.Contains(out, "--max-file-size") {
			t.Errorf("%s --max-file-size 8KiB: exit %d, want 1 and a file-too-large error naming the limit and the flag:\n%s", cmd, code, out)
		}
	}
	code, _, stderr := runCLI(t, append(append([]string{"check"}, base...), "--max-file-size", "64MiB")...)
	if code != 0 {
		t.Errorf("check --max-file-size 64MiB: exit %d\n%s", code, stderr)
	}
	for _, cmd := range []string{"build", "check", "serve"} {
		code, _, stderr := runCLI(t, cmd, "--max-file-size", "lots")
		if code != 2 || !strings.Contains(stderr, `invalid value "lots" for flag -max-file-size`) {
			t.Errorf("%s --max-file-size lots: exit %d, stderr %q", cmd, code, stderr)
		}
	}
}
