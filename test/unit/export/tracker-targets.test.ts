import { describe, expect, test } from 'vitest';
import { NO_TRACKERS, trackerTargets } from '../../../src/export/tracker-targets.ts';

describe('tracker settings → new-issue targets', () => {
  test('nothing filled in: no target and no complaint', () => {
    expect(trackerTargets(NO_TRACKERS)).toEqual({ targets: [], problems: [] });
  });

  test('a GitHub repository and shared labels make a GitHub target', () => {
    const { targets, problems } = trackerTargets({
      ...NO_TRACKERS,
      githubRepo: ' acme/reviews ',
      labels: 'security, vendor ,',
    });
    expect(problems).toEqual([]);
    expect(targets).toEqual([
      { name: 'GitHub', target: { kind: 'github', repo: 'acme/reviews', labels: ['security', 'vendor'] } },
    ]);
  });

  test('GitLab defaults to gitlab.com when only the project is set', () => {
    const { targets } = trackerTargets({ ...NO_TRACKERS, gitlabProject: 'acme/security' });
    expect(targets[0]?.target).toMatchObject({
      kind: 'gitlab',
      baseUrl: 'https://gitlab.com',
      project: 'acme/security',
    });
  });

  test('half-filled or unsafe trackers are named with what is wrong, and left out', () => {
    const { targets, problems } = trackerTargets({
      ...NO_TRACKERS,
      githubRepo: 'not a repo',
      jiraBaseUrl: 'http://jira.example.com',
      jiraProjectId: '10000',
      jiraIssueTypeId: '10001',
    });
    expect(targets).toEqual([]);
    expect(problems).toEqual([
      expect.stringMatching(/^GitHub: .*owner\/name/),
      expect.stringMatching(/^Jira: .*https:\/\//),
    ]);
  });
});
