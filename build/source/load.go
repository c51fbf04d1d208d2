package source

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"gopkg.in/yaml.v2"
)

// siteFile is the optional settings file at the content root.
const siteFile = "site.yaml"

// stringsFile is the UI strings file in each locale folder.
const stringsFile = "strings.yaml"

// phrasebookFile is a locale folder's own phrasebook (package phrase reads
// it; this stage only carries its bytes).
const phrasebookFile = "phrasebook.yaml"

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
	hasPB  bool
}

// loadJob is one locale's document and strings file, read and parsed on
// their own goroutine.
type loadJob struct {
	dir         localeDir
	slot        *diag.List // this folder's diagnostics
	doc         *Document  // nil when the document could not be read
	strings     map[string]string
	stringsPath string
	phrasebook  []byte
}

func (j *loadJob) run(fsys fs.FS, maxBytes int64, mem *parseBudget) {
	p := j.dir.dir + "/" + j.dir.docs[0]
	// A document and its parse tree take about twenty times its size; the
	// budget keeps big ones from being parsed side by side.
	size := int64(-1)
	if st, err := fs.Stat(fsys, p); err == nil {
		size = st.Size()
	}
	held := mem.acquire(size)
	defer mem.release(held)
	src, ok := readLimited(fsys, p, maxBytes, j.slot)
	if !ok {
		return
	}
	doc, dl := ParseDocument(p, j.dir.locale, src)
	*j.slot = append(*j.slot, dl...)
	j.doc = doc
	if j.dir.hasStr {
		j.stringsPath = j.dir.dir + "/" + stringsFile
		j.strings = readStrings(fsys, j.stringsPath, j.slot)
	}
	if j.dir.hasPB {
		pb := j.dir.dir + "/" + phrasebookFile
		if b, ok := readLimited(fsys, pb, maxBytes, j.slot); ok {
			j.phrasebook = b
		}
	}
}

// parseInFlight is how many bytes of markdown may be parsed at once. The
// seed's documents (50 KB each) are parsed side by side; two of 10,000 rows
// (3.7 MB each) are not: at ~20× its size in parse tree and garbage, a
// second one would add some 80 MB to the peak to save ~0.1 s.
const parseInFlight = 4 << 20

// parseBudget is a counting semaphore over bytes of markdown being parsed.
type parseBudget struct {
	mu   sync.Mutex
	cond *sync.Cond
	free int64
}

