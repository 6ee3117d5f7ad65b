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

const title = `Acme: claimed, not shown ${HOSTILE.slice(0, 9).join(' ')}`;
const body = `## Gap\n\n${HOSTILE.join('\n')}\n& = ? # % + 😀 end`;

describe('newIssueLink', () => {
  test('GitHub: /issues/new with title, body and labels that decode back exactly', () => {
    const { url, cut } = newIssueLink(github, title, body, ['control-tenant-isolation']);
    const parsed = new URL(url);
    expect(cut).toBe(false);
    expect(parsed.origin + parsed.pathname).toBe('https://github.com/acme/security-reviews/issues/new');
    expect(parsed.searchParams.get('title')).toBe(title.replace(/\s+/g, ' ').trim());
    expect(parsed.searchParams.get('body')).toBe(body);
    expect(parsed.searchParams.get('labels')).toBe('vendor-review,control-tenant-isolation');
  });

  test('GitLab: /-/issues/new with issue[title] and issue[description], no labels', () => {
    const { url } = newIssueLink(gitlab, 'T', body, ['x']);
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe(
      'https://gitlab.example.com/sec/vendors/reviews/-/issues/new',
    );
    expect(parsed.searchParams.get('issue[title]')).toBe('T');
    expect(parsed.searchParams.get('issue[description]')).toBe(body);
    expect([...parsed.searchParams.keys()]).toEqual(['issue[title]', 'issue[description]']);
  });

  test('Jira: CreateIssueDetails!init.jspa with pid, issuetype, summary, description', () => {
    const { url } = newIssueLink(jira, 'T', body);
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe(
      'https://jira.example.com/jira/secure/CreateIssueDetails!init.jspa',
    );
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      pid: '10000',
      issuetype: '10002',
      summary: 'T',
      description: body,
    });
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
      const kept = parsed.searchParams.get(key) ?? '';
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
