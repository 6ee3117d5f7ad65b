/**
 * Checks on the built extension (after `npm run build`), without a browser: the permissions
 * each browser is asked for, no network API or remote script anywhere in the bundles, and a
 * build that this source reproduces byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { buildExtension } from '../../scripts/build.ts';
import { DIST_CHROME, DIST_FIREFOX } from './paths.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** URLs that appear in the bundles as data, never requested: XML namespaces, Dexie's error-help links. */
const URL_ALLOWLIST = [
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xlink',
  'https://tinyurl.com/y2uuvskb',
  'http://bit.ly/2kdckMn',
  // New-issue link bases and the options page's placeholder: links the reviewer opens in a tab of
  // their own; the extension never requests them (its pages run under connect-src 'none').
  'https://github.com/',
  'https://gitlab.com',
  'https://yourcompany.atlassian.net',
];

describe.each([
  ['Chrome', DIST_CHROME],
  ['Firefox', DIST_FIREFOX],
])('the %s build', (_name, dist) => {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));

  test('asks for the reviewed permissions only, and no host access at install', () => {
    const expected = ['activeTab', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage'];
    expect([...manifest.permissions].sort()).toEqual(
      (dist === DIST_CHROME ? [...expected, 'sidePanel'] : expected).sort(),
    );
    for (const key of [
      'host_permissions',
      'content_scripts',
      'web_accessible_resources',
      'externally_connectable',
    ]) {
      expect(manifest[key], key).toBeUndefined();
    }
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });

  test('contains no network API and no remote URL outside the allowlist', () => {
    const found: string[] = [];
    for (const file of files(dist).filter((f) => /\.(js|html|css)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts\(/g,
      )) {
        found.push(`${file}: ${m[0]}`);
      }
      for (const m of text.matchAll(/https?:\/\/[\w.-]+(?:\/[\w./?=&%-]*)?/g)) {
        if (!URL_ALLOWLIST.includes(m[0])) found.push(`${file}: ${m[0]}`);
      }
      if (/\.html$/.test(file)) {
        for (const m of text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) {
          if (!m[1]?.startsWith('/')) found.push(`${file}: script ${m[1]}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  test('the content script listens to no window messages: the page cannot talk to it', () => {
    const content = readFileSync(join(dist, 'content.js'), 'utf8');
    expect(content).not.toMatch(/addEventListener\(\s*[`'"]message[`'"]/);
    expect(content).not.toMatch(/\bonmessage\b|postMessage/);
    // The only page event it listens to is a click on one of its own highlights.
    expect([...content.matchAll(/addEventListener\(\s*[`'"](\w+)[`'"]/g)].map((m) => m[1])).toEqual([
      'click',
    ]);
  });

  test('the content script injected into vendor pages is one classic script within 15 KB gzipped', () => {
    const content = readFileSync(join(dist, 'content.js'));
    expect(gzipSync(content, { level: 9 }).length).toBeLessThanOrEqual(15 * 1024);
    expect(content.toString('utf8')).not.toMatch(/^\s*import\s|\bexport\s*\{/m);
  });
});

describe('the minified build', () => {
  test('is what this source builds: building again gives the same bytes, file for file', async () => {
    // Firefox's review accepts minified code only with the source that reproduces it.
    const digest = (chrome: string, firefox: string) =>
      Object.fromEntries(
        [chrome, firefox].flatMap((dir, i) =>
          files(dir).map((f) => [
            `${i}/${relative(dir, f)}`,
            createHash('sha256').update(readFileSync(f)).digest('hex'),
          ]),
        ),
      );
    // Built into a folder of its own: the other browser's e2e may be using dist/ right now.
    const again = mkdtempSync(join(tmpdir(), 'vr-rebuild-'));
    try {
      const built = await buildExtension({ quiet: true, outDir: again });
      expect(Object.keys(digest(built.chrome, built.firefox)).length).toBeGreaterThan(5);
      expect(digest(built.chrome, built.firefox)).toEqual(digest(DIST_CHROME, DIST_FIREFOX));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 60_000);
});
