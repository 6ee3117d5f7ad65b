/**
 * The reviewer's workspace in real Chromium: scan the sample trust center, tag claims with the
 * keyboard and the mouse, raise a red flag, watch the verdict change, undo, override with a
 * reason, and verify the audit trail.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type ChromiumSession, type ExtensionTarget, launchChromium } from './harness/chromium.ts';
import { closePanel, keysOnClaim as keysOnOwnPanel, openPanelFor } from './panel-actions.ts';
import { DIST_CHROME, SAMPLE_TRUST_CENTER } from './paths.ts';
import { textOf } from './probes.ts';

let server: StaticServer;
let browser: ChromiumSession;
let vendor: Page;
let panel: ExtensionTarget;
let vendorStorageBefore: string;

/** Everything the vendor's page keeps in the browser: it must be exactly the same after we read it. */
const vendorStorage = () =>
  vendor.evaluate(async () => {
    const dump = (s: Storage) =>
      Object.fromEntries(
        Object.keys(s)
          .sort()
          .map((k) => [k, s.getItem(k)]),
      );
    const dbs = (await indexedDB.databases()).map((d) => `${d.name}@${d.version}`).sort();
    return JSON.stringify({
      local: dump(localStorage),
      session: dump(sessionStorage),
      cookie: document.cookie,
      dbs,
    });
  });

const text = textOf;
const status = (control: string) =>
  `document.querySelector('#checklist li[data-control="${control}"]')?.dataset.status`;

