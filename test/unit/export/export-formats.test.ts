import { describe, expect, test } from 'vitest';
import { claimsCsv, jiraCsv } from '../../../src/export/csv-export.ts';
import { EXPORT_FORMATS, type ExportFormat, renderReport } from '../../../src/export/export-formats.ts';
import { exportReview } from '../../../src/export/export-review.ts';
import { htmlReport } from '../../../src/export/html-report.ts';
import { jiraReport } from '../../../src/export/jira-report.ts';
import { markdownReport } from '../../../src/export/markdown-report.ts';
import { buildReport } from '../../../src/export/report.ts';
import { chainText, statusText } from '../../../src/export/status-text.ts';
import { generateReview } from '../../bench/generate-review.ts';
import { NOW, sampleReport, sampleSnapshot } from './sample-report.ts';

const report = sampleReport();

describe('export formats', () => {
  test('every format has a label, an extension and a MIME type', () => {
    expect(Object.keys(EXPORT_FORMATS).sort()).toEqual(['csv', 'html', 'jira', 'jira-csv', 'json', 'md']);
    expect(EXPORT_FORMATS.md.extension).toBe('md');
    expect(EXPORT_FORMATS.csv.mime).toBe('text/csv;charset=utf-8');
    expect(EXPORT_FORMATS.html.mime).toBe('text/html;charset=utf-8');
    expect(EXPORT_FORMATS.json.mime).toBe('application/json');
  });

  test.each([
    ['md', markdownReport],
    ['jira', jiraReport],
    ['csv', claimsCsv],
    ['jira-csv', jiraCsv],
    ['html', htmlReport],
  ] as Array<[Exclude<ExportFormat, 'json'>, (r: typeof report) => string]>)(
    '%s renders with its function',
    (format, render) => {
      expect(renderReport(format, report)).toBe(render(report));
    },
  );
});

describe('a lone surrogate in a quote', () => {
  // A backup can hold one (JSON allows "\uD800"), and so can a page's text set by its script:
  // encodeURIComponent throws on it, and once made every export of the review throw.
  test.each(Object.keys(EXPORT_FORMATS) as ExportFormat[])(
    '%s exports, the deep link encoding U+FFFD',
    (format) => {
      const base = sampleSnapshot();
      const snapshot = {
        ...base,
        claims: base.claims.map((c) => ({
          ...c,
          selector: { ...c.selector, exact: `${c.selector.exact} \uD800` },
        })),
      };
      const { text } = exportReview(snapshot, {
        format,
        app: { name: 'Vendor Review', version: 'test' },
        now: NOW,
      });
      if (format === 'json') expect(text).toContain('\\ud800');
      else if (format !== 'jira-csv') expect(text).toContain('%20%EF%BF%BD');
    },
  );
});

describe('status text', () => {
  test('counts evidence, stale evidence and marketing', () => {
    expect(statusText({ kind: 'proven', evidence: 3, marketing: 1, staleEvidence: 0 })).toBe(
      'Proven (3 evidence, 1 marketing)',
    );
    expect(statusText({ kind: 'stale', evidence: 2, marketing: 0, staleEvidence: 2 })).toBe(
      'Evidence is stale (2 evidence, 2 stale, 0 marketing)',
    );
    expect(statusText({ kind: 'missing', evidence: 0, marketing: 0, staleEvidence: 0 })).toBe('Missing');
    expect(statusText({ kind: 'not-applicable', reason: 'No AI' })).toBe('Not applicable: No AI');
  });

  test('says whether the audit chain was checked, and where it broke', () => {
    expect(chainText(undefined)).toBe('Not verified at export');
    expect(chainText({ ok: false, events: 9, brokenAt: 4, eventId: 'e4', problem: 'hash-mismatch' })).toBe(
      'Broken at event 4 of 9 (hash-mismatch, event id e4)',
    );
  });

  // A string with one character beyond Latin-1 takes two bytes for every character: a fixed part
  // beyond it on each claim (the heading separator was "›") doubled the memory of every chunk of a
  // large all-ASCII report. Red flags' finding titles keep their dash ("—"): there are few of them.
  test.each(['md', 'jira', 'csv', 'html'] as const)(
    '%s of an all-ASCII review adds no character beyond Latin-1 per claim',
    async (format) => {
      const beyond = async (claims: number) =>
        renderReport(format, buildReport(await generateReview(claims))).match(/[\u0100-\uffff]/g)?.length ??
        0;
      // 180 claims more: fewer than one such character more per ten claims.
      expect((await beyond(200)) - (await beyond(20))).toBeLessThan(18);
    },
  );
});
