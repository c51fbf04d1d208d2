package matrix

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"sync"

	"github.com/mabs-matrix/matrixdoc/build/diag"
	"github.com/mabs-matrix/matrixdoc/build/phrase"
	"github.com/mabs-matrix/matrixdoc/build/source"
)

// Compile normalizes the documents of c into one Model. Warnings are returned
// next to a usable model; when the list has errors the model must not be written.
// The list is sorted (diag.List.Sort).
func Compile(c *source.Content) (*Model, diag.List) {
	set, bl := builtin()
	return compileWith(c, set, bl)
}

// compileWith is Compile with the given built-in phrasebooks (and their
// diagnostics): tests take a language's book out to see what the compiler
// makes of a language nobody wrote one for.
func compileWith(c *source.Content, set *phrase.Set, setDiags diag.List) (*Model, diag.List) {
	var l diag.List
	if c == nil || len(c.Locales) == 0 {
		l.Errorf(diag.Position{File: "."}, "no-content", "no locale documents to compile")
		return nil, l
	}
	def := c.DefaultLocale
	if def == "" || !slices.Contains(c.Locales, def) {
		def = c.Locales[0]
	}
	// The default locale leads: its rows are the skeleton others align to.
	locales := append([]string{def}, slices.DeleteFunc(slices.Clone(c.Locales), func(s string) bool { return s == def })...)
	books, bl := phrasebooks(c, set, setDiags)
	l = append(l, bl...)
	// The documents compile concurrently (each has its own context and
	// diagnostics; the phrasebooks are read-only); their diagnostics are
	// appended in locale order, as a serial compile appends them.
	compiled := make([]*locDoc, len(locales))
	docDiags := make([]diag.List, len(locales))
	var wg sync.WaitGroup
	for i, loc := range locales {
		doc := c.Documents[loc]
		if doc == nil {
			docDiags[i].Errorf(diag.Position{File: loc}, "missing-document", "locale %q has no matrix document", loc)
			continue
		}
		lg, en := books.For(loc, doc.Meta.ContentLocale), books.For(phrase.FallbackTag, "")
		wg.Go(func() { compiled[i] = compileDoc(lg, en, loc, doc, &docDiags[i]) })
	}
	wg.Wait()
	var docs []*locDoc
	for i := range locales {
		l = append(l, docDiags[i]...)
		if compiled[i] != nil {
			docs = append(docs, compiled[i])
		}
	}
	if len(docs) == 0 {
		l.Sort()
		return nil, l
	}
	m := &Model{
		Schema:        "matrix.schema.json",
		SchemaVersion: SchemaVersion,
		Locales:       locales,
		DefaultLocale: def,
	}
	m.Source = buildSource(docs)
	crossCheck(docs, &l)
	m.Servers = buildServers(docs)
	m.Rows, m.Workloads = buildRows(docs, m.Servers, &l)
	m.Facts = buildFacts(m.Rows, m.Servers)
	m.Sections = buildSections(c, docs, &l)
	m.Vocabularies = buildVocabularies(c, locales, &l)
	l.Sort()
	return m, l
}

// buildSource gathers titles, descriptions, dates and file digests.
func buildSource(docs []*locDoc) Source {
	s := Source{Title: L{}, Description: L{}, Files: []File{}}
	for i, d := range docs {
		s.Title[d.Locale] = d.Doc.Title
		s.Description[d.Locale] = d.Doc.Meta.Description
		if i == 0 {
			s.Date, s.LastHandoff = d.Doc.Meta.Date, d.Doc.Meta.LastHandoff
		}
		s.Files = append(s.Files, File{
			Locale: d.Locale, Path: d.Doc.Path, SHA256: d.Doc.SHA256,
			Date: d.Doc.Meta.Date, LastHandoff: d.Doc.Meta.LastHandoff,
		})
	}
	return s
}

// buildServers lists the releases of the default locale, in column order,
// then any release only another locale names; Name is per locale.
func buildServers(docs []*locDoc) []Server {
	var out []Server
	index := map[string]int{}
	for _, d := range docs {
		for _, id := range d.Servers {
			i, ok := index[id]
			if !ok {
				i = len(out)
				index[id] = i
				out = append(out, Server{ID: id, Name: L{}})
			}
			out[i].Name[d.Locale] = d.Names[id]
		}
	}
	if out == nil {
		out = []Server{}
	}
	return out
}

