// The reader's language: a remembered choice, else the browser's preference.

const key = "matrixdoc.lang";

/** remember stores the chosen locale (ignored where storage is refused). */
export function remember(loc: string): void {
  try {
    localStorage.setItem(key, loc);
  } catch {
    /* private mode or file:// without storage: the choice is just not kept */
  }
}

/** remembered returns the stored choice, or "". */
export function remembered(): string {
  try {
    return localStorage.getItem(key) || "";
  } catch {
    return "";
  }
}

/** pick chooses among locales: remembered choice, navigator.languages, then fallback. */
export function pick(locales: string[], fallback: string): string {
  const r = remembered();
  if (locales.indexOf(r) >= 0) return r;
  const prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (const p of prefs) {
    const primary = (p || "").toLowerCase().split("-")[0];
    if (locales.indexOf(primary) >= 0) return primary;
  }
  return fallback;
}

/**
 * initToggles makes every a[data-lang-toggle] remember the choice when
 * followed, and returns a function that copies the current fragment (the
 * filter state or an anchor) onto their hrefs.
 */
export function initToggles(): () => void {
  const links = Array.from(document.querySelectorAll<HTMLAnchorElement>("a[data-lang-toggle]"));
  const bases = links.map((a) => (a.getAttribute("href") || "").replace(/#.*$/, ""));
  links.forEach((a) => a.addEventListener("click", () => remember(a.hreflang)));
  const update = () => links.forEach((a, i) => a.setAttribute("href", bases[i] + location.hash));
  update();
  return update;
}

/** initPicker sends the reader of the language picker page to their language. */
export function initPicker(root: HTMLElement): void {
  const links = Array.from(root.querySelectorAll<HTMLAnchorElement>("a[hreflang]"));
  links.forEach((a) => a.addEventListener("click", () => remember(a.hreflang)));
  const locs = links.map((a) => a.hreflang);
  const chosen = links[locs.indexOf(pick(locs, root.dataset.default || locs[0]))];
  if (chosen) location.replace(chosen.href + location.hash);
}
