package devserver

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// keepAlive is how often an idle event stream gets a comment line, so
// proxies and browsers do not time it out.
const keepAlive = 20 * time.Second

// serveEvents is the Server-Sent Events stream of one open page. A page that
// connects while the last build failed gets that build's errors at once.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")

	ch := make(chan Event, 8)
	s.mu.Lock()
	s.clients[ch] = struct{}{}
	failed := s.failed
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, ch)
		s.mu.Unlock()
	}()

	w.WriteHeader(http.StatusOK)
	// retry: how soon the browser reconnects after the server restarts.
	fmt.Fprint(w, "retry: 500\n: connected\n\n")
	if failed != nil {
		writeEvent(w, *failed)
	}
	flusher.Flush()

	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-ch:
			writeEvent(w, ev)
			flusher.Flush()
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
			flusher.Flush()
		}
	}
}

// writeEvent writes one event in the text/event-stream format. Data is one
// line of JSON; any newline would end the field, so it is split into several
// data lines as the format requires.
func writeEvent(w http.ResponseWriter, ev Event) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "event: %s\n", ev.Name)
	for _, line := range strings.Split(string(ev.Data), "\n") {
		fmt.Fprintf(&b, "data: %s\n", line)
	}
	b.WriteByte('\n')
	w.Write(b.Bytes())
}

// inject adds the live-reload script to every HTML page next serves, except
// attachments (the offline download must stay as built).
func inject(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		// Ranges of a page whose length changes would be wrong; ask for the
		// whole page.
		r.Header.Del("Range")
		bw := &bufferedWriter{header: w.Header(), status: http.StatusOK}
		next.ServeHTTP(bw, r)
		body := bw.body.Bytes()
		ct := w.Header().Get("Content-Type")
		if strings.HasPrefix(ct, "text/html") &&
			!strings.HasPrefix(w.Header().Get("Content-Disposition"), "attachment") &&
			bw.status != http.StatusNotModified && r.Method == http.MethodGet {
			body = addScript(body)
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.Header().Del("Accept-Ranges")
		}
		w.WriteHeader(bw.status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
	})
}

// scriptTag is what inject adds to a page.
const scriptTag = `<script src="` + ScriptPath + `" defer></script>`

// addScript puts scriptTag before </head>, else before </body>, else at the
// end of the page.
func addScript(page []byte) []byte {
	lower := bytes.ToLower(page)
	at := bytes.Index(lower, []byte("</head>"))
	if at < 0 {
		at = bytes.LastIndex(lower, []byte("</body>"))
	}
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(scriptTag))
	out = append(out, page[:at]...)
	out = append(out, scriptTag...)
	return append(out, page[at:]...)
}

// bufferedWriter holds a response until the handler is done, so inject can
// change its body and length.
type bufferedWriter struct {
	header http.Header
	status int
	wrote  bool
	body   bytes.Buffer
}

func (b *bufferedWriter) Header() http.Header { return b.header }

func (b *bufferedWriter) WriteHeader(code int) {
	if !b.wrote {
		b.status, b.wrote = code, true
	}
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	b.wrote = true
	return b.body.Write(p)
}
