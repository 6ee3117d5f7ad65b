import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  type HeightCache,
  layoutRows,
  type Segment,
  segmentsFor,
  spacerHeight,
  visibleRange,
} from './virtual-window.ts';

/** Rows rendered beyond each edge of the visible part, in CSS pixels. */
export const OVERSCAN_PX = 400;
const CLIPPING = /^(auto|scroll|overlay|hidden|clip)$/;
/** Render passes a list may ask for in a row (measure, re-plan…) before it waits for the next event. */
const MAX_PASSES = 10;

/**
 * Lists waiting to measure. Preact commits each re-rendered component on its own; measuring in
 * each list's layout effect would lay the page out once per list. Instead each list queues its
 * measuring, and once the renders in progress are all committed (a microtask later, still before
 * the browser paints) every list reads the layout — once for all — and then decides whether to
 * render again.
 */
const waiting = new Map<object, { read: () => void; write: () => void }>();
/** Every windowed list on the page, with its height cache and a check of its spacers. */
const mounted = new Map<object, { heights: HeightCache; recheck: () => void }>();

function measureSoon(owner: object, job: { read: () => void; write: () => void }): void {
  if (waiting.size === 0) queueMicrotask(measureAll);
  waiting.set(owner, job);
}

function measureAll(): void {
  const jobs = [...waiting];
  waiting.clear();
  for (const [, job] of jobs) job.read();
  for (const [, job] of jobs) job.write();
  // Rows measured in one list move the estimate the others' spacers are sized by: those now far
  // off render again (no layout is read for this: each knows where it is seen from).
  const owners = new Set(jobs.map(([owner]) => owner));
  const caches = new Set(jobs.map(([owner]) => mounted.get(owner)?.heights));
  for (const [owner, list] of mounted) if (!owners.has(owner) && caches.has(list.heights)) list.recheck();
}

/** The part of the viewport the list can be seen through, in the list's own coordinates. */
interface View {
  top: number;
  bottom: number;
}

interface Plan {
  segments: Segment[];
  offsets: Float64Array;
  /** Identifies what would be on screen: the runs of rows and the spacers' heights. */
  signature: string;
  /** Whether any row is rendered (else the list is one spacer). */
  rows: boolean;
  /** The list's whole height as planned. */
  height: number;
}

/** A list with no row on screen now or next is not re-rendered for a change in its height below this share. */
const OFFSCREEN_TOLERANCE = 0.1;

/**
 * A `ul` whose rows are rendered only near the viewport when `windowed` (plus `OVERSCAN_PX` each
 * way); the others are stood for by spacers of their measured height, or of the mean measured
 * height until they have been seen. The page (or the nearest scrolling ancestor) scrolls as it
 * would with every row there. `pinned()` names rows (by key) to render wherever they are: the
 * focused row, so focus is not lost when it scrolls away, and a row the keyboard moves to.
 * Not windowed, it renders every row, as a plain list.
 */
