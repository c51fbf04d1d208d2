package render

import (
	"fmt"
	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"sort"
	"strings"
	"sync"
)

// Strings is the UI text of one locale. Lookups of a missing key fail with an
// error naming the key and the strings file, so a forgotten translation
// stops the build instead of leaking a key (or another language) into a page.
type Strings struct {
	locale string
	file   string
	m      map[string]string

	mu   sync.Mutex
	miss []string
}

func newStrings(locale, file string, m map[string]string) *Strings {
	return &Strings{locale: locale, file: file, m: m}
}

// T returns the text of key; templates call it as {{.S.T "key"}}.
func (s *Strings) T(key string) (string, error) {
	v, ok := s.m[key]
	if !ok {
		return "", s.missing(key)
	}
	return v, nil
}

// F returns the text of key with each {name} replaced, pairs given as
// name, value, name, value….
func (s *Strings) F(key string, pairs ...string) (string, error) {
	v, err := s.T(key)
	if err != nil {
		return "", err
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		v = strings.ReplaceAll(v, "{"+pairs[i]+"}", pairs[i+1])
	}
	return v, nil
}

func (s *Strings) missing(key string) error {
	return fmt.Errorf("%s: missing string %q (locale %s)", s.file, key, s.locale)
}

// get is T for Go code that builds views: a miss is recorded (see err) and
// the key itself returned, so view building can go on and report every miss.
func (s *Strings) get(key string) string {
	v, ok := s.m[key]
	if !ok {
		s.mu.Lock()
		s.miss = append(s.miss, key)
		s.mu.Unlock()
		return key
	}
	return v
}

// langName is the name of locale's language in the language switch: the
// "lang.<locale>" UI string when the strings file has one, else what the
// language calls itself in its phrasebook, else the locale — never a
// missing-key error, so a locale added to content/ needs no new string.
func (s *Strings) langName(locale string) string {
	if v, ok := s.m["lang."+locale]; ok {
		return v
	}
	if n := matrix.LanguageName(locale); n != "" {
		return n
	}
	return locale
}

// err reports the keys get could not find, sorted, or nil.
func (s *Strings) err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.miss) == 0 {
		return nil
	}
	keys := append([]string(nil), s.miss...)
	sort.Strings(keys)
	keys = dedupe(keys)
	return fmt.Errorf("%s: missing strings %s (locale %s)", s.file, strings.Join(quote(keys), ", "), s.locale)
}

// checkSameKeys reports, for every locale, the keys another locale's file has
// and its own lacks: each locale must translate every string.
func checkSameKeys(locales []string, all map[string]*Strings) error {
	union := map[string]bool{}
	for _, loc := range locales {
		for k := range all[loc].m {
			union[k] = true
		}
	}
	var msgs []string
	for _, loc := range locales {
		s := all[loc]
		var miss []string
		for k := range union {
			if _, ok := s.m[k]; !ok {
				miss = append(miss, k)
			}
		}
		if len(miss) > 0 {
			sort.Strings(miss)
			msgs = append(msgs, fmt.Sprintf("%s: missing strings %s (locale %s)", s.file, strings.Join(quote(miss), ", "), loc))
		}
	}
	if len(msgs) > 0 {
		return fmt.Errorf("%s", strings.Join(msgs, "\n"))
	}
	return nil
}

func quote(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

func dedupe(sorted []string) []string {
	out := sorted[:0]
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}
