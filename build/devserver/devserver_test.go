package devserver

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
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

func TestAddScript(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<html><head><title>x</title></head><body>b</body></html>", "<html><head><title>x</title>" + scriptTag + "</head><body>b</body></html>"},
		{"<HTML><HEAD></HEAD></HTML>", "<HTML><HEAD>" + scriptTag + "</HEAD></HTML>"},
		{"<p>no head</p></body>", "<p>no head</p>" + scriptTag + "</body>"},
		{"<p>fragment", "<p>fragment" + scriptTag},
	}
	for _, tt := range tests {
		if got := string(addScript([]byte(tt.in))); got != tt.want {
			t.Errorf("addScript(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInject(t *testing.T) {
	tests := []struct {
		name, ctype, disp, method string
		status                    int
		injected                  bool
	}{
		{"page", "text/html; charset=utf-8", "", "GET", 200, true},
		{"404 page", "text/html; charset=utf-8", "", "GET", 404, true},
		{"download", "text/html; charset=utf-8", "attachment; filename=x.html", "GET", 200, false},
		{"json", "application/json", "", "GET", 200, false},
		{"head", "text/html; charset=utf-8", "", "HEAD", 200, false},
	}
	const page = "<html><head></head><body>hi</body></html>"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := inject(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.ctype)
				w.Header().Set("Content-Length", "41")
				if tt.disp != "" {
					w.Header().Set("Content-Disposition", tt.disp)
				}
				w.WriteHeader(tt.status)
				io.WriteString(w, page)
			}))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, "/x", nil))
			body := rec.Body.String()
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d", rec.Code, tt.status)
			}
			if got := strings.Contains(body, scriptTag); got != tt.injected {
				t.Errorf("injected = %v, want %v: %q", got, tt.injected, body)
			}
			if tt.method == "GET" {
				if cl := rec.Header().Get("Content-Length"); cl != itoa(len(body)) {
					t.Errorf("Content-Length %s for a %d-byte body", cl, len(body))
				}
			}
		})
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// project copies the real content, templates and assets into a temp folder
// and returns options building them into <tmp>/public.
func project(t testing.TB) Options {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content", "templates", "assets"} {
		copyTree(t, filepath.Join("..", "..", d), filepath.Join(dir, d))
	}
	return Options{
		Site: site.Options{
			Content:   filepath.Join(dir, "content"),
			Templates: filepath.Join(dir, "templates"),
			Assets:    filepath.Join(dir, "assets"),
			Out:       filepath.Join(dir, "public"),
		},
		Netlify: filepath.Join("..", "..", "netlify.toml"),
		Addr:    "127.0.0.1:0",
	}
}

func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sse reads a text/event-stream into events.
func sse(t *testing.T, body io.Reader, events chan<- Event) {
	sc := bufio.NewScanner(body)
	sc.Buffer(nil, 1<<20)
	var ev Event
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if ev.Name != "" {
				events <- ev
			}
			ev = Event{}
		case strings.HasPrefix(line, "event: "):
			ev.Name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev.Data = append(ev.Data, strings.TrimPrefix(line, "data: ")...)
		}
	}
	close(events)
}

