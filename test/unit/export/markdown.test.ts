import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { VERDICT_LABELS } from '../../../src/core/verdict.ts';
import { escapeMarkdown, markdownLink, markdownQuote } from '../../../src/export/markdown-escape.ts';
import { findingMarkdown, markdownReport } from '../../../src/export/markdown-report.ts';
import { statusText } from '../../../src/export/status-text.ts';
import { dangers, parse } from './dom.ts';
import { HOSTILE, PRODUCT, sampleReport, VENDOR } from './sample-report.ts';
import { seen } from './text.ts';

const report = sampleReport();
const md = markdownReport(report);
// html: false is what GitHub-like renderers do; html: true proves our escaping alone keeps HTML literal.
const renderers = { safe: new MarkdownIt({ html: false }), raw: new MarkdownIt({ html: true }) };

describe.each(Object.entries(renderers))('markdownReport rendered by markdown-it (%s)', (_, it) => {
  const html = it.render(md);
  const doc = parse(html);
  const text = seen(doc.body.textContent ?? '');

  test('produces no image, script, frame, event handler or non-web link', () => {
    expect(dangers(doc, true)).toEqual([]);
    expect(html).not.toMatch(/<img|<script|<iframe|href="javascript:/i);
  });

  test('shows every hostile claim, note, vendor and product name as literal text', () => {
    for (const s of [...HOSTILE, VENDOR, PRODUCT]) expect(text).toContain(seen(s));
    expect(text).toContain('<iframe src="https://evil.example"></iframe>');
  });

  test('has one checklist row per control, three cells each, with the status text', () => {
    const table = doc.querySelectorAll('table')[0] as HTMLTableElement;
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(report.controls.length);
    rows.forEach((row, i) => {
      const control = report.controls[i];
      const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
      expect(cells).toHaveLength(3);
      expect(cells[1]).toBe(statusText(control?.status as never));
    });
  });

  test('has one audit row per event, with the actor (hostile or not) in its own cell', () => {
    const table = doc.querySelectorAll('table')[1] as HTMLTableElement;
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(report.audit.events.length);
    rows.forEach((row, i) => {
      const cells = [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');
      expect(cells).toHaveLength(5);
      expect(seen(cells[2] as string)).toBe(seen(report.audit.events[i]?.actor ?? ''));
    });
  });

  test('puts the verdict and its rule on top, then the override with its reason', () => {
    const first = doc.body.querySelector('p strong')?.textContent;
    expect(report.verdict.computed).toBe('prototype');
    expect(first).toBe(`Verdict: ${VERDICT_LABELS['governed-pilot']} (override; computed: Prototype)`);
    expect(text).toContain(`Rule: ${report.verdict.rule}`);
    expect(text).toContain(
      'Reason: Pilot with one team while the vendor sends its SOC 2 report. <script>alert(1)</script>',
    );
    expect(text).toContain('Set by Dana Reviewer at 2025-06-01T12:00:00.000Z');
  });

  test('links only to web pages, and the javascript: claim URL is text', () => {
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h.startsWith('https://'))).toBe(true);
    expect(text).toContain('Source: javascript:alert(1)');
    // Parentheses and spaces in a URL are encoded, so the link is not cut short.
    expect(hrefs).toContain('https://docs.acme.example/auth%20%28tokens%29');
  });
});

describe('markdownReport', () => {
  test('shows the audit trail summary: event count, head hash, chain check', () => {
    expect(md).toContain(`Events: ${report.audit.events.length} · Head hash: ${report.audit.headHash}`);
    expect(md).toContain('Chain check: Intact: 16 events verified');
  });
});

describe('findingMarkdown', () => {
  const finding = report.findings.find((f) => f.key === 'control:tenant-isolation');
  if (!finding) throw new Error('sample has no tenant-isolation finding');
  const body = findingMarkdown(finding, report);
  const doc = parse(renderers.raw.render(body));
  const text = seen(doc.body.textContent ?? '');

  test('says what the gap is, quotes the claims with links, notes, frameworks and the verdict', () => {
    expect(finding.kind).toBe('claimed-only');
    expect(text).toContain(seen(finding.summary));
    for (const claim of finding.control?.claims ?? []) expect(text).toContain(seen(claim.text));
    expect(text).toContain('Asked for the per-tenant key design | see [call notes](javascript:alert(1))');
    expect(text).toContain('OWASP NHI 2025 NHI8; CSA CCM v4 IVS-06');
    expect(text).toContain(report.verdict.rule);
    expect(dangers(doc)).toEqual([]);
    expect(doc.querySelectorAll('blockquote').length).toBe(finding.control?.claims.length);
  });

  test('a red-flag finding carries the flag, its note and the claim that shows it', () => {
    const flag = report.findings.find((f) => f.kind === 'red-flag');
    if (!flag) throw new Error('sample has no red-flag finding');
    const flagText = seen(parse(renderers.raw.render(findingMarkdown(flag, report))).body.textContent ?? '');
    expect(flagText).toContain('Red flag: Long-lived API keys');
    expect(flagText).toContain('Keys never expire. {code}x{code}');
    expect(flagText).toContain(seen(HOSTILE[1]));
  });
});

describe('markdown escaping', () => {
  const render = (s: string) => renderers.raw.renderInline(s);

  test('keeps links, code, HTML, emphasis and tables literal', () => {
    for (const s of [
      '[x](javascript:alert(1))',
      '```',
      '`x`',
      '*a* _b_ ~~c~~',
      '<b>x</b>',
      'a | b',
      '&lt;',
      '$x$',
    ]) {
      const html = render(escapeMarkdown(s));
      expect(parse(html).body.textContent).toBe(s);
    }
  });

  test('line-start syntax cannot start a block', () => {
    for (const s of ['# h', '- item', '1. item', '> q', '    code', '===', '/close']) {
      const doc = parse(renderers.raw.render(`Text\n\n${escapeMarkdown(s)}`));
      expect(doc.querySelectorAll('h1, h2, ul, ol, blockquote, pre').length, s).toBe(0);
    }
    expect(escapeMarkdown('/close')).toBe('\\/close');
  });

  test('links http(s) and mailto only, with unsafe characters percent-encoded', () => {
    expect(markdownLink('x', 'javascript:alert(1)')).toBe('x');
    expect(markdownLink('x', 'data:text/html,<script>')).toBe('x');
    expect(markdownLink('x', 'https://user:pw@evil.example/')).toBe('x');
    expect(markdownLink('x', 'https://a.example/p (1)<>')).toBe('[x](https://a.example/p%20%281%29%3C%3E)');
    expect(markdownLink('mail', 'mailto:security@acme.example')).toBe('[mail](mailto:security@acme.example)');
  });

  test('a multi-line quote stays one blockquote per paragraph, with no code block', () => {
    const doc = parse(renderers.raw.render(markdownQuote('line one\n    indented\n```\nend')));
    expect(doc.querySelectorAll('blockquote')).toHaveLength(1);
    expect(doc.querySelectorAll('pre, code')).toHaveLength(0);
  });
});
