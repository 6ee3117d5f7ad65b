/**
 * `npm run bench`: every benchmark, each as ratios to a baseline measured in the same run —
 * extraction (vs a bare text walk and Readability), export and import of a 10,000-claim review
 * (vs JSON.stringify and a raw Dexie bulkAdd), the panel with 5,000 claims (first render vs a
 * plain static list, tag-to-screen latency), re-anchoring 500 claims on a drifted 1 MB page
 * (vs a bare text pass), and a live demo with 50 screenshots (storage used; first render vs a
 * plain static list of the same entries and thumbnails, entry-to-screen latency vs the same
 * entries without screenshots), and suggestions for 5,000 claims (vs the plain keyword
 * classifier). `npm run bench -- export` runs one of them. Exits non-zero when any budget is missed.
 */

import { findBrowser } from '../e2e/harness/find-browser.ts';
import { formatAnchorBench, runAnchorBench } from './anchor-bench.ts';
import { printClassifyBench, runClassifyBench } from './classify-bench.ts';
import { formatDemoBench, runDemoBench } from './demo-bench.ts';
import { printExportBench, runExportBench } from './export-bench.ts';
import { runExtractionBench } from './extraction-bench.ts';
import { formatPanelBench, runPanelBench } from './panel-bench.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

const results: Array<[string, boolean]> = [];
if (wanted('extraction')) results.push(['extraction', await runExtractionBench(RUNS)]);
if (wanted('export')) results.push(['export', printExportBench(await runExportBench({ runs: RUNS }))]);
// No budget: it prints how long the panel is busy classifying a full scan.
if (wanted('classify')) printClassifyBench(runClassifyBench(RUNS));
if (wanted('panel')) {
  // Each sample renders 5,000 static rows as the baseline: three runs keep the whole bench short.
  const panel = await runPanelBench({ chromiumPath: findBrowser('chromium'), runs: Math.min(RUNS, 3) });
  console.log(formatPanelBench(panel));
  results.push(['panel', panel.pass]);
}
if (wanted('anchor')) {
  const anchor = await runAnchorBench({ runs: RUNS });
  console.log(formatAnchorBench(anchor));
  results.push(['anchor', anchor.pass]);
}
if (wanted('demo')) {
  // Each sample is one page load of a few hundred ms: seven runs by default still keep it short.
  const demo = await runDemoBench({
    chromiumPath: findBrowser('chromium'),
    runs: Number(process.env.BENCH_RUNS ?? 7),
  });
  console.log(formatDemoBench(demo));
  results.push(['demo', demo.pass]);
}

console.log(
  `\n${results.map(([name, ok]) => `${name}: ${ok ? 'all budgets met' : 'budget missed'}`).join('\n')}`,
);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
