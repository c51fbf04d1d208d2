// The matrix table's search and facets. The table is in the HTML; this only
// toggles the `hidden` attribute of rows whose visibility changes, so an
// update stays cheap at 10,000 rows: the search text of each row is folded
// once, at start, and the table is never rebuilt.

import { clear, mark } from "./highlight";
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

/** Rows highlighted synchronously; the rest follow in animation frames. */
const markBatch = 60;

/** MatrixApp drives one matrix: a form of controls and a table. */
export class MatrixApp {
  readonly facetKeys: string[];
  private data: Data;
  private rows: HTMLElement[];
  private hay: string[];
  private shown: boolean[];
  private input: HTMLInputElement;
  private selects = new Map<string, HTMLSelectElement>();
  private count: HTMLElement;
  private empty: HTMLElement;
  private marked: HTMLElement[] = [];
  private gen = 0;
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
    this.hay = this.rows.map((r) => haystack(r.textContent || ""));
    this.shown = this.rows.map((r) => !r.hidden);
    this.input = root.querySelector<HTMLInputElement>("input[type=search]")!;
    root.querySelectorAll<HTMLSelectElement>("select[name]").forEach((s) => this.selects.set(s.name, s));
    this.facetKeys = Array.from(this.selects.keys());
    this.count = root.querySelector<HTMLElement>("[data-count]")!;
    this.empty = root.querySelector<HTMLElement>("[data-empty]")!;
    const form = root.querySelector<HTMLFormElement>("form")!;
    form.hidden = false;
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
    const per: Array<[number, number]> = [];
    d.servers.forEach((id, i) => {
      const v = want(id, d.st);
      if (v !== undefined) per.push([i, v]);
    });
    const rows = d.rows;
    let n = 0;
    for (let i = 0; i < this.rows.length; i++) {
      const r = rows[i];
      const ok =
        !!r &&
        (w === undefined || r[0] === w) &&
        (t === undefined || r[1].indexOf(t) >= 0) &&
        (c === undefined || r[3].indexOf(c) >= 0) &&
        per.every(([k, v]) => r[2][k] === v) &&
        matches(this.hay[i], ts);
      if (ok) n++;
      if (ok !== this.shown[i]) {
        this.shown[i] = ok;
        this.rows[i].hidden = !ok;
      }
    }
    this.count.textContent = this.data.count
      .replace("{shown}", String(n))
      .replace("{total}", String(this.rows.length));
    this.empty.hidden = n > 0;
    this.highlight(ts);
  }

  /** highlight re-marks the visible rows: a first batch now, the rest later. */
  private highlight(ts: string[]): void {
    const gen = ++this.gen;
    for (const r of this.marked) clear(r);
    this.marked = [];
    if (ts.length === 0) return;
    let i = 0;
    const step = (budget: number) => {
      if (gen !== this.gen) return;
      let done = 0;
      for (; i < this.rows.length && done < budget; i++) {
        if (!this.shown[i]) continue;
        mark(this.rows[i], ts);
        this.marked.push(this.rows[i]);
        done++;
      }
      if (i < this.rows.length) requestAnimationFrame(() => step(markBatch * 4));
    };
    step(markBatch);
  }
}