export function VirtualList<T>({
  items,
  keyOf,
  renderRow,
  windowed,
  heights,
  pinned,
  overscanPx = OVERSCAN_PX,
  class: className,
}: {
  items: readonly T[];
  keyOf: (item: T) => number;
  /** A row: an `li` with its own `key`. `position` counts from 0 in `items`. */
  renderRow: (item: T, position: number) => ComponentChildren;
  windowed: boolean;
  /** Measured row heights by key; shared between the lists of one panel, so the estimate is shared too. */
  heights: HeightCache;
  pinned?: () => Iterable<number>;
  overscanPx?: number;
  class?: string;
}) {
  const ref = useRef<HTMLUListElement>(null);
  const [, setTick] = useState(0);
  const view = useRef<View | null>(null);
  const gap = useRef(0);
  const rendered = useRef<{ keys: number[]; plan: Plan | null }>({ keys: [], plan: null });
  const passes = useRef(0);
  /** Whether a row has been rendered to measure yet (until then the estimate is a guess). */
  const probed = useRef(false);
  const clips = useRef<HTMLElement[] | null>(null);
  const cached = useRef<{ items: readonly T[]; version: number; gap: number; offsets: Float64Array } | null>(
    null,
  );
  const positions = useMemo(() => new Map(items.map((item, i) => [keyOf(item), i])), [items, keyOf]);

  const offsetsNow = (): Float64Array => {
    const c = cached.current;
    if (c && c.items === items && c.version === heights.version && c.gap === gap.current) return c.offsets;
    const offsets = layoutRows(
      items.length,
      (i) => heights.get(keyOf(items[i] as T)),
      heights.estimate(),
      gap.current,
    );
    cached.current = { items, version: heights.version, gap: gap.current, offsets };
    return offsets;
  };

  const plan = (): Plan => {
    const offsets = offsetsNow();
    const v = view.current;
    // Before the list is on the page its place is unknown: spacers only. Before any row has been
    // measured a row's height is a guess: one visible row, to measure. The layout effect below
    // then renders the rows that turn out to be visible — all before anything is painted, and
    // without laying out a screenful of rows placed by a guess.
    let range = v ? visibleRange(offsets, v.top, v.bottom, overscanPx) : { start: 0, end: 0 };
    if (heights.size === 0 && !probed.current)
      range = { start: range.start, end: Math.min(range.end, range.start + 1) };
    const pins: number[] = [];
    for (const key of pinned?.() ?? []) {
      const p = positions.get(key);
      if (p !== undefined) pins.push(p);
    }
    const segments = segmentsFor(items.length, range, pins);
    const signature = segments
      .map((s) =>
        s.kind === 'rows'
          ? `${s.start}-${s.end}`
          : `s${Math.round(spacerHeight(offsets, s.start, s.end, gap.current))}`,
      )
      .join(',');
    const height = Math.max(0, (offsets[items.length] as number) - gap.current);
    return { segments, offsets, signature, rows: segments.some((s) => s.kind === 'rows'), height };
  };

  const readView = (): View | null => {
    const ul = ref.current;
    if (!ul) return null;
    if (clips.current === null) {
      // Ancestors that clip the list (a scrolling panel); the page's own viewport always does.
      clips.current = [];
      for (let el = ul.parentElement; el && el !== document.body; el = el.parentElement) {
        if (CLIPPING.test(getComputedStyle(el).overflowY)) clips.current.push(el);
      }
    }
    const rect = ul.getBoundingClientRect();
    let top = 0;
    let bottom = window.innerHeight || document.documentElement.clientHeight;
    for (const el of clips.current) {
      const r = el.getBoundingClientRect();
      top = Math.max(top, r.top);
      bottom = Math.min(bottom, r.bottom);
    }
    return { top: top - rect.top, bottom: bottom - rect.top };
  };

  /** Renders again when what should be on screen changed; bounded, so measuring cannot loop. */
  const rerenderIfChanged = (force: boolean) => {
    const next = plan();
    const now = rendered.current.plan;
    const same =
      now !== null &&
      (next.signature === now.signature ||
        // Away from the view, a spacer a little off (the estimate moved as rows were measured
        // elsewhere) is left as it is until the list comes into view: only the page's scroll
        // height is off, and by little — not worth laying the page out again.
        (!next.rows && !now.rows && Math.abs(next.height - now.height) <= OFFSCREEN_TOLERANCE * now.height));
    if (!force && same) return;
    if (passes.current >= MAX_PASSES) return;
    if (passes.current++ === 0) setTimeout(() => (passes.current = 0), 0);
    setTick((t) => t + 1);
  };
  const replan = (force: boolean) => {
    view.current = readView();
    rerenderIfChanged(force);
  };
  // The listeners below outlive this render: they call the latest closures through this.
  const latest = useRef({ replan, rerenderIfChanged });
  latest.current = { replan, rerenderIfChanged };

  useLayoutEffect(() => {
    if (!windowed) return;
    mounted.set(ref, { heights, recheck: () => latest.current.rerenderIfChanged(false) });
    return () => {
      mounted.delete(ref);
    };
  }, [windowed, heights]);

  useEffect(() => {
    if (!windowed) return;
    const onScroll = () => {
      passes.current = 0;
      latest.current.replan(false);
    };
    const onResize = () => {
      passes.current = 0;
      latest.current.replan(true);
    };
    // Capturing on window hears the page scroll and any scrolling ancestor's (scroll does not bubble).
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onResize);
    };
  }, [windowed]);

  // After every render: measure the rows now on the page, find where the list is seen, and
  // render again if that changes what should be there — before the browser paints.
  useLayoutEffect(() => {
    if (!windowed || !ref.current) return;
    measureSoon(ref, {
      read: () => {
        const ul = ref.current;
        if (!ul) return;
        heights.widthIs(ul.clientWidth);
        gap.current = Number.parseFloat(getComputedStyle(ul).rowGap) || 0;
        let j = 0;
        for (const child of ul.children) {
          if ((child as HTMLElement).dataset.spacer !== undefined) continue;
          const key = rendered.current.keys[j++];
          const height = child.getBoundingClientRect().height;
          // Zero: not laid out (hidden, or a DOM without layout) — keep the estimate.
          if (key !== undefined && height > 0) heights.set(key, height);
        }
        if (j > 0) probed.current = true;
        view.current = readView();
      },
      write: () => {
        if (ref.current) rerenderIfChanged(false);
      },
    });
  });

  if (!windowed) {
    rendered.current = { keys: [], plan: null };
    return (
      <ul class={className} ref={ref}>
        {items.map((item, i) => renderRow(item, i))}
      </ul>
    );
  }

  const planned = plan();
  const { segments, offsets } = planned;
  const keys: number[] = [];
  const children: ComponentChildren[] = [];
  for (const s of segments) {
    if (s.kind === 'spacer') {
      children.push(
        <li
          key={`spacer-${s.start}`}
          class="claims-spacer"
          data-spacer=""
          aria-hidden="true"
          style={{ height: `${spacerHeight(offsets, s.start, s.end, gap.current)}px` }}
        />,
      );
      continue;
    }
    for (let i = s.start; i < s.end; i++) {
      const item = items[i] as T;
      keys.push(keyOf(item));
      children.push(renderRow(item, i));
    }
  }
  rendered.current = { keys, plan: planned };
  return (
    <ul class={className} ref={ref} data-windowed="">
      {children}
    </ul>
  );
}
