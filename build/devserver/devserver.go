// Package devserver is `matrixdoc serve`: build, serve the output folder on
// 127.0.0.1 exactly as Netlify would (build/netlify's Handler with the
// project's netlify.toml), watch the sources, rebuild on change and
// live-reload the open pages.
//
// Input: site.Options (the folders), the address to listen on, the
// netlify.toml to serve with.
//
// Output: an HTTP server. Besides the site it serves two paths of its own:
//
//	/__livereload     Server-Sent Events: "reload" after a good rebuild,
//	                  "build-error" (JSON: the diagnostics, each with
//	                  file:line:col) after a failed one, "clear" when a
//	                  good build follows a failed one
//	/__livereload.js  the client: an external script (the site's CSP,
//	                  script-src 'self', forbids inline script), added as
//	                  <script src> to every HTML response
//
// Invariants: a failed rebuild never touches the served folder (site.Build
// writes nothing on error), so the last good site stays up while the error
// overlay explains why it is stale. The overlay is built with DOM APIs and
// textContent: diagnostic text is never parsed as markup.
package devserver

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/netlify"
	"github.com/mabs-matrix/matrixdoc/build/site"
)

// Paths the server reserves for itself.
const (
	EventsPath = "/__livereload"
	ScriptPath = "/__livereload.js"
)

//go:embed livereload.js
var clientJS []byte

// Options configures a Server.
type Options struct {
	Site site.Options
	// Addr is the address to listen on; Run uses 127.0.0.1:1313 if empty.
	// Port 0 picks a free port.
	Addr string
	// Netlify is the netlify.toml whose headers and redirects the site is
	// served with. Empty means none.
	Netlify string
	// Log receives the terminal output: diagnostics and one line per build.
	Log io.Writer
	// Debounce is how long the watcher waits for a burst of file events to
	// end before rebuilding; 50 ms if zero.
	Debounce time.Duration
}

// Event is one Server-Sent Event.
type Event struct {
	Name string // "reload", "build-error", "clear"
	Data []byte // one line of JSON
}

// ErrorPayload is the data of a "build-error" event.
type ErrorPayload struct {
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// Diagnostic is a diagnostic as the browser overlay receives it.
type Diagnostic struct {
	diag.Diagnostic
	// Text is the one-line form, "file:line:col: severity: message [code]".
	Text string `json:"text"`
}

// Server is a live-reloading development server.
type Server struct {
	opts   Options
	static http.Handler

	mu         sync.Mutex
	generation int    // good builds so far
	failed     *Event // the last build's "build-error"; nil when it was good
	clients    map[chan Event]struct{}
	buildMu    sync.Mutex // one build at a time
}

// New prepares a server: it reads netlify.toml, but builds nothing yet.
func New(opts Options) (*Server, error) {
	opts.Site = opts.Site.Defaults()
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Debounce == 0 {
		opts.Debounce = 50 * time.Millisecond
	}
	cfg := &netlify.Config{}
	if opts.Netlify != "" {
		c, err := netlify.Load(opts.Netlify)
		if err != nil {
			return nil, err
		}
		cfg = c
	}
	return &Server{
		opts:    opts,
		static:  netlify.Handler(opts.Site.Out, cfg),
		clients: map[chan Event]struct{}{},
	}, nil
}

// Rebuild builds the site, prints the outcome and tells the open pages:
// "reload" when it succeeded (preceded by "clear" if the previous build had
// failed), "build-error" when it failed. It reports whether it succeeded.
func (s *Server) Rebuild() bool {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	res, l := site.Build(s.opts.Site)
	l.Print(s.opts.Log)
	if l.HasErrors() {
		errs, warns := l.Count()
		fmt.Fprintf(s.opts.Log, "matrixdoc: build failed: %d errors, %d warnings; serving the last good site\n", errs, warns)
		p := &ErrorPayload{Diagnostics: make([]Diagnostic, 0, len(l))}
		for _, d := range l {
			p.Diagnostics = append(p.Diagnostics, Diagnostic{Diagnostic: d, Text: d.String()})
		}
		data, _ := json.Marshal(p)
		ev := Event{Name: "build-error", Data: data}
		s.mu.Lock()
		s.failed = &ev
		s.broadcast(ev)
		s.mu.Unlock()
		return false
	}
	fmt.Fprintf(s.opts.Log, "matrixdoc: built %d pages, %d files, %d warnings in %s\n",
		res.Pages, res.Files, res.Warnings, res.Elapsed.Round(time.Millisecond))
	s.mu.Lock()
	s.generation++
	data, _ := json.Marshal(map[string]int{"generation": s.generation})
	if s.failed != nil {
		s.failed = nil
		s.broadcast(Event{Name: "clear", Data: []byte("{}")})
	}
	s.broadcast(Event{Name: "reload", Data: data})
	s.mu.Unlock()
	return true
}

// broadcast sends ev to every connected page; s.mu must be held. A page too
// slow to take it misses it (it will get the next one) rather than stalling
// the build loop.
func (s *Server) broadcast(ev Event) {
	for ch := range s.clients {
		select {
		case ch <- ev:
		default:
		}
	}
}

// Handler serves the site with the live-reload endpoints and script.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(EventsPath, s.serveEvents)
	mux.HandleFunc(ScriptPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(clientJS)
	})
	mux.Handle("/", inject(s.static))
	return mux
}

// Run builds once, then serves and watches until ctx is done. ready, if not
// nil, is called with the site's URL once the server listens.
func Run(ctx context.Context, opts Options, ready func(url string)) error {
	s, err := New(opts)
	if err != nil {
		return err
	}
	addr := opts.Addr
	if addr == "" {
		addr = "127.0.0.1:1313"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s.Rebuild()
	w, err := s.watch()
	if err != nil {
		ln.Close()
		return err
	}
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		// Request contexts end with ctx, so open event streams return and
		// Shutdown need not wait for them.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	go func() {
		<-ctx.Done()
		w.Close()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
		srv.Close() // event streams never end on their own
	}()
	go s.loop(ctx, w)
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(s.opts.Log, "matrixdoc: serving %s on %s (Ctrl+C to stop)\n", s.opts.Site.Out, url)
	if ready != nil {
		ready(url)
	}
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.opts.Log, format, args...)
}
