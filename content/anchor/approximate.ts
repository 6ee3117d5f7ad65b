/**
 * The last resort when a claim's exact quote is gone: the text that now stands between its old
 * prefix and suffix, where the claim should be. If both surroundings stand there, the claim
 * "changed since capture" and this is its new text; otherwise it is orphaned. A page repeats its
 * sentences (every section's table starts with the same header), so the surroundings must stand
 * where the claim was expected — aligned with the claims anchored before or after it — not
 * merely somewhere near: another section's look-alike is never reported as the claim's new text.
 *
 * The search is bounded per claim: a window of 2·ALIGN characters for one surrounding, then at
 * most MAX_TRIES searches of MAX_NEW_TEXT characters for the other — plain `indexOf`s on slices,
 * each charged to the caller's budget. Never an unbounded search on the main thread.
 */
import type { QuoteSelector } from '../../src/core/claim.ts';
import { type Budget, UNBOUNDED } from './budget.ts';

/** How far (flat characters) a surrounding may stand from where the claim was expected. */
export const ALIGN = 256;
/** The longest new text reported. */
export const MAX_NEW_TEXT = 4_000;
/** Places of the aligned surrounding tried, nearest first. */
export const MAX_TRIES = 8;

/** Where, in flat page text, the claim is expected to start and end, and what it must lie between. */
export interface ChangedPlace {
  /** Expected start (from the claims anchored before it). */
  expected: number;
  /** Expected end (from the claims anchored after it), when known. */
  expectedEnd?: number;
  /** The end of the claim anchored before it and the start of the one after it. */
  from?: number;
  to?: number;
}

/** Flat offsets where `needle` stands in [lo, hi), nearest to `target` first (at most MAX_TRIES). */
function nearest(
  flat: string,
  needle: string,
  lo: number,
  hi: number,
  target: number,
  budget: Budget,
): number[] {
  const a = Math.max(0, lo);
  const b = Math.min(flat.length, hi);
  if (b - a < needle.length || !budget.spend(b - a)) return [];
  const region = flat.slice(a, b);
  const out: number[] = [];
  for (let at = region.indexOf(needle); at >= 0; at = region.indexOf(needle, at + 1)) out.push(a + at);
  return out.sort((x, y) => Math.abs(x - target) - Math.abs(y - target)).slice(0, MAX_TRIES);
}

/**
 * The text that replaced the quote (flat page text, offsets in it), or null when its surroundings
 * are gone too, or stand only away from where the claim was. Nothing left between prefix and
 * suffix means the claim was removed. Without `place`, the selector's start is the expected place.
 */
export function findChangedText(
  flat: string,
  selector: QuoteSelector,
  place?: ChangedPlace,
  budget: Budget = UNBOUNDED,
): { text: string } | null {
  const { prefix, suffix } = selector;
  if (prefix.length < 8 || suffix.length < 8) return null;
  const expected = place?.expected ?? selector.start ?? -1;
  if (expected < 0) return null;
  // The new text lies between the claims anchored around it; its surroundings may overlap them.
  const from = place?.from ?? 0;
  const to = Math.min(flat.length, place?.to ?? flat.length);
  const between = (a: number, b: number) => {
    const text = flat.slice(a, b).trim();
    return text === '' ? null : { text };
  };
  // The prefix ends where the claim was expected to start (a space may stand between).
  const prefixLo = Math.max(from, expected - ALIGN) - prefix.length - 1;
  const prefixHi = Math.min(to, expected + ALIGN) + 1;
  for (const p of nearest(flat, prefix, prefixLo, prefixHi, expected - prefix.length, budget)) {
    const after = p + prefix.length;
    const suffixHi = Math.min(to, after + MAX_NEW_TEXT) + suffix.length + 2;
    const s = nearest(flat, suffix, after, suffixHi, after, budget);
    if (s[0] !== undefined) return between(after, Math.min(...s));
  }
  // Or the suffix starts where the claim was expected to end, the prefix before it.
  const end = place?.expectedEnd;
  if (end === undefined || end < 0) return null;
  const suffixLo = Math.max(from, end - ALIGN) - 1;
  for (const s of nearest(
    flat,
    suffix,
    suffixLo,
    Math.min(to, end + ALIGN) + suffix.length + 1,
    end,
    budget,
  )) {
    const lo = Math.max(from, s - MAX_NEW_TEXT) - prefix.length - 2;
    const p = nearest(flat, prefix, lo, s, s, budget);
    if (p[0] !== undefined) return between(Math.max(...p) + prefix.length, s);
  }
  return null;
}
