/**
 * Text normalising for claims and quotes: one space for any run of whitespace, no invisible
 * formatting characters (zero-width, bidi overrides — hostile pages use them to disguise text).
 */

// Zero-width characters, soft hyphen, bidi embedding/override/isolate marks, BOM.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

/** Collapses whitespace and removes invisible characters; trims. */
export function normaliseText(raw: string): string {
  // Most text has no invisible characters: test before rewriting.
  const visible = NEEDS_INVISIBLE.test(raw) ? raw.replace(INVISIBLE, '') : raw;
  return visible.replace(SPACE, ' ').trim();
}

const NEEDS_INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** A lower-case, punctuation-free form for comparing texts ("same claim?"). */
export function comparableText(raw: string): string {
  return normaliseText(raw)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
