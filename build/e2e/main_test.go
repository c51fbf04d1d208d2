package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mabs-matrix/matrixdoc/build/e2e/browser"
	"github.com/mabs-matrix/matrixdoc/build/judge"
	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/netlify"
	"github.com/mabs-matrix/matrixdoc/build/site"
)

// The shared fixtures of the test binary, set up once by TestMain.
var (
	repoRoot   string          // the module root
	siteDir    string          // the built site (a public/ folder)
	origin     string          // the server's origin, "http://127.0.0.1:port"
	browserCtx context.Context // the one browser; tabs are children of it
	model      *matrix.Model   // data/matrix.json of the built site
)

func TestMain(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	var err error
	if repoRoot, err = judge.ModuleRoot(); err != nil {
		return 0, err
	}
	if _, err := os.Stat(browser.Path); err != nil {
		return 0, fmt.Errorf("Chromium is missing (%s): run the README's test command, bash .ci/test, which installs it", browser.Path)
	}
	tmp, err := os.MkdirTemp("", "matrixdoc-e2e-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)

	if siteDir = os.Getenv("MATRIXDOC_E2E_SITE"); siteDir == "" {
		siteDir = filepath.Join(tmp, "public")
		start := time.Now()
		_, diags := site.Build(site.Options{
			Content:   filepath.Join(repoRoot, "content"),
			Templates: filepath.Join(repoRoot, "templates"),
			Assets:    filepath.Join(repoRoot, "assets"),
			Out:       siteDir,
		})
		if diags.HasErrors() {
			diags.Print(os.Stderr)
			return 0, errors.New("the site does not build")
		}
		fmt.Fprintf(os.Stderr, "e2e: site built in %v\n", time.Since(start).Round(time.Millisecond))
	}
	if model, err = loadModel(filepath.Join(siteDir, "data", "matrix.json")); err != nil {
		return 0, err
	}

	cfg, err := netlify.Load(filepath.Join(repoRoot, "netlify.toml"))
	if err != nil {
		return 0, err
	}
	srv := httptest.NewServer(netlify.Handler(siteDir, cfg))
	defer srv.Close()
	origin = srv.URL

	var cancelBrowser context.CancelFunc
	var took time.Duration
	browserCtx, took, cancelBrowser, err = browser.Start(filepath.Join(tmp, "profile"))
	if err != nil {
		return 0, err
	}
	defer cancelBrowser()
	fmt.Fprintf(os.Stderr, "e2e: chromium started in %v\n", took.Round(time.Millisecond))
	return m.Run(), nil
}
