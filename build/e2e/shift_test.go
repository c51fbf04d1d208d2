package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// layoutJS records where every element of the page is: a rect per element
// in document order, keyed by a readable path.
const layoutJS = `(() => {
  const out = [];
  const walk = (el, path) => {
    const r = el.getBoundingClientRect();
    out.push([path, Math.round(r.x * 2) / 2, Math.round(r.y * 2) / 2, Math.round(r.width * 2) / 2, Math.round(r.height * 2) / 2]);
    let i = 0;
    for (const c of el.children) walk(c, path + ">" + c.tagName.toLowerCase() + (c.id ? "#" + c.id : "") + ":" + i++);
  };
  walk(document.body, "body");
  return out;
})()`

// TestScriptMovesNothing: the page as the server sends it is laid out where
// the page ends up once its script has run — the script's enhancements
// (the search form, the toggles' state) take no space they did not have
// from the first paint, so nothing shifts. The script's request is held
// until the document is parsed and styled; every element's box is read,
// the script let through, and every box read again. Phone and desktop
// widths, the matrix and a workload page, both languages.
func TestScriptMovesNothing(t *testing.T) {
	wl := model.Workloads[0].ID
	for _, loc := range model.Locales {
		for _, p := range []string{"/" + loc + "/", "/" + loc + "/workloads/" + wl + "/"} {
			for _, width := range []int64{390, 1280} {
				t.Run(fmt.Sprintf("%s@%d", p, width), func(t *testing.T) {
					tb := newTab(t)
					paused := make(chan fetch.RequestID, 4)
					tb.watchEvents(func(ev any) {
						if e, ok := ev.(*fetch.EventRequestPaused); ok {
							paused <- e.RequestID
						}
					})
					var opts []chromedp.EmulateViewportOption
					if width < 640 {
						opts = append(opts, chromedp.EmulateScale(2), chromedp.EmulateMobile)
					}
					tb.run(chromedp.EmulateViewport(width, 844, opts...),
						fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*/assets/main-*.js"}}),
						chromedp.ActionFunc(func(ctx context.Context) error {
							_, _, _, _, err := page.Navigate(origin + p).Do(ctx)
							return err
						}))
					var id fetch.RequestID
					select {
					case id = <-paused:
					case <-time.After(10 * time.Second):
						t.Fatal("the page never asked for its script")
					}
					// Parsed (the deferred script holds DOMContentLoaded) and styled.
					tb.wait(`document.readyState === "interactive" && Array.from(document.styleSheets).some((s) => s.href && s.cssRules.length > 0)`)
					// Read the boxes of a painted frame, before and after: a
					// layout forced before the first frame lays out every
					// content-visibility: auto row in full, where the first
					// paint has the off-screen rows at their placeholder
					// size (it made 1 run in 3 report a 6,500 px taller
					// table "before").
					tb.settle()
					var before, after [][]any
					tb.eval(layoutJS, &before)
					tb.run(fetch.ContinueRequest(id), fetch.Disable())
					tb.wait(`document.readyState === "complete" && (document.querySelectorAll("[data-matrix]").length === 0 || !!document.querySelector("[data-matrix][data-ready]"))`)
					tb.settle()
					tb.eval(layoutJS, &after)
					if len(before) != len(after) {
						t.Errorf("the script changed the number of elements: %d, then %d", len(before), len(after))
					}
					moved := 0
					for i := 0; i < min(len(before), len(after)); i++ {
						if fmt.Sprint(before[i]) != fmt.Sprint(after[i]) {
							if moved < 5 {
								t.Errorf("moved when the script ran: %v → %v", before[i], after[i])
							}
							moved++
						}
					}
					if moved > 5 {
						t.Errorf("… %d elements moved in all", moved)
					}
				})
			}
		}
	}
}

// TestNoScriptHidesControls: with scripting off the controls that need the
// script are not shown (they would do nothing), and the table is.
func TestNoScriptHidesControls(t *testing.T) {
	tb := newTab(t)
	tb.run(emulation.SetScriptExecutionDisabled(true))
	tb.open(origin + "/nl/")
	var st struct{ Form, Table bool }
	tb.eval(`({Form: document.querySelector("[data-matrix] form").checkVisibility(), Table: document.querySelector("table.matrix").checkVisibility()})`, &st)
	if st.Form || !st.Table {
		t.Errorf("scripting off: form shown %v, table shown %v; want the table only", st.Form, st.Table)
	}
	tb.run(emulation.SetScriptExecutionDisabled(false))
}
