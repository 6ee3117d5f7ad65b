/**
 * In-page bundle for the export benchmark: the same review generated and exported in the
 * browser's engine, where the panel makes its exports.
 */
import { generateReview } from '../generate-review.ts';
import { timeExports } from './time-exports.ts';

async function run(claims: number, runs: number, nowIso: string) {
  return timeExports(await generateReview(claims), runs, new Date(nowIso));
}

(globalThis as { __exportBench?: unknown }).__exportBench = { run };
