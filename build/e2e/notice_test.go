package e2e

import (
	"strings"
	"testing"
)

// TestMachineTranslationNoticeInBrowser: on the Dutch pages (a machine
// translation) the notice is shown and its link leads to the same place in
// English — the same page, the same filter state; offline, the same view.
// The English pages have none.
func TestMachineTranslationNoticeInBrowser(t *testing.T) {
	const notice = `document.querySelector("main .mt-notice")`
	const shown = `(() => { const n = Array.from(document.querySelectorAll(".mt-notice")).find((n) => n.checkVisibility()); return n ? n.querySelector("a") : null; })()`
	wl := model.Workloads[len(model.Workloads)-1].ID
	// Following the link remembers English, as the language toggle does;
	// forget it again, so that the tests after this one meet a Dutch reader.
	forget := func(tb *tab) { tb.eval(`localStorage.removeItem("matrixdoc.lang"); true`, nil) }

	t.Run("matrix", func(t *testing.T) {
		tb := newTab(t)
		tb.openMatrix("en", "")
		if tb.str(`String(!!`+notice+`)`) != "false" {
			t.Error("the English matrix has the machine-translation notice")
		}
		tb.openMatrix("nl", "#q=sql+2014")
		tb.wait(shown)
		hash := tb.str("location.hash")
		if href := tb.str(shown + `.getAttribute("href")`); !strings.HasSuffix(href, hash) || hash == "" {
			t.Errorf("the notice's link %q does not carry the filter state %q", href, hash)
		}
		tb.eval(shown+`.click(); true`, nil)
		tb.wait(`location.pathname === "/en/" || location.pathname === "/en/index.html"`)
		tb.waitApp()
		forget(tb)
		if got := tb.str("location.hash"); got != hash {
			t.Errorf("the English matrix opened with %q, not %q", got, hash)
		}
	})

	t.Run("workload", func(t *testing.T) {
		tb := newTab(t)
		tb.open(origin + "/nl/workloads/" + wl + "/")
		tb.wait(shown)
		tb.eval(shown+`.click(); true`, nil)
		tb.wait(`location.pathname === "/en/workloads/` + wl + `/index.html" || location.pathname === "/en/workloads/` + wl + `/"`)
		tb.wait(`document.readyState === "complete"`)
		forget(tb)
		if tb.str(`String(!!`+notice+`)`) != "false" {
			t.Error("the English workload page has the notice")
		}
	})

	t.Run("offline", func(t *testing.T) {
		tb := newTab(t)
		tb.allowFile = true
		tb.open(offlineURL() + "#l=nl&p=" + wl)
		tb.wait(shown)
		tb.eval(shown+`.click(); true`, nil)
		tb.wait(`document.documentElement.lang === "en"`)
		forget(tb)
		h := tb.str("location.hash")
		if !strings.Contains(h, "l=en") || !strings.Contains(h, "p="+wl) {
			t.Errorf("offline, the notice's link went to %q: not the same workload view in English", h)
		}
		var visibleView string
		tb.eval(`(() => { const v = Array.from(document.querySelectorAll("[data-locale=en] [data-view]")).find((v) => v.checkVisibility()); return v ? v.dataset.view : "none"; })()`, &visibleView)
		if visibleView != wl {
			t.Errorf("offline English shows view %q, want %q", visibleView, wl)
		}
		var n int
		tb.eval(`Array.from(document.querySelectorAll(".mt-notice")).filter((n) => n.checkVisibility()).length`, &n)
		if n != 0 {
			t.Errorf("offline English shows %d notices", n)
		}
	})
}
