/**
 * Two side panels in two windows edit one review at once for 20 seconds of random actions (see
 * random-edits.ts for what is done and checked). The seed is printed so a failure can be replayed
 * (VR_SEED=…).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type ChromiumSession, type ExtensionTarget, launchChromium } from './harness/chromium.ts';
import { openPanelFor } from './panel-actions.ts';
import { DIST_CHROME, SAMPLE_TRUST_CENTER } from './paths.ts';
import { editAtOnce, scanAndOpenAll } from './random-edits.ts';

const RUN_MS = 20_000;
const SEED = Number(process.env.VR_SEED ?? Date.now() % 2 ** 31);

let server: StaticServer;
let browser: ChromiumSession;
let vendor: Page;
let second: Page;
let panels: ExtensionTarget[];

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  browser = await launchChromium({ extensionDir: DIST_CHROME });
  vendor = await browser.context.newPage();
  await vendor.goto(server.url);
  await vendor.waitForSelector('html[data-rendered="true"]');
  const first = await openPanelFor(browser, vendor);
  await first.waitFor(`document.querySelector('form button[type=submit]')`);
  await first.evaluate(`document.querySelector('form button[type=submit]').click()`);
  await first.waitFor(`document.querySelector('#verdict')`);
  // The same page in a second window, with its own panel on the same review.
  second = await browser.newWindow(`${server.url}?window=2`);
  await second.waitForSelector('html[data-rendered="true"]');
  const other = await openPanelFor(browser, second, [first.targetId]);
  await other.waitFor(`document.querySelector('#verdict')`);
  panels = [first, other];
  for (const panel of panels) await scanAndOpenAll(panel);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('two panels, one review, 20 seconds of random edits', () => {
  test(`both panels end identical, nothing is lost, the chain verifies (seed ${SEED})`, async () => {
    await editAtOnce(panels, SEED, RUN_MS);
    await second.close();
  }, 120_000);
});
