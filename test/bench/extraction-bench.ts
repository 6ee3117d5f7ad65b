/**
 * Extraction speed in real Chromium, as ratios to baselines measured in the same
 * page in the same run — a bare TreeWalker text pass (target: ours ≤ 2×) and Mozilla Readability's
 * parse (target: ours at least 3× faster) — over the corpus and a generated 5 MB docs page; and
 * the content script's gzipped size (budget 15 KB). Exits non-zero when a budget is missed.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildExtension } from '../../scripts/build.ts';
import { serveFolder } from '../../scripts/static-server.ts';
import { QUIET_CHROMIUM_ARGS } from '../e2e/harness/chromium.ts';
import { findBrowser } from '../e2e/harness/find-browser.ts';
import { buildInPageBundle } from './build-in-page.ts';
import { generateDocsPage } from './generate-docs-page.ts';
import { median } from './time-in-turn.ts';

const root = resolve(import.meta.dirname, '../..');
const BUDGET = { oursVsWalk: 2, readabilityVsOurs: 3, contentScriptGzip: 15 * 1024 };

/** Runs the extraction benchmark, prints its figures, and returns whether every budget was met. */
export async function runExtractionBench(RUNS: number): Promise<boolean> {
  const work = mkdtempSync(join(tmpdir(), 'vr-bench-'));
  await buildInPageBundle('test/bench/in-page.ts', work, 'bench', 'bench.js');
  const pagesDir = join(work, 'pages');
  const corpus = resolve(root, 'test/fixtures/corpus');
  const pages: Array<{ name: string; path: string; bytes: number }> = [];
  for (const sub of ['pages', 'general']) {
    for (const f of readdirSync(join(corpus, sub))
      .filter((x) => x.endsWith('.html'))
      .sort()) {
      pages.push({
        name: `${sub}/${f}`,
        path: `corpus/${sub}/${f}`,
        bytes: readFileSync(join(corpus, sub, f)).length,
      });
    }
  }
  const big = generateDocsPage(5 * 1024 * 1024);
  rmSync(pagesDir, { recursive: true, force: true });
  const server = await serveFolder(resolve(root, 'test/fixtures'));
  writeFileSync(join(work, 'generated-5mb.html'), big);
  const bigServer = await serveFolder(work);

  const browser = await chromium.launch({
    executablePath: findBrowser('chromium'),
    headless: true,
    args: QUIET_CHROMIUM_ARGS,
  });
  const bundle = readFileSync(join(work, 'bench.js'), 'utf8');
  type Contender = 'walk' | 'ours' | 'readability';
  type Bench = {
    run(n: number): Record<Contender, number> & { claims: number };
    cold(name: Contender): number;
  };
  type Row = {
    name: string;
    bytes: number;
    claims: number;
    walk: number;
    ours: number;
    readability: number;
    /** First calls, each in a freshly loaded tab (medians). */
    cold: Record<Contender, number>;
  };
  const rows: Row[] = [];
  const targets = [
    ...pages.map((p) => ({ ...p, url: server.url + p.path })),
    { name: 'generated 5 MB docs page', bytes: big.length, url: `${bigServer.url}generated-5mb.html` },
  ];
  /** A fresh tab on the page with the bench bundle in it: no garbage or JIT state from other pages. */
  const open = async (url: string) => {
    const page = await browser.newPage();
    // Scripts off: we measure our code on the page's DOM, not the page's own scripts.
    await page.route('**/*', (route) =>
      route.request().resourceType() === 'document' ? route.continue() : route.abort(),
    );
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.addScriptTag({ content: bundle });
    return page;
  };
  const coldRuns = Math.max(1, Math.min(RUNS, 3));
  for (const target of targets) {
    const cold = { walk: [] as number[], ours: [] as number[], readability: [] as number[] };
    for (let i = 0; i < coldRuns; i++) {
      for (const name of ['walk', 'ours', 'readability'] as const) {
        const page = await open(target.url);
        cold[name].push(
          await page.evaluate((n) => (globalThis as unknown as { __bench: Bench }).__bench.cold(n), name),
        );
        await page.close();
      }
    }
    const page = await open(target.url);
    const r = await page.evaluate(
      (runs) => (globalThis as unknown as { __bench: Bench }).__bench.run(runs),
      RUNS,
    );
    await page.close();
    rows.push({
      name: target.name,
      bytes: target.bytes,
      ...r,
      cold: { walk: median(cold.walk), ours: median(cold.ours), readability: median(cold.readability) },
    });
  }
  await browser.close();
  await server.close();
  await bigServer.close();

  const dirs = await buildExtension({ quiet: true });
  const gzip = gzipSync(readFileSync(join(dirs.chrome, 'content.js')), { level: 9 }).length;
  rmSync(work, { recursive: true, force: true });

  const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
  const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);
  console.log(
    `Extraction in Chromium (${RUNS} runs each, medians; ratios measured in the same page, same run)`,
  );
  console.log(
    `warm: each contender at its steady speed (at least 40 calls first), samples taken in turn; first call: one call in a freshly loaded tab (${coldRuns} tabs each), what a reviewer's browser does per page\n`,
  );
  console.log(
    '                                                           ----------------- warm -----------------   ---------- first call -----------',
  );
  console.log(
    'page                                         KB   claims   walk ms  ours ms  Readab. ms  ours/walk  Readab./ours   walk ms  ours ms  Readab. ms  Readab./ours',
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(42)} ${String(Math.round(r.bytes / 1024)).padStart(5)} ${String(r.claims).padStart(8)} ${ms(r.walk).padStart(9)} ${ms(r.ours).padStart(8)} ${ms(r.readability).padStart(11)} ${(r.ours / r.walk).toFixed(2).padStart(10)} ${(r.readability / r.ours).toFixed(2).padStart(13)}   ${ms(r.cold.walk).padStart(7)} ${ms(r.cold.ours).padStart(8)} ${ms(r.cold.readability).padStart(11)} ${(r.cold.readability / r.cold.ours).toFixed(2).padStart(13)}`,
    );
  }
  const corpusRows = rows.slice(0, -1);
  const bigRow = rows.at(-1) as Row;
  const summary = {
    corpusOursVsWalk: geomean(corpusRows.map((r) => r.ours / r.walk)),
    corpusReadabilityVsOurs: geomean(corpusRows.map((r) => r.readability / r.ours)),
    bigOursVsWalk: bigRow.ours / bigRow.walk,
    bigReadabilityVsOurs: bigRow.readability / bigRow.ours,
    coldCorpusReadabilityVsOurs: geomean(corpusRows.map((r) => r.cold.readability / r.cold.ours)),
    coldCorpusOursVsWalk: geomean(corpusRows.map((r) => r.cold.ours / r.cold.walk)),
  };
  const checks: Array<[string, number, string, boolean]> = [
    [
      'ours / TreeWalker, corpus (geometric mean)',
      summary.corpusOursVsWalk,
      `≤ ${BUDGET.oursVsWalk}×`,
      summary.corpusOursVsWalk <= BUDGET.oursVsWalk,
    ],
    [
      'ours / TreeWalker, 5 MB page',
      summary.bigOursVsWalk,
      `≤ ${BUDGET.oursVsWalk}×`,
      summary.bigOursVsWalk <= BUDGET.oursVsWalk,
    ],
    [
      'Readability / ours, corpus (geometric mean)',
      summary.corpusReadabilityVsOurs,
      `≥ ${BUDGET.readabilityVsOurs}×`,
      summary.corpusReadabilityVsOurs >= BUDGET.readabilityVsOurs,
    ],
    [
      'Readability / ours, 5 MB page',
      summary.bigReadabilityVsOurs,
      `≥ ${BUDGET.readabilityVsOurs}×`,
      summary.bigReadabilityVsOurs >= BUDGET.readabilityVsOurs,
    ],
    [
      'content script, gzipped KB',
      gzip / 1024,
      `≤ ${BUDGET.contentScriptGzip / 1024}`,
      gzip <= BUDGET.contentScriptGzip,
    ],
  ];
  console.log('\nbudget                                          figure    target   result');
  for (const [name, value, target, ok] of checks)
    console.log(
      `${name.padEnd(46)} ${value.toFixed(2).padStart(7)}   ${target.padEnd(7)}  ${ok ? 'PASS' : 'FAIL'}`,
    );
  console.log(
    `first call, for reference (no budget): ours / TreeWalker ${summary.coldCorpusOursVsWalk.toFixed(2)}, Readability / ours ${summary.coldCorpusReadabilityVsOurs.toFixed(2)} (corpus, geometric means)`,
  );
  return checks.every((c) => c[3]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit((await runExtractionBench(Number(process.env.BENCH_RUNS ?? 5))) ? 0 : 1);
}
