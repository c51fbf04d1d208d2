package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/mabs-matrix/matrixdoc/build/matrix"
)

// download clicks the export button of the matrix shown and returns the
// file the browser saved (a real download: Browser.setDownloadBehavior).
func (tb *tab) download(dir string) (name string, data []byte) {
	tb.t.Helper()
	var mu sync.Mutex
	var suggested, path string
	done := make(chan struct{}, 1)
	chromedp.ListenBrowser(tb.ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *browser.EventDownloadWillBegin:
			suggested = ev.SuggestedFilename
			path = filepath.Join(dir, ev.GUID)
		case *browser.EventDownloadProgress:
			if ev.State == browser.DownloadProgressStateCompleted {
				select {
				case done <- struct{}{}:
				default:
				}
			}
		}
	})
	tb.run(chromedp.ActionFunc(func(ctx context.Context) error {
		c := chromedp.FromContext(ctx)
		return browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).
			WithDownloadPath(dir).WithEventsEnabled(true).Do(cdp.WithExecutor(ctx, c.Browser))
	}))
	tb.do(`$root().querySelector("[data-export]").click()`)
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		tb.t.Fatal("no download completed")
	}
	mu.Lock()
	defer mu.Unlock()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.t.Fatal(err)
	}
	return suggested, b
}

// TestExport: "download these rows" saves, hosted (under the CSP) and from
// the offline file (file://), a CSV of exactly the rows shown: an id column,
// then the table's columns, each cell as the row's model says.
func TestExport(t *testing.T) {
	for _, where := range []string{"hosted", "offline"} {
		t.Run(where, func(t *testing.T) {
			loc := "en"
			tb := newTab(t)
			tb.openWhere(where, loc)
			tb.do(`$setQ("windows"); $setF("t", "vmware-vm")`)
			shown := tb.visible()
			name, b := tb.download(t.TempDir())
			if !strings.HasSuffix(name, ".csv") || !strings.Contains(name, loc) {
				t.Errorf("the download is called %q", name)
			}
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
			recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil {
				t.Fatalf("the CSV does not parse: %v\n%s", err, b)
			}
			var head []string
			tb.q(`Array.from($root().querySelectorAll("table.matrix thead th")).map((th) => th.textContent.trim())`, &head)
			if !slices.Equal(recs[0], append([]string{"id"}, head...)) {
				t.Errorf("header %q, want id and the table's columns %q", recs[0], head)
			}
			var ids []string
			for _, r := range recs[1:] {
				ids = append(ids, r[0])
			}
			sameIDs(t, "CSV rows", ids, shown)
			names := map[string]string{}
			for _, w := range model.Workloads {
				names[w.ID] = w.Name[loc]
			}
			status := map[string]string{}
			for _, s := range model.Vocabularies.Statuses {
				status[s.ID] = s.Label[loc]
			}
			for _, rec := range recs[1:] {
				i := slices.IndexFunc(model.Rows, func(r matrix.Row) bool { return r.ID == rec[0] })
				if i < 0 || len(rec) != 4+len(model.Servers)+1 {
					t.Errorf("CSV line %q", rec)
					continue
				}
				r := &model.Rows[i]
				var ins []string
				for _, in := range r.Installations {
					ins = append(ins, in.Text[loc])
				}
				if rec[1] != names[r.Workload] || rec[2] != strings.Join(r.Versions[loc], " | ") || rec[3] != strings.Join(ins, " | ") {
					t.Errorf("%s: CSV %q, model %q / %q / %q", r.ID, rec[1:4], names[r.Workload], r.Versions[loc], ins)
				}
				for k, s := range model.Servers {
					want := status[r.Support[s.ID].Status]
					if c := richText(r.Support[s.ID].Condition[loc]); c != "" {
						want += ": " + c
					}
					if rec[4+k] != want {
						t.Errorf("%s %s: CSV %q, model %q", r.ID, s.ID, rec[4+k], want)
					}
				}
				for _, it := range r.Protect[loc] {
					if !strings.Contains(rec[len(rec)-1], richText(it)) {
						t.Errorf("%s: protection %q lacks %q", r.ID, rec[len(rec)-1], richText(it))
					}
				}
			}
		})
	}
}

