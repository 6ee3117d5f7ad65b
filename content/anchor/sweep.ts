/**
 * Every place many quotes stand on the page, found in one pass: claims whose quote is not near
 * its old place are looked up together with one regular expression over the page text, instead
 * of one full-page `indexOf` each (a full scan per missing claim was most of re-anchoring's time).
 */

import { MAX_PLACES } from './anchor-quote.ts';
import type { Budget } from './budget.ts';

/** The head of each quote the expression looks for; a hit is checked against the whole quote. */
const HEAD = 32;
/** Quotes per expression: keeps each expression small to compile. */
const CHUNK = 256;
/** Hits weighed in one pass at most: a quote matching everywhere must not stall the page. */
const MAX_HITS = 20_000;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each quote's places (flat offsets, at most MAX_PLACES + 1) and whether the list is complete; null when over budget. */
export function sweepQuotes(
  flat: string,
  quotes: readonly string[],
  budget: Budget,
): { places: number[][]; complete: boolean[] } | null {
  const places = quotes.map((): number[] => []);
  const complete = quotes.map(() => true);
  for (let from = 0; from < quotes.length; from += CHUNK) {
    const byHead = new Map<string, number[]>();
    for (let q = from; q < Math.min(quotes.length, from + CHUNK); q++) {
      const quote = quotes[q] as string;
      if (quote === '') continue;
      const head = quote.slice(0, HEAD);
      byHead.set(head, [...(byHead.get(head) ?? []), q]);
    }
    if (byHead.size === 0) continue;
    if (!budget.spend(flat.length)) return null;
    // Longest first, so a head that begins with a shorter head is tried before it; the shorter
    // heads it hides are checked at each hit (`within`).
    const heads = [...byHead.keys()].sort((a, b) => b.length - a.length);
    const within = new Map(heads.map((h) => [h, heads.filter((o) => o !== h && h.startsWith(o))]));
    const pattern = new RegExp(heads.map(escapeRegExp).join('|'), 'g');
    let hits = 0;
    for (let m = pattern.exec(flat); m; m = pattern.exec(flat)) {
      const at = m.index;
      for (const head of [m[0], ...(within.get(m[0]) ?? [])]) {
        for (const q of byHead.get(head) ?? []) {
          if (!flat.startsWith(quotes[q] as string, at)) continue;
          if (places[q]?.length === MAX_PLACES + 1) complete[q] = false;
          else places[q]?.push(at);
        }
      }
      if (++hits > MAX_HITS) {
        for (const q of byHead.values()) for (const i of q) complete[i] = false;
        break;
      }
      // One character on, not past the hit: quotes may overlap.
      pattern.lastIndex = at + 1;
    }
  }
  return { places, complete };
}
