/**
 * Re-anchors a review's claims on the page in three passes, cheapest first, within one budget:
 * 1. in saved-position order, each quote at its saved position, then at that position moved by
 *    the shift the claims before it showed (text added or removed above moves everything after
 *    it alike), then near there — one comparison each for a claim that did not change;
 * 2. the quotes still missing, all at once over the whole page (`sweepQuotes`);
 * 3. for quotes found nowhere, the text now between their old surroundings, aligned with the
 *    claims anchored around them (`findChangedText`): "changed", else "orphaned".
 * Claims the budget does not reach are "unchecked": the tab is never blocked for long.
 */
import type { QuoteSelector } from '../../src/core/claim.ts';
import { flatOf, MAX_PLACES, nearPlace, pickPlace, quoteAt, UNDECIDED } from './anchor-quote.ts';
import { type ChangedPlace, findChangedText } from './approximate.ts';
import { createBudget } from './budget.ts';
import { rangeFor, type TextIndex } from './page-text.ts';
import { sweepQuotes } from './sweep.ts';

/** The main-thread time re-anchoring may take, in ms: a long task, not a frozen tab. */
export const REANCHOR_TIME_MS = 100;
/** Characters the searches may look through in all (about 10 passes over a 1 MB page). */
export const REANCHOR_CHARS = 10_000_000;

/** How a claim fared. */
export interface Reanchored {
  status: 'anchored' | 'changed' | 'orphaned' | 'unchecked';
  method?: 'position' | 'quote';
  range?: Range;
  currentText?: string;
  /** Where the changed-text search looked (flat page text), when it ran. */
  changedPlace?: ChangedPlace;
}

/** Budget overrides (tests). */
export interface ReanchorOptions {
  timeMs?: number;
  chars?: number;
}

/** Re-anchors every selector; results in the order given. */
export function reanchorClaims(
  doc: Document,
  index: TextIndex,
  selectors: readonly QuoteSelector[],
  options: ReanchorOptions = {},
): Reanchored[] {
  const budget = createBudget(options.timeMs ?? REANCHOR_TIME_MS, options.chars ?? REANCHOR_CHARS);
  const raw = index.text;
  const n = selectors.length;
  const out: Reanchored[] = new Array(n);
  /** Raw [start, end) where each claim was anchored. */
  const at: Array<[number, number] | undefined> = new Array(n);
  const shiftAt = new Array<number>(n).fill(0);
  const order = [...selectors.keys()].sort(
    (a, b) =>
      (selectors[a]?.start ?? Number.POSITIVE_INFINITY) - (selectors[b]?.start ?? Number.POSITIVE_INFINITY),
  );
  const anchor = (i: number, start: number, end: number, method: 'position' | 'quote') => {
    const range = rangeFor(index, doc, start, end);
    if (!range) return false;
    at[i] = [start, end];
    out[i] = { status: 'anchored', method, range };
    return true;
  };

  // 1. Saved position, shifted position, near.
  let shift = 0;
  const missing: number[] = [];
  for (const i of order) {
    const sel = selectors[i] as QuoteSelector;
    if (budget.exhausted) {
      out[i] = { status: 'unchecked' };
      continue;
    }
    shiftAt[i] = shift;
    if (sel.exact === '') {
      out[i] = { status: 'orphaned' };
      continue;
    }
    const start = sel.start;
    if (start !== undefined) {
      let found = false;
      for (const s of shift === 0 ? [start] : [start, start + shift]) {
        const end = quoteAt(raw, s, sel);
        if (end >= 0 && anchor(i, s, end, s === start ? 'position' : 'quote')) {
          found = true;
          break;
        }
      }
      if (!found) {
        const flat = flatOf(index);
        const p = nearPlace(flat.text, sel, flat.toFlat(start + shift), budget);
        if (p >= 0) found = anchor(i, flat.toRaw(p), flat.toRaw(p + sel.exact.length - 1) + 1, 'quote');
      }
      if (found) {
        shift = (at[i] as [number, number])[0] - start;
        continue;
      }
    }
    missing.push(i);
  }
  if (missing.length === 0) return out;

  // 2. The missing quotes anywhere on the page, in one pass.
  const flat = flatOf(index);
  const swept = budget.exhausted
    ? null
    : sweepQuotes(
        flat.text,
        missing.map((i) => (selectors[i] as QuoteSelector).exact),
        budget,
      );
  const gone: number[] = [];
  missing.forEach((i, k) => {
    const sel = selectors[i] as QuoteSelector;
    const places = swept?.places[k];
    if (!swept || !places) {
      out[i] = { status: 'unchecked' };
      return;
    }
    if (places.length === 0) {
      gone.push(i);
      return;
    }
    const expected = sel.start !== undefined ? flat.toFlat(sel.start + (shiftAt[i] ?? 0)) : -1;
    const complete = (swept.complete[k] ?? false) && places.length <= MAX_PLACES;
    const p = pickPlace(flat.text, places.slice(0, MAX_PLACES), sel, expected, complete);
    if (p === UNDECIDED) out[i] = { status: 'unchecked' };
    else if (p < 0 || !anchor(i, flat.toRaw(p), flat.toRaw(p + sel.exact.length - 1) + 1, 'quote'))
      gone.push(i);
  });

  // 3. The text between the old surroundings, where the claim was expected.
  const neighbours = anchoredAround(order, at, selectors);
  for (const i of gone) {
    if (budget.exhausted) {
      out[i] = { status: 'unchecked' };
      continue;
    }
    const sel = selectors[i] as QuoteSelector;
    const place = sel.start !== undefined ? changedPlace(sel, neighbours.get(i), flat) : undefined;
    const changed = place ? findChangedText(flat.text, sel, place, budget) : null;
    if (!changed && budget.exhausted) out[i] = { status: 'unchecked' };
    else
      out[i] = {
        ...(changed ? { status: 'changed', currentText: changed.text } : { status: 'orphaned' }),
        ...(place ? { changedPlace: place } : {}),
      };
  }
  return out;
}

