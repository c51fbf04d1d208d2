package e2e

import (
	"context"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// inertJS lists what in the live DOM could run hostile content: event
// handler attributes, javascript:/vbscript: (or non-image data:) URLs,
// frames and plug-ins, a meta refresh, scripts other than the site's own
// (its bundle from /assets/, JSON data that must still parse, and in the
// offline file its one inlined bundle).
const inertJS = `(() => {
  const bad = [];
  let inline = 0;
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    for (const a of Array.from(el.attributes)) {
      const n = a.name.toLowerCase();
      const v = a.value.replace(/[\s\u0000-\u001f]+/g, "").toLowerCase();
      if (n.startsWith("on")) bad.push("<" + tag + "> has an event handler " + n + "=" + a.value);
      if (n === "srcdoc" || n === "formaction") bad.push("<" + tag + "> has " + n);
      if (["href", "src", "action", "xlink:href", "data", "poster", "background", "ping"].includes(n) &&
          (/^(javascript|vbscript):/.test(v) || (v.startsWith("data:") && !v.startsWith("data:image/"))))
        bad.push("<" + tag + " " + n + "=" + a.value + ">");
    }
    if (["iframe", "frame", "object", "embed", "applet"].includes(tag)) bad.push("an <" + tag + "> element");
    if (tag === "meta" && (el.getAttribute("http-equiv") || "").toLowerCase() === "refresh") bad.push("a meta refresh");
    if (tag === "script") {
      const type = (el.getAttribute("type") || "").toLowerCase();
      if (type === "application/json") {
        try { JSON.parse(el.textContent); } catch (e) { bad.push("a JSON script that does not parse: " + e); }
      } else if (el.hasAttribute("src")) {
        const u = new URL(el.src);
        if (u.origin !== location.origin || !/^\/assets\/[^/]+\.js$/.test(u.pathname)) bad.push("a script from " + el.src);
      } else {
        inline++;
        if (/\balert\s*\(/.test(el.textContent)) bad.push("an inline script that calls alert");
      }
    }
  }
  if (inline > (location.protocol === "file:" ? 1 : 0)) bad.push(inline + " inline scripts");
  return bad;
})()`

// hoverJS fires the events a reader's pointer and keyboard cause on every
// element of the page's content: a handler attribute, had one survived,
// would run.
const hoverJS = `(() => {
  const els = Array.from(document.querySelectorAll("main, main *, [data-locale]:not([hidden]) *"));
  for (const el of els)
    for (const type of ["pointerover", "mouseover", "mouseenter", "mousemove", "focus", "focusin", "mouseout", "blur"])
      el.dispatchEvent(new MouseEvent(type, {bubbles: true}));
  return els.length;
})()`

// payloadWords are searched for on every page with a search box.
var payloadWords = []string{"alert", "script", "onerror", "javascript", "img", "svg"}

// hostileTexts lists the model's text in locale loc that carries a payload
// (markup characters, "alert", "javascript"), per workload: what the pages
// must show as plain text.
func hostileTexts(m *matrix.Model, loc string) map[string][]string {
	out := map[string][]string{}
	addRich := func(w string, r matrix.Rich) {
		for _, s := range r {
			lt := strings.ToLower(s.Text)
			if strings.ContainsAny(s.Text, "<>\"") || strings.Contains(lt, "alert") || strings.Contains(lt, "javascript") {
				out[w] = append(out[w], s.Text)
			}
		}
	}
	for _, r := range m.Rows {
		for _, l := range []matrix.LList{r.Protect, r.Recover, r.Notes} {
			for _, rich := range l[loc] {
				addRich(r.Workload, rich)
			}
		}
		for _, s := range r.Support {
			addRich(r.Workload, s.Condition[loc])
		}
		for _, v := range r.Versions[loc] {
			addRich(r.Workload, matrix.Rich{{Text: v}})
		}
	}
	return out
}

// copyBadCase copies testdata/bad/<name>/content into a temporary folder and
// adds the project's site.yaml and <locale>/strings.yaml where the case has
// none (as cmd/matrixdoc's bad-input test does).
func copyBadCase(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join(repoRoot, "testdata", "bad", name, "content")
	dst := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	extra := []string{"site.yaml"}
	entries, err := os.ReadDir(dst)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			extra = append(extra, path.Join(e.Name(), "strings.yaml"))
		}
	}
	for _, name := range extra {
		p := filepath.Join(dst, filepath.FromSlash(name))
		if _, err := os.Stat(p); err == nil {
			continue
		}
		b, err := fs.ReadFile(os.DirFS(filepath.Join(repoRoot, "content")), name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// TestHostileContent builds testdata/bad/xss (<script>, on…= handlers,
// javascript: links, raw HTML in cells and prose) and proves in the browser
// that none of it runs: on every page served with netlify.toml's CSP and
// again with no CSP at all (so the markup itself is inert, not merely
// blocked), and in the offline file opened from disk (which has no CSP).
// Sentinels replace alert, confirm, prompt and print before any page script;
// the test searches for the payload words, hovers and focuses everything,
// clicks the workload links, opens URLs whose path and fragment are
// payloads, and requires no sentinel call, no dialog, no javascript:
// navigation, no live handler or script in the DOM, no console error or CSP
// report — and the payload text shown as text where the cells are shown.
// A control payload injected by the test must trip the trap.
func TestHostileContent(t *testing.T) {
	dir, m := buildSite(t, copyBadCase(t, "xss"))
	for _, loc := range m.Locales {
		n := 0
		for _, texts := range hostileTexts(m, loc) {
			n += len(texts)
		}
		if n == 0 {
			t.Fatalf("the xss case's model has no hostile text in %s: the test would prove nothing", loc)
		}
	}
	for _, csp := range []bool{true, false} {
		name := "no-csp"
		if csp {
			name = "csp"
		}
		t.Run(name, func(t *testing.T) {
			org := serveSite(t, dir, csp)
			res, err := http.Get(org + "/" + m.DefaultLocale + "/")
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if got := res.Header.Get("Content-Security-Policy") != ""; got != csp {
				t.Fatalf("Content-Security-Policy sent: %v, want %v", got, csp)
			}
			hostedHostile(t, org, dir, m, !csp)
		})
	}
	t.Run("offline", func(t *testing.T) { offlineHostile(t, dir, m) })
}

// hostedHostile opens every page of the site served at org.
func hostedHostile(t *testing.T, org, dir string, m *matrix.Model, control bool) {
	tb := newTabAt(t, org)
	tr := setTrap(tb)
	pages := htmlPagesIn(t, dir)
	for _, loc := range m.Locales {
		// The fragment is state the page's script reads into its controls.
		pages = append(pages, "/"+loc+"/#q="+url.QueryEscape(`"><img src=x onerror=alert('hash')>`)+"&w="+url.QueryEscape("<svg onload=alert('w')>"))
	}
	for _, p := range pages {
		tb.open(org + p)
		if p == "/" || p == "/index.html" {
			tb.wait(`location.pathname !== "/" && location.pathname !== "/index.html"`)
			tb.wait(`document.readyState === "complete"`)
		}
		checkHostilePage(t, tb, tr, m, p)
	}
	miss := "/" + m.DefaultLocale + "/%3Cscript%3Ealert(404)%3C/script%3E/"
	tb.openMiss(org + miss)
	checkHostilePage(t, tb, tr, m, miss)

	// The workload links of each matrix page, clicked.
	for _, loc := range m.Locales {
		var hrefs []string
		tb.open(org + "/" + loc + "/")
		tb.eval(`Array.from(new Set(Array.from(document.querySelectorAll("main a[href]")).map((a) => a.href).filter((h) => h.includes("/workloads/"))))`, &hrefs)
		if len(hrefs) < len(m.Workloads) {
			t.Errorf("/%s/ links %d workload pages, the model has %d", loc, len(hrefs), len(m.Workloads))
		}
		for _, h := range hrefs {
			tb.open(org + "/" + loc + "/")
			tb.waitApp()
			// RunResponse waits for the navigation the click starts.
			click := `(() => { Array.from(document.querySelectorAll("main a[href]")).find((a) => a.href === ` + js(h) + `).click(); return true; })()`
			if _, err := chromedp.RunResponse(tb.ctx, chromedp.Evaluate(click, nil)); err != nil {
				t.Fatalf("clicking %s: %v", h, err)
			}
			tb.wait(`location.href === ` + js(h) + ` && document.readyState === "complete"`)
			checkHostilePage(t, tb, tr, m, strings.TrimPrefix(h, org))
		}
	}
	if control {
		tripControl(t, tb, tr)
	}
}

// checkInert checks the page open in tb after a click: it is still at an
// http or file URL, its DOM has nothing live, and the trap caught nothing.
func checkInert(t *testing.T, tb *tab, tr *trap, p string) {
	t.Helper()
	if proto := tb.str("location.protocol"); proto != "http:" && proto != "file:" {
		t.Errorf("%s: the page is at a %s URL", p, proto)
	}
	var bad []string
	tb.eval(inertJS, &bad)
	for _, b := range bad {
		t.Errorf("%s: %s", p, b)
	}
	for _, h := range tr.take() {
		t.Errorf("%s: hostile content ran: %s", p, h)
	}
}

// checkHostilePage runs every check on the page open in tb (p is its path):
// checkInert, and the reader's actions on it (search, hover), then the
// payloads as text.
func checkHostilePage(t *testing.T, tb *tab, tr *trap, m *matrix.Model, p string) {
	t.Helper()
	if proto := tb.str("location.protocol"); proto != "http:" && proto != "file:" {
		t.Errorf("%s: the page is at a %s URL", p, proto)
	}
	var bad []string
	tb.eval(inertJS, &bad)
	for _, b := range bad {
		t.Errorf("%s: %s", p, b)
	}
	var hasSearch bool
	tb.eval(`Array.from(document.querySelectorAll("[data-matrix]")).some((m) => !m.closest("[hidden]"))`, &hasSearch)
	if hasSearch {
		tb.waitApp()
		if strings.Contains(p, "#q=") {
			// The payload in the fragment is in the search box, as text.
			want, _ := url.ParseQuery(strings.SplitN(p, "#", 2)[1])
			if got := tb.str(`(() => {` + pageJS + `; return $search().value; })()`); got != want.Get("q") {
				t.Errorf("%s: search box holds %q, want the fragment's %q", p, got, want.Get("q"))
			}
		}
		searchPayloads(t, tb, p)
	}
	tb.eval(hoverJS, nil)
	hoverCells(t, tb)
	loc, w := pageOf(m, p)
	if loc != "" {
		texts := hostileTexts(m, loc)
		var want []string
		for wl, ts := range texts {
			if w == "" || w == wl {
				want = append(want, ts...)
			}
		}
		if !strings.Contains(p, "#") && !strings.Contains(p, "%3C") {
			shownAsText(t, tb, p, want)
		}
	}
	for _, h := range tr.take() {
		t.Errorf("%s: hostile content ran: %s", p, h)
	}
}

// pageOf reads a page path's locale and workload ("" when not a matrix or
// workload page).
func pageOf(m *matrix.Model, p string) (loc, workload string) {
	parts := strings.Split(strings.Trim(strings.SplitN(p, "#", 2)[0], "/"), "/")
	if len(parts) == 0 || !slices.Contains(m.Locales, parts[0]) {
		return "", ""
	}
	switch {
	case len(parts) == 1 || (len(parts) == 2 && parts[1] == "index.html"):
		return parts[0], ""
	case len(parts) >= 3 && parts[1] == "workloads":
		return parts[0], parts[2]
	}
	return "", ""
}

// searchPayloads searches for each payload word (the first, "alert", typed
// with real key presses: the hostile cells hold it, so some row must show)
// and checks the rows shown against an independent matcher.
func searchPayloads(t *testing.T, tb *tab, p string) {
	t.Helper()
	tb.do(`$setQ("")`)
	// Real key presses into the box of the matrix shown (the offline file
	// has one per locale).
	tb.do(`$search().focus()`)
	tb.run(chromedp.KeyEvent(payloadWords[0]))
	for i, w := range payloadWords {
		if i > 0 {
			tb.do("$setQ(" + js(w) + ")")
		}
		if i == 0 {
			var shown int
			tb.q(`$visible().length`, &shown)
			if shown == 0 {
				t.Errorf("%s: a search for %q shows no row, yet the cells hold it", p, w)
			}
		}
		var wrong []string
		tb.q(`$rows().filter((tr) => !$shown(tr) === $matches(tr.textContent, `+js(w)+`)).map($rowID)`, &wrong)
		if len(wrong) > 0 {
			t.Errorf("%s: search %q shows or hides the wrong rows: %v", p, w, wrong)
		}
		// Let the highlighting spread over animation frames finish.
		tb.eval(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, nil)
	}
	tb.do(`$setQ("")`)
}

// hoverCells moves the real mouse over the table cells, list items,
// paragraphs and links in view (after a scroll to the table).
func hoverCells(t *testing.T, tb *tab) {
	t.Helper()
	var pts []struct{ X, Y float64 }
	tb.eval(`(() => { const tb = document.querySelector("[data-locale]:not([hidden]) tbody, main tbody, main");
	  if (tb) tb.scrollIntoView();
	  return Array.from(document.querySelectorAll("td, th, dd, li, p, a")).map((e) => e.getBoundingClientRect())
	    .filter((r) => r.width > 0 && r.bottom > 0 && r.top < innerHeight).slice(0, 60)
	    .map((r) => ({X: r.left + r.width / 2, Y: r.top + r.height / 2})); })()`, &pts)
	tb.run(chromedp.ActionFunc(func(ctx context.Context) error {
		for _, pt := range pts {
			if err := input.DispatchMouseEvent(input.MouseMoved, pt.X, pt.Y).Do(ctx); err != nil {
				return err
			}
		}
		return nil
	}))
}

// shownAsText requires each hostile text on the page as visible text
// (innerText: not hidden), whitespace aside.
func shownAsText(t *testing.T, tb *tab, p string, want []string) {
	t.Helper()
	var missing []string
	// The table's rows are drawn only near the viewport (content-visibility),
	// and innerText has no text for rows not drawn: bring the table into view.
	tb.eval(`(() => { const m = Array.from(document.querySelectorAll("table.matrix")).find((t) => !t.closest("[hidden]"));
	  if (m) m.scrollIntoView(); return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))); })()`, nil)
	tb.eval(`(() => { const norm = (s) => s.replace(/\s+/g, " ").trim(); const text = norm(document.body.innerText);
	  return `+jsList(want)+`.filter((w) => !text.includes(norm(w))); })()`, &missing)
	for _, s := range missing {
		t.Errorf("%s: the cell text %q is not shown as text", p, s)
	}
}

// tripControl injects a handler the test knows would run without a CSP and
// requires the trap to report it: the sentinels work.
func tripControl(t *testing.T, tb *tab, tr *trap) {
	t.Helper()
	tb.eval(`(() => { document.body.insertAdjacentHTML("beforeend", '<button id="control" onclick="alert(\'control\')">x</button>');
	  document.getElementById("control").click(); return true; })()`, nil)
	hits := tr.take()
	if len(hits) != 1 || !strings.HasPrefix(hits[0], "alert(control)") {
		t.Errorf("the control payload was not caught by the trap: %v", hits)
	}
	var bad []string
	tb.eval(inertJS, &bad)
	if len(bad) != 1 || !strings.Contains(bad[0], "onclick") {
		t.Errorf("the DOM check does not report the control's onclick: %v", bad)
	}
}

// offlineHostile opens the offline file from disk: both locales, every
// workload view, payload fragments; clicks its workload links.
func offlineHostile(t *testing.T, dir string, m *matrix.Model) {
	tb := newTab(t)
	tb.allowFile = true
	tr := setTrap(tb)
	file := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "downloads", "mabs-protection-matrix.html"))}).String()
	for _, loc := range m.Locales {
		views := []string{""}
		for _, w := range m.Workloads {
			views = append(views, w.ID)
		}
		for _, v := range views {
			frag := "#l=" + loc
			if v != "" {
				frag += "&p=" + v
			}
			openFresh(tb, file+frag)
			tb.wait(`document.documentElement.lang === ` + js(loc))
			p := "offline " + frag
			checkHostilePage(t, tb, tr, m, p)
			var want []string
			for w, ts := range hostileTexts(m, loc) {
				if v == "" || v == w {
					want = append(want, ts...)
				}
			}
			shownAsText(t, tb, p, want)
		}
		// Every in-file link of the locale, clicked.
		openFresh(tb, file+"#l="+loc)
		tb.wait(`document.documentElement.lang === ` + js(loc))
		var hrefs []string
		tb.eval(`Array.from(new Set(Array.from(document.querySelectorAll("[data-locale] a[href^='#']")).filter((a) => a.closest("[data-locale]").dataset.locale === `+js(loc)+`).map((a) => a.getAttribute("href"))))`, &hrefs)
		if len(hrefs) == 0 {
			t.Errorf("offline %s: no in-file links", loc)
		}
		for _, h := range hrefs {
			openFresh(tb, file+"#l="+loc)
			tb.wait(`document.documentElement.lang === ` + js(loc))
			tb.eval(`(() => { const a = Array.from(document.querySelectorAll("a[href]")).find((a) => a.getAttribute("href") === `+js(h)+` && a.getClientRects().length > 0);
			  if (a) a.click(); return true; })()`, nil)
			checkInert(t, tb, tr, "offline, after a click on "+h)
		}
	}
	openFresh(tb, file+"#l="+url.QueryEscape("<img src=x onerror=alert('l')>")+"&p="+url.QueryEscape("<svg onload=alert('p')>")+"&q="+url.QueryEscape("<script>alert('q')</script>"))
	tb.wait(`document.readyState === "complete"`)
	checkHostilePage(t, tb, tr, m, "offline with payload fragment")
	tripControl(t, tb, tr)
}

// openFresh loads url as a new document even when only its fragment
// differs from the tab's current URL (which would be a same-document
// navigation that keeps the old document's state).
func openFresh(tb *tab, url string) {
	tb.t.Helper()
	tb.open("about:blank")
	tb.open(url)
}

func jsList(ss []string) string {
	var b strings.Builder
	b.WriteString("[")
	for i, s := range ss {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(js(s))
	}
	b.WriteString("]")
	return b.String()
}
