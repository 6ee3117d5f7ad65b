/**
 * Prefilled "new issue" URLs for one finding: GitHub, GitLab or Jira opens its own form in the
 * reviewer's browser session, so no token is needed and nothing is sent until they press Create.
 */

/** Where a finding is filed. */
export type IssueTarget =
  | { kind: 'github'; repo: string /* owner/name */; labels?: string[] }
  | {
      kind: 'gitlab';
      baseUrl: string /* e.g. https://gitlab.com */;
      project: string /* group/project */;
      labels?: string[];
    }
  | {
      kind: 'jira';
      baseUrl: string;
      projectId: string /* pid */;
      issueTypeId: string;
      labels?: string[];
    };

/** A prefilled URL, and whether the title or body had to be cut to fit. */
export interface IssueLink {
  url: string;
  cut: boolean;
}

/** Servers answer longer URLs with 414 (GitHub at about 8 KB): stay under this many characters. */
export const MAX_URL_LENGTH = 8000;

/** Appended to a body that was cut; the caller puts the full body on the clipboard. */
export const CUT_MARKER = '\n\n… (cut: the full text is on the clipboard)';

/** GitHub refuses longer titles. */
const MAX_TITLE = 256;

const GITHUB_REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const GITLAB_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const NUMERIC_ID = /^[0-9]{1,18}$/;

/** Why the target cannot be used, in one plain sentence; undefined when it is fine. */
export function validateIssueTarget(target: IssueTarget): string | undefined {
  switch (target.kind) {
    case 'github': {
      const [, name] = target.repo.split('/');
      if (!GITHUB_REPO.test(target.repo) || name === '.' || name === '..') {
        return 'The GitHub repository must be written as owner/name, e.g. acme/security-reviews.';
      }
      return undefined;
    }
    case 'gitlab': {
      const base = baseUrlProblem(target.baseUrl, 'GitLab');
      if (base) return base;
      const segments = target.project.split('/');
      if (segments.length < 2 || !segments.every((s) => GITLAB_SEGMENT.test(s) && !s.endsWith('.'))) {
        return 'The GitLab project must be written as group/project (subgroups allowed), e.g. acme/security/reviews.';
      }
      return undefined;
    }
    case 'jira': {
      const base = baseUrlProblem(target.baseUrl, 'Jira');
      if (base) return base;
      if (!NUMERIC_ID.test(target.projectId))
        return 'The Jira project id (pid) must be a number, e.g. 10000.';
      if (!NUMERIC_ID.test(target.issueTypeId)) return 'The Jira issue type id must be a number, e.g. 10002.';
      return undefined;
    }
  }
}

/** What is wrong with a self-hosted base URL: https only (http for this computer), no credentials, no query. */
function baseUrlProblem(baseUrl: string, product: string): string | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return `The ${product} address is not a URL: write it like https://${product.toLowerCase()}.example.com.`;
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return `The ${product} address must start with https:// (http:// only for localhost).`;
  }
  if (url.username || url.password) {
    return `The ${product} address must not contain a user name or password.`;
  }
  if (url.search || url.hash) return `The ${product} address must not contain ? or #.`;
  return undefined;
}

/**
 * The prefilled new-issue URL for `target`. Throws an Error with a plain message for an invalid
 * target. Labels are the target's plus `labels`: a GitHub or Jira parameter, a GitLab `/label`
 * quick action on the description's first line.
 */
