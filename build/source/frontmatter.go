package source

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// fmBlock is where the front matter sits in the body: the opening '---' line
// and the closing one. Lines are 1-based body lines; offsets are body offsets.
type fmBlock struct {
	present   bool // the first line opens a front matter block
	closed    bool // a closing separator was found
	openLine  int  // always 1 when present
	closeLine int
	start     int // offset just after the opening line's '\n'
	end       int // offset of the closing line's first byte
}

// isDashLine mirrors goldmark-meta's separator test (a line made only of
// '-' once spaces are trimmed) but, unlike it, refuses a blank line, so the
// opener cannot be an empty first line.
func isDashLine(line []byte) bool {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return false
	}
	for _, c := range line {
		if c != '-' {
			return false
		}
	}
	return true
}

// findFrontMatter locates the front matter. The opener must be the very first
// line and at least three dashes ("---"); a single '-' would be a list item.
func findFrontMatter(body []byte) fmBlock {
	var fb fmBlock
	first := body[:lineEnd(body, 0)]
	if t := bytes.TrimSpace(first); len(t) < 3 || !isDashLine(t) {
		return fb
	}
	fb.present, fb.openLine = true, 1
	off := len(first) + 1
	fb.start = off
	for line := 2; off < len(body); line++ {
		e := lineEnd(body, off)
		if isDashLine(body[off:e]) {
			fb.closed, fb.closeLine, fb.end = true, line, off
			return fb
		}
		off = e + 1
	}
	return fb
}

// fmKeyOffset returns the body offset of the line in the front matter that
// starts with key followed by ':' (counting lines, not parsing YAML), or the
// front matter's start when no such line exists.
func fmKeyOffset(body []byte, fb fmBlock, key string) int {
	off := fb.start
	for off < fb.end {
		e := lineEnd(body, off)
		line := body[off:e]
		if bytes.HasPrefix(line, []byte(key)) && bytes.HasPrefix(bytes.TrimLeft(line[len(key):], " \t"), []byte(":")) {
			return off
		}
		off = e + 1
	}
	return fb.start
}

// yamlErrorLine finds the "line N" yaml.v2 puts in its messages ("yaml: line
// 3: mapping values are not allowed…", "  line 4: cannot unmarshal…").
// It returns 0 when the message names no line.
func yamlErrorLine(msg string) int {
	i := strings.Index(msg, "line ")
	if i < 0 {
		return 0
	}
	j := i + len("line ")
	k := j
	for k < len(msg) && msg[k] >= '0' && msg[k] <= '9' {
		k++
	}
	n, err := strconv.Atoi(msg[j:k])
	if err != nil {
		return 0
	}
	return n
}

// applyFrontMatter fills fm from the YAML map goldmark-meta produced.
func (p *parseState) applyFrontMatter(fm *FrontMatter, fb fmBlock, raw map[string]any) {
	fm.Raw = jsonSafeMap(raw)
	str := func(key string) string {
		v, ok := raw[key]
		if !ok || v == nil {
			return ""
		}
		switch v.(type) {
		case map[any]any, map[string]any, []any:
			p.diags.Warnf(p.in.pos(fmKeyOffset(p.in.body, fb, key)), "front-matter-type",
				"front matter %q should be a single value, not a list or map", key)
			return ""
		}
		return strings.TrimSpace(fmt.Sprint(v))
	}
	fm.Title = str("title")
	fm.Description = str("description")
	fm.ContentLocale = str("ms.contentlocale")
	for _, d := range []struct {
		key string
		dst *string
	}{{"ms.date", &fm.Date}, {"ms.lasthandoff", &fm.LastHandoff}} {
		s := str(d.key)
		if s == "" {
			continue
		}
		iso, ok := parseUSDate(s)
		if !ok {
			p.diags.Warnf(p.in.pos(fmKeyOffset(p.in.body, fb, d.key)), "bad-date",
				"front matter %s %q is not a date in MM/DD/YYYY form", d.key, s)
			continue
		}
		*d.dst = iso
	}
	if fm.ContentLocale != "" && p.locale != "" {
		if lang(fm.ContentLocale) != lang(p.locale) {
			p.diags.Errorf(p.in.pos(fmKeyOffset(p.in.body, fb, "ms.contentlocale")), "locale-mismatch",
				"ms.contentlocale %q is not the language of folder %q", fm.ContentLocale, p.locale)
		}
	}
}

// lang returns the primary language subtag of a locale, lower case
// ("nl-NL" → "nl", "pt_br" → "pt").
func lang(locale string) string {
	l := strings.ToLower(strings.TrimSpace(locale))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}

// parseUSDate turns "MM/DD/YYYY" (one- or two-digit month and day) into
// "YYYY-MM-DD". An ISO date is accepted as is.
func parseUSDate(s string) (string, bool) {
	var y, m, d int
	if parts := strings.Split(s, "/"); len(parts) == 3 {
		var ok1, ok2, ok3 bool
		m, ok1 = digits(parts[0], 1, 2)
		d, ok2 = digits(parts[1], 1, 2)
		y, ok3 = digits(parts[2], 4, 4)
		if !ok1 || !ok2 || !ok3 {
			return "", false
		}
	} else if parts := strings.Split(s, "-"); len(parts) == 3 {
		var ok1, ok2, ok3 bool
		y, ok1 = digits(parts[0], 4, 4)
		m, ok2 = digits(parts[1], 2, 2)
		d, ok3 = digits(parts[2], 2, 2)
		if !ok1 || !ok2 || !ok3 {
			return "", false
		}
	} else {
		return "", false
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

func digits(s string, min, max int) (int, bool) {
	if len(s) < min || len(s) > max {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// jsonSafeMap copies a YAML map so encoding/json can write it: yaml.v2 gives
// nested maps as map[interface{}]interface{}, which json refuses.
func jsonSafeMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = jsonSafe(v)
	}
	return out
}

func jsonSafe(v any) any {
	switch t := v.(type) {
	case map[any]any:
		// Keys become their text; if two keys print the same (1 and "1"),
		// the one whose Go type name sorts last wins, so output is stable.
		out := make(map[string]any, len(t))
		kinds := make(map[string]string, len(t))
		for k, x := range t {
			ks, kt := fmt.Sprint(k), fmt.Sprintf("%T", k)
			if prev, ok := kinds[ks]; ok && prev > kt {
				continue
			}
			kinds[ks] = kt
			out[ks] = jsonSafe(x)
		}
		return out
	case map[string]any:
		return jsonSafeMap(t)
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = jsonSafe(x)
		}
		return out
	case float64:
		// JSON has no NaN or infinities; keep them as the words YAML used.
		if t != t || t > 1.7976931348623157e308 || t < -1.7976931348623157e308 {
			return fmt.Sprint(t)
		}
	}
	return v
}
