/**
 * The scan list with 5,000 claims, in real Chromium (headless, 127.0.0.1 only):
 * - first render of the real `ScanResults` (windowed) as a ratio to the same rows rendered as a
 *   plain static Preact list in the same run (budget: ours ≤ 1.5× static), in two layouts — one
 *   open group of 5,000, and 5,000 spread over the controls with every group open — each on a
 *   fresh page (a panel opening) and again warm in one page;
 * - tag-to-screen latency: "e" pressed on a focused claim, through the real `useTagging` writing
 *   to the real Dexie database in the page's IndexedDB and the real liveQuery updating the list,
 *   until the row's `data-tag` reads "evidence"; the static list over the same live data beside it
 *   for reference.
 * `runPanelBench()` returns the figures; run alone (`npx tsx test/bench/panel-bench.ts`) it prints
 * them and exits non-zero when the budget is missed. BENCH_RUNS sets the runs (default 7).
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { serveFolder } from '../../scripts/static-server.ts';
import { QUIET_CHROMIUM_ARGS } from '../e2e/harness/chromium.ts';
import { findBrowser } from '../e2e/harness/find-browser.ts';
import { buildInPageBundle } from './build-in-page.ts';
import type { Scenario, SourceSentence } from './panel/claims.ts';
import type { Contender, PanelBenchPage } from './panel/page.tsx';

const root = resolve(import.meta.dirname, '../..');
/** Claims in the generated scan. */
export const PANEL_CLAIMS = 5000;
/** First render of ours as a multiple of the static list's, at most. */
export const PANEL_BUDGET = { firstRenderRatio: 1.5 };
/** A side panel's size. */
const VIEWPORT = { width: 400, height: 900 };

export interface FirstRenderFigures {
  scenario: Scenario;
  /** Medians over fresh pages (one render per page load), in ms. */
  oursMs: number;
  staticMs: number;
  ratio: number;
  /** Medians of repeated renders in one page, in ms. */
  oursWarmMs: number;
  staticWarmMs: number;
  warmRatio: number;
  /** `li.claim` rows in the DOM after the first render. */
  oursRows: number;
  staticRows: number;
}

export interface LatencyFigures {
  samples: number;
  /** Key event to the row's `data-tag` changing, in ms. */
  medianMs: number;
  p95Ms: number;
  /** Key event to the next animation frame's callbacks after that (the rendering update that paints it). */
  frameMedianMs: number;
  frameP95Ms: number;
  /** Every sample (key event to DOM), in order, in ms. */
  samplesMs: number[];
}

export interface PanelBenchResult {
  claims: number;
  runs: number;
  viewport: { width: number; height: number };
  firstRender: FirstRenderFigures[];
  /** Ours: the windowed list, one open group of 5,000, live Dexie. */
  tagLatency: LatencyFigures;
  /** The static list over the same live data, for reference (not budgeted). */
  staticTagLatency: LatencyFigures;
  /** Whether each first-render ratio, fresh and warm, is within the budget. */
  pass: boolean;
}

type Api = PanelBenchPage;
declare const __panelBench: Api;

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

