package main

// benchJS is evaluated in a loaded matrix page. It defines window.__bench,
// whose methods measure one update each and resolve to its timings (ms, from
// performance.now()):
//
//   - handler: dispatchEvent returns — the page's synchronous work (filter
//     every row, set the count, highlight the first batch, the history entry);
//   - layout: handler plus the style and layout the change causes, forced by
//     reading offsetHeight right after the dispatch;
//   - paint: layout plus the rest of the frame that shows it — the time from
//     the next requestAnimationFrame callback to a task queued from it, which
//     runs after the frame's paint. The wait for the frame's vsync is idle
//     time and is left out;
//   - settled: wall time until the page has no animation frame of its own
//     pending (the highlight of rows beyond the first batch is spread over
//     frames); it includes the vsync waits.
//
// Before each sample it waits until the page is settled, so samples do not
// overlap. It wraps window.requestAnimationFrame to count the page's pending
// callbacks (the page looks the function up at each call).
const benchJS = `(() => {
  if (window.__bench) return true;
  const raf = window.requestAnimationFrame.bind(window);
  let pending = 0;
  window.requestAnimationFrame = (cb) => { pending++; return raf((t) => { pending--; cb(t); }); };
  const frame = () => new Promise((res) => raf(res));
  const settled = async () => { do { await frame(); } while (pending > 0); return performance.now(); };
  const root = Array.from(document.querySelectorAll("[data-matrix]")).find((m) => !m.closest("[hidden]"));
  const input = root.querySelector("input[type=search]");
  const count = root.querySelector("[data-count]");
  // A row is shown when neither it nor its chunk (tbody) is hidden: the page
  // leaves the rows of a wholly hidden chunk as they were (see assets/matrix.ts).
  const shown = () => root.querySelectorAll("tbody:not([hidden]) > tr:not([hidden])").length;
  async function sample(apply) {
    await settled(); await frame();
    const before = count.textContent;
    const t0 = performance.now();
    apply();
    const t1 = performance.now();
    void document.body.offsetHeight;
    const t2 = performance.now();
    await frame();
    const tR = performance.now();
    const tS = await new Promise((res) => setTimeout(() => res(performance.now()), 0));
    const tH = await settled();
    return {handler: t1 - t0, layout: t2 - t0, paint: (t2 - t0) + (tS - tR), settled: tH - t0,
      count: count.textContent.trim(), changed: count.textContent !== before, shown: shown()};
  }
  window.__bench = {
    type: (value) => sample(() => { input.value = value; input.dispatchEvent(new Event("input", {bubbles: true})); }),
    facet: (name, value) => sample(() => {
      const s = root.querySelector("select[name='" + name + "']");
      s.value = value; s.dispatchEvent(new Event("change", {bubbles: true}));
    }),
    options: (name) => Array.from(root.querySelector("select[name='" + name + "']").options).map((o) => o.value).filter((v) => v),
    rows: () => root.querySelectorAll("tbody > tr").length,
    ready: () => root.hasAttribute("data-ready") && count.textContent.trim() !== "",
  };
  return true;
})()`

// loadJS reads the first-render figures of the page just loaded (ms from
// the navigation's start): the navigation timing entry and the paint
// entries. The page's script is deferred, so it has run — rows indexed,
// filters applied, the form shown — when DOMContentLoaded fires: that event's
// end is when the table is interactive.
const loadJS = `(() => {
  const n = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return {responseEnd: n.responseEnd, domInteractive: n.domInteractive,
    dclEnd: n.domContentLoadedEventEnd, loadEnd: n.loadEventEnd,
    fcp: fcp ? fcp.startTime : -1, bytes: n.transferSize || n.encodedBodySize};
})()`

// sampleResult is one update as benchJS reports it.
type sampleResult struct {
	Handler, Layout, Paint, Settled float64
	Count                           string
	Changed                         bool
	Shown                           int
}

// loadResult is one first render as loadJS reports it.
type loadResult struct {
	ResponseEnd, DomInteractive, DclEnd, LoadEnd, FCP float64
	Bytes                                             float64
}
