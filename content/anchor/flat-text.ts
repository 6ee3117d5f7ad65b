/**
 * The page text as `normaliseText` would see it (whitespace runs as one space, invisible
 * characters gone — but not trimmed), made with one regex pass, with a map between its offsets
 * and the raw page text's. The map is kept only where the text changes: most runs are a single
 * space and cost nothing, so a 1 MB page costs one native scan instead of a per-character loop.
 */

const WS = '\\t\\n\\v\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const INVISIBLE = '\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF';
/** A run that normalising changes: two or more of either kind, or one that is not a plain space. */
const IRREGULAR = new RegExp(`[${WS}${INVISIBLE}]{2,}|[${WS.replace(' ', '')}${INVISIBLE}]`, 'g');
const HAS_SPACE = new RegExp(`[${WS}]`);

/** Normalised page text with offset maps both ways. */
export interface FlatText {
  text: string;
  /** The raw offset of a flat offset (a collapsed run maps to its first character). */
  toRaw(flat: number): number;
  /** The flat offset of a raw offset (inside a collapsed run: where the run's space stands). */
  toFlat(raw: number): number;
}

/** Flattens raw page text in one pass. */
export function flatten(raw: string): FlatText {
  // Where each changed run stands in both texts, its lengths, and the offset shift after it.
  const flatAt: number[] = [];
  const rawAt: number[] = [];
  const rawLen: number[] = [];
  const flatLen: number[] = [];
  let shift = 0;
  const text = raw.replace(IRREGULAR, (run: string, at: number) => {
    const out = HAS_SPACE.test(run) ? ' ' : '';
    flatAt.push(at - shift);
    rawAt.push(at);
    rawLen.push(run.length);
    flatLen.push(out.length);
    shift += run.length - out.length;
    return out;
  });
  const last = (keys: number[], x: number) => {
    let lo = 0;
    let hi = keys.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((keys[mid] as number) <= x) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  /** The shift of offsets after run i (raw − flat). */
  const after = (i: number) =>
    (rawAt[i] as number) + (rawLen[i] as number) - (flatAt[i] as number) - (flatLen[i] as number);
  return {
    text,
    toRaw(flat) {
      const i = last(flatAt, flat);
      if (i < 0) return flat;
      return flat < (flatAt[i] as number) + (flatLen[i] as number) ? (rawAt[i] as number) : flat + after(i);
    },
    toFlat(rawOffset) {
      const i = last(rawAt, rawOffset);
      if (i < 0) return rawOffset;
      return rawOffset < (rawAt[i] as number) + (rawLen[i] as number)
        ? (flatAt[i] as number)
        : rawOffset - after(i);
    },
  };
}
