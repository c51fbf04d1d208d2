// Words, the browser's half of build/search's tokenizer: folding with the
// page's table, splitting a text into words with the version rule, and
// matching one word against one term (build/search Fold, Tokens, Units,
// MatchWord — read their docs for the rules; the browser tests check that
// this file agrees with them on every text of the seed).

const nonASCII = /[^\x00-\x7f]/;
const asciiSpecial = /[`\t\n\r]/g;
const marks = /\p{M}/gu;
const wordChar = /[\p{L}\p{N}]/u;
const letter = /\p{L}/u;

/** isDigit reports whether c is an ASCII digit. */
export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c.length === 1 && c >= "0" && c <= "9";
}

/** isWordChar reports whether c is a letter or digit (\p{L}, \p{N}). */
export function isWordChar(c: string): boolean {
  const k = c.charCodeAt(0);
  if (k < 0x80) return (k >= 0x30 && k <= 0x39) || (k >= 0x61 && k <= 0x7a) || (k >= 0x41 && k <= 0x5a);
  return wordChar.test(c);
}

function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k < 0x80) return (k >= 0x61 && k <= 0x7a) || (k >= 0x41 && k <= 0x5a);
  return letter.test(c);
}

/** Folder folds text as build/search.Fold does, with the page's table. */
export class Folder {
  constructor(private readonly table: Record<string, string>) {}

  /** char folds one code point. */
  char(c: string): string {
    const t = this.table[c];
    if (t !== undefined) return t;
    const k = c.charCodeAt(0);
    if (k < 0x80) {
      if (c === "`") return "'";
      if (c === "\t" || c === "\n" || c === "\r") return " ";
      return c.toLowerCase();
    }
    let out = "";
    for (const d of c.normalize("NFKD").replace(marks, "")) {
      const s = this.table[d];
      out += s !== undefined ? s : d.toLowerCase();
    }
    return out;
  }

  /** fold folds a text. */
  fold(s: string): string {
    if (!nonASCII.test(s)) return s.toLowerCase().replace(asciiSpecial, (c) => (c === "`" ? "'" : " "));
    let out = "";
    for (const c of s) out += this.char(c);
    return out;
  }

  /**
   * foldMap folds s and maps each UTF-16 unit of the result to the index in
   * s of the character it came from (at[text.length] is s.length), for
   * marking matches in the original text.
   */
  foldMap(s: string): { text: string; at: number[] } {
    const at: number[] = [];
    let text = "";
    let i = 0;
    for (const c of s) {
      const f = this.char(c);
      for (let k = 0; k < f.length; k++) at.push(i);
      text += f;
      i += c.length;
    }
    at.push(i);
    return { text, at };
  }
}

/** A token: a word of a folded text, the separator before it, and where it is. */
export interface Token {
  word: string;
  sep: string;
  start: number;
  end: number;
}

/** tokens splits a folded text into words (build/search.Tokens). */
export function tokens(folded: string): Token[] {
  const out: Token[] = [];
  const cs = Array.from(folded);
  let word = "";
  let sep = "";
  let start = 0;
  let pos = 0;
  const flush = () => {
    if (word !== "") out.push({ word, sep, start, end: pos });
    if (word !== "") sep = "";
    word = "";
  };
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    if (isWordChar(c)) {
      if (word === "") start = pos;
      word += c;
      pos += c.length;
      continue;
    }
    if (word !== "" && i + 1 < cs.length) {
      if (c === "." && isDigit(word[word.length - 1]) && isDigit(cs[i + 1])) {
        word += ".";
        pos += 1;
        continue;
      }
      if (c === "'" && isLetter(Array.from(word).pop()) && isLetter(cs[i + 1])) {
        pos += 1;
        continue;
      }
    }
    flush();
    sep += c;
    pos += c.length;
  }
  flush();
  return out;
}

function isNumber(w: string): boolean {
  return /^[0-9]+(\.[0-9]+)*$/.test(w);
}

function isRelease(w: string): boolean {
  return /^r[0-9]+$/.test(w);
}

function releaseTail(w: string): string {
  const m = /^[0-9]+(?:\.[0-9]+)*(r[0-9]+)$/.exec(w);
  return m ? m[1] : "";
}

/** joinable reports whether a separator only splits a spelling (build/search.joinable). */
export function joinable(sep: string): boolean {
  return /^(?: *-? *|[._])$/.test(sep) && sep !== "";
}

/** A unit: a word after the version rule (build/search.Units). */
export interface Unit extends Token {
  release: string;
}

/** units tokenizes a folded text and joins a version number with its release qualifier. */
export function units(folded: string): Unit[] {
  const ts = tokens(folded);
  const out: Unit[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    const n = ts[i + 1];
    if (n && isNumber(t.word) && isRelease(n.word) && joinable(n.sep) && n.sep !== "." && n.sep !== "_") {
      out.push({ word: t.word + n.word, sep: t.sep, start: t.start, end: n.end, release: n.word });
      i++;
      continue;
    }
    out.push({ ...t, release: releaseTail(t.word) });
  }
  return out;
}

/** A query term (build/search.Term). */
export interface Term {
  text: string;
  join: boolean;
}

/** The typo rule: terms of minFuzzyTerm letters, prefixes of minFuzzyWord (build/search). */
const minFuzzyTerm = 4;
export const minFuzzyWord = 5;

/** fuzzy reports whether a term is matched with one typo allowed (build/search.Term.Fuzzy). */
export function fuzzy(t: string): boolean {
  if (t.length < minFuzzyTerm) return false;
  for (let i = 0; i < t.length; i++) {
    const k = t.charCodeAt(i);
    if (k >= 0xd800 && k <= 0xdfff) return false;
    if (!(k >= 0x61 && k <= 0x7a) && !(k >= 0x80 && letter.test(t[i]))) return false;
  }
  return true;
}

/** numberOK: a term ending in a digit does not stop inside a number. */
export function numberOK(t: string, w: string): boolean {
  const n = t.length;
  if (w.length < n + 2 || !isDigit(t[n - 1]) || !isDigit(w[n + 1])) return true;
  const c = w[n];
  return c !== "." && c !== "r";
}

/** exact reports whether word w starts with term t (build/search.MatchWord, Exact). */
export function exact(t: string, w: string): boolean {
  return w.startsWith(t) && numberOK(t, w);
}

/** same reports whether t[a..a+n) equals w[b..b+n). */
function same(t: string, a: number, w: string, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (t.charCodeAt(a + k) !== w.charCodeAt(b + k)) return false;
  return true;
}

/** near reports whether a prefix of w of 5 letters or more is one edit from t (build/search.nearPrefix). */
export function near(t: string, w: string): boolean {
  const n = t.length;
  const m = w.length;
  let i = 0;
  while (i < n && i < m && t.charCodeAt(i) === w.charCodeAt(i)) i++;
  if (i === n) return false;
  if (n >= minFuzzyWord && m >= n) {
    if (same(t, i + 1, w, i + 1, n - i - 1)) return true; // substitution
    if (i + 1 < n && t[i] === w[i + 1] && t[i + 1] === w[i] && same(t, i + 2, w, i + 2, n - i - 2)) return true; // transposition
  }
  if (n - 1 >= minFuzzyWord && m >= n - 1 && same(t, i + 1, w, i, n - i - 1)) return true; // one letter too many
  if (n + 1 >= minFuzzyWord && m >= n + 1 && same(t, i, w, i + 1, n - i)) return true; // one letter missing
  return false;
}
