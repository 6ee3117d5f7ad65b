/**
 * The live-demo section in every format: entries in order with their offsets, screenshots by file
 * name and full SHA-256, removals as tombstones, hostile entry text kept literal, and in HTML only
 * images whose type and base64 check out are inlined.
 */
import MarkdownIt from 'markdown-it';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import type { ScreenshotMime } from '../../../src/core/demo-records.ts';
import { formatOffset } from '../../../src/core/demo-time.ts';
import { claimsCsv } from '../../../src/export/csv-export.ts';
import { inlineImageSrc } from '../../../src/export/demo-html.ts';
import { screenshotFileName } from '../../../src/export/demo-log.ts';
import { demoEntryCells } from '../../../src/export/demo-text.ts';
import { htmlReport } from '../../../src/export/html-report.ts';
import { jiraReport } from '../../../src/export/jira-report.ts';
import { markdownReport } from '../../../src/export/markdown-report.ts';
import { buildReport, type Report } from '../../../src/export/report.ts';
import { PNG_BASE64 } from '../store/demo-fixture.ts';
import { demoSnapshot, ENTRY_TEXTS, early, hex, JPEG_BASE64, late, REASON, TITLE } from './demo-sample.ts';
import { dangers, parse } from './dom.ts';
import { NOW, sampleReport } from './sample-report.ts';
import { seen, unescapeJira } from './text.ts';

const report = buildReport(demoSnapshot(), { now: NOW, chain: { ok: true, events: 16 } });

describe('report.demo', () => {
  test('sessions oldest first, entries in offset order, screenshots under their entry or their session', () => {
    expect(report.demo.map((s) => s.id)).toEqual(['session-early', 'session-late']);
    const [first, second] = report.demo;
    expect(first?.entries.map((e) => [e.claimId, e.offset])).toEqual([
      ['e-note', '+0:00:00'],
      ['e-evidence', '+0:03:07'],
      ['e-red-flag', '+0:10:00'],
      ['e-question', '+1:23:45'],
    ]);
    const evidence = first?.entries[1];
    expect(evidence).toMatchObject({
      at: '2025-06-01T13:03:07.000Z',
      kind: 'evidence',
      basis: 'shown',
      control: { id: 'tenant-isolation', name: 'Tenant isolation' },
      text: ENTRY_TEXTS.evidence,
      note: 'Note | {noformat}',
    });
    expect(evidence?.screenshots).toEqual([
      {
        id: 's-png',
        fileName: 'screenshot-111111111111.png',
        sha256: hex('1'),
        mime: 'image/png',
        size: 70,
        capturedAt: '2025-06-01T13:05:00.000Z',
        by: 'Dana Reviewer',
        control: 'tenant-isolation',
        data: PNG_BASE64,
      },
    ]);
    expect(first?.entries[2]?.redFlag).toEqual({
      id: 'long-lived-keys',
      name: 'Long-lived API keys (no expiry, or years)',
    });
    // By capture time; the removed one keeps its record but no image.
    expect(first?.entries[2]?.screenshots.map((s) => [s.id, s.fileName, s.data === undefined])).toEqual([
      ['s-removed', 'screenshot-333333333333.jpg', true],
      ['s-jpeg', 'screenshot-222222222222.jpg', false],
    ]);
    expect(first?.screenshots.map((s) => s.id)).toEqual(['s-session']);
    expect(second).toEqual({
      id: 'session-late',
      title: 'Second demo',
      startedAt: late.startedAt,
      by: 'Dana Reviewer',
      entries: [],
      screenshots: [],
    });
  });

  test('a demo claim tagged for a control says where it came from instead of a page', () => {
    const claim = report.controls
      .find((c) => c.id === 'tenant-isolation')
      ?.claims.find((c) => c.claimId === 'e-evidence');
    expect(claim?.demo).toEqual({
      sessionId: early.id,
      sessionTitle: TITLE,
      offset: '+0:03:07',
      basis: 'shown',
    });
    expect(claim?.quote).toBeUndefined();
  });

  test('a control filter keeps the entries and screenshots of those controls, and those of none', () => {
    const filtered = buildReport(demoSnapshot(), { now: NOW, controls: ['tenant-isolation'] });
    expect(filtered.demo[0]?.entries.map((e) => e.claimId)).toEqual(['e-note', 'e-evidence', 'e-red-flag']);
  });

  test('offsets and file names', () => {
    expect(formatOffset(0)).toBe('+0:00:00');
    expect(formatOffset(59_999)).toBe('+0:00:59');
    expect(formatOffset(3_600_000 * 26 + 61_000)).toBe('+26:01:01');
    expect(formatOffset(-5)).toBe('+0:00:00');
    expect(screenshotFileName({ sha256: 'ABCDEF0123456789'.repeat(4), mime: 'image/jpeg' })).toBe(
      'screenshot-abcdef012345.jpg',
    );
    expect(screenshotFileName({ sha256: '0123456789ab'.padEnd(64, 'f'), mime: 'image/png' })).toBe(
      'screenshot-0123456789ab.png',
    );
  });

  test('no demo, no section', () => {
    const plain = sampleReport();
    expect(plain.demo).toEqual([]);
    expect(markdownReport(plain)).not.toContain('Live demo');
    expect(jiraReport(plain)).not.toContain('Live demo');
    expect(htmlReport(plain)).not.toContain('Live demo');
  });
});