interface Around {
  /** The anchored claims just before and after, by saved position: saved and found raw spans. */
  before?: { saved: [number, number]; found: [number, number] };
  after?: { saved: [number, number]; found: [number, number] };
}

/** For each claim, the anchored claims just before and after it in saved-position order. */
function anchoredAround(
  order: readonly number[],
  at: ReadonlyArray<[number, number] | undefined>,
  selectors: readonly QuoteSelector[],
): Map<number, Around> {
  const around = new Map<number, Around>();
  const span = (i: number) => {
    const sel = selectors[i] as QuoteSelector;
    const found = at[i];
    return found && sel.start !== undefined && sel.end !== undefined
      ? { saved: [sel.start, sel.end] as [number, number], found }
      : undefined;
  };
  let last: Around['before'];
  for (const i of order) {
    if (!at[i]) around.set(i, last ? { before: last } : {});
    else last = span(i) ?? last;
  }
  let next: Around['after'];
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k] as number;
    const entry = around.get(i);
    if (entry && next) entry.after = next;
    else if (at[i]) next = span(i) ?? next;
  }
  return around;
}

/** Where the claim should be now, in flat text: its saved span moved as its anchored neighbours moved. */
function changedPlace(
  sel: QuoteSelector,
  around: Around | undefined,
  flat: { toFlat(raw: number): number },
): ChangedPlace {
  const start = sel.start as number;
  const end = sel.end ?? start + sel.exact.length;
  const before = around?.before;
  const after = around?.after;
  const shiftBefore = before ? before.found[0] - before.saved[0] : 0;
  const shiftAfter = after ? after.found[0] - after.saved[0] : shiftBefore;
  return {
    expected: flat.toFlat(start + shiftBefore),
    expectedEnd: flat.toFlat(end + shiftAfter),
    ...(before ? { from: flat.toFlat(before.found[1]) } : {}),
    ...(after ? { to: flat.toFlat(after.found[0]) } : {}),
  };
}
