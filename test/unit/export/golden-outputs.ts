/**
 * Every export of one pinned case as text: each format through `exportReview` (what the panel and
 * the CLI call), and every finding as a Markdown and a Jira ticket body (what issue links carry).
 */
import { EXPORT_FORMATS, type ExportFormat } from '../../../src/export/export-formats.ts';
import { exportReview } from '../../../src/export/export-review.ts';
import { findingJira } from '../../../src/export/jira-report.ts';
import { findingMarkdown } from '../../../src/export/markdown-report.ts';
import { buildReport } from '../../../src/export/report.ts';
import type { GoldenCase } from './golden-cases.ts';

const APP = { name: 'Vendor Review', version: 'golden' };

/** Output name (format, or `findings-md` / `findings-jira`) to the exported text. */
export function goldenOutputs(c: GoldenCase): Record<string, string> {
  const options = {
    now: c.now,
    ...(c.controls ? { controls: c.controls } : {}),
    ...(c.staleClaims ? { staleClaims: c.staleClaims } : {}),
    ...(c.chain ? { chain: c.chain } : {}),
  };
  const out: Record<string, string> = {};
  for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
    out[format] = exportReview(c.snapshot, { format, app: APP, ...options }).text;
  }
  const report = buildReport(c.snapshot, options);
  // A separator no finding body contains, so moving text between two bodies changes the output.
  out['findings-md'] = report.findings.map((f) => findingMarkdown(f, report)).join('\u0000---\u0000');
  out['findings-jira'] = report.findings.map((f) => findingJira(f, report)).join('\u0000---\u0000');
  return out;
}
