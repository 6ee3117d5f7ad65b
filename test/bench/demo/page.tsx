/**
 * The demo benchmark's page (built into one script by `demo-bench.ts`): seeds the real Dexie
 * database in this page's IndexedDB with two reviews that differ only in screenshots — each a
 * running demo with the same 40 entries, one of them with 50 realistic JPEG screenshots (and
 * their thumbnails) stored through the real `addScreenshot` — then times the first render of
 * either contender over either review: ours, the real `DemoSection`, or the baseline, a plain
 * static Preact list of the same entries and the same thumbnail `<img>`s (`StaticDemo`); and
 * types entries into the real section's entry line for entry-to-screen latency.
 */
import { render } from 'preact';
import { classifyClaim } from '../../../src/core/classify/classify-claim.ts';
import type { ControlId } from '../../../src/core/controls.ts';
import { type Attachment, DEMO_KIND_LABELS, type ScreenshotTarget } from '../../../src/core/demo-records.ts';
import { formatOffset } from '../../../src/core/demo-time.ts';
import type { Review } from '../../../src/core/review.ts';
import { sha256Hex } from '../../../src/core/sha256.ts';
import type { ScreenshotTaken } from '../../../src/messages/protocol.ts';
import type { Reply } from '../../../src/messages/reply.ts';
import { DemoSection } from '../../../src/sidepanel/demo/DemoSection.tsx';
import { type ReviewData, useReviewData } from '../../../src/sidepanel/use-review-data.ts';
import { DATABASE_NAME, database } from '../../../src/store/db.ts';
import {
  addDemoEntry,
  addScreenshot,
  type DemoEntryInput,
  latestRunning,
  startDemo,
} from '../../../src/store/demo.ts';
import { createReview } from '../../../src/store/reviews.ts';
import { seededRandom } from '../../seeded-random.ts';

/** The two reviews: with screenshots, and the same entries without. */
export type Session = 'shots' | 'plain';
/** What renders the review: ours, the real `DemoSection`; or the baseline, a plain static list. */
export type Contender = 'ours' | 'static';
/**
 * How the first render starts: `live` — from an empty panel, through the real `useReviewData`
 * (the database read included), as the review workspace renders it; `data` — with the review's
 * records already read (by the same hook), the section alone.
 */
export type RenderMode = 'live' | 'data';

const ACTOR = 'bench';
const root = document.getElementById('root') as HTMLElement;
const nextFrame = () => new Promise<number>((done) => requestAnimationFrame(done));
const settle = async () => {
  await new Promise((done) => setTimeout(done, 50));
  await nextFrame();
};

/** The bench never captures: the stub answers as the background would, without a browser API. */
async function stubCapture(_target: ScreenshotTarget): Promise<Reply<ScreenshotTaken>> {
  return { ok: false, error: 'The bench does not capture.' };
}

// --- Seeding ------------------------------------------------------------------------------------

const WORDS =
  'tenant token admin revoked session audit log export key rotation policy role scope access request approved denied workload identity service account region bucket encryption retention deleted subprocessor incident alert dashboard user group SCIM SSO provisioning 2025-11-26 14:03:22 200 OK 403 Forbidden us-east-1 eu-west-1 sha256 a91f03c7 kms/alias/prod'.split(
    ' ',
  );

/**
 * A screenshot as a vendor's demo looks: an app window (top bar, sidebar, a table of log lines,
 * a chart) at 1280×800, with mild sensor-like noise over it so it compresses like a real capture
 * rather than like flat colour. JPEG at quality 0.9, as the background captures.
 */