// buildSections turns the default locale's headings into sections, the
// intro first; other locales join by section id.
func buildSections(c *source.Content, docs []*locDoc, l *diag.List) []Section {
	def := docs[0]
	out := []Section{{ID: "intro", Title: L{}, HTML: L{}}}
	for _, d := range docs {
		out[0].Title[d.Locale] = d.Doc.Title
		out[0].HTML[d.Locale] = d.Doc.Intro
	}
	defer func() {
		reported := map[string]bool{}
		for i := range out {
			for _, d := range docs {
				if h, ok := out[i].HTML[d.Locale]; ok {
					out[i].HTML[d.Locale] = alertTitles(c, d.Locale, tablesInProse(d, h), l, reported)
				}
			}
		}
	}()
	for _, s := range def.Doc.Sections {
		if s.Level < 2 {
			continue // the title heading: its prose is the intro
		}
		sec := Section{ID: s.ID, Title: L{def.Locale: s.Title}, HTML: L{def.Locale: s.HTML}}
		for _, d := range docs[1:] {
			found := false
			for _, o := range d.Doc.Sections {
				if o.ID == s.ID {
					sec.Title[d.Locale], sec.HTML[d.Locale] = o.Title, o.HTML
					found = true
					break
				}
			}
			if !found {
				l.Warnf(diag.Position{File: d.Doc.Path}, "missing-section",
					"section %q of %s has no counterpart in this locale", s.ID, s.Pos)
			}
		}
		out = append(out, sec)
	}
	return out
}

// tablesInProse puts each table that is not a matrix (a legend) back in
// its place in the prose, and drops the places of the matrix tables.
func tablesInProse(d *locDoc, h string) string {
	if !strings.Contains(h, "<!--matrixdoc:table:") {
		return h
	}
	for i, t := range d.Doc.Tables {
		m := source.TableMarker(i)
		if !strings.Contains(h, m) {
			continue
		}
		with := ""
		if !d.Matrices[i] {
			with = t.HTML + "\n"
		}
		h = strings.Replace(h, m+"\n", with, 1)
	}
	return h
}

// alertTitles puts each alert's title, in the locale's UI strings
// ("alert.note: Opmerking"), where package source left its placeholder.
func alertTitles(c *source.Content, loc, h string, l *diag.List, reported map[string]bool) string {
	if !strings.Contains(h, `class="alert-title"`) {
		return h
	}
	for _, kind := range source.AlertKinds {
		ph := source.AlertTitle(kind)
		if !strings.Contains(h, ph) {
			continue
		}
		key := "alert." + kind
		title, ok := c.Strings[loc][key]
		if !ok {
			if c.Strings[loc] != nil && !reported[loc+key] {
				reported[loc+key] = true
				l.Errorf(diag.Position{File: stringsFile(c, loc)}, "missing-string", "missing UI string %q (the document has a [!%s] alert)", key, strings.ToUpper(kind))
			}
			title = strings.ToUpper(kind[:1]) + kind[1:]
		}
		h = strings.ReplaceAll(h, ph, `<p class="alert-title">`+html.EscapeString(title)+`</p>`)
	}
	return h
}

// buildVocabularies labels every vocabulary entry from the strings files.
func buildVocabularies(c *source.Content, locales []string, l *diag.List) Vocabularies {
	var v Vocabularies
	for _, loc := range locales {
		if c.Strings[loc] == nil {
			l.Errorf(diag.Position{File: stringsFile(c, loc)}, "missing-strings",
				"no UI strings for locale %q: every vocabulary needs a label", loc)
		}
	}
	term := func(prefix, id string) Term {
		t := Term{ID: id, Label: L{}}
		for _, loc := range locales {
			s := c.Strings[loc]
			if s == nil {
				continue
			}
			key := prefix + "." + id
			label, ok := s[key]
			if !ok {
				l.Errorf(diag.Position{File: stringsFile(c, loc)}, "missing-string", "missing UI string %q", key)
			}
			t.Label[loc] = label
		}
		return t
	}
	for _, id := range Targets {
		v.Targets = append(v.Targets, term("target", string(id)))
	}
	for _, id := range Statuses {
		v.Statuses = append(v.Statuses, term("status", string(id)))
	}
	for _, id := range Capabilities {
		v.Capabilities = append(v.Capabilities, term("capability", string(id)))
	}
	return v
}

func stringsFile(c *source.Content, loc string) string {
	if f := c.StringsFile[loc]; f != "" {
		return f
	}
	return fmt.Sprintf("%s/strings.yaml", loc)
}
