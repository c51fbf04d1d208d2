package product

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mabs-matrix/matrixdoc/build/phrase"
)

// kind is what a token of an entry is.
type kind int

const (
	tUnknown   kind = iota
	tProduct        // a product name (prod)
	tWindows        // "Windows": client or server by the version after it
	tNum            // a version number or name ("2012", "8.1", "20H2", "V1", "Vista")
	tR              // "R2": a release of the number before it
	tSP             // a service pack ("SP1", "Service Pack 1", "SP1 (SP1)"): n
	tSPs            // "SP"/"SPs" without a number
	tCU             // a cumulative update ("CU23"): n
	tU              // a VMware update ("U3"): n
	tQual           // an edition, installation option or licence remark (qual)
	tServicing      // "supported SPs", "latest SP": says which updates of the version before
	tHyper          // a hypervisor a guest runs on (qual)
	tWMF            // Windows Management Framework (a requirement)
	tList           // and, or, &, +
	tComma          // , ; 、
	tSlash          // /
	tDash           // - – — :
	tLParen
	tRParen
	tDot
	tWith      // with: joins a service pack to its version
	tNot       // not: negates the qualifier after it
	tIncl      // including: the qualifier after it is included, not required
	tSPWord    // "service pack": a number follows
	tReq       // "you need to install": a requirement follows
	tNoise     // edition, version and product-kind words that carry nothing
	tGuestWord // "running as", "guest"
)

// token is one piece of an entry, as byte offsets into it.
type token struct {
	kind       kind
	start, end int
	prod       Product
	qual       Qualifier
	num        string
	n          int
}

// connector reports whether a token only joins or frames other tokens: it
// counts as understood when what it joins is.
func (k kind) connector() bool {
	return k >= tList
}

// keyKinds maps a versions key to the token it makes.
var keyKinds = map[string]token{
	KeyAnd: {kind: tList}, KeyOr: {kind: tList}, KeyWith: {kind: tWith}, KeyNot: {kind: tNot},
	KeyIncluding: {kind: tIncl}, KeyServicePack: {kind: tSPWord},
	KeyEdition: {kind: tNoise}, KeyVersion: {kind: tNoise}, KeyFiller: {kind: tNoise},
	KeyRunningAs: {kind: tGuestWord}, KeyGuest: {kind: tGuestWord},
	KeyLicensed:     {kind: tQual, qual: Licensed},
	KeySupportedSPs: {kind: tServicing, qual: SupportedSPs},
	KeyLatestSP:     {kind: tServicing, qual: LatestSP},
	KeyRequires:     {kind: tReq},
	KeyLater:        {kind: tServicing, qual: AndLater},
	Key64Bit:        {kind: tQual, qual: Bit64},
	Key32Bit:        {kind: tQual, qual: Bit32},
	KeySubscription: {kind: tNum, num: "Subscription Edition"},
	KeyWindows:      {kind: tWindows},
	KeyDatacenter:   {kind: tQual, qual: Datacenter},
	KeyStandard:     {kind: tQual, qual: Standard},
	KeyEnterprise:   {kind: tQual, qual: Enterprise},
	KeyEssentials:   {kind: tQual, qual: Essentials},
	KeyServerCore:   {kind: tQual, qual: ServerCore},
	KeyNanoServer:   {kind: tQual, qual: NanoServer},
	KeyWMF:          {kind: tWMF, qual: RequiresWMF},
	KeyHyperV:       {kind: tHyper, qual: HyperVGuest},
	KeyAzureStack:   {kind: tHyper, qual: AzureStackGuest},
}

func init() {
	for _, p := range Products {
		if p != Unknown {
			keyKinds[string(p)] = token{kind: tProduct, prod: p}
		}
	}
}

// entry is one phrase of the dictionary, in runes of its Norm form.
type entry struct {
	r   []rune
	n   int // bytes of the phrase
	tok token
}

// dict is the versions words of a chain of books, indexed by first rune,
// longest first; a phrase a more specific book gives is not overridden.
type dict struct {
	first map[rune][]entry
}

func newDict(books []*phrase.Book) *dict {
	d := &dict{first: map[rune][]entry{}}
	seen := map[string]bool{}
	for _, b := range books {
		for _, key := range VersionKeys {
			for _, p := range b.VersionWords[key] {
				if seen[p.Text] || p.Text == "" {
					continue
				}
				seen[p.Text] = true
				r := []rune(p.Text)
				d.first[r[0]] = append(d.first[r[0]], entry{r: r, n: len(p.Text), tok: keyKinds[key]})
			}
		}
	}
	for k, es := range d.first {
		slices.SortStableFunc(es, func(a, b entry) int { return cmp.Compare(len(b.r), len(a.r)) })
		d.first[k] = es
	}
	return d
}

