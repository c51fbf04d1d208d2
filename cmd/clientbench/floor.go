package main

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// The floor is what the matrix page is measured against: the same rows as
// a bare table with the simplest filter there is. Its page is made from the
// built matrix page itself — the <thead> and every <tr> byte for byte, the
// workload select's options in the same order — so the two pages hold the
// same row HTML and text, and differ only in what ours adds: no stylesheet,
// one <tbody> (no chunks), no search index, no highlight, no facet counts,
// no answer panel. Its script (floorJS) is served as a file from /assets/,
// like ours, because the CSP allows no inline script.

// floorScript is the floor script's URL path.
const floorScript = "/assets/clientbench-floor.js"

// floorPath is the floor page's URL path: under /<locale>/, so netlify.toml
// gives it the header rules of the matrix page.
func floorPath(locale string) string { return "/" + locale + "/clientbench-floor/" }

// floorJS is the floor's filter: every row's text (lower-cased) and
// workload read once at start; on every input or change, each row whose
// state changes gets its `hidden` toggled — shown when its text contains
// the typed text (a plain substring test) and its workload is the one
// selected (or all) — and the count of rows shown is written. The count is
// there because the benchmark's samples check that a change changed it
// (measure.go), and a filter that does not say how many rows it left would
// not be one a reader could use.
const floorJS = `(() => {
  const root = document.querySelector("[data-matrix]");
  const input = root.querySelector("input[type=search]");
  const sel = root.querySelector("select[name=w]");
  const count = root.querySelector("[data-count]");
  const rows = Array.from(root.querySelectorAll("tbody > tr"));
  const text = rows.map((r) => r.textContent.toLowerCase());
  const work = rows.map((r) => r.cells[0].textContent);
  function filter() {
    const q = input.value.trim().toLowerCase();
    const w = sel.value;
    let n = 0;
    for (let i = 0; i < rows.length; i++) {
      const show = text[i].includes(q) && (w === "" || work[i] === w);
      if (rows[i].hidden === show) rows[i].hidden = !show;
      if (show) n++;
    }
    count.textContent = n + " / " + rows.length;
  }
  input.addEventListener("input", filter);
  sel.addEventListener("change", filter);
  count.textContent = rows.length + " / " + rows.length;
  root.setAttribute("data-ready", "");
})();
`

var (
	optionRE = regexp.MustCompile(`<option value(?:="([^"]*)")?[^>]*>([^<]*)</option>`)
	tbodyRE  = regexp.MustCompile(`</?tbody>`)
)

// writeFloor reads the matrix page of locale in the built site dir and
// writes the floor's page and script into out (a site folder of its own).
func writeFloor(dir, locale, out string) error {
	src := filepath.Join(dir, locale, "index.html")
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	fail := func(what string) error { return fmt.Errorf("%s: %s (the floor is made from it)", src, what) }
	t := bytes.Index(b, []byte(`<table class="matrix"`))
	if t < 0 {
		t = bytes.Index(b, []byte(`<table class=matrix`))
	}
	if t < 0 {
		return fail("no matrix table")
	}
	table := b[t:]
	end := bytes.Index(table, []byte("</table>"))
	h0, h1 := bytes.Index(table, []byte("<thead>")), bytes.Index(table, []byte("</thead>"))
	if end < 0 || h0 < 0 || h1 < h0 || h1 > end {
		return fail("no <thead> in the matrix table")
	}
	head := table[h0 : h1+len("</thead>")]
	rows := tbodyRE.ReplaceAll(table[h1+len("</thead>"):end], nil)
	if bytes.Count(rows, []byte("<tr")) == 0 {
		return fail("no rows in the matrix table")
	}
	// The workload select: the text of each option but "all", in order.
	s := bytes.Index(b[:t], []byte(`name="w"`))
	if s < 0 {
		s = bytes.Index(b[:t], []byte(`name=w`))
	}
	if s < 0 {
		return fail("no workload select")
	}
	sel := b[s:]
	sel = sel[:max(0, bytes.Index(sel, []byte("</select>")))]
	var opts strings.Builder
	n := 0
	for _, m := range optionRE.FindAllSubmatch(sel, -1) {
		if len(m[1]) == 0 {
			continue
		}
		// The label is escaped text; unescaped, it is what the row's first cell's textContent says.
		label := html.UnescapeString(string(m[2]))
		fmt.Fprintf(&opts, `<option value="%s">%s</option>`, html.EscapeString(label), html.EscapeString(label))
		n++
	}
	if n == 0 {
		return errors.New(src + ": the workload select has no options")
	}

	var page bytes.Buffer
	fmt.Fprintf(&page, `<!doctype html><html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>floor</title><script defer src="%s"></script></head><body><main data-matrix><form><input type="search" aria-label="search"> <select name="w" aria-label="workload"><option value="">*</option>%s</select></form><p data-count></p><table>`,
		html.EscapeString(locale), floorScript, opts.String())
	page.Write(head)
	page.WriteString("<tbody>")
	page.Write(rows)
	page.WriteString("</tbody></table></main></body></html>\n")

	pdir := filepath.Join(out, filepath.FromSlash(strings.Trim(floorPath(locale), "/")))
	if err := os.MkdirAll(pdir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(pdir, "index.html"), page.Bytes(), 0o644); err != nil {
		return err
	}
	js := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(floorScript, "/")))
	if err := os.MkdirAll(filepath.Dir(js), 0o755); err != nil {
		return err
	}
	return os.WriteFile(js, []byte(floorJS), 0o644)
}
