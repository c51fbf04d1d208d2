package e2e

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/netlify"
	"github.com/mabs-matrix/matrixdoc/build/site"
)

// buildSite builds a content folder other than the repository's with the
// repository's templates and assets into a temporary public/ folder, and
// reads its data/matrix.json. Warnings are allowed (hostile content has
// them); errors fail the test.
func buildSite(t *testing.T, content string) (dir string, m *matrix.Model) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "public")
	start := time.Now()
	res, diags := site.Build(site.Options{
		Content:   content,
		Templates: filepath.Join(repoRoot, "templates"),
		Assets:    filepath.Join(repoRoot, "assets"),
		Out:       dir,
	})
	if diags.HasErrors() {
		t.Fatalf("%s does not build: %v", content, diags)
	}
	t.Logf("built %d rows, %d pages in %v", res.Rows, res.Pages, time.Since(start).Round(time.Millisecond))
	m, err := loadModel(filepath.Join(dir, "data", "matrix.json"))
	if err != nil {
		t.Fatal(err)
	}
	return dir, m
}

// serveSite serves dir the way the shared site is served (netlify.toml's
// headers and redirects) until the test ends, and returns the origin.
// Without csp, the Content-Security-Policy headers are removed from every
// response, so a page shows what its markup does on its own.
func serveSite(t *testing.T, dir string, csp bool) string {
	t.Helper()
	cfg, err := netlify.Load(filepath.Join(repoRoot, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	h := netlify.Handler(dir, cfg)
	if !csp {
		inner := h
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			inner.ServeHTTP(&noCSP{ResponseWriter: w}, r)
		})
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// noCSP drops the CSP headers just before the response's header goes out.
type noCSP struct {
	http.ResponseWriter
	sent bool
}

func (w *noCSP) strip() {
	if !w.sent {
		w.Header().Del("Content-Security-Policy")
		w.Header().Del("Content-Security-Policy-Report-Only")
		w.sent = true
	}
}

// WriteHeader sends the status without the CSP headers.
func (w *noCSP) WriteHeader(code int) {
	w.strip()
	w.ResponseWriter.WriteHeader(code)
}

// Write sends body bytes (and, first, the header without CSP).
func (w *noCSP) Write(b []byte) (int, error) {
	w.strip()
	return w.ResponseWriter.Write(b)
}
