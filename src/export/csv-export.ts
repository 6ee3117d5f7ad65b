/**
 * CSV exports: every assessed claim (for a spreadsheet or a GRC tool) and every finding in the
 * layout of Jira's CSV importer. RFC 4180: every field quoted, inner quotes doubled, CRLF.
 */
import Papa from 'papaparse';
import { findingJira } from './jira-report.ts';
import type { Finding, Report } from './report.ts';
import { assessmentText } from './status-text.ts';

/**
 * Cells a spreadsheet would run as a formula (OWASP CSV injection: `=`, `+`, `-`, `@`, tab, CR,
 * LF; ASVS 5 adds NUL). papaparse 5.7's `escapeFormulae: true` uses `/^[=+\-@\t\r].*$/`, which
 * misses LF and NUL, and — as `.` stops at a line break and `$` is not multiline — also misses
 * any cell with a line break after its first character (`=HYPERLINK(…)\n…`). papaparse accepts a
 * RegExp for this option, so the complete rule goes there: the cell gets a leading `'`.
 */
export const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/** RFC 4180 output: all fields quoted, every record ending in CRLF, formula cells neutralised. */
function toCsv(fields: string[], rows: string[][]): string {
  const csv = Papa.unparse(
    { fields, data: rows },
    { quotes: true, escapeFormulae: FORMULA_START, newline: '\r\n', header: true },
  );
  // papaparse ends the text with CRLF only when there are no data rows: end every file the same way.
  return csv.endsWith('\r\n') ? csv : `${csv}\r\n`;
}

/** Header of `claimsCsv`. */
export const CLAIMS_CSV_COLUMNS = [
  'Vendor',
  'Control',
  'Control name',
  'Frameworks',
  'Assessment',
  'Claim',
  'Source URL',
  'Deep link',
  'Captured at',
  'Note',
] as const;

/** One row per assessed claim per control (a claim tagged for two controls gives two rows). */
export function claimsCsv(report: Report): string {
  const rows = report.controls.flatMap((control) =>
    control.claims.map((claim) => [
      report.vendor,
      control.id,
      control.name,
      control.frameworks.join('; '),
      assessmentText(claim.verdict),
      claim.text,
      claim.url,
      claim.deepLink ?? '',
      claim.capturedAt,
      claim.note ?? '',
    ]),
  );
  return toCsv([...CLAIMS_CSV_COLUMNS], rows);
}

/** Options for `jiraCsv`. */
export interface JiraCsvOptions {
  /** The Jira issue type name for every row; default "Task". */
  issueType?: string;
}

/** Jira's limit for a summary. */
const SUMMARY_MAX = 255;
/** Jira's default limit for a description (and Excel's for a cell) is 32,767 characters: stay under it. */
const DESCRIPTION_MAX = 32_000;

/** Cuts text to `max` code points, ending with an ellipsis or `marker` when cut. */
function cut(text: string, max: number, marker = '…'): string {
  const points = [...text];
  if (points.length <= max) return text;
  return points.slice(0, max - [...marker].length).join('') + marker;
}

/**
 * One row per finding in Jira's CSV importer layout: Summary, Description (Jira wiki markup),
 * Issue Type, one "Labels" column per label (the importer maps repeated columns of the same name
 * to a multi-value field; rows with fewer labels leave the rest empty), Priority.
 */
export function jiraCsv(report: Report, options: JiraCsvOptions = {}): string {
  const issueType = options.issueType?.trim() || 'Task';
  const labelColumns = Math.max(1, ...report.findings.map((f) => f.labels.length));
  const fields = ['Summary', 'Description', 'Issue Type', ...Array(labelColumns).fill('Labels'), 'Priority'];
  const rows = report.findings.map((f: Finding) => [
    // A summary is one line in Jira.
    cut(f.title.replace(/\s+/g, ' ').trim(), SUMMARY_MAX),
    cut(findingJira(f, report), DESCRIPTION_MAX, '\n\n… (cut: the description was too long for Jira)'),
    issueType,
    ...Array.from({ length: labelColumns }, (_, i) => f.labels[i] ?? ''),
    f.priority,
  ]);
  return toCsv(fields, rows);
}
