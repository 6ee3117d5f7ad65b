import { describe, expect, test } from 'vitest';
import { escapeJira, jiraLines, jiraLink, jiraUrl } from '../../../src/export/jira-escape.ts';
import { findingJira, jiraReport } from '../../../src/export/jira-report.ts';
import { HOSTILE, PRODUCT, sampleReport, VENDOR } from './sample-report.ts';
import { unescapeJira } from './text.ts';

const report = sampleReport();
const jira = jiraReport(report);

/** Markup Jira would act on: `[...]` links (not preceded by a backslash), and their targets. */
function links(markup: string): string[] {
  return [...markup.matchAll(/(?<!\\)\[((?:\\.|[^\]\\])*)(?<!\\)\]/g)].map((m) => {
    const inner = m[1] as string;
    const parts = inner.split(/(?<!\\)\|/);
    return parts.at(-1) as string;
  });
}

/** Cells of a Jira table row: split at unescaped pipes. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|\|?/).slice(1, -1);
}

/** Text as `escapeJira` keeps it: one line, leading spaces and tabs dropped. */
const inline = (s: string) => s.replace(/\r\n|\r|\n/g, ' ').replace(/^[ \t]+/, '');

describe('jiraReport', () => {
  test('has no macro Jira would run: every {code}, {noformat} and {quote} of the text is escaped', () => {
    // The only unescaped braces are the {quote} blocks the template makes around quotes.
    const macros = [...jira.matchAll(/(?<!\\)\{(\w+)/g)].map((m) => m[1]);
    expect(new Set(macros)).toEqual(new Set(['quote']));
    expect(jira).toContain('\\{code\\}x\\{code\\}');
    expect(jira).toContain('\\{noformat\\}y\\{noformat\\}');
  });

  test('links only to http(s): no [x|javascript:…] link survives', () => {
    const targets = links(jira);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target).toMatch(/^https:\/\//);
    expect(jira).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\|\s*javascript:/i);
    expect(jira).toContain('Source: javascript:alert\\(1\\)');
  });

  test('the checklist table has a header and one row per control, three cells each', () => {
    const lines = jira.split('\n');
    const start = lines.indexOf('||Control||Status||Frameworks||');
    expect(start).toBeGreaterThan(0);
    const rows = lines.slice(start + 1, start + 1 + report.controls.length);
    expect(rows.every((r) => r.startsWith('|') && !r.startsWith('||'))).toBe(true);
    for (const row of rows) expect(cells(row)).toHaveLength(3);
    expect(lines[start + 1 + report.controls.length]).toBe('');
  });

  test('audit rows keep hostile actors in their own cell, and the actor text comes back', () => {
    const rows = jira.split('\n').filter((l) => /^\|\d+\|/.test(l));
    expect(rows).toHaveLength(report.audit.events.length);
    rows.forEach((row, i) => {
      const c = cells(row);
      expect(c).toHaveLength(5);
      expect(unescapeJira(c[2] as string).trim()).toBe(inline(report.audit.events[i]?.actor ?? '').trim());
    });
  });

  test('starts with the title, then the verdict and its rule', () => {
    const [title, , verdict, rule] = jira.split('\n');
    expect(unescapeJira(title as string)).toBe(`h1. Vendor review: ${VENDOR} — ${PRODUCT}`);
    expect(verdict).toBe('*Verdict: Governed pilot \\(override; computed: Prototype\\)*');
    expect(unescapeJira(rule as string)).toBe(`Rule: ${report.verdict.rule}`);
  });
});

describe('findingJira', () => {
  test('a finding body has the gap, the quotes in {quote}, the note, the frameworks and the verdict', () => {
    const finding = report.findings.find((f) => f.key === 'control:tenant-isolation');
    if (!finding) throw new Error('no tenant-isolation finding');
    const body = findingJira(finding, report);
    const plain = unescapeJira(body);
    expect(plain).toContain(finding.summary);
    expect(body.match(/^\{quote\}$/gm)).toHaveLength(2 * (finding.control?.claims.length ?? 0));
    expect(plain).toContain('Asked for the per-tenant key design | see [call notes](javascript:alert(1))');
    expect(plain).toContain('Framework mappings: OWASP NHI 2025 NHI8; CSA CCM v4 IVS-06');
    expect(plain).toContain(report.verdict.rule);
    for (const target of links(body)) expect(target).toMatch(/^https:\/\//);
  });
});

describe('Jira escaping', () => {
  test('removing the escapes gives the original text back', () => {
    const samples = [
      ...HOSTILE,
      VENDOR,
      PRODUCT,
      'C:\\Users\\x\\{y}',
      '&amp; &#60; AT&T',
      'mailto:a@b.example',
      'file:///etc/passwd',
    ];
    for (const s of samples) expect(unescapeJira(escapeJira(s))).toBe(inline(s));
  });

  test('escapes every character Jira treats as markup', () => {
    expect(escapeJira('*b* _i_ -s- +u+ ^sup^ ~sub~ ??c?? {{m}} !img.png! [~user] #1 %')).toBe(
      '\\*b\\* \\_i\\_ \\-s\\- \\+u\\+ \\^sup\\^ \\~sub\\~ \\?\\?c\\?\\? \\{\\{m\\}\\} \\!img.png\\! \\[\\~user\\] \\#1 \\%',
    );
  });

  test('a backslash is never written as a backslash (`\\\\` would be a line break)', () => {
    expect(escapeJira('a\\\\b')).toBe('a&#92;&#92;b');
  });

  test('line-start headings and quotes are neutralised; other autolinks lose their colon', () => {
    expect(jiraLines('h1. Big\nbq. quote')).toEqual(['&#104;1. Big', '&#98;q. quote']);
    expect(escapeJira('file:///etc/passwd')).toBe('file&#58;///etc/passwd');
    expect(escapeJira('see https://acme.example')).toBe('see https://acme.example');
  });

  test('links: http(s) only, alias escaped, target without link-breaking characters', () => {
    expect(jiraLink('x', 'javascript:alert(1)')).toBe('x');
    expect(jiraUrl('javascript:alert(1)')).toBe('javascript:alert\\(1\\)');
    expect(jiraLink('a|b]', 'https://acme.example/p|q[1]')).toBe(
      '[a\\|b\\]|https://acme.example/p%7Cq%5B1%5D]',
    );
    expect(jiraUrl('https://acme.example/a b')).toBe('[https://acme.example/a%20b]');
  });
});
