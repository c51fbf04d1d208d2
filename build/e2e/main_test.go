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

	"github.com/chromedp/chromedp"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/netlify"
	"github.com/mabs-matrix/matrixdoc/build/site"
)

// chromiumPath is Debian's Chromium binary; .ci/test installs it.
const chromiumPath = "/usr/lib/chromium/chromium"

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
	if repoRoot, err = findRoot(); err != nil {
		return 0, err
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		return 0, fmt.Errorf("Chromium is missing (%s): run the README's test command, bash .ci/test, which installs it", chromiumPath)
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

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox, // root in containers; the pages are our own
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("lang", "nl-NL"), // a Dutch reader: navigator.languages
		chromedp.Flag("accept-lang", "nl-NL,nl"),
		chromedp.UserDataDir(filepath.Join(tmp, "profile")),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	var cancelBrowser context.CancelFunc
	browserCtx, cancelBrowser = chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	start := time.Now()
	if err := chromedp.Run(browserCtx); err != nil {
		return 0, fmt.Errorf("starting %s: %w (run bash .ci/test to install it)", chromiumPath, err)
	}
	fmt.Fprintf(os.Stderr, "e2e: chromium started in %v\n", time.Since(start).Round(time.Millisecond))
	return m.Run(), nil
}

// findRoot walks up from the working directory to the folder with go.mod.
func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
