package render

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
	"github.com/mabs-matrix/matrixdoc/build/search"
)

// mode says where a view's links point: into the hosted pages, or within
// the offline file (where every locale and workload view shares one page,
// so element ids carry the locale and links are fragments).
type mode struct {
	offline bool
	locale  string
}

func (m mode) rowID(row string) string {
	if m.offline {
		return m.locale + "-" + row
	}
	return row
}

func (m mode) detailID(row string) string {
	if m.offline {
		return m.locale + "-wl-" + row
	}
	return row
}

func (m mode) workloadHref(id string) string {
	if m.offline {
		return "#l=" + url.QueryEscape(m.locale) + "&p=" + url.QueryEscape(id)
	}
	return "workloads/" + id + "/"
}

// matrixFromWorkload is the matrix page as seen from a workload page.
func (m mode) matrixFromWorkload(fragment string) string {
	if m.offline {
		return fragment
	}
	return "../../" + fragment
}

func (m mode) backHref(workload string) string {
	if m.offline {
		return "#l=" + url.QueryEscape(m.locale) + "&w=" + url.QueryEscape(workload)
	}
	return "../../#w=" + url.QueryEscape(workload)
}

// localeView is everything one locale's pages show, built once per locale
// and mode and shared by the matrix page, the workload pages and the
// offline file.
type localeView struct {
	Locale      string
	S           *Strings
	Title       string
	Description string
	H1          string
	Intro       template.HTML
	Sections    []sectionView
	App         appView
	Workloads   []*workloadView
	// rows makes the table rows of a hosted view, one at a time as pages
	// are written (nil offline, where the script builds them).
	rows *rowMaker
	// models and related are what workload views are built from, when
	// their page is rendered.
	models  []matrix.Workload
	related []sectionView
	// search is the page's search index and answer the answer panel's data
	// (the same for the hosted page and the offline file).
	search *search.Index
	answer *answerData
	// notice is the machine-translation notice (nil: none), its link not
	// yet made for a page.
	notice *notice
}

type sectionView struct {
	ID      string
	Title   string
	HTML    template.HTML // sanitized by package source; the one field trusted as HTML
	IsTable bool          // the matrix goes under this section
}

type appView struct {
	S      *Strings
	Prefix string // element-id prefix ("" hosted, "nl-" offline)
	DataID string
	Cols   colLabels
	Facets []facetView
	// RowsHTML and DataJSON are markers for parts written by Go code
	// (rowhtml.go, data.go): the table rows and the script's JSON data.
	RowsHTML template.HTML
	DataJSON template.HTML
	Count    string
	count    string // the filter.count pattern, for the script
	Answer   answerView
}

type colLabels struct {
	Workload, Version, Installation, Protection string
	Servers                                     []string
	Protect, Recover, Notes, Permalink          string
}

type facetView struct {
	Key     string // fragment key and select name
	ID      string
	Label   string
	Options []option
}

// option is one choice of a select; Display, when set, is what the select
// shows (the label with its row count), Disabled when no row has it.
type option struct {
	Value, Label, Display string
	Disabled              bool
}

// answerView is what the answer panel's markup offers.
type answerView struct {
	Auto                        string // "let the table decide"
	Workloads, Targets, Servers []option
}

type rowView struct {
	ID           string // element id
	Row          string // model row id
	Title        string
	WorkloadName string
	WorkloadHref string
	Versions     []string
	Installs     []string
	Support      []supportView
	Protect      []matrix.Rich
	Recover      []matrix.Rich
	Notes        []matrix.Rich
	DetailID     string // id on the workload page
	InMatrix     string // link from the workload page to the matrix row
	C            *colLabels
	What         string // what can be protected or recovered (workload pages only)
}

type supportView struct {
	Server     string
	ServerName string
	Status     string
	Label      string
	Icon       string
	Condition  matrix.Rich
}

type workloadView struct {
	ID          string
	Name        string
	Href        string // link to this page from the matrix page
	Prefix      string // element-id prefix ("" hosted, "nl-" offline)
	View        string // data-view value in the offline file
	Grid        string // heading
	GridCaption string
	Targets     []string
	GridRows    []gridRow
	Rows        []*rowView
	Related     []sectionView
	BackHref    string
	BackLabel   string
	S           *Strings
	// GridHTML and DetailsHTML are markers for GridRows and Rows written
	// by rowhtml.go.
	GridHTML    template.HTML
	DetailsHTML template.HTML
	none        string // workload.none
	inMatrix    string // workload.inmatrix
}

type gridRow struct {
	Version string
	Cells   []gridCell
}

// gridCell holds the rows a version × target cell links to.
type gridCell struct {
	Items []*rowView
}

