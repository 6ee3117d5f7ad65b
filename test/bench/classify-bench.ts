/**
 * Suggestions for a full scan: the panel classifies every claim of a page at once (at most 5,000,
 * the extractor's limit), on its own thread, so this is how long it stays busy after a scan.
 * Claims are the corpus pages' real extracted claims (headings included), repeated with a
 * numbered suffix until there are 5,000 distinct ones. Baseline: the plain keyword classifier
 * `npm run eval` prints beside ours, on the same claims in the same run. Runs in Node.
 * Runnable alone: `npx tsx test/bench/classify-bench.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractPage } from '../../content/read-page.ts';
import { keywordBaseline } from '../../src/cli/keyword-baseline.ts';
import { parseHtml } from '../../src/cli/parse-html.ts';
import { type ClaimText, classifyClaims } from '../../src/core/classify/classify-claim.ts';
import { median, timeInTurn } from './time-in-turn.ts';

/** What the classification benchmark measured. */
export interface ClassifyBenchResult {
  claims: number;
  /** The first call in this process, before any warm-up: what a panel's first scan pays. */
  firstCallMs: number;
  oursMs: number;
  baselineMs: number;
}

const PAGES = resolve(import.meta.dirname, '../fixtures/corpus/pages');

/** 5,000 distinct claims from the corpus pages, with their heading paths. */
export function corpusClaims(count = 5000): ClaimText[] {
  const page: ClaimText[] = [];
  for (const file of readdirSync(PAGES).sort()) {
    const doc = parseHtml(readFileSync(join(PAGES, file), 'utf8'));
    for (const c of extractPage(doc, `file://${file}`).claims)
      page.push({ text: c.text, headingPath: c.headingPath });
  }
  const claims: ClaimText[] = [];
  for (let round = 0; claims.length < count; round++)
    for (const c of page) {
      if (claims.length === count) break;
      claims.push(round === 0 ? c : { ...c, text: `${c.text} (copy ${round})` });
    }
  return claims;
}

/** Runs the benchmark: `runs` samples of each contender, taken in turn. */
export function runClassifyBench(runs: number): ClassifyBenchResult {
  const claims = corpusClaims();
  let started = performance.now();
  classifyClaims(claims);
  const firstCallMs = performance.now() - started;
  const { samples } = timeInTurn(
    ['ours', 'baseline'] as const,
    (name) => {
      started = performance.now();
      if (name === 'ours') classifyClaims(claims);
      else for (const c of claims) keywordBaseline(c.text);
      return performance.now() - started;
    },
    runs,
    { calls: 5, minMs: 0, maxMs: 10_000 },
  );
  return {
    claims: claims.length,
    firstCallMs,
    oursMs: median(samples.ours),
    baselineMs: median(samples.baseline),
  };
}

/** Prints the figures. There is no budget: it says how long the panel is busy, beside the baseline. */
export function printClassifyBench(r: ClassifyBenchResult): void {
  console.log(
    `\nSuggestions for ${r.claims.toLocaleString('en')} claims (classifyClaims, Node): first call ${r.firstCallMs.toFixed(0)} ms, ` +
      `then ${r.oursMs.toFixed(0)} ms; keyword baseline ${r.baselineMs.toFixed(1)} ms ` +
      `(ours ÷ baseline ${(r.oursMs / r.baselineMs).toFixed(1)}×)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printClassifyBench(runClassifyBench(5));
