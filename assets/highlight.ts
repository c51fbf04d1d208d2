// Highlighting of matched search terms with <mark>, built with DOM APIs only:
// user text is never parsed as HTML.

/** Spans gives the [start, end, near] spans of a text to mark (search.ts marker). */
export type Spans = (text: string) => Array<[number, number, boolean]>;

/** clear removes the marks highlight added under root. */
export function clear(root: Element): void {
  const marks = root.querySelectorAll("mark");
  if (marks.length === 0) return;
  marks.forEach((m) => m.replaceWith(document.createTextNode(m.textContent || "")));
  root.normalize();
}

/**
 * mark wraps the spans of every text node under root in <mark>; a span
 * matched only through a typo gets class "near" (styled apart, so an exact
 * match stays obvious).
 */
export function mark(root: Element, spans: Spans): void {
  // Page chrome (the "Protect:" labels, the "#" link) is not searched, so not marked.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement && n.parentElement.closest("dt, .permalink") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const s = node.data;
    const rs = spans(s);
    if (rs.length === 0) continue;
    const frag = document.createDocumentFragment();
    let pos = 0;
    for (const [a, b, near] of rs) {
      if (a > pos) frag.append(s.slice(pos, a));
      const m = document.createElement("mark");
      if (near) m.className = "near";
      m.textContent = s.slice(a, b);
      frag.append(m);
      pos = b;
    }
    if (pos < s.length) frag.append(s.slice(pos));
    node.replaceWith(frag);
  }
}
