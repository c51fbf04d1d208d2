package render

import (
	"strings"
)

// pageView is what the layout of every hosted page needs.
type pageView struct {
	Locale      string
	S           *Strings
	Root        string // relative path to the output root: "", "../", "../../../"
	Title       string
	Description string
	Canonical   string
	Alternates  []alternate
	Toggles     []toggle
	Crumbs      []crumb
	Updated     string
	CSS, JS     string
	Icon        string
	DataHref    string
	SchemaHref  string
	CSVHref     string
	Download    string
	Loc         *localeView
	Workload    *workloadView
	// Notice says the page is a machine translation (nil: it is not).
	Notice *notice
}

type toggle struct{ Locale, Label, Href string }

type crumb struct{ Label, Href string }

// newPage fills the layout fields of a page at path <loc>/rel (rel "" for
// the matrix) whose depth below the root is depth.
func (r *renderer) newPage(lv *localeView, rel string, depth int) *pageView {
	root := strings.Repeat("../", depth)
	p := &pageView{
		Locale: lv.Locale, S: lv.S, Root: root, Loc: lv,
		Title: lv.Title, Description: lv.Description,
		Canonical:  r.base + lv.Locale + "/" + rel,
		Alternates: r.alternates(rel),
		Updated:    r.m.Source.Date,
		CSS:        root + r.in.Assets.CSSPath, JS: root + r.in.Assets.JSPath, Icon: root + r.iconPath,
		DataHref: root + DataPath, SchemaHref: root + SchemaPath, CSVHref: root + CSVPath,
		Download: root + DownloadPath,
		Notice:   lv.notice.at(rel, depth),
	}
	// Links between pages name the folder, as the canonical URL does
	// ("../nl/", not "../nl/index.html"): the host serves its index.html.
	for _, loc := range r.m.Locales {
		if loc != lv.Locale {
			p.Toggles = append(p.Toggles, toggle{loc, r.strs[loc].langName(loc), root + loc + "/" + rel})
		}
	}
	// Home is the locale's matrix: the current page on the matrix itself
	// (the language picker at the root would only send the reader back).
	home := crumb{Label: lv.S.get("crumb.home")}
	if rel != "" {
		home.Href = strings.Repeat("../", depth-1)
	}
	p.Crumbs = []crumb{home}
	return p
}

func (r *renderer) matrixJob(lv *localeView) job {
	path := lv.Locale + "/index.html"
	return job{path, func() (Body, error) {
		p := r.newPage(lv, "", 1)
		return r.exec("matrix.html", p,
			func(w *writer) { rowsHTML(w, lv.rows, &lv.App.Cols) },
			func(w *writer) {
				w.s(`<script type="application/json" id="`)
				w.esc(lv.App.DataID)
				w.s(`">`)
				r.facets.appJSON(w, lv)
				w.s(`</script>`)
			})
	}}
}

func (r *renderer) workloadJob(lv *localeView, wi int) job {
	rel := "workloads/" + lv.models[wi].ID + "/"
	return job{lv.Locale + "/" + rel + "index.html", func() (Body, error) {
		wv := buildWorkload(r.m, lv.models[wi], lv.Locale, lv.S, mode{locale: lv.Locale}, lv.rows, r.byID, lv.related)
		wv.GridHTML, wv.DetailsHTML = marker(0), marker(1)
		p := r.newPage(lv, rel, 3)
		p.Workload = wv
		p.Title = wv.Name + " — " + lv.Title
		p.Crumbs = append(p.Crumbs, crumb{wv.Name, ""})
		return r.exec("workload.html", p,
			func(w *writer) { gridHTML(w, wv.GridRows, wv.Targets, wv.none) },
			func(w *writer) { detailsHTML(w, wv.Rows, wv.inMatrix, &lv.App.Cols) })
	}}
}

// choice is one locale's entry on the bilingual pages (picker, 404).
type choice struct {
	Locale, Label, Href, Title, Text string
	// Links are the data and download links in this choice's language:
	// the root pages have no footer of their own.
	Links []rootLink
}

// rootLink is a link from a page at the site root.
type rootLink struct{ Href, Type, Label string }

type rootPage struct {
	Locale      string
	Title       string
	Description string
	Canonical   string
	Alternates  []alternate
	CSS, JS     string
	Icon        string
	Choices     []choice
	Default     string
}

func (r *renderer) rootPage(titleKey, textKey, canonical string) *rootPage {
	def := r.m.DefaultLocale
	p := &rootPage{
		Locale: def, Default: def, Canonical: canonical, Alternates: r.alternates(""),
		CSS: r.in.Assets.CSSPath, JS: r.in.Assets.JSPath, Icon: r.iconPath,
		Description: r.m.Source.Description[def],
	}
	var titles []string
	for _, loc := range r.m.Locales {
		s := r.strs[loc]
		c := choice{Locale: loc, Label: s.langName(loc), Href: loc + "/", Title: s.get(titleKey), Text: s.get(textKey)}
		c.Links = []rootLink{
			{DataPath, "application/json", s.get("footer.data")},
			{CSVPath, "text/csv", s.get("footer.csv")},
			{DownloadPath, "", s.get("footer.download")},
		}
		p.Choices = append(p.Choices, c)
		titles = append(titles, c.Title)
	}
	p.Title = strings.Join(titles, " · ")
	return p
}

func (r *renderer) pickerJob() job {
	return job{"index.html", func() (Body, error) {
		p := r.rootPage("picker.title", "picker.text", r.base)
		return r.exec("picker.html", p)
	}}
}

func (r *renderer) notFoundJob() job {
	return job{"404.html", func() (Body, error) {
		p := r.rootPage("notfound.title", "notfound.text", r.base+"404.html")
		return r.exec("404.html", p)
	}}
}
