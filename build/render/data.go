package render

import (
	"strconv"
	"unicode/utf8"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// The script's data is JSON written here by hand, not with encoding/json:
// it is small-integer arrays and strings, written in one pass, at 10,000
// rows in a few milliseconds. Strings are escaped as encoding/json escapes
// them for HTML (<, >, & and U+2028/9 as \u escapes), so the data can sit
// inside a <script type="application/json"> element: "</script" can never
// occur in it.
//
// Facet values are indexes into value tables, so a row is a few bytes:
//
//	{"servers":["v2","v1"], "count":"{shown} of {total} rows",
//	 "w":[workload ids], "t":[target ids], "st":[status ids], "c":[capability ids],
//	 "pairs":[[0,1], …],
//	 "rows":[[w, [t…], [status per server…], [c…], differences], …],
//	 "ui":{key: text}, "search":{…}, "answer":{…}}
//
// A row's status per server is "unknown" where the source gives none. pairs
// are the pairs of servers the "where vX and vY differ" facet offers (every
// pair, at most maxPairs); a row's differences has bit p set when the
// servers of pairs[p] differ for it (see differ). "search" is the page's
// search index (build/search, Index.AppendJSON), "answer" the answer
// panel's data (answer.go), "ui" the strings the script shows (clientUI).

// jsonString writes s as a JSON string literal, safe inside HTML.
func (w *writer) jsonString(s string) {
	const hex = "0123456789abcdef"
	w.WriteByte('"')
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			w.WriteString(s[last:i])
			switch c {
			case '"', '\\':
				w.WriteByte('\\')
				w.WriteByte(c)
			case '\n':
				w.WriteString(`\n`)
			case '\t':
				w.WriteString(`\t`)
			case '\r':
				w.WriteString(`\r`)
			default:
				w.WriteString(`\u00`)
				w.WriteByte(hex[c>>4])
				w.WriteByte(hex[c&0xf])
			}
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			w.WriteString(s[last:i])
			w.WriteString(`\ufffd`)
			i += size
			last = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			w.WriteString(s[last:i])
			w.WriteString(`\u202`)
			w.WriteByte(hex[r&0xf])
			i += size
			last = i
			continue
		}
		i += size
	}
	w.WriteString(s[last:])
	w.WriteByte('"')
}

func (w *writer) jsonInt(n int) {
	var buf [20]byte
	w.Write(strconv.AppendInt(buf[:0], int64(n), 10))
}

func (w *writer) jsonStrings(ss []string) {
	w.WriteByte('[')
	for i, s := range ss {
		if i > 0 {
			w.WriteByte(',')
		}
		w.jsonString(s)
	}
	w.WriteByte(']')
}

func (w *writer) jsonInts(ns []int) {
	w.WriteByte('[')
	for i, n := range ns {
		if i > 0 {
			w.WriteByte(',')
		}
		w.jsonInt(n)
	}
	w.WriteByte(']')
}

// table numbers values: the vocabulary's first, in its order, then any
// other value in order of first use.
type table struct {
	list []string
	idx  map[string]int
}

func newTable[T ~string](vocab []T) *table {
	t := &table{idx: make(map[string]int, len(vocab))}
	for _, v := range vocab {
		t.id(string(v))
	}
	return t
}

func (t *table) id(v string) int {
	if i, ok := t.idx[v]; ok {
		return i
	}
	t.idx[v] = len(t.list)
	t.list = append(t.list, v)
	return len(t.list) - 1
}

// facets are the rows' facet values as indexes, the same in every locale.
type facets struct {
	servers          []string
	w, t, st, c      *table
	rowW             []int
	rowT, rowS, rowC [][]int
	pairs            [][2]int
	rowD             []int // differences, a bit per pair
}

// maxPairs bounds the differ facet (a row's differences are a 31-bit mask,
// the script's bit operations being 32-bit): 8 servers give 28 pairs.
const maxPairs = 31

// serverPairs are the pairs of m's servers, in column order, at most maxPairs.
func serverPairs(m *matrix.Model) [][2]int {
	var out [][2]int
	for a := range m.Servers {
		for b := a + 1; b < len(m.Servers) && len(out) < maxPairs; b++ {
			out = append(out, [2]int{a, b})
		}
	}
	return out
}

// differ reports whether servers a and b differ for row r: another status,
// or the same status with another condition (in any locale).
func differ(r *matrix.Row, a, b string) bool {
	sa, sb := r.Support[a], r.Support[b]
	if sa.Status != sb.Status {
		return true
	}
	for loc, ca := range sa.Condition {
		if richText(ca) != richText(sb.Condition[loc]) {
			return true
		}
	}
	for loc, cb := range sb.Condition {
		if richText(cb) != richText(sa.Condition[loc]) {
			return true
		}
	}
	return false
}

