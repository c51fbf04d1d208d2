package matrix

import (
	"bytes"
	"encoding/json"
	"testing"
)

// rowFrom builds a row whose every string, key and list shape comes from
// the fuzzer's input, nil and empty cases included.
func rowFrom(a, b string, n uint8) Row {
	pick := func(k uint8) bool { return n&(1<<k) != 0 }
	r := Row{ID: a, Workload: b, Line: map[string]int{a: int(n), b: -1}}
	if pick(0) {
		r.Section = b
	}
	if pick(1) {
		r.Versions = map[string][]string{a: {b, a}, "en": {}}
	}
	switch n % 3 {
	case 0:
		r.Products = []ProductVersion{{Product: a, Version: b, Qualifiers: []string{b, a}, Entry: int(n)}, {Product: b, Qualifiers: []string{}}, {Product: a}}
	case 1:
		r.Products = []ProductVersion{}
	}
	r.Installations = []Installation{{Target: a, Text: L{b: a}}}
	if pick(2) {
		r.Installations = append(r.Installations, Installation{Target: b, Text: L{}})
	}
	r.Support = map[string]Support{a: {Status: b}, "v2": {Status: a, Condition: LRich{b: {{Text: a, Href: b}}}}}
	if pick(3) {
		r.Support["v3"] = Support{Status: b, Condition: LRich{}}
	}
	r.Protect = LList{a: {{{Text: b}}, {}}, "nl": nil}
	r.Recover = LList{}
	if pick(4) {
		r.Notes = LList{b: {Rich{{Text: a}, {Text: b, Href: a}}}}
	}
	if pick(5) {
		r.Capabilities = []string{a, b}
	} else if pick(6) {
		r.Capabilities = []string{}
	}
	if pick(7) {
		r.Extra = map[string]LRich{a: {b: {{Text: a}}}, b: {}}
	}
	return r
}

func FuzzRowJSON(f *testing.F) {
	for _, s := range []string{"", "a", "<b>&\"\\", "\x00\x1f\x7f", "\xff\xfe", "é\u2028\u2029", "\t\n\r\b\f", "\ufffd"} {
		f.Add(s, "x", uint8(0))
		f.Add("rows", s, uint8(0xff))
	}
	f.Fuzz(func(t *testing.T, a, b string, n uint8) {
		r := rowFrom(a, b, n)
		want, err := json.MarshalIndent(&r, "    ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		var w rowJSON
		w.row(&r, 2)
		if !bytes.Equal(w.b, want) {
			t.Fatalf("rowJSON differs from MarshalIndent\n got %q\nwant %q", w.b, want)
		}
	})
}
