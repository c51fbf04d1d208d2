package render

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"html/template"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// The offline file holds every locale's page shell (prose, search form,
// headings, an empty table) rendered by the templates, plus one JSON object
// the script (assets/offline.ts) builds the table rows and the workload
// views from, with DOM APIs only. Pre-rendering every row as a table row, a
// workload-page card and a grid item in every locale made the file 7 KB a
// row (72 MB at 10,000 rows); the data is a fraction of that.
//
// The data, besides the facet fields of data.go:
//
//	"icons": [icon per status of "st"],
//	"ids":   [row id…],
//	"wr":    [[row index…] per workload of "w", in the workload's order],
//	"text":  [every text, once],
//	"loc":   {"<locale>": {"ui": {key: text}, "servers": [name…],
//	          "w": [name…], "t": [label…], "st": [label…], "c": [label…],
//	          "rows": [[versions, installs, conditions, protect, recover, notes]…],
//	          "search": {…}, "answer": {…}}}
//
// In a row, versions and installs are text indexes; conditions has one rich
// text per server; protect, recover and notes are lists of rich texts. A
// rich text is a list of spans, a span a text index or [text, href] —
// hrefs already made safe (see safeURL).

// offlineUI are the UI strings the script needs to build rows and views.
var offlineUI = []string{
	"col.workload", "col.version", "col.installation", "col.protection",
	"row.protect", "row.recover", "row.notes", "row.permalink",
	"workload.grid", "workload.gridcaption", "workload.details", "workload.back",
	"workload.none", "workload.inmatrix", "workload.what", "filter.count",
}

// texts is the string table of the offline data.
type texts struct {
	list []string
	idx  map[string]int
}

func (t *texts) id(s string) int {
	if i, ok := t.idx[s]; ok {
		return i
	}
	t.idx[s] = len(t.list)
	t.list = append(t.list, s)
	return len(t.list) - 1
}

