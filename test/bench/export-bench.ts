/**
 * Export and import speed for a 10,000-claim review. Export: each format as a ratio to
 * `JSON.stringify` of the same rows, timed in the same engine and run (target ≤ 3×), in Node (the
 * CLI's engine) and in a Chromium and a Firefox page (the panel's). Import: a backup restored through validation
 * and `restoreBackup` into Chromium's real IndexedDB, as a ratio to a raw Dexie `bulkAdd` of the
 * same rows in the same page (target ≤ 2×).
 * Runnable alone: `npx tsx test/bench/export-bench.ts`.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildExtension } from '../../scripts/build.ts';
import { serveFolder } from '../../scripts/static-server.ts';
import { backupJson } from '../../src/export/backup.ts';
import { QUIET_CHROMIUM_ARGS } from '../e2e/harness/chromium.ts';
import { findBrowser } from '../e2e/harness/find-browser.ts';
import { launchFirefox } from '../e2e/harness/firefox.ts';
import { buildInPageBundle } from './build-in-page.ts';
import { BENCH_APP, type FormatTiming, timeExports } from './export/time-exports.ts';
import { generateReview } from './generate-review.ts';
import { median } from './time-in-turn.ts';

/** Budgets for the export and import ratios. */
export const EXPORT_BUDGET = { exportVsStringify: 3, importVsBulkAdd: 2 };

/** Export timings in one engine. */
export interface EngineTimings {
  engine: string;
  stringifyMs: number;
  formats: FormatTiming[];
}

/** What the export benchmark measured. */
export interface ExportBenchResult {
  claims: number;
  exports: EngineTimings[];
  import: {
    oursMs: number;
    parseMs: number;
    restoreMs: number;
    bulkAddMs: number;
    ratio: number;
    backupBytes: number;
  };
}