// richText is a rich text as the reader sees it (links as their text).
func richText(r matrix.Rich) string {
	var b []byte
	for _, sp := range r {
		b = append(b, sp.Text...)
	}
	return string(b)
}

func buildFacets(m *matrix.Model) *facets {
	f := &facets{w: &table{idx: map[string]int{}}, t: newTable(matrix.Targets), st: newTable(matrix.Statuses), c: newTable(matrix.Capabilities)}
	for _, srv := range m.Servers {
		f.servers = append(f.servers, srv.ID)
	}
	for _, w := range m.Workloads {
		f.w.id(w.ID)
	}
	f.pairs = serverPairs(m)
	n := len(m.Rows)
	f.rowD = make([]int, n)
	f.rowW = make([]int, n)
	f.rowT, f.rowS, f.rowC = make([][]int, n), make([][]int, n), make([][]int, n)
	unknown := string(matrix.StatusUnknown)
	for i := range m.Rows {
		r := &m.Rows[i]
		f.rowW[i] = f.w.id(r.Workload)
		ts := make([]int, 0, len(r.Installations))
		for _, in := range r.Installations {
			id := f.t.id(in.Target)
			if !containsInt(ts, id) {
				ts = append(ts, id)
			}
		}
		ss := make([]int, len(m.Servers))
		for j, srv := range m.Servers {
			st := r.Support[srv.ID].Status
			if st == "" {
				st = unknown
			}
			ss[j] = f.st.id(st)
		}
		cs := make([]int, len(r.Capabilities))
		for j, c := range r.Capabilities {
			cs[j] = f.c.id(c)
		}
		f.rowT[i], f.rowS[i], f.rowC[i] = ts, ss, cs
		for p, pr := range f.pairs {
			if differ(r, m.Servers[pr[0]].ID, m.Servers[pr[1]].ID) {
				f.rowD[i] |= 1 << p
			}
		}
	}
	return f
}

// writeFields writes the facet fields of the data object (without braces).
func (f *facets) writeFields(w *writer) {
	w.s(`"servers":`)
	w.jsonStrings(f.servers)
	for _, t := range []struct {
		key string
		t   *table
	}{{"w", f.w}, {"t", f.t}, {"st", f.st}, {"c", f.c}} {
		w.s(`,"` + t.key + `":`)
		w.jsonStrings(t.t.list)
	}
	w.s(`,"pairs":[`)
	for i, p := range f.pairs {
		if i > 0 {
			w.WriteByte(',')
		}
		w.jsonInts(p[:])
	}
	w.s(`],"rows":[`)
	for i := range f.rowW {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteByte('[')
		w.jsonInt(f.rowW[i])
		w.WriteByte(',')
		w.jsonInts(f.rowT[i])
		w.WriteByte(',')
		w.jsonInts(f.rowS[i])
		w.WriteByte(',')
		w.jsonInts(f.rowC[i])
		w.WriteByte(',')
		w.jsonInt(f.rowD[i])
		w.WriteByte(']')
	}
	w.WriteByte(']')
}

// appJSON writes the hosted matrix page's data: the facets, and the count
// pattern, strings, search index and answer data of the locale.
func (f *facets) appJSON(w *writer, lv *localeView) {
	w.s(`{"count":`)
	w.jsonString(lv.App.count)
	w.s(`,"ui":`)
	w.jsonObject(lv.S, clientUI)
	w.s(`,"search":`)
	w.Write(lv.search.AppendJSON(nil))
	w.s(`,"answer":`)
	lv.answer.writeJSON(w)
	w.WriteByte(',')
	f.writeFields(w)
	w.WriteByte('}')
}

// clientUI are the UI strings the matrix script shows (matrix.ts,
// answer.ts, export.ts), hosted and offline.
var clientUI = []string{
	"filter.option", "filter.near", "filter.nearnote", "filter.nomatch", "filter.nomatchleft",
	"filter.emptyfilters", "filter.suggest", "export.file", "print.search", "print.filters", "print.all",
	"answer.choose", "answer.yes", "answer.conditional", "answer.no", "answer.unlisted", "answer.unknown",
	"answer.mixed", "answer.what", "answer.rows",
}

// jsonObject writes the strings keys of s as a JSON object.
func (w *writer) jsonObject(s *Strings, keys []string) {
	w.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			w.WriteByte(',')
		}
		w.jsonString(k)
		w.WriteByte(':')
		w.jsonString(s.get(k))
	}
	w.WriteByte('}')
}

func containsInt(ns []int, n int) bool {
	for _, x := range ns {
		if x == n {
			return true
		}
	}
	return false
}