/** The text each entry's row must show, cell by cell. */
const expectedRows = (r: Report) => (r.demo[0]?.entries ?? []).map(demoEntryCells);

describe.each([
  ['safe', new MarkdownIt({ html: false })],
  ['raw', new MarkdownIt({ html: true })],
])('Markdown rendered by markdown-it (%s)', (_, it) => {
  const md = markdownReport(report);
  const html = it.render(md);
  const doc = parse(html);
  const text = seen(doc.body.textContent ?? '');

  test('has a Live demo section after the controls, a heading per session', () => {
    const h2 = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    expect(h2.indexOf('Live demo')).toBe(h2.indexOf('Controls') + 1);
    expect(h2[h2.indexOf('Live demo') + 1]).toBe('Red flags');
    const h3 = [...doc.querySelectorAll('h3')].map((h) => h.textContent);
    expect(h3).toContain(TITLE);
    expect(h3).toContain('Second demo');
    expect(text).toContain(
      'Started 2025-06-01T13:00:00.000Z · stopped 2025-06-01T14:30:00.000Z · run by Dana Reviewer · 4 entries',
    );
    expect(text).toContain('still running at export');
  });

  test('one row per entry, eight cells, each the entry text exactly; hostile text stays literal', () => {
    const table = [...doc.querySelectorAll('table')].find(
      (t) => t.querySelector('th')?.textContent === 'Offset',
    );
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => seen(td.textContent ?? '')),
    );
    expect(rows).toEqual(expectedRows(report).map((cells) => cells.map((c) => seen(c))));
    expect(dangers(doc, true)).toEqual([]);
    expect(html).not.toMatch(/<img|<script|href="javascript:/i);
    for (const s of [...Object.values(ENTRY_TEXTS), TITLE, REASON]) expect(text).toContain(seen(s));
  });

  test('screenshots by file name and full SHA-256; a removed one says who removed it and why', () => {
    expect(text).toContain(`screenshot-111111111111.png (SHA-256 ${hex('1')})`);
    expect(text).toContain(
      `screenshot-333333333333.jpg (SHA-256 ${hex('3')}) removed by Bob at 2025-06-01T13:20:00.000Z: ${REASON}`,
    );
    expect(text).toContain(
      `Screenshots not tied to an entry: screenshot-666666666666.png (SHA-256 ${hex('6')})`,
    );
    expect(text).toContain(`Source: live demo: ${TITLE} +0:03:07`);
    // The red flag raised from an entry says where it came from too.
    expect(text).toContain(`${seen(ENTRY_TEXTS.redFlag)} Source: live demo: ${TITLE} +0:10:00`);
  });
});

describe('Jira', () => {
  const jira = jiraReport(report);
  const lines = jira.split('\n');
  const cells = (row: string) => row.split(/(?<!\\)\|\|?/).slice(1, -1);

  test('has a Live demo section after the controls, with a table row per entry', () => {
    const at = lines.indexOf('h2. Live demo');
    expect(at).toBeGreaterThan(lines.indexOf('h2. Controls'));
    expect(at).toBeLessThan(lines.indexOf('h2. Red flags'));
    const header = lines.indexOf(
      '||Offset||Wall time||Kind||Said/shown||Control||Entry||Note||Screenshots||',
    );
    expect(header).toBeGreaterThan(at);
    const rows = lines.slice(header + 1, header + 5);
    expect(rows.map((r) => cells(r).map((c) => unescapeJira(c).trim()))).toEqual(
      expectedRows(report).map((row) => row.map((c) => c.trim())),
    );
  });

  test('no macro, no link but https; hostile text comes back literally', () => {
    const macros = [...jira.matchAll(/(?<!\\)\{(\w+)/g)].map((m) => m[1]);
    expect(new Set(macros)).toEqual(new Set(['quote']));
    expect(jira).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\|\s*javascript:/i);
    expect(unescapeJira(jira)).toContain(`removed by Bob at 2025-06-01T13:20:00.000Z: ${REASON}`);
    expect(unescapeJira(jira)).toContain(`Source: live demo: ${TITLE} +0:03:07`);
    expect(unescapeJira(jira)).toContain(`Source: live demo: ${TITLE} +0:10:00`);
  });
});

