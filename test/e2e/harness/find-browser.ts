/**
 * Locates a browser executable for the e2e harness.
 *
 * @module
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The browsers the harness can drive. */
export type BrowserKind = 'chromium' | 'firefox';

const ENV_VAR: Record<BrowserKind, string> = {
  chromium: 'CHROMIUM_PATH',
  firefox: 'FIREFOX_PATH',
};

const SYSTEM_PATHS: Record<BrowserKind, readonly string[]> = {
  chromium: ['/usr/bin/chromium'],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

const INSTALL_HINT: Record<BrowserKind, string> = {
  chromium: 'sudo apt-get install -y chromium   (or: npx playwright install chromium)',
  firefox: 'sudo apt-get install -y firefox-esr',
};

function isExecutableFile(path: string): boolean {
  try {
    const st = statSync(path);
    // Any execute bit; the harness only spawns it, so that is enough.
    return st.isFile() && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** Playwright's cache dir: honours PLAYWRIGHT_BROWSERS_PATH like Playwright does. */
function playwrightCacheDir(): string {
  const custom = process.env.PLAYWRIGHT_BROWSERS_PATH;
  if (custom && custom !== '0') return custom;
  return join(homedir(), '.cache', 'ms-playwright');
}

/** Revision number from a Playwright cache folder such as `chromium-1187`. */
function revisionOf(dirName: string): number {
  const m = /-(\d+)$/.exec(dirName);
  return m ? Number(m[1]) : -1;
}

/** Candidate executables in Playwright's cache, newest revision first. */
function playwrightCandidates(kind: BrowserKind): string[] {
  const root = playwrightCacheDir();
  if (!existsSync(root)) return [];
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  // `chromium-1187` but not `chromium_headless_shell-1187`: the shell cannot load extensions.
  const dirs = entries
    .filter((name) => new RegExp(`^${kind}-\\d+$`).test(name))
    .sort((a, b) => revisionOf(b) - revisionOf(a));
  const out: string[] = [];
  for (const dir of dirs) {
    if (kind === 'firefox') {
      out.push(join(root, dir, 'firefox', 'firefox'));
      continue;
    }
    // chrome-linux (older) or chrome-linux64 (newer) / chrome-linux-arm64.
    let subdirs: string[] = [];
    try {
      subdirs = readdirSync(join(root, dir)).filter((s) => s.startsWith('chrome-linux'));
    } catch {
      // unreadable: skip
    }
    for (const sub of subdirs.sort().reverse()) out.push(join(root, dir, sub, 'chrome'));
  }
  return out;
}

/**
 * Returns the path of an existing browser executable.
 *
 * Lookup order:
 * 1. the environment variable `CHROMIUM_PATH` / `FIREFOX_PATH` (if set, it must point
 *    to an existing executable, otherwise this throws rather than silently using another browser);
 * 2. the Debian paths: `/usr/bin/chromium`; `/usr/bin/firefox-esr`, then `/usr/bin/firefox`;
 * 3. Playwright's cache (`~/.cache/ms-playwright`, or `PLAYWRIGHT_BROWSERS_PATH`):
 *    `chromium-<rev>/chrome-linux* /chrome` or `firefox-<rev>/firefox/firefox`, newest revision first.
 *
 * @param kind - Which browser to look for.
 * @returns Absolute path of the executable; never a path that does not exist.
 * @throws Error naming the missing browser and the command that installs it.
 */
export function findBrowser(kind: BrowserKind): string {
  const envName = ENV_VAR[kind];
  const fromEnv = process.env[envName];
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new Error(
      `${envName} is set to "${fromEnv}", but that is not an executable file. ` +
        `Fix or unset ${envName}, or install ${kind}: ${INSTALL_HINT[kind]}`,
    );
  }
  for (const path of [...SYSTEM_PATHS[kind], ...playwrightCandidates(kind)]) {
    if (isExecutableFile(path)) return path;
  }
  const name = kind === 'firefox' ? 'Firefox' : 'Chromium';
  throw new Error(
    `${name} was not found (looked at $${envName}, ${SYSTEM_PATHS[kind].join(', ')}, ` +
      `and ${playwrightCacheDir()}). Install it with: ${INSTALL_HINT[kind]} ` +
      `or point ${envName} at an existing executable.`,
  );
}
