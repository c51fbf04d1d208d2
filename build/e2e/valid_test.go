package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mabs-matrix/matrixdoc/build/judge"
)

// TestValidDOM: the documents the script leaves behind pass the W3C Nu HTML
// Checker too — build/judge checks the files as built, but the offline
// file's table and workload views, the highlights of a search and the
// hidden rows of a filter exist only once the script has run. Every view is
// serialized after its script and checked in one run; any error fails.
func TestValidDOM(t *testing.T) {
	jar, err := judge.VNUJar(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	wl := model.Workloads[0].ID
	type view struct{ name, url string }
	var views []view
	for _, loc := range model.Locales {
		views = append(views,
			view{loc + "-matrix", origin + "/" + loc + "/"},
			view{loc + "-matrix-search", origin + "/" + loc + "/#q=sql+2014"},
			view{loc + "-workload", origin + "/" + loc + "/workloads/" + wl + "/"},
			view{loc + "-offline", offlineURL() + "#l=" + loc + "&q=sql"},
			view{loc + "-offline-workload", offlineURL() + "#l=" + loc + "&p=" + wl},
		)
	}
	dir := t.TempDir()
	var files []string
	names := map[string]string{}
	for _, v := range views {
		tb := newTab(t)
		tb.allowFile = strings.HasPrefix(v.url, "file:")
		tb.open(v.url)
		// Pages with a matrix: wait for its script (a workload page has none).
		tb.wait(`document.querySelectorAll("[data-matrix]").length === 0 || !!document.querySelector("[data-ready]")`)
		doc := "<!DOCTYPE html>\n" + tb.str("document.documentElement.outerHTML")
		f := filepath.Join(dir, v.name+".html")
		if err := os.WriteFile(f, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		names[f] = v.name + " (" + v.url + ", the DOM after its script)"
	}
	msgs, err := judge.Check(jar, files)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		m.File = names[m.File]
		if m.Error() {
			t.Errorf("%s", m)
		} else {
			t.Logf("%s", m)
		}
	}
}
