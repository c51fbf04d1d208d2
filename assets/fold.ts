// Text folding for search: case- and accent-insensitive, word-prefix matching.
// The same fold runs over the row text (once, at start) and over the query.

const marks = /[\u0300-\u036f]/g;
const nonWord = /[^\p{L}\p{N}]+/u;

/** fold lowercases s and strips accents (NFD, combining marks removed). */
export function fold(s: string): string {
  return s.normalize("NFD").replace(marks, "").toLowerCase();
}

/** terms splits a query into folded words; empty words are dropped. */
export function terms(q: string): string[] {
  return fold(q).split(nonWord).filter((t) => t !== "");
}

/**
 * haystack turns row text into " word word word": a leading space before
 * every word, so a prefix match of term t is indexOf(" " + t).
 */
export function haystack(text: string): string {
  return " " + terms(text).join(" ");
}

/** matches reports whether every term starts some word of hay (AND). */
export function matches(hay: string, ts: string[]): boolean {
  for (const t of ts) {
    if (hay.indexOf(" " + t) < 0) return false;
  }
  return true;
}

/**
 * foldMap folds s one code point at a time and returns the folded text with,
 * for each folded UTF-16 unit, the index in s of the code point it came from.
 * Highlighting uses it to find matches in the original text.
 */
export function foldMap(s: string): { text: string; at: number[] } {
  let text = "";
  const at: number[] = [];
  let i = 0;
  for (const ch of s) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) at.push(i);
    text += f;
    i += ch.length;
  }
  at.push(i);
  return { text, at };
}
