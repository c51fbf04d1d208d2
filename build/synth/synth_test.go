package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// tableLines returns the header line and the body lines of the one table in doc.
func tableLines(t *testing.T, doc []byte) (header string, body []string) {
	t.Helper()
	lines := strings.Split(string(doc), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "|Workload|") {
			continue
		}
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "|---") {
			t.Fatalf("header at line %d is not followed by a delimiter row", i+1)
		}
		for _, b := range lines[i+2:] {
			if !strings.HasPrefix(b, "|") {
				break
			}
			body = append(body, b)
		}
		return l, body
	}
	t.Fatal("no table header in document")
	return "", nil
}

// cells splits a table line into its cells (the line has no escaped pipes).
func cells(line string) []string {
	return strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|"), "|")
}

func TestRowCountAndShape(t *testing.T) {
	for _, tc := range []struct {
		rows, extra   int
		wantWorkloads int
	}{
		{rows: 1, wantWorkloads: 1},
		{rows: 9, wantWorkloads: 9},
		{rows: 66, wantWorkloads: 9},
		{rows: 1000, wantWorkloads: 19},
		{rows: 1000, extra: -1, wantWorkloads: 9},
		{rows: 300, extra: 40, wantWorkloads: 49},
	} {
		files, err := Generate(Options{Rows: tc.rows, ExtraWorkloads: tc.extra, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		bodies := map[string][]string{}
		for _, loc := range Locales {
			_, body := tableLines(t, files[loc+"/"+DocName])
			if len(body) != tc.rows {
				t.Errorf("rows=%d: %s has %d body rows", tc.rows, loc, len(body))
			}
			workloads := map[string]bool{}
			for i, l := range body {
				c := cells(l)
				if len(c) != 6 {
					t.Fatalf("rows=%d: %s row %d has %d cells: %q", tc.rows, loc, i+1, len(c), l)
				}
				workloads[c[0]] = true
			}
			if len(workloads) != tc.wantWorkloads {
				t.Errorf("rows=%d extra=%d: %s has %d workloads, want %d", tc.rows, tc.extra, loc, len(workloads), tc.wantWorkloads)
			}
			bodies[loc] = body
		}
		// The locales agree row for row on what the cross-language check compares.
		for i := range bodies["nl"] {
			nl, en := cells(bodies["nl"][i]), cells(bodies["en"][i])
			if a, b := strings.Count(nl[1], "<br/>"), strings.Count(en[1], "<br/>"); a != b {
				t.Errorf("row %d: versions split differently (%d vs %d breaks)", i+1, a, b)
			}
			if a, b := strings.Count(nl[2], "<br"), strings.Count(en[2], "<br"); a != b {
				t.Errorf("row %d: installation phrases differ in number (%d vs %d breaks)", i+1, a, b)
			}
			for col := 3; col <= 4; col++ {
				if (nl[col][0] == 'J') != (en[col][0] == 'Y') || (nl[col][0] == 'N') != (en[col][0] == 'N') {
					t.Errorf("row %d col %d: support %q vs %q", i+1, col+1, nl[col], en[col])
				}
			}
		}
	}
}

func TestUniqueWorkloadVersion(t *testing.T) {
	files, err := Generate(Options{Rows: 5000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, loc := range Locales {
		_, body := tableLines(t, files[loc+"/"+DocName])
		seen := map[string]int{}
		for i, l := range body {
			c := cells(l)
			key := c[0] + "|" + c[1]
			if j, ok := seen[key]; ok {
				t.Fatalf("%s: rows %d and %d share workload and version %q", loc, j+1, i+1, key)
			}
			seen[key] = i
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, err := Generate(Options{Rows: 500, Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate(Options{Rows: 500, Seed: 42})
	c, _ := Generate(Options{Rows: 500, Seed: 43})
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	if bytes.Equal(a["nl/"+DocName], c["nl/"+DocName]) {
		t.Error("different seeds gave the same document")
	}
}

func TestCopiesStrings(t *testing.T) {
	content := fstest.MapFS{
		"nl/strings.yaml": {Data: []byte("search: Zoeken\n")},
		"en/strings.yaml": {Data: []byte("search: Search\n")},
	}
	files, err := Generate(Options{Rows: 3, Content: content})
	if err != nil {
		t.Fatal(err)
	}
	for _, loc := range Locales {
		got, want := files[loc+"/strings.yaml"], content[loc+"/strings.yaml"].Data
		if !bytes.Equal(got, want) {
			t.Errorf("%s/strings.yaml = %q, want %q", loc, got, want)
		}
	}
	if _, err := Generate(Options{Rows: 0}); err == nil {
		t.Error("Rows: 0 was accepted")
	}
}

// TestHeaderMatchesRealContent keeps the generator's header in step with the
// real documents: the compiler reads column meaning from this text.
func TestHeaderMatchesRealContent(t *testing.T) {
	want := map[string]string{"nl": headerNL, "en": headerEN}
	for _, loc := range Locales {
		src, err := os.ReadFile(filepath.Join("..", "..", "content", loc, DocName))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := tableLines(t, src)
		if got != want[loc] {
			t.Errorf("%s header\n got %q\nwant %q (from content/%s)", loc, want[loc], got, loc)
		}
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Options{Rows: 12}); err != nil {
		t.Fatal(err)
	}
	files, _ := Generate(Options{Rows: 12})
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s on disk differs from Generate", name)
		}
	}
}

func TestFixture(t *testing.T) {
	content := filepath.Join("..", "..", "content")
	seed, err := Fixture(content, SeedRows)
	if err != nil {
		t.Fatal(err)
	}
	real, err := os.ReadFile(filepath.Join(content, "nl", DocName))
	if err != nil {
		t.Fatal(err)
	}
	if f := seed["nl/"+DocName]; f == nil || !bytes.Equal(f.Data, real) {
		t.Error("the seed fixture is not the real nl document")
	}
	a, err := Fixture(content, 120)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Fixture(content, 120)
	if a["en/"+DocName] != b["en/"+DocName] {
		t.Error("Fixture generated the same size twice")
	}
	_, body := tableLines(t, a["en/"+DocName].Data)
	if len(body) != 120 {
		t.Errorf("synthetic fixture has %d rows, want 120", len(body))
	}
}