async function makeScreenshot(index: number): Promise<Blob> {
  const W = 1280;
  const H = 800;
  const random = seededRandom(1000 + index);
  const canvas = new OffscreenCanvas(W, H);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2d context');
  g.fillStyle = '#f6f7f9';
  g.fillRect(0, 0, W, H);
  g.fillStyle = `hsl(${(index * 37) % 360} 45% 30%)`;
  g.fillRect(0, 0, W, 48);
  g.fillStyle = '#fff';
  g.font = '600 18px sans-serif';
  g.fillText(`Acme Cloud — Admin console · tenant ${index + 1}`, 16, 30);
  g.fillStyle = '#e8eaee';
  g.fillRect(0, 48, 220, H - 48);
  g.font = '14px sans-serif';
  for (let i = 0; i < 18; i++) {
    g.fillStyle = i === index % 18 ? '#1f5fbf' : '#333';
    g.fillText(WORDS[(index + i * 7) % WORDS.length] ?? '', 20, 80 + i * 34);
  }
  // A table of log lines: the text a reviewer screenshots.
  g.font = '13px monospace';
  for (let row = 0; row < 12 + (index % 15); row++) {
    const y = 76 + row * 22;
    if (row % 2 === 0) {
      g.fillStyle = '#eef1f5';
      g.fillRect(236, y - 15, 700, 22);
    }
    g.fillStyle = row === 0 ? '#000' : '#2b2b2b';
    const words: string[] = [];
    for (let w = 0; w < 11; w++) words.push(WORDS[Math.floor(random() * WORDS.length)] ?? '');
    g.fillText(words.join(' ').slice(0, 92), 244, y);
  }
  // A chart.
  g.strokeStyle = '#1f5fbf';
  g.lineWidth = 2;
  g.beginPath();
  for (let x = 0; x <= 300; x += 6) {
    const y = 260 - 120 * random() * Math.abs(Math.sin((x + index * 13) / 40));
    if (x === 0) g.moveTo(960 + x, y);
    else g.lineTo(960 + x, y);
  }
  g.stroke();
  g.fillStyle = '#555';
  g.font = '12px sans-serif';
  for (let i = 0; i < 20; i++)
    g.fillText(`${WORDS[(i * 5 + index) % WORDS.length]} ${(random() * 1000).toFixed(1)}`, 960, 320 + i * 22);
  // Noise: ±1 on every channel, as a camera feed or a video call's compression leaves.
  const image = g.getImageData(0, 0, W, H);
  const px = image.data;
  for (let i = 0; i < px.length; i += 4) {
    const n = Math.floor(random() * 3) - 1;
    px[i] = (px[i] as number) + n;
    px[i + 1] = (px[i + 1] as number) + n;
    px[i + 2] = (px[i + 2] as number) + n;
  }
  g.putImageData(image, 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
}

/** The preview the background makes (src/background/capture-screenshot.ts): 240 px wide, JPEG 0.7. */
async function makeThumb(blob: Blob): Promise<{ width: number; height: number; thumb: Blob }> {
  const bitmap = await createImageBitmap(blob);
  const { width, height } = bitmap;
  const scale = Math.min(1, 240 / width);
  const canvas = new OffscreenCanvas(
    Math.max(1, Math.round(width * scale)),
    Math.max(1, Math.round(height * scale)),
  );
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return { width, height, thumb: await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 }) };
}

const ENTRY_TEXTS: ReadonlyArray<Omit<DemoEntryInput, 'text'> & { text: string }> = [
  {
    text: 'Admin revoked the token; the next API call failed with 401',
    kind: 'evidence',
    basis: 'shown',
    control: 'revocation',
  },
  {
    text: 'Every agent run has its own workload identity, no shared service account',
    kind: 'marketing',
    basis: 'said',
    control: 'workload-identity',
  },
  { text: 'Do background jobs run with the user’s token or their own?', kind: 'question', basis: 'said' },
  {
    text: 'Audit log shows the actor, the tenant and the tool called for each step',
    kind: 'evidence',
    basis: 'shown',
    control: 'auditability',
  },
  {
    text: 'Keys are rotated by hand once a year',
    kind: 'red-flag',
    basis: 'said',
    redFlag: 'long-lived-keys',
  },
  { text: 'Demo tenant is in eu-west-1; they say production can be pinned too', kind: 'note', basis: 'said' },
  {
    text: 'SCIM deprovisioning removed the user within a minute',
    kind: 'evidence',
    basis: 'shown',
    control: 'sso-provisioning',
  },
  {
    text: 'Customer data is never used to train models',
    kind: 'marketing',
    basis: 'said',
    control: 'model-training',
  },
];

