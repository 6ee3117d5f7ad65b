/**
 * `npm run bench`: every benchmark, each as ratios to a baseline measured in the same run —
 * extraction (vs a bare text walk and Readability), export and import of a 10,000-claim review
 * (vs JSON.stringify and a raw Dexie bulkAdd). Exits non-zero when any budget is missed.
 */
import { printExportBench, runExportBench } from './export-bench.ts';
import { runExtractionBench } from './extraction-bench.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

const results: Array<[string, boolean]> = [];
if (wanted('extraction')) results.push(['extraction', await runExtractionBench(RUNS)]);
if (wanted('export')) results.push(['export', printExportBench(await runExportBench({ runs: RUNS }))]);

console.log(
  `\n${results.map(([name, ok]) => `${name}: ${ok ? 'all budgets met' : 'budget missed'}`).join('\n')}`,
);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
