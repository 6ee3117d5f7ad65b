/**
 * The toolbar popup in real Firefox, opened the way a click on our toolbar button opens it (the
 * browser action's own trigger, which also grants activeTab): with no host permission granted,
 * *Read this page* reads the vendor's tab, *Add selected text* adds the page's selection to a new
 * review. Its *Open side panel* button is not tested here: Firefox opens a sidebar only inside a
 * real input event, and a script's click in the popup is not one.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type FirefoxSession, launchFirefox } from './harness/firefox.ts';
import { DIST_FIREFOX, SAMPLE_TITLE, SAMPLE_TRUST_CENTER } from './paths.ts';
import { DUMP_DATABASE, textOf } from './probes.ts';
import { waitInSidebar } from './sidebar-wait.ts';

let server: StaticServer;
let firefox: FirefoxSession;
let vendorTab: string;

/** Waits in the popup until the expression is truthy. */
async function popupWaitFor(expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await firefox.popupEvaluate<boolean>(`Boolean(${expression})`).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms in the popup: ${expression}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  firefox = await launchFirefox({ extensionDir: DIST_FIREFOX });
  // Firefox opens the sidebar on install; close it, so that only the popup talks to the background.
  await waitInSidebar(firefox, `document.querySelector('h1')?.textContent === 'Vendor Review'`);
  await firefox.closeSidebar();
  vendorTab = await firefox.openTab(server.url);
  await firefox.waitFor(vendorTab, `document.documentElement.dataset.rendered === 'true'`);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('the toolbar popup in Firefox', () => {
  test('a click on the toolbar button opens the popup and lets it read the tab, with no host permission', async () => {
    await firefox.clickToolbarButton();
    await popupWaitFor(`document.querySelector('#read-page')?.disabled === false`);
    expect(await firefox.popupEvaluate<string>(textOf('#site-status'))).toContain('127.0.0.1');
    // No host permission is held: the click alone lets the popup read this tab.
    expect(
      await firefox.popupEvaluate<string[]>(`browser.permissions.getAll().then((p) => p.origins)`),
    ).toEqual([]);
    await firefox.popupEvaluate(`document.querySelector('#read-page').click()`);
    await popupWaitFor(`${textOf('[role=status]')}.includes('characters of text')`);
    expect(await firefox.popupEvaluate<string>(textOf('[role=status]'))).toContain(SAMPLE_TITLE);
  });

  test('Add selected text adds the page selection to a new review, with its audit event', async () => {
    await firefox.evaluate(
      vendorTab,
      `(() => {
        const target = [...document.querySelectorAll('p, li')].find((e) => /revok/i.test(e.textContent));
        getSelection().selectAllChildren(target);
        return getSelection().toString();
      })()`,
    );
    await firefox.popupEvaluate(`document.querySelector('#add-selection').click()`);
    await popupWaitFor(`${textOf('[role=status]')}.startsWith('Added to the review of')`);
    const rows = JSON.parse(await firefox.popupEvaluate<string>(DUMP_DATABASE));
    expect(rows.reviews).toHaveLength(1);
    expect(rows.claims).toHaveLength(1);
    expect(rows.claims[0].origin).toBe('selection');
    expect(rows.events.map((e: { action: string }) => e.action)).toContain('claim.keep');
  });
});
