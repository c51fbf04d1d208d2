// The matrix table's search and facets. The table is in the HTML; this only
// toggles the `hidden` attribute of rows whose visibility changes, so an
// update stays cheap at 10,000 rows: the table is never rebuilt, only rows
// near the viewport are highlighted (inview.ts), and start-up reads no
// layout and touches no row. A <tbody> chunk with no row shown is hidden
// whole and its rows are left as they are (the chunk is marked stale): they
// get their states when the chunk is shown again, so switching a facet back
// and forth touches only the rows of chunks that stay partly shown. A row is
// therefore shown exactly when neither it nor its <tbody> is hidden.
//
// The search matches the query against the index the build shipped with
// the page (search.ts); rows found only through a typo carry data-near and
// say so. Each facet option shows how many rows it would leave, given the
// search and the other facets, and is disabled at 0.

import { Answer, AnswerData } from "./answer";
import { Facet } from "./facets";
import { exportCSV } from "./export";
import { InView } from "./inview";
import { EXACT, NEAR, NONE, SearchData, SearchIndex, Term, units } from "./search";
import { State } from "./state";

/**
 * FacetData are the rows' facet values as indexes into value tables (see
 * build/render/data.go): a row is [workload, [targets], [status per server
 * in servers order], [capabilities], differences] — differences a bit mask
 * over pairs, bit p set when the two servers of pairs[p] differ.
 */
export interface FacetData {
  servers: string[];
  w: string[];
  t: string[];
  st: string[];
  c: string[];
  pairs: Array<[number, number]>;
  rows: Array<[number, number[], number[], number[], number]>;
}

/** Data is what a matrix needs: the facets, its locale's search index, strings and answer data. */
export interface Data extends FacetData {
  count: string; // "{shown} of {total} rows"
  search: SearchData;
  ui: Record<string, string>;
  answer: AnswerData;
}

/** MatrixApp drives one matrix: a form of controls and a table. */
export class MatrixApp {
  readonly facetKeys: string[];
  readonly data: Data;
  readonly rows: HTMLElement[];
  readonly index: SearchIndex;
  readonly facets = new Map<string, Facet>();
  /** shown says which rows match; rowHidden is each row's `hidden` attribute as last written. */
  readonly shown: boolean[];
  private rowHidden: boolean[];
  /** level is each row's search match (search.ts); rowNear the data-near state as last written. */
  level: Uint8Array | null = null;
  private rowNear: boolean[];
  private bodies: HTMLElement[];
  private bodyOf: number[];
  /** members lists each chunk's rows; stale marks the hidden chunks whose rows' attributes lag shown. */
  private members: number[][];
  private stale: boolean[];
  readonly input: HTMLInputElement;
  private count: HTMLElement;
  private empty: HTMLElement;
  private why: HTMLElement;
  private nearNote: HTMLElement;
  private print: HTMLElement;
  private inView: InView;
  readonly answer: Answer | null;
  /** terms are the current query's terms. */
  terms: Term[] = [];
  /** onChange is called after a user change; push says whether to add a history entry. */
  onChange: (push: boolean) => void = () => {};
  private typing = false;
  private printKey = "";
  /** list and countText are the last filter's shown rows and count, for settle; pending says settle is scheduled. */
  private list: number[] = [];
  private countText = "";
  private pending = false;
  private lastControl: HTMLElement | null = null;
  private lastAt = 0;

