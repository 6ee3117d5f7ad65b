import browser from 'webextension-polyfill';

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

/** The reviewer's settings, kept in `storage.local` (small, and readable by every page of ours). */
export interface Settings {
  reviewerName: string;
  trackers: TrackerSettings;
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

/** Reads the settings, with defaults for anything unset or of the wrong type. */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get('settings');
  const raw = (stored.settings ?? {}) as Partial<Record<keyof Settings, unknown>>;
  const trackers = (typeof raw.trackers === 'object' && raw.trackers !== null ? raw.trackers : {}) as Record<
    string,
    unknown
  >;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    reviewerName: text(raw.reviewerName),
    trackers: Object.fromEntries(
      Object.keys(NO_TRACKERS).map((key) => [key, text(trackers[key])]),
    ) as unknown as TrackerSettings,
  };
}

/** Saves the settings. */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ settings });
}
