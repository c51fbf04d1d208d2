package render

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"gopkg.in/yaml.v2"

	"github.com/mabs-matrix/matrixdoc/build/bundle"
	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

var (
	assetsOnce sync.Once
	assets     *bundle.Assets
	assetsErr  error
)

// realAssets bundles the repository's assets/ once per test binary.
func realAssets(t testing.TB) *bundle.Assets {
	t.Helper()
	assetsOnce.Do(func() { assets, assetsErr = bundle.Build(filepath.Join("..", "..", "assets")) })
	if assetsErr != nil {
		t.Fatal(assetsErr)
	}
	return assets
}

// readStrings reads content/<loc>/strings.yaml for each locale.
func readStrings(t testing.TB, locales []string) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for _, loc := range locales {
		b, err := os.ReadFile(filepath.Join("..", "..", "content", loc, "strings.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := yaml.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s/strings.yaml: %v", loc, err)
		}
		out[loc] = m
	}
	return out
}

// fixtureInput is the hand-written model in testdata/model.json with the
// real strings, templates and assets.
func fixtureInput(t testing.TB) Input {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m matrix.Model
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return Input{
		Model:     &m,
		Strings:   readStrings(t, m.Locales),
		Templates: os.DirFS(filepath.Join("..", "..", "templates")),
		Assets:    realAssets(t),
		BaseURL:   "https://mabs-matrix.netlify.app/",
	}
}

// renderFixture renders the fixture site or fails the test.
func renderFixture(t testing.TB) map[string][]byte {
	t.Helper()
	out, err := Site(fixtureInput(t))
	if err != nil {
		t.Fatal(err)
	}
	return out
}