/** Runs the export and import benchmark; `claims` defaults to 10,000. */
export async function runExportBench(options: { runs: number; claims?: number }): Promise<ExportBenchResult> {
  const claims = options.claims ?? 10_000;
  const snapshot = await generateReview(claims);
  const now = new Date('2026-11-25T12:00:00.000Z');
  const exports: EngineTimings[] = [{ engine: 'Node', ...timeExports(snapshot, options.runs, now) }];

  // In the browsers: the exports again in a page, then the import into Chromium's real IndexedDB.
  const work = mkdtempSync(join(tmpdir(), 'vr-import-bench-'));
  try {
    await buildInPageBundle('test/bench/import/in-page.ts', work, 'importBench', 'import-bench.js');
    await buildInPageBundle('test/bench/export/in-page.ts', work, 'exportBench', 'export-bench.js');
    const backup = backupJson([snapshot], BENCH_APP, now);
    writeFileSync(join(work, 'index.html'), '<!doctype html><title>import bench</title>');
    writeFileSync(
      join(work, 'export.html'),
      '<!doctype html><title>export bench</title><script src="export-bench.js"></script>',
    );
    const server = await serveFolder(work);
    const browser = await chromium.launch({
      executablePath: findBrowser('chromium'),
      headless: true,
      args: QUIET_CHROMIUM_ARGS,
    });
    try {
      // The same review generated and exported in a page of its own (the panel's engine), closed
      // before the import is timed so that its heap weighs on nothing else.
      const exportPage = await browser.newPage();
      await exportPage.goto(`${server.url}export.html`);
      type InPageExport = {
        run(claims: number, runs: number, now: string): Promise<Omit<EngineTimings, 'engine'>>;
      };
      const inPage = await exportPage.evaluate(
        ([n, runs, iso]) =>
          (globalThis as unknown as { __exportBench: InPageExport }).__exportBench.run(n, runs, iso),
        [claims, options.runs, now.toISOString()] as const,
      );
      await exportPage.close();
      exports.push({ engine: 'Chromium', ...inPage });
      exports.push({
        engine: 'Firefox',
        ...(await inFirefox(join(work, 'ext'), `${server.url}export.html`, claims, options.runs, now)),
      });
      const page = await browser.newPage();
      await page.goto(`${server.url}index.html`);
      await page.addScriptTag({ content: readFileSync(join(work, 'import-bench.js'), 'utf8') });
      type InPage = {
        ours(text: string): Promise<{ parse: number; restore: number }>;
        bulkAdd(text: string): Promise<number>;
      };
      // Functions passed to evaluate run in the page: no closures over this file.
      const ours = () =>
        page.evaluate(
          (text) => (globalThis as unknown as { __importBench: InPage }).__importBench.ours(text),
          backup,
        );
      const bulkAdd = () =>
        page.evaluate(
          (text) => (globalThis as unknown as { __importBench: InPage }).__importBench.bulkAdd(text),
          backup,
        );
      // One warm-up each, then alternate so drift on a shared machine hits both alike.
      await ours();
      await bulkAdd();
      const oursSamples: Array<{ parse: number; restore: number }> = [];
      const bulkSamples: number[] = [];
      for (let i = 0; i < Math.max(3, Math.min(options.runs, 5)); i++) {
        bulkSamples.push(await bulkAdd());
        oursSamples.push(await ours());
      }
      const oursMs = median(oursSamples.map((s) => s.parse + s.restore));
      const bulkAddMs = median(bulkSamples);
      return {
        claims,
        exports,
        import: {
          oursMs,
          parseMs: median(oursSamples.map((s) => s.parse)),
          restoreMs: median(oursSamples.map((s) => s.restore)),
          bulkAddMs,
          ratio: oursMs / bulkAddMs,
          backupBytes: backup.length,
        },
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The exports timed in a Firefox page (the sidebar's engine). Firefox is launched with the built
 * extension, as the e2e harness launches it, with its network kept on loopback.
 */
async function inFirefox(
  buildDir: string,
  pageUrl: string,
  claims: number,
  runs: number,
  now: Date,
): Promise<Omit<EngineTimings, 'engine'>> {
  const dirs = await buildExtension({ quiet: true, outDir: buildDir });
  // One evaluate runs every sample: give it minutes, not the harness's 30 s per command.
  const firefox = await launchFirefox({ extensionDir: dirs.firefox, commandTimeoutMs: 900_000 });
  try {
    const tab = await firefox.openTab(pageUrl);
    await firefox.waitFor(tab, 'Boolean(globalThis.__exportBench)');
    return await firefox.evaluate<Omit<EngineTimings, 'engine'>>(
      tab,
      `globalThis.__exportBench.run(${claims}, ${runs}, ${JSON.stringify(now.toISOString())})`,
    );
  } finally {
    await firefox.close();
  }
}

/** Prints the figures and returns whether every budget was met. */
export function printExportBench(result: ExportBenchResult): boolean {
  let ok = true;
  for (const e of result.exports) {
    console.log(
      `\nExport of a ${result.claims.toLocaleString('en-GB')}-claim review in ${e.engine} (medians; JSON.stringify of the same rows: ${e.stringifyMs.toFixed(1)} ms)\n`,
    );
    console.log('format       ms      MB   ÷ stringify   target   result');
    for (const f of e.formats) {
      const pass = f.ratio <= EXPORT_BUDGET.exportVsStringify;
      ok &&= pass;
      console.log(
        `${f.format.padEnd(9)} ${f.ms.toFixed(1).padStart(7)} ${(f.bytes / 1e6).toFixed(1).padStart(7)} ${f.ratio.toFixed(2).padStart(12)}   ≤ ${EXPORT_BUDGET.exportVsStringify}×     ${pass ? 'PASS' : 'FAIL'}`,
      );
    }
  }
  const i = result.import;
  const pass = i.ratio <= EXPORT_BUDGET.importVsBulkAdd;
  ok &&= pass;
  console.log(
    `\nImport of its ${(i.backupBytes / 1e6).toFixed(1)} MB backup in Chromium: ours ${i.oursMs.toFixed(0)} ms (parse, validate and verify chain ${i.parseMs.toFixed(0)} ms; write ${i.restoreMs.toFixed(0)} ms) vs raw Dexie bulkAdd ${i.bulkAddMs.toFixed(0)} ms → ${i.ratio.toFixed(2)}×  (target ≤ ${EXPORT_BUDGET.importVsBulkAdd}×) ${pass ? 'PASS' : 'FAIL'}`,
  );
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runExportBench({ runs: Number(process.env.BENCH_RUNS ?? 5) });
  process.exit(printExportBench(result) ? 0 : 1);
}
