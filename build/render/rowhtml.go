package render

import (
	"html"
	"html/template"
	"net/url"
	"strings"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// The matrix rows and the workload pages' row details are written here in
// Go rather than in templates/: at 10,000 rows html/template's reflective
// escaping cost ~100 µs a row (seconds per build), this costs a few µs.
// Everything from the model goes through esc (text and attribute values)
// and safeHref (link targets), which is what html/template would do for
// these contexts; TestRowHTMLEscapes checks it with hostile input.

func esc(s string) string { return html.EscapeString(s) }

// safeHref keeps http(s), mailto and relative URLs and replaces any other
// scheme (javascript:, data:, …) with an inert "#", as html/template does.
func safeHref(h string) string {
	u, err := url.Parse(strings.TrimSpace(h))
	if err != nil {
		return "#"
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto":
		return esc(h)
	}
	return "#"
}

func writeRich(b *strings.Builder, r matrix.Rich) {
	for _, sp := range r {
		if sp.Href != "" {
			b.WriteString(`<a href="`)
			b.WriteString(safeHref(sp.Href))
			b.WriteString(`">`)
			b.WriteString(esc(sp.Text))
			b.WriteString(`</a>`)
			continue
		}
		b.WriteString(esc(sp.Text))
	}
}

func writeBadge(b *strings.Builder, s supportView, withServer bool) {
	b.WriteString(`<span class="badge s-`)
	b.WriteString(esc(s.Status))
	b.WriteString(`"><span aria-hidden="true">`)
	b.WriteString(s.Icon)
	b.WriteString(`</span> `)
	if withServer {
		b.WriteString(esc(s.Server))
		b.WriteString(": ")
	}
	b.WriteString(esc(s.Label))
	b.WriteString(`</span>`)
}

func writeProtection(b *strings.Builder, r *rowView, c *colLabels) {
	b.WriteString("<dl>")
	for _, part := range []struct {
		label string
		items []matrix.Rich
	}{{c.Protect, r.Protect}, {c.Recover, r.Recover}, {c.Notes, r.Notes}} {
		if len(part.items) == 0 {
			continue
		}
		b.WriteString("<dt>")
		b.WriteString(esc(part.label))
		b.WriteString("</dt>")
		for _, it := range part.items {
			b.WriteString("<dd>")
			writeRich(b, it)
			b.WriteString("</dd>")
		}
	}
	b.WriteString("</dl>")
}

// rowsHTML writes the <tr> of every row of the matrix table.
func rowsHTML(rows []rowView, c *colLabels) template.HTML {
	var b strings.Builder
	b.Grow(len(rows) * 1200)
	for i := range rows {
		r := &rows[i]
		b.WriteString(`<tr id="`)
		b.WriteString(esc(r.ID))
		b.WriteString(`"><td data-label="`)
		b.WriteString(esc(c.Workload))
		b.WriteString(`"><a href="`)
		b.WriteString(safeHref(r.WorkloadHref))
		b.WriteString(`">`)
		b.WriteString(esc(r.WorkloadName))
		b.WriteString(`</a></td><th scope="row" data-label="`)
		b.WriteString(esc(c.Version))
		b.WriteString(`">`)
		for j, v := range r.Versions {
			if j > 0 {
				b.WriteString("<br>")
			}
			b.WriteString(esc(v))
		}
		b.WriteString(`<a class="permalink" href="#`)
		b.WriteString(esc(url.PathEscape(r.ID)))
		b.WriteString(`" aria-label="`)
		b.WriteString(esc(c.Permalink + ": " + r.Title))
		b.WriteString(`">#</a></th><td data-label="`)
		b.WriteString(esc(c.Installation))
		b.WriteString(`"><ul>`)
		for _, in := range r.Installs {
			b.WriteString("<li>")
			b.WriteString(esc(in))
			b.WriteString("</li>")
		}
		b.WriteString("</ul></td>")
		for _, s := range r.Support {
			b.WriteString(`<td data-label="`)
			b.WriteString(esc(s.ServerName))
			b.WriteString(`">`)
			writeBadge(&b, s, false)
			if len(s.Condition) > 0 {
				b.WriteString(`<span class="cond">`)
				writeRich(&b, s.Condition)
				b.WriteString("</span>")
			}
			b.WriteString("</td>")
		}
		b.WriteString(`<td data-label="`)
		b.WriteString(esc(c.Protection))
		b.WriteString(`">`)
		writeProtection(&b, r, c)
		b.WriteString("</td></tr>")
	}
	return template.HTML(b.String())
}

// detailsHTML writes a workload page's <article> per row.
func detailsHTML(rows []rowView, inMatrix string, c *colLabels) template.HTML {
	var b strings.Builder
	for i := range rows {
		r := &rows[i]
		b.WriteString(`<article class="rowcard" id="`)
		b.WriteString(esc(r.DetailID))
		b.WriteString(`"><h3>`)
		b.WriteString(esc(r.Title))
		b.WriteString(`</h3><p><a href="`)
		b.WriteString(safeHref(r.InMatrix))
		b.WriteString(`">`)
		b.WriteString(esc(inMatrix))
		b.WriteString(`</a></p><dl>`)
		for _, s := range r.Support {
			b.WriteString("<dt>")
			b.WriteString(esc(s.ServerName))
			b.WriteString("</dt><dd>")
			writeBadge(&b, s, false)
			if len(s.Condition) > 0 {
				b.WriteString(` <span class="cond">`)
				writeRich(&b, s.Condition)
				b.WriteString("</span>")
			}
			b.WriteString("</dd>")
		}
		b.WriteString("</dl>")
		writeProtection(&b, r, c)
		b.WriteString("</article>")
	}
	return template.HTML(b.String())
}

// gridHTML writes the body rows of a workload page's grid.
func gridHTML(rows []gridRow, none string) template.HTML {
	var b strings.Builder
	for _, gr := range rows {
		b.WriteString(`<tr><th scope="row">`)
		b.WriteString(esc(gr.Version))
		b.WriteString("</th>")
		for _, cell := range gr.Cells {
			b.WriteString("<td>")
			if len(cell.Items) == 0 {
				b.WriteString(`<span aria-hidden="true">—</span><span class="vh">`)
				b.WriteString(esc(none))
				b.WriteString("</span>")
			}
			for _, it := range cell.Items {
				b.WriteString(`<a class="cell-link" href="`)
				b.WriteString(esc(it.Href))
				b.WriteString(`"><ul>`)
				for _, s := range it.Badges {
					b.WriteString("<li>")
					writeBadge(&b, s, true)
					b.WriteString("</li>")
				}
				b.WriteString("</ul></a>")
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	return template.HTML(b.String())
}
