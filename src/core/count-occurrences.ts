/**
 * How often each of many short texts occurs in one long text, in a single pass: a rolling hash
 * over windows of the shortest needle's length finds candidate places, which are then compared in
 * full. Linear in the haystack — searching it once per needle would be quadratic on long pages.
 */

const BASE = 31;

/**
 * Needle × haystack characters up to which searching with the engine's `indexOf` is quicker than
 * hashing every window (measured on the corpus pages in V8; a 5 MB page would be quadratic).
 */
const NATIVE_SEARCH_LIMIT = 2_000_000;

/** Whether each needle occurs exactly once in `haystack`. */
export function occursOnce(haystack: string, needles: readonly string[]): boolean[] {
  if (needles.length * haystack.length > NATIVE_SEARCH_LIMIT)
    return countOccurrences(haystack, needles).map((count) => count === 1);
  return needles.map((needle) => {
    const at = needle.length > 0 ? haystack.indexOf(needle) : -1;
    return at >= 0 && haystack.indexOf(needle, at + 1) < 0;
  });
}

/** Occurrence counts of each needle in `haystack` (overlapping occurrences count). */
export function countOccurrences(haystack: string, needles: readonly string[]): number[] {
  // Identical needles are counted once: a page repeating a sentence a thousand times must not
  // make every place it occurs compare it a thousand times.
  const distinct = [...new Set(needles)];
  const distinctCounts = countDistinct(haystack, distinct);
  const byNeedle = new Map(distinct.map((n, i) => [n, distinctCounts[i] ?? 0]));
  return needles.map((n) => byNeedle.get(n) ?? 0);
}

function countDistinct(haystack: string, needles: readonly string[]): number[] {
  const counts = needles.map(() => 0);
  let k = 24;
  let usable = 0;
  for (const n of needles) {
    if (n.length === 0) continue;
    usable++;
    if (n.length < k) k = n.length;
  }
  if (usable === 0 || haystack.length === 0) return counts;
  // Index the needles by the hash of their first k characters.
  const byHash = new Map<number, number[]>();
  let power = 1;
  for (let i = 0; i < k - 1; i++) power = Math.imul(power, BASE);
  // A bitset of the needles' hashes answers "no needle starts here" without a Map lookup, which
  // is the answer at almost every position. About 16 bits per needle keeps false hits rare; it is
  // sized to the needles because a fixed 128 KB array cost more to allocate than a small page's
  // whole count.
  let log = 10;
  while (log < 20 && 1 << log < needles.length * 16) log++;
  const bits = new Uint32Array(1 << (log - 5));
  const mask = (1 << log) - 1;
  for (let index = 0; index < needles.length; index++) {
    const needle = needles[index] as string;
    if (needle.length < k) continue;
    const h = hashOf(needle, k);
    const b = h & mask;
    bits[b >>> 5] = (bits[b >>> 5] as number) | (1 << (b & 31));
    const list = byHash.get(h);
    if (list) list.push(index);
    else byHash.set(h, [index]);
  }
  const n = haystack.length;
  if (n < k) return counts;
  // The loop reads no closure and never past the end of the text: either makes V8's optimised
  // code for it much slower in Chromium.
  let h = hashOf(haystack, k);
  for (let at = 0; ; at++) {
    const b = h & mask;
    if (((bits[b >>> 5] as number) >>> (b & 31)) & 1) {
      const candidates = byHash.get(h);
      if (candidates !== undefined) {
        for (const index of candidates) {
          if (haystack.startsWith(needles[index] as string, at))
            counts[index] = (counts[index] as number) + 1;
        }
      }
    }
    if (at + k >= n) break;
    // Slide the window: drop the first character, add the next one (kept in int32 all along).
    h =
      (Math.imul((h - Math.imul(haystack.charCodeAt(at), power)) | 0, BASE) + haystack.charCodeAt(at + k)) |
      0;
  }
  return counts;
}

function hashOf(text: string, k: number): number {
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  return h;
}
