// The browser's half of build/search: a query matched against the index
// the build ships with the page (words.ts folds and splits it). The rules
// are defined (and documented) in build/search; this file implements the
// same ones, and the browser tests check that the two agree on every text
// of the seed and on queries made from every row's words.
//
// Speed at 10,000 rows: nothing here looks at row text. A term is looked
// up in the sorted vocabulary (binary search for the words it starts; a
// linear pass only for typo tolerance), then spread to the rows through
// inverted lists (word → groups → rows), so a keystroke costs what the
// matching words' postings cost; each term's rows are cached, so typing
// recomputes only the last word.

import { decodeIDs, decodeLists, invert } from "./idlists";
import { exact, Folder, fuzzy, isDigit, isWordChar, joinable, minFuzzyWord, near, numberOK, Term, units } from "./words";

export { decodeIDs } from "./idlists";
export { exact, Folder, units } from "./words";
export type { Term } from "./words";

/** SearchData is the index as build/search writes it (Index.AppendJSON). */
export interface SearchData {
  fold: Record<string, string>;
  stop: string;
  nt: number;
  words: string;
  groups: string;
  implied: Record<string, string>;
  rows: string;
}

/** RowKeys gives a row's facet values as the index names them ("t:vmware-vm"), whose label groups it has too. */
export type RowKeys = (row: number) => string[];

/** Match levels of a row or word: none, near (through a typo), exact. */
export const NONE = 0;
export const NEAR = 1;
export const EXACT = 2;

/** Terms cached per index (each is a Uint8Array of the row count). */
const cacheSize = 24;

/** SearchIndex is one page's index. */
export class SearchIndex {
  readonly folder: Folder;
  readonly words: string[];
  readonly nt: number;
  private readonly stop: Set<string>;
  private readonly data: SearchData;
  private decoded = false;
  private wordGroups!: { off: Int32Array; ids: Int32Array };
  private groupRows!: { off: Int32Array; ids: Int32Array };
  private groupWords!: { off: Int32Array; ids: Int32Array };
  private rowGroups!: { off: Int32Array; ids: Int32Array };
  private cache = new Map<string, Uint8Array>();
  private wordCache = new Map<string, number[]>();
  private byWord: Map<string, number> | null = null;
  /** sorted lists the word ids in string order: the text words, then the others. */
  private sorted!: Int32Array;

  constructor(
    d: SearchData,
    private readonly rowKeys: RowKeys,
  ) {
    this.data = d;
    this.folder = new Folder(d.fold || {});
    this.words = d.words ? d.words.split(" ") : [];
    this.nt = d.nt || 0;
    this.stop = new Set(d.stop ? d.stop.split(" ") : []);
  }

  /** rows is the number of rows the index has. */
  get rows(): number {
    this.decode();
    return this.rowGroups.off.length - 1;
  }

  /** decode reads the id lists and inverts them (once, the first time a search needs them). */
  decode(): void {
    if (this.decoded) return;
    this.decoded = true;
    this.groupWords = decodeLists(this.data.groups || "");
    // A row's groups: its own, then those of its facet values' labels.
    const own = decodeLists(this.data.rows || "");
    const implied = new Map<string, number[]>();
    for (const k in this.data.implied || {}) implied.set(k, decodeIDs(this.data.implied[k]));
    const n = own.off.length - 1;
    const lists: number[][] = [];
    let total = 0;
    for (let r = 0; r < n; r++) {
      const l: number[] = [];
      for (let j = own.off[r]; j < own.off[r + 1]; j++) l.push(own.ids[j]);
      for (const k of this.rowKeys(r)) {
        const gs = implied.get(k);
        if (gs) for (const g of gs) if (l.indexOf(g) < 0) l.push(g);
      }
      lists.push(l);
      total += l.length;
    }
    const off = new Int32Array(n + 1);
    const ids = new Int32Array(total);
    let x = 0;
    lists.forEach((l, r) => {
      off[r] = x;
      for (const g of l) ids[x++] = g;
    });
    off[n] = x;
    this.rowGroups = { off, ids };
    this.wordGroups = invert(this.groupWords.off, this.groupWords.ids, this.words.length);
    this.groupRows = invert(this.rowGroups.off, this.rowGroups.ids, this.groupWords.off.length - 1);
    const ws = this.words;
    const byString = (a: number, b: number) => (ws[a] < ws[b] ? -1 : ws[a] > ws[b] ? 1 : 0);
    const text = Array.from({ length: this.nt }, (_, i) => i).sort(byString);
    const other = Array.from({ length: ws.length - this.nt }, (_, i) => i + this.nt).sort(byString);
    this.sorted = Int32Array.from(text.concat(other));
  }

