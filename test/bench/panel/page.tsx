/**
 * The panel benchmark's page (built into one script by `panel-bench.ts`): the real `ScanResults`
 * and the static baseline over the same generated scan, each rendered in a side-panel-sized
 * page and timed; and a live harness — the real Dexie database in this page's IndexedDB, the
 * real `useReviewData` (liveQuery) and `useTagging` — for tag-to-screen latency.
 */
import { type ComponentChildren, options, render } from 'preact';
import type { ExtractedClaim } from '../../../src/core/claim.ts';
import type { ControlId } from '../../../src/core/controls.ts';
import type { PageInfo, Review } from '../../../src/core/review.ts';
import type { AssessmentVerdict } from '../../../src/core/review-records.ts';
import { ScanResults } from '../../../src/sidepanel/ScanResults.tsx';
import { useReviewData } from '../../../src/sidepanel/use-review-data.ts';
import { type Tagging, useTagging } from '../../../src/sidepanel/use-tagging.ts';
import { DATABASE_NAME, database } from '../../../src/store/db.ts';
import { createReview } from '../../../src/store/reviews.ts';
import { type BenchScan, makeScan, type Scenario, type SourceSentence } from './claims.ts';
import { StaticList } from './StaticList.tsx';

export type Contender = 'ours' | 'static';

// Preact renders again on a microtask after a state change, and the windowed list measures on a
// microtask after it commits, then may render again. Counting Preact's queued renders lets a
// timing wait until none is queued for a few microtask turns in a row (each step queues the next
// from inside a microtask), without yielding to the event loop — which could paint, or run
// unrelated tasks, inside the timed span.
let queuedRenders = 0;
options.debounceRendering = (flush) => {
  queuedRenders++;
  queueMicrotask(() => {
    queuedRenders--;
    flush();
  });
};
async function rendersSettled(): Promise<void> {
  for (let quiet = 0; quiet < 4; ) {
    await new Promise<void>((done) => queueMicrotask(done));
    quiet = queuedRenders > 0 ? 0 : quiet + 1;
  }
}
const nextFrame = () => new Promise<number>((done) => requestAnimationFrame(done));

const root = document.getElementById('root') as HTMLElement;
let scan: BenchScan | undefined;

const NO_TAGS: ReadonlyMap<ControlId, AssessmentVerdict> = new Map();
/** For first-render timings: a review with nothing tagged yet, and no database behind it. */
const STILL: Tagging = {
  tagsOf: () => NO_TAGS,
  flagsOf: () => [],
  tag: async () => {},
  raise: async () => {},
  undo: async () => false,
  canUndo: false,
  error: null,
};
const onShow = (_claim: ExtractedClaim) => {};

/** The side panel around the list: a section like ScanSection's, in the page's main column. */
function Panel({ children }: { children: ComponentChildren }) {
  return (
    <main>
      <section id="scan" aria-labelledby="scan-heading" data-state="done">
        <h2 id="scan-heading">Claims on this page</h2>
        {children}
      </section>
    </main>
  );
}

function list(which: Contender, s: BenchScan, scenario: Scenario, tagging: Tagging) {
  const suggestions = s.suggestions[scenario];
  return which === 'ours' ? (
    <ScanResults
      claims={s.claims}
      suggestions={suggestions}
      onShow={onShow}
      tagging={tagging}
      filter=""
      expanded
    />
  ) : (
    <StaticList claims={s.claims} suggestions={suggestions} tagging={tagging} onShow={onShow} />
  );
}

async function load(count: number): Promise<void> {
  const sentences = (await (await fetch('sentences.json')).json()) as SourceSentence[];
  scan = makeScan(sentences, count);
}

/**
 * Renders one contender into the empty page and times it: from `render()` until the DOM is
 * committed (re-renders the first one asked for included) and a forced layout is done.
 */
async function firstRender(
  which: Contender,
  scenario: Scenario,
): Promise<{ ms: number; rows: number; rowsLater: number }> {
  if (!scan) throw new Error('load() first');
  render(null, root);
  window.scrollTo(0, 0);
  // Let the previous contender's teardown and the page load settle before the clock starts.
  await new Promise((done) => setTimeout(done, 50));
  await nextFrame();
  const t0 = performance.now();
  render(<Panel>{list(which, scan, scenario, STILL)}</Panel>, root);
  await rendersSettled();
  void document.body.offsetHeight;
  const ms = performance.now() - t0;
  const rows = root.querySelectorAll('li.claim').length;
  // Nothing must be left for later: two frames on, the rows rendered are the same.
  await nextFrame();
  await nextFrame();
  return { ms, rows, rowsLater: root.querySelectorAll('li.claim').length };
}