// offlineJSON writes the offline file's data.
func (r *renderer) offlineJSON(w *writer, views []*localeView) {
	m, f := r.m, r.facets
	tx := &texts{idx: map[string]int{}}
	rich := func(b *writer, x matrix.Rich) {
		b.WriteByte('[')
		for i, sp := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			if sp.Href == "" {
				b.jsonInt(tx.id(sp.Text))
				continue
			}
			b.WriteByte('[')
			b.jsonInt(tx.id(sp.Text))
			b.WriteByte(',')
			b.jsonInt(tx.id(safeURL(sp.Href)))
			b.WriteByte(']')
		}
		b.WriteByte(']')
	}
	richList := func(b *writer, xs []matrix.Rich) {
		b.WriteByte('[')
		for i, x := range xs {
			if i > 0 {
				b.WriteByte(',')
			}
			rich(b, x)
		}
		b.WriteByte(']')
	}
	textList := func(b *writer, ss []string) {
		b.WriteByte('[')
		for i, s := range ss {
			if i > 0 {
				b.WriteByte(',')
			}
			b.jsonInt(tx.id(s))
		}
		b.WriteByte(']')
	}

	// The locales first, into their own buffer: they fill the text table.
	var buf bytes.Buffer
	locs := writer{bufio.NewWriter(&buf)}
	locs.WriteByte('{')
	for li, loc := range m.Locales {
		s := r.strs[loc]
		if li > 0 {
			locs.WriteByte(',')
		}
		locs.jsonString(loc)
		locs.s(`:{"ui":{`)
		for i, k := range append(offlineUI[:len(offlineUI):len(offlineUI)], clientUI...) {
			if i > 0 {
				locs.WriteByte(',')
			}
			locs.jsonString(k)
			locs.WriteByte(':')
			locs.jsonString(s.get(k))
		}
		locs.s(`},"servers":`)
		var names []string
		for _, srv := range m.Servers {
			names = append(names, srv.Name[loc])
		}
		locs.jsonStrings(names)
		wname := map[string]string{}
		for _, wl := range m.Workloads {
			wname[wl.ID] = wl.Name[loc]
		}
		names = names[:0]
		for _, id := range f.w.list {
			if n, ok := wname[id]; ok {
				names = append(names, n)
			} else {
				names = append(names, id)
			}
		}
		locs.s(`,"w":`)
		locs.jsonStrings(names)
		locs.s(`,"t":`)
		locs.jsonStrings(labels(s, "target.", f.t.list))
		locs.s(`,"st":`)
		locs.jsonStrings(labels(s, "status.", f.st.list))
		locs.s(`,"c":`)
		locs.jsonStrings(labels(s, "capability.", f.c.list))
		locs.s(`,"rows":[`)
		for i := range m.Rows {
			row := &m.Rows[i]
			if i > 0 {
				locs.WriteByte(',')
			}
			locs.WriteByte('[')
			textList(&locs, row.Versions[loc])
			locs.WriteByte(',')
			locs.WriteByte('[')
			for j, in := range row.Installations {
				if j > 0 {
					locs.WriteByte(',')
				}
				locs.jsonInt(tx.id(in.Text[loc]))
			}
			locs.WriteByte(']')
			locs.WriteByte(',')
			locs.WriteByte('[')
			for j, srv := range m.Servers {
				if j > 0 {
					locs.WriteByte(',')
				}
				rich(&locs, row.Support[srv.ID].Condition[loc])
			}
			locs.WriteByte(']')
			for _, part := range [][]matrix.Rich{row.Protect[loc], row.Recover[loc], row.Notes[loc]} {
				locs.WriteByte(',')
				richList(&locs, part)
			}
			locs.WriteByte(']')
		}
		locs.s(`],"search":`)
		locs.Write(views[li].search.AppendJSON(nil))
		locs.s(`,"answer":`)
		views[li].answer.writeJSON(&locs)
		locs.WriteByte('}')
	}
	locs.WriteByte('}')
	locs.Flush()

	w.WriteByte('{')
	f.writeFields(w)
	w.s(`,"icons":[`)
	for i, st := range f.st.list {
		if i > 0 {
			w.WriteByte(',')
		}
		icon := icons[st]
		if icon == "" {
			icon = icons[string(matrix.StatusUnknown)]
		}
		w.jsonString(icon)
	}
	w.s(`],"ids":[`)
	byID := make(map[string]int, len(m.Rows))
	for i := range m.Rows {
		if i > 0 {
			w.WriteByte(',')
		}
		w.jsonString(m.Rows[i].ID)
		byID[m.Rows[i].ID] = i
	}
	w.s(`],"wr":[`)
	rowsOf := make([][]int, len(f.w.list))
	for _, wl := range m.Workloads {
		wi := f.w.id(wl.ID)
		for _, id := range wl.Rows {
			if i, ok := byID[id]; ok {
				rowsOf[wi] = append(rowsOf[wi], i)
			}
		}
	}
	for i, rs := range rowsOf {
		if i > 0 {
			w.WriteByte(',')
		}
		w.jsonInts(rs)
	}
	w.s(`],"text":`)
	w.jsonStrings(tx.list)
	w.s(`,"loc":`)
	w.Write(buf.Bytes())
	w.WriteByte('}')
}

// labels are the UI texts of ids under a key prefix; an id outside the
// vocabulary (no such string) is its own label.
func labels(s *Strings, prefix string, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		if v, ok := s.m[prefix+id]; ok {
			out[i] = v
		} else {
			out[i] = id
		}
	}
	return out
}

// offlineView is the single-file download: every locale's page shell, the
// CSS and the script inlined, and the data (a marker for offlineJSON).
type offlineView struct {
	Default string
	Locales []*offlineLocale
	CSS     template.CSS
	JS      template.JS
	Icon    template.URL
	Updated string
	Data    template.HTML
}

type offlineLocale struct {
	*localeView
	// LV is the embedded view again, for templates that take it whole.
	LV      *localeView
	Buttons []toggle
	Notice  *notice
}

func (r *renderer) offlineJob(views []*localeView) job {
	return job{DownloadPath, func() (Body, error) {
		v := &offlineView{
			Default: r.m.DefaultLocale, Updated: r.m.Source.Date,
			// The bundles come from our own assets/, not from user content.
			CSS: template.CSS(r.in.Assets.CSS), JS: template.JS(r.in.Assets.JS),
			// The offline file loads nothing: its icon is a data: URL of our own SVG.
			Icon: template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(r.icon)),
			Data: marker(0),
		}
		for _, lv := range views {
			ol := &offlineLocale{localeView: lv, LV: lv, Notice: lv.notice.offlineAt()}
			for _, loc := range r.m.Locales {
				ol.Buttons = append(ol.Buttons, toggle{Locale: loc, Label: r.strs[loc].langName(loc)})
			}
			v.Locales = append(v.Locales, ol)
		}
		return r.exec("offline.html", v, func(w *writer) {
			w.s(`<script type="application/json" id="offline-data">`)
			r.offlineJSON(w, views)
			w.s(`</script>`)
		})
	}}
}
