import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { deepLink } from '../../../src/core/text-fragment.ts';
import { CLAIMS_CSV_COLUMNS, claimsCsv, jiraCsv } from '../../../src/export/csv-export.ts';
import { findingJira } from '../../../src/export/jira-report.ts';
import { FORMULA_START, HOSTILE, sampleReport, VENDOR } from './sample-report.ts';

const report = sampleReport();

/** The rows a spreadsheet or importer reads back. */
function read(csv: string): string[][] {
  expect(csv.endsWith('"\r\n')).toBe(true);
  // The file ends with CRLF, which papaparse would otherwise read as one more, empty, row.
  const parsed = Papa.parse<string[]>(csv, { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** What a cell must hold: the text, with a `'` in front when it starts like a formula. */
const cell = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

describe('claimsCsv', () => {
  const csv = claimsCsv(report);
  const rows = read(csv);
  const claims = report.controls.flatMap((control) => control.claims.map((claim) => ({ control, claim })));

  test('has the header and one row per assessed claim and control, ten columns each', () => {
    expect(rows[0]).toEqual([...CLAIMS_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + claims.length);
    expect(claims.length).toBe(4 + HOSTILE.length);
    for (const row of rows) expect(row).toHaveLength(10);
  });

  test('quotes every field and ends records with CRLF (RFC 4180)', () => {
    expect(csv.startsWith('"Vendor","Control",')).toBe(true);
    const records = csv.split('"\r\n"');
    expect(records).toHaveLength(rows.length);
    // No bare LF or CR between records: line breaks inside cells are only the claims' own.
    expect(csv.replace(/"(?:[^"]|"")*"/g, '').replace(/,/g, '')).toBe('\r\n'.repeat(rows.length));
  });

  test('every cell that starts like a formula starts with an apostrophe; other text round-trips exactly', () => {
    rows.slice(1).forEach((row, i) => {
      const { control, claim } = claims[i] as (typeof claims)[number];
      expect(row).toEqual([
        cell(VENDOR),
        control.id,
        control.name,
        control.frameworks.join('; '),
        claim.verdict === 'evidence' ? 'Evidence' : 'Marketing',
        cell(claim.text),
        claim.url,
        claim.quote === undefined ? '' : deepLink(claim.url, claim.quote),
        claim.capturedAt,
        cell(claim.note ?? ''),
      ]);
    });
    const texts = rows.slice(1).map((r) => r[5]);
    for (const hostile of [
      '=HYPERLINK("http://evil","x")',
      "+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(1+1)',
      '\t=1',
      '\r=1',
      '\0=1',
    ]) {
      expect(texts).toContain(`'${hostile}`);
    }
    expect(texts).toContain('<script>alert(1)</script>');
    expect(rows.slice(1).every((r) => r[0] === `'${VENDOR}`)).toBe(true);
  });

  test('a formula after a line break inside a cell is neutralised too (papaparse alone misses it)', () => {
    const multiline = sampleReport({ hostile: ['\n=1+1', '=1\n+2'] });
    const texts = read(claimsCsv(multiline))
      .slice(1)
      .map((r) => r[5]);
    expect(texts).toContain("'\n=1+1");
    expect(texts).toContain("'=1\n+2");
  });
});

describe('jiraCsv', () => {
  const rows = read(jiraCsv(report));
  const maxLabels = Math.max(...report.findings.map((f) => f.labels.length));

  test('has Summary, Description, Issue Type, one Labels column per label, Priority', () => {
    expect(rows[0]).toEqual([
      'Summary',
      'Description',
      'Issue Type',
      ...Array(maxLabels).fill('Labels'),
      'Priority',
    ]);
    expect(rows).toHaveLength(1 + report.findings.length);
  });

  test('one row per finding: summary, Jira body, Task, labels, priority', () => {
    report.findings.forEach((f, i) => {
      const row = rows[i + 1] as string[];
      expect(row[0]).toBe(cell(f.title));
      expect(row[1]).toBe(cell(findingJira(f, report)));
      expect(row[2]).toBe('Task');
      expect(row.slice(3, 3 + maxLabels)).toEqual(
        Array.from({ length: maxLabels }, (_, j) => f.labels[j] ?? ''),
      );
      expect(row.at(-1)).toBe(f.priority);
    });
    // The vendor's name starts every title, so the hostile one makes every summary a would-be formula.
    expect(rows.slice(1).every((r) => r[0]?.startsWith(`'${VENDOR}: `))).toBe(true);
  });

  test('takes another issue type, and cuts a summary to Jira’s 255 characters', () => {
    const long = sampleReport({ vendor: 'A'.repeat(400) });
    const out = read(jiraCsv(long, { issueType: 'Bug' }));
    expect(out.slice(1).every((r) => r[2] === 'Bug')).toBe(true);
    expect([...(out[1]?.[0] ?? '')]).toHaveLength(255);
    expect(out[1]?.[0]?.endsWith('…')).toBe(true);
  });

  test('with no findings, a header alone', () => {
    const none = { ...report, findings: [] };
    expect(read(jiraCsv(none))).toEqual([['Summary', 'Description', 'Issue Type', 'Labels', 'Priority']]);
  });
});
