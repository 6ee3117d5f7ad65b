/**
 * Re-anchoring speed in real Chromium (headless, page served on 127.0.0.1): 500 claims of a
 * generated ~1 MB docs page, taken from the real extraction and then the page drifted as a
 * vendor's does — 400 untouched, 50 with a number edited, 50 removed (25 the claim's own
 * element or sentence, 25 its whole section) — re-anchored by the real `drawHighlights` (page-text
 * index, position check, exact quote, `findChangedText`, highlights registered with
 * CSS.highlights), as a ratio to one bare TreeWalker text pass over the same page in the same run
 * (budget: ≤ 10×). Also: each claim's outcome against what was planted, each claim's path timed
 * on its own, and the approximate and exact searches on pathological inputs.
 * `runAnchorBench()` returns the figures; run alone (`npx tsx test/bench/anchor-bench.ts`) it prints
 * them and exits non-zero when the budget is missed. BENCH_RUNS sets the runs (default 5).
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveFolder } from '../../scripts/static-server.ts';
import { QUIET_CHROMIUM_ARGS } from '../e2e/harness/chromium.ts';
import { findBrowser } from '../e2e/harness/find-browser.ts';
import {
  type AnchorBenchPage,
  type ClaimOutcome,
  PLANTED,
  type Planted,
  type PrepareSummary,
  type ProbeFigure,
} from './anchor/in-page.ts';
import { buildInPageBundle } from './build-in-page.ts';
import { generateDocsPage } from './generate-docs-page.ts';
import { median } from './time-in-turn.ts';

const root = resolve(import.meta.dirname, '../..');
/** drawHighlights for the planted claims as a multiple of one bare text pass, at most. */
export const ANCHOR_BUDGET = { oursVsWalk: 10 };
/** The claims re-anchored: how many in all, how many with a number edited, how many removed. */
export const ANCHOR_PLAN = { total: 500, changed: 50, removed: 50 };
const PAGE_BYTES = 1024 * 1024;
/** The background gives the page this long to answer `highlight-claims` (src/background/inspect-tab.ts). */
const ANSWER_TIMEOUT_MS = 30_000;

export interface OutcomeCounts {
  claims: number;
  anchoredPosition: number;
  anchoredQuote: number;
  changed: number;
  /** Changed, and the current text reported is the text planted. */
  changedTextRight: number;
  orphaned: number;
  /** Anchored somewhere other than the claim's own text (for a changed or removed claim: anywhere). */
  wrongPlace: number;
  /** Not what was planted: unchanged → anchored in its place; changed → changed with the planted text; removed → orphaned. */
  mismatches: number;
}

export interface AnchorBenchResult {
  runs: number;
  pageBytes: number;
  page: PrepareSummary;
  /** Medians in ms, same page, same run. */
  walkMs: number;
  indexMs: number;
  oursMs: number;
  /** drawHighlights ÷ bare text pass (budgeted), and indexPageText ÷ bare text pass (for reference). */
  ratio: number;
  indexRatio: number;
  /**
   * First calls on a freshly loaded copy of the drifted page (medians of up to 3 loads): what a
   * reviewer's later visit costs, with the JIT and the page's DOM wrappers cold. For reference.
   */
  firstCall: { walkMs: number; oursMs: number; ratio: number; reports: string };
  walkSamplesMs: number[];
  indexSamplesMs: number[];
  oursSamplesMs: number[];
  byPlanted: Record<Planted, OutcomeCounts>;
  totals: { anchored: number; changed: number; orphaned: number; unchecked: number };
  mismatches: number;
  mismatchExamples: Array<
    Pick<ClaimOutcome, 'planted' | 'structure' | 'status' | 'exact'> & {
      method?: string;
      currentText?: string;
      expectedText?: string;
    }
  >;
  /** Claims where drawHighlights' report and the claim's path run on its own differ (should be 0). */
  drawDisagreements: number;
  perClaim: {
    /** anchorQuote for claims whose position no longer holds the quote: median and worst, in ms. */
    quotePathClaims: number;
    quotePathMedianMs: number;
    quotePathWorstMs: number;
    /** findChangedText, for claims whose quote is gone: calls, median and worst per call, in ms. */
    approxCalls: number;
    approxMedianMs: number;
    approxWorstMs: number;
    /** The slowest single claim, whole path (anchorQuote, then findChangedText when it ran), in ms. */
    worstClaimMs: number;
    worstClaimPlanted: Planted;
  };
  probes: ProbeFigure[];
  bound: { windowChars?: number; maxNewTextChars?: number; timeCheck: boolean; summary: string };
  pass: boolean;
}

