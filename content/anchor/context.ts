/**
 * Whether a place holding a quote still has the quote's saved surroundings (its prefix before,
 * its suffix after): a repeated quote is anchored only where at least one of them holds.
 */
import type { QuoteSelector } from '../../src/core/claim.ts';
import { normaliseText } from '../../src/core/normalise-text.ts';

/** The raw characters the saved prefix and suffix were cut from (see `finishSelectors`). */
const AFFIX_SPAN = 96;

type Affixes = Pick<QuoteSelector, 'prefix' | 'suffix'>;

/** The saved prefix stands before raw offset `start`, cut the way capture cut it. */
function prefixBefore(raw: string, start: number, prefix: string): boolean {
  // Verbatim first: on most pages the surroundings are plain text and need no normalising.
  if (prefix !== '' && raw.endsWith(prefix, start)) return true;
  const cut = normaliseText(raw.slice(Math.max(0, start - AFFIX_SPAN), start));
  return prefix === '' ? cut === '' : cut.endsWith(prefix);
}

/** The saved suffix stands after raw offset `end`, cut the way capture cut it. */
function suffixAfter(raw: string, end: number, suffix: string): boolean {
  if (suffix !== '' && raw.startsWith(suffix, end)) return true;
  const cut = normaliseText(raw.slice(end, end + AFFIX_SPAN));
  return suffix === '' ? cut === '' : cut.startsWith(suffix);
}

/**
 * Whether at least one of the surroundings stands around raw [start, end): all a position check
 * needs to know. The suffix is read only when the prefix does not hold, since each check may
 * normalise up to 96 characters (where markup puts line breaks and indentation between elements).
 */
export function rawContextHolds(raw: string, start: number, end: number, sel: Affixes): boolean {
  return prefixBefore(raw, start, sel.prefix) || suffixAfter(raw, end, sel.suffix);
}

/** 0, 1 or 2: how many of the surroundings stand around flat [at, end) of normalised page text. */
export function flatContextScore(flat: string, at: number, end: number, sel: Affixes): number {
  // An empty prefix or suffix was cut at the page's edge: it holds only at the edge.
  const before =
    sel.prefix === ''
      ? at === 0 || (at === 1 && flat[0] === ' ')
      : flat
          .slice(Math.max(0, at - sel.prefix.length - 1), at)
          .trimEnd()
          .endsWith(sel.prefix);
  const after =
    sel.suffix === ''
      ? end === flat.length || (end === flat.length - 1 && flat[end] === ' ')
      : flat
          .slice(end, end + sel.suffix.length + 1)
          .trimStart()
          .startsWith(sel.suffix);
  return (before ? 1 : 0) + (after ? 1 : 0);
}