  /** data defaults to the JSON in the element root's data-data names. */
  constructor(
    readonly root: HTMLElement,
    data?: Data,
  ) {
    if (!data) {
      const src = document.getElementById(root.dataset.data || "");
      data = JSON.parse((src && src.textContent) || "{}") as Data;
    }
    this.data = data;
    const d = data;
    const keys = (r: number): string[] => {
      const row = d.rows[r];
      if (!row) return [];
      const out = ["w:" + d.w[row[0]]];
      for (const t of row[1]) out.push("t:" + d.t[t]);
      for (const c of row[3]) out.push("c:" + d.c[c]);
      for (const st of row[2]) out.push("st:" + d.st[st]);
      for (const s of d.servers) out.push("s:" + s);
      return out;
    };
    this.index = new SearchIndex(data.search || ({} as SearchData), keys);
    this.rows = Array.from(root.querySelectorAll<HTMLElement>("table.matrix > tbody > tr"));
    this.inView = new InView(this.rows, root);
    // The rows come in chunks of <tbody> (content-visibility: auto in
    // main.css), so that a change shows or hides rows far from the viewport
    // without laying them out; a chunk with no row shown is hidden whole.
    this.bodies = Array.from(root.querySelectorAll<HTMLElement>("table.matrix > tbody"));
    this.bodyOf = [];
    let body: Element | null = null;
    let k = -1;
    for (const r of this.rows) {
      if (r.parentElement !== body) {
        body = r.parentElement;
        k = this.bodies.indexOf(body as HTMLElement);
      }
      this.bodyOf.push(k);
    }
    this.members = this.bodies.map(() => []);
    this.bodyOf.forEach((k, i) => this.members[k].push(i));
    this.stale = this.bodies.map(() => false);
    this.rowHidden = this.rows.map((r) => r.hidden);
    this.shown = this.rowHidden.map((h) => !h);
    this.rowNear = this.rows.map(() => false);
    // A hidden chunk prints as nothing, like on screen; still, bring every
    // row's attribute up to date before printing, so the printed DOM is whole.
    window.addEventListener("beforeprint", () => {
      this.flush();
      this.settle();
    });
    this.input = root.querySelector<HTMLInputElement>("input[type=search]")!;
    this.count = root.querySelector<HTMLElement>("[data-count]")!;
    this.empty = root.querySelector<HTMLElement>("[data-empty]")!;
    this.why = this.empty.querySelector<HTMLElement>("[data-why]")!;
    this.nearNote = root.querySelector<HTMLElement>("[data-near-note]")!;
    this.print = root.querySelector<HTMLElement>("[data-print]")!;
    // The form, the answer panel and the export button are in the page from
    // the first paint (data-needs-js in main.css): showing them now would
    // move the table down. Narrow screens fold the facets and the answer's
    // questions into <details>; wide ones show them open (main.css).
    const form = root.querySelector<HTMLFormElement>("form.filters")!;
    this.addFacets(form);
    this.answer = Answer.create(this);
    this.facetKeys = Array.from(this.facets.keys()).concat(this.answer ? this.answer.keys : []);
    form.addEventListener("submit", (e) => e.preventDefault());
    this.input.addEventListener("input", () => {
      const first = !this.typing;
      this.lastControl = null;
      this.filter();
      this.onChange(first);
      this.typing = true;
      if (first) this.keepResultsInView();
    });
    this.facets.forEach((f) => {
      f.sel.addEventListener("change", () => this.changed(f.sel));
      f.sel.addEventListener("blur", () => (this.lastControl = null));
    });
    root.querySelector("[data-clear]")!.addEventListener("click", () => {
      this.typing = false;
      this.lastControl = null;
      this.set({ q: "", f: {}, l: "", p: "" });
      this.onChange(true);
      this.input.focus();
    });
    const exp = root.querySelector<HTMLButtonElement>("[data-export]");
    if (exp) exp.addEventListener("click", () => exportCSV(this));
    this.idle(() => this.index.decode());
    apps.push(this);
    hook();
    // The sticky header's height, for the rows' scroll-margin-top (main.css):
    // a row a link scrolls to lands below the header, not under it.
    const head = root.querySelector<HTMLElement>("table.matrix > thead");
    root.style.setProperty("--near", JSON.stringify(data.ui["filter.near"] || "≈"));
    if (head && "ResizeObserver" in window) {
      new ResizeObserver(() => root.style.setProperty("--sticky", head.offsetHeight + "px")).observe(head);
    }
    root.setAttribute("data-ready", "");
  }

  /** addFacets finds the form's selects and what each reads from a row. */
  private addFacets(form: HTMLFormElement): void {
    const d = this.data;
    const pairIDs = (d.pairs || []).map(([a, b]) => d.servers[a] + "~" + d.servers[b]);
    form.querySelectorAll<HTMLSelectElement>("select[name]").forEach((sel) => {
      const k = sel.name;
      const srv = d.servers.indexOf(k);
      const rows = d.rows;
      let f: Facet;
      if (k === "w") f = new Facet(sel, d.w, rows, (r, g) => g(r[0]));
      else if (k === "t") f = new Facet(sel, d.t, rows, (r, g) => r[1].forEach(g));
      else if (k === "c") f = new Facet(sel, d.c, rows, (r, g) => r[3].forEach(g));
      else if (k === "d")
        f = new Facet(sel, pairIDs, rows, (r, g) => {
          for (let p = 0; p < pairIDs.length; p++) if (r[4] & (1 << p)) g(p);
        });
      else if (srv >= 0) f = new Facet(sel, d.st, rows, (r, g) => g(r[2][srv]));
      else return;
      this.facets.set(k, f);
    });
  }

