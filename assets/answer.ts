// The answer panel above the matrix table: "can release R protect workload
// W, version V, installed as T?" in one sentence of the page's language —
// yes, yes with a condition, no, or not listed in this matrix (which is not
// "no") — with links to the rows it comes from.
//
// Each question part is a select whose first option lets the table decide:
// the workload and installation facets when set, else what the rows shown
// have in common, else what the search words name (the version or
// installation whose words match most of them). Without a release the
// panel answers for every release of the document.
//
// The version choices are build/render's "answer" data (answer.go): one per
// product version of a workload (brand name and version, qualifiers aside:
// "SQL Server 2012" covers the row of "SQL Server 2012 met SP1"); an entry
// the compiler did not understand is offered as written.

import type { MatrixApp } from "./matrix";
import { decodeIDs, exact, units } from "./search";

/** AnswerData is written by build/render (answer.go). */
export interface AnswerData {
  /** Version choices: workload index, label (product and version), rows that name it (id lists, space-separated). */
  vw: number[];
  vl: string[];
  vr: string;
  /** Per target (the order of the facet data's t): the sentence phrase ("on a VMware virtual machine") and its labels in every language. */
  on: string[];
  tw: string[];
  /** Per target, its label in the page's language (link texts). */
  tl: string[];
  /** Per capability (the order of c): its label in a sentence ("database"). */
  cl: string[];
  /** Server names and workload names in the page's language, in data order. */
  sn: string[];
  wn: string[];
  /** The icon of each answer kind. */
  icons: Record<string, string>;
}

/** The fragment keys of the panel's selects. */
const keys = ["aw", "av", "at", "as"];

/** fill replaces the {name} placeholders of a pattern with text or nodes. */
function fill(pattern: string, parts: Record<string, string | Node[]>): Node[] {
  const out: Node[] = [];
  const re = /\{([a-z]+)\}/g;
  let last = 0;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    if (m.index > last) out.push(document.createTextNode(pattern.slice(last, m.index)));
    const p = parts[m[1]];
    if (typeof p === "string") out.push(document.createTextNode(p));
    else if (p) out.push(...p);
    last = m.index + m[0].length;
  }
  if (last < pattern.length) out.push(document.createTextNode(pattern.slice(last)));
  return out;
}

/** Answer drives the panel of one matrix. */
export class Answer {
  readonly keys = keys;
  private readonly sel: Record<string, HTMLSelectElement> = {};
  private readonly out: HTMLElement;
  private readonly a: AnswerData;
  /**
   * optsOf lists each row's version choices; rowsOf each choice's rows; ids
   * each choice's id in the URL — made at the first use (see lists), not
   * while the page starts.
   */
  private optsOf: number[][] = [];
  private rowsOf: number[][] = [];
  private ids: string[] = [];
  private listed = false;
  private filledFor = -2;
  private shownHTML = "";
  /** decided is the workload the last update answered for (-1: none). */
  private decided = -1;
  private readonly words = new Map<string, string[]>();
  /** wantAV is the version choice asked for (by the reader or the URL), kept until the options that hold it are there. */
  private wantAV = "";

  /** create finds the panel in app's root; null when the page has none. */
  static create(app: MatrixApp): Answer | null {
    const root = app.root.querySelector<HTMLElement>("[data-answer]");
    if (!root || !app.data.answer) return null;
    return new Answer(app, root);
  }

  private constructor(
    private readonly app: MatrixApp,
    root: HTMLElement,
  ) {
    this.a = app.data.answer;
    for (const k of keys) this.sel[k] = root.querySelector<HTMLSelectElement>("select[name='" + k + "']")!;
    this.out = root.querySelector<HTMLElement>("[data-answer-text]")!;
    this.shownHTML = this.out.innerHTML; // the first answer comes with the page
    // The version choices of the workload decided by the table are put in
    // the select only when the reader goes to it (or a choice waits for
    // them): refilling it on every keystroke would cost for nothing.
    const fill = () => this.fillVersions(this.decided);
    this.sel.av.addEventListener("mousedown", fill);
    this.sel.av.addEventListener("focus", fill);
    for (const k of keys) {
      this.sel[k].addEventListener("change", () => {
        if (k === "aw") {
          // The chosen workload's versions are there at once, to choose from next.
          this.sel.av.value = "";
          this.fillVersions(app.data.w.indexOf(this.sel.aw.value));
        }
        if (k === "aw" || k === "av") this.wantAV = this.sel.av.value;
        app.changed(this.sel[k]);
      });
    }
  }