// dicts are the dictionaries of one Lang: the whole chain, and English
// only (for an entry's English twin).
type dicts struct{ all, english *dict }

// dictCache holds the dictionaries of the Langs in use. A compile makes a
// Lang per document, so the cache is small; it is emptied when it grows
// past a bound (a long serve session compiles again and again).
var dictCache struct {
	sync.Mutex
	m map[*phrase.Lang]*dicts
}

func dictsFor(lg *phrase.Lang) *dicts {
	dictCache.Lock()
	defer dictCache.Unlock()
	if d := dictCache.m[lg]; d != nil {
		return d
	}
	if dictCache.m == nil || len(dictCache.m) >= 64 {
		dictCache.m = map[*phrase.Lang]*dicts{}
	}
	var books, english []*phrase.Book
	if lg != nil {
		books = lg.Books
		for _, b := range lg.Books {
			if b.Tag == phrase.FallbackTag || b.Tag == phrase.RootTag || strings.HasPrefix(b.Tag, phrase.FallbackTag+"-") {
				english = append(english, b)
			}
		}
	}
	d := &dicts{all: newDict(books), english: newDict(english)}
	dictCache.m[lg] = d
	return d
}

// folded is an entry's runes in comparison form (phrase.FoldRune) with the
// byte offset each starts at; at[len(r)] is the length of the text.
type folded struct {
	r  []rune
	at []int
}

func fold(text string, f folded) folded {
	f.r, f.at = f.r[:0], f.at[:0]
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\u2013', '\u2014', '\u2212':
			r = '-'
		case '\u3002':
			r = '.'
		default:
			r = phrase.FoldRune(r)
		}
		f.r = append(f.r, r)
		f.at = append(f.at, i)
		i += n
	}
	f.at = append(f.at, len(text))
	return f
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }
func isDigit(r rune) bool  { return r >= '0' && r <= '9' }

// boundary reports whether a word may end between a and b: one is not a
// word rune, or belongs to a script without spaces, or letters meet digits
// ("Win2016", "SQL2014" are two words).
func boundary(a, b rune) bool {
	return !phrase.IsWordRune(a) || !phrase.IsWordRune(b) || phrase.Boundless(a) || phrase.Boundless(b) ||
		unicode.IsDigit(a) != unicode.IsDigit(b)
}

// match finds the longest phrase at rune i. A space of a phrase matches a
// run of spaces. A phrase of up to three bytes must end at a word end; a
// longer one is a word start and takes the rest of its word ("sharepoint"
// reads "SharePoints", "windows management frame" reads "Framework").
func (d *dict) match(f folded, i int) (token, int, bool) {
	for _, e := range d.first[f.r[i]] {
		j, ok := i, true
		for _, pr := range e.r {
			if j >= len(f.r) {
				ok = false
				break
			}
			if pr == ' ' {
				if f.r[j] != ' ' {
					ok = false
					break
				}
				for j < len(f.r) && f.r[j] == ' ' {
					j++
				}
				continue
			}
			if f.r[j] != pr {
				ok = false
				break
			}
			j++
		}
		if !ok {
			continue
		}
		if e.n <= 3 {
			if j < len(f.r) && !boundary(f.r[j-1], f.r[j]) {
				continue
			}
		} else {
			for j < len(f.r) && isLetter(f.r[j]) && isLetter(f.r[j-1]) && !phrase.Boundless(f.r[j]) && !phrase.Boundless(f.r[j-1]) {
				j++
			}
		}
		return e.tok, j, true
	}
	return token{}, i, false
}

