import browser from 'webextension-polyfill';

/** The reviewer's settings, kept in `storage.local` (small, and readable by every page of ours). */
export interface Settings {
  reviewerName: string;
}

const DEFAULTS: Settings = { reviewerName: '' };

/** Reads the settings, with defaults for anything unset or of the wrong type. */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get('settings');
  const raw = stored.settings as Partial<Settings> | undefined;
  return {
    reviewerName: typeof raw?.reviewerName === 'string' ? raw.reviewerName : DEFAULTS.reviewerName,
  };
}

/** Saves the settings. */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ settings });
}