  /** changed handles a control's change: arrow keys through a select's options make one history entry, not one each. */
  changed(control: HTMLElement): void {
    const now = performance.now();
    const push = this.lastControl !== control || now - this.lastAt > 1000;
    this.lastControl = control;
    this.lastAt = now;
    this.typing = false;
    this.filter();
    this.onChange(push);
  }

  /** idle runs f when the browser has nothing else to do. */
  private idle(f: () => void): void {
    if ("requestIdleCallback" in window) requestIdleCallback(() => f());
    else setTimeout(f, 50);
  }

  /**
   * keepResultsInView scrolls the search field to the top on narrow screens
   * when the count would be below the fold (an on-screen keyboard takes
   * half the screen): the reader sees the count and the first rows change
   * while typing.
   */
  private keepResultsInView(): void {
    if (!window.matchMedia("(max-width: 639.98px)").matches) return;
    const r = this.count.getBoundingClientRect();
    if (r.bottom > window.innerHeight * 0.5 || r.top < 0) {
      (this.input.closest(".field") || this.input).scrollIntoView({ block: "start" });
    }
  }

  /** state returns the controls' current values. */
  state(): State {
    const f: Record<string, string> = {};
    this.facets.forEach((fc, k) => {
      if (fc.sel.value) f[k] = fc.sel.value;
    });
    if (this.answer) Object.assign(f, this.answer.state());
    return { q: this.input.value, f, l: "", p: "" };
  }

  /** set puts s into the controls (from the URL) and filters. */
  set(s: State): void {
    this.typing = false;
    const same = (a: string, b: string) =>
      this.index.terms(a).map((t) => t.text).join(" ") === this.index.terms(b).map((t) => t.text).join(" ");
    if (!same(this.input.value, s.q)) this.input.value = s.q;
    this.facets.forEach((fc, k) => {
      const v = s.f[k] || "";
      // A value the select does not offer (an old or hand-edited link) means "all".
      fc.sel.value = Array.from(fc.sel.options).some((o) => o.value === v) ? v : "";
    });
    if (this.answer) this.answer.set(s.f);
    this.filter();
  }

  /**
   * filter shows the rows that match the search and every facet. The rest
   * of an update — each facet option's row count, the answer panel, the
   * printed filter line — waits for the frame that shows the rows to be
   * drawn (settle): the reader sees the table change first.
   */
  filter(): void {
    const terms = this.index.terms(this.input.value);
    this.terms = terms;
    const level = terms.length > 0 ? this.index.match(terms) : null;
    this.level = level;
    const d = this.data;
    const fs = Array.from(this.facets.values());
    const want = fs.map((f) => f.want());
    const active: number[] = [];
    want.forEach((v, k) => {
      if (v !== undefined) active.push(k);
    });
    // Locals, not fields, in the loop over every row.
    const data = d.rows;
    const rows = this.rows;
    const shown = this.shown;
    const bodyOf = this.bodyOf;
    const list: number[] = [];
    const inBody = this.bodies.map(() => 0);
    let near = 0;
    // A chunk is dirty when one of its rows must change (shown, or its
    // near mark): only the dirty and stale chunks left visible are written.
    const dirty = this.bodies.map(() => false);
    const rowHidden = this.rowHidden;
    const rowNear = this.rowNear;
    for (let i = 0; i < rows.length; i++) {
      let ok = !!data[i] && (level === null || level[i] !== NONE);
      for (let a = 0; ok && a < active.length; a++) ok = fs[active[a]].has(i, want[active[a]]!);
      const nr = ok && level !== null && level[i] === NEAR;
      if (ok) {
        list.push(i);
        inBody[bodyOf[i]]++;
        if (nr) near++;
      }
      shown[i] = ok;
      if (rowHidden[i] === ok || rowNear[i] !== nr) dirty[bodyOf[i]] = true;
    }
    // Only the rows of the chunks left visible get their attribute now.
    this.bodies.forEach((b, k) => {
      const none = inBody[k] === 0;
      if (none) this.stale[k] = true;
      else if (dirty[k] || this.stale[k]) this.sync(k);
      if (b.hidden !== none) b.hidden = none;
    });
    const n = list.length;
    const text = d.count.replace("{shown}", String(n)).replace("{total}", String(rows.length));
    if (this.count.textContent !== text) this.count.textContent = text;
    this.empty.hidden = n > 0;
    if (n === 0) this.explainEmpty(terms, fs, want);
    this.noteNear(near, terms);
    this.inView.set(terms.length ? this.index.marker(terms) : null, list);
    this.list = list;
    this.countText = text;
    this.afterPaint();
  }

