// Text folding for search: case- and accent-insensitive, word-prefix matching.
// The same fold runs over the row text (once per row, lazily) and over the
// query. A word is a run of letters and digits (\p{L}\p{N}).
//
// Speed at 10,000 rows (~3.3 M characters): splitting the folded row text
// with a Unicode-property regexp costs ~160 ms in Chromium, so the row's
// search text is the folded text itself and a match checks the character
// before it instead (isWordAt); ASCII text skips normalize().

const marks = /[\u0300-\u036f]/g;
const nonWord = /[^\p{L}\p{N}]+/u;
const wordChar = /[\p{L}\p{N}]/u;
const nonASCII = /[^\x00-\x7f]/;

/** fold lowercases s and strips accents (NFD, combining marks removed). */
export function fold(s: string): string {
  if (!nonASCII.test(s)) return s.toLowerCase();
  return s.normalize("NFD").replace(marks, "").toLowerCase();
}

/** terms splits a query into folded words; empty words are dropped. */
export function terms(q: string): string[] {
  return fold(q).split(nonWord).filter((t) => t !== "");
}

/**
 * haystack is a row's search text: " " + its folded text. A term t matches
 * where it starts a word: an occurrence not preceded by a word character.
 */
export function haystack(text: string): string {
  return " " + fold(text);
}

/**
 * isWordAt reports whether the code point ending just before index i of s
 * (that is, s[i-1], or the surrogate pair s[i-2..i]) is a letter or digit.
 */
export function isWordAt(s: string, i: number): boolean {
  if (i <= 0) return false;
  const c = s.charCodeAt(i - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return wordChar.test(s.slice(i - 2, i));
  return wordChar.test(s[i - 1]);
}

/** startsWord reports whether term t starts some word of s (t is a folded word). */
export function startsWord(s: string, t: string): boolean {
  for (let j = s.indexOf(t); j >= 0; j = s.indexOf(t, j + 1)) {
    if (!isWordAt(s, j)) return true;
  }
  return false;
}

/** matches reports whether every term starts some word of hay (AND). */
export function matches(hay: string, ts: string[]): boolean {
  for (const t of ts) {
    if (!startsWord(hay, t)) return false;
  }
  return true;
}

/**
 * foldMap folds s one code point at a time and returns the folded text with,
 * for each folded UTF-16 unit, the index in s of the code point it came from.
 * Highlighting uses it to find matches in the original text.
 */
export function foldMap(s: string): { text: string; at: number[] } {
  if (!nonASCII.test(s)) {
    // ASCII folds one unit to one unit: the map is the identity.
    const at: number[] = new Array(s.length + 1);
    for (let i = 0; i <= s.length; i++) at[i] = i;
    return { text: s.toLowerCase(), at };
  }
  let text = "";
  const at: number[] = [];
  let i = 0;
  for (const ch of s) {
    const f = ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : fold(ch);
    for (let k = 0; k < f.length; k++) at.push(i);
    text += f;
    i += ch.length;
  }
  at.push(i);
  return { text, at };
}
