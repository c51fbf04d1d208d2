// The filter state and its URL-fragment form, e.g.
// #q=sql+2014&w=sql-server&t=vmware-vm&v2=supported&c=database
// The offline file adds l (locale) and p (workload page shown).

/** State is everything the fragment can hold. f maps a facet key to a value. */
export interface State {
  q: string;
  f: Record<string, string>;
  l: string;
  p: string;
}

/** isState reports whether a fragment is state (has "=") rather than an anchor. */
export function isState(hash: string): boolean {
  return hash.replace(/^#/, "").indexOf("=") >= 0;
}

/** parse reads a fragment; unknown keys become facets, filtered by the caller. */
export function parse(hash: string): State {
  const s: State = { q: "", f: {}, l: "", p: "" };
  if (!isState(hash)) return s;
  new URLSearchParams(hash.replace(/^#/, "")).forEach((v, k) => {
    if (k === "q") s.q = v;
    else if (k === "l") s.l = v;
    else if (k === "p") s.p = v;
    else if (v !== "") s.f[k] = v;
  });
  return s;
}

/** format writes a fragment ("" when the state is empty), keys in a fixed order. */
export function format(s: State, facetOrder: string[]): string {
  const p = new URLSearchParams();
  if (s.l) p.set("l", s.l);
  if (s.p) p.set("p", s.p);
  if (s.q.trim()) p.set("q", s.q.trim());
  for (const k of facetOrder) if (s.f[k]) p.set(k, s.f[k]);
  const out = p.toString();
  return out ? "#" + out : "";
}

/** setHash changes the fragment: push adds a history entry, else it replaces. */
export function setHash(h: string, push: boolean): void {
  const url = location.href.replace(/#.*$/, "") + h;
  if (url === location.href) return;
  try {
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  } catch {
    // Some file:// setups refuse the History API; the fragment still works.
    if (push) location.hash = h;
    else location.replace(h || "#");
  }
}
