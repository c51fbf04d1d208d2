// The matrix table's search and facets. The table is in the HTML; this only
// toggles the `hidden` attribute of rows whose visibility changes, so an
// update stays cheap at 10,000 rows: the table is never rebuilt, only rows
// near the viewport are highlighted (inview.ts), and start-up reads no
// layout and touches no row. A <tbody> chunk with no row shown is hidden
// whole and its rows are left as they are (the chunk is marked stale): they
// get their states when the chunk is shown again, so switching a facet back
// and forth touches only the rows of chunks that stay partly shown. A row is
// therefore shown exactly when neither it nor its <tbody> is hidden. Each row's search text is folded once, lazily:
// in idle time after start-up, or all at once by the first search that
// comes before that is done.

import { InView } from "./inview";
import { haystack, matches, terms } from "./fold";
import { State } from "./state";

/**
 * FacetData are the rows' facet values as indexes into value tables (see
 * build/render/data.go): a row is [workload, [targets], [status per server
 * in servers order], [capabilities]].
 */
export interface FacetData {
  servers: string[];
  w: string[];
  t: string[];
  st: string[];
  c: string[];
  rows: Array<[number, number[], number[], number[]]>;
}

/** Data is what a matrix needs: the facets and the count pattern. */
export interface Data extends FacetData {
  count: string; // "{shown} of {total} rows"
}

/** Rows folded per slice of idle time. */
const indexBatch = 250;

