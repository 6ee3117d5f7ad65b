/**
 * CSV exports: every assessed claim (for a spreadsheet or a GRC tool) and every finding in the
 * layout of Jira's CSV importer. RFC 4180: every field quoted, inner quotes doubled, CRLF.
 *
 * Written here rather than with papaparse: its single bundle carries a remote-file loader
 * (`XMLHttpRequest`), and the extension's build must hold no network API at all. What we need is
 * the writing half only, and that is a few lines; papaparse still parses our output back in tests.
 */
import { demoSourceText } from './demo-log.ts';
import { findingJira } from './jira-report.ts';
import { claimDeepLink, type Finding, type Report } from './report.ts';
import { assessmentText } from './status-text.ts';
import { cutText } from './text-cut.ts';
import { TextWriter } from './text-writer.ts';

/**
 * Cells a spreadsheet would run as a formula (OWASP CSV injection: `=`, `+`, `-`, `@`, tab, CR,
 * LF; ASVS 5 adds NUL): they get a leading `'`. (papaparse's own `escapeFormulae: true` misses LF,
 * NUL and any cell with a line break after its first character.)
 */
export const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/** One field: formula neutralised, quoted, inner quotes doubled. */
function field(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.includes('"') ? safe.replaceAll('"', '""') : safe}"`;
}

/** RFC 4180 output: all fields quoted, every record (the header included) ending in CRLF. */
function toCsv(fields: readonly string[], rows: readonly string[][]): string {
  let out = `${fields.map(field).join(',')}\r\n`;
  for (const row of rows) out += `${row.map(field).join(',')}\r\n`;
  return out;
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

/**
 * One row per assessed claim per control (a claim tagged for two controls gives two rows). A claim
 * logged in a live demo has no page: its source reads `live demo: <session> +h:mm:ss`, no deep link.
 */
export function claimsCsv(report: Report): string {
  // Rows written straight to a TextWriter: no array of cells per claim, no array of rows.
  const w = new TextWriter();
  w.write(`${CLAIMS_CSV_COLUMNS.map(field).join(',')}\r\n`);
  const vendor = field(report.vendor);
  for (const control of report.controls) {
    // The first four fields are the same on every row of a control.
    const lead = `${vendor},${field(control.id)},${field(control.name)},${field(control.frameworks.join('; '))},`;
    for (const claim of control.claims) {
      w.write(
        `${lead}${field(assessmentText(claim.verdict))},${field(claim.text)},${field(claim.demo ? demoSourceText(claim.demo) : claim.url)},${field(claim.demo ? '' : (claimDeepLink(claim) ?? ''))},${field(claim.capturedAt)},${field(claim.note ?? '')}\r\n`,
      );
    }
  }
  return w.text();
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
    cutText(f.title.replace(/\s+/g, ' ').trim(), SUMMARY_MAX),
    cutText(findingJira(f, report), DESCRIPTION_MAX, '\n\n… (cut: the description was too long for Jira)'),
    issueType,
    ...Array.from({ length: labelColumns }, (_, i) => f.labels[i] ?? ''),
    f.priority,
  ]);
  return toCsv(fields, rows);
}
