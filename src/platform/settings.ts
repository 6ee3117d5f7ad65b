import browser from 'webextension-polyfill';
import { NO_TRACKERS, type TrackerSettings } from '../export/tracker-targets.ts';

export { NO_TRACKERS, type TrackerSettings };

/** The reviewer's settings, kept in `storage.local` (small, and readable by every page of ours). */
export interface Settings {
  reviewerName: string;
  trackers: TrackerSettings;
}

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
