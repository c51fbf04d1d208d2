package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// specials are the folds NFKD plus mark removal does not give: typographic
// punctuation mapped to its ASCII form (so "Hyper‑V" with a non-breaking
// hyphen and "CSV’s" with a curly apostrophe tokenize like their ASCII
// spellings), letters that do not decompose (ß, æ, ø, ł, the Dutch ĳ), and
// invisible characters that only break words apart where no reader sees a
// break. The page's script gets this table (with the fold of every other
// non-ASCII character of the page's text) from the page data, so the query
// folds exactly as the index did.
var specials = map[rune]string{
	'\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u02bc': "'", '\u00b4': "'", '`': "'",
	'\u201c': `"`, '\u201d': `"`, '\u201e': `"`, '\u201f': `"`, '\u2033': `"`, '\u00ab': `"`, '\u00bb': `"`,
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "-", '\u2015': "-", '\u2212': "-", '\u2043': "-",
	'\u00a0': " ", '\u2007': " ", '\u202f': " ", '\u200b': " ", '\u3000': " ", '\t': " ", '\n': " ", '\r': " ",
	'\u00ad': "", '\u200c': "", '\u200d': "", '\u2060': "", '\ufeff': "",
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'ł': "l", 'Ł': "l", 'þ': "th", 'Þ': "th", 'ı': "i",
	'ĳ': "ij", 'Ĳ': "ij",
}

// foldRune is the search form of one character: its special fold, else its
// compatibility decomposition (NFKD: "ﬁ" → "fi", full-width letters →
// ASCII) without combining marks ("é" → "e"), lowercased one character at a
// time (no context-dependent casing, so the browser, which folds the same
// way, agrees).
func foldRune(r rune) string {
	if r < utf8.RuneSelf {
		if r == '`' || r == '\t' || r == '\n' || r == '\r' {
			return specials[r]
		}
		if 'A' <= r && r <= 'Z' {
			return string(r + 'a' - 'A')
		}
		return string(r)
	}
	if s, ok := specials[r]; ok {
		return s
	}
	var b strings.Builder
	for _, d := range norm.NFKD.String(string(r)) {
		if unicode.Is(unicode.M, d) {
			continue
		}
		if s, ok := specials[d]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteRune(unicode.ToLower(d))
	}
	return b.String()
}

// Fold returns the search form of s: every character folded by foldRune.
// ASCII text only lowercases.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '`' || c == '\t' || c == '\n' || c == '\r' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteString(foldRune(r))
	}
	return b.String()
}

// FoldTable returns the folds the page's script needs to fold a query as
// Fold does: every special, and every non-ASCII character of texts, each
// mapped to foldRune's result, sorted by character. Characters outside the
// table fold in the browser by the same rule (NFKD, marks removed,
// lowercase), which Chromium's Unicode data may answer differently for
// characters the page does not contain — and those cannot match anything
// exactly anyway.
func FoldTable(texts func(yield func(string) bool)) [][2]string {
	seen := map[rune]bool{}
	for r := range specials {
		if r >= utf8.RuneSelf {
			seen[r] = true
		}
	}
	for s := range texts {
		for _, r := range s {
			if r >= utf8.RuneSelf {
				seen[r] = true
			}
		}
	}
	out := make([][2]string, 0, len(seen))
	for r := range seen {
		out = append(out, [2]string{string(r), foldRune(r)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}