// icons give each status a shape, so support never reads by colour alone.
var icons = map[string]string{
	string(matrix.StatusSupported):   "✓",
	string(matrix.StatusConditional): "◐",
	string(matrix.StatusUnsupported): "✕",
	string(matrix.StatusUnknown):     "?",
}

func buildLocale(m *matrix.Model, loc string, s *Strings, md mode, u *usage) *localeView {
	v := &localeView{Locale: loc, S: s, Title: m.Source.Title[loc], Description: m.Source.Description[loc]}
	tableSection := ""
	if len(m.Rows) > 0 {
		tableSection = m.Rows[0].Section
	}
	placed := false
	for i, sec := range m.Sections {
		if i == 0 {
			v.H1, v.Intro = sec.Title[loc], template.HTML(sec.HTML[loc])
			continue
		}
		sv := sectionView{ID: sec.ID, Title: sec.Title[loc], HTML: template.HTML(sec.HTML[loc])}
		if sec.ID == tableSection && !placed {
			sv.IsTable, placed = true, true
		}
		v.Sections = append(v.Sections, sv)
	}
	if v.H1 == "" {
		v.H1 = v.Title
	}
	if !placed {
		// No section holds the table: it goes right after the intro.
		v.Sections = append([]sectionView{{IsTable: true}}, v.Sections...)
	}

	v.App = buildApp(m, loc, s, md, u)
	var related []sectionView
	for _, sec := range v.Sections {
		if !sec.IsTable && sec.Title != "" {
			related = append(related, sec)
		}
	}
	if md.offline {
		// The script builds the rows and the workload views from the data;
		// the page lists the workloads only.
		for _, w := range m.Workloads {
			v.Workloads = append(v.Workloads, &workloadView{ID: w.ID, Name: w.Name[loc], Href: md.workloadHref(w.ID)})
		}
		return v
	}
	k := &rowMaker{m: m, loc: loc, s: s, md: md, names: make(map[string]string, len(m.Workloads)), labels: map[string]string{}}
	for _, w := range m.Workloads {
		k.names[w.ID] = w.Name[loc]
	}
	// Every string a page job will look up, now: a missing one must stop
	// the build before any page is written.
	for _, st := range matrix.Statuses {
		k.labels[string(st)] = s.get("status." + string(st))
	}
	for _, sts := range u.statuses {
		for st := range sts {
			if st != "" && k.labels[st] == "" {
				k.labels[st] = s.get("status." + st)
			}
		}
	}
	for _, t := range matrix.Targets {
		s.get("target." + string(t))
	}
	for _, key := range []string{"workload.none", "workload.inmatrix", "workload.grid", "workload.gridcaption", "workload.back", "workload.what"} {
		s.get(key)
	}
	v.rows, v.models, v.related = k, m.Workloads, related
	for _, w := range m.Workloads {
		v.Workloads = append(v.Workloads, &workloadView{ID: w.ID, Name: w.Name[loc], Href: md.workloadHref(w.ID)})
	}
	return v
}

// rowMaker fills the view of a table row of one locale.
type rowMaker struct {
	m      *matrix.Model
	loc    string
	s      *Strings
	md     mode
	names  map[string]string // workload id → name
	labels map[string]string // status → label
}

// row fills rv with row i, reusing rv's slices.
func (k *rowMaker) row(i int, rv *rowView) {
	m, r, loc, md := k.m, &k.m.Rows[i], k.loc, k.md
	*rv = rowView{
		ID: md.rowID(r.ID), Row: r.ID, WorkloadName: k.names[r.Workload], WorkloadHref: md.workloadHref(r.Workload),
		Versions: r.Versions[loc], Protect: r.Protect[loc], Recover: r.Recover[loc], Notes: r.Notes[loc],
		DetailID: md.detailID(r.ID), InMatrix: md.matrixFromWorkload("#" + md.rowID(r.ID)),
		Installs: rv.Installs[:0], Support: rv.Support[:0],
	}
	for _, in := range r.Installations {
		rv.Installs = append(rv.Installs, in.Text[loc])
	}
	for _, srv := range m.Servers {
		sup, ok := r.Support[srv.ID]
		st := sup.Status
		if !ok || st == "" {
			st = string(matrix.StatusUnknown)
		}
		label, ok := k.labels[st]
		if !ok {
			label = k.s.get("status." + st)
		}
		rv.Support = append(rv.Support, supportView{
			Server: srv.ID, ServerName: srv.Name[loc], Status: st,
			Label: label, Icon: icons[st], Condition: sup.Condition[loc],
		})
	}
	rv.Title = joinVersions(rv.Versions)
	if len(rv.Installs) > 0 {
		rv.Title += " — " + strings.Join(rv.Installs, "; ")
	}
}