declare const __anchorBench: AnchorBenchPage;

/** What the source of the anchoring code says about bounds, read from the files so it stays true. */
function readBound(): AnchorBenchResult['bound'] {
  const read = (name: string) => readFileSync(resolve(root, 'content/anchor', name), 'utf8');
  const approx = read('approximate.ts');
  const quote = read('anchor-quote.ts');
  const reanchor = read('reanchor.ts');
  const sweep = read('sweep.ts');
  const constant = (source: string, name: string) => {
    const m = source.match(new RegExp(`const ${name} = ([\\d_]+);`));
    return m?.[1] ? Number(m[1].replaceAll('_', '')) : undefined;
  };
  const n = (x: number | undefined) => (x === undefined ? '?' : x.toLocaleString('en'));
  const align = constant(approx, 'ALIGN');
  const maxNewTextChars = constant(approx, 'MAX_NEW_TEXT');
  const tries = constant(approx, 'MAX_TRIES');
  const near = constant(quote, 'NEAR_WINDOW');
  const places = constant(quote, 'MAX_PLACES');
  const timeMs = constant(reanchor, 'REANCHOR_TIME_MS');
  const chars = constant(reanchor, 'REANCHOR_CHARS');
  const hits = constant(sweep, 'MAX_HITS');
  const chunk = constant(sweep, 'CHUNK');
  const code = [approx, quote, reanchor, read('budget.ts')]
    .map((s) => s.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))
    .join('\n');
  const timeCheck = /performance\.now/.test(code) && /deadline/.test(code);
  const summary = [
    `findChangedText: per claim, one surrounding looked for within ±${n(align)} characters of where the claim was expected (aligned with the claims anchored before and after it), then at most ${n(tries)} searches of ${n(maxNewTextChars)} + |suffix| characters for the other; every search charged to the shared budget.`,
    `anchorQuote / reanchorClaims pass 1: saved position, then shifted position (one compare each), then ±${n(near)} characters around it, at most ${n(places)} places weighed; a repeated quote only where its prefix or suffix holds.`,
    `sweep (quotes still missing): one regular-expression pass over the page per ${n(chunk)} quotes, at most ${n(hits)} hits, ${n(places)} places per quote; a quote with more places is "unchecked", not guessed.`,
    `drawHighlights: ${timeCheck ? `a deadline of ${n(timeMs)} ms and ${n(chars)} characters compared, shared by all claims; claims not reached are reported "unchecked"` : 'no time check found in the code'}.`,
  ].join('\n');
  return {
    ...(align !== undefined ? { windowChars: align } : {}),
    ...(maxNewTextChars !== undefined ? { maxNewTextChars } : {}),
    timeCheck,
    summary,
  };
}

/** Builds the in-page bundle and the page into a folder to serve. */
async function buildPage(): Promise<{ work: string; bundle: string; pageBytes: number }> {
  const work = mkdtempSync(join(tmpdir(), 'vr-anchor-bench-'));
  await buildInPageBundle('test/bench/anchor/in-page.ts', work, 'anchorBench', 'anchor-bench.js');
  const html = generateDocsPage(PAGE_BYTES);
  writeFileSync(join(work, 'docs-1mb.html'), html);
  return { work, bundle: readFileSync(join(work, 'anchor-bench.js'), 'utf8'), pageBytes: html.length };
}