// scratch is the memory one parse works in, reused across parses.
type scratch struct {
	f    folded
	toks []token
	used []bool
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// lex splits text into tokens (in sc's memory). Every byte that is not
// white space is in exactly one token.
func lex(d *dict, text string, sc *scratch) []token {
	sc.f = fold(text, sc.f)
	f := sc.f
	out := sc.toks[:0]
	for i := 0; i < len(f.r); {
		r := f.r[i]
		if r == ' ' {
			i++
			continue
		}
		if !phrase.IsWordRune(r) {
			out = append(out, token{kind: punct(r), start: f.at[i], end: f.at[i+1]})
			i++
			continue
		}
		if i == 0 || boundary(f.r[i-1], r) {
			if t, j, ok := d.match(f, i); ok {
				t.start, t.end = f.at[i], f.at[j]
				out = append(out, t)
				i = j
				continue
			}
		}
		j := wordEnd(f.r, i)
		out = appendWord(out, f, i, j)
		i = j
	}
	sc.toks = out
	return out
}

func punct(r rune) kind {
	switch r {
	case ',', ';':
		return tComma
	case '/', '\\':
		return tSlash
	case '-', ':':
		return tDash
	case '(', '[':
		return tLParen
	case ')', ']':
		return tRParen
	case '.':
		return tDot
	case '&', '+':
		return tList
	}
	return tUnknown
}

// wordEnd is the end of the word at i: one rune of a script without
// spaces, else a run of word runes, with a dot between digits ("8.1") and
// a decimal comma between short numbers ("5,5" in Dutch) kept inside.
func wordEnd(r []rune, i int) int {
	if phrase.Boundless(r[i]) {
		return i + 1
	}
	j := i
	for j < len(r) {
		c := r[j]
		if phrase.IsWordRune(c) && !phrase.Boundless(c) {
			j++
			continue
		}
		if (c == '.' || c == ',') && j > i && j+1 < len(r) && isDigit(r[j-1]) && isDigit(r[j+1]) {
			if c == ',' && !decimalComma(r, i, j) {
				break
			}
			j++
			continue
		}
		break
	}
	return j
}

// decimalComma: "5,5" or "6,0" (a word of one or two digits, a comma,
// one or two digits ending the word) is a number written with a decimal
// comma, not a list "2012,2016".
func decimalComma(r []rune, start, comma int) bool {
	k := comma
	for k > start && isDigit(r[k-1]) {
		k--
	}
	if before := comma - k; k != start || before > 2 {
		return false
	}
	m := comma + 1
	for m < len(r) && isDigit(r[m]) {
		m++
	}
	after := m - comma - 1
	return after >= 1 && after <= 2 && (m == len(r) || !phrase.IsWordRune(r[m]))
}

// appendWord classifies the word r[i:j] and appends its token(s): a word
// made of two classified parts ("2016SP1", "2012R2") is split.
func appendWord(out []token, f folded, i, j int) []token {
	w := string(f.r[i:j])
	if t, ok := classify(w); ok {
		t.start, t.end = f.at[i], f.at[j]
		return append(out, t)
	}
	for k := i + 1; k < j; k++ {
		if isDigit(f.r[k]) != isDigit(f.r[k-1]) && f.r[k] != '.' && f.r[k-1] != '.' {
			if _, ok := classify(string(f.r[i:k])); ok {
				out = appendWord(out, f, i, k)
				return appendWord(out, f, k, j)
			}
			break
		}
	}
	return append(out, token{kind: tUnknown, start: f.at[i], end: f.at[j]})
}

// classify recognises the words that are versions and service packs.
func classify(w string) (token, bool) {
	if n, ok := namedVersions[w]; ok {
		return token{kind: tNum, num: n}, true
	}
	switch {
	case isNumber(w):
		return token{kind: tNum, num: strings.ReplaceAll(w, ",", ".")}, true
	case len(w) == 4 && isDigit(rune(w[0])) && isDigit(rune(w[1])) && w[2] == 'h' && isDigit(rune(w[3])):
		return token{kind: tNum, num: strings.ToUpper(w)}, true // "20H2"
	case len(w) >= 3 && w[0] == '2' && w[1] == 'k' && isTwoK(w[2:]):
		// An administrator's "2k12", "2k8", "2k12r2": 2012, 2008, 2012 R2.
		y, r2 := strings.CutSuffix(w[2:], "r2")
		if len(y) == 1 {
			y = "0" + y
		}
		v := "20" + y
		if r2 {
			v += " R2"
		}
		return token{kind: tNum, num: v}, true
	case w == "sp" || w == "sps" || w == "cu":
		// "SP 1", "CU 23": prepare joins a number that follows.
		return token{kind: tSPs, num: w}, true
	}
	for _, p := range []struct {
		prefix string
		k      kind
	}{{"sp", tSP}, {"cu", tCU}, {"u", tU}, {"r", tR}, {"v", tNum}} {
		rest, ok := strings.CutPrefix(w, p.prefix)
		if !ok || rest == "" || !allDigits(rest) || rest[0] == '0' {
			continue
		}
		n, err := strconv.Atoi(rest)
		if err != nil || n > 99 {
			continue
		}
		t := token{kind: p.k, n: n, num: strings.ToUpper(w)}
		if (p.k == tR || p.k == tU) && n > 9 {
			continue
		}
		return t, true
	}
	return token{}, false
}

// isTwoK: the rest of "2k12r2" — one or two digits, maybe "r2".
func isTwoK(s string) bool {
	s = strings.TrimSuffix(s, "r2")
	return len(s) >= 1 && len(s) <= 2 && allDigits(s)
}

func isNumber(w string) bool {
	if w == "" || !isDigit(rune(w[0])) || !isDigit(rune(w[len(w)-1])) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !isDigit(rune(c)) && c != '.' && c != ',' {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	return s != ""
}
