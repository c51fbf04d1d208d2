package judge

import (
	"path/filepath"
	"slices"
	"testing"
)

// expectedPages are the HTML files the built site must have, from its
// data: the picker, the 404 page, the offline file, and per locale the
// matrix and a page per workload.
func expectedPages(t *testing.T) []string {
	t.Helper()
	m := readModel(t)
	want := []string{"index.html", "404.html", "downloads/mabs-protection-matrix.html"}
	for _, loc := range m.Locales {
		want = append(want, loc+"/index.html")
		for _, w := range m.Workloads {
			want = append(want, loc+"/workloads/"+w.ID+"/index.html")
		}
	}
	return want
}

// TestNuHTMLChecker: the W3C Nu HTML Checker finds no error in any built
// page — every page of every language, the 404 page, the picker and the
// offline file — in one run. Warnings are logged.
func TestNuHTMLChecker(t *testing.T) {
	jar, err := VNUJar(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	files := htmlFiles(t)
	var rel []string
	for _, f := range files {
		r, _ := filepath.Rel(siteDir, f)
		rel = append(rel, filepath.ToSlash(r))
	}
	for _, p := range expectedPages(t) {
		if !slices.Contains(rel, p) {
			t.Errorf("%s was not built, so it is not checked", p)
		}
	}
	msgs, err := Check(jar, files) // with its canary: a run that checked nothing is an error
	if err != nil {
		t.Fatal(err)
	}
	errs, warns := 0, 0
	for _, m := range msgs {
		if r, err := filepath.Rel(siteDir, m.File); err == nil {
			m.File = filepath.ToSlash(r)
		}
		if m.Error() {
			errs++
			t.Errorf("%s", m)
		} else {
			warns++
			t.Logf("%s", m)
		}
	}
	t.Logf("vnu %s: %d files, %d errors, %d warnings", VNUVersion, len(files), errs, warns)
}
