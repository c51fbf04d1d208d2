package netlify

import (
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Handler serves the publish folder dir with cfg's headers and redirects,
// pretty URLs and the 404 page, as Netlify would. Only GET and HEAD are
// allowed; a static host has nothing else.
func Handler(dir string, cfg *Config) http.Handler {
	if cfg == nil {
		cfg = &Config{}
	}
	return &server{root: dir, cfg: cfg}
}

type server struct {
	root string
	cfg  *Config
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := cleanPath(r.URL.Path)

	if rule, to, ok := s.cfg.MatchRedirect(r, p, s.exists); ok {
		if len(rule.Conditions["Language"]) > 0 {
			w.Header().Add("Vary", "Accept-Language, Cookie")
		}
		switch rule.Status {
		case http.StatusOK, http.StatusNotFound:
			s.serveFile(w, r, p, to, rule.Status)
		default:
			s.setHeaders(w, p)
			http.Redirect(w, r, to, rule.Status)
		}
		return
	}

	file, dirNoSlash := s.resolve(p)
	switch {
	case dirNoSlash:
		to := p + "/"
		if r.URL.RawQuery != "" {
			to += "?" + r.URL.RawQuery
		}
		s.setHeaders(w, p)
		http.Redirect(w, r, to, http.StatusMovedPermanently)
	case file == "":
		s.serveFile(w, r, p, "/404.html", http.StatusNotFound)
	default:
		s.serveFile(w, r, p, file, http.StatusOK)
	}
}

// cleanPath makes a rooted, cleaned URL path, keeping a trailing slash.
func cleanPath(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	c := path.Clean(p)
	if strings.HasSuffix(p, "/") && c != "/" {
		c += "/"
	}
	return c
}

// resolve maps a URL path to the file it serves ("" if none). dirNoSlash is
// true for a folder requested without its trailing slash (Netlify's pretty
// URLs redirect those).
func (s *server) resolve(p string) (file string, dirNoSlash bool) {
	if strings.HasSuffix(p, "/") {
		if s.isFile(p + "index.html") {
			return p + "index.html", false
		}
		return "", false
	}
	fi, err := os.Stat(s.local(p))
	switch {
	case err != nil:
		return "", false
	case fi.IsDir():
		return "", s.isFile(p + "/index.html")
	case fi.Mode().IsRegular():
		return p, false
	}
	return "", false
}

// exists reports whether a URL path is served by a file (shadowing a
// redirect that is not forced).
func (s *server) exists(p string) bool {
	file, dirNoSlash := s.resolve(p)
	return file != "" || dirNoSlash
}

func (s *server) isFile(p string) bool {
	fi, err := os.Stat(s.local(p))
	return err == nil && fi.Mode().IsRegular()
}

// local turns a URL path into a path under root; path.Clean of a rooted path
// cannot climb above it.
func (s *server) local(p string) string {
	return filepath.Join(s.root, filepath.FromSlash(path.Clean("/"+p)))
}

func (s *server) setHeaders(w http.ResponseWriter, p string) {
	for name, vs := range s.cfg.HeadersFor(p) {
		w.Header()[name] = vs
	}
}

// serveFile writes the file at URL path file with the headers of the
// request path p.
func (s *server) serveFile(w http.ResponseWriter, r *http.Request, p, file string, status int) {
	if strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	f, err := os.Open(s.local(file))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && status != http.StatusNotFound {
			s.serveFile(w, r, p, "/404.html", http.StatusNotFound)
			return
		}
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	s.setHeaders(w, p)
	if status == http.StatusOK {
		http.ServeContent(w, r, file, fi.ModTime(), f)
		return
	}
	if w.Header().Get("Content-Type") == "" {
		ct := mime.TypeByExtension(path.Ext(file))
		if ct == "" {
			ct = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Content-Length", strconv.FormatInt(fi.Size(), 10))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		io.Copy(w, f) //nolint:errcheck // the client went away; nothing to do
	}
}
