package e2e

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// offlineURL is the offline bundle as a file:// URL, opened from disk the
// way a reader who downloaded it would.
func offlineURL() string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(siteDir, "downloads", "mabs-protection-matrix.html"))}
	return u.String()
}

// TestOffline: the single file works from file:// with no server — search,
// filters, the language toggle keeping state, the workload views.
func TestOffline(t *testing.T) {
	tb := newTab(t)
	tb.allowFile = true
	tb.open(offlineURL())
	tb.waitApp()
	tb.mu.Lock()
	for _, r := range tb.requests {
		if !strings.HasPrefix(r, "file:") && !strings.HasPrefix(r, "data:") {
			t.Errorf("the offline file requested %s", r)
		}
	}
	tb.mu.Unlock()
	if lang := tb.str("document.documentElement.lang"); lang != model.DefaultLocale {
		t.Errorf("a Dutch browser opens the offline file in %q", lang)
	}
	sameIDs(t, "offline, no filter", tb.visible(), allIDs())

	want := sqlVMwareRow(t)
	tb.do(`$setQ("sql 2014 vmware")`)
	sameIDs(t, `offline "sql 2014 vmware"`, tb.visible(), []string{want})
	tb.do(`$setQ("sql"); $setF("t", "vmware-vm")`)
	filtered := tb.visible()
	hash := tb.str("location.hash")
	if !strings.Contains(hash, "q=sql") || !strings.Contains(hash, "t=vmware-vm") {
		t.Errorf("offline fragment %q lacks the state", hash)
	}

	// The toggle switches the language in place and keeps the filters.
	other := model.Locales[1]
	if model.Locales[0] != model.DefaultLocale {
		other = model.Locales[0]
	}
	tb.run(chromedp.Click(`button[data-set-lang="`+other+`"]`, chromedp.ByQuery))
	tb.wait(`document.documentElement.lang === ` + js(other))
	sameIDs(t, "offline, after the toggle", tb.visible(), filtered)
	var st struct{ Q, T, Hash string }
	tb.q(`{Q: $search().value, T: $select("t").value, Hash: location.hash}`, &st)
	if st.Q != "sql" || st.T != "vmware-vm" || !strings.Contains(st.Hash, "l="+other) {
		t.Errorf("offline toggle lost the state: %+v", st)
	}

	// Reload from disk restores the view.
	tb.run(chromedp.Reload())
	tb.waitApp()
	sameIDs(t, "offline, after reload", tb.visible(), filtered)

	// Every workload view is there and shows its grid.
	for _, w := range model.Workloads {
		for _, loc := range model.Locales {
			tb.open(offlineURL() + "#l=" + loc + "&p=" + w.ID)
			tb.wait(`document.documentElement.lang === ` + js(loc))
			checkGrid(t, tb, loc, w.ID, `[data-locale=`+js(loc)+`] [data-view=`+js(w.ID)+`]`)
		}
	}
}
