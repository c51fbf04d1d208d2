// Entry point of the site's one script (an IIFE, loaded with defer). Every
// page runs it; each part starts only where its markup is present.

import "./main.css";
import { initOffline } from "./offline";
import { initPicker, initToggles } from "./lang";
import { MatrixApp } from "./matrix";
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
      // A plain anchor (a row's permalink) shows every row so the target is there.
      app.set(isState(location.hash) ? parse(location.hash) : { q: "", f: {}, l: "", p: "" });
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