/** How many elements make up the first row: the two lists must render the same rows. */
function rowShape(): string {
  const li = root.querySelector('li.claim');
  if (!li) return '';
  return [li, ...li.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).join(' ');
}

function LiveHarness({
  which,
  scenario,
  review,
  page,
}: {
  which: Contender;
  scenario: Scenario;
  review: Review;
  page: PageInfo;
}) {
  const data = useReviewData(review.id);
  const ready = data.status === 'ready' ? data.value : undefined;
  const tagging = useTagging(review, page, ready, 'bench');
  if (!ready || !scan) return <p id="loading">Loading…</p>;
  return <Panel>{list(which, scan, scenario, tagging)}</Panel>;
}

/** A fresh database with one review, and the live list over it. */
async function setupLive(which: Contender, scenario: Scenario): Promise<void> {
  render(null, root);
  await new Promise((done) => {
    const request = indexedDB.deleteDatabase(DATABASE_NAME);
    request.onsuccess = request.onerror = request.onblocked = done;
  });
  const review = await createReview(database(), {
    vendor: 'Bench Vendor',
    domains: ['example-vendor.com'],
  });
  const page: PageInfo = {
    title: 'Security — Bench Vendor',
    url: 'https://trust.example-vendor.com/security',
    textLength: 500_000,
  };
  render(<LiveHarness which={which} scenario={scenario} review={review} page={page} />, root);
  while (!root.querySelector('li.claim')) await nextFrame();
}

/** Scrolls to `fraction` of the page's height, then focuses the first untagged row wholly on screen. */
async function focusAt(fraction: number): Promise<number> {
  window.scrollTo(0, fraction * (document.documentElement.scrollHeight - window.innerHeight));
  await nextFrame();
  await nextFrame();
  const rows = [...root.querySelectorAll<HTMLElement>('li.claim[data-tag=""]')];
  const li =
    rows.find((r) => {
      const box = r.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }) ?? rows[0];
  if (!li) throw new Error('no untagged row');
  li.focus();
  return Number(li.dataset.claimIndex);
}

/** Focuses the row after the focused one by the page's own way (static: directly). */
function focusNextStatic(): number {
  const li = document.activeElement?.closest('li.claim')?.nextElementSibling as HTMLElement | null;
  if (!li) throw new Error('no next row');
  li.focus();
  return Number(li.dataset.claimIndex);
}

let armed: Promise<{ dom: number; frame: number }> | undefined;

/**
 * Waits for the next "e" on the focused row: from the key event's time stamp until the row's
 * `data-tag` reads "evidence" (DOM), and until the next animation frame's callbacks run — the
 * rendering update that paints the change (style, layout and paint follow them).
 */
function arm(): number {
  const li = document.activeElement?.closest<HTMLElement>('li.claim');
  if (!li) throw new Error('no focused row');
  const index = li.dataset.claimIndex;
  armed = new Promise((done, fail) => {
    let t0 = Number.NaN;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'e') t0 = event.timeStamp;
    };
    document.addEventListener('keydown', onKey, { capture: true });
    const check = () => {
      const row = root.querySelector<HTMLElement>(`li.claim[data-claim-index="${index}"]`);
      if (row?.dataset.tag !== 'evidence') return;
      const dom = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey, { capture: true });
      requestAnimationFrame(() => done({ dom: dom - t0, frame: performance.now() - t0 }));
    };
    const observer = new MutationObserver(check);
    observer.observe(root, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-tag'],
      childList: true,
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      fail(new Error(`row ${index} was not tagged within 10 s`));
    }, 10_000);
  });
  return Number(index);
}

async function result(): Promise<{ dom: number; frame: number }> {
  if (!armed) throw new Error('arm() first');
  return armed;
}

/** Rows in the DOM, and the focused row's claim index (NaN when none). */
function state(): { rows: number; focused: number; tagged: number } {
  return {
    rows: root.querySelectorAll('li.claim').length,
    focused: Number(
      (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('li.claim')?.dataset.claimIndex,
    ),
    tagged: root.querySelectorAll('li.claim[data-tag="evidence"]').length,
  };
}

const api = { load, firstRender, rowShape, setupLive, focusAt, focusNextStatic, arm, result, state };
export type PanelBenchPage = typeof api;
(globalThis as { __panelBench?: PanelBenchPage }).__panelBench = api;