  /** lists makes optsOf, rowsOf and ids (once). */
  private lists(): void {
    if (this.listed) return;
    this.listed = true;
    const app = this.app;
    this.optsOf = app.rows.map(() => []);
    this.rowsOf = (this.a.vr || "").split(" ").map(decodeIDs);
    this.rowsOf.forEach((rs, o) => rs.forEach((r) => this.optsOf[r] && this.optsOf[r].push(o)));
    // A choice's id is its label as a slug, unique within its workload.
    const used = new Set<string>();
    this.ids = this.a.vl.map((l, o) => {
      const base = l.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "v";
      let id = base;
      for (let n = 2; used.has(this.a.vw[o] + "/" + id); n++) id = base + "-" + n;
      used.add(this.a.vw[o] + "/" + id);
      return id;
    });
  }

  /** state is the panel's part of the fragment. */
  state(): Record<string, string> {
    const f: Record<string, string> = {};
    for (const k of keys) if (this.sel[k].value) f[k] = this.sel[k].value;
    if (this.wantAV) f.av = this.wantAV;
    return f;
  }

  /** set puts fragment values into the selects (unknown values mean "let the table decide"). */
  set(f: Record<string, string>): void {
    for (const k of ["aw", "at", "as"]) {
      const s = this.sel[k];
      const v = f[k] || "";
      s.value = Array.from(s.options).some((o) => o.value === v) ? v : "";
    }
    // The version's options depend on the workload (chosen, or decided by
    // the table in update): the choice waits for them.
    this.wantAV = f.av || "";
    this.filledFor = -2;
  }

  /** fillVersions offers workload w's versions (-1: none), selecting the one asked for when it is among them. */
  private fillVersions(w: number): void {
    this.lists();
    const s = this.sel.av;
    if (this.filledFor !== w) {
      this.filledFor = w;
      while (s.options.length > 1) s.remove(1);
      this.a.vw.forEach((ow, o) => {
        if (ow !== w) return;
        const opt = document.createElement("option");
        opt.value = this.ids[o];
        opt.textContent = this.a.vl[o];
        s.append(opt);
      });
    }
    const v = Array.from(s.options).some((o) => o.value === this.wantAV) ? this.wantAV : "";
    if (s.value !== v) s.value = v;
  }

  /** wordsOf are a text's words and adjacent pairs joined (memoized: the same labels are scored on every keystroke). */
  private wordsOf(text: string): string[] {
    let ws = this.words.get(text);
    if (!ws) {
      const us = units(this.app.index.folder.fold(text)).map((u) => u.word);
      ws = us.slice();
      for (let i = 0; i + 1 < us.length; i++) ws.push(us[i] + us[i + 1]);
      this.words.set(text, ws);
    }
    return ws;
  }

  /** score counts the query terms that match a word of text. */
  private score(text: string): number {
    const ws = this.wordsOf(text);
    let n = 0;
    for (const t of this.app.terms) if (ws.some((w) => exact(t.text, w))) n++;
    return n;
  }

  /** pick returns the one candidate, or the one whose text scores best, or -1. */
  private pick(cands: number[], text: (c: number) => string): number {
    if (cands.length === 1) return cands[0];
    if (cands.length === 0 || this.app.terms.length === 0) return -1;
    let best = -1;
    let top = 0;
    let ties = 0;
    for (const c of cands) {
      const s = this.score(text(c));
      if (s > top) {
        top = s;
        best = c;
        ties = 1;
      } else if (s === top && s > 0) ties++;
    }
    return ties === 1 ? best : -1;
  }