function expected(o: ClaimOutcome): boolean {
  if (o.planted === 'unchanged') return o.status === 'anchored' && !o.wrongPlace;
  if (o.planted === 'changed') return o.status === 'changed' && o.textRight === true;
  return o.status === 'orphaned';
}

/** Runs the benchmark; `runs` samples of each timing. */
export async function runAnchorBench(options: { runs: number }): Promise<AnchorBenchResult> {
  const runs = Math.max(1, options.runs);
  const { work, bundle, pageBytes } = await buildPage();
  const server = await serveFolder(work);
  const browser = await chromium.launch({
    executablePath: findBrowser('chromium'),
    headless: true,
    args: QUIET_CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    // Nothing but the page itself: we time our code on the page's DOM.
    await page.route('**/*', (route) =>
      route.request().resourceType() === 'document' ? route.continue() : route.abort(),
    );
    await page.goto(`${server.url}docs-1mb.html`, { waitUntil: 'load' });
    const script = await page.addScriptTag({ content: bundle });
    const prepared = await page.evaluate((plan) => __anchorBench.prepare(plan), ANCHOR_PLAN);
    // The drifted page as a file of its own (without our script), for first calls on a fresh load.
    await script.evaluate((el) => (el as Element).remove());
    writeFileSync(
      join(work, 'drifted.html'),
      `<!doctype html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`,
    );
    const claims = await page.evaluate(() => __anchorBench.claims());
    const timed = await page.evaluate((n) => __anchorBench.run(n), runs);
    const outcomes = await page.evaluate(() => __anchorBench.outcomes());
    const probes = await page.evaluate(() => __anchorBench.probes());
    await page.close();

    const first = { walk: [] as number[], ours: [] as number[], reports: '' };
    for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) {
      for (const name of ['walk', 'ours'] as const) {
        const fresh = await browser.newPage();
        await fresh.route('**/*', (route) =>
          route.request().resourceType() === 'document' ? route.continue() : route.abort(),
        );
        await fresh.goto(`${server.url}drifted.html`, { waitUntil: 'load' });
        await fresh.addScriptTag({ content: bundle });
        const r = await fresh.evaluate(([n, c]) => __anchorBench.firstCall(n, c), [name, claims] as const);
        first[name].push(r.ms);
        if (name === 'ours')
          first.reports = `${r.anchored} anchored, ${r.changed} changed, ${r.orphaned} orphaned`;
        await fresh.close();
      }
    }

    const byPlanted = Object.fromEntries(
      PLANTED.map((p) => [
        p,
        {
          claims: 0,
          anchoredPosition: 0,
          anchoredQuote: 0,
          changed: 0,
          changedTextRight: 0,
          orphaned: 0,
          wrongPlace: 0,
          mismatches: 0,
        },
      ]),
    ) as Record<Planted, OutcomeCounts>;
    const totals = { anchored: 0, changed: 0, orphaned: 0, unchecked: 0 };
    const mismatchExamples: AnchorBenchResult['mismatchExamples'] = [];
    for (const o of outcomes) {
      const c = byPlanted[o.planted];
      c.claims++;
      totals[o.status]++;
      if (o.status === 'anchored') {
        if (o.method === 'position') c.anchoredPosition++;
        else c.anchoredQuote++;
        if (o.wrongPlace) c.wrongPlace++;
      } else if (o.status === 'changed') {
        c.changed++;
        if (o.textRight) c.changedTextRight++;
      } else if (o.status === 'orphaned') c.orphaned++;
      if (!expected(o)) {
        c.mismatches++;
        // A few of each planted kind, to show what went wrong.
        if (mismatchExamples.filter((m) => m.planted === o.planted).length < 2)
          mismatchExamples.push({
            planted: o.planted,
            structure: o.structure,
            status: o.status,
            exact: o.exact,
            ...(o.method ? { method: o.method } : {}),
            ...(o.currentText !== undefined ? { currentText: o.currentText } : {}),
            ...(o.expectedText !== undefined ? { expectedText: o.expectedText } : {}),
          });
      }
    }
    const quotePath = outcomes.filter((o) => o.method !== 'position').map((o) => o.anchorMs);
    const approx = outcomes.flatMap((o) => (o.approxMs === undefined ? [] : [o.approxMs]));
    const worst = outcomes.reduce(
      (w, o) => {
        const ms = o.anchorMs + (o.approxMs ?? 0);
        return ms > w.ms ? { ms, planted: o.planted } : w;
      },
      { ms: 0, planted: 'unchanged' as Planted },
    );
    const ratio = timed.ours / timed.walk;
    return {
      runs,
      pageBytes,
      page: prepared,
      walkMs: timed.walk,
      indexMs: timed.index,
      oursMs: timed.ours,
      ratio,
      indexRatio: timed.index / timed.walk,
      firstCall: {
        walkMs: median(first.walk),
        oursMs: median(first.ours),
        ratio: median(first.ours) / median(first.walk),
        reports: first.reports,
      },
      walkSamplesMs: timed.walkSamples,
      indexSamplesMs: timed.indexSamples,
      oursSamplesMs: timed.oursSamples,
      byPlanted,
      totals,
      mismatches: PLANTED.reduce((s, p) => s + byPlanted[p].mismatches, 0),
      mismatchExamples,
      drawDisagreements: outcomes.filter((o) => !o.agreesWithDraw).length,
      perClaim: {
        quotePathClaims: quotePath.length,
        quotePathMedianMs: median(quotePath),
        quotePathWorstMs: Math.max(0, ...quotePath),
        approxCalls: approx.length,
        approxMedianMs: median(approx),
        approxWorstMs: Math.max(0, ...approx),
        worstClaimMs: worst.ms,
        worstClaimPlanted: worst.planted,
      },
      probes,
      bound: readBound(),
      pass: ratio <= ANCHOR_BUDGET.oursVsWalk,
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

const claimCount = (r: AnchorBenchResult) => PLANTED.reduce((s, kind) => s + r.byPlanted[kind].claims, 0);

/** The figures as a small table. */
export function formatAnchorBench(r: AnchorBenchResult): string {
  const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '–');
  const n = (x: number) => x.toLocaleString('en');
  const p = r.page;
  const lines = [
    `Re-anchoring ${n(claimCount(r))} claims on a generated ${(r.pageBytes / 1024 / 1024).toFixed(2)} MB docs page in Chromium (${r.runs} runs, medians; ratios in the same page and run)`,
    `page text ${n(p.pageCharsBefore)} → ${n(p.pageCharsAfter)} characters after the drift; extraction found ${n(p.extracted)} claims (${n(p.positional)} with a position)`,
    '',
    'timed (sync work; highlights registered with CSS.highlights, painted after)      ms   ÷ text pass',
    `${'one bare TreeWalker text pass (baseline)'.padEnd(78)} ${ms(r.walkMs).padStart(8)} ${'1.0'.padStart(12)}`,
    `${'indexPageText alone (the index drawHighlights builds first)'.padEnd(78)} ${ms(r.indexMs).padStart(8)} ${r.indexRatio.toFixed(1).padStart(12)}`,
    `${`drawHighlights, ${n(claimCount(r))} claims`.padEnd(78)} ${ms(r.oursMs).padStart(8)} ${r.ratio.toFixed(1).padStart(12)}`,
    'each timed at its steady speed (40 calls first), samples taken in turn',
    `first call on a freshly loaded copy of the drifted page (no budget): text pass ${ms(r.firstCall.walkMs)} ms, drawHighlights ${ms(r.firstCall.oursMs)} ms (${r.firstCall.reports}) → ${r.firstCall.ratio.toFixed(1)}×`,
    '',
    'planted           claims  position  quote  changed (text right)  orphaned  wrong place  mismatches',
  ];
  for (const kind of PLANTED) {
    const c = r.byPlanted[kind];
    lines.push(
      `${kind.replace('-', ' ').padEnd(17)} ${String(c.claims).padStart(6)} ${String(c.anchoredPosition).padStart(9)} ${String(c.anchoredQuote).padStart(6)} ${`${c.changed} (${c.changedTextRight})`.padStart(21)} ${String(c.orphaned).padStart(9)} ${String(c.wrongPlace).padStart(12)} ${String(c.mismatches).padStart(11)}`,
    );
  }
  lines.push(
    `reports: ${r.totals.anchored} anchored, ${r.totals.changed} changed, ${r.totals.orphaned} orphaned, ${r.totals.unchecked} unchecked (time budget); ${r.mismatches} not as planted; drawHighlights and the per-claim path disagree on ${r.drawDisagreements}`,
  );
  const checks = [
    p.textLengthAgrees ? '' : 'extraction and indexPageText count page text differently',
    p.positionsHeldBefore === claimCount(r) ? '' : `${p.positionsHeldBefore} positions held before the drift`,
    p.oldQuoteStillOnPage === 0 ? '' : `${p.oldQuoteStillOnPage} removed/changed quotes still on the page`,
    p.newTextMissing === 0 ? '' : `${p.newTextMissing} edited texts missing`,
  ].filter(Boolean);
  if (checks.length > 0) lines.push(`plan problems: ${checks.join('; ')}`);
  for (const m of r.mismatchExamples)
    lines.push(
      `  e.g. ${m.planted} ${m.structure} → ${m.status}${m.method ? ` (${m.method})` : ''}: ${JSON.stringify(m.exact.slice(0, 60))}${m.currentText !== undefined ? ` now ${JSON.stringify(m.currentText.slice(0, 60))}` : ''}${m.expectedText !== undefined ? ` planted ${JSON.stringify(m.expectedText.slice(0, 60))}` : ''}`,
    );
  const pc = r.perClaim;
  lines.push(
    '',
    `per claim: anchorQuote without a holding position ${pc.quotePathClaims} claims, median ${ms(pc.quotePathMedianMs)} ms, worst ${ms(pc.quotePathWorstMs)} ms;`,
    `  findChangedText ${pc.approxCalls} calls, median ${pc.approxMedianMs.toFixed(3)} ms, worst ${pc.approxWorstMs.toFixed(3)} ms; slowest whole claim ${ms(pc.worstClaimMs)} ms (${pc.worstClaimPlanted})`,
    '',
    `${'pathological input'.padEnd(76)}      ms      chars  result`,
  );
  for (const probe of r.probes)
    lines.push(
      `${probe.name.padEnd(76)} ${ms(probe.ms).padStart(7)} ${n(probe.chars).padStart(10)}  ${probe.result}`,
    );
  lines.push(
    '',
    `bound:\n${r.bound.summary
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n')}`,
  );
  if (r.oursMs > ANSWER_TIMEOUT_MS / 2)
    lines.push(
      `  note: one drawHighlights call took ${ms(r.oursMs / 1000)} s; the background waits ${ANSWER_TIMEOUT_MS / 1000} s for the page's answer (after the settle wait).`,
    );
  lines.push(
    '',
    `budget: drawHighlights ÷ text pass ≤ ${ANCHOR_BUDGET.oursVsWalk}× — ${r.ratio.toFixed(1)}× — ${r.pass ? 'PASS' : 'FAIL'}`,
  );
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await runAnchorBench({ runs: Number(process.env.BENCH_RUNS ?? 5) });
  console.log(formatAnchorBench(result));
  if (process.env.BENCH_VERBOSE) console.log(JSON.stringify(result, null, 2));
  process.exit(result.pass ? 0 : 1);
}
