package e2e

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// pageJS are helpers evaluated in front of the tests' expressions. They read
// the page the way a reader sees it: a row counts as shown when neither it
// nor a locale/view container around it is hidden.
const pageJS = `
var $root = () => {
  const all = Array.from(document.querySelectorAll("[data-matrix]"));
  return all.find((m) => !m.closest("[hidden]")) || all[0];
};
var $rows = () => Array.from($root().querySelectorAll("tbody > tr"));
var $rowID = (tr) => {
  const id = tr.dataset.row || tr.id || "";
  const loc = tr.closest("[data-locale]");
  return loc && id.startsWith(loc.dataset.locale + "-") ? id.slice(loc.dataset.locale.length + 1) : id;
};
// A row is shown when neither it nor its <tbody> chunk is hidden (the
// script hides a chunk with no row shown whole and may leave its rows as
// they were).
var $shown = (tr) => !tr.hidden && !tr.parentElement.hidden;
var $visible = () => $rows().filter($shown).map($rowID);
var $search = () => $root().querySelector("input[type=search]");
var $setQ = (v) => { const i = $search(); i.value = v; i.dispatchEvent(new Event("input", {bubbles: true})); };
var $select = (k) => $root().querySelector("select[name='" + k + "']");
var $setF = (k, v) => { const s = $select(k); s.value = v; s.dispatchEvent(new Event("change", {bubbles: true})); };
var $count = () => $root().querySelector("[data-count]").textContent.trim();
var $fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
var $words = (s) => $fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w);
var $rowText = (tr) => Array.from(tr.cells, (c) => c.textContent).join(" ");
var $matches = (text, q) => { const ws = $words(text); return $words(q).every((t) => ws.some((w) => w.startsWith(t))); };
`

// q evaluates expr after the page helpers.
func (tb *tab) q(expr string, out any) {
	tb.t.Helper()
	tb.eval("(() => {"+pageJS+"; return ("+expr+");})()", out)
}

// do runs statements after the page helpers.
func (tb *tab) do(stmts string) {
	tb.t.Helper()
	tb.eval("(() => {"+pageJS+"; "+stmts+"; return true;})()", nil)
}

// settle waits until the page has finished an update: the rows change at
// once, the facet counts, the answer panel and the printed filter line in a
// task two frames later (matrix.ts, afterPaint and settle).
func (tb *tab) settle() {
	tb.t.Helper()
	tb.eval(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(true), 0))))`, nil)
}

// visible lists the ids of the rows shown, in table order.
func (tb *tab) visible() []string {
	tb.t.Helper()
	var ids []string
	tb.q("$visible()", &ids)
	return ids
}

// openWhere opens loc's matrix as the hosted page ("hosted") or in the
// offline file (any other where), ready to use.
func (tb *tab) openWhere(where, loc string) {
	tb.t.Helper()
	if where == "hosted" {
		tb.openMatrix(loc, "")
		return
	}
	tb.allowFile = true
	tb.open(offlineURL() + "#l=" + loc)
	tb.waitApp()
}

// openMatrix loads a locale's matrix page and waits for its script.
func (tb *tab) openMatrix(loc, fragment string) {
	tb.t.Helper()
	tb.open(origin + "/" + loc + "/" + fragment)
	tb.waitApp()
}

// waitApp waits until the matrix script has started (it marks its root data-ready).
func (tb *tab) waitApp() {
	tb.t.Helper()
	tb.wait(appStarted)
}

// appStarted is true once the matrix script has started.
const appStarted = `(() => { const m = Array.from(document.querySelectorAll("[data-matrix]")).find((m) => !m.closest("[hidden]"));
  return !!m && m.hasAttribute("data-ready") && m.querySelector("[data-count]").textContent.trim() !== ""; })()`

// colorScheme emulates prefers-color-scheme ("light" or "dark").
func colorScheme(scheme string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		return emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
			{Name: "prefers-color-scheme", Value: scheme},
		}).Do(ctx)
	})
}

// sameIDs fails the test when the shown rows are not exactly want.
func sameIDs(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s: shown rows (%d) %s\nwant (%d) %s", what, len(got), short(got), len(want), short(want))
	}
}

func short(ids []string) string {
	if len(ids) > 8 {
		return strings.Join(ids[:8], ", ") + ", …"
	}
	return strings.Join(ids, ", ")
}

// allIDs is every row id of the model in source order.
func allIDs() []string {
	out := make([]string, len(model.Rows))
	for i, r := range model.Rows {
		out[i] = r.ID
	}
	return out
}