// usage is which facet values the rows use (a facet offers only those)
// and how many rows have each: the options' counts before any filter.
type usage struct {
	rows      int
	workloads map[string]int
	targets   map[string]int
	statuses  map[string]map[string]int // server → status given in the source
	caps      map[string]int
	pairs     []int // rows per server pair that differ (serverPairs order)
}

// facetUsage scans the rows once (it is the same for every locale).
func facetUsage(m *matrix.Model) *usage {
	u := &usage{rows: len(m.Rows), workloads: map[string]int{}, targets: map[string]int{}, statuses: map[string]map[string]int{}, caps: map[string]int{}}
	for _, srv := range m.Servers {
		u.statuses[srv.ID] = map[string]int{}
	}
	pairs := serverPairs(m)
	u.pairs = make([]int, len(pairs))
	for i := range m.Rows {
		r := &m.Rows[i]
		u.workloads[r.Workload]++
		seen := map[string]bool{}
		for _, in := range r.Installations {
			if !seen[in.Target] {
				seen[in.Target] = true
				u.targets[in.Target]++
			}
		}
		for _, srv := range m.Servers {
			sup, ok := r.Support[srv.ID]
			st := sup.Status
			if !ok || st == "" {
				st = string(matrix.StatusUnknown)
			}
			u.statuses[srv.ID][st]++
		}
		for _, c := range r.Capabilities {
			u.caps[c]++
		}
		for p, pr := range pairs {
			if differ(r, m.Servers[pr[0]].ID, m.Servers[pr[1]].ID) {
				u.pairs[p]++
			}
		}
	}
	return u
}

func buildApp(m *matrix.Model, loc string, s *Strings, md mode, u *usage) appView {
	prefix := ""
	if md.offline {
		prefix = loc + "-"
	}
	a := appView{S: s, Prefix: prefix}
	if !md.offline {
		// Offline, the script builds the rows and has the data already.
		a.DataID, a.RowsHTML, a.DataJSON = "matrix-data", marker(0), marker(1)
	}
	a.count = s.get("filter.count")
	a.Count = strings.NewReplacer("{shown}", itoa(len(m.Rows)), "{total}", itoa(len(m.Rows))).Replace(a.count)
	a.Cols = colLabels{
		Workload: s.get("col.workload"), Version: s.get("col.version"), Installation: s.get("col.installation"),
		Protection: s.get("col.protection"), Protect: s.get("row.protect"), Recover: s.get("row.recover"),
		Notes: s.get("row.notes"), Permalink: s.get("row.permalink"),
	}
	all := s.get("filter.all")
	pattern := s.get("filter.option")
	counted := func(o option, n int) option {
		o.Display = strings.NewReplacer("{label}", o.Label, "{count}", itoa(n)).Replace(pattern)
		o.Disabled = n == 0
		return o
	}
	facet := func(key, label string, opts []option) {
		a.Facets = append(a.Facets, facetView{Key: key, ID: prefix + "f-" + key, Label: label, Options: append([]option{counted(option{Label: all}, u.rows)}, opts...)})
	}
	var ws []option
	for _, w := range m.Workloads {
		ws = append(ws, counted(option{Value: w.ID, Label: w.Name[loc]}, u.workloads[w.ID]))
	}
	facet("w", s.get("filter.workload"), ws)
	var ts []option
	for _, t := range matrix.Targets {
		if n := u.targets[string(t)]; n > 0 {
			ts = append(ts, counted(option{Value: string(t), Label: s.get("target." + string(t))}, n))
		}
	}
	facet("t", s.get("filter.target"), ts)
	for _, srv := range m.Servers {
		a.Cols.Servers = append(a.Cols.Servers, srv.Name[loc])
		var ss []option
		for _, st := range matrix.Statuses {
			if n := u.statuses[srv.ID][string(st)]; st != matrix.StatusUnknown || n > 0 {
				ss = append(ss, counted(option{Value: string(st), Label: s.get("status." + string(st))}, n))
			}
		}
		label, _ := s.F("filter.server", "server", srv.ID)
		if label == "" {
			label = s.get("filter.server")
		}
		facet(srv.ID, label, ss)
	}
	var cs []option
	for _, c := range matrix.Capabilities {
		if n := u.caps[string(c)]; n > 0 {
			cs = append(cs, counted(option{Value: string(c), Label: s.get("capability." + string(c))}, n))
		}
	}
	facet("c", s.get("filter.capability"), cs)
	if pairs := serverPairs(m); len(pairs) > 0 {
		var ds []option
		for p, pr := range pairs {
			sa, sb := m.Servers[pr[0]], m.Servers[pr[1]]
			label := strings.NewReplacer("{a}", sa.Name[loc], "{b}", sb.Name[loc]).Replace(s.get("filter.differpair"))
			ds = append(ds, counted(option{Value: sa.ID + "~" + sb.ID, Label: label}, u.pairs[p]))
		}
		facet("d", s.get("filter.differ"), ds)
	}

	// The answer panel: its questions' choices (the versions are the
	// script's, per workload).
	a.Answer.Auto = s.get("answer.auto")
	for _, w := range m.Workloads {
		a.Answer.Workloads = append(a.Answer.Workloads, option{Value: w.ID, Label: w.Name[loc]})
	}
	for _, t := range matrix.Targets {
		if u.targets[string(t)] > 0 {
			a.Answer.Targets = append(a.Answer.Targets, option{Value: string(t), Label: s.get("target." + string(t))})
		}
	}
	for _, srv := range m.Servers {
		a.Answer.Servers = append(a.Answer.Servers, option{Value: srv.ID, Label: srv.Name[loc]})
	}
	for _, k := range []string{"answer.heading", "answer.server", "filter.more", "export.csv"} {
		s.get(k)
	}
	return a
}

