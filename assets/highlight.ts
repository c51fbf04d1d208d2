// Highlighting of matched search terms with <mark>, built with DOM APIs only:
// user text is never parsed as HTML.

import { foldMap, isWordAt } from "./fold";

/** clear removes the marks highlight added under root. */
export function clear(root: Element): void {
  const marks = root.querySelectorAll("mark");
  if (marks.length === 0) return;
  marks.forEach((m) => m.replaceWith(document.createTextNode(m.textContent || "")));
  root.normalize();
}

/** ranges finds [start, end) spans of s, in s's own indexes, where a term starts a word. */
function ranges(s: string, ts: string[]): Array<[number, number]> {
  const { text, at } = foldMap(s);
  const out: Array<[number, number]> = [];
  for (const t of ts) {
    let j = text.indexOf(t);
    while (j >= 0) {
      if (!isWordAt(text, j)) out.push([at[j], at[j + t.length]]);
      j = text.indexOf(t, j + 1);
    }
  }
  out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** mark wraps every word-prefix match of the folded terms ts under root. */
export function mark(root: Element, ts: string[]): void {
  if (ts.length === 0) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const s = node.data;
    const rs = ranges(s, ts);
    if (rs.length === 0) continue;
    const frag = document.createDocumentFragment();
    let pos = 0;
    for (const [a, b] of rs) {
      if (a > pos) frag.append(s.slice(pos, a));
      const m = document.createElement("mark");
      m.textContent = s.slice(a, b);
      frag.append(m);
      pos = b;
    }
    if (pos < s.length) frag.append(s.slice(pos));
    node.replaceWith(frag);
  }
}
