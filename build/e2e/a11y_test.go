package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeSource reads axe-core, installed by .ci/test from the npm registry.
func axeSource(t *testing.T) string {
	t.Helper()
	p := filepath.Join(repoRoot, ".cache", "npm", "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("axe-core is missing (%v): run the README's test command, bash .ci/test, which installs it", err)
	}
	return string(b)
}

type axeViolation struct {
	ID     string
	Impact string
	Help   string
	Nodes  []struct {
		Target  []any
		Summary string `json:"failureSummary"`
	}
}

// axe runs axe-core over the document (its default rules: WCAG 2.x A and AA
// plus best practices). The caller injects axe.min.js first with eval:
// DevTools evaluation is not subject to the page's CSP.
func (tb *tab) axe() []axeViolation {
	tb.t.Helper()
	var res []axeViolation
	tb.eval(`axe.run(document, {resultTypes: ["violations"]}).then((r) => r.violations.map((v) => ({
	  id: v.id, impact: v.impact, help: v.help,
	  nodes: v.nodes.slice(0, 5).map((n) => ({target: n.target, failureSummary: n.failureSummary}))})))`, &res)
	return res
}

// TestAxe: zero axe-core violations on the matrix page, a workload page, the
// 404 page and the offline file (matrix and a workload view), in both
// languages, light and dark. Each page loads once; the colour scheme is
// switched in place and axe runs again.
func TestAxe(t *testing.T) {
	src := axeSource(t)
	wl := model.Workloads[0].ID
	type target struct{ name, url string }
	var targets []target
	for _, loc := range model.Locales {
		targets = append(targets,
			target{loc + "-matrix", origin + "/" + loc + "/"},
			target{loc + "-workload", origin + "/" + loc + "/workloads/" + wl + "/"},
			target{loc + "-offline", offlineURL() + "#l=" + loc},
			target{loc + "-offline-workload", offlineURL() + "#l=" + loc + "&p=" + wl},
		)
	}
	// The 404 page is one page in both languages.
	targets = append(targets, target{"404", origin + "/no-such-page"})
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			tb := newTab(t)
			tb.allowFile = strings.HasPrefix(tg.url, "file:")
			if tg.name == "404" {
				tb.openMiss(tg.url)
			} else {
				tb.open(tg.url)
			}
			tb.eval(src+";true", nil)
			for _, scheme := range []string{"light", "dark"} {
				tb.run(colorScheme(scheme))
				for _, v := range tb.axe() {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, fmt.Sprint(n.Target)+": "+strings.ReplaceAll(n.Summary, "\n", " "))
					}
					t.Errorf("%s: axe %s (%s): %s\n\t%s", scheme, v.ID, v.Impact, v.Help, strings.Join(where, "\n\t"))
				}
			}
		})
	}
}

// focused describes document.activeElement for the keyboard test.
type focused struct {
	Tag, Type, Name, Role, Text string
	InTable, Toggle, Search     bool
	Outline, Shadow             string
}

const focusedJS = `(() => {
  const e = document.activeElement; const cs = getComputedStyle(e);
  return {Tag: e.tagName.toLowerCase(), Type: e.type || "", Name: e.getAttribute("name") || "",
    Role: e.getAttribute("role") || "", Text: (e.textContent || "").trim().slice(0, 40),
    InTable: !!e.closest("tbody"), Toggle: e.matches("[data-lang-toggle]"),
    Search: e.matches("input[type=search]"),
    Outline: cs.outlineStyle === "none" ? "none" : cs.outlineWidth + " " + cs.outlineStyle,
    Shadow: cs.boxShadow};
})()`

// TestKeyboard: Tab alone reaches the toggle, the search, every filter and
// the rows, in that reading order, each with a visible focus ring; the
// result count is in an aria-live region.
func TestKeyboard(t *testing.T) {
	tb := newTab(t)
	tb.openMatrix(model.DefaultLocale, "")
	var facets []string
	tb.q(`Array.from($root().querySelectorAll("select[name]")).map((s) => s.name)`, &facets)

	var live string
	tb.q(`(() => { const c = $root().querySelector("[data-count]"); const l = c.closest("[aria-live]");
	  return l ? l.getAttribute("aria-live") : ""; })()`, &live)
	if live != "polite" && live != "assertive" {
		t.Errorf("the result count is not in an aria-live region (aria-live=%q)", live)
	}

	// Walk the tab order from the top of the page.
	tb.eval(`document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); true`, nil)
	var order []string
	seenFacet := map[string]int{}
	toggleAt, searchAt, rowAt := -1, -1, -1
	for i := 0; i < 60 && rowAt < 0; i++ {
		tb.run(chromedp.KeyEvent(kb.Tab))
		var f focused
		tb.eval(focusedJS, &f)
		desc := f.Tag
		if f.Name != "" {
			desc += "[name=" + f.Name + "]"
		} else if f.Text != "" {
			desc += "(" + f.Text + ")"
		}
		order = append(order, desc)
		if f.Tag == "body" {
			continue
		}
		if f.Outline == "none" && (f.Shadow == "" || f.Shadow == "none") {
			t.Errorf("tab stop %d %s has no visible focus ring", i+1, desc)
		}
		switch {
		case f.Toggle && toggleAt < 0:
			toggleAt = i
		case f.Search && searchAt < 0:
			searchAt = i
		case f.Tag == "select" && f.Name != "":
			if _, ok := seenFacet[f.Name]; !ok {
				seenFacet[f.Name] = i
			}
		case f.InTable:
			rowAt = i
		}
	}
	t.Logf("tab order: %s", strings.Join(order, " → "))
	if toggleAt < 0 || searchAt < 0 || rowAt < 0 {
		t.Fatalf("Tab did not reach toggle (%d), search (%d) and a row (%d)", toggleAt, searchAt, rowAt)
	}
	for _, name := range facets {
		at, ok := seenFacet[name]
		switch {
		case !ok:
			t.Errorf("Tab never reaches the %s filter", name)
		case at < searchAt || at > rowAt:
			t.Errorf("the %s filter (stop %d) is not between the search (%d) and the rows (%d)", name, at, searchAt, rowAt)
		}
	}
	if toggleAt > searchAt {
		t.Errorf("the language toggle (stop %d) comes after the search (%d); it belongs to the header", toggleAt, searchAt)
	}

	// Typing in the focused search box filters, and the count says so.
	tb.q(`$search().focus()`, nil)
	tb.run(chromedp.KeyEvent("2014"))
	var count string
	tb.q("$count()", &count)
	if n := len(tb.visible()); n == 0 || n == len(model.Rows) || !strings.Contains(count, fmt.Sprint(n)) {
		t.Errorf("typing 2014 with the keyboard: %d rows, count %q", n, count)
	}
}
