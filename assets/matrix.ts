// The matrix table's search and facets. The table is in the HTML; this only
// toggles the `hidden` attribute of rows whose visibility changes, so an
// update stays cheap at 10,000 rows: the search text of each row is folded
// once, at start, and the table is never rebuilt.

import { clear, mark } from "./highlight";
import { haystack, matches, terms } from "./fold";
import { State } from "./state";

interface RowData {
  w: string; // workload id
  t: string[]; // target ids
  s: string[]; // status per server, in data.servers order
  c: string[]; // capability ids
}

interface Data {
  servers: string[];
  count: string; // "{shown} of {total} rows"
  rows: RowData[];
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

  constructor(readonly root: HTMLElement) {
    const src = document.getElementById(root.dataset.data || "");
    this.data = JSON.parse((src && src.textContent) || "{}") as Data;
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
    const w = this.selects.get("w")?.value || "";
    const t = this.selects.get("t")?.value || "";
    const c = this.selects.get("c")?.value || "";
    const per: Array<[number, string]> = [];
    this.data.servers.forEach((id, i) => {
      const v = this.selects.get(id)?.value;
      if (v) per.push([i, v]);
    });
    const rows = this.data.rows;
    let n = 0;
    for (let i = 0; i < this.rows.length; i++) {
      const r = rows[i];
      let ok =
        !!r &&
        (!w || r.w === w) &&
        (!t || r.t.indexOf(t) >= 0) &&
        (!c || r.c.indexOf(c) >= 0) &&
        per.every(([k, v]) => r.s[k] === v) &&
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