/** Builds the page (script, styles, sentences) into a folder to serve. */
async function buildPage(): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'vr-panel-bench-'));
  await buildInPageBundle('test/bench/panel/page.tsx', work, 'panelBench', 'panel-bench.js');
  const labels = resolve(root, 'test/fixtures/corpus/labels');
  const sentences: SourceSentence[] = [];
  for (const file of readdirSync(labels)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const json = JSON.parse(readFileSync(join(labels, file), 'utf8')) as { claims: Array<{ text: string }> };
    for (const c of json.claims) sentences.push({ text: c.text, page: file.replace(/\.json$/, '') });
  }
  writeFileSync(join(work, 'sentences.json'), JSON.stringify(sentences));
  const styles = readFileSync(resolve(root, 'src/ui/styles.css'), 'utf8');
  writeFileSync(
    join(work, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Panel bench</title><style>${styles}</style></head><body><div id="root"></div><script src="panel-bench.js"></script></body></html>`,
  );
  return work;
}

async function freshPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(url);
  await page.evaluate((n) => __panelBench.load(n), PANEL_CLAIMS);
  return page;
}

async function tagLatency(
  browser: Browser,
  url: string,
  which: Contender,
  samples: number,
): Promise<LatencyFigures> {
  const page = await freshPage(browser, url);
  await page.evaluate((w) => __panelBench.setupLive(w, 'one-group'), which);
  const dom: number[] = [];
  const frame: number[] = [];
  const warmUp = 3;
  for (let i = 0; i < samples + warmUp; i++) {
    // Every few presses, somewhere else in the list; in between, the next row down — by the
    // keyboard in ours (rows past the window are rendered on the way), directly in the static list.
    if (i % 5 === 0) {
      const fraction = ((i * 37) % 100) / 100;
      await page.evaluate((at) => __panelBench.focusAt(at), fraction);
    } else if (which === 'ours') {
      const before = await page.evaluate(() => __panelBench.state().focused);
      await page.keyboard.press('j');
      await page.waitForFunction((b) => __panelBench.state().focused !== b, before);
    } else {
      await page.evaluate(() => __panelBench.focusNextStatic());
    }
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 30))));
    await page.evaluate(() => __panelBench.arm());
    await page.keyboard.press('e');
    const r = await page.evaluate(() => __panelBench.result());
    if (i >= warmUp) {
      dom.push(r.dom);
      frame.push(r.frame);
    }
  }
  await page.close();
  return {
    samples,
    medianMs: median(dom),
    p95Ms: quantile(dom, 0.95),
    frameMedianMs: median(frame),
    frameP95Ms: quantile(frame, 0.95),
    samplesMs: dom.map((x) => Math.round(x * 10) / 10),
  };
}

/** Runs the benchmark in the Chromium at `chromiumPath`; `runs` samples of each first render. */
export async function runPanelBench(options: {
  chromiumPath: string;
  runs: number;
}): Promise<PanelBenchResult> {
  const runs = Math.max(1, options.runs);
  const work = await buildPage();
  const server = await serveFolder(work);
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    headless: true,
    args: QUIET_CHROMIUM_ARGS,
  });
  try {
    const url = `${server.url}index.html`;
    // The two lists must render the same row, element for element.
    const shapes: string[] = [];
    for (const which of ['ours', 'static'] as const) {
      const page = await freshPage(browser, url);
      await page.evaluate((w) => __panelBench.firstRender(w, 'one-group'), which);
      shapes.push(await page.evaluate(() => __panelBench.rowShape()));
      await page.close();
    }
    if (shapes[0] !== shapes[1])
      throw new Error(
        `the static row differs from the real one:\n  ours:   ${shapes[0]}\n  static: ${shapes[1]}`,
      );

    const firstRender: FirstRenderFigures[] = [];
    for (const scenario of ['one-group', 'spread'] as const) {
      const cold: Record<Contender, number[]> = { ours: [], static: [] };
      const rows: Record<Contender, number> = { ours: 0, static: 0 };
      for (let i = 0; i < runs; i++) {
        // Alternate which goes first, so drift in the machine's speed falls on both.
        for (const which of i % 2 === 0 ? (['ours', 'static'] as const) : (['static', 'ours'] as const)) {
          const page = await freshPage(browser, url);
          const r = await page.evaluate(([w, s]) => __panelBench.firstRender(w, s), [
            which,
            scenario,
          ] as const);
          if (r.rows !== r.rowsLater)
            throw new Error(`${which}: ${r.rows} rows at the first render, ${r.rowsLater} two frames later`);
          cold[which].push(r.ms);
          rows[which] = r.rows;
          await page.close();
        }
      }
      const warm: Record<Contender, number[]> = { ours: [], static: [] };
      const page = await freshPage(browser, url);
      for (let i = 0; i <= runs; i++) {
        for (const which of i % 2 === 0 ? (['ours', 'static'] as const) : (['static', 'ours'] as const)) {
          const r = await page.evaluate(([w, s]) => __panelBench.firstRender(w, s), [
            which,
            scenario,
          ] as const);
          // The first round warms the code up.
          if (i > 0) warm[which].push(r.ms);
        }
      }
      await page.close();
      const oursMs = median(cold.ours);
      const staticMs = median(cold.static);
      const oursWarmMs = median(warm.ours);
      const staticWarmMs = median(warm.static);
      firstRender.push({
        scenario,
        oursMs,
        staticMs,
        ratio: oursMs / staticMs,
        oursWarmMs,
        staticWarmMs,
        warmRatio: oursWarmMs / staticWarmMs,
        oursRows: rows.ours,
        staticRows: rows.static,
      });
    }

    const tag = await tagLatency(browser, url, 'ours', Math.max(30, runs * 5));
    const staticTag = await tagLatency(browser, url, 'static', Math.max(10, runs));
    return {
      claims: PANEL_CLAIMS,
      runs,
      viewport: VIEWPORT,
      firstRender,
      tagLatency: tag,
      staticTagLatency: staticTag,
      pass: firstRender.every(
        (f) => f.ratio <= PANEL_BUDGET.firstRenderRatio && f.warmRatio <= PANEL_BUDGET.firstRenderRatio,
      ),
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The figures as a small table. */
export function formatPanelBench(r: PanelBenchResult): string {
  const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);
  const lines = [
    `Scan list with ${r.claims.toLocaleString('en')} claims in Chromium, ${r.viewport.width}×${r.viewport.height} panel (${r.runs} runs, medians; ratios in the same run)`,
    '',
    'first render            rows ours/static   ours ms  static ms   ratio   warm ours  warm static  warm ratio',
  ];
  for (const f of r.firstRender) {
    lines.push(
      `${(f.scenario === 'one-group' ? 'one open group' : 'spread, all open').padEnd(22)} ${`${f.oursRows}/${f.staticRows}`.padStart(18)} ${ms(f.oursMs).padStart(9)} ${ms(f.staticMs).padStart(10)} ${f.ratio.toFixed(3).padStart(7)} ${ms(f.oursWarmMs).padStart(11)} ${ms(f.staticWarmMs).padStart(12)} ${f.warmRatio.toFixed(3).padStart(11)}`,
    );
  }
  lines.push(
    '',
    'tag-to-screen ("e", real Dexie + liveQuery)   samples   median ms   p95 ms   to next frame median / p95',
  );
  for (const [name, t] of [
    ['ours (windowed)', r.tagLatency],
    ['static list (reference)', r.staticTagLatency],
  ] as const) {
    lines.push(
      `${name.padEnd(44)} ${String(t.samples).padStart(8)} ${ms(t.medianMs).padStart(11)} ${ms(t.p95Ms).padStart(8)}   ${ms(t.frameMedianMs)} / ${ms(t.frameP95Ms)}`,
    );
  }
  const worst = Math.max(...r.firstRender.flatMap((f) => [f.ratio, f.warmRatio]));
  lines.push(
    '',
    `budget: first render ours/static ≤ ${PANEL_BUDGET.firstRenderRatio}× — worst ${worst.toFixed(3)}× — ${r.pass ? 'PASS' : 'FAIL'}`,
  );
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await runPanelBench({
    chromiumPath: findBrowser('chromium'),
    runs: Number(process.env.BENCH_RUNS ?? 7),
  });
  console.log(formatPanelBench(result));
  if (process.env.BENCH_VERBOSE) console.log(JSON.stringify(result, null, 2));
  process.exit(result.pass ? 0 : 1);
}
