/**
 * A live demo in real Chromium, on the sample trust center: start a session, log entries with
 * prefixes and hotkeys, switch one from said to shown, capture a screenshot of the demo tab (real
 * `tabs.captureVisibleTab`, allowed by the toolbar click's activeTab grant) and check its hash
 * against the stored image, remove it with a reason, draft follow-up questions, and close the
 * panel mid-entry without losing the line. A tab the extension was never used on is refused with
 * a plain sentence.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type ChromiumSession, type ExtensionTarget, launchChromium } from './harness/chromium.ts';
import { closePanel, openPanelFor } from './panel-actions.ts';
import { DIST_CHROME, resultsDir, SAMPLE_TRUST_CENTER } from './paths.ts';
import { DUMP_DATABASE, STORED_SCREENSHOTS, type StoredScreenshot, textOf } from './probes.ts';

let server: StaticServer;
let browser: ChromiumSession;
let vendor: Page;
let panel: ExtensionTarget;

const status = (control: string) =>
  `document.querySelector('#checklist li[data-control="${control}"]')?.dataset.status`;
const entryCount = `document.querySelectorAll('#demo .demo-log li[data-entry]').length`;

/** Types a line into the quick-entry field as keystrokes would, then presses Enter. */
async function logEntry(line: string): Promise<void> {
  const before = await panel.evaluate<number>(entryCount);
  await typeLine(line);
  await pressKey('Enter', 'Enter');
  await panel.waitFor(`${entryCount} === ${before + 1}`);
}

async function typeLine(line: string): Promise<void> {
  await panel.evaluate(`document.querySelector('#demo-entry').focus()`);
  await panel.cdp('Input.insertText', { text: line });
}

