import { expect, test } from 'vitest';
import {
  HeightCache,
  layoutRows,
  segmentsFor,
  spacerHeight,
  visibleRange,
} from '../../../src/sidepanel/virtual-window.ts';

/** Offsets for rows of the given heights (undefined: not measured) with an estimate and a gap. */
const layout = (heights: Array<number | undefined>, estimate = 100, gap = 0) =>
  layoutRows(heights.length, (i) => heights[i], estimate, gap);

test('rows start where the ones above end: measured heights, the estimate for the others, and the gaps', () => {
  const offsets = layout([50, undefined, 200, undefined], 100, 8);
  expect([...offsets]).toEqual([0, 58, 166, 374, 482]);
  // A spacer for rows 1–2 is their heights and the gap between them; the grid adds the one after.
  expect(spacerHeight(offsets, 1, 3, 8)).toBe(100 + 8 + 200);
  expect(spacerHeight(offsets, 0, 4, 8)).toBe(482 - 8);
});

test('at the top of a list of equal rows, the rows that fill the view are rendered, plus the overscan', () => {
  const offsets = layout(Array(1000).fill(100));
  expect(visibleRange(offsets, 0, 300)).toEqual({ start: 0, end: 3 });
  expect(visibleRange(offsets, 0, 301)).toEqual({ start: 0, end: 4 });
  expect(visibleRange(offsets, 0, 300, 150)).toEqual({ start: 0, end: 5 });
});

test('scrolled into the list, the window follows the scroll position', () => {
  const offsets = layout(Array(1000).fill(100));
  // The view shows 5,050–5,950 px of the list: rows 50 (partly) to 59.
  expect(visibleRange(offsets, 5050, 5950)).toEqual({ start: 50, end: 60 });
  expect(visibleRange(offsets, 5050, 5950, 200)).toEqual({ start: 48, end: 62 });
  // Near the end it stops at the last row.
  expect(visibleRange(offsets, 99_500, 100_400, 200)).toEqual({ start: 993, end: 1000 });
});

test('with measured heights of different sizes, the window is found by where rows really start', () => {
  // Row 0 is 1,000 px tall (measured), row 1 20 px, the rest unmeasured at 100 px with 10 px gaps.
  const heights: Array<number | undefined> = [1000, 20, ...Array(98).fill(undefined)];
  const offsets = layout(heights, 100, 10);
  // 0–1,010 row 0, 1,010–1,040 row 1, then each row 110 px: row 2 at 1,040, row 3 at 1,150 …
  expect(visibleRange(offsets, 0, 500)).toEqual({ start: 0, end: 1 });
  expect(visibleRange(offsets, 1000, 1200)).toEqual({ start: 0, end: 4 });
  expect(visibleRange(offsets, 1015, 1100)).toEqual({ start: 1, end: 3 });
  expect(visibleRange(offsets, 1040 + 110 * 50, 1040 + 110 * 50 + 220)).toEqual({ start: 52, end: 54 });
});

test('a list wholly below or above the view renders nothing; the overscan reaches into it', () => {
  const offsets = layout(Array(100).fill(100));
  // The list starts 2,000 px below the top of the view (list coordinates: the view is above it).
  expect(visibleRange(offsets, -2000, -1100)).toEqual({ start: 0, end: 0 });
  expect(visibleRange(offsets, -2000, -1100, 1250)).toEqual({ start: 0, end: 2 });
  // Scrolled past its end.
  expect(visibleRange(offsets, 10_500, 11_400)).toEqual({ start: 0, end: 0 });
  expect(visibleRange(layout([]), 0, 900)).toEqual({ start: 0, end: 0 });
});

test('segments: spacers around the window, and a pinned row far away kept between spacers', () => {
  expect(segmentsFor(100, { start: 10, end: 20 })).toEqual([
    { kind: 'spacer', start: 0, end: 10 },
    { kind: 'rows', start: 10, end: 20 },
    { kind: 'spacer', start: 20, end: 100 },
  ]);
  expect(segmentsFor(100, { start: 10, end: 20 }, [90, 20, 3])).toEqual([
    { kind: 'spacer', start: 0, end: 3 },
    { kind: 'rows', start: 3, end: 4 },
    { kind: 'spacer', start: 4, end: 10 },
    { kind: 'rows', start: 10, end: 21 },
    { kind: 'spacer', start: 21, end: 90 },
    { kind: 'rows', start: 90, end: 91 },
    { kind: 'spacer', start: 91, end: 100 },
  ]);
  // Nothing visible, one pinned; positions out of bounds are ignored.
  expect(segmentsFor(5, { start: 0, end: 0 }, [0, 7, -1])).toEqual([
    { kind: 'rows', start: 0, end: 1 },
    { kind: 'spacer', start: 1, end: 5 },
  ]);
  expect(segmentsFor(3, { start: 0, end: 3 })).toEqual([{ kind: 'rows', start: 0, end: 3 }]);
});

test('the height cache: the estimate is the mean of the rows measured, taken again as they double; a new width forgets them', () => {
  const cache = new HeightCache(96);
  expect(cache.estimate()).toBe(96);
  cache.widthIs(400);
  expect(cache.set(1, 100)).toBe(true);
  expect(cache.set(2, 200)).toBe(true);
  expect(cache.set(2, 200.2)).toBe(false);
  expect(cache.estimate()).toBe(150);
  const version = cache.version;
  cache.set(1, 300);
  expect(cache.version).toBeGreaterThan(version);
  expect(cache.get(1)).toBe(300);
  // Two rows measured, as when the estimate was taken: it stands.
  expect(cache.estimate()).toBe(150);
  cache.set(3, 100);
  expect(cache.estimate()).toBe(150);
  cache.set(4, 200);
  // Twice as many: (300 + 200 + 100 + 200) / 4.
  expect(cache.estimate()).toBe(200);
  cache.widthIs(400.4);
  expect(cache.size).toBe(4);
  cache.widthIs(320);
  expect(cache.size).toBe(0);
  expect(cache.get(1)).toBeUndefined();
  expect(cache.estimate()).toBe(96);
  cache.set(9, 50);
  expect(cache.estimate()).toBe(50);
});