// buildWorkload builds the view of one workload page (when the page is
// rendered: only the pages in flight hold their rows).
func buildWorkload(m *matrix.Model, w matrix.Workload, loc string, s *Strings, md mode, k *rowMaker, byID map[string]int, related []sectionView) *workloadView {
	name := w.Name[loc]
	wv := &workloadView{ID: w.ID, Name: name, View: w.ID, Related: related, S: s, BackHref: md.backHref(w.ID), Href: md.workloadHref(w.ID),
		none: s.get("workload.none"), inMatrix: s.get("workload.inmatrix")}
	if md.offline {
		wv.Prefix = loc + "-"
	}
	wv.Grid = s.get("workload.grid")
	what := s.get("workload.what")
	wv.GridCaption = strings.ReplaceAll(s.get("workload.gridcaption"), "{workload}", name)
	wv.BackLabel = strings.ReplaceAll(s.get("workload.back"), "{workload}", name)
	// Each version's cells, by target column in order of first use; a
	// cell holds the workload's rows installed there, in order.
	type verCells struct {
		ver   string
		cells [][]int
	}
	var versions []*verCells
	byVer := map[string]*verCells{}
	col := map[string]int{}
	wv.Rows = make([]*rowView, 0, len(w.Rows))
	views := map[int]*rowView{}
	for _, id := range w.Rows {
		i, ok := byID[id]
		if !ok {
			continue
		}
		rv := &rowView{}
		k.row(i, rv)
		if caps := m.Rows[i].Capabilities; len(caps) > 0 {
			names := make([]string, len(caps))
			for j, c := range caps {
				names[j] = inSentence(labelOf(s, "capability.", c))
			}
			rv.What = strings.ReplaceAll(what, "{list}", strings.Join(names, ", "))
		}
		views[i] = rv
		wv.Rows = append(wv.Rows, rv)
		ins := m.Rows[i].Installations
		for _, in := range ins {
			if _, ok := col[in.Target]; !ok {
				col[in.Target] = len(col)
			}
		}
		for _, ver := range m.Rows[i].Versions[loc] {
			vc := byVer[ver]
			if vc == nil {
				vc = &verCells{ver: ver}
				byVer[ver] = vc
				versions = append(versions, vc)
			}
			for len(vc.cells) < len(col) {
				vc.cells = append(vc.cells, nil)
			}
			for _, in := range ins {
				c := &vc.cells[col[in.Target]]
				if len(*c) == 0 || (*c)[len(*c)-1] != i {
					*c = append(*c, i)
				}
			}
		}
	}
	var order []int // target columns in display order
	for _, t := range matrix.Targets {
		if c, ok := col[string(t)]; ok {
			order = append(order, c)
			wv.Targets = append(wv.Targets, s.get("target."+string(t)))
		}
	}
	wv.GridRows = make([]gridRow, 0, len(versions))
	for _, vc := range versions {
		gr := gridRow{Version: vc.ver, Cells: make([]gridCell, len(order))}
		for k, c := range order {
			if c >= len(vc.cells) {
				continue
			}
			items := make([]*rowView, len(vc.cells[c]))
			for j, i := range vc.cells[c] {
				items[j] = views[i]
			}
			gr.Cells[k].Items = items
		}
		wv.GridRows = append(wv.GridRows, gr)
	}
	return wv
}

// joinVersions joins a row's version lines with ", " for its title; a line
// that already ends in a comma (Microsoft's "VMM 2016,") gets no second one.
func joinVersions(vs []string) string {
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			if !strings.HasSuffix(vs[i-1], ",") {
				b.WriteByte(',')
			}
			b.WriteByte(' ')
		}
		b.WriteString(v)
	}
	return b.String()
}
