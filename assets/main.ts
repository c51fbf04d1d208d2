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
    app.onChange = (push) => {
      setHash(format(app.state(), app.facetKeys), push);
      updateToggles();
    };
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
