/**
 * Finds a claim on the page again: the cheap selector first (its position, checked against the
 * quote), then the exact quote in the normalised page text (prefix and suffix break ties).
 * A quote found nowhere is reported as not found — never a wrong place.
 */
import type { QuoteSelector } from '../../src/core/claim.ts';
import { normaliseText } from '../../src/core/normalise-text.ts';
import { rangeFor, type TextIndex } from './page-text.ts';

/** A normalised view of the page text with a map back to raw offsets. */
interface Normalised {
  text: string;
  /** raw offset of each normalised character */
  toRaw: number[];
}

const SPACE = /[\s\u00A0]/;
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

function normaliseWithMap(raw: string): Normalised {
  const out: string[] = [];
  const toRaw: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) {
      if (out.length > 0 && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      out.push(' ');
      toRaw.push(pendingSpace);
      pendingSpace = -1;
    }
    out.push(ch);
    toRaw.push(i);
  }
  return { text: out.join(''), toRaw };
}

/**
 * The normalised page text per text index, made once: when the page changed, most claims miss
 * their stored position and fall back to the quote — normalising the whole page for each of them
 * made re-anchoring 500 claims on a 1 MB page take 25 s instead of a fraction of a second.
 */
const normalised = new WeakMap<TextIndex, Normalised>();

function normalisedOf(index: TextIndex): Normalised {
  let norm = normalised.get(index);
  if (!norm) {
    norm = normaliseWithMap(index.text);
    normalised.set(index, norm);
  }
  return norm;
}

/** Where a quote was found, and how. */
export type Anchor = { range: Range; method: 'position' | 'quote' } | null;

/** Anchors a quote selector in a page whose text index is given. */
export function anchorQuote(doc: Document, index: TextIndex, selector: QuoteSelector): Anchor {
  const { start, end, exact } = selector;
  if (start !== undefined && end !== undefined && end <= index.text.length) {
    if (normaliseText(index.text.slice(start, end)) === exact) {
      const range = rangeFor(index, doc, start, end);
      if (range) return { range, method: 'position' };
    }
  }
  const norm = normalisedOf(index);
  let best = -1;
  let bestScore = -1;
  for (let at = norm.text.indexOf(exact); at >= 0; at = norm.text.indexOf(exact, at + 1)) {
    const before = norm.text.slice(Math.max(0, at - selector.prefix.length - 1), at).trim();
    const after = norm.text.slice(at + exact.length, at + exact.length + selector.suffix.length + 1).trim();
    const score = (before.endsWith(selector.prefix) ? 1 : 0) + (after.startsWith(selector.suffix) ? 1 : 0);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
    if (score === 2) break;
  }
  if (best < 0) return null;
  const rawStart = norm.toRaw[best];
  const rawLast = norm.toRaw[best + exact.length - 1];
  if (rawStart === undefined || rawLast === undefined) return null;
  const range = rangeFor(index, doc, rawStart, rawLast + 1);
  return range ? { range, method: 'quote' } : null;
}