/** MatrixApp drives one matrix: a form of controls and a table. */
export class MatrixApp {
  readonly facetKeys: string[];
  private data: Data;
  private rows: HTMLElement[];
  private hay: string[] = [];
  /** shown says which rows match; rowHidden is each row's `hidden` attribute as last written. */
  private shown: boolean[];
  private rowHidden: boolean[];
  private bodies: HTMLElement[];
  private bodyOf: number[];
  /** members lists each chunk's rows; stale marks the hidden chunks whose rows' attributes lag shown. */
  private members: number[][];
  private stale: boolean[];
  private input: HTMLInputElement;
  private selects = new Map<string, HTMLSelectElement>();
  private count: HTMLElement;
  private empty: HTMLElement;
  private inView: InView;
  /** onChange is called after a user change; push says whether to add a history entry. */
  onChange: (push: boolean) => void = () => {};
  private typing = false;

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
    this.rows = Array.from(root.querySelectorAll<HTMLElement>("tbody > tr"));
    this.inView = new InView(this.rows, root);
    // The rows come in chunks of <tbody> (content-visibility: auto in
    // main.css), so that a change shows or hides rows far from the viewport
    // without laying them out; a chunk with no row shown is hidden whole.
    this.bodies = Array.from(root.querySelectorAll<HTMLElement>("tbody"));
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
    // A hidden chunk prints as nothing, like on screen; still, bring every
    // row's attribute up to date before printing, so the printed DOM is whole.
    window.addEventListener("beforeprint", () => this.flush());
    this.input = root.querySelector<HTMLInputElement>("input[type=search]")!;
    root.querySelectorAll<HTMLSelectElement>("select[name]").forEach((s) => this.selects.set(s.name, s));
    this.facetKeys = Array.from(this.selects.keys());
    this.count = root.querySelector<HTMLElement>("[data-count]")!;
    this.empty = root.querySelector<HTMLElement>("[data-empty]")!;
    // The form is in the page from the first paint (data-needs-js in
    // main.css): showing it now would move the table down.
    const form = root.querySelector<HTMLFormElement>("form")!;
    form.addEventListener("submit", (e) => e.preventDefault());
    this.input.addEventListener("input", () => {
      this.filter();
      this.onChange(!this.typing);
      this.typing = true;
    });
    this.selects.forEach((s) =>
      s.addEventListener("change", () => {
        this.typing = false;
        this.filter();
        this.onChange(true);
      }),
    );
    root.querySelector("[data-clear]")!.addEventListener("click", () => {
      this.typing = false;
      this.set({ q: "", f: {}, l: "", p: "" });
      this.onChange(true);
      this.input.focus();
    });
    this.indexIdle();
    root.setAttribute("data-ready", "");
  }

  /**
   * index folds the search text of the rows up to end (exclusive): the
   * cells' texts joined by a space, as a reader sees them — a row's own
   * textContent would run "…virtuele machine" and "Windows Server 2016"
   * together into one word "machinewindows".
   */
  private index(end: number): void {
    for (let i = this.hay.length; i < end; i++) {
      const cells = this.rows[i].children;
      let text = "";
      for (let c = 0; c < cells.length; c++) text += (c > 0 ? " " : "") + (cells[c].textContent || "");
      this.hay.push(haystack(text));
    }
  }

  /** indexIdle folds the rows' search text in slices of idle time. */
  private indexIdle(): void {
    const idle = (f: (d?: IdleDeadline) => void) =>
      "requestIdleCallback" in window ? requestIdleCallback(f) : setTimeout(f, 50);
    const step = (d?: IdleDeadline) => {
      do this.index(Math.min(this.rows.length, this.hay.length + indexBatch));
      while (d && d.timeRemaining() > 2 && this.hay.length < this.rows.length);
      if (this.hay.length < this.rows.length) idle(step);
    };
    idle(step);
  }

  /** state returns the controls' current values. */
  state(): State {
    const f: Record<string, string> = {};
    this.selects.forEach((s, k) => {
      if (s.value) f[k] = s.value;
    });
    return { q: this.input.value, f, l: "", p: "" };
  }

  /** set puts s into the controls (from the URL) and filters. */
  set(s: State): void {
    this.typing = false;
    if (terms(this.input.value).join(" ") !== terms(s.q).join(" ")) this.input.value = s.q;
    this.selects.forEach((sel, k) => {
      const v = s.f[k] || "";
      // A value the select does not offer (an old or hand-edited link) means "all".
      sel.value = Array.from(sel.options).some((o) => o.value === v) ? v : "";
    });
    this.filter();
  }

  /** filter shows the rows that match every term and every facet. */
  filter(): void {
    const ts = terms(this.input.value);
    const d = this.data;
    // A selected value as its index in the table; -1 (matches no row) for
    // a value the data does not know, undefined for "all".
    const want = (key: string, table: string[]): number | undefined => {
      const v = this.selects.get(key)?.value || "";
      return v ? table.indexOf(v) : undefined;
    };
    const w = want("w", d.w);
    const t = want("t", d.t);
    const c = want("c", d.c);
    const perK: number[] = [];
    const perV: number[] = [];
    d.servers.forEach((id, i) => {
      const v = want(id, d.st);
      if (v !== undefined) {
        perK.push(i);
        perV.push(v);
      }
    });
    if (ts.length > 0) this.index(this.rows.length);
    // Locals, not fields, in the loop over every row.
    const data = d.rows;
    const rows = this.rows;
    const shown = this.shown;
    const hay = this.hay;
    const bodyOf = this.bodyOf;
    const list: number[] = [];
    const inBody = this.bodies.map(() => 0);
    for (let i = 0; i < rows.length; i++) {
      const r = data[i];
      let ok =
        !!r &&
        (w === undefined || r[0] === w) &&
        (t === undefined || r[1].indexOf(t) >= 0) &&
        (c === undefined || r[3].indexOf(c) >= 0);
      for (let k = 0; ok && k < perK.length; k++) ok = r[2][perK[k]] === perV[k];
      if (ok && ts.length > 0) ok = matches(hay[i], ts); // the text last: it costs most
      if (ok) {
        list.push(i);
        inBody[bodyOf[i]]++;
      }
      shown[i] = ok;
    }
    // Only the rows of the chunks left visible get their attribute now.
    this.bodies.forEach((b, k) => {
      const none = inBody[k] === 0;
      if (none) this.stale[k] = true;
      else this.sync(k);
      if (b.hidden !== none) b.hidden = none;
    });
    const n = list.length;
    this.count.textContent = this.data.count
      .replace("{shown}", String(n))
      .replace("{total}", String(this.rows.length));
    this.empty.hidden = n > 0;
    this.inView.set(ts, list);
  }

  /** write brings row i's `hidden` attribute in line with shown. */
  private write(i: number): void {
    const h = !this.shown[i];
    if (this.rowHidden[i] !== h) {
      this.rowHidden[i] = h;
      this.rows[i].hidden = h;
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
}
