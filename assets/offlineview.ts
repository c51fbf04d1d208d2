// The offline file's rows and workload views, built from its JSON data with
// DOM APIs only (createElement, textContent, setAttribute): data is never
// parsed as HTML. The markup mirrors what build/render/rowhtml.go writes for
// the hosted pages, with ids prefixed by the locale and links as fragments.

import type { AnswerData } from "./answer";
import { FacetData } from "./matrix";
import type { SearchData } from "./search";

/** A span: a text index, or [text index, href index] (hrefs made safe by the build). */
type Span = number | [number, number];
type Rich = Span[];

/** LocaleData is one locale's texts, search index and answer data; see build/render/offline.go. */
interface LocaleData {
  ui: Record<string, string>;
  servers: string[];
  w: string[];
  t: string[];
  st: string[];
  c: string[];
  rows: Array<[number[], number[], Rich[], Rich[], Rich[], Rich[]]>;
  search: SearchData;
  answer: AnswerData;
}

/** OfflineData is the offline file's one JSON object. */
export interface OfflineData extends FacetData {
  icons: string[];
  ids: string[];
  wr: number[][];
  text: string[];
  loc: Record<string, LocaleData>;
}

type Child = Node | string;

function el(tag: string, attrs: Record<string, string> | null, ...kids: Child[]): HTMLElement {
  const e = document.createElement(tag);
  if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (kids.length) e.append(...kids);
  return e;
}

/** Rows per <tbody> chunk of the matrix table. */
export const chunkRows = 100;

const safe = /^(https?:|mailto:|[^:]*$)/i;

/** Views builds the rows and workload views of one locale. */
export class Views {
  private readonly l: LocaleData;
  private readonly p: string; // id prefix, "nl-"

  constructor(
    private readonly d: OfflineData,
    readonly loc: string,
  ) {
    this.l = d.loc[loc];
    this.p = loc + "-";
  }

  private text(i: number): string {
    return this.d.text[i] || "";
  }

  private rich(r: Rich): Child[] {
    return r.map((s) => {
      if (typeof s === "number") return this.text(s);
      const href = this.text(s[1]);
      return el("a", { href: safe.test(href.trim()) ? href : "#" }, this.text(s[0]));
    });
  }

  private fill(s: string, name: string): string {
    return s.split("{workload}").join(name);
  }

  private badge(status: number, server: string): HTMLElement {
    const st = this.d.st[status] || "unknown";
    return el(
      "span",
      { class: "badge s-" + st },
      el("span", { "aria-hidden": "true" }, this.d.icons[status] || "?"),
      " " + (server ? server + ": " : "") + (this.l.st[status] || st),
    );
  }

  private protection(i: number): HTMLElement {
    const r = this.l.rows[i];
    const ui = this.l.ui;
    const dl = el("dl", null);
    const parts: Array<[string, Rich[]]> = [
      [ui["row.protect"], r[3]],
      [ui["row.recover"], r[4]],
      [ui["row.notes"], r[5]],
    ];
    for (const [label, items] of parts) {
      if (!items.length) continue;
      dl.append(el("dt", null, label));
      for (const it of items) dl.append(el("dd", null, ...this.rich(it)));
    }
    return dl;
  }

  /** title is what a row is called: its versions, then its installations. */
  private title(i: number): string {
    const r = this.l.rows[i];
    // As build/render's joinVersions: no second comma after "VMM 2016,".
    let t = "";
    r[0].forEach((x, j) => {
      const v = this.text(x);
      if (j > 0) t += t.endsWith(",") ? " " : ", ";
      t += v;
    });
    if (r[1].length) t += " — " + r[1].map((x) => this.text(x)).join("; ");
    return t;
  }

  private workloadHref(w: number): string {
    return "#l=" + encodeURIComponent(this.loc) + "&p=" + encodeURIComponent(this.d.w[w]);
  }

  /**
   * rows returns the matrix table's rows, in data order, in <tbody> chunks
   * of chunkRows rows (as build/render writes them for the hosted pages:
   * the chunks let content-visibility skip whole groups of rows).
   */
  rows(): HTMLElement[] {
    const bodies: HTMLElement[] = [];
    let f = el("tbody", null);
    const ui = this.l.ui;
    const d = this.d;
    for (let i = 0; i < d.ids.length; i++) {
      const r = this.l.rows[i];
      const facet = d.rows[i];
      const id = this.p + d.ids[i];
      const vers = el("th", { scope: "row", "data-label": ui["col.version"] });
      r[0].forEach((v, j) => {
        if (j > 0) vers.append(el("br", null));
        vers.append(this.text(v));
      });
      vers.append(el("a", { class: "permalink", href: "#" + id, "aria-label": ui["row.permalink"] + ": " + this.title(i) }, "#"));
      const tr = el(
        "tr",
        { id },
        el("td", { "data-label": ui["col.workload"] }, el("a", { href: this.workloadHref(facet[0]) }, this.l.w[facet[0]] || "")),
        vers,
        el("td", { "data-label": ui["col.installation"] }, el("ul", null, ...r[1].map((x) => el("li", null, this.text(x))))),
      );
      facet[2].forEach((st, k) => {
        const td = el("td", { "data-label": this.l.servers[k] || "" }, this.badge(st, ""));
        const cond = r[2][k];
        if (cond && cond.length) td.append(el("span", { class: "cond" }, ...this.rich(cond)));
        tr.append(td);
      });
      tr.append(el("td", { "data-label": ui["col.protection"] }, this.protection(i)));
      if (f.childElementCount === chunkRows) {
        bodies.push(f);
        f = el("tbody", null);
      }
      f.append(tr);
    }
    bodies.push(f);
    return bodies;
  }

