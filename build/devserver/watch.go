package devserver

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watch starts watching the content, templates and assets folders, every
// sub-folder included (fsnotify watches one folder at a time, not trees).
func (s *Server) watch() (*fsnotify.Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	for _, root := range []string{s.opts.Site.Content, s.opts.Site.Templates, s.opts.Site.Assets} {
		if err := addTree(w, root); err != nil {
			w.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches root and every folder below it. A missing root is not an
// error: a site without assets/ is still served.
func addTree(w *fsnotify.Watcher, root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return nil
			}
			return err
		}
		if d.IsDir() {
			if p != root && ignored(p) {
				return filepath.SkipDir
			}
			return w.Add(p)
		}
		return nil
	})
}

// ignored says whether a path is an editor's or VCS's scratch file, whose
// changes are no edit of the site.
func ignored(p string) bool {
	base := filepath.Base(p)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") ||
		strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx") ||
		strings.HasPrefix(base, "#") || strings.HasSuffix(base, ".tmp")
}

// loop rebuilds after each burst of file events: every event (re)starts a
// timer of opts.Debounce, and the build runs when it fires. Saving a file
// often makes several events (truncate, write, chmod, rename) within a few
// milliseconds; they become one build.
func (s *Server) loop(ctx context.Context, w *fsnotify.Watcher) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ignored(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				// A new folder: watch it (and whatever was already put in it).
				addTree(w, ev.Name)
			}
			timer.Reset(s.opts.Debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			s.logf("matrixdoc: watch: %v\n", err)
		case <-timer.C:
			s.Rebuild()
		}
	}
}
