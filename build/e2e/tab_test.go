package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// cspListener runs in every document before the page's own script and turns
// a Content-Security-Policy violation into a console error, which the tab
// reports. (Chromium also logs "Refused to …", caught through the Log domain;
// this catches what the log might word differently.)
const cspListener = `document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
    " at " + e.sourceFile + ":" + e.lineNumber);
});`

// tab is one browser tab for one test. It records everything that must not
// happen on any page and fails the test with it when the test ends.
type tab struct {
	t      *testing.T
	ctx    context.Context
	origin string // the server the tab may talk to; set before any event

	mu        sync.Mutex
	problems  []string
	requests  []string
	allowFile bool            // file:// requests are the page itself (offline tests)
	misses    map[string]bool // URLs the test opens knowing they are 404s
	watch     func(ev any)    // a test's own look at every event (set with watchEvents)
}

// watchEvents passes every later DevTools event of the tab to f as well
// (on chromedp's event goroutine: f must not run actions itself).
func (tb *tab) watchEvents(f func(ev any)) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.watch = f
}

// newTab opens a tab in the shared browser for the shared site; it closes
// when the test ends.
func newTab(t *testing.T) *tab {
	t.Helper()
	return newTabAt(t, origin)
}

// newTabAt opens a tab whose pages come from the server at org (another
// site than the shared one): a request to any other origin is a problem.
func newTabAt(t *testing.T, org string) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	tb := &tab{t: t, ctx: ctx, origin: org}
	chromedp.ListenTarget(ctx, tb.on)
	t.Cleanup(func() {
		tb.mu.Lock()
		for _, p := range tb.problems {
			t.Error(p)
		}
		tb.mu.Unlock()
		cancelTimeout()
		cancel()
	})
	tb.run(chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(cspListener).Do(ctx)
		return err
	}))
	return tb
}

func (tb *tab) problem(format string, args ...any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.problems = append(tb.problems, fmt.Sprintf(format, args...))
}

// on receives the tab's DevTools events.
func (tb *tab) on(ev any) {
	tb.mu.Lock()
	watch := tb.watch
	tb.mu.Unlock()
	if watch != nil {
		watch(ev)
	}
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeAssert {
			var parts []string
			for _, a := range ev.Args {
				if a.Value != nil {
					parts = append(parts, strings.Trim(string(a.Value), `"`))
				} else {
					parts = append(parts, a.Description)
				}
			}
			tb.problem("console.%s: %s", ev.Type, strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		tb.problem("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
	case *log.EventEntryAdded:
		tb.mu.Lock()
		miss := tb.misses[ev.Entry.URL] && ev.Entry.Source == log.SourceNetwork
		tb.mu.Unlock()
		if ev.Entry.Level == log.LevelError && !miss && !strings.HasSuffix(ev.Entry.URL, "/favicon.ico") {
			// Chromium asks for /favicon.ico only when its cache has none, so
			// that miss is not reported here (it would come and go); instead
			// TestEveryPageClean requires every page to declare its icon.
			tb.problem("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		tb.mu.Lock()
		tb.requests = append(tb.requests, u)
		allowFile := tb.allowFile
		tb.mu.Unlock()
		switch {
		case strings.HasPrefix(u, tb.origin+"/"), strings.HasPrefix(u, "data:"), strings.HasPrefix(u, "about:"):
		case allowFile && strings.HasPrefix(u, "file://"):
		default:
			tb.problem("a request left the origin: %s", u)
		}
	}
}

// run runs chromedp actions and stops the test on an error.
func (tb *tab) run(actions ...chromedp.Action) {
	tb.t.Helper()
	if err := chromedp.Run(tb.ctx, actions...); err != nil {
		tb.t.Fatalf("chromedp: %v", err)
	}
}

// open loads a URL and waits until the page's script has started (the body
// is parsed and the load event fired).
func (tb *tab) open(url string) {
	tb.t.Helper()
	tb.run(chromedp.Navigate(url))
	tb.wait(`document.readyState === "complete"`)
}

// openMiss loads a URL that is meant to be a 404: the page's own status is
// then no error (everything it loads still must be fine).
func (tb *tab) openMiss(url string) {
	tb.t.Helper()
	tb.mu.Lock()
	if tb.misses == nil {
		tb.misses = map[string]bool{}
	}
	tb.misses[url] = true
	tb.mu.Unlock()
	tb.open(url)
}

// eval evaluates a JavaScript expression into out (nil to ignore it).
// Promises are awaited.
func (tb *tab) eval(js string, out any) {
	tb.t.Helper()
	var raw json.RawMessage
	err := chromedp.Run(tb.ctx, chromedp.Evaluate(js, &raw, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", shorten(js), err)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			tb.t.Fatalf("evaluating %s: result %s: %v", shorten(js), shorten(string(raw)), err)
		}
	}
}

// str and num are eval for the common result types.
func (tb *tab) str(js string) string {
	tb.t.Helper()
	var s string
	tb.eval(js, &s)
	return s
}

// wait polls a JavaScript condition until it is true (5 s at most).
func (tb *tab) wait(cond string) {
	tb.t.Helper()
	tb.waitFor(cond, 5*time.Second)
}

// waitFor polls a JavaScript condition until it is true (d at most).
func (tb *tab) waitFor(cond string, d time.Duration) {
	tb.t.Helper()
	deadline := time.Now().Add(d)
	for {
		var ok bool
		err := chromedp.Run(tb.ctx, chromedp.Evaluate("!!("+cond+")", &ok))
		// A condition polled across a navigation (a click on a link, then
		// a wait for the new page) may be evaluated while the old
		// document goes away: that is "not yet", not a failure.
		if err != nil && !navigating(err) {
			tb.t.Fatalf("evaluating %s: %v", shorten(cond), err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("timed out waiting for %s (last error: %v)", cond, err)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// navigating reports whether an evaluation failed only because the page
// was navigating away (Chromium's "Inspected target navigated or closed",
// "Execution context was destroyed", "Cannot find context with specified id").
func navigating(err error) bool {
	m := err.Error()
	return strings.Contains(m, "navigated or closed") || strings.Contains(m, "context was destroyed") ||
		strings.Contains(m, "Cannot find context")
}

// url is the tab's current location.
func (tb *tab) url() string {
	tb.t.Helper()
	return tb.str("location.href")
}

func shorten(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// js quotes a Go string as a JavaScript string literal.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
