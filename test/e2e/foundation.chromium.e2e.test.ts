/**
 * The walking skeleton in real Chromium: toolbar button → real popup → real side panel → the
 * round trip into the sample trust center → a review created, kept across a browser restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type ChromiumSession, launchChromium } from './harness/chromium.ts';
import { clickOpenPanel } from './panel-actions.ts';
import { DIST_CHROME, resultsDir, SAMPLE_TITLE, SAMPLE_TRUST_CENTER } from './paths.ts';
import { CSP_REFUSES_ALL, cspProbe, textOf } from './probes.ts';

const PANEL = 'src/sidepanel/index.html';
const text = textOf;

let server: StaticServer;
let profileDir: string;
let browser: ChromiumSession | undefined;
const shots = resultsDir('chromium');

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  profileDir = mkdtempSync(join(tmpdir(), 'vr-e2e-chromium-'));
});

afterAll(async () => {
  await browser?.close();
  await server.close();
  rmSync(profileDir, { recursive: true, force: true });
});

async function openVendorPage(session: ChromiumSession, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(server.url + path);
  await page.waitForSelector('html[data-rendered="true"]');
  return page;
}

/** The running browser (each test continues from the one before, like a reviewer's session). */
function session(): ChromiumSession {
  if (!browser) throw new Error('the browser was not started by the first test');
  return browser;
}

describe('foundation in Chromium', () => {
  test('the popup shows the site, opens the real side panel, and the panel reads the page', async () => {
    browser = await launchChromium({ extensionDir: DIST_CHROME, profileDir });
    const vendor = await openVendorPage(browser, '');
    await vendor.bringToFront();
    const popup = await browser.clickToolbarButton(vendor);
    await popup.waitFor(`${text('#site-status')}.includes('127.0.0.1')`);
    expect(await popup.evaluate<string>(text('#site-status'))).toContain('No review for this site yet');
    await popup.waitFor(`!document.querySelector('#open-panel').disabled`);
    await clickOpenPanel(popup);

    const panel = await browser.extensionTarget(PANEL);
    expect((await browser.contextTypes()).some((c) => c.startsWith('SIDE_PANEL'))).toBe(true);
    await panel.waitFor(`${text('#page-title')} === ${JSON.stringify(SAMPLE_TITLE)}`);
    expect(await panel.evaluate<string>(text('#page-url'))).toBe(server.url);
    const length = Number((await panel.evaluate<string>(text('#page-text-length'))).replace(/\D/g, ''));
    expect(length).toBeGreaterThan(2000);
  });

  test('the panel starts a review with the domain pre-filled and records the page', async () => {
    const panel = await session().extensionTarget(PANEL);
    await panel.waitFor(`document.querySelector('input[name=domain]')`);
    expect(await panel.evaluate<string>(`document.querySelector('input[name=domain]').value`)).toBe(
      '127.0.0.1',
    );
    expect(await panel.evaluate<string>(`document.querySelector('input[name=vendor]').value`)).toBe(
      'Kestrel Meridian AI',
    );
    await panel.evaluate(
      `document.querySelector('#start-review-heading').closest('section').querySelector('button[type=submit]').click()`,
    );
    await panel.waitFor(`${text('#review-heading')}.includes('Kestrel Meridian AI')`);
    await panel.waitFor(`document.querySelectorAll('#sources li').length === 1`);
    expect(await panel.evaluate<string>(text('#sources'))).toContain(SAMPLE_TITLE);
    expect(await panel.evaluate<string>(text('#review-list'))).toContain('Kestrel Meridian AI');
    await panel.screenshot(join(shots, 'side-panel.png'));
  });

  test('tabs the extension may not read get a plain sentence, not an error', async () => {
    const panel = await session().extensionTarget(PANEL);
    // Another origin (localhost ≠ 127.0.0.1) in a new tab: no toolbar click there, so no access.
    const other = await session().context.newPage();
    await other.goto(server.url.replace('127.0.0.1', 'localhost'));
    await other.bringToFront();
    await panel.waitFor(
      `${text('#page-unavailable')}.includes('has not been given access') && ${text('#page-unavailable')}.includes('toolbar')`,
    );

    // A browser page: a toolbar click does not reveal its address, and the popup says why.
    const internal = await session().context.newPage();
    await internal.goto('chrome://version/');
    await internal.bringToFront();
    const popup = await session().clickToolbarButton(internal);
    await popup.waitFor(`${text('#site-status')}.includes('browser’s protected pages')`);
    await panel.waitFor(`${text('#page-unavailable')}.includes('Browser pages such as settings')`);
    await other.close();
    await internal.close();
  });

  test('a stopped service worker loses nothing: the next round trip starts it again', async () => {
    const panel = await session().extensionTarget(PANEL);
    const vendor = session()
      .context.pages()
      .find((p) => p.url() === server.url);
    if (!vendor) throw new Error('the vendor tab is gone');
    await vendor.bringToFront();
    await panel.waitFor(`${text('#page-title')} === ${JSON.stringify(SAMPLE_TITLE)}`);
    const readAt = `document.querySelector('[data-read-at]')?.dataset.readAt`;
    const before = await panel.evaluate<string>(readAt);
    expect(await session().stopServiceWorker()).toBe(true);
    await panel.evaluate(`document.querySelector('#read-again').click()`);
    await panel.waitFor(
      `${readAt} !== ${JSON.stringify(before)} && ${text('#page-title')} === ${JSON.stringify(SAMPLE_TITLE)}`,
    );
    expect(await panel.evaluate<string>(text('#review-heading'))).toContain('Kestrel Meridian AI');
  });

  test('extension pages refuse eval, new Function, inline scripts and network requests (CSP)', async () => {
    const page = await session().context.newPage();
    await page.goto(`${session().extensionBase}src/options/index.html`);
    const before = server.requests.length;
    expect(await page.evaluate(cspProbe(`${server.url}csp-probe`))).toEqual(CSP_REFUSES_ALL);
    expect(server.requests.slice(before)).not.toContain('/csp-probe');
    await page.close();
  });

  test('the review survives a browser restart and shows on another page of the vendor', async () => {
    await session().close();
    browser = await launchChromium({ extensionDir: DIST_CHROME, profileDir });
    const docs = await openVendorPage(browser, 'docs.html');
    const popup = await browser.clickToolbarButton(docs);
    await popup.waitFor(`${text('#site-status')}.includes('Kestrel Meridian AI')`);
    expect(await popup.evaluate<string>(text('#site-status'))).toContain('1 page read');
    await clickOpenPanel(popup);
    const panel = await browser.extensionTarget(PANEL);
    await panel.waitFor(`${text('#review-heading')}.includes('Kestrel Meridian AI')`);
    await panel.waitFor(`document.querySelectorAll('#sources li').length === 2`);
    expect(await panel.evaluate<string>(text('#page-title'))).toBe(
      'Agent identity and access — Kestrel Agents docs',
    );
  });
});
