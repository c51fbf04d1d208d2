package phrase

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FoldRune is the comparison form of one rune: lower case, typographic
// apostrophes, hyphens and the full-width punctuation of Chinese and
// Japanese text made ASCII (so a "：" label and a "，" list read like ":"
// and ","), every kind of white space a space. Norm, HasFoldPrefix and the
// matrix's list splitting all use it, so a phrasebook entry written with
// ASCII punctuation matches any of these spellings.
func FoldRune(r rune) rune {
	switch r {
	case '\u2019', '\u2018', '\u02bc', '\u00b4':
		return '\''
	case '\u2010', '\u2011':
		return '-'
	case '\u00a0', '\u2007', '\u202f', '\u3000':
		return ' '
	case '\uff08':
		return '('
	case '\uff09':
		return ')'
	case '\uff1a':
		return ':'
	case '\uff0c', '\u3001':
		return ','
	case '\uff1b':
		return ';'
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		if asciiSpace(byte(r)) {
			return ' '
		}
		return r
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

// Norm is the comparison form of a phrase: every rune folded (FoldRune),
// runs of white space collapsed to one space, the ends trimmed.
func Norm(s string) string {
	if n, ok := normASCII(s); ok {
		return n
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		r = FoldRune(r)
		if r == ' ' {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// normASCII is Norm for ASCII text, in one pass, returning s itself when it
// is already in norm form. ok is false when s holds a non-ASCII byte.
func normASCII(s string) (string, bool) {
	clean := true
	space := true // at the start, a space would be leading
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case c == ' ':
			if space {
				clean = false
			}
			space = true
		case asciiSpace(c):
			clean = false
			space = true
		case 'A' <= c && c <= 'Z':
			clean = false
			space = false
		default:
			space = false
		}
	}
	if clean && !(len(s) > 0 && s[len(s)-1] == ' ') {
		return s, true
	}
	b := make([]byte, 0, len(s))
	pending := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiSpace(c) {
			pending = len(b) > 0
			continue
		}
		if pending {
			b = append(b, ' ')
			pending = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b), true
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// HasFoldPrefix reports whether s starts with prefix (in Norm form) when
// s's runes are folded and its white space runs count as one space, and how
// many bytes of s the prefix covers.
func HasFoldPrefix(s, prefix string) (int, bool) {
	i := 0
	space := false
	for _, pr := range prefix {
		for {
			if i >= len(s) {
				return 0, false
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			r = FoldRune(r)
			if r == ' ' && space { // a run of spaces matches one
				i += n
				continue
			}
			if r != pr {
				return 0, false
			}
			space = r == ' '
			i += n
			break
		}
	}
	return i, true
}

// Boundless reports whether r belongs to a script written without spaces
// between words (Han, Hiragana, Katakana): any place next to such a rune is
// a word boundary.
func Boundless(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// IsWordRune: letters, digits and marks make words; the rest separates them.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// WordIndex is the byte index of the first occurrence of w in s (both in
// Norm form) that starts at a word start and, for words of up to three
// bytes, ends at a word end ("vm" is found in "hyper-v vm" but not in
// "vmware"); -1 if there is none. Bytes, not letters: a short word of
// another script ("том", "폴더") stays a stem that inflected forms ("томов",
// "폴더를") start with. Next to a rune of a
// script without spaces (Boundless) every place is a word boundary.
func WordIndex(s, w string) int { return WordIndexFrom(s, w, 0) }

// WordIndexFrom is WordIndex looking at occurrences from byte from on, in
// a string or in bytes (a caller that blanks out matches in place searches
// on from the last one instead of from the start).
func WordIndexFrom[T string | []byte](s T, w string, from int) int {
	if w == "" {
		return -1
	}
	for from <= len(s)-len(w) {
		i := index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(w)
		if startOK(s, i, w) && (len(w) > 3 || endOK(s, end, w)) {
			return i
		}
		_, n := decodeRune(s[i:])
		from = i + n
	}
	return -1
}

// index is strings.Index or bytes.Index.
func index[T string | []byte](s T, w string) int {
	if b, ok := any(s).([]byte); ok {
		return bytes.Index(b, []byte(w))
	}
	return strings.Index(string(s), w)
}

func decodeRune[T string | []byte](s T) (rune, int) {
	if b, ok := any(s).([]byte); ok {
		return utf8.DecodeRune(b)
	}
	return utf8.DecodeRuneInString(string(s))
}

func decodeLastRune[T string | []byte](s T) (rune, int) {
	if b, ok := any(s).([]byte); ok {
		return utf8.DecodeLastRune(b)
	}
	return utf8.DecodeLastRuneInString(string(s))
}

func startOK[T string | []byte](s T, i int, w string) bool {
	if i == 0 {
		return true
	}
	prev, _ := decodeLastRune(s[:i])
	first, _ := utf8.DecodeRuneInString(w)
	return !IsWordRune(prev) || !IsWordRune(first) || Boundless(prev) || Boundless(first)
}

func endOK[T string | []byte](s T, end int, w string) bool {
	if end == len(s) {
		return true
	}
	next, _ := decodeRune(s[end:])
	last, _ := utf8.DecodeLastRuneInString(w)
	return !IsWordRune(next) || !IsWordRune(last) || Boundless(next) || Boundless(last)
}
