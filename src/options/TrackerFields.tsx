import { trackerTargets } from '../export/tracker-targets.ts';
import type { TrackerSettings } from '../platform/settings.ts';

/** The first problem with the tracker settings, as a sentence, or undefined when they are usable. */
export function trackerProblem(trackers: TrackerSettings): string | undefined {
  return trackerTargets(trackers).problems[0];
}

const FIELDS: ReadonlyArray<{ key: keyof TrackerSettings; label: string; placeholder: string }> = [
  { key: 'githubRepo', label: 'GitHub repository', placeholder: 'owner/name' },
  { key: 'gitlabBaseUrl', label: 'GitLab address (blank for gitlab.com)', placeholder: 'https://gitlab.com' },
  { key: 'gitlabProject', label: 'GitLab project', placeholder: 'group/project' },
  { key: 'jiraBaseUrl', label: 'Jira address', placeholder: 'https://yourcompany.atlassian.net' },
  { key: 'jiraProjectId', label: 'Jira project id (pid)', placeholder: '10000' },
  { key: 'jiraIssueTypeId', label: 'Jira issue type id', placeholder: '10001' },
  {
    key: 'labels',
    label: 'Labels for every ticket (comma-separated)',
    placeholder: 'vendor-review, security',
  },
];

/**
 * Where "New issue" links from the panel's findings go. No tokens: the links open the tracker's
 * own new-issue form in the reviewer's signed-in browser, prefilled.
 */
export function TrackerFields({
  value,
  onChange,
}: {
  value: TrackerSettings;
  onChange: (next: TrackerSettings) => void;
}) {
  return (
    <fieldset class="stack">
      <legend>Issue trackers for findings (optional)</legend>
      {FIELDS.map((field) => (
        <label key={field.key}>
          {field.label}
          <input
            name={field.key}
            value={value[field.key]}
            placeholder={field.placeholder}
            autocomplete="off"
            onInput={(e) => onChange({ ...value, [field.key]: e.currentTarget.value })}
          />
        </label>
      ))}
    </fieldset>
  );
}