export function newIssueLink(
  target: IssueTarget,
  title: string,
  body: string,
  labels: readonly string[] = [],
): IssueLink {
  const problem = validateIssueTarget(target);
  if (problem) throw new Error(problem);

  const safeTitle = title.toWellFormed().replace(/\s+/g, ' ').trim();
  const titlePoints = [...safeTitle];
  const titleCut = titlePoints.length > MAX_TITLE;
  const shortTitle = titleCut ? `${titlePoints.slice(0, MAX_TITLE - 1).join('')}…` : safeTitle;

  const allLabels = [...new Set([...(target.labels ?? []), ...labels].map((l) => l.trim()).filter(Boolean))];
  const { prefix, bodyKey } = start(target, shortTitle, allLabels);
  const bodyPrefix = `${prefix}&${encodeURIComponent(bodyKey)}=`;
  const safeBody =
    target.kind === 'gitlab'
      ? gitlabDescription(quietReferences(body.toWellFormed()), allLabels)
      : target.kind === 'github'
        ? quietReferences(body.toWellFormed())
        : body.toWellFormed();
  const full = bodyPrefix + encodeURIComponent(safeBody);
  if (full.length <= MAX_URL_LENGTH) return { url: full, cut: titleCut };

  // Cut whole code points, so no percent-escape or surrogate pair is ever split.
  let budget = MAX_URL_LENGTH - bodyPrefix.length - encodeURIComponent(CUT_MARKER).length;
  let kept = '';
  for (const point of safeBody) {
    const encoded = encodeURIComponent(point);
    if (encoded.length > budget) break;
    budget -= encoded.length;
    kept += point;
  }
  return { url: bodyPrefix + encodeURIComponent(kept + CUT_MARKER), cut: true };
}

/** The URL up to the body parameter, and the body parameter's name. */
function start(
  target: IssueTarget,
  title: string,
  labels: readonly string[],
): { prefix: string; bodyKey: string } {
  const q = (key: string, value: string) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
  switch (target.kind) {
    case 'github': {
      // GitHub takes labels comma-separated; applied only when the reviewer may triage the repository.
      const labelParam = labels.length > 0 ? `&${q('labels', labels.join(','))}` : '';
      return {
        prefix: `https://github.com/${target.repo}/issues/new?${q('title', title)}${labelParam}`,
        bodyKey: 'body',
      };
    }
    case 'gitlab':
      // GitLab has no labels parameter for prefilling: the labels travel as a quick action in the
      // description (see gitlabDescription).
      return {
        prefix: `${trimSlash(target.baseUrl)}/${target.project}/-/issues/new?${q('issue[title]', title)}`,
        bodyKey: 'issue[description]',
      };
    case 'jira': {
      // One `labels` parameter per label; a Jira label cannot hold a space.
      const labelParams = labels.map((l) => `&${q('labels', l.replace(/\s+/g, '-'))}`).join('');
      return {
        prefix: `${trimSlash(target.baseUrl)}/secure/CreateIssueDetails!init.jspa?${q('pid', target.projectId)}&${q('issuetype', target.issueTypeId)}&${q('summary', title)}${labelParams}`,
        bodyKey: 'description',
      };
    }
  }
}

/**
 * A GitLab description: GitLab runs a line starting with `/` as a quick action when the issue is
 * created (`/close`, `/assign`, `/confidential`…). Vendor text or a note must never do that, so
 * every such line is escaped to `\/`, which Markdown shows as a plain `/`. Our own `/label` line
 * comes first, where a cut body never reaches it; GitLab applies labels that exist in the project.
 */
function gitlabDescription(body: string, labels: readonly string[]): string {
  const escaped = body.replace(/^([ \t]{0,3})\//gm, '$1\\/');
  const names = labels.map((l) => l.replace(/["\r\n]/g, '')).filter(Boolean);
  if (names.length === 0) return escaped;
  return `/label ${names.map((n) => `~"${n}"`).join(' ')}\n\n${escaped}`;
}

/**
 * GitHub and GitLab turn `@name` into a mention that notifies a stranger, and `#123` into a link to
 * an unrelated issue. Vendor text is full of both ("email @security", "SOC 2 #1"); a word joiner
 * (U+2060, invisible) after the sign stops the tracker without changing what the reader sees.
 * E-mail addresses are left alone: a sign inside a word is not a mention.
 */
function quietReferences(body: string): string {
  return body.replace(/(^|[^\p{L}\p{N}_.+\-/])([@#])(?=[\p{L}\p{N}_])/gmu, '$1$2\u2060');
}

function trimSlash(url: string): string {
  return new URL(url).href.replace(/\/+$/, '');
}
