/**
 * The arithmetic of a windowed list: where each row starts (measured heights where known, an
 * estimate elsewhere), which rows meet the visible part of the list, and how the rendered rows
 * and the spacers standing in for the others follow one another. No DOM here: the component
 * (`VirtualList.tsx`) reads the layout and feeds these functions.
 */

/** Rows (by key) measured so far, with the running mean used to estimate the others. */
export class HeightCache {
  readonly #heights = new Map<number | string, number>();
  #sum = 0;
  #width: number | null = null;
  #estimate: number | null = null;
  #estimatedFrom = 0;
  /** Bumped on every change, so a component can tell that its layout is out of date. */
  version = 0;

  constructor(readonly fallback = 96) {}

  get(key: number | string): number | undefined {
    return this.#heights.get(key);
  }

  /** Records a measured height; false when it is the one already known (to the half pixel). */
  set(key: number | string, height: number): boolean {
    const before = this.#heights.get(key);
    if (before !== undefined && Math.abs(before - height) < 0.5) return false;
    this.#sum += height - (before ?? 0);
    this.#heights.set(key, height);
    this.version++;
    return true;
  }

  /**
   * The height assumed for a row never measured: the mean of those measured, or the fallback.
   * Taken again only when the rows measured have doubled since, so measuring a few more rows
   * does not move every spacer of every list (and re-render them) each time.
   */
  estimate(): number {
    const size = this.#heights.size;
    if (size === 0) return this.fallback;
    if (this.#estimate === null || size >= 2 * this.#estimatedFrom) {
      this.#estimate = this.#sum / size;
      this.#estimatedFrom = size;
    }
    return this.#estimate;
  }

  get size(): number {
    return this.#heights.size;
  }

  /**
   * Tells the width the rows are laid out at: rows wrap differently at another width, so the
   * heights measured before are forgotten (those on screen are measured again).
   */
  widthIs(width: number): void {
    if (this.#width !== null && Math.abs(width - this.#width) >= 1) this.clear();
    this.#width = width;
  }

  clear(): void {
    if (this.#heights.size === 0) return;
    this.#heights.clear();
    this.#sum = 0;
    this.#estimate = null;
    this.#estimatedFrom = 0;
    this.version++;
  }
}

/**
 * Where each row starts: `offsets[i]` is the top of row `i` from the top of the list, and
 * `offsets[count]` the list's height plus one trailing gap. Rows are `gap` apart (the list's
 * grid gap), so row `i` occupies `[offsets[i], offsets[i + 1] - gap)`.
 */
export function layoutRows(
  count: number,
  heightOf: (index: number) => number | undefined,
  estimate: number,
  gap = 0,
): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = (offsets[i] as number) + (heightOf(i) ?? estimate) + gap;
  return offsets;
}

/** A half-open range of row positions, `[start, end)`. */
export interface RowRange {
  start: number;
  end: number;
}

/** The first row whose bottom edge (gap included) lies below `y`; `count` when none does. */
function firstEndingAfter(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid + 1] as number) > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The rows that meet `[top, bottom)` — coordinates from the top of the list, so `top` is negative
 * while the list starts below the viewport's top — widened by `overscanPx` on each side. Empty
 * (`start === end`) when the widened band misses the list altogether.
 */
export function visibleRange(offsets: Float64Array, top: number, bottom: number, overscanPx = 0): RowRange {
  const count = offsets.length - 1;
  const from = top - overscanPx;
  const to = bottom + overscanPx;
  if (count === 0 || to <= 0 || from >= (offsets[count] as number)) return { start: 0, end: 0 };
  const start = firstEndingAfter(offsets, from);
  let end = firstEndingAfter(offsets, to);
  // `end` is the row that contains `to`, or `count`; include it when it starts above `to`.
  if (end < count && (offsets[end] as number) < to) end++;
  return { start, end: Math.max(start, end) };
}

/** What the list renders, top to bottom: runs of real rows, and spacers standing for the rest. */
export type Segment =
  | { kind: 'rows'; start: number; end: number }
  | { kind: 'spacer'; start: number; end: number };

/**
 * The rendered runs for a window plus a few rows that must exist wherever they are (the focused
 * row, a row the keyboard is moving to), with spacers in between, covering `[0, count)` in order.
 */
export function segmentsFor(count: number, range: RowRange, pinned: Iterable<number> = []): Segment[] {
  const rendered: RowRange[] = [];
  if (range.end > range.start) rendered.push({ start: range.start, end: Math.min(range.end, count) });
  for (const p of pinned) if (p >= 0 && p < count) rendered.push({ start: p, end: p + 1 });
  rendered.sort((a, b) => a.start - b.start);
  const merged: RowRange[] = [];
  for (const r of rendered) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) segments.push({ kind: 'spacer', start: at, end: r.start });
    segments.push({ kind: 'rows', start: r.start, end: r.end });
    at = r.end;
  }
  if (at < count) segments.push({ kind: 'spacer', start: at, end: count });
  return segments;
}

/**
 * The height of a spacer standing for rows `[start, end)`: their heights and the gaps between
 * them; the gap after the last one is the grid's, after the spacer.
 */
export function spacerHeight(offsets: Float64Array, start: number, end: number, gap: number): number {
  return Math.max(0, (offsets[end] as number) - (offsets[start] as number) - gap);
}
