/**
 * Finds a claim on the page again: its quote at its saved position first, then near it, then
 * anywhere — and a quote that occurs more than once is anchored only where its saved prefix or
 * suffix still stands. A quote found nowhere, or nowhere that can be told right, is not found:
 * never a wrong place.
 */
import type { QuoteSelector } from '../../src/core/claim.ts';
import { normaliseText } from '../../src/core/normalise-text.ts';
import { type Budget, UNBOUNDED } from './budget.ts';
import { flatContextScore, rawContextHolds } from './context.ts';
import { type FlatText, flatten } from './flat-text.ts';
import { rangeFor, type TextIndex } from './page-text.ts';

/** How far (flat characters) either side of the expected place the quote is looked for first. */
export const NEAR_WINDOW = 2_048;
/** Places holding the quote weighed at most, near it or on the whole page. */
export const MAX_PLACES = 64;

/**
 * Whether raw text starting with this character could normalise to the quote: its first
 * character, or whitespace or an invisible one that normalising drops. Most misses end here,
 * without normalising the span (that was most of the time of checking 500 saved positions).
 */
function mayStartQuote(code: number, exact: string): boolean {
  return code === exact.charCodeAt(0) || code <= 32 || code === 0xa0 || code === 0xad || code >= 0x1680;
}

/** The raw end of the quote when it stands at raw offset `at` with one of its surroundings, else -1. */
export function quoteAt(raw: string, at: number, sel: QuoteSelector): number {
  if (at < 0 || sel.exact === '') return -1;
  let end = -1;
  if (raw.startsWith(sel.exact, at)) end = at + sel.exact.length;
  else if (sel.start !== undefined && sel.end !== undefined && mayStartQuote(raw.charCodeAt(at), sel.exact)) {
    // The saved span may hold whitespace runs or invisible characters the quote has not.
    const to = at + sel.end - sel.start;
    if (to <= raw.length && normaliseText(raw.slice(at, to)) === sel.exact) end = to;
  }
  return end >= 0 && rawContextHolds(raw, at, end, sel) ? end : -1;
}

/** Not decided: too many places hold the quote to weigh them all. */
export const UNDECIDED = -2;

/**
 * The place to anchor among flat offsets holding the quote: most surroundings kept, then nearest
 * to `expected`. A place with neither surrounding is taken only when it is the quote's only place
 * on the page (`complete`: the list holds every place). -1: none can be told right.
 */
export function pickPlace(
  flat: string,
  places: readonly number[],
  sel: QuoteSelector,
  expected: number,
  complete: boolean,
): number {
  let best = -1;
  let bestScore = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const at of places) {
    const score = flatContextScore(flat, at, at + sel.exact.length, sel);
    const distance = expected >= 0 ? Math.abs(at - expected) : 0;
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = at;
      bestScore = score;
      bestDistance = distance;
    }
  }
  if (bestScore === 2) return best;
  // A place beyond the cap could keep both surroundings: do not settle for less.
  if (!complete) return UNDECIDED;
  if (bestScore === 1) return best;
  return bestScore === 0 && places.length === 1 ? best : -1;
}

/** Flat offsets where the quote stands in [from, to), at most MAX_PLACES; null when over budget. */
export function placesIn(
  flat: string,
  exact: string,
  from: number,
  to: number,
  budget: Budget,
): number[] | null {
  const lo = Math.max(0, from);
  const hi = Math.min(flat.length, to);
  if (hi - lo < exact.length || exact === '') return [];
  if (!budget.spend(hi - lo)) return null;
  // A slice bounds the search: indexOf on the whole text would run on to its end.
  const region = flat.slice(lo, hi);
  const out: number[] = [];
  for (
    let at = region.indexOf(exact);
    at >= 0 && out.length <= MAX_PLACES;
    at = region.indexOf(exact, at + 1)
  )
    out.push(lo + at);
  return out;
}

/** The quote near flat offset `expected`, where one of its surroundings still stands; -1 if not. */
export function nearPlace(flat: string, sel: QuoteSelector, expected: number, budget: Budget): number {
  const places = placesIn(
    flat,
    sel.exact,
    expected - NEAR_WINDOW,
    expected + NEAR_WINDOW + sel.exact.length,
    budget,
  );
  if (!places || places.length === 0) return -1;
  // Only a kept surrounding counts here: uniqueness is a question for the whole page.
  const at = pickPlace(flat, places.slice(0, MAX_PLACES), sel, expected, false);
  return at >= 0 && flatContextScore(flat, at, at + sel.exact.length, sel) > 0 ? at : -1;
}

/** Where a quote was found, and how. */
export type Anchor = { range: Range; method: 'position' | 'quote' } | null;

/** The normalised page text of an index, made once per index (on first need). */
export function flatOf(index: TextIndex): FlatText {
  // Kept on the index itself, not in a WeakMap keyed by it: once the key has left the young
  // generation, a WeakMap entry lives until the next full GC, so every re-anchoring left its
  // index and texts (MBs) behind, and in Chromium the next index's join took 3–4× longer.
  index.flat ??= flatten(index.text);
  return index.flat;
}

/** The DOM range for flat [at, at + length) of the page text. */
export function rangeForFlat(index: TextIndex, doc: Document, at: number, length: number): Range | null {
  const flat = flatOf(index);
  return rangeFor(index, doc, flat.toRaw(at), flat.toRaw(at + length - 1) + 1);
}

/** Anchors one quote selector in a page whose text index is given (showing a claim). */
export function anchorQuote(
  doc: Document,
  index: TextIndex,
  sel: QuoteSelector,
  budget: Budget = UNBOUNDED,
): Anchor {
  const raw = index.text;
  if (sel.start !== undefined) {
    const end = quoteAt(raw, sel.start, sel);
    const range = end >= 0 ? rangeFor(index, doc, sel.start, end) : null;
    if (range) return { range, method: 'position' };
  }
  const flat = flatOf(index);
  const expected = sel.start !== undefined ? flat.toFlat(sel.start) : -1;
  let at = expected >= 0 ? nearPlace(flat.text, sel, expected, budget) : -1;
  if (at < 0) {
    const places = placesIn(flat.text, sel.exact, 0, flat.text.length, budget);
    if (!places) return null;
    at = pickPlace(flat.text, places.slice(0, MAX_PLACES), sel, expected, places.length <= MAX_PLACES);
  }
  if (at < 0) return null;
  const range = rangeForFlat(index, doc, at, sel.exact.length);
  return range ? { range, method: 'quote' } : null;
}
