/**
 * A live demo in real Firefox, in the real sidebar, on the sample trust center — the Chromium
 * flow: entries with prefixes and hotkeys, said switched to shown, follow-up questions, a reload
 * mid-entry that loses nothing. Capture differs: the sidebar's button is refused in plain words
 * (Firefox grants activeTab only on the toolbar button, a menu or a shortcut — and BiDi can click
 * none of them), while the keyboard command, fired as its shortcut fires it, captures the tab
 * into the running demo with the hash of the stored image.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type FirefoxSession, launchFirefox } from './harness/firefox.ts';
import { DIST_FIREFOX, SAMPLE_TITLE, SAMPLE_TRUST_CENTER } from './paths.ts';
import {
  DUMP_DATABASE,
  STORED_SCREENSHOTS,
  type StoredScreenshot,
  submitDemoEntry,
  textOf,
} from './probes.ts';
import { waitInSidebar } from './sidebar-wait.ts';

let server: StaticServer;
let firefox: FirefoxSession;
let vendorTab: string;

const wait = (expression: string, timeoutMs = 10_000) => waitInSidebar(firefox, expression, timeoutMs);
const status = (control: string) =>
  `document.querySelector('#checklist li[data-control="${control}"]')?.dataset.status`;
const entryCount = `document.querySelectorAll('#demo .demo-log li[data-entry]').length`;
const entry = (pattern: string) =>
  `[...document.querySelectorAll('#demo .demo-log li[data-entry]')].find((li) => ${pattern}.test(li.querySelector('.entry-text')?.textContent ?? ''))`;

/**
 * Types a line and presses Enter. The sidebar is not a BiDi browsing context, so its keys are
 * KeyboardEvents dispatched on the field (as in the other Firefox tests).
 */
async function logEntry(line: string): Promise<void> {
  const before = await firefox.sidebarEvaluate<number>(entryCount);
  await firefox.sidebarEvaluate(submitDemoEntry(line));
  await wait(`${entryCount} === ${before + 1}`).catch(async (error: Error) => {
    const said = await firefox.sidebarEvaluate<string>(textOf('#demo-entry-status'));
    throw new Error(`${error.message.slice(0, 200)}\nThe entry line says: ${said}`);
  });
}