  /**
   * afterPaint runs settle once, at the start of the frame after the one
   * that shows the rows (updates in between share it): the rows are drawn
   * first, what the browser does right after drawing them (input, a
   * benchmark's measure) is not kept waiting behind the counts, and the
   * counts are drawn in that next frame.
   */
  private afterPaint(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        this.pending = false;
        this.settle();
      }),
    );
  }

  /**
   * settle counts, for every facet option, the rows it would leave given
   * the search and the other facets (a row failing one facet counts for
   * that facet's options only), writes the counts into the options and
   * disables those at 0, and brings the answer panel and the printed filter
   * line up to date.
   */
  settle(): void {
    const fs = Array.from(this.facets.values());
    const want = fs.map((f) => f.want());
    fs.forEach((f) => f.reset());
    const active: number[] = [];
    want.forEach((v, k) => {
      if (v !== undefined) active.push(k);
    });
    const level = this.level;
    const data = this.data.rows;
    for (let i = 0; i < this.rows.length; i++) {
      if (!data[i] || (level !== null && level[i] === NONE)) continue; // the text fails: no facet counts it
      let fails = 0;
      let which = -1;
      for (let a = 0; a < active.length && fails < 2; a++) {
        const k = active[a];
        if (!fs[k].has(i, want[k]!)) {
          fails++;
          which = k;
        }
      }
      if (fails === 0) for (let k = 0; k < fs.length; k++) fs[k].count(i);
      else if (fails === 1) fs[which].count(i);
    }
    const pattern = this.data.ui["filter.option"] || "{label} ({count})";
    fs.forEach((f) => f.label(pattern));
    if (this.answer) this.answer.update(this.list);
    this.describeForPrint(this.countText);
  }

  /** write brings row i's `hidden` attribute and its near mark in line with shown and level. */
  private write(i: number): void {
    const h = !this.shown[i];
    if (this.rowHidden[i] !== h) {
      this.rowHidden[i] = h;
      this.rows[i].hidden = h;
    }
    const nr = !h && this.level !== null && this.level[i] === NEAR;
    if (this.rowNear[i] !== nr) {
      this.rowNear[i] = nr;
      if (nr) this.rows[i].setAttribute("data-near", "");
      else this.rows[i].removeAttribute("data-near");
    }
  }

  /** sync writes the attributes of chunk k's rows and clears its stale mark. */
  private sync(k: number): void {
    this.stale[k] = false;
    for (const i of this.members[k]) this.write(i);
  }

  /** flush writes the attributes of the rows of every stale chunk. */
  flush(): void {
    this.stale.forEach((s, k) => {
      if (s) this.sync(k);
    });
  }

  /** passesFacets reports whether row i passes every selected facet. */
  private passesFacets(i: number, fs: Facet[], want: Array<number | undefined>): boolean {
    if (!this.data.rows[i]) return false;
    for (let k = 0; k < fs.length; k++) if (want[k] !== undefined && !fs[k].has(i, want[k]!)) return false;
    return true;
  }

  /**
   * explainEmpty says why nothing is shown: the first word that, added to
   * the words before it and the filters, leaves no row — and offers the
   * closest words that would leave some.
   */
  private explainEmpty(terms: Term[], fs: Facet[], want: Array<number | undefined>): void {
    const ui = this.data.ui;
    this.why.replaceChildren();
    const n = this.rows.length;
    const base = new Uint8Array(n);
    for (let i = 0; i < n; i++) base[i] = this.passesFacets(i, fs, want) ? 1 : 0;
    if (terms.length === 0 || !base.some((x) => x)) {
      this.why.textContent = ui["filter.emptyfilters"] || "";
      return;
    }
    let allowed = base;
    for (let k = 0; k < terms.length; k++) {
      const lv = this.index.match(terms.slice(0, k + 1));
      const left = allowed.map((a, i) => (a && lv[i] !== NONE ? 1 : 0));
      if (left.some((x) => x)) continue;
      // terms[k] is the word that matched nothing (among what was left).
      const alone = this.index.match([terms[k]]).some((x) => x !== NONE);
      const restricted = k > 0 || want.some((v) => v !== undefined);
      const key = !alone ? "filter.nomatch" : restricted ? "filter.nomatchleft" : "filter.nomatch";
      this.why.append((ui[key] || "{word}").replace("{word}", "“" + terms[k].text + "”") + " ");
      const prev = k > 0 ? this.index.match(terms.slice(0, k)) : null;
      const pool = base.map((a, i) => (a && (!prev || prev[i] !== NONE) ? 1 : 0));
      const close = this.index.closest(terms[k].text, pool, 3);
      if (close.length) {
        this.why.append((ui["filter.suggest"] || "") + " ");
        close.forEach((w, j) => {
          const b = document.createElement("button");
          b.type = "button";
          b.className = "suggest";
          b.textContent = w;
          b.addEventListener("click", () => {
            const ts = terms.map((t) => t.text);
            ts[k] = w;
            this.input.value = ts.join(" ");
            this.typing = false;
            this.filter();
            this.onChange(true);
            this.input.focus();
          });
          if (j > 0) this.why.append(" ");
          this.why.append(b);
        });
      }
      return;
    }
  }

  /** noteNear says which typed words were read as which words, when rows are shown only thanks to that. */
  private noteNear(near: number, terms: Term[]): void {
    const ui = this.data.ui;
    if (near === 0) {
      if (!this.nearNote.hidden) this.nearNote.hidden = true;
      return;
    }
    const parts: string[] = [];
    for (const t of terms) {
      const wm = this.index.wordMatches(t.text, true);
      const ws: string[] = [];
      for (let k = 0; k < wm.length; k += 2) {
        if (wm[k + 1] === NEAR && wm[k] < this.index.nt && ws.length < 3) ws.push(this.index.words[wm[k]]);
      }
      if (ws.length) parts.push("“" + t.text + "” ≈ " + ws.join(", "));
    }
    const text = (ui["filter.nearnote"] || "{n} {words}").replace("{n}", String(near)).replace("{words}", parts.join("; "));
    if (this.nearNote.textContent !== text) this.nearNote.textContent = text;
    this.nearNote.hidden = false;
  }

  /** describeForPrint writes the printed page's line naming the active filters. */
  private describeForPrint(count: string): void {
    const ui = this.data.ui;
    let key = this.input.value + "\u0000" + count;
    this.facets.forEach((f) => (key += "\u0000" + f.sel.value));
    if (key === this.printKey) return;
    this.printKey = key;
    const parts: string[] = [];
    const q = this.input.value.trim();
    if (q) parts.push((ui["print.search"] || "{q}").replace("{q}", q));
    this.facets.forEach((f) => {
      if (!f.sel.value) return;
      const label = this.root.querySelector<HTMLLabelElement>("label[for='" + f.sel.id + "']");
      const opt = f.sel.selectedOptions[0];
      parts.push((label ? label.textContent : f.sel.name) + ": " + (opt ? opt.text : f.sel.value));
    });
    const text = parts.length
      ? (ui["print.filters"] || "{filters} {count}").replace("{filters}", parts.join("; ")).replace("{count}", count)
      : (ui["print.all"] || "{count}").replace("{count}", count);
    if (this.print.textContent !== text) this.print.textContent = text;
  }

  /** shownRows lists the indexes of the rows shown, in order. */
  shownRows(): number[] {
    const out: number[] = [];
    this.shown.forEach((s, i) => {
      if (s) out.push(i);
    });
    return out;
  }

  /** exactRow reports whether row i is found without a typo (for the answer and the export). */
  exactRow(i: number): boolean {
    return this.level === null || this.level[i] === EXACT;
  }
}

