/**
 * A quote's prefix and suffix: the normalised text just before and after it. Read char by char
 * from the quote outwards, so only the few characters kept are looked at — normalising the whole
 * window per claim showed in profiles.
 */
import { isInvisibleCode, isSpaceCode } from './text-chars.ts';

/** `normaliseText(text.slice(from, to)).slice(-max)`, read backwards from `to`. */
export function contextBefore(text: string, from: number, to: number, max: number): string {
  const codes: number[] = [];
  let gap = false;
  for (let i = to - 1; i >= from && codes.length < max; i--) {
    const c = text.charCodeAt(i);
    if (isInvisibleCode(c)) continue;
    if (isSpaceCode(c)) {
      // Only a space between two kept characters survives normalising (trim, collapse).
      gap = codes.length > 0;
      continue;
    }
    if (gap) {
      gap = false;
      codes.push(32);
      if (codes.length === max) break;
    }
    codes.push(c);
  }
  return String.fromCharCode(...codes.reverse());
}

/** `normaliseText(text.slice(from, to)).slice(0, max)`, read forwards from `from`. */
export function contextAfter(text: string, from: number, to: number, max: number): string {
  const codes: number[] = [];
  let gap = false;
  for (let i = from; i < to && codes.length < max; i++) {
    const c = text.charCodeAt(i);
    if (isInvisibleCode(c)) continue;
    if (isSpaceCode(c)) {
      gap = codes.length > 0;
      continue;
    }
    if (gap) {
      gap = false;
      codes.push(32);
      if (codes.length === max) break;
    }
    codes.push(c);
  }
  return String.fromCharCode(...codes);
}
