import { describe, expect, test } from 'vitest';
import { VERDICT_LABELS } from '../../../src/core/verdict.ts';
import { escapeHtml, htmlLink } from '../../../src/export/html-escape.ts';
import { htmlReport } from '../../../src/export/html-report.ts';
import { dangers, parse } from './dom.ts';
import { HOSTILE, PRODUCT, sampleReport, VENDOR } from './sample-report.ts';
import { seen } from './text.ts';

const report = sampleReport();
const html = htmlReport(report);
const doc = parse(html);
// Browsers drop NUL from body text; compare without it.
const text = seen(doc.body.textContent ?? '', '');

describe('htmlReport', () => {
  test('is one self-contained document with a CSP that forbids scripts and outside resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(doc.querySelectorAll('script, link, iframe, object, embed, base')).toHaveLength(0);
    expect(doc.querySelector('style')?.textContent).toContain('@media print');
  });

  test('has no script, no event handler, no non-web link, no image', () => {
    expect(dangers(doc)).toEqual([]);
    expect(html).not.toMatch(/<script|<img|javascript:[^<]*"/i);
  });

  test('puts the verdict, the rule and the override in #verdict', () => {
    const box = doc.querySelector('#verdict');
    expect(box?.className).toBe('verdict-governed-pilot');
    const boxText = seen(box?.textContent ?? '');
    expect(boxText).toContain(`Verdict: ${VERDICT_LABELS['governed-pilot']} (override; computed: Prototype)`);
    expect(boxText).toContain(report.verdict.rule);
    expect(boxText).toContain(
      'Reason: Pilot with one team while the vendor sends its SOC 2 report. <script>alert(1)</script>',
    );
    // On top: before the checklist.
    expect(html.indexOf('id="verdict"')).toBeLessThan(html.indexOf('<h2>Checklist</h2>'));
  });

  test('shows every hostile string as text', () => {
    for (const s of [...HOSTILE, VENDOR, PRODUCT]) expect(text).toContain(seen(s, ''));
    expect(doc.querySelector('title')?.textContent).toBe(`Vendor review: ${VENDOR} — ${PRODUCT}`);
  });

  test('has the checklist, one section per control, red flags, findings and the audit trail', () => {
    const [checklist, auditTable] = [...doc.querySelectorAll('table')];
    expect(checklist?.querySelectorAll('tbody tr')).toHaveLength(report.controls.length);
    expect(doc.querySelectorAll('section.control')).toHaveLength(report.controls.length);
    expect(doc.querySelectorAll('section.red-flag')).toHaveLength(report.redFlags.length);
    const claims = report.controls.reduce((n, c) => n + c.claims.length, 0);
    expect(doc.querySelectorAll('.claim')).toHaveLength(claims);
    expect(doc.querySelectorAll('h2 + ul > li').length).toBeGreaterThanOrEqual(report.findings.length);
    expect(auditTable?.querySelectorAll('tbody tr')).toHaveLength(report.audit.events.length);
    expect(text).toContain(`Head hash: ${report.audit.headHash}`);
    expect(text).toContain('Chain check: Intact: 16 events verified');
  });

  test('links are http(s) only, with rel="noreferrer noopener"; the javascript: claim URL is text', () => {
    const anchors = [...doc.querySelectorAll('a')];
    expect(anchors.length).toBeGreaterThan(0);
    for (const a of anchors) {
      expect(a.getAttribute('href')).toMatch(/^https:\/\//);
      expect(a.getAttribute('rel')).toBe('noreferrer noopener');
    }
    expect(text).toContain('Source: javascript:alert(1)');
  });
});

describe('HTML escaping', () => {
  test('escapes & < > " and \'', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  test('an attribute cannot be broken out of', () => {
    const a = parse(htmlLink('x', 'https://acme.example/"onmouseover="alert(1)')).querySelector('a');
    expect(a?.getAttributeNames()).toEqual(['href', 'rel']);
    expect(htmlLink('x', 'javascript:alert(1)')).toBe('x');
    expect(htmlLink('x', 'https://a:b@acme.example/')).toBe('x');
  });
});
