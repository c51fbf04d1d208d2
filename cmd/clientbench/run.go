package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// query is what the keystroke samples type, a character at a time, and then
// delete again: realistic prefixes, from "s" (most rows) to one row. Its
// words of four letters and more ("vmwa", "vmware") are matched with typo
// tolerance too. typoQuery is a second series whose last word has a typo
// (found only through it), so the typo path is measured on its own.
const (
	query     = "sql 2014 vmware"
	typoQuery = "exchange 2013 mailbxo"
)

// eval evaluates a JavaScript expression in the tab, awaiting a promise, into out.
func eval(ctx context.Context, expr string, out any) error {
	var raw json.RawMessage
	err := chromedp.Run(ctx, chromedp.Evaluate(expr, &raw, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
	if err != nil {
		return fmt.Errorf("evaluating %.60s…: %w", expr, err)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(raw, out)
}

// waitFor polls a JavaScript condition until it holds (60 s at most: a
// 10,000-row page takes a while in a slow browser).
func waitFor(ctx context.Context, cond string) error {
	deadline := time.Now().Add(60 * time.Second)
	for {
		var ok bool
		if err := eval(ctx, "!!("+cond+")", &ok); err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("timed out waiting for %s", cond)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// ready is true once the matrix script has started and the load event ended.
const ready = `(() => { const m = Array.from(document.querySelectorAll("[data-matrix]")).find((m) => !m.closest("[hidden]"));
  const f = m && m.querySelector("form"); const n = performance.getEntriesByType("navigation")[0];
  return f && !f.hidden && m.querySelector("[data-count]").textContent.trim() !== "" && n && n.loadEventEnd > 0; })()`

// open navigates a new tab of the browser ctx to url and waits until the
// page is ready; the caller cancels the tab.
func open(ctx context.Context, url string) (context.Context, context.CancelFunc, error) {
	tctx, cancel := chromedp.NewContext(ctx)
	if err := chromedp.Run(tctx, chromedp.Navigate(url)); err != nil {
		cancel()
		return nil, nil, err
	}
	if err := waitFor(tctx, ready); err != nil {
		cancel()
		return nil, nil, err
	}
	return tctx, cancel, nil
}

// measureLoads loads url n times, each in a fresh tab, and reads the first
// render's timings.
func measureLoads(ctx context.Context, url string, n int) ([]loadResult, error) {
	var out []loadResult
	for range n {
		tctx, cancel, err := open(ctx, url)
		if err != nil {
			return nil, err
		}
		var r loadResult
		err = eval(tctx, loadJS, &r)
		cancel()
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// keystrokes lists n successive values of the search box: q typed and
// deleted a character at a time, as often as needed.
func keystrokes(q string, n int) []string {
	var seq []string
	for i := 1; i <= len(q); i++ {
		seq = append(seq, q[:i])
	}
	for i := len(q) - 1; i >= 0; i-- {
		seq = append(seq, q[:i])
	}
	out := make([]string, n)
	for i := range out {
		out[i] = seq[i%len(seq)]
	}
	return out
}

// measureUpdates opens url once and takes runs keystroke samples of each
// query, then runs facet samples (a workload, then all, in turn). It
// returns the samples and the number of table rows.
func measureUpdates(ctx context.Context, url string, runs int) (keys, typos, facets []sampleResult, rows int, err error) {
	tctx, cancel, err := open(ctx, url)
	if err != nil {
		return nil, nil, nil, 0, err
	}
	defer cancel()
	if err := eval(tctx, benchJS, nil); err != nil {
		return nil, nil, nil, 0, err
	}
	if err := eval(tctx, "__bench.rows()", &rows); err != nil {
		return nil, nil, nil, 0, err
	}
	for _, q := range []string{query, typoQuery} {
		changes := 0
		var ss []sampleResult
		for _, v := range keystrokes(q, runs) {
			var s sampleResult
			if err := eval(tctx, "__bench.type("+jsString(v)+")", &s); err != nil {
				return nil, nil, nil, 0, err
			}
			if s.Changed {
				changes++
			}
			ss = append(ss, s)
		}
		if changes == 0 {
			return nil, nil, nil, 0, fmt.Errorf("no keystroke of %q changed the shown rows: the search measures nothing", q)
		}
		if q == query {
			keys = ss
		} else {
			typos = ss
		}
	}
	var reset sampleResult
	if err := eval(tctx, `__bench.type("")`, &reset); err != nil {
		return nil, nil, nil, 0, err
	}
	var opts []string
	if err := eval(tctx, `__bench.options("w")`, &opts); err != nil {
		return nil, nil, nil, 0, err
	}
	if len(opts) == 0 {
		return nil, nil, nil, 0, errors.New("the page has no workload facet")
	}
	for i := range runs {
		v := ""
		if i%2 == 0 {
			v = opts[(i/2)%len(opts)]
		}
		var s sampleResult
		if err := eval(tctx, `__bench.facet("w", `+jsString(v)+`)`, &s); err != nil {
			return nil, nil, nil, 0, err
		}
		if !s.Changed {
			return nil, nil, nil, 0, fmt.Errorf("w=%q did not change the count (%q)", v, s.Count)
		}
		facets = append(facets, s)
	}
	return keys, typos, facets, rows, nil
}

// page is one page measured and its samples.
type page struct {
	name, url           string
	loads               []loadResult
	keys, typos, facets []sampleResult
	rows                int
}

// measure takes every page's samples, the pages in turn so that machine
// load falls on them alike: each of c.loads loads, then each of c.rounds
// rounds of update samples (c.runs of each kind per round, in one tab), is
// taken of every page back to back, the order rotating by one each time.
func measure(ctx context.Context, c config, pages []page) error {
	n := len(pages)
	for i := range c.loads {
		for j := range n {
			p := &pages[(i+j)%n]
			ls, err := measureLoads(ctx, p.url, 1)
			if err != nil {
				return fmt.Errorf("%s: %w", p.name, err)
			}
			p.loads = append(p.loads, ls...)
		}
	}
	for r := range c.rounds {
		for j := range n {
			p := &pages[(r+j)%n]
			if p.name == "floor" && c.fRounds > 0 && r >= c.fRounds {
				continue
			}
			keys, typos, facets, rows, err := measureUpdates(ctx, p.url, c.runs)
			if err != nil {
				return fmt.Errorf("%s: %w", p.name, err)
			}
			p.keys, p.typos, p.facets, p.rows = append(p.keys, keys...), append(p.typos, typos...), append(p.facets, facets...), rows
		}
	}
	return nil
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// stats is median, min, p90 and max of xs.
func stats(xs []float64) (med, lo, p90, hi float64) {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	med = s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return med, s[0], s[min(n-1, (n*9+9)/10-1)], s[n-1]
}

func row(w io.Writer, name string, xs []float64) float64 {
	med, lo, p90, hi := stats(xs)
	fmt.Fprintf(w, "  %-34s %8.2f %8.2f %8.2f %8.2f\n", name, med, lo, p90, hi)
	return med
}

func pick[T any](xs []T, f func(T) float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// summary is a page's four headline figures (medians, ms): the updates to
// the visible update (paint), first render to DOMContentLoaded's end.
type summary struct{ key, typo, facet, first float64 }

func summarize(p page) summary {
	med := func(xs []float64) float64 { m, _, _, _ := stats(xs); return m }
	paint := func(s sampleResult) float64 { return s.Paint }
	return summary{
		key:   med(pick(p.keys, paint)),
		typo:  med(pick(p.typos, paint)),
		facet: med(pick(p.facets, paint)),
		first: med(pick(p.loads, func(l loadResult) float64 { return l.DclEnd })),
	}
}

// report prints every page's figures, then the summary: ours, the floor
// and ours ÷ floor (and the site given by --before beside them).
func report(w io.Writer, c config, pages []page, loadBefore, loadAfter string) {
	for _, p := range pages {
		details(w, c, p)
		fmt.Fprintln(w)
	}
	sums := make([]summary, len(pages))
	for i, p := range pages {
		sums[i] = summarize(p)
	}
	ours, floor := sums[0], sums[1]
	fmt.Fprintf(w, "summary: medians (ms), updates to the visible update, first render to DOMContentLoaded end; load average %s at the start, %s at the end\n", loadBefore, loadAfter)
	fmt.Fprintf(w, "  %-22s %9s %9s %12s", "", "ours", "floor", "ours÷floor")
	for _, p := range pages[2:] {
		fmt.Fprintf(w, " | %9s %12s %12s", p.name, "÷floor", "ours÷it")
	}
	fmt.Fprintln(w)
	line := func(name string, f func(summary) float64) {
		fmt.Fprintf(w, "  %-22s %9.1f %9.1f %12.2f", name, f(ours), f(floor), f(ours)/f(floor))
		for _, s := range sums[2:] {
			fmt.Fprintf(w, " | %9.1f %12.2f %12.2f", f(s), f(s)/f(floor), f(ours)/f(s))
		}
		fmt.Fprintln(w)
	}
	line("search keystroke", func(s summary) float64 { return s.key })
	line("keystroke with a typo", func(s summary) float64 { return s.typo })
	line("facet change", func(s summary) float64 { return s.facet })
	line("first render", func(s summary) float64 { return s.first })

	verdict := func(v, goal float64) string {
		if v < goal {
			return "within"
		}
		return "OVER"
	}
	fmt.Fprintf(w, "\ngoals (issues 4, 10, 11): keystroke %.1f ms, with a typo %.1f ms, facet %.1f ms vs 16 ms: %s, %s, %s; first render %.0f ms vs 1000 ms: %s; ours÷floor ≤ 1.0: %s, %s, %s, %s\n",
		ours.key, ours.typo, ours.facet, verdict(ours.key, 16), verdict(ours.typo, 16), verdict(ours.facet, 16), ours.first, verdict(ours.first, 1000),
		verdict(ours.key/floor.key, 1.0000001), verdict(ours.typo/floor.typo, 1.0000001), verdict(ours.facet/floor.facet, 1.0000001), verdict(ours.first/floor.first, 1.0000001))
}

// details prints one page's figures: per measure the median, min, p90 and max.
func details(w io.Writer, c config, p page) {
	fmt.Fprintf(w, "clientbench: %s (%s) with %d table rows, headless Chromium (build/e2e/browser flags)\n", p.name, p.url, p.rows)
	header := fmt.Sprintf("  %-34s %8s %8s %8s %8s\n", "", "median", "min", "p90", "max")
	updates := func(title string, ss []sampleResult) {
		shown := pick(ss, func(s sampleResult) float64 { return float64(s.Shown) })
		_, lo, _, hi := stats(shown)
		fmt.Fprintf(w, "\n%s, %d samples, %.0f–%.0f rows shown (ms)\n%s", title, len(ss), lo, hi, header)
		row(w, "handler (dispatchEvent returns)", pick(ss, func(s sampleResult) float64 { return s.Handler }))
		row(w, "+ style and layout", pick(ss, func(s sampleResult) float64 { return s.Layout }))
		row(w, "+ paint (update visible)", pick(ss, func(s sampleResult) float64 { return s.Paint }))
		row(w, "settled (all highlights, wall)", pick(ss, func(s sampleResult) float64 { return s.Settled }))
	}
	updates(fmt.Sprintf("search keystroke (typing and deleting %q)", query), p.keys)
	updates(fmt.Sprintf("search keystroke with a typo (typing and deleting %q)", typoQuery), p.typos)
	updates("facet change (workload, then all)", p.facets)

	loads := p.loads
	fmt.Fprintf(w, "\nfirst render, %d loads in fresh tabs (ms from navigation start; first load cold)\n%s", len(loads), header)
	row(w, "response end (HTML received)", pick(loads, func(l loadResult) float64 { return l.ResponseEnd }))
	row(w, "first contentful paint", pick(loads, func(l loadResult) float64 { return l.FCP }))
	row(w, "DOM interactive (HTML parsed)", pick(loads, func(l loadResult) float64 { return l.DomInteractive }))
	row(w, "DOMContentLoaded end (interactive)", pick(loads, func(l loadResult) float64 { return l.DclEnd }))
	row(w, "load event end", pick(loads, func(l loadResult) float64 { return l.LoadEnd }))
	var each []string
	for _, l := range loads {
		each = append(each, fmt.Sprintf("%.0f", l.DclEnd))
	}
	fmt.Fprintf(w, "  interactive per load: %s ms; transfer %.0f KB\n", strings.Join(each, ", "), loads[0].Bytes/1024)
}