export interface SeedFigures {
  reviews: Record<Session, Review>;
  entries: number;
  screenshots: number;
  /** Bytes of the full-size JPEGs, of their thumbnails, as stored. */
  imageBytes: number;
  thumbBytes: number;
  /** Smallest, median and largest screenshot, in bytes. */
  shotBytes: { min: number; median: number; max: number };
  /** `navigator.storage.estimate()` before the screenshots were stored and after. */
  usageBefore: number;
  usageAfter: number;
  quota: number;
  /** Chromium's per-system breakdown (`usageDetails`), after. */
  usageDetails: Record<string, number>;
  /** Time to draw, encode, hash, thumbnail and store all screenshots, in ms. */
  seedMs: number;
}

/** A fresh database: two reviews, each a running demo with the same entries; one with screenshots. */
async function seed(entries: number, screenshots: number): Promise<SeedFigures> {
  render(null, root);
  await new Promise((done) => {
    const request = indexedDB.deleteDatabase(DATABASE_NAME);
    request.onsuccess = request.onerror = request.onblocked = done;
  });
  const db = database();
  const started = new Date(Date.now() - 2 * 3600_000);
  const reviews = {} as Record<Session, Review>;
  const entryIds: Record<Session, Array<{ id: string; control?: ControlId }>> = { shots: [], plain: [] };
  const sessions = {} as Record<Session, string>;
  for (const which of ['shots', 'plain'] as const) {
    const review = await createReview(db, {
      vendor: which === 'shots' ? 'Acme Cloud' : 'Acme Cloud (no screenshots)',
      domains: [which === 'shots' ? 'acme-cloud.example' : 'plain.acme-cloud.example'],
    });
    reviews[which] = review;
    const session = await startDemo(
      db,
      ACTOR,
      { reviewId: review.id, title: 'Demo with Acme Cloud' },
      started,
    );
    sessions[which] = session.id;
    for (let i = 0; i < entries; i++) {
      const base = ENTRY_TEXTS[i % ENTRY_TEXTS.length];
      if (!base) throw new Error('no entry text');
      const entry: DemoEntryInput = { ...base, text: `${base.text} (${i + 1})` };
      const claim = await addDemoEntry(
        db,
        ACTOR,
        { session, entry, suggestion: classifyClaim({ text: entry.text }) },
        new Date(started.getTime() + (i + 1) * 90_000),
      );
      entryIds[which].push({ id: claim.id, ...(entry.control ? { control: entry.control } : {}) });
    }
  }
  const usageBefore = (await navigator.storage.estimate()).usage ?? 0;
  const t0 = performance.now();
  const sizes: number[] = [];
  let imageBytes = 0;
  let thumbBytes = 0;
  for (let k = 0; k < screenshots; k++) {
    // Spread over the entries: each gets one or two.
    const entry = entryIds.shots[Math.floor((k * entries) / screenshots)];
    if (!entry) throw new Error('no entry for a screenshot');
    const blob = await makeScreenshot(k);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const [sha256, shape] = await Promise.all([sha256Hex(bytes), makeThumb(blob)]);
    await addScreenshot(db, ACTOR, {
      reviewId: reviews.shots.id,
      sessionId: sessions.shots,
      claimId: entry.id,
      ...(entry.control ? { control: entry.control } : {}),
      mime: 'image/jpeg',
      size: bytes.byteLength,
      sha256,
      capturedAt: new Date(started.getTime() + (k + 1) * 72_000 + 30_000).toISOString(),
      tabTitle: 'Acme Cloud — Admin console',
      tabUrl: 'https://console.acme-cloud.example/admin',
      ...shape,
      blob,
    });
    sizes.push(bytes.byteLength);
    imageBytes += bytes.byteLength;
    thumbBytes += shape.thumb.size;
  }
  const seedMs = performance.now() - t0;
  const after = (await navigator.storage.estimate()) as StorageEstimate & {
    usageDetails?: Record<string, number>;
  };
  sizes.sort((a, b) => a - b);
  return {
    reviews,
    entries,
    screenshots,
    imageBytes,
    thumbBytes,
    shotBytes: {
      min: sizes[0] ?? 0,
      median: sizes[Math.floor(sizes.length / 2)] ?? 0,
      max: sizes.at(-1) ?? 0,
    },
    usageBefore,
    usageAfter: after.usage ?? 0,
    quota: after.quota ?? 0,
    usageDetails: after.usageDetails ?? {},
    seedMs,
  };
}