/**
 * scrollToTarget scrolls a link's target into view below the sticky header
 * (its scroll-margin-top), and again two frames later if the rows above it
 * changed size meanwhile (rows are laid out only near the viewport, so the
 * first estimate can be off).
 */
export function scrollToTarget(el: HTMLElement): void {
  el.scrollIntoView({ block: "start" });
  const top = el.getBoundingClientRect().top;
  const y = window.scrollY;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      // Only if the page did not scroll meanwhile: the reader may have.
      if (window.scrollY === y && Math.abs(el.getBoundingClientRect().top - top) > 1) el.scrollIntoView({ block: "start" });
    }),
  );
}

/** isShown reports whether a table row is shown (neither it nor its chunk is hidden). */
export function isShown(tr: HTMLElement): boolean {
  return !tr.hidden && !(tr.parentElement && tr.parentElement.hidden);
}

/** apps are the page's matrices (one hosted; one per locale offline). */
const apps: MatrixApp[] = [];

/**
 * hook publishes window.matrixdoc, the page's search rules for the browser
 * tests (build/e2e) and for anyone debugging a query in the console: fold,
 * words and terms of the matrix shown, exactly as the search reads them.
 */
function hook(): void {
  const w = window as unknown as { matrixdoc?: object };
  if (w.matrixdoc) return;
  const shown = () => apps.find((a) => !a.root.closest("[hidden]")) || apps[0];
  w.matrixdoc = {
    fold: (text: string) => shown().index.folder.fold(text),
    words: (text: string) => units(shown().index.folder.fold(text)).map((u) => u.word),
    terms: (q: string) => shown().index.terms(q),
  };
}
