/**
 * The last resort when a claim's exact quote is gone: look near where it was for the text that
 * sat between its old prefix and suffix. If both are still there, the claim "changed since
 * capture" and this is its new text; otherwise it is orphaned. The search is bounded: a window
 * around the old position, plain `indexOf`s — never an unbounded fuzzy search on the main thread.
 */
import type { QuoteSelector } from '../../src/core/claim.ts';
import { normaliseText } from '../../src/core/normalise-text.ts';

const WINDOW = 20_000;
const MAX_NEW_TEXT = 4_000;
/** How many places holding the old prefix are tried: pages repeat headings and table headers. */
const MAX_CANDIDATES = 200;

/**
 * The text that replaced the quote, or null when its surroundings are gone too. Every place the
 * old prefix still stands (up to MAX_CANDIDATES) is tried, and of those followed by the old suffix
 * the one nearest the old position wins: on a page of repeated sections the first match is
 * usually another section. Nothing left between prefix and suffix means the claim was removed.
 */
export function findChangedText(pageText: string, selector: QuoteSelector): { text: string } | null {
  const { prefix, suffix } = selector;
  if (prefix.length < 8 || suffix.length < 8) return null;
  const around = selector.start ?? 0;
  const from = Math.max(0, around - WINDOW);
  const region = normaliseText(pageText.slice(from, around + WINDOW + selector.exact.length));
  const old = around - from;
  let best: { text: string; distance: number } | null = null;
  let tried = 0;
  for (let p = region.indexOf(prefix); p >= 0 && tried < MAX_CANDIDATES; p = region.indexOf(prefix, p + 1)) {
    tried++;
    const after = p + prefix.length;
    // Only a suffix within MAX_NEW_TEXT counts, so search no further than that.
    const s = region.slice(after, after + MAX_NEW_TEXT + suffix.length).indexOf(suffix);
    if (s < 0) continue;
    const distance = Math.abs(after - old);
    if (!best || distance < best.distance) best = { text: region.slice(after, after + s).trim(), distance };
  }
  return best && best.text !== '' ? { text: best.text } : null;
}
