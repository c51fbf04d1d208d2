package search

import (
	"unicode"
	"unicode/utf8"
)

// Term is one word of a query.
type Term struct {
	// Text is the folded word. Parts the reader joined with a hyphen, dot or
	// underscore and no space are one term ("hyper-v" → "hyperv",
	// "2012-r2" → "2012r2"); a number typed up to a final "." keeps it
	// ("8." → "8.", which finds "8.1" while "8" does not).
	Text string
	// Join says the next term may also be read joined onto this one: they
	// were separated by white space only (with at most one hyphen, dot or
	// underscore), so "windows server" also finds "WindowsServer".
	Join bool
}

// Fuzzy reports whether a term is matched with one typo allowed: it is
// letters only (no digit: version numbers are never guessed), at least 4
// of them (a deletion from a 5-letter word), all in the Basic Multilingual
// Plane (the browser compares UTF-16 code units).
func (t Term) Fuzzy() bool {
	n := 0
	for _, r := range t.Text {
		if !unicode.IsLetter(r) || r > 0xffff {
			return false
		}
		n++
	}
	return n >= minFuzzyTerm
}

// Typo tolerance: a term of at least minFuzzyTerm letters matches a word
// that has a prefix of at least minFuzzyWord letters one edit away.
const (
	minFuzzyTerm = 4
	minFuzzyWord = 5
)

// ParseQuery splits what a reader typed into terms (see Term), dropping
// stop words ("sql 2014 on vmware" → sql, 2014, vmware) — except the last
// word while it is still being typed (no separator after it: "in" may
// become "installation"), and except when nothing else would be left —
// and stop phrases, runs of words typed apart whose folded words joined by
// "_" are a key of stop ("mabs v2 sql 2014" and "azure backup server v2
// sql 2014" → v2, sql, 2014).
func ParseQuery(q string, stop map[string]bool) []Term {
	f := Fold(q)
	us := Units(f)
	if len(us) == 0 {
		return nil
	}
	var terms []Term
	for i, u := range us {
		if i > 0 && (u.Sep == "-" || u.Sep == "." || u.Sep == "_") {
			terms[len(terms)-1].Text += u.Word
			continue
		}
		if i > 0 {
			terms[len(terms)-1].Join = joinable(u.Sep)
		}
		terms = append(terms, Term{Text: u.Word})
	}
	last := &terms[len(terms)-1]
	r, _ := utf8.DecodeLastRuneInString(f)
	open := isWordRune(r) // the last word may still be growing
	if r == '.' && len(f) >= 2 && isDigit(f[len(f)-2]) && isDigits(last.Text) {
		last.Text += "."
		open = true
	}
	// Stop phrases: a run of terms typed apart that is a stop word of
	// several words ("azure backup server", the product the whole page is
	// about) is dropped as a whole, the longest run first.
	drop := make([]bool, len(terms))
	for i := 0; i < len(terms); i++ {
		key, end := terms[i].Text, -1
		for j := i; j+1 < len(terms) && j-i+2 <= MaxJoinTerms && terms[j].Join; j++ {
			key += "_" + terms[j+1].Text
			if stop[key] {
				end = j + 1
			}
		}
		if end >= 0 {
			for k := i; k <= end; k++ {
				drop[k] = true
			}
			i = end
		}
	}
	kept := make([]Term, 0, len(terms))
	for i, t := range terms {
		if drop[i] || stop[t.Text] && !(i == len(terms)-1 && open) {
			// The words around a dropped stop word may still be read
			// joined (a synonym phrase is indexed without its stop words
			// too), not around a dropped stop phrase.
			if len(kept) > 0 {
				kept[len(kept)-1].Join = kept[len(kept)-1].Join && t.Join && !drop[i]
			}
			continue
		}
		kept = append(kept, t)
	}
	if len(kept) == 0 {
		return terms
	}
	return kept
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// Match says how a word matches a term.
type Match uint8

// Match values, best last.
const (
	NoMatch Match = iota
	Near          // one typo away (a prefix of the word is one edit from the term)
	Exact         // the word starts with the term
)

// MatchWord reports how word w matches term t: Exact when w starts with t —
// unless t ends in a digit and w goes on with a decimal part or a release
// qualifier ("8" does not find "8.1", "2012" does not find "2012r2"; "201"
// does find "2012") — Near when fuzzy is set and a prefix of w of at
// least 5 letters is one edit (insertion, deletion, substitution or
// transposition of adjacent letters) from t, else NoMatch.
func MatchWord(t, w string, fuzzy bool) Match {
	if len(w) >= len(t) && w[:len(t)] == t && numberOK(t, w[len(t):]) {
		return Exact
	}
	if fuzzy && nearPrefix([]rune(t), []rune(w)) {
		return Near
	}
	return NoMatch
}

// numberOK reports whether rest, what word has after a term that is its
// prefix, keeps the term's number whole.
func numberOK(t, rest string) bool {
	if rest == "" || t == "" || !isDigit(t[len(t)-1]) || len(rest) < 2 || !isDigit(rest[1]) {
		return true
	}
	return rest[0] != '.' && rest[0] != 'r'
}

// nearPrefix reports whether some prefix p of w, len(p) >= minFuzzyWord,
// is exactly one edit from t (optimal string alignment distance 1). The
// edit sits at the first position where t and w differ.
func nearPrefix(t, w []rune) bool {
	n := len(t)
	i := 0
	for i < n && i < len(w) && t[i] == w[i] {
		i++
	}
	if i == n {
		return false // t is a prefix of w: an exact match, not a typo
	}
	eq := func(a, b []rune) bool {
		if len(a) != len(b) {
			return false
		}
		for k := range a {
			if a[k] != b[k] {
				return false
			}
		}
		return true
	}
	// Substitution at i: p = w[:n].
	if n >= minFuzzyWord && len(w) >= n && eq(t[i+1:], w[i+1:n]) {
		return true
	}
	// Transposition of i and i+1: p = w[:n].
	if n >= minFuzzyWord && len(w) >= n && i+1 < n && t[i] == w[i+1] && t[i+1] == w[i] && eq(t[i+2:], w[i+2:n]) {
		return true
	}
	// t has one letter too many at i: p = w[:n-1].
	if n-1 >= minFuzzyWord && len(w) >= n-1 && eq(t[i+1:], w[i:n-1]) {
		return true
	}
	// t lacks a letter at i: p = w[:n+1].
	if n+1 >= minFuzzyWord && len(w) >= n+1 && eq(t[i:], w[i+1:n+1]) {
		return true
	}
	return false
}
