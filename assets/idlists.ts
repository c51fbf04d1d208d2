// The id lists of the page data: ascending ids written as base-32
// differences (build/search appendIDs), and their inversion.

/** Digit alphabet of the id lists (build/search appendIDs). */
const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
const digitOf = new Int8Array(128).fill(-1);
for (let i = 0; i < digits.length; i++) digitOf[digits.charCodeAt(i)] = i;

/** decodeLists reads space-separated id lists into offsets and ids. */
export function decodeLists(s: string): { off: Int32Array; ids: Int32Array } {
  let count = 0;
  let lists = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) lists++;
    else if (digitOf[c] < 32) count++;
  }
  const off = new Int32Array(lists + 1);
  const ids = new Int32Array(count);
  let l = 0;
  let n = 0;
  let acc = 0;
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      off[++l] = n;
      prev = 0;
      continue;
    }
    const d = digitOf[c];
    if (d >= 32) {
      acc = acc * 32 + (d - 32);
      continue;
    }
    prev += acc * 32 + d;
    ids[n++] = prev;
    acc = 0;
  }
  off[++l] = n;
  return { off, ids };
}

/** decodeIDs reads one id list (build/search AppendIDs). */
export function decodeIDs(s: string): number[] {
  const out: number[] = [];
  let acc = 0;
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    const d = digitOf[s.charCodeAt(i)];
    if (d >= 32) {
      acc = acc * 32 + (d - 32);
      continue;
    }
    prev += acc * 32 + d;
    out.push(prev);
    acc = 0;
  }
  return out;
}

/** invert turns lists (list → ids) into id → lists. */
export function invert(off: Int32Array, ids: Int32Array, size: number): { off: Int32Array; ids: Int32Array } {
  const counts = new Int32Array(size + 1);
  for (let k = 0; k < ids.length; k++) counts[ids[k] + 1]++;
  for (let k = 1; k <= size; k++) counts[k] += counts[k - 1];
  const out = new Int32Array(ids.length);
  const fill = counts.slice(0, size);
  for (let l = 0; l + 1 < off.length; l++) {
    for (let k = off[l]; k < off[l + 1]; k++) out[fill[ids[k]]++] = l;
  }
  return { off: counts, ids: out };
}
