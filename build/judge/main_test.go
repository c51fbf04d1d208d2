package judge

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mabs-matrix/matrixdoc/build/netlify"
	"github.com/mabs-matrix/matrixdoc/build/site"
)

// The shared fixtures of the test binary, set up once by TestMain.
var (
	repoRoot string // the module root
	siteDir  string // the built site
	origin   string // its server, "http://127.0.0.1:port"
)

func TestMain(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintf(os.Stderr, "judge: %v\n", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	var err error
	if repoRoot, err = ModuleRoot(); err != nil {
		return 0, err
	}
	tmp, err := os.MkdirTemp("", "matrixdoc-judge-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
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
	fmt.Fprintf(os.Stderr, "judge: site built in %v\n", time.Since(start).Round(time.Millisecond))
	cfg, err := netlify.Load(filepath.Join(repoRoot, "netlify.toml"))
	if err != nil {
		return 0, err
	}
	srv := httptest.NewServer(gzipped(netlify.Handler(siteDir, cfg)))
	defer srv.Close()
	origin = srv.URL
	return m.Run(), nil
}

// gzipped compresses text responses for clients that accept gzip, as the
// host does (Netlify compresses every text file it serves): Lighthouse's
// simulated slow network charges the bytes on the wire.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || r.Method == http.MethodHead {
			h.ServeHTTP(w, r)
			return
		}
		gw := &gzipWriter{ResponseWriter: w}
		h.ServeHTTP(gw, r)
		gw.close()
	})
}

// gzipWriter decides at WriteHeader whether the body is text to compress.
type gzipWriter struct {
	http.ResponseWriter
	zw      *gzip.Writer
	decided bool
}

func (g *gzipWriter) WriteHeader(code int) {
	if !g.decided {
		g.decided = true
		h := g.Header()
		h.Add("Vary", "Accept-Encoding")
		ct := h.Get("Content-Type")
		text := strings.HasPrefix(ct, "text/") || strings.Contains(ct, "javascript") || strings.Contains(ct, "json") || strings.Contains(ct, "svg") || strings.Contains(ct, "xml")
		if text && h.Get("Content-Encoding") == "" && code != http.StatusNotModified && code != http.StatusNoContent {
			h.Del("Content-Length")
			h.Set("Content-Encoding", "gzip")
			g.zw = gzip.NewWriter(g.ResponseWriter)
		}
	}
	g.ResponseWriter.WriteHeader(code)
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	if !g.decided {
		g.WriteHeader(http.StatusOK)
	}
	if g.zw != nil {
		return g.zw.Write(b)
	}
	return g.ResponseWriter.Write(b)
}

func (g *gzipWriter) close() {
	if g.zw != nil {
		g.zw.Close()
	}
}

// siteModel is what the tests read of the built data/matrix.json.
type siteModel struct {
	Locales   []string
	Workloads []struct {
		ID   string
		Rows []string
	}
}

func readModel(t *testing.T) siteModel {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(siteDir, "data", "matrix.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m siteModel
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// htmlFiles lists the built site's HTML files (the offline file included).
func htmlFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(siteDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
