package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"gopkg.in/yaml.v2"
)

// siteFile is the optional settings file at the content root.
const siteFile = "site.yaml"

// stringsFile is the UI strings file in each locale folder.
const stringsFile = "strings.yaml"

type siteSettings struct {
	DefaultLocale string `yaml:"defaultLocale"`
	BaseURL       string `yaml:"baseURL"`
}

// localeDir is one folder found at the root that is a locale.
type localeDir struct {
	dir    string // as named on disk
	locale string // lower case
	docs   []string
	hasStr bool
}

func load(fsys fs.FS) (*Content, diag.List) {
	var l diag.List
	c := &Content{
		Documents:   map[string]*Document{},
		Strings:     map[string]map[string]string{},
		StringsFile: map[string]string{},
	}

	var site siteSettings
	if b, err := fs.ReadFile(fsys, siteFile); err == nil {
		if err := yaml.Unmarshal(b, &site); err != nil {
			l.Errorf(yamlPos(siteFile, b, err), "bad-site-yaml", "malformed %s: %s", siteFile, yamlMessage(err.Error()))
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		l.Errorf(diag.Position{File: siteFile}, "read-error", "cannot read: %v", err)
	}
	c.BaseURL = strings.TrimSpace(site.BaseURL)

	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		l.Errorf(diag.Position{File: "."}, "read-error", "cannot read the content folder: %v", err)
		return nil, l
	}
	var dirs []localeDir
	for _, e := range entries {
		if !e.IsDir() || !looksLikeLocale(e.Name()) {
			continue
		}
		d := localeDir{dir: e.Name(), locale: strings.ToLower(e.Name())}
		files, err := fs.ReadDir(fsys, e.Name())
		if err != nil {
			l.Errorf(diag.Position{File: e.Name()}, "read-error", "cannot read folder: %v", err)
			continue
		}
		for _, f := range files {
			switch {
			case f.IsDir():
			case strings.EqualFold(path.Ext(f.Name()), ".md"):
				d.docs = append(d.docs, f.Name())
			case f.Name() == stringsFile:
				d.hasStr = true
			}
		}
		if len(d.docs) > 0 || d.hasStr {
			dirs = append(dirs, d)
		}
	}
	sort.Slice(dirs, func(i, j int) bool { return dirs[i].locale < dirs[j].locale })

	// The document name every locale must have: the default locale's, else
	// the one most folders use (ties broken by name, so the choice is stable).
	want := expectedDocName(dirs, strings.ToLower(site.DefaultLocale))
	if want == "" {
		l.Errorf(diag.Position{File: "."}, "no-documents", "no locale folder (nl, en, …) holds a markdown document")
		return nil, l
	}
	seen := map[string]string{}
	for _, d := range dirs {
		if prev, dup := seen[d.locale]; dup {
			l.Errorf(diag.Position{File: d.dir}, "duplicate-locale", "folders %q and %q are the same locale", prev, d.dir)
			continue
		}
		seen[d.locale] = d.dir
		switch {
		case len(d.docs) == 0:
			l.Errorf(diag.Position{File: d.dir}, "missing-document", "locale folder %q has no %s (other locales have it)", d.dir, want)
			continue
		case len(d.docs) > 1:
			l.Errorf(diag.Position{File: d.dir + "/" + d.docs[1]}, "extra-document",
				"locale folder %q holds %d markdown files (%s); it must hold exactly one", d.dir, len(d.docs), strings.Join(d.docs, ", "))
			continue
		case d.docs[0] != want:
			l.Errorf(diag.Position{File: d.dir + "/" + d.docs[0]}, "missing-document",
				"locale folder %q has no %s (other locales have it) but %s", d.dir, want, d.docs[0])
			continue
		}
		p := d.dir + "/" + d.docs[0]
		src, ok := readLimited(fsys, p, &l)
		if !ok {
			continue
		}
		doc, dl := ParseDocument(p, d.locale, src)
		l = append(l, dl...)
		c.Documents[d.locale] = doc
		c.Locales = append(c.Locales, d.locale)
		if d.hasStr {
			sp := d.dir + "/" + stringsFile
			c.StringsFile[d.locale] = sp
			c.Strings[d.locale] = readStrings(fsys, sp, &l)
		}
	}

	def := strings.ToLower(strings.TrimSpace(site.DefaultLocale))
	if def != "" && c.Documents[def] == nil && seen[def] == "" {
		b, _ := fs.ReadFile(fsys, siteFile)
		l.Errorf(keyPos(siteFile, b, "defaultLocale"), "unknown-default-locale", "defaultLocale %q has no folder with a document", site.DefaultLocale)
		def = ""
	}
	if def == "" && len(c.Locales) > 0 {
		def = c.Locales[0]
	}
	c.DefaultLocale = def
	// Default first, the others sorted (they already are).
	for i, loc := range c.Locales {
		if loc == def {
			copy(c.Locales[1:i+1], c.Locales[:i])
			c.Locales[0] = def
			break
		}
	}
	return c, l
}

