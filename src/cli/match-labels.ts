/**
 * Matching hand labels to extracted claims for `npm run eval`: a label is found when an extracted
 * claim holds the same words — one contains the other, or they share most of their words —
 * so that sentence segmentation differences do not count as misses.
 */
import { comparableText } from '../core/normalise-text.ts';

/** The index of the extracted claim that best matches a label's text, or -1. */
export function matchLabel(label: string, claims: readonly string[]): number {
  const want = comparableText(label);
  if (want.length === 0) return -1;
  const wantWords = new Set(want.split(' '));
  let best = -1;
  let bestScore = 0;
  claims.forEach((claim, i) => {
    const have = comparableText(claim);
    let score = 0;
    if (have === want) score = 3;
    else if (have.includes(want)) score = 2 + want.length / have.length;
    else if (want.includes(have) && have.length >= want.length * 0.5) score = 1 + have.length / want.length;
    else {
      const haveWords = new Set(have.split(' '));
      let shared = 0;
      for (const w of wantWords) if (haveWords.has(w)) shared++;
      const jaccard = shared / (wantWords.size + haveWords.size - shared);
      if (jaccard >= 0.6) score = jaccard;
    }
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
