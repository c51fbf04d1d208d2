package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// belowHeaderJS reports where a link's target landed: its top, the bottom
// of the sticky table header (when it is stuck), and the viewport height,
// after two frames (rows are laid out only near the viewport).
const belowHeaderJS = `((id) => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => {
  const el = document.getElementById(id);
  const table = el && el.closest("table");
  const head = table && table.querySelector("thead");
  const h = head ? head.getBoundingClientRect() : null;
  res({Top: el ? el.getBoundingClientRect().top : -1e6, HeadBottom: h && h.top <= 1 && getComputedStyle(head).position === "sticky" ? h.bottom : 0,
    Height: innerHeight, Target: !!document.querySelector(":target") && document.querySelector(":target").id === id});
}))))`

type landing struct {
	Top, HeadBottom, Height float64
	Target                  bool
}

// checkLanding fails the test unless element id is the :target, shown in
// the viewport and not under the sticky header.
func checkLanding(t *testing.T, tb *tab, what, id string) {
	t.Helper()
	var l landing
	// The position can still move while the rows above are laid out.
	deadline := time.Now().Add(3 * time.Second)
	for {
		tb.eval(belowHeaderJS+"("+js(id)+")", &l)
		if (l.Top >= l.HeadBottom-1 && l.Top < l.Height) || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !l.Target || l.Top < l.HeadBottom-1 || l.Top >= l.Height {
		t.Errorf("%s: #%s lands at top %.0f, the sticky header ends at %.0f (viewport %.0f, target %v)", what, id, l.Top, l.HeadBottom, l.Height, l.Target)
	}
}

// TestPermalinkPosition: a row's permalink — opened as a link, from the
// workload page's "this row in the matrix", clicked as "#" in a filtered
// table, and in the offline file — lands the row below the sticky header;
// "#" keeps the filters.
func TestPermalinkPosition(t *testing.T) {
	loc := model.DefaultLocale
	ids := allIDs()
	far := ids[len(ids)*2/3]
	tb := newTab(t)

	tb.openMatrix(loc, "#"+far)
	checkLanding(t, tb, "opened", far)

	// From the workload page.
	w := model.Rows[len(ids)*2/3].Workload
	tb.open(origin + "/" + loc + "/workloads/" + w + "/")
	tb.do(`Array.from(document.querySelectorAll("a")).find((a) => a.getAttribute("href") === "../../#" + ` + js(far) + `).click()`)
	tb.wait(`location.pathname === "/` + loc + `/" && location.hash === ` + js("#"+far))
	tb.waitApp()
	checkLanding(t, tb, "from the workload page", far)

	// "#" in a filtered table keeps the filters.
	tb.openMatrix(loc, "")
	tb.do(`$setQ("windows")`)
	before := tb.visible()
	target := before[len(before)-1]
	tb.do(`document.getElementById(` + js(target) + `).querySelector("a.permalink").click()`)
	tb.wait(`location.hash === ` + js("#"+target))
	sameIDs(t, `"#" in a table searched for "windows"`, tb.visible(), before)
	if q := tb.str(`(() => {` + pageJS + `; return $search().value; })()`); q != "windows" {
		t.Errorf(`"#" cleared the search (%q)`, q)
	}
	checkLanding(t, tb, `"#" clicked`, target)
	// Back returns to the search's fragment.
	tb.do(`history.back()`)
	tb.wait(`location.hash.includes("q=windows")`)
	sameIDs(t, "back from the permalink", tb.visible(), before)

	// The offline file: opened at a row, and "#" in a searched table.
	off := newTab(t)
	off.allowFile = true
	off.open(offlineURL() + "#" + loc + "-" + far)
	off.waitApp()
	checkLanding(t, off, "offline", loc+"-"+far)
	off.do(`$setQ("windows")`)
	offBefore := off.visible()
	offTarget := loc + "-" + offBefore[len(offBefore)-1]
	off.do(`document.getElementById(` + js(offTarget) + `).querySelector("a.permalink").click()`)
	off.wait(`location.hash === ` + js("#"+offTarget))
	sameIDs(t, `offline "#" in a table searched for "windows"`, off.visible(), offBefore)
	checkLanding(t, off, `offline "#" clicked`, offTarget)
}

// TestPageLinks: the language toggle and every link between pages name the
// folder, as the canonical URL does; Home is the locale's matrix, not the
// language picker that would send the reader straight back.
func TestPageLinks(t *testing.T) {
	tb := newTab(t)
	w := model.Workloads[0].ID
	for _, loc := range model.Locales {
		for _, p := range []string{"/" + loc + "/", "/" + loc + "/workloads/" + w + "/"} {
			tb.open(origin + p)
			var st struct {
				Toggles, IndexLinks []string
				Canonical           string
				Home                struct{ Href, Current string }
			}
			tb.eval(`({Toggles: Array.from(document.querySelectorAll("a[data-lang-toggle]")).map((a) => a.href.replace(/#.*$/, "")),
			  IndexLinks: Array.from(document.querySelectorAll("a[href]")).map((a) => a.getAttribute("href")).filter((h) => /(^|\/)index\.html(#|$)/.test(h)),
			  Canonical: document.querySelector("link[rel=canonical]").href,
			  Home: (() => { const c = document.querySelector(".crumbs li"); const a = c.querySelector("a");
			    return {Href: a ? a.href : "", Current: (c.querySelector("[aria-current]") || {}).textContent || ""}; })()})`, &st)
			if len(st.IndexLinks) > 0 {
				t.Errorf("%s links to index.html: %v", p, st.IndexLinks)
			}
			for _, h := range st.Toggles {
				if !strings.HasSuffix(h, "/") || strings.HasSuffix(h, "/"+loc+"/") {
					t.Errorf("%s: the language toggle goes to %s", p, h)
				}
			}
			if !strings.HasSuffix(st.Canonical, p) {
				t.Errorf("%s: canonical %s", p, st.Canonical)
			}
			if p == "/"+loc+"/" {
				if st.Home.Href != "" || st.Home.Current == "" {
					t.Errorf("%s: Home links to %q; on the matrix it is the current page", p, st.Home.Href)
				}
			} else if st.Home.Href != origin+"/"+loc+"/" {
				t.Errorf("%s: Home links to %q, want the matrix %s/%s/", p, st.Home.Href, origin, loc)
			}
		}
	}
	// The toggle, followed, opens the other language's folder URL.
	from, to := model.Locales[0], model.Locales[1]
	tb.openMatrix(from, "")
	tb.run(chromedp.Click(`a[data-lang-toggle]`, chromedp.ByQuery))
	tb.wait(`location.pathname === "/` + to + `/"`)
}

// TestSelectArrowKeys: stepping through a filter's options with the arrow
// keys (each step a change event) adds one history entry, not one per
// option; another filter adds its own.
func TestSelectArrowKeys(t *testing.T) {
	tb := newTab(t)
	tb.openMatrix(model.DefaultLocale, "")
	var n0 int
	tb.eval(`history.length`, &n0)
	tb.run(chromedp.Focus(`form.filters select[name=w]`, chromedp.ByQuery))
	for range 4 {
		tb.run(chromedp.KeyEvent(kb.ArrowDown))
	}
	tb.settle() // the URL follows in the next frame (main.ts)
	var st struct {
		Length int
		Index  int
		Hash   string
	}
	tb.eval(`({Length: history.length, Index: document.querySelector("form.filters select[name=w]").selectedIndex, Hash: location.hash})`, &st)
	if st.Index != 4 {
		t.Fatalf("four arrow keys moved the workload filter to option %d", st.Index)
	}
	if st.Length != n0+1 || !strings.Contains(st.Hash, "w=") {
		t.Errorf("four arrow keys through a select: history grew by %d (fragment %q), want 1", st.Length-n0, st.Hash)
	}
	tb.run(chromedp.Focus(`form.filters select[name=t]`, chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown))
	tb.settle()
	var n2 int
	tb.eval(`history.length`, &n2)
	if n2 != st.Length+1 {
		t.Errorf("another filter's arrow keys: history grew by %d, want 1", n2-st.Length)
	}
	// Back undoes the second filter as a whole, then the first.
	tb.do(`history.back()`)
	tb.wait(`!location.hash.includes("t=")`)
	if got := tb.str(`document.querySelector("form.filters select[name=w]").value`); got == "" {
		t.Errorf("back undid the workload filter too")
	}
}

// phone emulates a phone of the given size (a visual viewport as an
// on-screen keyboard leaves it).
func phone(w, h int64) chromedp.Action {
	return chromedp.EmulateViewport(w, h, chromedp.EmulateScale(2), chromedp.EmulateMobile)
}

// TestPhoneWhileTyping: at 390 px wide, with a keyboard's worth of screen
// gone, the count and the first result are in view while the reader types.
func TestPhoneWhileTyping(t *testing.T) {
	for _, loc := range model.Locales {
		t.Run(loc, func(t *testing.T) {
			tb := newTab(t)
			tb.run(phone(390, 560))
			tb.openMatrix(loc, "")
			tb.run(chromedp.Click(`form.filters input[type=search]`, chromedp.ByQuery))
			tb.run(chromedp.SendKeys(`form.filters input[type=search]`, "exchange", chromedp.ByQuery))
			var st struct {
				Input, CountTop, CountBottom, FirstTop, Height float64
				Shown                                          int
			}
			tb.eval(`new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => {
			  const root = Array.from(document.querySelectorAll("[data-matrix]")).find((m) => !m.closest("[hidden]"));
			  const c = root.querySelector("[data-count]").getBoundingClientRect();
			  const first = Array.from(root.querySelectorAll("table.matrix > tbody > tr")).find((tr) => !tr.hidden && !tr.parentElement.hidden);
			  res({Input: root.querySelector("input[type=search]").getBoundingClientRect().top, CountTop: c.top, CountBottom: c.bottom,
			    FirstTop: first ? first.getBoundingClientRect().top : 1e6, Height: innerHeight,
			    Shown: root.querySelectorAll("table.matrix > tbody:not([hidden]) > tr:not([hidden])").length});
			})))`, &st)
			if st.Shown == 0 {
				t.Fatalf("exchange shows no row")
			}
			if st.Input < 0 || st.CountTop < 0 || st.CountBottom > st.Height || st.FirstTop >= st.Height-40 {
				t.Errorf("typing at 390×560: input at %.0f, count %.0f–%.0f, first row at %.0f, viewport %.0f high", st.Input, st.CountTop, st.CountBottom, st.FirstTop, st.Height)
			}
		})
	}
}

// TestPhoneWorkloadGrid: at 390 px the workload grid's caption is whole
// (not clipped by a scrolling table) and no version name wraps to more
// than three lines; nothing sticks out sideways.
func TestPhoneWorkloadGrid(t *testing.T) {
	tb := newTab(t)
	tb.run(phone(390, 844))
	for _, loc := range model.Locales {
		for _, w := range model.Workloads {
			tb.open(origin + "/" + loc + "/workloads/" + w.ID + "/")
			var st struct {
				CaptionRight, CaptionWidth, CaptionScroll float64
				Tall                                      []string
				Wide                                      float64
			}
			tb.eval(`(() => {
			  const cap = document.querySelector("table.grid caption");
			  const r = cap.getBoundingClientRect();
			  const tall = Array.from(document.querySelectorAll("table.grid tbody th")).filter((th) =>
			    th.getBoundingClientRect().height > 3.2 * parseFloat(getComputedStyle(th).lineHeight)).map((th) => th.textContent);
			  return {CaptionRight: r.right, CaptionWidth: cap.clientWidth, CaptionScroll: cap.scrollWidth, Tall: tall,
			    Wide: document.documentElement.scrollWidth};
			})()`, &st)
			what := fmt.Sprintf("%s %s", loc, w.ID)
			if st.CaptionRight > 390+1 || st.CaptionScroll > st.CaptionWidth+1 {
				t.Errorf("%s: the grid caption is clipped (right %.0f, %.0f of %.0f px shown)", what, st.CaptionRight, st.CaptionWidth, st.CaptionScroll)
			}
			if len(st.Tall) > 0 {
				t.Errorf("%s: version names over three lines: %q", what, st.Tall)
			}
			if st.Wide > 390+1 {
				t.Errorf("%s: the page is %.0f px wide at 390", what, st.Wide)
			}
		}
	}
}