// expectedDocName picks the document name locales must share.
func expectedDocName(dirs []localeDir, def string) string {
	count := map[string]int{}
	for _, d := range dirs {
		if len(d.docs) == 1 {
			if d.locale == def {
				return d.docs[0]
			}
			count[d.docs[0]]++
		}
	}
	best := ""
	for name, n := range count {
		if best == "" || n > count[best] || n == count[best] && name < best {
			best = name
		}
	}
	if best == "" {
		for _, d := range dirs {
			if len(d.docs) > 0 {
				return d.docs[0]
			}
		}
	}
	return best
}

// looksLikeLocale accepts BCP 47-like folder names: a 2–3 letter language,
// then optional subtags ("nl", "en", "pt-br", "zh-hant", "sr-latn-rs").
func looksLikeLocale(name string) bool {
	parts := strings.Split(strings.ToLower(name), "-")
	if len(parts[0]) < 2 || len(parts[0]) > 3 || !allLetters(parts[0]) {
		return false
	}
	for _, s := range parts[1:] {
		if len(s) < 2 || len(s) > 8 || !alnum(s) {
			return false
		}
	}
	return true
}

func allLetters(s string) bool {
	for _, c := range []byte(s) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func alnum(s string) bool {
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// readLimited reads a document, refusing one over MaxFileSize: by its size
// when the file system reports one, and by a bounded read in any case.
func readLimited(fsys fs.FS, name string, l *diag.List) ([]byte, bool) {
	tooBig := func(n int64) {
		l.Errorf(diag.Position{File: name}, "file-too-large",
			"file is %s, over the %d MiB limit for a document", sizeText(n), MaxFileSize>>20)
	}
	if st, err := fs.Stat(fsys, name); err == nil && st.Size() > MaxFileSize {
		tooBig(st.Size())
		return nil, false
	}
	f, err := fsys.Open(name)
	if err != nil {
		l.Errorf(diag.Position{File: name}, "read-error", "cannot read: %v", err)
		return nil, false
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		l.Errorf(diag.Position{File: name}, "read-error", "cannot read: %v", err)
		return nil, false
	}
	if len(b) > MaxFileSize {
		tooBig(int64(len(b)))
		return nil, false
	}
	return b, true
}

func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// readStrings reads a flat key: text YAML file.
func readStrings(fsys fs.FS, name string, l *diag.List) map[string]string {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		l.Errorf(diag.Position{File: name}, "read-error", "cannot read: %v", err)
		return nil
	}
	var raw yaml.MapSlice
	if err := yaml.Unmarshal(b, &raw); err != nil {
		l.Errorf(yamlPos(name, b, err), "bad-strings-yaml", "malformed YAML: %s", yamlMessage(err.Error()))
		return nil
	}
	out := make(map[string]string, len(raw))
	for _, it := range raw {
		k := fmt.Sprint(it.Key)
		switch v := it.Value.(type) {
		case string:
			out[k] = v
		case nil:
			out[k] = ""
		case yaml.MapSlice, []any:
			l.Errorf(keyPos(name, b, k), "bad-strings-yaml", "key %q must map to a text, not a list or map", k)
		default:
			out[k] = fmt.Sprint(v)
		}
	}
	return out
}

// yamlPos turns yaml.v2's "line N" into a position in file.
func yamlPos(file string, src []byte, err error) diag.Position {
	if n := yamlErrorLine(err.Error()); n > 0 {
		return diag.Position{File: file, Line: n, Col: 1}
	}
	return diag.Position{File: file}
}

// keyPos is the position of the line where a top-level key is written.
func keyPos(file string, src []byte, key string) diag.Position {
	idx := diag.NewLineIndex(file, src)
	off := 0
	for off < len(src) {
		e := lineEnd(src, off)
		line := string(src[off:e])
		line = strings.TrimPrefix(line, "\ufeff")
		if strings.HasPrefix(line, key) && strings.HasPrefix(strings.TrimLeft(line[len(key):], " \t"), ":") {
			return idx.Pos(off)
		}
		off = e + 1
	}
	return diag.Position{File: file}
}
