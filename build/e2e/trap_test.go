package e2e

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// trapBinding is the DevTools binding the trap reports through: a call of
// it reaches the test as an event, whatever the page does to its console
// or to itself afterwards (a navigation, an overwritten global).
const trapBinding = "matrixdocTrap"

// trapJS runs in every document and frame before any script of the page.
// It replaces alert, confirm, prompt and print — what every payload of
// testdata/bad/xss calls — with sentinels that report the call, and reports
// any activation of a javascript: or vbscript: link. The sentinels cannot
// be redefined by the page (non-configurable), and a report goes both to
// the binding and to window.__trapHits.
const trapJS = `(() => {
  const send = (what) => {
    const msg = what + " at " + location.href;
    try { (window.__trapHits = window.__trapHits || []).push(msg); } catch (e) {}
    try { window.` + trapBinding + `(msg); } catch (e) {}
  };
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    try {
      Object.defineProperty(window, name, {configurable: false, writable: false,
        value: function (m) { send(name + "(" + String(m) + ")"); return name === "confirm" ? false : null; }});
    } catch (e) { send("could not replace " + name); }
  }
  document.addEventListener("click", (e) => {
    const a = e.target && e.target.closest ? e.target.closest("a[href], area[href]") : null;
    const h = a ? a.getAttribute("href").replace(/[\s\u0000-\u001f]+/g, "") : "";
    if (/^(javascript|vbscript):/i.test(h)) send("activation of a link to " + h);
  }, true);
})();`

// trap records every sign that hostile content ran in a tab.
type trap struct {
	mu   sync.Mutex
	hits []string
}

// setTrap arms tb: from its next navigation on, the sentinels are in every
// document; a native dialog (should a payload reach the real alert) is
// recorded and dismissed; a navigation to a javascript: URL is recorded.
func setTrap(tb *tab) *trap {
	tb.t.Helper()
	tr := &trap{}
	tb.watchEvents(func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventBindingCalled:
			if ev.Name == trapBinding {
				tr.add(ev.Payload)
			}
		case *page.EventJavascriptDialogOpening:
			tr.add(fmt.Sprintf("native %s dialog %q at %s", ev.Type, ev.Message, ev.URL))
			go chromedp.Run(tb.ctx, page.HandleJavaScriptDialog(false))
		case *page.EventFrameRequestedNavigation:
			tr.navigation(ev.URL)
		case *page.EventFrameNavigated:
			tr.navigation(ev.Frame.URL)
		}
	})
	tb.run(chromedp.ActionFunc(func(ctx context.Context) error {
		if err := runtime.AddBinding(trapBinding).Do(ctx); err != nil {
			return err
		}
		_, err := page.AddScriptToEvaluateOnNewDocument(trapJS).Do(ctx)
		return err
	}))
	return tr
}

func (tr *trap) add(hit string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.hits = append(tr.hits, hit)
}

func (tr *trap) navigation(url string) {
	u := strings.ToLower(strings.TrimSpace(url))
	if strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:") {
		tr.add("navigation to " + url)
	}
}

// take returns the hits so far and forgets them.
func (tr *trap) take() []string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	h := tr.hits
	tr.hits = nil
	return h
}