describe('HTML', () => {
  const html = htmlReport(report);
  const doc = parse(html);
  const text = seen(doc.body.textContent ?? '', '');

  test('inlines exactly the screenshots whose type and base64 check out', () => {
    const images = [...doc.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('src'))).toEqual([
      `data:image/png;base64,${PNG_BASE64}`,
      `data:image/jpeg;base64,${JPEG_BASE64}`,
      `data:image/png;base64,${PNG_BASE64}`,
    ]);
    for (const img of images) expect(img.getAttributeNames()).toEqual(['src', 'alt']);
    expect(images[0]?.getAttribute('alt')).toBe(
      'Screenshot screenshot-111111111111.png of the entry at +0:03:07',
    );
    // The bad ones are named with a note, and none of their mime or data reaches the markup.
    expect(
      text.match(/The image is left out: its stored type or data is not a PNG or JPEG in base64\./g),
    ).toHaveLength(2);
    expect(html).not.toContain('svg+xml');
    expect(html).not.toContain('AAAA"');
    expect(inlineImageSrc({ mime: 'image/png', data: 'AAAA' })).toBe('data:image/png;base64,AAAA');
    expect(inlineImageSrc({ mime: 'image/png', data: 'AAA' })).toBeUndefined();
    expect(inlineImageSrc({ mime: 'image/gif' as ScreenshotMime, data: 'AAAA' })).toBeUndefined();
    expect(inlineImageSrc({ mime: 'image/png' })).toBeUndefined();
  });

  test('a removed screenshot shows its tombstone, hash and time, not an image', () => {
    const removed = [...doc.querySelectorAll('figure.removed')];
    expect(removed).toHaveLength(1);
    expect(removed[0]?.querySelector('img')).toBeNull();
    const shown = seen(removed[0]?.textContent ?? '');
    expect(shown).toContain(
      `Image removed: screenshot-333333333333.jpg (SHA-256 ${hex('3')}) removed by Bob`,
    );
    expect(shown).toContain(REASON);
    expect(shown).toContain('Captured 2025-06-01T13:10:00.000Z by Dana Reviewer');
  });

  test('every figure carries its hash and capture time', () => {
    const figures = [...doc.querySelectorAll('figure')];
    expect(figures).toHaveLength(6);
    for (const figure of figures) {
      expect(figure.querySelector('figcaption .hash')?.textContent).toMatch(/^[0-9a-f]{64}$/);
      expect(figure.querySelector('figcaption')?.textContent).toMatch(/Captured 2025-/);
    }
  });

  test('nothing runs: the only images are data: PNG/JPEG, and hostile text is text', () => {
    const problems = dangers(doc).filter(
      (p) => p !== '<img>' && !/^img\[src=data:image\/(png|jpeg);base64,[A-Za-z0-9+/]*={0,2}\]$/.test(p),
    );
    expect(problems).toEqual([]);
    expect(html).not.toMatch(/<script|<img src=x/i);
    for (const s of [...Object.values(ENTRY_TEXTS), TITLE, REASON]) expect(text).toContain(seen(s, ''));
    const h2 = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    expect(h2.slice(-3)).toEqual(['Sources', 'Live demo', 'Audit trail']);
    const table = doc.querySelector('table.demo-log');
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(4);
  });
});

describe('CSV', () => {
  test("an assessed demo entry's source reads `live demo: <title> +h:mm:ss`, with no deep link", () => {
    const rows = Papa.parse<string[]>(claimsCsv(report), { newline: '\r\n', skipEmptyLines: true }).data;
    const row = rows.find((r) => r[5] === `'${ENTRY_TEXTS.evidence}` || r[5] === ENTRY_TEXTS.evidence);
    expect(row?.slice(1, 2)).toEqual(['tenant-isolation']);
    expect(row?.[6]).toBe(`live demo: ${TITLE} +0:03:07`);
    expect(row?.[7]).toBe('');
    expect(row?.[9]).toBe('Note | {noformat}');
  });
});
