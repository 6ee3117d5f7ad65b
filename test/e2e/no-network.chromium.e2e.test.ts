/**
 * No network of our own, in real Chromium: a full flow — popup, side panel, review, scan, tag,
 * highlight, show, add a selection, verify, a live demo with a screenshot, exports, backup and
 * restore, options — recorded twice: every request of every page
 * and worker (the extension's service worker, panel, popup and options page, and the vendor's tab
 * where the content script runs) through CDP, and every byte the browser sends through a
 * recording proxy that forwards only the page under review. The extension's contexts may load
 * their own files and nothing else; the vendor's tab may reach only the vendor's server.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type ChromiumSession, launchChromium } from './harness/chromium.ts';
import { type RecordingProxy, startRecordingProxy } from './harness/recording-proxy.ts';
import { clickOpenPanel } from './panel-actions.ts';
import { DIST_CHROME, SAMPLE_TRUST_CENTER } from './paths.ts';

let server: StaticServer;
let proxy: RecordingProxy;
let browser: ChromiumSession;

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  proxy = await startRecordingProxy([new URL(server.url).origin]);
  browser = await launchChromium({ extensionDir: DIST_CHROME, proxy: proxy.url });
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.close();
});

describe('no network in Chromium', () => {
  test('a full review flow makes no request but the page’s own', async () => {
    const requests = await browser.recordRequests();
    const vendor = await browser.context.newPage();
    await vendor.goto(server.url);
    await vendor.waitForSelector('html[data-rendered="true"]');
    const popup = await browser.clickToolbarButton(vendor);
    await popup.waitFor(`document.querySelector('#open-panel')?.disabled === false`);
    await clickOpenPanel(popup);
    const panel = await browser.extensionTarget('src/sidepanel/index.html');
    await panel.waitFor(`document.querySelector('form button[type=submit]')`);
    await panel.evaluate(`document.querySelector('form button[type=submit]').click()`);
    await panel.waitFor(`document.querySelector('#scan-button')`);
    await panel.evaluate(`document.querySelector('#scan-button').click()`);
    await panel.waitFor(`document.querySelector('#scan')?.dataset.state === 'done'`, 20_000);
    // Tag one claim, show another on the page, add a selection, verify the trail, export, back up and restore.
    await panel.evaluate(`(() => {
      for (const b of document.querySelectorAll('#scan-groups .group-header[aria-expanded="false"]')) b.click();
      return true;
    })()`);
    await panel.evaluate(`document.querySelector('#scan-groups li.claim [data-verdict="evidence"]').click()`);
    await panel.waitFor(`document.querySelector('#checklist li[data-status="proven"]')`);
    await vendor.waitForFunction(() => CSS.highlights.has('vendor-review-evidence'), undefined, {
      timeout: 10_000,
    });
    await panel.evaluate(`[...document.querySelectorAll('#scan-groups .claim-button')].at(-1).click()`);
    await vendor.evaluate(() => {
      const p = document.querySelector('main p');
      if (!p) throw new Error('no paragraph');
      const range = document.createRange();
      range.selectNodeContents(p);
      document.getSelection()?.addRange(range);
    });
    const popup2 = await browser.clickToolbarButton(vendor);
    await popup2.waitFor(`document.querySelector('#add-selection')?.disabled === false`);
    await popup2.evaluate(`document.querySelector('#add-selection').click()`);
    await popup2.waitFor(`document.querySelector('.notice')?.textContent.includes('Added to the review')`);
    await panel.evaluate(`document.querySelector('#verify-trail').click()`);
    await panel.waitFor(`document.querySelector('#trail-check')?.textContent.includes('intact')`);
    // A live demo: an entry logged and a real screenshot of the vendor's tab kept (then shown as a thumbnail).
    await panel.evaluate(`document.querySelector('#demo-start').click()`);
    await panel.waitFor(`document.querySelector('#demo-entry')`);
    await panel.evaluate(`document.querySelector('#demo-entry').focus()`);
    await panel.cdp('Input.insertText', { text: '+ #rev Revoked the token live; the next call failed' });
    await panel.cdp('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter' });
    await panel.waitFor(`document.querySelectorAll('#demo .demo-log li[data-entry]').length === 1`);
    await panel.evaluate(`document.querySelector('#demo-capture').click()`);
    await panel.waitFor(`document.querySelector('#demo .demo-log [data-screenshot] img')`, 10_000);
    // Thumbnails load lazily: bring it into view, so the panel really reads its blob: image.
    await panel.evaluate(`document.querySelector('#demo .demo-log [data-screenshot]').scrollIntoView()`);
    await panel.waitFor(`document.querySelector('#demo .demo-log [data-screenshot] img')?.complete`, 10_000);
    // Every export format, previewed and saved as a file.
    for (const format of ['md', 'jira', 'csv', 'jira-csv', 'html', 'json']) {
      await panel.evaluate(`(() => {
        const select = document.querySelector('#export-format');
        select.value = ${JSON.stringify(format)};
        select.dispatchEvent(new Event('change', { bubbles: true }));
      })()`);
      await panel.evaluate(`document.querySelector('#export-preview').click()`);
      await panel.waitFor(`document.querySelector('#export-preview-text')?.value.length > 0`, 20_000);
    }
    await panel.evaluate(`document.querySelector('#export-save').click()`, { userGesture: true });
    await panel.waitFor(`document.querySelector('#export-status')?.textContent.includes('Saved as')`);
    const options = await browser.context.newPage();
    await options.goto(`${browser.extensionBase}src/options/index.html`);
    await options.waitForSelector('input[name=reviewer]');
    // A backup written, then restored (merged) from the same file.
    const download = options.waitForEvent('download');
    await options.click('#backup-all');
    await options.setInputFiles('input[name=backup-file]', await (await download).path());
    await options.click('#restore-submit');
    await options.waitForSelector('#restore-report');
    // Watch it explicitly too: a tab that navigated into the extension may keep its first session's URL.
    await browser.extensionTarget('src/options/index.html');

    // Every extension context of the flow was watched.
    for (const path of [
      'background.js',
      'src/sidepanel/index.html',
      'popup/index.html',
      'src/options/index.html',
    ]) {
      expect(
        [...requests.watched].some((u) => u.startsWith(browser.extensionBase + path)),
        path,
      ).toBe(true);
    }
    const ours = requests.filter((r) => r.targetUrl.startsWith(browser.extensionBase));
    const vendorTab = requests.filter((r) => r.targetUrl.startsWith(server.url));
    // Both recorders were really in the path.
    expect(ours.length).toBeGreaterThan(0);
    expect(vendorTab.length).toBeGreaterThan(0);
    expect(proxy.seen.some((r) => r.startsWith(`GET ${server.url}`))).toBe(true);
    // The extension's own contexts loaded only their own files (and their own in-memory blob: images).
    expect(
      ours.filter(
        (r) => !r.url.startsWith(browser.extensionBase) && !r.url.startsWith(`blob:${browser.extensionBase}`),
      ),
    ).toEqual([]);
    // The vendor's tab (the content script included) reached only the vendor's server.
    expect(vendorTab.filter((r) => !r.url.startsWith(server.url) && !r.url.startsWith('data:'))).toEqual([]);
    // What the proxy refused came from no page or worker: the browser's own update and sign-in
    // checks, which the dead proxy keeps off the network in every test run.
    const fromTargets = new Set(requests.map((r) => r.url));
    expect(proxy.refused.map((r) => r.replace(/^\w+ /, '')).filter((u) => fromTargets.has(u))).toEqual([]);
  });
});
