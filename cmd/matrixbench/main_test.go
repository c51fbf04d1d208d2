package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestStats(t *testing.T) {
	ms := time.Millisecond
	for _, tc := range []struct {
		in          []time.Duration
		med, lo, hi time.Duration
	}{
		{[]time.Duration{5 * ms}, 5 * ms, 5 * ms, 5 * ms},
		{[]time.Duration{9 * ms, 1 * ms, 5 * ms}, 5 * ms, 1 * ms, 9 * ms},
		{[]time.Duration{4 * ms, 2 * ms, 8 * ms, 6 * ms}, 5 * ms, 2 * ms, 8 * ms},
	} {
		med, lo, hi := stats(tc.in)
		if med != tc.med || lo != tc.lo || hi != tc.hi {
			t.Errorf("stats(%v) = %v, %v, %v; want %v, %v, %v", tc.in, med, lo, hi, tc.med, tc.lo, tc.hi)
		}
	}
}

func TestIntList(t *testing.T) {
	var l intList
	if err := l.Set("10000, 100000"); err != nil {
		t.Fatal(err)
	}
	if l.String() != "10000,100000" {
		t.Errorf("got %q", l.String())
	}
	for _, bad := range []string{"", "x", "0", "10,-1"} {
		if err := l.Set(bad); err == nil {
			t.Errorf("Set(%q) accepted", bad)
		}
	}
}

func TestGoal(t *testing.T) {
	for _, tc := range []struct {
		rows int
		med  time.Duration
		rss  int64
		want string
	}{
		{0, 40 * time.Millisecond, 50 << 20, "< 100 ms: meets"},
		{0, 140 * time.Millisecond, 50 << 20, "< 100 ms: misses"},
		{10000, 1500 * time.Millisecond, 200 << 20, "< 2 s, < 300 MB: meets"},
		{10000, 1500 * time.Millisecond, 400 << 20, "< 2 s, < 300 MB: misses"},
		{100000, time.Second, 1 << 30, "-"},
	} {
		if got := goal(tc.rows, tc.med, tc.rss); got != tc.want {
			t.Errorf("goal(%d, %v, %d) = %q, want %q", tc.rows, tc.med, tc.rss, got, tc.want)
		}
	}
}

func TestSynthCommand(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	code := run([]string{"synth", "--rows", "25", "--out", dir, "--content", filepath.Join("..", "..", "content")}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, loc := range []string{"nl", "en"} {
		b, err := os.ReadFile(filepath.Join(dir, loc, "backup-mabs-protection-matrix.md"))
		if err != nil {
			t.Fatal(err)
		}
		// Header, delimiter and 25 body rows.
		if n := strings.Count(string(b), "\n|"); n != 27 {
			t.Errorf("%s: %d table lines, want 27", loc, n)
		}
	}
	if code := run([]string{"synth", "--rows", "5"}, &out, &errb); code != 2 {
		t.Errorf("synth without --out: exit %d, want 2", code)
	}
	if code := run([]string{"nope"}, &out, &errb); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}
