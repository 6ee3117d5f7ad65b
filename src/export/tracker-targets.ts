/** The issue trackers the reviewer configured, as link targets, with a sentence for each problem. */
import { type IssueTarget, validateIssueTarget } from './issue-links.ts';

/** Where "open a new issue" links point: each tracker is used only when its fields are filled in. */
export interface TrackerSettings {
  /** `owner/name` of a GitHub repository. */
  githubRepo: string;
  /** `https://gitlab.example.com` (blank means gitlab.com) and the `group/project` path. */
  gitlabBaseUrl: string;
  gitlabProject: string;
  /** `https://yourcompany.atlassian.net`, the numeric project id (`pid`) and issue type id. */
  jiraBaseUrl: string;
  jiraProjectId: string;
  jiraIssueTypeId: string;
  /** Extra labels for every ticket, comma-separated. */
  labels: string;
}

/** Empty tracker settings: no tracker configured. */
export const NO_TRACKERS: TrackerSettings = {
  githubRepo: '',
  gitlabBaseUrl: '',
  gitlabProject: '',
  jiraBaseUrl: '',
  jiraProjectId: '',
  jiraIssueTypeId: '',
  labels: '',
};

/** A configured tracker and how the panel names it. */
export interface NamedTarget {
  name: 'GitHub' | 'GitLab' | 'Jira';
  target: IssueTarget;
}

/** Turns settings into targets; a tracker with no field filled in is simply not configured. */
export function trackerTargets(settings: TrackerSettings): { targets: NamedTarget[]; problems: string[] } {
  const labels = settings.labels
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const candidates: NamedTarget[] = [];
  const problems: string[] = [];
  if (settings.githubRepo.trim()) {
    candidates.push({ name: 'GitHub', target: { kind: 'github', repo: settings.githubRepo.trim(), labels } });
  }
  if (settings.gitlabProject.trim() || settings.gitlabBaseUrl.trim()) {
    candidates.push({
      name: 'GitLab',
      target: {
        kind: 'gitlab',
        baseUrl: settings.gitlabBaseUrl.trim() || 'https://gitlab.com',
        project: settings.gitlabProject.trim(),
        labels,
      },
    });
  }
  if (settings.jiraBaseUrl.trim() || settings.jiraProjectId.trim() || settings.jiraIssueTypeId.trim()) {
    candidates.push({
      name: 'Jira',
      target: {
        kind: 'jira',
        baseUrl: settings.jiraBaseUrl.trim(),
        projectId: settings.jiraProjectId.trim(),
        issueTypeId: settings.jiraIssueTypeId.trim(),
        labels,
      },
    });
  }
  const targets: NamedTarget[] = [];
  for (const candidate of candidates) {
    const problem = validateIssueTarget(candidate.target);
    if (problem) problems.push(`${candidate.name}: ${problem}`);
    else targets.push(candidate);
  }
  return { targets, problems };
}