  /**
   * workload returns the view of workload w (an index into data.w): the grid
   * of versions × installations, the rows' details, the related prose
   * (copied from the matrix view's sections marked data-rel) and the way back.
   */
  workload(w: number, related: HTMLElement[]): HTMLElement {
    const d = this.d;
    const ui = this.l.ui;
    const wid = d.w[w];
    const name = this.l.w[w] || wid;
    const back = () =>
      el("p", null, el("a", { href: "#l=" + encodeURIComponent(this.loc) + "&w=" + encodeURIComponent(wid) }, this.fill(ui["workload.back"], name)));
    const rows = d.wr[w] || [];

    // The grid: versions in order of first use, targets in table order.
    const versions: string[] = [];
    const cells = new Map<string, Map<number, number[]>>();
    const used = new Set<number>();
    for (const i of rows) {
      const ts = d.rows[i][1];
      ts.forEach((t) => used.add(t));
      for (const v of this.l.rows[i][0]) {
        const ver = this.text(v);
        let byT = cells.get(ver);
        if (!byT) {
          byT = new Map();
          cells.set(ver, byT);
          versions.push(ver);
        }
        for (const t of ts) {
          const c = byT.get(t) || [];
          if (c[c.length - 1] !== i) c.push(i);
          byT.set(t, c);
        }
      }
    }
    const order = d.t.map((_, t) => t).filter((t) => used.has(t));
    const body = el("tbody", null);
    for (const ver of versions) {
      const tr = el("tr", null, el("th", { scope: "row" }, ver));
      for (const t of order) {
        const td = el("td", null);
        td.setAttribute("data-label", this.l.t[t] || d.t[t]);
        const items = cells.get(ver)!.get(t) || [];
        if (!items.length) td.append(el("span", { "aria-hidden": "true" }, "—"), el("span", { class: "vh" }, ui["workload.none"]));
        for (const i of items) {
          const ul = el("ul", null);
          d.rows[i][2].forEach((st, k) => ul.append(el("li", null, this.badge(st, d.servers[k]))));
          const item = el("div", null, el("a", { class: "cell-link", href: "#" + this.p + "wl-" + d.ids[i] }, ul));
          this.l.rows[i][2].forEach((cond, k) => {
            if (cond && cond.length) item.append(el("span", { class: "cond" }, d.servers[k] + ": ", ...this.rich(cond)));
          });
          const caps = d.rows[i][3];
          if (caps.length) {
            const names = caps.map((c) => inSentence(this.l.c[c] || d.c[c]));
            item.append(el("span", { class: "what" }, ui["workload.what"].split("{list}").join(names.join(", "))));
          }
          td.append(item);
        }
        tr.append(td);
      }
      body.append(tr);
    }
    const gridID = this.p + "grid-" + wid;
    const grid = el(
      "section",
      { "aria-labelledby": gridID },
      el("h2", { id: gridID }, ui["workload.grid"]),
      el(
        "table",
        { class: "grid" },
        el("caption", null, this.fill(ui["workload.gridcaption"], name)),
        el("thead", null, el("tr", null, el("th", { scope: "col" }, ui["col.version"]), ...order.map((t) => el("th", { scope: "col" }, this.l.t[t] || d.t[t])))),
        body,
      ),
    );

    const detailsID = this.p + "details-" + wid;
    const details = el("section", { "aria-labelledby": detailsID }, el("h2", { id: detailsID }, ui["workload.details"]));
    for (const i of rows) {
      const r = this.l.rows[i];
      const dl = el("dl", null);
      d.rows[i][2].forEach((st, k) => {
        const dd = el("dd", null, this.badge(st, ""));
        const cond = r[2][k];
        if (cond && cond.length) dd.append(" ", el("span", { class: "cond" }, ...this.rich(cond)));
        dl.append(el("dt", null, this.l.servers[k] || ""), dd);
      });
      details.append(
        el(
          "article",
          { class: "rowcard", id: this.p + "wl-" + d.ids[i] },
          el("h3", null, this.title(i)),
          el("p", null, el("a", { href: "#" + this.p + d.ids[i] }, ui["workload.inmatrix"])),
          dl,
          this.protection(i),
        ),
      );
    }

    const view = el("div", { "data-view": wid }, el("h1", null, name), back(), grid, details);
    for (const sec of related) {
      const copy = sec.cloneNode(true) as HTMLElement;
      const id = this.p + "rel-" + wid + "-" + (sec.dataset.rel || "");
      copy.removeAttribute("data-rel");
      copy.setAttribute("aria-labelledby", id);
      const h = copy.querySelector("h2");
      if (h) h.id = id;
      view.append(copy);
    }
    view.append(back());
    return view;
  }
}

/** inSentence lowercases a label's first letter unless it is or holds an abbreviation (build/render inSentence). */
function inSentence(label: string): string {
  if (/\p{Lu}\p{Lu}/u.test(label)) return label;
  const first = Array.from(label)[0] || "";
  return first.toLowerCase() + label.slice(first.length);
}
