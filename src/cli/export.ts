/**
 * `npm run export -- <backup.json> --to md|jira|csv|jira-csv|html|json [--review <id or vendor>] [--out file]`:
 * renders a JSON backup with the same code the panel uses. Exit code 2 for a usage error, 1 for a
 * backup that cannot be read, with a message naming the problem.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { backupJson } from '../export/backup.ts';
import { parseBackup } from '../export/backup-schema.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../export/export-formats.ts';
import { exportReview } from '../export/export-review.ts';
import type { ReviewSnapshot } from '../export/report.ts';

/** The outcome of one CLI run: what to print, where, and the exit code. */
export interface CliResult {
  code: 0 | 1 | 2;
  stdout?: string;
  stderr?: string;
  /** A file to write instead of printing (`--out`). */
  write?: { path: string; text: string };
}

const USAGE =
  'Usage: npm run export -- <backup.json> --to md|jira|csv|jira-csv|html|json [--review <id or vendor>] [--out file]';

/** Runs the export CLI on its arguments; no process side effects beyond reading the backup. */
export async function runExport(
  args: readonly string[],
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): Promise<CliResult> {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--to' || arg === '--out' || arg === '--review') {
      const value = args[i + 1];
      if (value === undefined) return { code: 2, stderr: `${arg} needs a value.\n${USAGE}` };
      options.set(arg, value);
      i++;
    } else if (arg.startsWith('--')) return { code: 2, stderr: `Unknown option ${arg}.\n${USAGE}` };
    else positional.push(arg);
  }
  const format = options.get('--to');
  if (positional.length !== 1 || !format) return { code: 2, stderr: USAGE };
  if (!(format in EXPORT_FORMATS)) {
    return {
      code: 2,
      stderr: `Unknown format "${format}": use one of ${Object.keys(EXPORT_FORMATS).join(', ')}.`,
    };
  }
  const file = positional[0] as string;

  let text: string;
  try {
    text = read(file);
  } catch (error) {
    return { code: 1, stderr: `Cannot read ${file}: ${(error as Error).message}` };
  }
  const parsed = await parseBackup(text);
  if (!parsed.ok) return { code: 1, stderr: `${file} is not a valid backup: ${parsed.error}` };

  const wanted = options.get('--review');
  const snapshots: ReviewSnapshot[] = parsed.backup.reviews.filter(
    (r) =>
      wanted === undefined ||
      r.review.id === wanted ||
      r.review.vendor.toLowerCase() === wanted.toLowerCase(),
  );
  if (snapshots.length === 0) {
    return {
      code: 1,
      stderr: wanted
        ? `No review "${wanted}" in ${file}. It has: ${listReviews(parsed.backup.reviews)}.`
        : `${file} holds no review.`,
    };
  }
  if (snapshots.length > 1 && format !== 'json') {
    return {
      code: 2,
      stderr: `${file} holds ${snapshots.length} reviews; pick one with --review: ${listReviews(snapshots)}.`,
    };
  }
  const app = parsed.backup.app ?? { name: 'vendor-review', version: 'unknown' };
  const out =
    format === 'json' && snapshots.length > 1
      ? { text: backupJson(snapshots, app) }
      : exportReview(snapshots[0] as ReviewSnapshot, { format: format as ExportFormat, app });
  const notes = parsed.warnings.map((w) => `warning: ${w}`).join('\n');
  const target = options.get('--out');
  return {
    code: 0,
    ...(notes ? { stderr: notes } : {}),
    ...(target ? { write: { path: target, text: out.text } } : { stdout: out.text }),
  };
}

function listReviews(reviews: readonly ReviewSnapshot[]): string {
  return reviews.map((r) => `${r.review.vendor} (${r.review.id})`).join(', ');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runExport(process.argv.slice(2));
  if (result.stderr) console.error(result.stderr);
  if (result.stdout !== undefined) process.stdout.write(result.stdout);
  if (result.write) {
    writeFileSync(result.write.path, result.write.text);
    console.error(`Wrote ${result.write.path}`);
  }
  process.exitCode = result.code;
}
