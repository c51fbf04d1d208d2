package render

import (
	"net/url"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// The matrix rows and the workload pages' row details are written here in
// Go rather than in templates/: at 10,000 rows html/template's reflective
// escaping cost ~100 µs a row (seconds per build), this costs a few µs.
// Everything from the model goes through writer.esc (text and attribute
// values) and writer.href (link targets), which is what html/template would
// do for these contexts; TestRowHTMLEscapes checks it with hostile input.

func writeRich(b *writer, r matrix.Rich) {
	for _, sp := range r {
		if sp.Href != "" {
			b.s(`<a href="`)
			b.href(sp.Href)
			b.s(`">`)
			b.esc(sp.Text)
			b.s(`</a>`)
			continue
		}
		b.esc(sp.Text)
	}
}

func writeBadge(b *writer, s supportView, withServer bool) {
	b.s(`<span class="badge s-`)
	b.esc(s.Status)
	b.s(`"><span aria-hidden="true">`)
	b.s(s.Icon)
	b.s(`</span> `)
	if withServer {
		b.esc(s.Server)
		b.s(": ")
	}
	b.esc(s.Label)
	b.s(`</span>`)
}

func writeProtection(b *writer, r *rowView, c *colLabels) {
	b.s("<dl>")
	for _, part := range []struct {
		label string
		items []matrix.Rich
	}{{c.Protect, r.Protect}, {c.Recover, r.Recover}, {c.Notes, r.Notes}} {
		if len(part.items) == 0 {
			continue
		}
		b.s("<dt>")
		b.esc(part.label)
		b.s("</dt>")
		for _, it := range part.items {
			b.s("<dd>")
			writeRich(b, it)
			b.s("</dd>")
		}
	}
	b.s("</dl>")
}

// rowsPerBody is how many rows share a <tbody> of the matrix table: the
// stylesheet gives each tbody content-visibility: auto, so at 10,000 rows a
// filter change lays out the chunks near the viewport, not every row
// (assets/main.css; the offline file's script chunks its rows the same way).
const rowsPerBody = 100

// rowsHTML writes the <tr> of every row of the matrix table, closing the
// template's <tbody> and opening a new one every rowsPerBody rows.
func rowsHTML(b *writer, k *rowMaker, c *colLabels) {
	r := &rowView{}
	for i := range k.m.Rows {
		if i > 0 && i%rowsPerBody == 0 {
			b.s("</tbody><tbody>")
		}
		k.row(i, r)
		b.s(`<tr id="`)
		b.esc(r.ID)
		b.s(`"><td data-label="`)
		b.esc(c.Workload)
		b.s(`"><a href="`)
		b.href(r.WorkloadHref)
		b.s(`">`)
		b.esc(r.WorkloadName)
		b.s(`</a></td><th scope="row" data-label="`)
		b.esc(c.Version)
		b.s(`">`)
		for j, v := range r.Versions {
			if j > 0 {
				b.s("<br>")
			}
			b.esc(v)
		}
		b.s(`<a class="permalink" href="#`)
		b.esc(url.PathEscape(r.ID))
		b.s(`" aria-label="`)
		b.esc(c.Permalink)
		b.s(": ")
		b.esc(r.Title)
		b.s(`">#</a></th><td data-label="`)
		b.esc(c.Installation)
		b.s(`"><ul>`)
		for _, in := range r.Installs {
			b.s("<li>")
			b.esc(in)
			b.s("</li>")
		}
		b.s("</ul></td>")
		for _, s := range r.Support {
			b.s(`<td data-label="`)
			b.esc(s.ServerName)
			b.s(`">`)
			writeBadge(b, s, false)
			if len(s.Condition) > 0 {
				b.s(`<span class="cond">`)
				writeRich(b, s.Condition)
				b.s("</span>")
			}
			b.s("</td>")
		}
		b.s(`<td data-label="`)
		b.esc(c.Protection)
		b.s(`">`)
		writeProtection(b, r, c)
		b.s("</td></tr>")
	}
}

// detailsHTML writes a workload page's <article> per row.
func detailsHTML(b *writer, rows []*rowView, inMatrix string, c *colLabels) {
	for _, r := range rows {
		b.s(`<article class="rowcard" id="`)
		b.esc(r.DetailID)
		b.s(`"><h3>`)
		b.esc(r.Title)
		b.s(`</h3><p><a href="`)
		b.href(r.InMatrix)
		b.s(`">`)
		b.esc(inMatrix)
		b.s(`</a></p><dl>`)
		for _, s := range r.Support {
			b.s("<dt>")
			b.esc(s.ServerName)
			b.s("</dt><dd>")
			writeBadge(b, s, false)
			if len(s.Condition) > 0 {
				b.s(` <span class="cond">`)
				writeRich(b, s.Condition)
				b.s("</span>")
			}
			b.s("</dd>")
		}
		b.s("</dl>")
		writeProtection(b, r, c)
		b.s("</article>")
	}
}

// gridHTML writes the body rows of a workload page's grid: per cell, each
// row's badges (a link to its details), the condition of each conditional
// release and what can be protected. targets are the column labels (each
// cell's data-label, shown when the grid is a list of cards on a phone).
func gridHTML(b *writer, rows []gridRow, targets []string, none string) {
	for _, gr := range rows {
		b.s(`<tr><th scope="row">`)
		b.esc(gr.Version)
		b.s("</th>")
		for c, cell := range gr.Cells {
			b.s(`<td data-label="`)
			if c < len(targets) {
				b.esc(targets[c])
			}
			b.s(`">`)
			if len(cell.Items) == 0 {
				b.s(`<span aria-hidden="true">—</span><span class="vh">`)
				b.esc(none)
				b.s("</span>")
			}
			for _, it := range cell.Items {
				b.s(`<div><a class="cell-link" href="#`)
				b.esc(it.DetailID)
				b.s(`"><ul>`)
				for _, s := range it.Support {
					b.s("<li>")
					writeBadge(b, s, true)
					b.s("</li>")
				}
				b.s("</ul></a>")
				for _, s := range it.Support {
					if len(s.Condition) > 0 {
						b.s(`<span class="cond">`)
						b.esc(s.Server)
						b.s(": ")
						writeRich(b, s.Condition)
						b.s("</span>")
					}
				}
				if it.What != "" {
					b.s(`<span class="what">`)
					b.esc(it.What)
					b.s("</span>")
				}
				b.s("</div>")
			}
			b.s("</td>")
		}
		b.s("</tr>")
	}
}
