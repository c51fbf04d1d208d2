// Highlighting of search matches in the rows a reader can see. At 10,000
// rows, marking every shown row costs seconds (each row's text is folded
// character by character and every change to the DOM relayouts), so only the
// shown rows in or near the viewport are marked: at once after a change, then
// as rows come into view (scrolling, or content-visibility rendering a row).

import { clear, mark, Spans } from "./highlight";

/** Rows within this many pixels above or below the viewport count as in view. */
const margin = 400;

/** InView marks the search terms in the shown rows near the viewport. */
export class InView {
  private ts: Spans | null = null;
  private shown: number[] = [];
  private marked: HTMLElement[] = [];
  private done = new WeakSet<HTMLElement>();
  private frame = 0;

  /** rows is the table's rows, in order; root holds them. */
  constructor(
    private readonly rows: HTMLElement[],
    root: HTMLElement,
  ) {
    const later = () => this.later();
    window.addEventListener("scroll", later, { passive: true });
    window.addEventListener("resize", later, { passive: true });
    // A content-visibility: auto row is rendered when it nears the viewport
    // (see main.css); rows once drawn at their placeholder size move then.
    root.addEventListener("contentvisibilityautostatechange", later, true);
  }

  /**
   * set replaces the marker ts (null: nothing to mark) and the shown rows
   * (indexes, in order), clears the old marks, and marks the shown rows in
   * view in the next animation frame — before that frame is drawn, so the
   * marks appear with the rows. Reading the rows' positions there uses the
   * layout the frame needs anyway, once however many changes came before
   * it (a fast typist, a test typing a batch of queries).
   */
  set(ts: Spans | null, shown: number[]): void {
    for (const r of this.marked) clear(r);
    this.marked = [];
    this.done = new WeakSet();
    this.ts = ts;
    this.shown = shown;
    this.later();
  }

  /** later marks what is in view in the next animation frame (once per frame). */
  private later(): void {
    if (this.frame || !this.ts) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.markInView();
    });
  }

  /** markInView finds the shown rows in view (a binary search over their positions) and marks them. */
  private markInView(): void {
    const s = this.shown;
    const ts = this.ts;
    if (!ts || s.length === 0 || this.rows[s[0]].getClientRects().length === 0) return; // nothing to mark, or not rendered
    const top = -margin;
    const bottom = window.innerHeight + margin;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[s[mid]].getBoundingClientRect().bottom > top) hi = mid;
      else lo = mid + 1;
    }
    // Read every position first, then write: a mark between two reads
    // would force a layout per row.
    const todo: HTMLElement[] = [];
    for (let k = lo; k < s.length; k++) {
      const row = this.rows[s[k]];
      if (row.getBoundingClientRect().top > bottom) break;
      if (!this.done.has(row)) todo.push(row);
    }
    for (const row of todo) {
      this.done.add(row);
      mark(row, ts);
      this.marked.push(row);
    }
  }
}
