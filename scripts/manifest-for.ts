/**
 * Derives each browser's manifest from the one source `manifest.json`.
 * Keys a browser does not know are removed rather than left for it to warn about,
 * so the built manifests say exactly what each browser is asked for.
 */

/** The browsers we build for. */
export type Target = 'chrome' | 'firefox';

/** A manifest as parsed JSON; only the keys we rewrite are typed. */
export interface SourceManifest {
  version: string;
  background: { service_worker?: string; scripts?: string[]; type?: string };
  permissions: string[];
  side_panel?: unknown;
  sidebar_action?: unknown;
  browser_specific_settings?: unknown;
  [key: string]: unknown;
}

/** Chrome-only permissions Firefox rejects as unknown. */
const CHROME_ONLY_PERMISSIONS = new Set(['sidePanel']);

/** Returns the manifest for one browser; the input is not modified. */
export function manifestFor(
  source: SourceManifest,
  target: Target,
  version = source.version,
): SourceManifest {
  const manifest: SourceManifest = structuredClone(source);
  manifest.version = version;
  if (target === 'chrome') {
    // Chrome runs a service worker; `scripts` would only earn a warning.
    manifest.background = { service_worker: source.background.service_worker, type: source.background.type };
    delete manifest.sidebar_action;
    delete manifest.browser_specific_settings;
  } else {
    // Firefox runs background scripts (an event page), has a sidebar instead of a side panel.
    manifest.background = { scripts: source.background.scripts, type: source.background.type };
    delete manifest.side_panel;
    manifest.permissions = source.permissions.filter((p) => !CHROME_ONLY_PERMISSIONS.has(p));
  }
  return manifest;
}
