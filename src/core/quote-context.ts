/**
 * A quote's prefix and suffix: the normalised text just before and after it. Read char by char
 * from the quote outwards, so only the few characters kept are looked at — normalising the whole
 * window per claim showed in profiles. Most windows are printable ASCII with single spaces,
 * already normal: those come back as one slice, without building the string char by char.
 */
import { charKind, isInvisibleCode, isSpaceCode, KEEP } from './text-chars.ts';

/** Printable ASCII other than the space: kept as is by normalising. */
function isPlain(c: number): boolean {
  return c > 32 && c < 127;
}

/** `normaliseText(text.slice(from, to)).slice(-max)`, read backwards from `to`. */
export function contextBefore(text: string, from: number, to: number, max: number): string {
  let end = to;
  while (end > from && charKind(text.charCodeAt(end - 1)) !== KEEP) end--;
  let i = end;
  let kept = 0;
  while (kept < max && i > from) {
    const c = text.charCodeAt(i - 1);
    // A plain character, or one space with a plain character on each side.
    if (!(isPlain(c) || (c === 32 && i - 2 >= from && isPlain(text.charCodeAt(i - 2))))) break;
    i--;
    kept++;
  }
  if (kept === max || i === from) return text.slice(i, end);
  return slowContext(text, from, to, max, true);
}

/** `normaliseText(text.slice(from, to)).slice(0, max)`, read forwards from `from`. */
export function contextAfter(text: string, from: number, to: number, max: number): string {
  let start = from;
  while (start < to && charKind(text.charCodeAt(start)) !== KEEP) start++;
  let i = start;
  let kept = 0;
  while (kept < max && i < to) {
    const c = text.charCodeAt(i);
    if (!(isPlain(c) || (c === 32 && i + 1 < to && isPlain(text.charCodeAt(i + 1))))) break;
    i++;
    kept++;
  }
  if (kept === max || i === to) return text.slice(start, i);
  return slowContext(text, from, to, max, false);
}

/**
 * The normalised context read char by char from the quote outwards (`backwards`: from `to` down
 * to `from`), for windows with whitespace runs or invisible characters.
 */
function slowContext(text: string, from: number, to: number, max: number, backwards: boolean): string {
  const codes: number[] = [];
  let gap = false;
  for (let k = 0; k < to - from && codes.length < max; k++) {
    const c = text.charCodeAt(backwards ? to - 1 - k : from + k);
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
  if (backwards) codes.reverse();
  return String.fromCharCode(...codes);
}