func newParseBudget(n int64) *parseBudget {
	b := &parseBudget{free: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire waits until size bytes are free and takes them; a document larger
// than the whole budget, or of unknown size (-1), takes all of it. It
// returns what it took, for release.
func (b *parseBudget) acquire(size int64) int64 {
	n := size
	if n < 0 || n > parseInFlight {
		n = parseInFlight
	}
	b.mu.Lock()
	for b.free < n {
		b.cond.Wait()
	}
	b.free -= n
	b.mu.Unlock()
	return n
}

func (b *parseBudget) release(n int64) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// runJobs runs f over jobs on up to GOMAXPROCS goroutines and waits.
func runJobs(jobs []*loadJob, f func(*loadJob)) {
	workers := min(len(jobs), runtime.GOMAXPROCS(0))
	if workers <= 1 {
		for _, j := range jobs {
			f(j)
		}
		return
	}
	next := make(chan *loadJob)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				f(j)
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
}

func load(fsys fs.FS, maxBytes int64) (*Content, diag.List) {
	if maxBytes <= 0 {
		maxBytes = MaxFileSize
	}
	var l diag.List
	c := &Content{
		Documents:   map[string]*Document{},
		Strings:     map[string]map[string]string{},
		StringsFile: map[string]string{},
		Phrasebooks: map[string]File{},
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
			case f.Name() == phrasebookFile:
				d.hasPB = true
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
	// Folders are checked in order, then their documents read and parsed
	// concurrently; each folder's diagnostics go to its own slot so the list
	// comes out in the same order as a serial load.
	slots := make([]diag.List, len(dirs))
	var jobs []*loadJob
	seen := map[string]string{}
	for i, d := range dirs {
		sl := &slots[i]
		if prev, dup := seen[d.locale]; dup {
			sl.Errorf(diag.Position{File: d.dir}, "duplicate-locale", "folders %q and %q are the same locale", prev, d.dir)
			continue
		}
		seen[d.locale] = d.dir
		switch {
		case len(d.docs) == 0:
			sl.Errorf(diag.Position{File: d.dir}, "missing-document", "locale folder %q has no %s (other locales have it)", d.dir, want)
			continue
		case len(d.docs) > 1:
			sl.Errorf(diag.Position{File: d.dir + "/" + d.docs[1]}, "extra-document",
				"locale folder %q holds %d markdown files (%s); it must hold exactly one", d.dir, len(d.docs), strings.Join(d.docs, ", "))
			continue
		case d.docs[0] != want:
			sl.Errorf(diag.Position{File: d.dir + "/" + d.docs[0]}, "missing-document",
				"locale folder %q has no %s (other locales have it) but %s", d.dir, want, d.docs[0])
			continue
		}
		jobs = append(jobs, &loadJob{dir: d, slot: sl})
	}
	mem := newParseBudget(parseInFlight)
	runJobs(jobs, func(j *loadJob) { j.run(fsys, maxBytes, mem) })
	for i := range slots {
		l = append(l, slots[i]...)
	}
	for _, j := range jobs {
		if j.doc == nil {
			continue
		}
		loc := j.dir.locale
		c.Documents[loc] = j.doc
		c.Locales = append(c.Locales, loc)
		if j.dir.hasStr {
			c.StringsFile[loc] = j.stringsPath
			c.Strings[loc] = j.strings
		}
		if j.phrasebook != nil {
			c.Phrasebooks[loc] = File{Path: j.dir.dir + "/" + phrasebookFile, Src: j.phrasebook}
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
	borrowStrings(c, &l)
	return c, l
}

// borrowStrings gives a locale without strings.yaml the UI strings of its
// nearest parent locale that has them ("pt" for "pt-br"), else the default
// locale's — Hugo's i18n fallback — with one warning, so a document dropped
// into content/<xx>/ builds at once.
func borrowStrings(c *Content, l *diag.List) {
	c.StringsFallback = map[string]bool{}
	for _, loc := range c.Locales {
		if c.Strings[loc] != nil || c.StringsFile[loc] != "" {
			continue // has strings, or a strings.yaml whose errors are reported
		}
		from := ""
		for p := loc; from == ""; {
			i := strings.LastIndexByte(p, '-')
			if i < 0 {
				break
			}
			p = p[:i]
			if c.Strings[p] != nil && !c.StringsFallback[p] {
				from = p
			}
		}
		if from == "" && c.Strings[c.DefaultLocale] != nil && !c.StringsFallback[c.DefaultLocale] {
			from = c.DefaultLocale
		}
		c.StringsFallback[loc] = true
		if from == "" {
			// Nothing in the folder to borrow: the built-in English strings.
			var bl diag.List
			c.Strings[loc] = parseStrings(DefaultStringsFile, defaultStrings, &bl)
			c.StringsFile[loc] = DefaultStringsFile
			l.Warnf(diag.Position{File: loc + "/" + stringsFile}, "missing-strings",
				"no %s in %s/ nor in a locale it can borrow from: its pages use the built-in English UI strings; add %s/%s to translate them", stringsFile, loc, loc, stringsFile)
			*l = append(*l, bl...)
			continue
		}
		c.Strings[loc] = c.Strings[from]
		c.StringsFile[loc] = c.StringsFile[from]
		l.Warnf(diag.Position{File: loc + "/" + stringsFile}, "missing-strings",
			"no %s in %s/: its pages use the UI strings of %s (%s); add %s/%s to translate them", stringsFile, loc, from, c.StringsFile[from], loc, stringsFile)
	}
}

// DefaultStringsFile names the built-in UI strings in diagnostics: a copy
// of the project's content/en/strings.yaml (a test keeps them equal), used
// by a content folder that has no strings.yaml at all.
const DefaultStringsFile = "(built-in) en/strings.yaml"

//go:embed defaultstrings.yaml
var defaultStrings []byte

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

// readLimited reads a document, refusing one over maxBytes: by its size
// when the file system reports one, and by a bounded read in any case.
func readLimited(fsys fs.FS, name string, maxBytes int64, l *diag.List) ([]byte, bool) {
	tooBig := func(n int64) {
		l.Errorf(diag.Position{File: name}, "file-too-large",
			"file is %s, over the %s limit for a document (raise it with --max-file-size, e.g. --max-file-size %s)",
			sizeText(n), limitText(maxBytes), suggestLimit(n))
	}
	var size int64 = -1
	if st, err := fs.Stat(fsys, name); err == nil {
		size = st.Size()
	}
	if size > maxBytes {
		tooBig(size)
		return nil, false
	}
	f, err := fsys.Open(name)
	if err != nil {
		l.Errorf(diag.Position{File: name}, "read-error", "cannot read: %v", err)
		return nil, false
	}
	defer f.Close()
	b, err := readAllSized(io.LimitReader(f, maxBytes+1), size)
	if err != nil {
		l.Errorf(diag.Position{File: name}, "read-error", "cannot read: %v", err)
		return nil, false
	}
	if int64(len(b)) > maxBytes {
		tooBig(int64(len(b)))
		return nil, false
	}
	return b, true
}

// readAllSized is io.ReadAll into a buffer of the size the file system
// reported (plus one byte, to see EOF without growing), so a 37 MB document
// is one allocation instead of io.ReadAll's twenty-odd doublings.
func readAllSized(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, max(size+1, 512))
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// limitText writes a limit the way the flag accepts it: "16 MiB".
func limitText(n int64) string {
	switch {
	case n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// suggestLimit is a --max-file-size value that admits n bytes: the next
// power of two MiB.
func suggestLimit(n int64) string {
	m := int64(1 << 20)
	for m < n {
		m *= 2
	}
	return fmt.Sprintf("%dMiB", m>>20)
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
	return parseStrings(name, b, l)
}

// parseStrings reads a flat key: text YAML file.
func parseStrings(name string, b []byte, l *diag.List) map[string]string {
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