// TestPrint: printed, the page names the active filters (the search and
// each filter's label and choice) and the count; the form is not printed.
func TestPrint(t *testing.T) {
	loc := "en"
	ui := uiStrings(t, loc)
	tb := newTab(t)
	tb.openMatrix(loc, "")
	tb.do(`$setQ("sql 2014"); $setF("t", "vmware-vm")`)
	tb.settle()
	var target string
	tb.q(`$select("t").selectedOptions[0].text`, &target)
	tb.run(chromedp.ActionFunc(func(ctx context.Context) error {
		return emulation.SetEmulatedMedia().WithMedia("print").Do(ctx)
	}))
	var st struct {
		Text, Display, Form string
		Count               string
	}
	tb.q(`(() => { const p = $root().querySelector("[data-print]");
	  return {Text: p.textContent, Display: getComputedStyle(p).display, Form: getComputedStyle($root().querySelector("form.filters")).display, Count: $count()}; })()`, &st)
	for _, want := range []string{fillIn(ui["print.search"], "q", "sql 2014"), ui["filter.target"] + ": " + target, st.Count} {
		if !strings.Contains(st.Text, want) {
			t.Errorf("printed filter line %q lacks %q", st.Text, want)
		}
	}
	if st.Display == "none" || st.Form != "none" {
		t.Errorf("in print the filter line is display:%s and the form display:%s", st.Display, st.Form)
	}
	tb.run(chromedp.ActionFunc(func(ctx context.Context) error {
		return emulation.SetEmulatedMedia().WithMedia("screen").Do(ctx)
	}))
	tb.q(`getComputedStyle($root().querySelector("[data-print]")).display`, &st.Display)
	if st.Display != "none" {
		t.Errorf("on screen the printed filter line shows (display:%s)", st.Display)
	}
}

// TestNoScript: with JavaScript off the matrix page is the plain table —
// every row there and shown, no dead controls (the search form, the answer
// panel and the export button stay hidden) — it can be searched with the
// browser's find, and it prints.
func TestNoScript(t *testing.T) {
	loc := "en"
	tb := newTab(t)
	tb.run(chromedp.ActionFunc(func(ctx context.Context) error {
		return emulation.SetScriptExecutionDisabled(true).Do(ctx)
	}))
	tb.open(origin + "/" + loc + "/")
	var st struct {
		Rows, Shown                      int
		Form, Answer, Export, PrintShown bool
		Found                            bool
	}
	name := model.Rows[len(model.Rows)/2].Versions[loc][0]
	tb.eval(`(() => { const shown = (el) => !!el && getComputedStyle(el).display !== "none" && !el.closest("[hidden]");
	  const rows = Array.from(document.querySelectorAll("table.matrix > tbody > tr"));
	  return {Rows: rows.length, Shown: rows.filter((r) => shown(r)).length,
	    Form: shown(document.querySelector("form.filters")), Answer: shown(document.querySelector("[data-answer]")),
	    Export: shown(document.querySelector("[data-export]")), PrintShown: shown(document.querySelector("[data-print]")),
	    Found: window.find(`+js(name)+`)}; })()`, &st)
	if st.Rows != len(model.Rows) || st.Shown != len(model.Rows) {
		t.Errorf("without JavaScript %d of %d rows are shown (%d in the table)", st.Shown, len(model.Rows), st.Rows)
	}
	if st.Form || st.Answer || st.Export || st.PrintShown {
		t.Errorf("without JavaScript controls show: form %v, answer %v, export %v, print line %v", st.Form, st.Answer, st.Export, st.PrintShown)
	}
	if !st.Found {
		t.Errorf("find-in-page does not find %q", name)
	}
	tb.run(chromedp.ActionFunc(func(ctx context.Context) error {
		return emulation.SetEmulatedMedia().WithMedia("print").Do(ctx)
	}))
	var printed int
	tb.eval(`Array.from(document.querySelectorAll("table.matrix > tbody > tr")).filter((r) => getComputedStyle(r).display !== "none" && getComputedStyle(r.parentElement).display !== "none").length`, &printed)
	if printed != len(model.Rows) {
		t.Errorf("printed without JavaScript: %d of %d rows", printed, len(model.Rows))
	}

	// With JavaScript, find-in-page finds the rows the filters leave.
	js2 := newTab(t)
	js2.openMatrix(loc, "")
	js2.do(`$setQ(` + js(name) + `)`)
	var found bool
	js2.eval(`window.find(`+js(name)+`)`, &found)
	if !found {
		t.Errorf("with a search, find-in-page does not find %q", name)
	}
}
