package search

import (
	"strings"
	"unicode"
)

// Token is one word of a folded text with the separator text before it.
type Token struct {
	// Word is letters and digits (\p{L}, \p{N}), plus a "." between two
	// digits ("8.1", "4.0"); an apostrophe between two letters is dropped
	// ("CSV's" → "csvs", "aren't" → "arent").
	Word string
	// Sep is the folded text between the previous token and this one (or
	// before the first token): white space and punctuation.
	Sep string
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// Tokens splits a folded text into words. It never joins two texts: a
// caller tokenizes each element (cell line, list item, label) on its own.
func Tokens(folded string) []Token {
	var out []Token
	rs := []rune(folded)
	var word, sep strings.Builder
	flush := func() {
		if word.Len() > 0 {
			out = append(out, Token{Word: word.String(), Sep: sep.String()})
			word.Reset()
			sep.Reset()
		}
	}
	for i, r := range rs {
		switch {
		case isWordRune(r):
			word.WriteRune(r)
			continue
		case word.Len() > 0 && i+1 < len(rs):
			w := word.String()
			if r == '.' && isDigit(w[len(w)-1]) && rs[i+1] < 0x80 && isDigit(byte(rs[i+1])) {
				word.WriteByte('.')
				continue
			}
			if r == '\'' && unicode.IsLetter(lastRune(w)) && unicode.IsLetter(rs[i+1]) {
				continue
			}
		}
		flush()
		sep.WriteRune(r)
	}
	flush()
	return out
}

func lastRune(s string) rune {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}

// isNumber reports whether w is a version number: digits, optionally with
// ".digits" parts ("2012", "8.1", "6.0").
func isNumber(w string) bool {
	if w == "" || !isDigit(w[0]) || !isDigit(w[len(w)-1]) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) && !(w[i] == '.' && isDigit(w[i-1]) && isDigit(w[i+1])) {
			return false
		}
	}
	return true
}

// isRelease reports whether w is a release qualifier that makes another
// product version of the number before it: "r2", "r3". ("SP1", "UR1" are
// updates of the same version and stay words of their own.)
func isRelease(w string) bool {
	if len(w) < 2 || w[0] != 'r' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

// releaseTail returns the release qualifier at the end of a word that is a
// number followed by one ("2012r2" → "r2"), or "".
func releaseTail(w string) string {
	i := strings.LastIndexByte(w, 'r')
	if i <= 0 || !isNumber(w[:i]) || !isRelease(w[i:]) {
		return ""
	}
	return w[i:]
}

// joinable reports whether a separator only splits a spelling: white
// space, or one hyphen, dot or underscore alone, or a hyphen between
// spaces ("Hyper-V", "Hyper V", "bare metal", "ASP.NET", "2012 - R2" — not
// "2012/2012", "a, b", "(CSV)" or the ". " that ends a sentence).
func joinable(sep string) bool {
	if sep == "" {
		return false
	}
	if sep == "." || sep == "_" {
		return true
	}
	hyphen := false
	for i := 0; i < len(sep); i++ {
		switch sep[i] {
		case ' ':
		case '-':
			if hyphen {
				return false
			}
			hyphen = true
		default:
			return false
		}
	}
	return true
}

// Unit is a word of a text after the version rule: a version number and
// the release qualifier after it are one unit ("2012 R2", "2012-R2" and
// "2012R2" are all "2012r2"), so that "2012" never stands for "2012 R2".
type Unit struct {
	Word string
	Sep  string // the separator before the unit
	// Release is the release qualifier inside Word ("r2" of "2012r2"), or "".
	Release string
}

// Units tokenizes a folded text and applies the version rule.
func Units(folded string) []Unit {
	toks := Tokens(folded)
	out := make([]Unit, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+1 < len(toks) && isNumber(t.Word) && isRelease(toks[i+1].Word) && joinable(toks[i+1].Sep) && toks[i+1].Sep != "." && toks[i+1].Sep != "_" {
			out = append(out, Unit{Word: t.Word + toks[i+1].Word, Sep: t.Sep, Release: toks[i+1].Word})
			i++
			continue
		}
		out = append(out, Unit{Word: t.Word, Sep: t.Sep, Release: releaseTail(t.Word)})
	}
	return out
}

// Words returns the words of a text (folded, after the version rule), in
// order: what a reader's query words are matched against, before
// spelling variants and synonyms are added.
func Words(text string) []string {
	us := Units(Fold(text))
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.Word
	}
	return out
}

// maxJoin is the most adjacent units a spelling variant joins: two
// ("hyper" + "v"), which is how spellings differ. Three ("hypervhost",
// "windowsserver2012r2") made the index at 10,000 rows half as big again
// for queries nobody types as one word.
const maxJoin = 2

// variants returns the words a text's units can also be found by: each
// release qualifier on its own ("r2", so a query "r2" finds "2012 R2"), a
// release listed after a comma or slash joined to the last number before
// it ("2012 SP1, R2" → "2012r2"), and
// every run of 2 to maxJoin adjacent units whose separators only split a
// spelling, joined ("hyper"+"v" → "hyperv", "bare"+"metal" → "baremetal",
// "server"+"2012r2" → "server2012r2"). A run never holds a stop word:
// nobody spells "2012 or 2016" as one word.
func variants(us []Unit, stop map[string]bool, add func(string)) {
	for i, u := range us {
		if u.Release != "" && u.Release != u.Word {
			add(u.Release)
		}
		// A release alone in an enumeration is one of the number before it:
		// "VMM 2012 SP1, R2" lists 2012 SP1 and 2012 R2.
		if isRelease(u.Word) && i > 0 && strings.ContainsAny(u.Sep, ",/") {
			for j := i - 1; j >= 0; j-- {
				if isNumber(us[j].Word) {
					add(us[j].Word + u.Word)
					break
				}
			}
		}
		if stop[u.Word] {
			continue
		}
		w := u.Word
		for k := i + 1; k < len(us) && k-i < maxJoin; k++ {
			if !joinable(us[k].Sep) || stop[us[k].Word] {
				break
			}
			w += us[k].Word
			add(w)
		}
	}
}
