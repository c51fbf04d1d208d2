package matrix

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// rowJSON writes model rows as JSON by hand, byte for byte as
// json.MarshalIndent(model, "", "  ") writes them inside the model (tested
// against it, fuzzed included): same field order, omitempty fields, sorted
// map keys, null for nil maps and slices, and encoding/json's string
// escaping with HTML escaping on. Reflection and the re-indenting pass were
// three quarters of writing the data files; rows are all but a few bytes of
// them. The rest of the model still goes through encoding/json.
type rowJSON struct {
	b []byte
}

// nl starts a new line indented to depth d.
func (w *rowJSON) nl(d int) {
	w.b = append(w.b, '\n')
	for range d {
		w.b = append(w.b, ' ', ' ')
	}
}

// field writes the separator before a field of an object at depth d (the
// opening brace for the first) and its key.
func (w *rowJSON) field(d int, first bool, key string) {
	if first {
		w.b = append(w.b, '{')
	} else {
		w.b = append(w.b, ',')
	}
	w.nl(d + 1)
	w.str(key)
	w.b = append(w.b, ':', ' ')
}

// end closes an object at depth d that has fields.
func (w *rowJSON) end(d int) {
	w.nl(d)
	w.b = append(w.b, '}')
}

// row writes r as an object at depth d.
func (w *rowJSON) row(r *Row, d int) {
	w.field(d, true, "id")
	w.str(r.ID)
	w.field(d, false, "workload")
	w.str(r.Workload)
	if r.Section != "" {
		w.field(d, false, "section")
		w.str(r.Section)
	}
	w.field(d, false, "line")
	writeMap(w, r.Line, d+1, func(v int, _ int) { w.b = strconv.AppendInt(w.b, int64(v), 10) })
	w.field(d, false, "versions")
	writeMap(w, r.Versions, d+1, w.strs)
	w.field(d, false, "products")
	writeList(w, r.Products, d+1, w.product)
	w.field(d, false, "installations")
	writeList(w, r.Installations, d+1, func(in Installation, d int) {
		w.field(d, true, "target")
		w.str(in.Target)
		w.field(d, false, "text")
		writeMap(w, in.Text, d+1, w.strAt)
		w.end(d)
	})
	w.field(d, false, "support")
	writeMap(w, r.Support, d+1, func(s Support, d int) {
		w.field(d, true, "status")
		w.str(s.Status)
		if len(s.Condition) > 0 {
			w.field(d, false, "condition")
			writeMap(w, s.Condition, d+1, w.rich)
		}
		w.end(d)
	})
	w.field(d, false, "protect")
	writeMap(w, r.Protect, d+1, w.richList)
	w.field(d, false, "recover")
	writeMap(w, r.Recover, d+1, w.richList)
	w.field(d, false, "notes")
	writeMap(w, r.Notes, d+1, w.richList)
	w.field(d, false, "capabilities")
	w.strs(r.Capabilities, d+1)
	if len(r.Extra) > 0 {
		w.field(d, false, "extra")
		writeMap(w, r.Extra, d+1, func(v LRich, d int) { writeMap(w, v, d, w.rich) })
	}
	w.end(d)
}

func (w *rowJSON) strAt(s string, _ int) { w.str(s) }

func (w *rowJSON) strs(s []string, d int) { writeList(w, s, d, w.strAt) }

func (w *rowJSON) richList(rs []Rich, d int) { writeList(w, rs, d, w.rich) }

func (w *rowJSON) rich(r Rich, d int) {
	writeList(w, r, d, func(s Span, d int) {
		w.field(d, true, "text")
		w.str(s.Text)
		if s.Href != "" {
			w.field(d, false, "href")
			w.str(s.Href)
		}
		w.end(d)
	})
}

// writeList writes a slice at depth d: null when nil, [] when empty.
func writeList[T any](w *rowJSON, s []T, d int, item func(T, int)) {
	switch {
	case s == nil:
		w.b = append(w.b, "null"...)
		return
	case len(s) == 0:
		w.b = append(w.b, '[', ']')
		return
	}
	w.b = append(w.b, '[')
	for i, v := range s {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.nl(d + 1)
		item(v, d+1)
	}
	w.nl(d)
	w.b = append(w.b, ']')
}

// writeMap writes a map at depth d with its keys sorted: null when nil, {}
// when empty.
func writeMap[V any](w *rowJSON, m map[string]V, d int, value func(V, int)) {
	switch {
	case m == nil:
		w.b = append(w.b, "null"...)
		return
	case len(m) == 0:
		w.b = append(w.b, '{', '}')
		return
	}
	var buf [4]string
	keys := buf[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		w.field(d, i == 0, k)
		value(m[k], d+1)
	}
	w.end(d)
}

const hexDigits = "0123456789abcdef"

// str writes s as a JSON string the way encoding/json does with HTML
// escaping: \" \\ \b \f \n \r \t, other control bytes and < > & as \u00XX,
// invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func (w *rowJSON) str(s string) {
	b := append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	w.b = append(b, '"')
}

// product writes one product version at depth d.
func (w *rowJSON) product(p ProductVersion, d int) {
	w.field(d, true, "product")
	w.str(p.Product)
	w.field(d, false, "version")
	w.str(p.Version)
	w.field(d, false, "qualifiers")
	w.strs(p.Qualifiers, d+1)
	w.field(d, false, "entry")
	w.b = strconv.AppendInt(w.b, int64(p.Entry), 10)
	w.end(d)
}
