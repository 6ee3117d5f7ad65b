/**
 * Text normalising for claims and quotes: one space for any run of whitespace, no invisible
 * formatting characters (zero-width, bidi overrides — hostile pages use them to disguise text).
 */

import { isInvisibleCode, isSpaceCode } from './text-chars.ts';

/**
 * Collapses whitespace and removes invisible characters; trims. One pass over char codes that
 * copies clean stretches whole (already-normal text comes back as is): it runs for every claim,
 * its quote context and the whole page text, where the three regex passes it replaces showed
 * in profiles.
 */
export function normaliseText(raw: string): string {
  const n = raw.length;
  let i = 0;
  while (i < n && isBlank(raw.charCodeAt(i))) i++;
  let out = '';
  let from = i;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c > 32 && c < 127) {
      i++;
    } else if (isInvisibleCode(c)) {
      out += raw.slice(from, i);
      from = ++i;
    } else if (!isSpaceCode(c)) {
      i++;
    } else if (c === 32 && i + 1 < n && !isBlank(raw.charCodeAt(i + 1))) {
      i++; // one plain space between words is already normal
    } else {
      // A run of spaces and invisibles: one space, or nothing at the end.
      const run = i;
      while (i < n && isBlank(raw.charCodeAt(i))) i++;
      out += i < n ? `${raw.slice(from, run)} ` : raw.slice(from, run);
      from = i;
    }
  }
  return from < n ? out + raw.slice(from, n) : out;
}

function isBlank(c: number): boolean {
  return c <= 32 ? isSpaceCode(c) : c >= 0xa0 && (isSpaceCode(c) || isInvisibleCode(c));
}

/** A lower-case, punctuation-free form for comparing texts ("same claim?"). */
export function comparableText(raw: string): string {
  return normaliseText(raw)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
