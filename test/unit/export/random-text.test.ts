/**
 * Random text, lone surrogates and control characters included, in every field a page or a
 * reviewer fills: every format renders it, the CSV reads back cell for cell, the HTML report makes
 * only the elements its template makes, and the JSON backup parses back to the same rows. A quote
 * with a lone surrogate once made every export throw: fixed strings found that one by chance.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { parseBackup } from '../../../src/export/backup-schema.ts';
import { CLAIMS_CSV_COLUMNS } from '../../../src/export/csv-export.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../../src/export/export-formats.ts';
import { exportReview } from '../../../src/export/export-review.ts';
import type { ReviewSnapshot } from '../../../src/export/report.ts';
import { dangers, elements, parse } from './dom.ts';
import { FORMULA_START, NOW, sampleSnapshot } from './sample-report.ts';

const APP = { name: 'Vendor Review', version: 'test' };
const FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** Characters with a meaning somewhere: surrogate halves, bidi and zero-width, controls, markup, formulas. */
const edgeChar = fc.constantFrom(
  ...['\uD800', '\uDFFF', '\u202E', '\u200B', '\u0000', '\n', '\r', '\t', ' ', '%', '\\'],
  ...['|', '`', '=', '+', '-', '@', '(', ')', '[', ']', '#', '<', '>', '&', '"', "'", '{', '}', '*', '_'],
);
/** Text of those and any other code point, so every one of them meets every other often. */
const anyText = fc.string({
  unit: fc.oneof(edgeChar, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  maxLength: 40,
});
/** Page URLs of every kind a claim may hold: web pages with odd characters, and not web pages at all. */
const anyUrl = fc.oneof(
  anyText.map((path) => `https://trust.acme.example/${path}`),
  anyText.map((fragment) => `https://acme.example/a?b=(c)#${fragment}`),
  anyText,
);

/** The sample review with random text in its claims' fields, notes, actors and vendor name. */
const anySnapshot = fc
  .record({
    texts: fc.array(anyText, { minLength: 2, maxLength: 4 }),
    exact: anyText,
    url: anyUrl,
    heading: anyText,
    by: anyText,
    vendor: anyText,
  })
  .map(({ texts, exact, url, heading, by, vendor }): ReviewSnapshot => {
    const base = sampleSnapshot({ hostile: texts, actors: [by], vendor });
    return {
      ...base,
      claims: base.claims.map((c) => ({
        ...c,
        url,
        headingPath: [heading, c.text],
        selector: { ...c.selector, exact: `${exact}${c.text}` },
      })),
      assessments: base.assessments.map((a) => ({ ...a, by })),
    };
  });

const render = (snapshot: ReviewSnapshot, format: ExportFormat) =>
  exportReview(snapshot, { format, app: APP, now: NOW }).text;
const cell = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

describe('random text in every field', () => {
  test('every format renders it', () => {
    fc.assert(
      fc.property(anySnapshot, (snapshot) => {
        for (const format of FORMATS) expect(render(snapshot, format).length, format).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  test('the CSV reads back with one row per assessed claim, every claim cell as written', () => {
    fc.assert(
      fc.property(anySnapshot, (snapshot) => {
        // The delimiter named: left to guess, papaparse took a URL of "|" for the delimiter.
        const rows = Papa.parse<string[]>(render(snapshot, 'csv'), {
          newline: '\r\n',
          delimiter: ',',
        }).data.filter((row) => row.length > 1);
        expect(rows[0]).toEqual([...CLAIMS_CSV_COLUMNS]);
        const claimColumn = CLAIMS_CSV_COLUMNS.indexOf('Claim');
        const written = rows.slice(1).map((row) => row[claimColumn]);
        const texts = new Map(snapshot.claims.map((c) => [c.id, c.text]));
        const assessed = snapshot.assessments
          .filter((a) => a.verdict !== 'not-relevant')
          .map((a) => cell(texts.get(a.claimId) ?? ''));
        expect(written.sort()).toEqual(assessed.sort());
      }),
      { numRuns: 60 },
    );
  });

  test('the HTML report makes only the elements its template makes, and nothing dangerous', () => {
    const plain = parse(render(sampleSnapshot({ hostile: ['plain claim'], actors: ['Dana'] }), 'html'));
    const allowed = new Set(elements(plain).map((e) => e.tagName));
    fc.assert(
      fc.property(anySnapshot, (snapshot) => {
        const doc = parse(render(snapshot, 'html'));
        expect(
          elements(doc)
            .filter((e) => !allowed.has(e.tagName))
            .map((e) => e.tagName),
        ).toEqual([]);
        expect(dangers(doc)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  test('the JSON backup parses back to the same rows', async () => {
    await fc.assert(
      fc.asyncProperty(anySnapshot, async (snapshot) => {
        const parsed = await parseBackup(render(snapshot, 'json'));
        if (!parsed.ok) throw new Error(parsed.error);
        const [back] = parsed.backup.reviews;
        expect(back?.review.vendor).toBe(snapshot.review.vendor);
        expect(back?.claims).toEqual(snapshot.claims);
        expect(back?.assessments).toEqual(snapshot.assessments);
        expect(back?.events.map((e) => e.actor)).toEqual(snapshot.events.map((e) => e.actor));
      }),
      { numRuns: 30 },
    );
  });
});
