// Entry point of the site's one script (an IIFE, loaded with defer). Every
// page runs it; each part starts only where its markup is present.

import "./main.css";
import { initOffline } from "./offline";
import { initPicker, initToggles } from "./lang";
import { isShown, MatrixApp, scrollToTarget } from "./matrix";
import { format, isState, parse, setHash } from "./state";

function start(): void {
  const body = document.body;
  if (body.dataset.offline !== undefined) {
    initOffline(body);
    return;
  }
  const picker = document.querySelector<HTMLElement>("[data-picker]");
  if (picker) {
    initPicker(picker);
    return;
  }
  const updateToggles = initToggles();
  const root = document.querySelector<HTMLElement>("[data-matrix]");
  if (root) {
    const app = new MatrixApp(root);
    // The URL follows the controls at the start of the frame after the one
    // that shows the rows (with the facet counts, matrix.ts afterPaint), not
    // inside the keystroke: on the 10,000-row page Chromium spends ~10 ms on
    // every same-document URL change (it walks the document), most of a
    // frame. Changes in between share one write, which pushes a history
    // entry when any of them asked for one. A click (a permalink, the
    // language toggle) or leaving the page writes it at once, so history and
    // the link carry the state; a navigation in between (back, a fragment)
    // drops it, as the controls then follow the URL.
    let push = false;
    let queued = false;
    let from = "";
    const write = () => {
      if (!queued) return;
      queued = false;
      const p = push;
      push = false;
      if (location.href !== from) return;
      setHash(format(app.state(), app.facetKeys), p);
      updateToggles();
    };
    app.onChange = (p) => {
      push = push || p;
      if (queued) return;
      queued = true;
      from = location.href;
      requestAnimationFrame(() => requestAnimationFrame(write));
    };
    document.addEventListener("click", write, true);
    window.addEventListener("pagehide", write);
    const route = () => {
      if (isState(location.hash)) {
        app.set(parse(location.hash));
        updateToggles();
        return;
      }
      // A plain anchor (a row's permalink, "#" or from a workload page):
      // the filters stay when the row is shown (the reader clicked it in
      // the filtered table); otherwise every row shows so the target is there.
      const id = decodeURIComponent(location.hash.slice(1));
      const el = id ? document.getElementById(id) : null;
      const tr = el && app.root.contains(el) ? el.closest("tr") : null;
      if (!tr || !isShown(tr)) app.set({ q: "", f: {}, l: "", p: "" });
      if (el) scrollToTarget(el);
      updateToggles();
    };
    window.addEventListener("hashchange", route);
    window.addEventListener("popstate", route);
    route();
  } else {
    window.addEventListener("hashchange", updateToggles);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