/** A real key press (with Alt when `alt`), as the panel's keydown handler receives it. */
async function pressKey(key: string, code: string, alt = false): Promise<void> {
  const modifiers = alt ? 1 : 0;
  await panel.cdp('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code, modifiers });
  await panel.cdp('Input.dispatchKeyEvent', { type: 'keyUp', key, code, modifiers });
}

/** The entry whose text matches, as the log shows it. */
const entry = (pattern: string) =>
  `[...document.querySelectorAll('#demo .demo-log li[data-entry]')].find((li) => ${pattern}.test(li.querySelector('.entry-text')?.textContent ?? ''))`;

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  browser = await launchChromium({ extensionDir: DIST_CHROME });
  vendor = await browser.context.newPage();
  await vendor.goto(server.url);
  await vendor.waitForSelector('html[data-rendered="true"]');
  panel = await openPanelFor(browser, vendor);
  await panel.waitFor(`document.querySelector('form button[type=submit]')`);
  await panel.evaluate(`document.querySelector('form button[type=submit]').click()`);
  await panel.waitFor(`document.querySelector('#verdict') && document.querySelector('#demo-start')`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a live demo in Chromium', () => {
  test('starting a demo shows a running clock and focuses the entry line', async () => {
    expect(await panel.evaluate<string>(textOf('#demo'))).toMatch(/log what they say and show/);
    await panel.evaluate(`document.querySelector('#demo-start').click()`);
    await panel.waitFor(`document.querySelector('#demo-clock')`);
    expect(await panel.evaluate<string>(textOf('#demo-clock'))).toMatch(/^\+0:00:0\d$/);
    await panel.waitFor(`document.querySelector('#demo-clock').textContent !== '+0:00:00'`, 5_000);
    expect(await panel.evaluate<string>(`document.activeElement?.id`)).toBe('demo-entry');
  });

  test('prefixed entries are stamped and count on the checklist: shown is evidence, said is marketing', async () => {
    await logEntry(
      "+ #rev Admin revoked the agent's token in the console; the next API call failed with 401",
    );
    await panel.waitFor(`${status('revocation')} === 'proven'`);
    const row = await panel.evaluate<{ kind: string; offset: string; basis: string }>(`(() => {
      const li = ${entry('/revoked the agent/')};
      return { kind: li.dataset.kind, offset: li.querySelector('.offset').textContent, basis: li.querySelector('.basis').textContent };
    })()`);
    expect(row).toEqual({ kind: 'evidence', offset: expect.stringMatching(/^\+0:00:\d\d$/), basis: 'Shown' });

    await logEntry('~ #aud Every agent action is logged with the acting identity');
    await panel.waitFor(`${status('auditability')} === 'claimed-only'`);
    // The checklist shows where the claim came from.
    await panel.evaluate(
      `document.querySelector('#checklist li[data-control="auditability"] .group-header').click()`,
    );
    await panel.waitFor(
      `document.querySelector('#checklist li[data-control="auditability"] [data-demo-entry]')`,
    );
    expect(
      await panel.evaluate<string>(
        `document.querySelector('#checklist li[data-control="auditability"] [data-demo-entry]')?.textContent ?? ''`,
      ),
    ).toMatch(/Live demo \+0:00:\d\d · said/);
  });

  test('hotkeys preset the kind and control of the next entries', async () => {
    await panel.evaluate(`document.querySelector('#demo-entry').focus()`);
    await pressKey('e', 'KeyE', true);
    await pressKey('2', 'Digit2', true);
    await panel.waitFor(`/Evidence · shown · Tenant isolation/.test(${textOf('#demo-mode')})`);
    await logEntry('Two tenants queried side by side: each saw only its own rows');
    await panel.waitFor(`${status('tenant-isolation')} === 'proven'`);
    await panel.evaluate(
      `[...document.querySelectorAll('#demo button')].find((b) => b.textContent === 'Clear mode').click()`,
    );
  });

  test('a question, a red flag with its prefix, and a mistyped control that keeps the line', async () => {
    await logEntry('? Can tokens be scoped to a single tool call?');
    expect(await panel.evaluate<string>(`${entry('/scoped to a single tool call/')}.dataset.kind`)).toBe(
      'question',
    );
    await logEntry("!manual To cut off a customer's integration, they open a ticket with support");
    await panel.waitFor(`document.querySelector('#verdict').dataset.verdict === 'prototype'`);
    expect(await panel.evaluate<string>(textOf('#red-flags'))).toMatch(/manual vendor intervention/i);

    await typeLine('#foo the vendor mumbled');
    await pressKey('Enter', 'Enter');
    await panel.waitFor(`/Unknown control #foo/.test(${textOf('#demo-entry-status')})`);
    expect(await panel.evaluate<string>(`document.querySelector('#demo-entry').value`)).toBe(
      '#foo the vendor mumbled',
    );
    await panel.evaluate(`(() => {
      const input = document.querySelector('#demo-entry');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
  });

  test('hostile text typed or pasted into an entry is shown as text and runs nothing', async () => {
    const hostile = `n: <img src=x onerror="window.__pwned=1"> [x](javascript:alert(1)) =HYPERLINK("http://e.example")`;
    await logEntry(hostile);
    const shown = await panel.evaluate<{ text: string; images: number; pwned: boolean }>(`(() => {
      const li = ${entry('/HYPERLINK/')};
      return { text: li.querySelector('.entry-text').textContent, images: li.querySelectorAll('.entry-text img').length, pwned: window.__pwned === 1 };
    })()`);
    expect(shown).toEqual({ text: hostile.slice(3), images: 0, pwned: false });
  });

  test('an entry switched from said to shown becomes evidence', async () => {
    await panel.evaluate(`${entry('/acting identity/')}.querySelector('.basis').click()`);
    await panel.waitFor(`${status('auditability')} === 'proven'`);
    expect(await panel.evaluate<string>(`${entry('/acting identity/')}.dataset.kind`)).toBe('evidence');
  });

  test('a screenshot of the demo tab is attached to the selected entry, with the hash of the stored image', async () => {
    await panel.evaluate(`${entry('/revoked the agent/')}.querySelector('.offset').click()`);
    await panel.evaluate(`document.querySelector('#demo-capture').click()`);
    await panel.waitFor(`/SHA-256 [0-9a-f]{64}/.test(${textOf('#demo-status')})`, 10_000);
    const shown = (await panel.evaluate<string>(textOf('#demo-status'))).match(/[0-9a-f]{64}/)?.[0];
    await panel.waitFor(`${entry('/revoked the agent/')}.querySelector('[data-screenshot] img')`);

    // The hash shown is the SHA-256 of the image bytes stored in IndexedDB.
    const [stored] = await panel.evaluate<StoredScreenshot[]>(STORED_SCREENSHOTS);
    if (!stored) throw new Error('no screenshot stored');
    expect(stored.hash).toBe(shown);
    expect(stored.recorded).toBe(shown);
    expect(stored.type).toBe('image/jpeg');
    expect(stored.size).toBeGreaterThan(1000);
    expect(await panel.evaluate<string>(textOf('#demo-storage'))).toMatch(/^1 screenshot · \d/);

    // The full view shows the whole hash.
    await panel.evaluate(`${entry('/revoked the agent/')}.querySelector('[data-screenshot]').click()`);
    await panel.waitFor(`document.querySelector('#screenshot-viewer')?.open`);
    expect(await panel.evaluate<string>(textOf('#screenshot-sha256'))).toBe(shown);
    await panel.waitFor(`document.querySelector('#screenshot-viewer img.full-shot')?.naturalWidth > 100`);
    await panel.screenshot(join(resultsDir('demo'), 'screenshot-viewer.png'));
    writeFileSync(join(resultsDir('demo'), 'hash.txt'), `${shown}\n`);
  });

  test('removing a screenshot needs a reason, keeps its hash and is in the audit trail', async () => {
    await panel.evaluate(`document.querySelector('#screenshot-remove').click()`);
    // An empty reason is refused by the form itself; the image stays.
    expect(await panel.evaluate<boolean>(`document.querySelector('#screenshot-viewer').open`)).toBe(true);
    await panel.evaluate(`(() => {
      const input = document.querySelector('#screenshot-remove-reason');
      input.value = 'Shows another customer\\'s name';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    await panel.evaluate(`document.querySelector('#screenshot-remove').click()`);
    await panel.waitFor(`!document.querySelector('#screenshot-viewer')`);
    await panel.waitFor(`${entry('/revoked the agent/')}.querySelector('[data-screenshot].removed')`);
    expect(await panel.evaluate<string>(textOf('#demo-storage'))).toMatch(/^0 screenshots/);
    await panel.waitFor(
      `[...document.querySelectorAll('#history-list li')].some((li) => li.dataset.action === 'screenshot.remove')`,
    );
  });

  test('a tab the extension was never used on is refused in plain words', async () => {
    const other = await browser.context.newPage();
    await other.goto(`${server.url}docs.html`);
    await other.bringToFront();
    await panel.evaluate(`document.querySelector('#demo-capture').click()`);
    await panel.waitFor(`document.querySelector('#demo-status')?.getAttribute('role') === 'alert'`, 10_000);
    expect(await panel.evaluate<string>(textOf('#demo-status'))).toMatch(
      /only lets Vendor Review capture a tab right after you use the extension on it/,
    );
    await other.close();
    await vendor.bringToFront();
  });

  test('the exports carry the demo log: the HTML report inlines the screenshot, Markdown lists it by hash', async () => {
    // Scrolled (and painted), so this picture differs from the removed one: the same pixels give the same hash.
    await vendor.evaluate(async () => {
      window.scrollTo(0, 600);
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    });
    await panel.evaluate(`document.querySelector('#demo-capture').click()`);
    await panel.waitFor(`/Screenshot kept/.test(${textOf('#demo-status')})`, 10_000);
    const hash = (await panel.evaluate<string>(textOf('#demo-status'))).match(/[0-9a-f]{64}/)?.[0] ?? '';
    const preview = async (format: string) => {
      await panel.evaluate(`(() => {
        const select = document.querySelector('#export-format');
        select.value = ${JSON.stringify(format)};
        select.dispatchEvent(new Event('change', { bubbles: true }));
      })()`);
      await panel.waitFor(`!document.querySelector('#export-preview-text')`);
      await panel.evaluate(`document.querySelector('#export-preview').click()`);
      await panel.waitFor(`document.querySelector('#export-preview-text')?.value.length > 0`, 20_000);
      return panel.evaluate<string>(`document.querySelector('#export-preview-text').value`);
    };
    const html = await preview('html');
    expect(html).toContain('<h2>Live demo</h2>');
    expect(html).toMatch(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/=]{1000,}"/);
    expect(html).toContain(hash);
    // The removed one shows as a tombstone with its reason, not as an image.
    expect(html).toMatch(/Image removed:[^<]*Shows another customer/);
    const md = await preview('md');
    // Markdown escapes the punctuation of a file name (`screenshot\-….jpg` renders as `screenshot-….jpg`).
    expect(md).toMatch(new RegExp(`screenshot\\\\?-${hash.slice(0, 12)}\\\\?\\.jpg`));
    expect(md).toContain(hash);
    expect(md).toMatch(/Revoked|revoked the agent/);
    const json = JSON.parse(await preview('json'));
    const shots = json.reviews[0].attachments as Array<{ sha256: string; data?: string }>;
    expect(shots).toHaveLength(2);
    const kept = shots.filter((a) => a.data !== undefined);
    expect(kept.map((a) => a.sha256)).toEqual([hash]);
    expect(kept[0]?.data?.length).toBeGreaterThan(1000);
    // The removed screenshot is in the backup as its record (hash, reason), without the image.
    expect(shots.filter((a) => a.data === undefined)).toHaveLength(1);
  });

  test('follow-up questions are drafted for the missing proof points and the red flag', async () => {
    await panel.waitFor(`document.querySelectorAll('#follow-ups li[data-follow-up]').length > 0`);
    const keys = await panel.evaluate<string[]>(
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
    const message = await panel.evaluate<string>(
      `document.querySelector('textarea[data-note-scope="follow-up"]').value`,
    );
    expect(message).toMatch(/Kestrel Meridian/);
    expect(message).toMatch(/scoped to a single tool call/);
  });

  test('the service worker stopped at five moments of a capture: each screenshot is kept with its audit event, or not at all', async () => {
    await panel.cdp('ServiceWorker.enable');
    const outcomes: string[] = [];
    for (const delay of [0, 40, 80, 160, 320]) {
      // Chromium allows two captures a second; keep under it so each outcome is about the stop.
      await new Promise((r) => setTimeout(r, 600));
      // Every text the status line shows from the click on, so this capture's outcome is told from the last one's.
      await panel.evaluate(`(() => {
        window.__statuses = [];
        window.__statusWatch?.disconnect();
        window.__statusWatch = new MutationObserver(() => {
          const text = document.querySelector('#demo-status')?.textContent ?? '';
          if (window.__statuses.at(-1) !== text) window.__statuses.push(text);
        });
        window.__statusWatch.observe(document.querySelector('#demo'), { subtree: true, childList: true, characterData: true });
        document.querySelector('#demo-capture').click();
      })()`);
      await new Promise((r) => setTimeout(r, delay));
      await panel.cdp('ServiceWorker.stopAllWorkers');
      await panel.waitFor(
        `window.__statuses.some((t) => /Capturing/.test(t)) && !/Capturing/.test(window.__statuses.at(-1))`,
        15_000,
      );
      outcomes.push(await panel.evaluate<string>('window.__statuses.at(-1)'));
      const dump = JSON.parse(await panel.evaluate<string>(DUMP_DATABASE)) as {
        attachments: Array<{ id: string }>;
        events: Array<{ action: string; target: { id: string } }>;
      };
      const added = dump.events.filter((e) => e.action === 'screenshot.add').map((e) => e.target.id);
      expect(added.sort()).toEqual(dump.attachments.map((a) => a.id).sort());
    }
    // Each capture either says it kept the screenshot or says why not, in words.
    for (const outcome of outcomes)
      expect(outcome).toMatch(
        /^(Screenshot kept|The browser stopped the extension’s background before it answered)/,
      );
    await panel.evaluate(`document.querySelector('#verify-trail').click()`);
    await panel.waitFor(`document.querySelector('#trail-check')?.textContent.includes('intact')`);
    writeFileSync(join(resultsDir('demo'), 'stopped-worker-outcomes.txt'), `${outcomes.join('\n')}\n`);
  });

  test('closing the panel mid-entry loses nothing: the line, the log and the clock are back', async () => {
    await typeLine('#jit Tokens are minted per task and expire after 15 minu');
    await closePanel(panel);
    await vendor.bringToFront();
    panel = await openPanelFor(browser, vendor, [panel.targetId]);
    await panel.waitFor(
      `document.querySelector('#demo-entry')?.value === '#jit Tokens are minted per task and expire after 15 minu'`,
    );
    expect(await panel.evaluate<number>(entryCount)).toBe(6);
    expect(await panel.evaluate<string>(textOf('#demo-clock'))).toMatch(/^\+0:0\d:\d\d$/);
    await panel.evaluate(`document.querySelector('#demo-stop').click()`);
    await panel.waitFor(
      `document.querySelector('#demo-start') && document.querySelector('details.past-demo')`,
    );
  });
});
