// The offline file: every locale in one page. The server renders each
// locale's shell (prose, search form, empty table); the table rows and the
// workload views are built from the page's JSON data (see offlineview.ts)
// when first shown, so opening the file builds one locale's table only.
// The fragment says what shows: l (locale), p (workload id; empty for the
// matrix), plus the filter state. A plain anchor (#nl-<row id>) shows the
// view that holds the element and scrolls to it.

import { isShown, MatrixApp, scrollToTarget } from "./matrix";
import { pick, remember } from "./lang";
import { OfflineData, Views } from "./offlineview";
import { format, isState, parse, setHash, State } from "./state";

export function initOffline(body: HTMLElement): void {
  const src = document.getElementById("offline-data");
  const data = JSON.parse((src && src.textContent) || "{}") as OfflineData;
  const locales = Array.from(body.querySelectorAll<HTMLElement>("[data-locale]"));
  const ids = locales.map((d) => d.dataset.locale || "");
  const apps = new Map<string, MatrixApp>();
  let cur: State = { q: "", f: {}, l: pick(ids, body.dataset.default || ids[0]), p: "" };

  const box = (loc: string) => locales[ids.indexOf(loc)];

  /** app builds loc's table and its MatrixApp the first time it is needed. */
  const app = (loc: string): MatrixApp | undefined => {
    let a = apps.get(loc);
    if (a) return a;
    const d = box(loc);
    const root = d && d.querySelector<HTMLElement>("[data-matrix]");
    if (!root || !data.loc || !data.loc[loc]) return undefined;
    root.querySelector("tbody")!.replaceWith(...new Views(data, loc).rows());
    const l = data.loc[loc];
    a = new MatrixApp(root, { ...data, count: l.ui["filter.count"], ui: l.ui, search: l.search, answer: l.answer });
    a.onChange = (push) => {
      cur = { ...a!.state(), l: loc, p: "" };
      setHash(format(cur, a!.facetKeys), push);
    };
    apps.set(loc, a);
    return a;
  };

  /** view returns loc's view of workload id, built the first time; null if there is none. */
  const view = (loc: string, id: string): HTMLElement | null => {
    const d = box(loc);
    if (!d || !id) return null;
    const have = Array.from(d.querySelectorAll<HTMLElement>("[data-view]")).find((v) => v.dataset.view === id);
    if (have) return have;
    const w = data.w ? data.w.indexOf(id) : -1;
    if (w < 0 || !data.loc[loc]) return null;
    app(loc); // the view links to rows of the table
    const related = Array.from(d.querySelectorAll<HTMLElement>("[data-view=''] section[data-rel]"));
    const v = new Views(data, loc).workload(w, related);
    v.hidden = true;
    d.querySelector("main")!.append(v);
    return v;
  };

  /** find returns the element of a plain anchor, building what holds it. */
  const find = (id: string): HTMLElement | null => {
    const found = document.getElementById(id);
    if (found) return found;
    for (const loc of ids) {
      if (!id.startsWith(loc + "-")) continue;
      const rest = id.slice(loc.length + 1);
      const row = data.ids ? data.ids.indexOf(rest.replace(/^wl-/, "")) : -1;
      if (rest.startsWith("wl-") && row >= 0) view(loc, data.w[data.rows[row][0]]);
      else app(loc);
    }
    return document.getElementById(id);
  };

  const show = (loc: string, id: string) => {
    app(loc);
    view(loc, id);
    locales.forEach((d) => {
      const on = d.dataset.locale === loc;
      d.hidden = !on;
      // A document has one visible <main>: the shown locale's.
      const main = d.querySelector("main");
      if (main) main.hidden = !on;
      if (!on) return;
      document.documentElement.lang = loc;
      document.title = d.dataset.title || document.title;
      let found = false;
      d.querySelectorAll<HTMLElement>("[data-view]").forEach((v) => {
        const vis = v.dataset.view === id;
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
      const el = find(decodeURIComponent(h.slice(1)));
      const d = el && el.closest<HTMLElement>("[data-locale]");
      const v = el && el.closest<HTMLElement>("[data-view]");
      if (el && d) {
        const loc = d.dataset.locale || cur.l;
        const view = (v && v.dataset.view) || "";
        const tr = el.closest("tr");
        // A row of the table shown with the filters keeps them ("#"
        // clicked in a filtered table); any other target shows everything.
        const keep = view === cur.p && loc === cur.l && tr !== null && isShown(tr) && !d.hidden;
        cur = keep ? { ...cur, l: loc, p: view } : { q: "", f: {}, l: loc, p: view };
        show(cur.l, cur.p);
        if (!keep) app(cur.l)?.set(cur);
        scrollToTarget(el);
        return;
      }
    }
    const s = parse(h);
    cur = { ...s, l: ids.indexOf(s.l) >= 0 ? s.l : cur.l };
    show(cur.l, cur.p);
    app(cur.l)?.set(cur);
  };

  // The language buttons, and the machine-translation notice's link to the
  // original: both switch language and keep the view and the filter state.
  body.querySelectorAll<HTMLElement>("[data-set-lang]").forEach((b) => {
    b.addEventListener("click", (e) => {
      e.preventDefault();
      const loc = b.dataset.setLang || cur.l;
      remember(loc);
      const a = apps.get(cur.l);
      cur = { ...cur, l: loc };
      setHash(format(cur, a ? a.facetKeys : []), true);
      route();
    });
  });
  window.addEventListener("hashchange", route);
  window.addEventListener("popstate", route);
  route();
}
