/**
 * Text normalising for claims and quotes: one space for any run of whitespace, no invisible
 * formatting characters (zero-width, bidi overrides — hostile pages use them to disguise text).
 */

import { DROP, KEEP, KINDS, TABLE_END } from './text-chars.ts';

/**
 * Collapses whitespace and removes invisible characters; trims. One pass over char codes that
 * copies clean stretches whole (already-normal text comes back as is): it runs for every claim
 * and the whole page text, where the three regex passes it replaces showed in profiles. The
 * character table is read inline: in Chromium a helper call per character made it slower than
 * the regexes.
 */
export function normaliseText(raw: string): string {
  const n = raw.length;
  let i = 0;
  while (i < n && kindOf(raw.charCodeAt(i)) !== KEEP) i++;
  let out = '';
  let from = i;
  while (i < n) {
    const c = raw.charCodeAt(i);
    // Printable ASCII, and one plain space before it, are the common case: already normal.
    // (Never read past the end: an out-of-range charCodeAt makes V8 drop the optimised loop.)
    if (c > 32 && c < 127) {
      i++;
      continue;
    }
    if (c === 32 && i + 1 < n) {
      const next = raw.charCodeAt(i + 1);
      if (next > 32 && next < 127) {
        i += 2;
        continue;
      }
    }
    const kind = c < TABLE_END ? (KINDS[c] as number) : c === 0xfeff ? DROP : KEEP;
    if (kind === KEEP) {
      i++;
      continue;
    }
    if (kind === DROP) {
      out += raw.slice(from, i);
      from = ++i;
      continue;
    }
    // A run of spaces and invisibles: one space, or nothing at the end.
    const run = i++;
    while (i < n) {
      const d = raw.charCodeAt(i);
      if ((d < TABLE_END ? (KINDS[d] as number) : d === 0xfeff ? DROP : KEEP) === KEEP) break;
      i++;
    }
    if (c === 32 && i === run + 1 && i < n) continue; // one plain space between words is normal
    out += i < n ? `${raw.slice(from, run)} ` : raw.slice(from, run);
    from = i;
  }
  return from < n ? out + raw.slice(from, n) : out;
}

function kindOf(c: number): number {
  return c < TABLE_END ? (KINDS[c] as number) : c === 0xfeff ? DROP : KEEP;
}

/** A lower-case, punctuation-free form for comparing texts ("same claim?"). */
export function comparableText(raw: string): string {
  return normaliseText(raw)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
