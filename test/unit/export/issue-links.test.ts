import { describe, expect, test } from 'vitest';
import {
  CUT_MARKER,
  type IssueTarget,
  MAX_URL_LENGTH,
  newIssueLink,
  validateIssueTarget,
} from '../../../src/export/issue-links.ts';
import { findingMarkdown } from '../../../src/export/markdown-report.ts';
import { HOSTILE, sampleReport } from './sample-report.ts';

const github: IssueTarget = { kind: 'github', repo: 'acme/security-reviews', labels: ['vendor-review'] };
const gitlab: IssueTarget = {
  kind: 'gitlab',
  baseUrl: 'https://gitlab.example.com/',
  project: 'sec/vendors/reviews',
};
const jira: IssueTarget = {
  kind: 'jira',
  baseUrl: 'https://jira.example.com/jira',
  projectId: '10000',
  issueTypeId: '10002',
};

/** What GitHub and GitLab bodies get after `@` and `#` so they neither mention nor link. */
const JOINER = '\u2060';

const title = `Acme: claimed, not shown ${HOSTILE.slice(0, 9).join(' ')}`;
const body = `## Gap\n\n${HOSTILE.join('\n')}\n& = ? # % + 😀 end`;

describe('newIssueLink', () => {
  test('GitHub: /issues/new with title, body and labels that decode back exactly', () => {
    const { url, cut } = newIssueLink(github, title, body, ['control-tenant-isolation']);
    const parsed = new URL(url);
    expect(cut).toBe(false);
    expect(parsed.origin + parsed.pathname).toBe('https://github.com/acme/security-reviews/issues/new');
    expect(parsed.searchParams.get('title')).toBe(title.replace(/\s+/g, ' ').trim());
    expect(parsed.searchParams.get('body')?.replaceAll(JOINER, '')).toBe(body);
    expect(parsed.searchParams.get('labels')).toBe('vendor-review,control-tenant-isolation');
  });

  test('GitLab: /-/issues/new with issue[title] and issue[description]; labels as a /label quick action', () => {
    const { url } = newIssueLink(gitlab, 'T', body, ['x', 'needs review']);
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe(
      'https://gitlab.example.com/sec/vendors/reviews/-/issues/new',
    );
    expect(parsed.searchParams.get('issue[title]')).toBe('T');
    expect(parsed.searchParams.get('issue[description]')?.replaceAll(JOINER, '')).toBe(
      `/label ~"x" ~"needs review"\n\n${body}`,
    );
    expect([...parsed.searchParams.keys()]).toEqual(['issue[title]', 'issue[description]']);
    // Without labels the description is the body alone.
    expect(
      new URL(newIssueLink(gitlab, 'T', body).url).searchParams
        .get('issue[description]')
        ?.replaceAll(JOINER, ''),
    ).toBe(body);
  });

  test('GitLab: vendor text or a note cannot run a quick action; a label cannot break out of its quotes', () => {
    const hostile =
      '/close\n  /assign @attacker\ntext /confidential stays\n\t/label ~x\r\n/unlabel ~"vendor-review"';
    const { url } = newIssueLink(gitlab, 'T', hostile, ['a" /close "b']);
    const description = new URL(url).searchParams.get('issue[description]') ?? '';
    const lines = description.split(/\r?\n/);
    // Only our own first line starts with a slash; every other line that did is escaped.
    expect(lines.filter((l) => /^\s*\//.test(l))).toEqual(['/label ~"a /close b"']);
    expect(description).toContain(
      `\\/close\n  \\/assign @${JOINER}attacker\ntext /confidential stays\n\t\\/label ~x`,
    );
    expect(description).toContain('\\/unlabel');
  });

  test('Jira: CreateIssueDetails!init.jspa with pid, issuetype, summary, one labels parameter per label, description', () => {
    const { url } = newIssueLink({ ...jira, labels: ['vendor-review'] }, 'T', body, [
      'control-revocation',
      'needs review',
    ]);
    const parsed = new URL(url);
    expect(parsed.searchParams.getAll('labels')).toEqual([
      'vendor-review',
      'control-revocation',
      'needs-review',
    ]);
    expect(parsed.searchParams.get('description')).toBe(body);
  });

  test.each([
    ['github', github],
    ['gitlab', gitlab],
    ['jira', jira],
  ] as const)(
    '%s: a 50 KB body is cut under 8,000 characters, marked, with no broken escape',
    (_, target) => {
      // Multi-byte characters and an emoji (a surrogate pair) around every possible cut point.
      const big = 'é😀%&#'.repeat(10_000).slice(0, 50_000);
      const { url, cut } = newIssueLink(target, 'Title', big);
      expect(cut).toBe(true);
      expect(url.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
      expect(url.length).toBeGreaterThan(MAX_URL_LENGTH - 20);
      expect(() => decodeURIComponent(url)).not.toThrow();
      const parsed = new URL(url);
      const key =
        target.kind === 'github' ? 'body' : target.kind === 'gitlab' ? 'issue[description]' : 'description';
      const kept = (parsed.searchParams.get(key) ?? '').replaceAll(JOINER, '');
      expect(kept.endsWith(CUT_MARKER)).toBe(true);
      const prefix = kept.slice(0, -CUT_MARKER.length);
      expect(big.startsWith(prefix)).toBe(true);
      expect(prefix.length).toBeGreaterThan(500);
      expect(prefix).not.toMatch(/[\uD800-\uDBFF]$/);
    },
  );

  test('a real finding body fits, and a hostile one decodes back exactly', () => {
    const report = sampleReport();
    const finding = report.findings[0];
    if (!finding) throw new Error('no finding');
    const markdown = findingMarkdown(finding, report);
    const { url, cut } = newIssueLink(github, finding.title, markdown, finding.labels);
    expect(cut).toBe(false);
    expect(new URL(url).searchParams.get('body')).toBe(markdown);
  });

  test('GitHub and GitLab: @name and #123 notify and link no one; e-mail addresses and URLs are unchanged', () => {
    const text =
      'Ask @security or security@vendor.example (#12, issue#3).\n@ops see https://vendor.example/@team/page#x and https://x.example/#:~:text=a';
    for (const target of [github, gitlab]) {
      const { url } = newIssueLink(target, 'T', text);
      const sent =
        new URL(url).searchParams.get(target.kind === 'github' ? 'body' : 'issue[description]') ?? '';
      expect(sent).not.toMatch(/(^|[\s(])[@#][A-Za-z0-9]/m);
      expect(sent).toContain(`@${JOINER}security or security@vendor.example (#${JOINER}12, issue#3)`);
      expect(sent).toContain('https://vendor.example/@team/page#x and https://x.example/#:~:text=a');
      expect(sent.replaceAll(JOINER, '')).toBe(text);
    }
    // Jira does not notify on @name in a description: the body goes as written.
    expect(new URL(newIssueLink(jira, 'T', text).url).searchParams.get('description')).toBe(text);
  });

  test('an overlong title is cut to 256 characters and reported', () => {
    const { url, cut } = newIssueLink(github, 'T'.repeat(1000), 'b');
    expect(cut).toBe(true);
    expect([...(new URL(url).searchParams.get('title') ?? '')]).toHaveLength(256);
  });

  test('lone surrogates do not throw', () => {
    const { url } = newIssueLink(github, 'a\uD800b', 'c\uDC00d');
    expect(new URL(url).searchParams.get('title')).toBe('a\uFFFDb');
  });
});

describe('validateIssueTarget', () => {
  test.each([
    [{ kind: 'github', repo: 'acme' }, 'owner/name'],
    [{ kind: 'github', repo: 'acme/repo/extra' }, 'owner/name'],
    [{ kind: 'github', repo: 'acme/..' }, 'owner/name'],
    [{ kind: 'github', repo: '../x' }, 'owner/name'],
    [{ kind: 'gitlab', baseUrl: 'http://gitlab.example.com', project: 'a/b' }, 'https://'],
    [{ kind: 'gitlab', baseUrl: 'javascript:alert(1)', project: 'a/b' }, 'https://'],
    [
      { kind: 'gitlab', baseUrl: 'https://user:pw@gitlab.example.com', project: 'a/b' },
      'user name or password',
    ],
    [{ kind: 'gitlab', baseUrl: 'https://gitlab.example.com?x=1', project: 'a/b' }, '? or #'],
    [{ kind: 'gitlab', baseUrl: 'not a url', project: 'a/b' }, 'not a URL'],
    [{ kind: 'gitlab', baseUrl: 'https://gitlab.com', project: 'justone' }, 'group/project'],
    [{ kind: 'gitlab', baseUrl: 'https://gitlab.com', project: 'a/../b' }, 'group/project'],
    [{ kind: 'jira', baseUrl: 'https://jira.example.com', projectId: 'ABC', issueTypeId: '1' }, 'project id'],
    [
      { kind: 'jira', baseUrl: 'https://jira.example.com', projectId: '1', issueTypeId: '1&x=2' },
      'issue type id',
    ],
  ] as Array<[IssueTarget, string]>)('rejects %j', (target, message) => {
    expect(validateIssueTarget(target)).toContain(message);
    expect(() => newIssueLink(target, 't', 'b')).toThrow(message);
  });

  test('accepts real targets, and http only for this computer', () => {
    expect(validateIssueTarget(github)).toBeUndefined();
    expect(validateIssueTarget(gitlab)).toBeUndefined();
    expect(validateIssueTarget(jira)).toBeUndefined();
    expect(validateIssueTarget({ ...jira, baseUrl: 'http://127.0.0.1:8080' })).toBeUndefined();
    expect(validateIssueTarget({ ...jira, baseUrl: 'http://localhost:2990/jira' })).toBeUndefined();
  });
});