  /** update answers for the controls and the rows shown (indexes, in order). */
  update(shown: number[]): void {
    this.lists();
    const app = this.app;
    const d = app.data;
    const ui = d.ui;
    const exactShown = shown.filter((i) => app.exactRow(i));
    const rows = exactShown.length ? exactShown : shown;

    // The workload.
    let w = d.w.indexOf(this.sel.aw.value);
    if (w < 0) {
      const f = app.facets.get("w");
      w = f && f.sel.value ? d.w.indexOf(f.sel.value) : -1;
    }
    if (w < 0) w = this.pick(Array.from(new Set(rows.map((i) => d.rows[i][0]))).sort((a, b) => a - b), (x) => this.a.wn[x] || "");
    this.decided = w;
    if (this.sel.aw.value || this.wantAV || this.filledFor === w || document.activeElement === this.sel.av) this.fillVersions(w);
    else if (this.sel.av.options.length > 1) this.fillVersions(-1);

    // The version.
    const av = this.sel.av.value;
    let v = av ? this.ids.findIndex((id, o) => id === av && this.a.vw[o] === w) : -1;
    if (v < 0 && w >= 0) {
      const cands = new Set<number>();
      for (const i of rows) if (d.rows[i][0] === w) this.optsOf[i].forEach((o) => cands.add(o));
      v = this.pick(Array.from(cands), (o) => this.a.vl[o]);
    }

    // The installation.
    let t = d.t.indexOf(this.sel.at.value);
    if (t < 0) {
      const f = app.facets.get("t");
      t = f && f.sel.value ? d.t.indexOf(f.sel.value) : -1;
    }
    if (t < 0 && v >= 0) {
      const inV = this.rowsOf[v];
      const seen = new Set(rows);
      const pool = inV.filter((i) => seen.has(i));
      const cands = new Set<number>();
      for (const i of pool.length ? pool : inV) d.rows[i][1].forEach((x) => cands.add(x));
      t = this.pick(Array.from(cands).sort((a, b) => a - b), (x) => this.a.tw[x]);
    }

    // The releases: chosen; else the one release whose filter is set;
    // else the one the search names ("sql 2016 v1"); else every release.
    let servers = d.servers.map((_, k) => k);
    const s = d.servers.indexOf(this.sel.as.value);
    if (s >= 0) servers = [s];
    else {
      const set = d.servers.map((_, k) => k).filter((k) => {
        const f = app.facets.get(d.servers[k]);
        return f && f.sel.value;
      });
      const named = d.servers.map((_, k) => k).filter((k) => app.terms.some((t) => t.text === this.app.index.folder.fold(d.servers[k])));
      if (set.length === 1) servers = set;
      else if (named.length === 1) servers = named;
    }

    // The answer is built apart and put in only when it changed: rebuilt
    // on every update, it would lay out the panel above the table each time.
    const box = document.createElement("div");
    this.build(box, w, v, t, servers);
    const html = box.innerHTML;
    if (html !== this.shownHTML) {
      this.shownHTML = html;
      this.out.replaceChildren(...Array.from(box.childNodes));
    }
  }

  /** build writes the answer for workload w, version choice v, target t and the servers into box. */
  private build(box: HTMLElement, w: number, v: number, t: number, servers: number[]): void {
    const app = this.app;
    const d = app.data;
    const ui = d.ui;
    if (w < 0 || v < 0 || t < 0) {
      const p = document.createElement("p");
      p.className = "answer-line";
      p.dataset.kind = "choose";
      p.textContent = ui["answer.choose"] || "";
      box.append(p);
      return;
    }
    const behind = this.rowsOf[v].filter((i) => d.rows[i][1].indexOf(t) >= 0);
    const version = this.a.vl[v];
    const target = this.a.on[t];
    for (const k of servers) {
      box.append(this.sentence(k, behind, version, target));
    }
    if (behind.length) {
      const p = document.createElement("p");
      p.className = "answer-rows";
      p.append((ui["answer.rows"] || "") + " ");
      behind.forEach((i, j) => {
        if (j > 0) p.append(", ");
        const a = document.createElement("a");
        a.href = "#" + app.rows[i].id;
        a.textContent = version + " — " + this.a.tl[t];
        p.append(a);
      });
      box.append(p);
    }
  }

  /** sentence is the answer for server k about the rows behind it. */
  private sentence(k: number, behind: number[], version: string, target: string): HTMLElement {
    const d = this.app.data;
    const ui = d.ui;
    const p = document.createElement("p");
    p.className = "answer-line";
    let kind = "unlisted";
    const sts = new Set(behind.map((i) => d.st[d.rows[i][2][k]]));
    if (behind.length === 0) kind = "unlisted";
    else if (sts.size === 1) kind = { supported: "yes", conditional: "conditional", unsupported: "no" }[Array.from(sts)[0]] || "unknown";
    else if (!sts.has("unsupported") && !sts.has("unknown")) kind = "conditional";
    else kind = "mixed";
    p.dataset.kind = kind;
    p.dataset.server = d.servers[k];
    const caps: number[] = [];
    for (const i of behind) for (const c of d.rows[i][3]) if (caps.indexOf(c) < 0) caps.push(c);
    caps.sort((a, b) => a - b);
    const what = caps.length ? (ui["answer.what"] || ": {list}").replace("{list}", caps.map((c) => this.a.cl[c]).join(", ")) : "";
    const conds: Node[] = [];
    for (const i of behind) {
      const cell = this.app.rows[i].children[3 + k];
      const c = cell && cell.querySelector(".cond");
      if (!c) continue;
      if (conds.length) conds.push(document.createTextNode("; "));
      c.childNodes.forEach((n) => {
        const copy = n.cloneNode(true);
        if (copy instanceof Element) copy.querySelectorAll("mark").forEach((m) => m.replaceWith(m.textContent || ""));
        conds.push(copy.nodeName === "MARK" ? document.createTextNode(copy.textContent || "") : copy);
      });
    }
    const icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.className = "answer-icon";
    icon.textContent = this.a.icons[kind] || "";
    p.append(icon, " ");
    p.append(
      ...fill(ui["answer." + kind] || "", {
        server: this.a.sn[k] || d.servers[k],
        version,
        target,
        what,
        condition: conds.length ? conds : "",
      }),
    );
    return p;
  }
}
