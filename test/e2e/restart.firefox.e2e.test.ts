/**
 * Data survives a browser restart in real Firefox: a review with a note and a live-demo entry is
 * written, Firefox quits, and a new Firefox on the same profile shows the same rows. The harness
 * installs the build as a temporary add-on at each launch under the same pinned UUID, so the same
 * `moz-extension://` origin finds its IndexedDB in the profile again. Seen failing when that
 * storage folder is deleted between launches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type FirefoxSession, launchFirefox } from './harness/firefox.ts';
import { DIST_FIREFOX, SAMPLE_TITLE, SAMPLE_TRUST_CENTER } from './paths.ts';
import { DUMP_DATABASE, submitDemoEntry, textOf, visitless } from './probes.ts';
import { waitInSidebar } from './sidebar-wait.ts';

let server: StaticServer;
let profileDir: string;
let firefox: FirefoxSession | undefined;

const NOTE = 'Asked for the pen-test summary; promised by Friday';

/** Launches Firefox on the kept profile, with the vendor page open and readable. */
async function start(): Promise<FirefoxSession> {
  const session = await launchFirefox({ extensionDir: DIST_FIREFOX, profileDir });
  await waitInSidebar(session, `document.querySelector('h1')?.textContent === 'Vendor Review'`);
  const tab = await session.openTab(server.url);
  await session.waitFor(tab, `document.documentElement.dataset.rendered === 'true'`);
  await session.grantHostPermissions(['http://127.0.0.1/*']);
  await session.sidebarEvaluate(`document.querySelector('#read-again')?.click()`);
  await waitInSidebar(session, `${textOf('#page-title')} === ${JSON.stringify(SAMPLE_TITLE)}`);
  return session;
}

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  profileDir = mkdtempSync(join(tmpdir(), 'vr-ff-restart-'));
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

describe('durability in Firefox', () => {
  test('a review with a note and a demo entry is there, row for row, after Firefox quits and starts again', async () => {
    firefox = await start();
    const first = firefox;
    await first.sidebarEvaluate(`document.querySelector('form button[type=submit]').click()`);
    await waitInSidebar(first, `document.querySelector('#demo-start')`);
    await first.sidebarEvaluate(`(() => {
      const area = document.querySelector('textarea[data-note-scope="review"]');
      area.value = ${JSON.stringify(NOTE)};
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.dispatchEvent(new Event('blur'));
      document.querySelector('#demo-start').click();
      return true;
    })()`);
    await waitInSidebar(first, `document.querySelector('#demo-entry')`);
    await first.sidebarEvaluate(submitDemoEntry('+ #rev Revoked the token live; the next call failed'));
    await waitInSidebar(first, `document.querySelectorAll('#demo .demo-log li[data-entry]').length === 1`);
    const before = await first.sidebarEvaluate<string>(DUMP_DATABASE);
    expect(JSON.parse(before).notes).toHaveLength(1);
    await first.close();
    firefox = undefined;

    firefox = await start();
    await waitInSidebar(
      firefox,
      `document.querySelectorAll('#demo .demo-log li[data-entry]').length === 1`,
      20_000,
    );
    expect(
      await firefox.sidebarEvaluate<string>(
        `document.querySelector('textarea[data-note-scope="review"]').value`,
      ),
    ).toBe(NOTE);
    expect(await firefox.sidebarEvaluate<string>(textOf('#checklist li[data-control="revocation"]'))).toMatch(
      /Proven/,
    );
    expect(visitless(await firefox.sidebarEvaluate<string>(DUMP_DATABASE))).toEqual(visitless(before));
  });

  test('a note typed and the sidebar closed mid-sentence is saved when the sidebar opens again', async () => {
    if (!firefox) throw new Error('the restarted Firefox is not running');
    const session = firefox;
    const more = `${NOTE}; the bridge letter is still missing`;
    await session.sidebarEvaluate(`(() => {
      const area = document.querySelector('textarea[data-note-scope="review"]');
      area.focus();
      area.value = ${JSON.stringify(more)};
      area.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    })()`);
    // Closed at once: no pause for the debounced save, no blur first.
    await session.closeSidebar();
    expect(await session.isSidebarOpen()).toBe(false);
    await session.openSidebar();
    await waitInSidebar(
      session,
      `document.querySelector('textarea[data-note-scope="review"]')?.value === ${JSON.stringify(more)}`,
    );
    await waitInSidebar(session, `${textOf('textarea[data-note-scope="review"] + span')} === 'Saved'`);
    const notes = JSON.parse(await session.sidebarEvaluate<string>(DUMP_DATABASE)).notes as Array<{
      text: string;
    }>;
    expect(notes.map((n) => n.text)).toEqual([more]);
  });
});
