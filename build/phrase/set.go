package phrase

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/mabs-matrix/matrixdoc/build/diag"
)

//go:embed books/*.yaml
var embedded embed.FS

// RootTag is the language-independent book every chain ends with.
const RootTag = "root"

// FallbackTag is the language whose words every other language also
// understands, as leftovers of machine translation.
const FallbackTag = "en"

// Set is every phrasebook the compiler knows: the embedded ones and those a
// content folder adds for its locales.
type Set struct {
	books   map[string]*Book // embedded, by tag
	content map[string]*Book // a content folder's, by locale folder name
	// langs memoizes For: a Lang is built once per folder and content locale.
	langs sync.Map
}

// Embedded parses and validates the built-in phrasebooks. Their diagnostics
// name books/<tag>.yaml; any error is a bug of this package, which its tests
// catch, but it is still reported rather than hidden.
func Embedded(v Vocab) (*Set, diag.List) {
	s := &Set{books: map[string]*Book{}, content: map[string]*Book{}}
	var l diag.List
	files, _ := fs.Glob(embedded, "books/*.yaml")
	slices.Sort(files)
	for _, f := range files {
		src, err := embedded.ReadFile(f)
		if err != nil {
			l.Errorf(diag.Position{File: "build/phrase/" + f}, "bad-phrasebook", "cannot read: %v", err)
			continue
		}
		tag := strings.TrimSuffix(path.Base(f), ".yaml")
		b, bl := ParseBook("build/phrase/"+f, tag, src, v)
		l = append(l, bl...)
		if b != nil {
			s.books[tag] = b
		}
	}
	return s, l
}

// Tags lists the embedded books' tags, sorted (root included).
func (s *Set) Tags() []string {
	out := make([]string, 0, len(s.books))
	for t := range s.books {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// Book returns the embedded book of tag, or nil.
func (s *Set) Book(tag string) *Book { return s.books[tag] }

// WithContent returns a copy of s that also holds a content folder's
// phrasebook for locale (the folder's name), parsed from src; file names it
// in diagnostics. Its "language:" may be left out (it is the folder's) or
// name the folder's language or a variant of it. On errors the copy is s
// unchanged.
func (s *Set) WithContent(locale, file string, src []byte, v Vocab) (*Set, diag.List) {
	b, l := parseBook(file, strings.ToLower(locale), true, src, v)
	if b == nil {
		return s, l
	}
	out := &Set{books: s.books, content: make(map[string]*Book, len(s.content)+1)}
	for k, v := range s.content {
		out.content[k] = v
	}
	out.content[strings.ToLower(locale)] = b
	return out, l
}

// Without returns a copy of s lacking the embedded books of tags: what the
// compiler does for a language nobody wrote a phrasebook for.
func (s *Set) Without(tags ...string) *Set {
	out := &Set{books: map[string]*Book{}, content: s.content}
	for t, b := range s.books {
		if !slices.Contains(tags, t) {
			out.books[t] = b
		}
	}
	return out
}

// Name is the language's own name for itself from the nearest book of its
// chain ("Čeština" for "cs", "Português (Brasil)" for "pt-br"), or "".
func (s *Set) Name(tag string) string {
	seen := map[string]bool{}
	for t := strings.ToLower(tag); t != "" && !seen[t]; {
		seen[t] = true
		b := s.books[t]
		if b != nil && b.Name != "" && t != RootTag {
			return b.Name
		}
		t = parentTag(t, b)
	}
	return ""
}

// Resolve is the language tag of a content folder: its name, lower case,
// unless the front matter's ms.contentlocale names a variant of it ("zh"
// with "zh-TW" is "zh-tw"; "pt" with "pt-BR" is "pt-br").
func Resolve(folder, contentLocale string) string {
	f := strings.ToLower(strings.TrimSpace(folder))
	c := strings.ToLower(strings.TrimSpace(strings.ReplaceAll(contentLocale, "_", "-")))
	if c != "" && strings.HasPrefix(c, f+"-") {
		return c
	}
	return f
}

// parent is the next tag of the chain after b's (or after tag when there is
// no book for it): the book's own parent, else the tag minus its last subtag.
func parentTag(tag string, b *Book) string {
	if b != nil && b.Parent != "" {
		return b.Parent
	}
	if i := strings.LastIndexByte(tag, '-'); i > 0 {
		return tag[:i]
	}
	return ""
}

// For returns the merged phrasebooks of a document in content folder
// locale whose front matter names contentLocale (may be "").
func (s *Set) For(locale, contentLocale string) *Lang {
	key := locale + "\x00" + contentLocale
	if lg, ok := s.langs.Load(key); ok {
		return lg.(*Lang)
	}
	lg, _ := s.langs.LoadOrStore(key, s.build(locale, contentLocale))
	return lg.(*Lang)
}

// build merges the chain of For.
func (s *Set) build(locale, contentLocale string) *Lang {
	tag := Resolve(locale, contentLocale)
	lg := &Lang{Tag: tag}
	if b := s.content[strings.ToLower(locale)]; b != nil {
		lg.add(b, false)
		lg.Known = true
	}
	seen := map[string]bool{}
	for t := tag; t != "" && !seen[t]; {
		seen[t] = true
		b := s.books[t]
		if b != nil && t != RootTag {
			lg.add(b, false)
			lg.Known = true
		}
		t = parentTag(t, b)
	}
	if b := s.books[RootTag]; b != nil {
		lg.add(b, false)
	}
	if base(tag) != FallbackTag {
		if b := s.books[FallbackTag]; b != nil {
			lg.add(b, true)
		}
	}
	lg.finish(s)
	return lg
}

// base is a tag's language subtag ("pt" of "pt-br").
func base(tag string) string {
	if i := strings.IndexByte(tag, '-'); i > 0 {
		return tag[:i]
	}
	return tag
}