async function hotkey(code: string): Promise<void> {
  await firefox.sidebarEvaluate(`document.querySelector('#demo-entry').dispatchEvent(
    new KeyboardEvent('keydown', { key: 'x', code: ${JSON.stringify(code)}, altKey: true, bubbles: true, cancelable: true }))`);
}

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  firefox = await launchFirefox({ extensionDir: DIST_FIREFOX });
  await wait(`document.querySelector('h1')?.textContent === 'Vendor Review'`);
  vendorTab = await firefox.openTab(server.url);
  await firefox.waitFor(vendorTab, `document.documentElement.dataset.rendered === 'true'`);
  // What "Read all of 127.0.0.1" asks for: BiDi cannot click the toolbar button for activeTab.
  await firefox.grantHostPermissions(['http://127.0.0.1/*']);
  await firefox.sidebarEvaluate(`document.querySelector('#read-again')?.click()`);
  await wait(`${textOf('#page-title')} === ${JSON.stringify(SAMPLE_TITLE)}`);
  await firefox.sidebarEvaluate(`document.querySelector('form button[type=submit]').click()`);
  await wait(`document.querySelector('#verdict') && document.querySelector('#demo-start')`);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('a live demo in Firefox', () => {
  test('a demo starts with a running clock', async () => {
    await firefox.sidebarEvaluate(`document.querySelector('#demo-start').click()`);
    await wait(`document.querySelector('#demo-clock')`);
    await wait(`document.querySelector('#demo-clock').textContent !== '+0:00:00'`, 5_000);
  });

  test('prefixed and hotkey entries count on the checklist; said becomes evidence once shown', async () => {
    await logEntry("+ #rev Admin revoked the agent's token; the next API call failed with 401");
    await wait(`${status('revocation')} === 'proven'`);
    await logEntry('~ #aud Every agent action is logged with the acting identity');
    await wait(`${status('auditability')} === 'claimed-only'`);
    await hotkey('KeyE');
    await hotkey('Digit2');
    await wait(`/Evidence · shown · Tenant isolation/.test(${textOf('#demo-mode')})`);
    await logEntry('Two tenants queried side by side: each saw only its own rows');
    await wait(`${status('tenant-isolation')} === 'proven'`);
    await firefox.sidebarEvaluate(`${entry('/acting identity/')}.querySelector('.basis').click()`);
    await wait(`${status('auditability')} === 'proven'`);
  });

  test('a question and a red flag; a mistyped control keeps the line', async () => {
    await logEntry('? Can tokens be scoped to a single tool call?');
    await logEntry("!manual To cut off a customer's integration, they open a ticket with support");
    await wait(`document.querySelector('#verdict').dataset.verdict === 'prototype'`);
    await firefox.sidebarEvaluate(submitDemoEntry('#foo mumbled'));
    await wait(`/Unknown control #foo/.test(${textOf('#demo-entry-status')})`);
    expect(await firefox.sidebarEvaluate<string>(`document.querySelector('#demo-entry').value`)).toBe(
      '#foo mumbled',
    );
  });

  test("the sidebar's capture button is refused in plain words (no activeTab grant)", async () => {
    await firefox.sidebarEvaluate(`document.querySelector('#demo-capture').click()`);
    await wait(`document.querySelector('#demo-status')?.getAttribute('role') === 'alert'`);
    expect(await firefox.sidebarEvaluate<string>(textOf('#demo-status'))).toMatch(
      /right after you use the extension on it/,
    );
  });

  test('the keyboard command captures the tab into the running demo, on its latest entry, with the stored hash', async () => {
    await firefox.runCommand('capture-screenshot');
    await wait(`${entry('/open a ticket with support/')}?.querySelector('[data-screenshot] img')`, 15_000);
    const [stored] = await firefox.sidebarEvaluate<StoredScreenshot[]>(STORED_SCREENSHOTS);
    if (!stored) throw new Error('no screenshot stored');
    expect(stored.hash).toBe(stored.recorded);
    expect(stored.size).toBeGreaterThan(1000);
    expect(
      await firefox.sidebarEvaluate<string>(
        `${entry('/open a ticket with support/')}.querySelector('.hash').textContent`,
      ),
    ).toBe(stored.hash.slice(0, 12));
    expect(await firefox.sidebarEvaluate<string>(textOf('#demo-storage'))).toMatch(/^1 screenshot · \d/);
  });

  test('follow-up questions are drafted for the missing proof points, the red flag and the demo question', async () => {
    await wait(`document.querySelectorAll('#follow-ups li[data-follow-up]').length > 0`);
    const keys = await firefox.sidebarEvaluate<string[]>(
      `[...document.querySelectorAll('#follow-ups li[data-follow-up]')].map((li) => li.dataset.followUp)`,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'control:workload-identity',
        'control:jit-access',
        'red-flag:manual-revocation',
      ]),
    );
    expect(keys).not.toContain('control:revocation');
    expect(
      await firefox.sidebarEvaluate<string>(
        `document.querySelector('textarea[data-note-scope="follow-up"]').value`,
      ),
    ).toMatch(/scoped to a single tool call/);
  });

  test('text selected on the page is added to the review by the keyboard command (Alt+Shift+A), as its shortcut does', async () => {
    await firefox.evaluate(
      vendorTab,
      `(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.data.indexOf('X.509 SPIFFE SVID');
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + 'X.509 SPIFFE SVID'.length);
          document.getSelection().removeAllRanges();
          document.getSelection().addRange(range);
          return true;
        }
        throw new Error('sentence not found');
      })()`,
    );
    await firefox.runCommand('add-to-review');
    await wait(`/X.509 SPIFFE SVID/.test(${textOf('#captured')})`, 15_000);
  });

  test('the sidebar reloaded mid-entry loses nothing', async () => {
    await firefox.sidebarEvaluate(`(() => {
      const input = document.querySelector('#demo-entry');
      input.value = '#jit Tokens are minted per task and expire after 15 minu';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      location.reload();
      return true;
    })()`);
    // Both at once: the old document still shows the line until the reload replaces it.
    await wait(
      `${entryCount} === 5 && document.querySelector('#demo-entry')?.value === '#jit Tokens are minted per task and expire after 15 minu'`,
      15_000,
    );
  });

  test('the extension reloaded (as about:debugging does) keeps every row, and the demo is back in the sidebar', async () => {
    const before = await firefox.sidebarEvaluate<string>(DUMP_DATABASE);
    expect(JSON.parse(before).attachments).toHaveLength(1);
    await firefox.reloadExtension();
    await wait(`document.querySelector('h1')?.textContent === 'Vendor Review'`, 20_000);
    await firefox.sidebarEvaluate(`document.querySelector('#read-again')?.click()`);
    await wait(`${entryCount} === 5`, 20_000);
    // The reopened sidebar records its visit to the page (the source's last capture, the review's
    // update time); every other field of every row is as it was.
    const visitless = (dump: string) => {
      const all = JSON.parse(dump);
      for (const r of all.reviews) delete r.updatedAt;
      for (const s of all.sources) delete s.lastCapturedAt;
      return all;
    };
    expect(visitless(await firefox.sidebarEvaluate<string>(DUMP_DATABASE))).toEqual(visitless(before));
    // Thumbnails load lazily: bring it into view first.
    await firefox.sidebarEvaluate(
      `document.querySelector('#demo .demo-log [data-screenshot]').scrollIntoView()`,
    );
    await wait(`document.querySelector('#demo .demo-log [data-screenshot] img')?.complete`);
  });
});