const keysOnClaim = (pattern: string, ...keys: string[]) => keysOnOwnPanel(panel, pattern, ...keys);

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  browser = await launchChromium({ extensionDir: DIST_CHROME });
  vendor = await browser.context.newPage();
  await vendor.goto(server.url);
  await vendor.waitForSelector('html[data-rendered="true"]');
  // The vendor's own storage, which the extension must never touch.
  await vendor.evaluate(async () => {
    localStorage.setItem('vendor-pref', 'dark');
    sessionStorage.setItem('vendor-session', 'abc');
    // biome-ignore lint/suspicious/noDocumentCookie: the vendor page's own cookie, set as a page would.
    document.cookie = 'vendor_cookie=1; path=/';
    await new Promise((done) => {
      const request = indexedDB.open('vendor-app-db', 3);
      request.onupgradeneeded = () => request.result.createObjectStore('things');
      request.onsuccess = () => {
        request.result.close();
        done(undefined);
      };
    });
  });
  vendorStorageBefore = await vendorStorage();
  panel = await openPanelFor(browser, vendor);
  await panel.waitFor(`document.querySelector('form button[type=submit]')`);
  await panel.evaluate(`document.querySelector('form button[type=submit]').click()`);
  await panel.waitFor(`document.querySelector('#verdict')`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the workspace in Chromium', () => {
  test('a new review starts as a governed pilot with all five proof points missing', async () => {
    expect(await panel.evaluate<string>(`document.querySelector('#verdict').dataset.verdict`)).toBe(
      'governed-pilot',
    );
    for (const c of ['workload-identity', 'tenant-isolation', 'jit-access', 'revocation', 'auditability']) {
      expect(await panel.evaluate<string>(status(c))).toBe('missing');
    }
    expect(await panel.evaluate<string>(text('#verdict-rule'))).toMatch(/governed pilot/i);
  });

  test('tagging the five proof points as evidence with the keyboard makes it an enterprise candidate', async () => {
    await panel.evaluate(`document.querySelector('#scan-button').click()`);
    await panel.waitFor(`document.querySelector('#scan')?.dataset.state === 'done'`, 20_000);
    // "e" tags evidence for the claim's suggested control; "1"–"5" would pick another.
    await keysOnClaim('/X\\.509 SPIFFE SVID/', 'e');
    await panel.waitFor(`${status('workload-identity')} === 'proven'`);
    await keysOnClaim('/per-tenant|row-level security/i', 'e');
    await keysOnClaim('/expire after|scoped/i', 'e');
    await keysOnClaim('/revoke/i', 'e');
    await keysOnClaim('/actor/i', 'e');
    await panel.waitFor(
      `['workload-identity','tenant-isolation','jit-access','revocation','auditability'].every((c) => document.querySelector('#checklist li[data-control="' + c + '"]')?.dataset.status === 'proven')`,
      10_000,
    );
    await panel.waitFor(`document.querySelector('#verdict').dataset.verdict === 'enterprise-candidate'`);
  });

  test('tagged claims are highlighted on the page; clicking a highlight selects the claim in the panel', async () => {
    await vendor.waitForFunction(() => CSS.highlights.has('vendor-review-evidence'), undefined, {
      timeout: 10_000,
    });
    // Click in the middle of the highlighted SVID sentence on the vendor's page.
    const box = await vendor.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf('X.509 SPIFFE SVID');
        if (at >= 0) {
          const r = document.createRange();
          r.setStart(n, at);
          r.setEnd(n, at + 5);
          r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = r.getBoundingClientRect();
          return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        }
      }
      return null;
    });
    expect(box).not.toBeNull();
    await vendor.mouse.click(box?.x ?? 0, box?.y ?? 0);
    await panel.waitFor(
      `document.querySelector('#checklist li[data-selected="true"]')?.textContent.includes('SPIFFE')`,
    );
  });

  test('raising the "contact support to revoke" red flag makes it a prototype; undo restores a tag', async () => {
    await panel.evaluate(`[...document.querySelectorAll('#scan-groups li.claim')]
      .find((li) => /contact our support team/i.test(li.textContent))
      .querySelector('[data-raise="manual-revocation"]').click()`);
    await panel.waitFor(`document.querySelector('#verdict').dataset.verdict === 'prototype'`);
    expect(await panel.evaluate<string>(text('#verdict-decided-by'))).toContain(
      'Revocation depends on manual vendor intervention',
    );

    // Mouse: tag a marketing claim, then undo it with "u".
    await panel.evaluate(`[...document.querySelectorAll('#scan-groups li.claim')]
      .find((li) => /robust, enterprise-grade identity/.test(li.textContent))
      .querySelector('[data-verdict="marketing"]').click()`);
    await panel.waitFor(
      `[...document.querySelectorAll('#scan-groups li.claim')].find((li) => /robust, enterprise-grade identity/.test(li.textContent))?.dataset.tag === 'marketing'`,
    );
    await keysOnClaim('/robust, enterprise-grade identity/', 'u');
    await panel.waitFor(
      `[...document.querySelectorAll('#scan-groups li.claim')].find((li) => /robust, enterprise-grade identity/.test(li.textContent))?.dataset.tag === ''`,
    );
  });

  test('the verdict can be overridden only with a reason, and the override shows', async () => {
    await panel.evaluate(`document.querySelector('#override-verdict').click()`);
    await panel.evaluate(`document.querySelector('#verdict form button[type=submit]').click()`);
    await panel.waitFor(`${text('#verdict [role=alert]')}.includes('Write why')`);
    await panel.evaluate(`(() => {
      const area = document.querySelector('textarea[name=override-reason]');
      area.value = 'Vendor showed self-service revocation in the live demo on 2026-11-25.';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      document.querySelector('#verdict select').value = 'governed-pilot';
      document.querySelector('#verdict select').dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    // A separate step: the form's state updates after the input events are handled.
    await panel.evaluate(`document.querySelector('#verdict form button[type=submit]').click()`);
    await panel.waitFor(
      `document.querySelector('#verdict').dataset.verdict === 'governed-pilot' && document.querySelector('#verdict-override')`,
    );
    expect(await panel.evaluate<string>(text('#verdict-override'))).toContain('Computed: Prototype');
  });

  test('a claim whose text changed on the page is marked "changed since capture" and its evidence goes stale', async () => {
    await vendor.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n as Text;
        if (t.data.includes('X.509 SPIFFE SVID'))
          t.data = t.data.replace(/expires? after \d+ minutes/, 'expires after 24 hours');
      }
    });
    await panel.evaluate(`document.querySelector('#read-again').click()`);
    await panel.waitFor(`document.querySelector('#checklist li[data-anchor="changed"]')`, 15_000);
    expect(await panel.evaluate<string>(text('#checklist li[data-anchor="changed"]'))).toMatch(
      /Changed since capture\. Now: .*24 hours/,
    );
    await panel.waitFor(`${status('workload-identity')} === 'stale'`);
  });

  test('after a reload the highlights return', async () => {
    await vendor.reload();
    await vendor.waitForSelector('html[data-rendered="true"]');
    await vendor.waitForFunction(() => CSS.highlights.has('vendor-review-evidence'), undefined, {
      timeout: 15_000,
    });
    await panel.waitFor(`${status('workload-identity')} === 'proven'`, 15_000);
  });

  test('every change is in the history, and the audit trail verifies', async () => {
    await panel.evaluate(`document.querySelector('#verify-trail').click()`);
    await panel.waitFor(`${text('#trail-check')}.includes('intact')`);
    const actions = await panel.evaluate<string[]>(
      `[...document.querySelectorAll('#history-list li')].map((li) => li.dataset.action)`,
    );
    for (const a of ['claim.keep', 'claim.tag', 'claim.untag', 'redflag.raise', 'verdict.override'])
      expect(actions).toContain(a);
  });

  test('a note typed and the panel closed mid-sentence is there when the panel opens again', async () => {
    const sentence = 'Asked for the SOC 2 bridge letter; vendor promised it by Fri';
    await closePanel(
      panel,
      `const area = document.querySelector('textarea[data-note-scope="review"]');
      area.value = ${JSON.stringify(sentence)};
      area.dispatchEvent(new Event('input', { bubbles: true }))`,
    );
    await vendor.bringToFront();
    panel = await openPanelFor(browser, vendor, [panel.targetId]);
    await panel.waitFor(
      `document.querySelector('textarea[data-note-scope="review"]')?.value === ${JSON.stringify(sentence)}`,
    );
    await panel.waitFor(
      `[...document.querySelectorAll('#history-list li')].some((li) => li.dataset.action === 'note.edit')`,
    );
  });

  test('storage is requested as persistent and its size is shown', async () => {
    await panel.waitFor(`document.querySelector('#storage-status')`);
    expect(await panel.evaluate<string>(text('#storage-status'))).toMatch(/Stored in this browser: \d/);
  });

  test('text selected on a page not yet scanned is added to the review from the popup, and can be tagged', async () => {
    const docs = await browser.context.newPage();
    await docs.goto(`${server.url}docs.html`);
    await docs.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n as Text;
        const at = t.data.indexOf('SVIDs are valid for 15 minutes');
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(t, at);
          range.setEnd(t, at + 'SVIDs are valid for 15 minutes'.length);
          const selection = document.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          return;
        }
      }
      throw new Error('sentence not found');
    });
    const popup = await browser.clickToolbarButton(docs);
    await popup.waitFor(`document.querySelector('#add-selection')?.disabled === false`);
    await popup.evaluate(`document.querySelector('#add-selection').click()`);
    await popup.waitFor(
      `${text('[role=status].notice, .notice')}.includes('Added to the review of Kestrel Meridian AI')`,
    );
    await panel.waitFor(`${text('#captured')}.includes('SVIDs are valid for 15 minutes')`, 15_000);
    await panel.evaluate(`document.querySelector('#captured li.claim').focus()`);
    await panel.cdp('Input.dispatchKeyEvent', { type: 'keyDown', key: 'e', text: 'e' });
    await panel.cdp('Input.dispatchKeyEvent', { type: 'keyUp', key: 'e' });
    await panel.waitFor(`document.querySelector('#captured li.claim')?.dataset.tag === 'evidence'`);
  });

  test('two panels in two windows on one review stay in sync, and both can change it', async () => {
    // Its own address: the toolbar click is aimed at a tab by its URL.
    const second = await browser.newWindow(`${server.url}?window=2`);
    await second.waitForSelector('html[data-rendered="true"]');
    const other = await openPanelFor(browser, second, [panel.targetId]);
    await other.waitFor(`document.querySelector('#verdict')`);
    const verdictIn = (p: ExtensionTarget) =>
      p.evaluate<string>(`document.querySelector('#verdict').dataset.verdict`);
    expect(await verdictIn(other)).toBe(await verdictIn(panel));

    // Panel one raises a red flag by hand; panel two sees it.
    await panel.evaluate(`(() => {
      document.querySelector('#raise-red-flag').open = true;
      const select = document.querySelector('#raise-red-flag select[name=flag]');
      select.value = 'logs-without-actor';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    await panel.evaluate(`document.querySelector('#raise-red-flag button[type=submit]').click()`);
    await other.waitFor(
      `document.querySelector('#red-flag-list li[data-flag="logs-without-actor"]')`,
      10_000,
    );
    // Panel two resolves it; panel one sees that.
    await other.evaluate(
      `document.querySelector('#red-flag-list li[data-flag="logs-without-actor"] button').click()`,
    );
    await panel.waitFor(
      `document.querySelector('#red-flag-list li[data-flag="logs-without-actor"]')?.dataset.resolved === 'true'`,
      10_000,
    );
    await panel.evaluate(`document.querySelector('#verify-trail').click()`);
    await panel.waitFor(`${text('#trail-check')}.includes('intact')`);
    await second.close();
  });

  test("a claim's own history lists its changes", async () => {
    await panel.evaluate(`(() => {
      const li = document.querySelector('#checklist li[data-control="workload-identity"]');
      if (li.querySelector('.group-header').getAttribute('aria-expanded') !== 'true') li.querySelector('.group-header').click();
    })()`);
    await panel.waitFor(
      `document.querySelector('#checklist li[data-control="workload-identity"] details.claim-history')`,
    );
    await panel.evaluate(
      `(() => { const d = document.querySelector('#checklist li[data-control="workload-identity"] details.claim-history'); d.open = true; d.dispatchEvent(new Event('toggle')); })()`,
    );
    await panel.waitFor(
      `[...document.querySelectorAll('#checklist details.claim-history li')].some((li) => li.dataset.action === 'claim.tag')`,
    );
  });

  test("the vendor's localStorage, sessionStorage, cookies and IndexedDB are exactly as before", async () => {
    // Scans, highlights, re-anchoring, selections and a reload later:
    expect(await vendorStorage()).toBe(vendorStorageBefore);
    expect(vendorStorageBefore).toContain('vendor-app-db@3');
  });
});
