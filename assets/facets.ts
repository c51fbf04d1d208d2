// One select of the filter form: its options, their row counts, and the
// rows' values for it.

/** Row is a row of the facet data (see FacetData in matrix.ts). */
export type Row = [number, number[], number[], number[], number];

/**
 * Facet is one select of the filter form and the rows' values for it, kept
 * flat (offsets and values in typed arrays): the loop over 10,000 rows on
 * every keystroke counts every facet's options.
 */
export class Facet {
  readonly opts: HTMLOptionElement[] = [];
  /** optVal is each option's value index (-1: "all", or a value the data does not know). */
  private readonly optVal: Int32Array;
  counts: Int32Array;
  all = 0;
  private shown: number[] = [];
  /**
   * off and vals: row i's value indexes are vals[off[i]] … vals[off[i+1]-1],
   * made the first time a row is asked about (not while the page starts:
   * a page opened with no filter needs them only for the counts, after the
   * first paint).
   */
  private off = new Int32Array(0);
  private vals = new Int32Array(0);
  private flat = false;

  constructor(
    readonly sel: HTMLSelectElement,
    readonly table: string[],
    private readonly rows: Row[],
    /** values calls f with each of a row's value indexes. */
    private readonly values: (r: Row, f: (v: number) => void) => void,
  ) {
    this.opts = Array.from(sel.options);
    this.optVal = Int32Array.from(this.opts, (o) => (o.value ? table.indexOf(o.value) : -1));
    this.counts = new Int32Array(table.length);
  }

  /** flatten makes off and vals. */
  private flatten(): void {
    this.flat = true;
    const rows = this.rows;
    this.off = new Int32Array(rows.length + 1);
    const vs: number[] = [];
    rows.forEach((r, i) => {
      this.off[i] = vs.length;
      if (r) this.values(r, (v) => vs.push(v));
    });
    this.off[rows.length] = vs.length;
    this.vals = Int32Array.from(vs);
  }

  /** want is the selected value's index, -1 for one the data does not know, undefined for "all". */
  want(): number | undefined {
    const v = this.sel.value;
    return v ? this.table.indexOf(v) : undefined;
  }

  /** has reports whether row i has value v. */
  has(i: number, v: number): boolean {
    if (!this.flat) this.flatten();
    const vals = this.vals;
    for (let j = this.off[i], e = this.off[i + 1]; j < e; j++) if (vals[j] === v) return true;
    return false;
  }

  count(i: number): void {
    if (!this.flat) this.flatten();
    this.all++;
    const vals = this.vals;
    const c = this.counts;
    for (let j = this.off[i], e = this.off[i + 1]; j < e; j++) c[vals[j]]++;
  }

  reset(): void {
    this.counts.fill(0);
    this.all = 0;
  }

  /** label writes the counts into the options' labels (only those that changed). */
  label(pattern: string): void {
    this.opts.forEach((o, i) => {
      const v = this.optVal[i];
      const n = v >= 0 ? this.counts[v] : o.value ? 0 : this.all;
      if (this.shown[i] !== n) {
        this.shown[i] = n;
        o.label = pattern.replace("{label}", o.text).replace("{count}", String(n));
      }
      // The chosen option stays enabled: the select must be able to show it.
      const off = n === 0 && !o.selected;
      if (o.disabled !== off) o.disabled = off;
    });
  }
}
