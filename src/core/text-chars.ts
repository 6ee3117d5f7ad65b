/**
 * Character classes of the text normalising, as one table lookup per char code: the hot loops
 * (normalising, sentence trimming, quote context) ask once per character, where a regex per
 * character, or a chain of range comparisons, cost far more in Chromium's profiles.
 */

/** Kept as is. */
export const KEEP = 0;
/** Whitespace: what JavaScript's `\s` and `trim()` count, except the BOM. */
export const SPACE = 1;
/** Invisible formatting removed outright: zero-width, soft hyphen, bidi marks, BOM. */
export const DROP = 2;

/** Char codes below this are looked up in `KINDS`; above it only the BOM (U+FEFF) is not KEEP. */
export const TABLE_END = 0x3001;
/** KEEP, SPACE or DROP for char codes below TABLE_END (hot loops read it directly). */
export const KINDS = new Uint8Array(TABLE_END);
for (const c of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000])
  KINDS[c] = SPACE;
for (let c = 0x2000; c <= 0x200a; c++) KINDS[c] = SPACE;
for (const [from, to] of [
  [0xad, 0xad],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
] as const) {
  for (let c = from; c <= to; c++) KINDS[c] = DROP;
}

/** KEEP, SPACE or DROP for a UTF-16 code unit. */
export function charKind(c: number): number {
  return c < TABLE_END ? (KINDS[c] as number) : c === 0xfeff ? DROP : KEEP;
}

/** True for whitespace (as `\s`, less the BOM, which counts as invisible here). */
export function isSpaceCode(c: number): boolean {
  return charKind(c) === SPACE;
}

/** True for the invisible formatting characters normalising removes. */
export function isInvisibleCode(c: number): boolean {
  return charKind(c) === DROP;
}