// --- First render -------------------------------------------------------------------------------

/** As the review workspace renders it: the real live query, the section over whatever it holds. */
function LivePanel({ review }: { review: Review }) {
  const data = useReviewData(review.id);
  const ready = data.status === 'ready' ? data.value : undefined;
  return (
    <main>
      <DemoSection review={review} data={ready} actor={ACTOR} capture={stubCapture} />
    </main>
  );
}

/** Reads a review's records with the real hook (and nothing rendered), for the `data` mode. */
function Reader({ review, onData }: { review: Review; onData: (data: ReviewData) => void }) {
  const data = useReviewData(review.id);
  if (data.status === 'ready') onData(data.value);
  return null;
}

async function readData(review: Review): Promise<ReviewData> {
  const data = await new Promise<ReviewData>((done) =>
    render(<Reader review={review} onData={done} />, root),
  );
  render(null, root);
  return data;
}

/** The baseline's thumbnail URLs: made during render, as `useObjectUrl` does, once per Blob. */
const staticUrls = new WeakMap<Blob, string>();
function staticUrl(blob: Blob): string {
  let url = staticUrls.get(blob);
  if (!url) {
    url = URL.createObjectURL(blob);
    staticUrls.set(blob, url);
  }
  return url;
}

/**
 * The baseline: the running demo's entries, in order, as a plain static Preact list — one
 * `li[data-entry]` per entry with its offset, kind and text, and under it a `span.shot` with an
 * `<img>` per screenshot: the same thumbnail Blob, an object URL made during render, and the
 * `<img>` attributes of the real `ScreenshotThumb` (`loading="lazy"` included, so the browser
 * loads the same thumbnails). No buttons, selects, clock, entry line or state.
 */
