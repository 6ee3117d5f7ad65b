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

/** The text that replaced the quote, or null when its surroundings are gone too. */
export function findChangedText(pageText: string, selector: QuoteSelector): { text: string } | null {
  const { prefix, suffix } = selector;
  if (prefix.length < 8 || suffix.length < 8) return null;
  const around = selector.start ?? 0;
  const from = Math.max(0, around - WINDOW);
  const region = normaliseText(pageText.slice(from, around + WINDOW + selector.exact.length));
  const p = region.indexOf(prefix);
  if (p < 0) return null;
  const after = p + prefix.length;
  const s = region.indexOf(suffix, after);
  if (s < 0 || s - after > MAX_NEW_TEXT) return null;
  return { text: region.slice(after, s).trim() };
}
