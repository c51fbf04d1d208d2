// The offline single file: every locale and every workload view in one page.
// The fragment says which: l (locale), p (workload id; empty for the matrix),
// plus the filter state. A plain anchor (#nl-<row id>) shows the view that
// holds the element and scrolls to it.

import { MatrixApp } from "./matrix";
import { pick, remember } from "./lang";
import { format, isState, parse, setHash, State } from "./state";

export function initOffline(body: HTMLElement): void {
  const locales = Array.from(body.querySelectorAll<HTMLElement>("[data-locale]"));
  const ids = locales.map((d) => d.dataset.locale || "");
  const apps = new Map<string, MatrixApp>();
  locales.forEach((d) => {
    const root = d.querySelector<HTMLElement>("[data-matrix]");
    if (root) apps.set(d.dataset.locale || "", new MatrixApp(root));
  });
  let cur: State = { q: "", f: {}, l: pick(ids, body.dataset.default || ids[0]), p: "" };

  const show = (loc: string, view: string) => {
    locales.forEach((d) => {
      const on = d.dataset.locale === loc;
      d.hidden = !on;
      if (!on) return;
      document.documentElement.lang = loc;
      document.title = d.dataset.title || document.title;
      let found = false;
      d.querySelectorAll<HTMLElement>("[data-view]").forEach((v) => {
        const vis = v.dataset.view === view;
        found = found || vis;
        v.hidden = !vis;
      });
      if (!found) d.querySelector<HTMLElement>("[data-view='']")!.hidden = false;
    });
    body.querySelectorAll<HTMLButtonElement>("button[data-set-lang]").forEach((b) => {
      b.setAttribute("aria-pressed", String(b.dataset.setLang === loc));
    });
  };

  const route = () => {
    const h = location.hash;
    if (h.length > 1 && !isState(h)) {
      const el = document.getElementById(decodeURIComponent(h.slice(1)));
      const d = el && el.closest<HTMLElement>("[data-locale]");
      const v = el && el.closest<HTMLElement>("[data-view]");
      if (el && d) {
        cur = { q: "", f: {}, l: d.dataset.locale || cur.l, p: (v && v.dataset.view) || "" };
        show(cur.l, cur.p);
        apps.get(cur.l)?.set(cur);
        el.scrollIntoView();
        return;
      }
    }
    const s = parse(h);
    cur = { ...s, l: ids.indexOf(s.l) >= 0 ? s.l : cur.l };
    show(cur.l, cur.p);
    apps.get(cur.l)?.set(cur);
  };

  apps.forEach((app, loc) => {
    app.onChange = (push) => {
      cur = { ...app.state(), l: loc, p: "" };
      setHash(format(cur, app.facetKeys), push);
    };
  });
  body.querySelectorAll<HTMLButtonElement>("button[data-set-lang]").forEach((b) => {
    b.hidden = false;
    b.addEventListener("click", () => {
      const loc = b.dataset.setLang || cur.l;
      remember(loc);
      const app = apps.get(cur.l);
      cur = { ...cur, l: loc };
      setHash(format(cur, app ? app.facetKeys : []), true);
      route();
    });
  });
  window.addEventListener("hashchange", route);
  window.addEventListener("popstate", route);
  route();
}
