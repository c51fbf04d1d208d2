package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/search"
)

// The answer panel's data (assets/answer.ts), per locale:
//
//	{"vw": [workload index…], "vl": [label…], "vr": "rows … rows",
//	 "on": [phrase per target], "tw": [labels per target], "tl": [label per target],
//	 "cl": [label per capability], "sn": [server name…], "wn": [workload name…],
//	 "icons": {kind: icon}}
//
// vw, vl and vr are the version choices, one entry each: its workload (an
// index into the facet data's "w"), its label, and the rows that list it
// (ascending row indexes, as build/search writes id lists, space-separated;
// at 10,000 rows a JSON array per choice was a quarter of the data). The
// script makes a choice's id for the URL from its label. Targets and
// capabilities follow the facet data's "t" and "c" tables.

// versionChoice is one choice of the answer panel's version select: a
// product version of a workload ({product, version} of Row.Products,
// qualifiers aside: "SQL Server 2012" stands for the rows of "SQL Server
// 2012" and of "SQL Server 2012 met SP1"), with the rows that name it.
type versionChoice struct {
	workload int // index into the facets' workload table
	label    string
	rows     []int32
}

// versionChoices lists the version choices of loc's page, in order of
// first use. A choice's label is the product's brand name and version
// (matrix.ProductVersion.Label), the same on every page. A version entry
// the compiler did not understand (product "unknown", already warned) is a
// choice of its own, labelled by its text as the page writes it and
// grouped across rows by the text of the English document (else the
// default locale's): what was not understood is offered as written,
// never guessed into another choice.
func versionChoices(m *matrix.Model, loc string, f *facets) []versionChoice {
	key := "en"
	if !hasLocale(m, key) {
		key = m.DefaultLocale
	}
	var out []versionChoice
	byKey := map[string]int{}
	for i := range m.Rows {
		r := &m.Rows[i]
		for _, p := range r.Products {
			label, gk := p.Label(), ""
			if label != "" {
				gk = r.Workload + "\x00p\x00" + label
			} else {
				label = entryText(r.Versions[loc], p.Entry)
				gk = r.Workload + "\x00e\x00" + strings.TrimSpace(entryText(r.Versions[key], p.Entry))
				if label == "" {
					continue
				}
			}
			c, ok := byKey[gk]
			if !ok {
				c = len(out)
				byKey[gk] = c
				out = append(out, versionChoice{workload: f.rowW[i], label: label})
			}
			if rs := out[c].rows; len(rs) == 0 || rs[len(rs)-1] != int32(i) {
				out[c].rows = append(out[c].rows, int32(i))
			}
		}
	}
	return out
}

// entryText is version entry j as written, trimmed ("" when there is none).
func entryText(entries []string, j int) string {
	if j < 0 || j >= len(entries) {
		return ""
	}
	return strings.TrimSpace(entries[j])
}

func hasLocale(m *matrix.Model, loc string) bool {
	for _, l := range m.Locales {
		if l == loc {
			return true
		}
	}
	return false
}

// inSentence is a capability label as a word inside a sentence: lower case
// first letter, unless the label is an abbreviation or holds one ("DAG",
// "Cluster Shared Volume (CSV)").
func inSentence(label string) string {
	upper := 0
	for _, r := range label {
		if unicode.IsUpper(r) {
			upper++
		} else {
			upper = 0
		}
		if upper >= 2 {
			return label
		}
	}
	r, n := utf8.DecodeRuneInString(label)
	return string(unicode.ToLower(r)) + label[n:]
}

// answerIcons give each kind of answer a shape, so the answer never reads
// by colour alone (the support badges' icons, plus "?" for not listed).
var answerIcons = map[string]string{
	"yes": "✓", "conditional": "◐", "no": "✕", "unlisted": "?", "unknown": "?", "mixed": "±",
}

// answerData is one locale's answer panel data.
type answerData struct {
	choices                []versionChoice
	on, tw, tl, cl, sn, wn []string
}

// buildAnswer collects loc's answer data; the strings it needs are looked up
// now, so a missing one stops the build.
func buildAnswer(m *matrix.Model, loc string, s *Strings, f *facets) *answerData {
	a := &answerData{choices: versionChoices(m, loc, f)}
	for _, t := range f.t.list {
		a.on = append(a.on, s.get("answer.on."+t))
		a.tl = append(a.tl, labelOf(s, "target.", t))
		var all []string
		for _, term := range m.Vocabularies.Targets {
			if term.ID == t {
				for _, l := range m.Locales {
					all = append(all, term.Label[l])
				}
			}
		}
		a.tw = append(a.tw, strings.Join(all, " · "))
	}
	for _, c := range f.c.list {
		a.cl = append(a.cl, inSentence(labelOf(s, "capability.", c)))
	}
	for _, srv := range m.Servers {
		a.sn = append(a.sn, srv.Name[loc])
	}
	names := map[string]string{}
	for _, w := range m.Workloads {
		names[w.ID] = w.Name[loc]
	}
	for _, id := range f.w.list {
		a.wn = append(a.wn, names[id])
	}
	return a
}

// labelOf is the UI text of an id under a key prefix, or the id itself for
// a value outside the vocabulary.
func labelOf(s *Strings, prefix, id string) string {
	if v, ok := s.m[prefix+id]; ok {
		return v
	}
	return id
}

// writeJSON writes the answer data object.
func (a *answerData) writeJSON(w *writer) {
	w.s(`{"vw":[`)
	for i, c := range a.choices {
		if i > 0 {
			w.WriteByte(',')
		}
		w.jsonInt(c.workload)
	}
	w.s(`],"vl":[`)
	for i, c := range a.choices {
		if i > 0 {
			w.WriteByte(',')
		}
		w.jsonString(c.label)
	}
	w.s(`],"vr":"`)
	var buf []byte
	for i, c := range a.choices {
		if i > 0 {
			buf = append(buf, ' ')
		}
		buf = search.AppendIDs(buf, c.rows)
	}
	w.Write(buf) // digits and spaces: nothing to escape
	w.s(`"`)
	for _, l := range []struct {
		key  string
		list []string
	}{{"on", a.on}, {"tw", a.tw}, {"tl", a.tl}, {"cl", a.cl}, {"sn", a.sn}, {"wn", a.wn}} {
		w.s(`,"` + l.key + `":`)
		w.jsonStrings(l.list)
	}
	w.s(`,"icons":{`)
	for i, k := range []string{"yes", "conditional", "no", "unlisted", "unknown", "mixed"} {
		if i > 0 {
			w.WriteByte(',')
		}
		w.jsonString(k)
		w.WriteByte(':')
		w.jsonString(answerIcons[k])
	}
	w.s(`}}`)
}
