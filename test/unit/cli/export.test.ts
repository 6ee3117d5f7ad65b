import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { runExport } from '../../../src/cli/export.ts';
import { backupJson } from '../../../src/export/backup.ts';
import { emptySnapshot } from '../../../src/export/report.ts';
import { sampleSnapshot } from '../export/sample-report.ts';

const APP = { name: 'Vendor Review', version: '0.1.0' };
const files = new Map<string, string>();
const read = (path: string) => {
  const text = files.get(path);
  if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
  return text;
};

files.set('one.json', backupJson([sampleSnapshot()], APP));
const first = sampleSnapshot();
// A second review with nothing in it yet: ids of its own, so both fit in one backup.
files.set(
  'two.json',
  backupJson([first, emptySnapshot({ ...first.review, id: 'review-2', vendor: 'Second Vendor' })], APP),
);
files.set('truncated.json', (files.get('one.json') as string).slice(0, 500));
files.set(
  'v9.json',
  JSON.stringify({
    format: 'vendor-review-backup',
    version: 9,
    exportedAt: '2026-01-01T00:00:00.000Z',
    reviews: [],
  }),
);

describe('npm run export', () => {
  test('renders a backup as Markdown, CSV and HTML with the same code as the panel', async () => {
    const md = await runExport(['one.json', '--to', 'md'], read);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# /);
    const csv = await runExport(['one.json', '--to', 'csv'], read);
    expect(csv.code).toBe(0);
    const rows = Papa.parse<string[]>((csv.stdout ?? '').trim()).data;
    expect(rows.length).toBeGreaterThan(1);
    const html = await runExport(['one.json', '--to', 'html', '--out', 'report.html'], read);
    expect(html.write?.path).toBe('report.html');
    expect(html.write?.text).toMatch(/^<!doctype html>/i);
  });

  test('a JSON export of a backup is itself a backup that reads back', async () => {
    const json = await runExport(['one.json', '--to', 'json'], read);
    expect(json.code).toBe(0);
    files.set('again.json', json.stdout ?? '');
    expect((await runExport(['again.json', '--to', 'md'], read)).code).toBe(0);
  });

  test('an invalid backup exits 1 with a message naming the problem', async () => {
    const truncated = await runExport(['truncated.json', '--to', 'md'], read);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/not a valid backup: .*(truncated|complete JSON)/i);
    const future = await runExport(['v9.json', '--to', 'md'], read);
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(/version 9/);
    const missing = await runExport(['nope.json', '--to', 'md'], read);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read nope\.json/);
  });

  test('usage errors exit 2', async () => {
    expect((await runExport([], read)).code).toBe(2);
    expect((await runExport(['one.json', '--to', 'pdf'], read)).stderr).toMatch(/Unknown format "pdf"/);
    expect((await runExport(['one.json', '--to'], read)).code).toBe(2);
  });

  test('a backup of several reviews needs --review for a report', async () => {
    const ambiguous = await runExport(['two.json', '--to', 'md'], read);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/2 reviews; pick one with --review/);
    const picked = await runExport(['two.json', '--to', 'md', '--review', 'Second Vendor'], read);
    expect(picked.code).toBe(0);
    expect(picked.stdout).toContain('Second Vendor');
  });
});