func next(t *testing.T, events <-chan Event, want string) Event {
	t.Helper()
	select {
	case ev, ok := <-events:
		if !ok {
			t.Fatalf("event stream ended, waiting for %q", want)
		}
		if ev.Name != want {
			t.Fatalf("event %q (%s), want %q", ev.Name, ev.Data, want)
		}
		return ev
	case <-time.After(20 * time.Second):
		t.Fatalf("no %q event", want)
	}
	return Event{}
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestServe runs the real server over HTTP: serves the site with
// netlify.toml's headers and the injected script, reloads on an edit, shows
// a build error with its position while still serving the last good site,
// and clears it when the file is fixed.
func TestServe(t *testing.T) {
	opts := project(t)
	var logb strings.Builder
	opts.Log = &syncWriter{w: &logb}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, opts, func(u string) { ready <- u }) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatalf("Run ended: %v", err)
	}

	cfg, err := netlify.Load(opts.Netlify)
	if err != nil {
		t.Fatal(err)
	}
	resp, data := get(t, base+"data/matrix.json")
	if resp.StatusCode != 200 {
		t.Fatalf("GET data/matrix.json: %d", resp.StatusCode)
	}
	for name, vs := range cfg.HeadersFor("/data/matrix.json") {
		if got := resp.Header.Get(name); got != vs[0] {
			t.Errorf("data/matrix.json %s = %q, want netlify.toml's %q", name, got, vs[0])
		}
	}
	resp, page := get(t, base+"nl/")
	if resp.StatusCode != 200 || !strings.Contains(page, scriptTag) {
		t.Errorf("GET /nl/: %d, script injected: %v", resp.StatusCode, strings.Contains(page, scriptTag))
	}
	if csp := resp.Header.Get("Content-Security-Policy"); csp != cfg.HeadersFor("/nl/").Get("Content-Security-Policy") || csp == "" {
		t.Errorf("GET /nl/ CSP %q", csp)
	}
	resp, js := get(t, base+"__livereload.js")
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "javascript") || !strings.Contains(js, "EventSource") {
		t.Errorf("GET /__livereload.js: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}

	req, _ := http.NewRequestWithContext(ctx, "GET", base+"__livereload", nil)
	stream, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	if ct := stream.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("event stream Content-Type %q", ct)
	}
	events := make(chan Event, 16)
	go sse(t, stream.Body, events)

	doc := filepath.Join(opts.Site.Content, "nl", "backup-mabs-protection-matrix.md")
	orig, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(b []byte) {
		if err := os.WriteFile(doc, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// 1. A one-cell edit: reload.
	edit([]byte(strings.Replace(string(orig), "Alle implementatiescenario's: Database", "Alle implementatiescenario's: Databases", 1)))
	next(t, events, "reload")
	_, data2 := get(t, base+"data/matrix.json")
	if data2 == data || !strings.Contains(data2, "Databases") {
		t.Errorf("matrix.json not rebuilt after the edit")
	}

	// 2. Break it: no front matter. An error event with file:line:col; the
	// last good site is still served.
	edit([]byte(strings.Replace(string(orig), "---\n", "", 1)))
	ev := next(t, events, "build-error")
	var p struct {
		Diagnostics []struct {
			File, Severity, Code, Message, Text string
			Line, Col                           int
		}
	}
	if err := json.Unmarshal(ev.Data, &p); err != nil {
		t.Fatalf("build-error data %s: %v", ev.Data, err)
	}
	found := false
	for _, d := range p.Diagnostics {
		if strings.HasSuffix(d.File, "nl/backup-mabs-protection-matrix.md") && d.Line > 0 && d.Col > 0 &&
			d.Severity == "error" && strings.HasPrefix(d.Text, fmt.Sprintf("%s:%d:%d: error: ", d.File, d.Line, d.Col)) {
			found = true
		}
	}
	if !found {
		t.Errorf("no positioned error for the broken file in %s", ev.Data)
	}
	if _, data3 := get(t, base+"data/matrix.json"); data3 != data2 {
		t.Errorf("the last good site is no longer served")
	}
	if !strings.Contains(logb.String(), "nl/backup-mabs-protection-matrix.md:") {
		t.Errorf("terminal output lacks the diagnostic:\n%s", logb.String())
	}

	// A page opened now gets the error at once.
	req2, _ := http.NewRequestWithContext(ctx, "GET", base+"__livereload", nil)
	stream2, err := http.DefaultClient.Do(req2)
	if err != nil {
		t.Fatal(err)
	}
	events2 := make(chan Event, 4)
	go sse(t, stream2.Body, events2)
	next(t, events2, "build-error")
	stream2.Body.Close()

	// 3. Fix it: clear, then reload.
	edit(orig)
	next(t, events, "clear")
	next(t, events, "reload")
	if _, data4 := get(t, base+"data/matrix.json"); data4 != data {
		t.Errorf("matrix.json after the fix differs from the first build")
	}
}

// syncWriter lets the server log while the test reads the log.
type syncWriter struct {
	w io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) { return s.w.Write(p) }

// BenchmarkRebuildOneCellEdit measures what a save costs in `serve`: edit
// one cell of the seed, rebuild the whole site and swap it in.
func BenchmarkRebuildOneCellEdit(b *testing.B) {
	opts := project(b)
	s, err := New(opts)
	if err != nil {
		b.Fatal(err)
	}
	if !s.Rebuild() {
		b.Fatal("first build failed")
	}
	doc := filepath.Join(opts.Site.Content, "nl", "backup-mabs-protection-matrix.md")
	orig, err := os.ReadFile(doc)
	if err != nil {
		b.Fatal(err)
	}
	variants := [][]byte{
		[]byte(strings.Replace(string(orig), "Alle implementatiescenario's: Database", "Alle implementatiescenario's: Databases", 1)),
		orig,
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := os.WriteFile(doc, variants[i%2], 0o644); err != nil {
			b.Fatal(err)
		}
		if !s.Rebuild() {
			b.Fatal("rebuild failed")
		}
	}
}
