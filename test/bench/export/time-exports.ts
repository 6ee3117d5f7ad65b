/**
 * Times every export format of one review against `JSON.stringify` of its rows, in turn, in
 * whichever engine runs it: Node (the CLI's) and the browser page (the panel's) run this same code.
 */
import { EXPORT_FORMATS, type ExportFormat } from '../../../src/export/export-formats.ts';
import { exportReview } from '../../../src/export/export-review.ts';
import type { ReviewSnapshot } from '../../../src/export/report.ts';
import { median, timeInTurn } from '../time-in-turn.ts';

/** One format's median time, its ratio to `JSON.stringify`, and its size in characters. */
export interface FormatTiming {
  format: ExportFormat;
  ms: number;
  ratio: number;
  bytes: number;
}

/**
 * Export calls run at their steady speed from the first few (they take 30–300 ms each): three
 * warm-up calls, not `timeInTurn`'s forty, keep the bench short.
 */
const EXPORT_WARM_UP = { calls: 3, minMs: 0, maxMs: Number.POSITIVE_INFINITY };

/** The app name and version the benchmark's exports and backups carry. */
export const BENCH_APP = { name: 'Vendor Review', version: 'bench' };

/** Medians of `runs` samples of `JSON.stringify(snapshot)` and of each format, taken in turn. */
export function timeExports(
  snapshot: ReviewSnapshot,
  runs: number,
  now: Date,
): { stringifyMs: number; formats: FormatTiming[] } {
  const names = Object.keys(EXPORT_FORMATS) as ExportFormat[];
  const bytes = new Map<ExportFormat, number>();
  // JSON.stringify and every format in turn: the heap each leaves behind (and collects during the
  // next) and drift on a shared machine fall on the baseline and the formats alike.
  const { samples } = timeInTurn(
    ['stringify', ...names] as const,
    (name) => {
      const t0 = performance.now();
      if (name === 'stringify') JSON.stringify(snapshot);
      else bytes.set(name, exportReview(snapshot, { format: name, app: BENCH_APP, now }).text.length);
      return performance.now() - t0;
    },
    runs,
    EXPORT_WARM_UP,
  );
  const stringifyMs = median(samples.stringify);
  const formats = names.map((format) => {
    const ms = median(samples[format]);
    return { format, ms, ratio: ms / stringifyMs, bytes: bytes.get(format) ?? 0 };
  });
  return { stringifyMs, formats };
}
