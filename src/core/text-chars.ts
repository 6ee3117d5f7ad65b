/**
 * Character classes of the text normalising, as char-code tests: the hot loops (normalising,
 * sentence trimming, quote context) ask them once per character, where a regex per character
 * or per string costs far more.
 */

/** True for what JavaScript's `\s` and `trim()` count as whitespace, except the BOM (invisible here). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** True for the invisible formatting characters normalising removes: zero-width, soft hyphen, bidi marks, BOM. */
export function isInvisibleCode(c: number): boolean {
  if (c < 0xad) return false;
  return (
    c === 0xad ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}