function StaticDemo({ data }: { data: ReviewData | undefined }) {
  const session = latestRunning(data?.demoSessions ?? []);
  const entries = (data?.claims ?? [])
    .filter((c) => session && c.demo?.sessionId === session.id)
    .sort((a, b) => (a.demo?.offsetMs ?? 0) - (b.demo?.offsetMs ?? 0));
  const shots = new Map<string, Attachment[]>();
  for (const a of data?.attachments ?? []) {
    // As `ScreenshotThumb`: a removed screenshot, or one without an image, shows no `<img>`.
    if (!session || a.sessionId !== session.id || a.removed || !(a.thumb ?? a.blob)) continue;
    const list = shots.get(a.claimId ?? '') ?? [];
    list.push(a);
    shots.set(a.claimId ?? '', list);
  }
  for (const list of shots.values()) list.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
  return (
    <section id="demo">
      <ol class="demo-log">
        {entries.map((c) => (
          <li key={c.id} data-entry={c.id}>
            {formatOffset(c.demo?.offsetMs ?? 0)} {c.demo ? DEMO_KIND_LABELS[c.demo.kind] : ''}: {c.text}
            {(shots.get(c.id) ?? []).map((s) => (
              <span key={s.id} class="shot">
                <img
                  src={staticUrl((s.thumb ?? s.blob) as Blob)}
                  alt=""
                  width={96}
                  height={54}
                  loading="lazy"
                  decoding="async"
                />
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The baseline over the real live query, as `LivePanel` is ours. */
function StaticLivePanel({ review }: { review: Review }) {
  const data = useReviewData(review.id);
  return (
    <main>
      <StaticDemo data={data.status === 'ready' ? data.value : undefined} />
    </main>
  );
}

const entryRows = () => root.querySelectorAll('#demo .demo-log li[data-entry]').length;
const thumbs = () => [...root.querySelectorAll<HTMLImageElement>('#demo .shot img')];

/**
 * Resolves once `ready()` holds, checked on every DOM change under the root (and at once): the
 * time is taken in the mutation observer's microtask, right after the commit that made it so.
 */
function whenDom(ready: () => boolean): Promise<number> {
  return new Promise((done) => {
    if (ready()) {
      done(performance.now());
      return;
    }
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      done(performance.now());
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Thumbnails that are on screen (any part of them inside the viewport). */
function onScreen(imgs: readonly HTMLImageElement[]): HTMLImageElement[] {
  return imgs.filter((img) => {
    const box = img.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth;
  });
}

/**
 * Waits until the chosen thumbnails are loaded and decoded (`img.decode()` resolved, `complete`,
 * a natural size); a thumbnail whose element or src was replaced meanwhile is waited for again.
 */
async function thumbsDecoded(which: 'all' | 'visible'): Promise<{ at: number; waited: number }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A thumbnail the browser never loads (lazy, off screen) would leave decode() waiting forever.
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => {
      const imgs = thumbs();
      const decoded = imgs.filter((img) => img.complete && img.naturalWidth > 0).length;
      fail(new Error(`${decoded} of ${imgs.length} thumbnails decoded after 30 s (lazy ones off screen?)`));
    }, 30_000);
  });
  try {
    for (;;) {
      const all = thumbs();
      const imgs = which === 'all' ? all : onScreen(all);
      const srcs = imgs.map((img) => img.src);
      const results = await Promise.race([Promise.allSettled(imgs.map((img) => img.decode())), timeout]);
      const at = performance.now();
      const now = thumbs();
      const same =
        now.length === all.length &&
        now.every((img, i) => img === all[i]) &&
        imgs.every((img, i) => img.src === srcs[i]);
      if (
        same &&
        results.every((r) => r.status === 'fulfilled') &&
        imgs.every((img) => img.complete && img.naturalWidth > 0)
      )
        return { at, waited: imgs.length };
    }
  } finally {
    clearTimeout(timer);
  }
}

export interface FirstRender {
  /** From before `render()` to the end point: entries in the DOM and the thumbnails waited for decoded. */
  ms: number;
  /** From before `render()` to all entries in the DOM (their thumbnails may not be yet). */
  entriesMs: number;
  /** From before `render()` to all entries and thumbnail elements in the DOM. */
  domMs: number;
  /** From before `render()` to the next animation frame after the end point (the update that paints it). */
  frameMs: number;
  entries: number;
  thumbs: number;
  /** Thumbnails waited for (all, or those on screen). */
  waited: number;
  /** Thumbnails loaded and decoded at the end (lazy ones off screen may not be). */
  decoded: number;
  /** The section's height, in CSS px (how far below the fold the log reaches). */
  height: number;
}

/**
 * Renders the contender — ours (the real `DemoSection`) or the static list — into the empty page
 * and times it: from before `render()` until the log shows all `entries` and `screenshots`
 * thumbnail `<img>` elements, and the thumbnails waited for — `all`, or those on screen
 * (`visible`; the thumbnails are `loading="lazy"`, so the browser leaves those far below the fold
 * unloaded) — are `complete` and decoded. A forced layout ends it.
 */
async function firstRender(
  contender: Contender,
  review: Review,
  mode: RenderMode,
  wait: 'all' | 'visible',
  entries: number,
  screenshots: number,
): Promise<FirstRender> {
  render(null, root);
  const data = mode === 'data' ? await readData(review) : undefined;
  window.scrollTo(0, 0);
  await settle();
  const t0 = performance.now();
  render(
    contender === 'static' ? (
      data ? (
        <main>
          <StaticDemo data={data} />
        </main>
      ) : (
        <StaticLivePanel review={review} />
      )
    ) : data ? (
      <main>
        <DemoSection review={review} data={data} actor={ACTOR} capture={stubCapture} />
      </main>
    ) : (
      <LivePanel review={review} />
    ),
    root,
  );
  const entriesShown = whenDom(() => entryRows() === entries);
  const domAt = await whenDom(() => entryRows() === entries && thumbs().length === screenshots);
  const entriesAt = await entriesShown;
  const { waited } = screenshots > 0 ? await thumbsDecoded(wait) : { waited: 0 };
  void document.body.offsetHeight;
  const ms = performance.now() - t0;
  await nextFrame();
  const frameMs = performance.now() - t0;
  const imgs = thumbs();
  return {
    ms,
    entriesMs: entriesAt - t0,
    domMs: domAt - t0,
    frameMs,
    entries: entryRows(),
    thumbs: imgs.length,
    waited,
    decoded: imgs.filter((img) => img.complete && img.naturalWidth > 0).length,
    height: root.querySelector('#demo')?.getBoundingClientRect().height ?? 0,
  };
}

// --- Entry-to-screen ----------------------------------------------------------------------------

/** The live section (real `useReviewData` and Dexie), for typing entries into it. */
async function setupLive(review: Review, entries: number): Promise<void> {
  render(null, root);
  render(<LivePanel review={review} />, root);
  await whenDom(() => entryRows() >= entries);
  const input = root.querySelector<HTMLInputElement>('#demo-entry');
  if (!input) throw new Error('no #demo-entry');
  input.focus();
}

let armed: Promise<{ dom: number; frame: number }> | undefined;
let srcWatch: { observer: MutationObserver; changes: number } | undefined;

/**
 * Waits for the next Enter in the entry line: from the key event's time stamp until one more
 * `li[data-entry]` is in the log (DOM), and until the next animation frame's callbacks after that.
 * Also counts thumbnail `src` changes from then until `result()` has waited a little longer: a
 * thumbnail given a new URL by the re-render is loaded and decoded again.
 */
function arm(): number {
  const before = entryRows();
  srcWatch?.observer.disconnect();
  const watch = {
    changes: 0,
    observer: new MutationObserver((records) => {
      watch.changes += records.length;
    }),
  };
  watch.observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['src'] });
  srcWatch = watch;
  armed = new Promise((done, fail) => {
    let t0 = Number.NaN;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter') t0 = event.timeStamp;
    };
    document.addEventListener('keydown', onKey, { capture: true });
    const observer = new MutationObserver(() => {
      if (entryRows() <= before) return;
      const dom = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey, { capture: true });
      requestAnimationFrame(() => done({ dom: dom - t0, frame: performance.now() - t0 }));
    });
    observer.observe(root, { subtree: true, childList: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      const status = root.querySelector('#demo-entry-status')?.textContent ?? '';
      fail(new Error(`no new entry within 10 s (${status})`));
    }, 10_000);
  });
  return before;
}

/** The armed timing, once the entry is on screen; thumbnail `src` changes counted 3 frames and 100 ms on. */
async function result(): Promise<{ dom: number; frame: number; srcChanges: number }> {
  if (!armed || !srcWatch) throw new Error('arm() first');
  const r = await armed;
  for (let i = 0; i < 3; i++) await nextFrame();
  await new Promise((done) => setTimeout(done, 100));
  srcWatch.observer.disconnect();
  return { ...r, srcChanges: srcWatch.changes };
}

/** What the section shows now. */
function state(): {
  entries: number;
  thumbs: number;
  decoded: number;
  focused: string;
  value: string;
  storage: string;
} {
  const imgs = thumbs();
  return {
    entries: entryRows(),
    thumbs: imgs.length,
    decoded: imgs.filter((img) => img.complete && img.naturalWidth > 0).length,
    focused: document.activeElement?.id ?? '',
    value: root.querySelector<HTMLInputElement>('#demo-entry')?.value ?? '',
    storage: root.querySelector('#demo-storage')?.textContent ?? '',
  };
}

/** The first thumbnail `<img>` as markup without its `src`: the two contenders' must match. */
function imgShape(): string {
  const img = thumbs()[0]?.cloneNode() as HTMLImageElement | undefined;
  img?.removeAttribute('src');
  return img?.outerHTML ?? '';
}

const api = { seed, firstRender, setupLive, arm, result, state, imgShape };
export type DemoBenchPage = typeof api;
(globalThis as { __demoBench?: DemoBenchPage }).__demoBench = api;