  /** terms parses a query (build/search.ParseQuery). */
  terms(q: string): Term[] {
    const f = this.folder.fold(q);
    const us = units(f);
    if (us.length === 0) return [];
    const terms: Term[] = [];
    us.forEach((u, i) => {
      if (i > 0 && (u.sep === "-" || u.sep === "." || u.sep === "_")) {
        terms[terms.length - 1].text += u.word;
        return;
      }
      if (i > 0) terms[terms.length - 1].join = joinable(u.sep);
      terms.push({ text: u.word, join: false });
    });
    const last = terms[terms.length - 1];
    const cs = Array.from(f);
    const r = cs[cs.length - 1];
    let open = isWordChar(r);
    if (r === "." && isDigit(cs[cs.length - 2]) && /^[0-9]+$/.test(last.text)) {
      last.text += ".";
      open = true;
    }
    // Stop phrases: a run typed apart whose words joined by "_" are a stop word, longest first.
    const drop = new Uint8Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      let key = terms[i].text;
      let end = -1;
      for (let j = i; j + 1 < terms.length && j - i + 2 <= maxJoinTerms && terms[j].join; j++) {
        key += "_" + terms[j + 1].text;
        if (this.stop.has(key)) end = j + 1;
      }
      if (end >= 0) {
        drop.fill(1, i, end + 1);
        i = end;
      }
    }
    const kept: Term[] = [];
    terms.forEach((t, i) => {
      if (drop[i] || (this.stop.has(t.text) && !(i === terms.length - 1 && open))) {
        // Joined across a dropped stop word, not across a stop phrase (build/search.ParseQuery).
        if (kept.length) kept[kept.length - 1].join = kept[kept.length - 1].join && t.join && !drop[i];
        return;
      }
      kept.push(t);
    });
    return kept.length ? kept : terms;
  }

  /** lowerBound is the first position in [lo, hi) of sorted whose word is not below t. */
  private lowerBound(t: string, lo: number, hi: number): number {
    const ws = this.words;
    const o = this.sorted;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ws[o[mid]] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** wordMatches lists the words a term matches with their level: [id, level, id, level, …] (cached). */
  wordMatches(t: string, allowTypo: boolean): number[] {
    const key = (allowTypo ? "~" : "=") + t;
    const hit = this.wordCache.get(key);
    if (hit) return hit;
    const out = this.findWords(t, allowTypo);
    this.wordCache.set(key, out);
    if (this.wordCache.size > cacheSize) this.wordCache.delete(this.wordCache.keys().next().value as string);
    return out;
  }

  /** findWords is wordMatches without the cache. */
  private findWords(t: string, allowTypo: boolean): number[] {
    this.decode();
    const out: number[] = [];
    const ws = this.words;
    const o = this.sorted;
    const seen = new Set<number>();
    for (const [lo, hi] of [
      [0, this.nt],
      [this.nt, ws.length],
    ]) {
      for (let k = this.lowerBound(t, lo, hi); k < hi && ws[o[k]].startsWith(t); k++) {
        const i = o[k];
        if (!numberOK(t, ws[i])) continue;
        out.push(i, EXACT);
        seen.add(i);
      }
    }
    if (allowTypo && fuzzy(t)) {
      const min = Math.max(minFuzzyWord, t.length - 1);
      for (let i = 0; i < ws.length; i++) {
        const w = ws[i];
        if (w.length >= min && !seen.has(i) && near(t, w)) out.push(i, NEAR);
      }
    }
    return out;
  }

  /** rowLevels is the best level per row of a word or joined words (cached). */
  private rowLevels(t: string, allowTypo: boolean): Uint8Array {
    const key = (allowTypo ? "~" : "=") + t;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    this.decode();
    const wm = this.wordMatches(t, allowTypo);
    const ng = this.groupWords.off.length - 1;
    const g = new Uint8Array(ng);
    const wg = this.wordGroups;
    for (let k = 0; k < wm.length; k += 2) {
      const w = wm[k];
      const lv = wm[k + 1];
      for (let j = wg.off[w]; j < wg.off[w + 1]; j++) if (g[wg.ids[j]] < lv) g[wg.ids[j]] = lv;
    }
    const rows = new Uint8Array(this.rowGroups.off.length - 1);
    const gr = this.groupRows;
    for (let x = 0; x < ng; x++) {
      const lv = g[x];
      if (!lv) continue;
      for (let j = gr.off[x]; j < gr.off[x + 1]; j++) if (rows[gr.ids[j]] < lv) rows[gr.ids[j]] = lv;
    }
    this.cache.set(key, rows);
    if (this.cache.size > cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    return rows;
  }

  /**
   * match gives each row its level for the terms (build/search.Index.Search):
   * EXACT when the terms are covered without a typo, NEAR when only with
   * one, NONE when not at all.
   */
  match(terms: Term[]): Uint8Array {
    this.decode();
    const n = this.rowGroups.off.length - 1;
    const out = new Uint8Array(n);
    if (terms.length === 0) return out.fill(EXACT);
    const single = terms.map((t) => this.rowLevels(t.text, true));
    const runs = joinedRuns(terms);
    // joined[i][L-2]: the run of L terms from term i read as one word.
    const joined = runs.map((ts) => ts.map((t) => this.rowLevels(t, false)));
    const k = terms.length;
    // ok[j], ex[j]: the first j terms covered (by any match, by exact ones).
    const ok = new Uint8Array(k + 1);
    const ex = new Uint8Array(k + 1);
    for (let r = 0; r < n; r++) {
      ok[0] = ex[0] = 1;
      let j = 1;
      for (; j <= k; j++) {
        const s = single[j - 1][r];
        let a = ok[j - 1] && s !== NONE ? 1 : 0;
        let e = ex[j - 1] && s === EXACT ? 1 : 0;
        for (let l = 2; l <= j && !(a && e); l++) {
          const js = joined[j - l];
          if (l - 2 < js.length && js[l - 2][r] === EXACT) {
            if (ok[j - l]) a = 1;
            if (ex[j - l]) e = 1;
          }
        }
        ok[j] = a;
        ex[j] = e;
        if (!a && (j < 2 || !ok[j - 1])) {
          // A later run could still start at an earlier covered point.
          let any = 0;
          for (let x = Math.max(0, j - maxJoinTerms + 1); x < j && !any; x++) any = ok[x];
          if (!any) break;
        }
      }
      out[r] = j <= k ? NONE : ex[k] ? EXACT : ok[k] ? NEAR : NONE;
    }
    return out;
  }

  /** wordID finds a word of the vocabulary (-1 when it is none). */
  wordID(w: string): number {
    if (!this.byWord) {
      this.byWord = new Map();
      this.words.forEach((x, i) => this.byWord!.set(x, i));
    }
    const i = this.byWord.get(w);
    return i === undefined ? -1 : i;
  }

  /**
   * closest lists up to n words of the visible text nearest to t (by edit
   * distance to the word or to its start), among the words of the rows
   * allowed (all when null), nearest first.
   */
  closest(t: string, allowed: Uint8Array | null, n: number): string[] {
    this.decode();
    let words: Iterable<number>;
    if (allowed) {
      const set = new Set<number>();
      const rg = this.rowGroups;
      const gw = this.groupWords;
      for (let r = 0; r < allowed.length; r++) {
        if (!allowed[r]) continue;
        for (let j = rg.off[r]; j < rg.off[r + 1]; j++) {
          const g = rg.ids[j];
          for (let x = gw.off[g]; x < gw.off[g + 1]; x++) if (gw.ids[x] < this.nt) set.add(gw.ids[x]);
        }
      }
      words = set;
    } else {
      words = Array.from({ length: this.nt }, (_, i) => i);
    }
    const limit = t.length >= 8 ? 3 : 2;
    const scored: Array<[number, number, string]> = [];
    for (const i of words) {
      const w = this.words[i];
      if (/^[0-9.]+$/.test(w) !== /^[0-9.]+$/.test(t)) continue;
      let d = distance(t, w);
      for (let len = Math.max(1, t.length - 1); len <= t.length + 1 && len < w.length; len++) d = Math.min(d, distance(t, w.slice(0, len)) + 0.5);
      if (d <= limit) scored.push([d, -(this.wordGroups.off[i + 1] - this.wordGroups.off[i]), w]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1));
    return scored.slice(0, n).map((s) => s[2]);
  }

  /**
   * marker returns, for the terms, the function highlight uses on a text:
   * the [start, end, near] spans (in the text's own indexes) of its words
   * that match a term, joined words included.
   */
  marker(terms: Term[]): (text: string) => Array<[number, number, boolean]> {
    const matched = new Map<string, number>(); // word → level
    const texts = terms.map((t) => t.text);
    const all = texts.slice();
    for (const ts of joinedRuns(terms)) all.push(...ts);
    all.forEach((t, i) => {
      const wm = this.wordMatches(t, i < texts.length);
      for (let k = 0; k < wm.length; k += 2) {
        const w = this.words[wm[k]];
        matched.set(w, Math.max(matched.get(w) || 0, wm[k + 1]));
      }
    });
    return (text: string) => {
      const { text: f, at } = this.folder.foldMap(text);
      const us = units(f);
      const out: Array<[number, number, boolean]> = [];
      for (let i = 0; i < us.length; i++) {
        const u = us[i];
        const lv = matched.get(u.word);
        if (lv === EXACT) {
          // Only the part typed: the longest term the word starts with.
          let len = 0;
          for (const t of all) if (t.length > len && exact(t, u.word)) len = t.length;
          const end = len > 0 && len < u.word.length && u.end - u.start === u.word.length ? u.start + len : u.end;
          out.push([at[u.start], at[end], false]);
        } else if (lv === NEAR) {
          out.push([at[u.start], at[u.end], true]);
        }
        // A term found as words joined ("hyperv" in "Hyper-V"): the parts it
        // spans, each whole.
        for (const t of all) {
          if (t.length <= u.word.length || !t.startsWith(u.word)) continue;
          let w = u.word;
          for (let j = i + 1; j < us.length && j - i < 2 && joinable(us[j].sep); j++) {
            w += us[j].word;
            if (w.length < t.length) continue;
            if (matched.get(w) === EXACT && exact(t, w)) {
              for (let x = i; x <= j; x++) out.push([at[us[x].start], at[us[x].end], false]);
            }
            break;
          }
        }
      }
      out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
      const merged: Array<[number, number, boolean]> = [];
      for (const r of out) {
        const last = merged[merged.length - 1];
        if (last && r[0] <= last[1]) {
          last[1] = Math.max(last[1], r[1]);
          last[2] = last[2] && r[2];
        } else merged.push([r[0], r[1], r[2]]);
      }
      return merged;
    };
  }
}

/**
 * maxJoinTerms is the most adjacent terms read together as one word
 * (build/search.MaxJoinTerms): "bare metal recovery" finds the joined
 * spelling of the synonym.
 */
export const maxJoinTerms = 6;

/** joinedRuns lists, per term, the runs of 2 to maxJoinTerms terms from it joined ("windows", "server" → "windowsserver"). */
function joinedRuns(terms: Term[]): string[][] {
  return terms.map((t, i) => {
    const out: string[] = [];
    let text = t.text;
    for (let j = i; j + 1 < terms.length && j - i + 2 <= maxJoinTerms && terms[j].join; j++) {
      text += terms[j + 1].text;
      out.push(text);
    }
    return out;
  });
}

/** distance is the optimal string alignment distance of a and b. */
export function distance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1);
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}
