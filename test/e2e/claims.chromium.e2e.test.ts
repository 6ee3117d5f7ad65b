/**
 * Claims in real Chromium: the panel scans the late-rendered sample trust center, groups claims
 * by control, shows suggestions and red flags, scrolls the page to a clicked claim and flashes
 * it; and the CLI's extraction of the same rendered page finds the same claims. On a page with
 * SVG, MathML, skipped tags, web components and an iframe between its claims, the real extractor
 * and the real anchoring index count the same page text (`content/page-text-rule.ts`).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractPage } from '../../content/read-page.ts';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { parseHtml } from '../../src/cli/parse-html.ts';
import { type ChromiumSession, type ExtensionTarget, launchChromium } from './harness/chromium.ts';
import { expectPageText, pageTextBundle } from './page-text/expect-page-text.ts';
import type { PageTextCheck } from './page-text/in-page.ts';
import { clickOpenPanel } from './panel-actions.ts';
import { DIST_CHROME, ROOT, resultsDir, SAMPLE_TRUST_CENTER } from './paths.ts';

let server: StaticServer;
let fixtures: StaticServer;
let browser: ChromiumSession;
let vendor: Page;
let panel: ExtensionTarget;

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  fixtures = await serveFolder(join(ROOT, 'test/fixtures'));
  browser = await launchChromium({ extensionDir: DIST_CHROME });
  vendor = await browser.context.newPage();
  await vendor.setViewportSize({ width: 1100, height: 800 });
  // Start scanning before the late rendering finishes: the content script must wait for it.
  await vendor.goto(server.url, { waitUntil: 'domcontentloaded' });
  const popup = await browser.clickToolbarButton(vendor);
  await popup.waitFor(`document.querySelector('#open-panel')?.disabled === false`);
  await clickOpenPanel(popup);
  panel = await browser.extensionTarget('src/sidepanel/index.html');
  await panel.waitFor(`document.querySelector('#scan-button')`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixtures?.close();
});

/** Opens a page in a new tab, clicks the toolbar button there (granting access) and scans it. */
async function scanNewTab(url: string): Promise<string[]> {
  const tab = await browser.context.newPage();
  await tab.goto(url);
  await browser.clickToolbarButton(tab);
  await panel.waitFor(
    `document.querySelector('#scan-button') && document.querySelector('#scan')?.dataset.state === 'idle'`,
  );
  await panel.evaluate(`document.querySelector('#scan-button').click()`);
  await panel.waitFor(`document.querySelector('#scan')?.dataset.state === 'done'`, 20_000);
  return openAllAndReadClaims();
}

/** Opens every group and returns the claim texts, once the opened groups have rendered. */
async function openAllAndReadClaims(): Promise<string[]> {
  await panel.evaluate(openAllGroups);
  // Opened groups render on a later frame (the list measures its rows first): wait for them.
  await panel.waitFor(
    `document.querySelectorAll('#scan-groups .claim-text').length > 0 || /^\\D*0 claims/.test(document.querySelector('#scan-summary')?.textContent ?? '')`,
  );
  return panel.evaluate<string[]>(claimTexts);
}

const openAllGroups = `(() => { for (const b of document.querySelectorAll('.group-header[aria-expanded="false"]')) b.click(); return true; })()`;
const claimTexts = `[...document.querySelectorAll('#scan-groups .claim-text')].map((e) => e.textContent)`;

describe('claims in Chromium', () => {
  test('a scan waits for the late-rendered page and groups its claims by control', async () => {
    await panel.evaluate(`document.querySelector('#scan-button').click()`);
    await panel.waitFor(`document.querySelector('#scan')?.dataset.state === 'done'`, 20_000);
    const summary = await panel.evaluate<string>(`document.querySelector('#scan-summary').textContent`);
    const count = Number(summary.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(60);
    const groups = await panel.evaluate<string[]>(
      `[...document.querySelectorAll('#scan-groups > li')].map((li) => li.dataset.control)`,
    );
    for (const id of ['workload-identity', 'tenant-isolation', 'jit-access', 'revocation', 'auditability']) {
      expect(groups).toContain(id);
    }
    const texts = await openAllAndReadClaims();
    // Text from a collapsed FAQ answer and from the subprocessor table rendered late.
    expect(texts.some((t) => /SPIFFE|SVID/.test(t))).toBe(true);
    const html = await panel.evaluate<string>(`document.querySelector('#scan-groups').textContent`);
    expect(html).toMatch(/red flag: Revocation depends on manual vendor intervention/);
    await panel.cdp('Emulation.setDeviceMetricsOverride', {
      width: 400,
      height: 1200,
      deviceScaleFactor: 1,
      mobile: false,
    });
    await panel.screenshot(join(resultsDir('chromium'), 'scan.png'));
  });

  test('clicking a claim scrolls the page to it and flashes it', async () => {
    await vendor.evaluate(() => window.scrollTo(0, 0));
    const index = await panel.evaluate<number>(`(() => {
      const items = [...document.querySelectorAll('#scan-groups .claim')];
      const far = items.filter((li) => /contact our support team/i.test(li.textContent)).at(-1) ?? items.at(-1);
      far.querySelector('.claim-button').click();
      return Number(far.dataset.claimIndex);
    })()`);
    expect(index).toBeGreaterThan(0);
    await vendor.waitForFunction(() => window.scrollY > 300, undefined, { timeout: 5000 });
    expect(await vendor.evaluate(() => CSS.highlights.has('vendor-review-flash'))).toBe(true);
    expect(await panel.evaluate<boolean>(`!document.querySelector('#show-error')`)).toBe(true);
  });

  test('the CLI finds the same claims as the browser on the rendered page', async () => {
    const html = await vendor.content();
    const cli = extractPage(parseHtml(html), server.url).claims.map((c) => c.text);
    const inBrowser = await panel.evaluate<string[]>(claimTexts);
    expect(new Set(inBrowser)).toEqual(new Set(cli));
  });

  test('a single-page-app navigation offers a rescan', async () => {
    await vendor.click('a[href="/subprocessors"][data-route] >> nth=0');
    await vendor.waitForSelector('html[data-rendered="true"]');
    await panel.waitFor(`document.querySelector('#scan-stale')`, 10_000);
    await panel.evaluate(`document.querySelector('#scan-button').click()`);
    await panel.waitFor(
      `document.querySelector('#scan')?.dataset.state === 'done' && !document.querySelector('#scan-stale')`,
      20_000,
    );
    const texts = await openAllAndReadClaims();
    expect(texts.some((t) => t.includes('Amazon Web Services'))).toBe(true);
  });

  test('a Vanta-style page that renders late is read after it settles, and named', async () => {
    const texts = await scanNewTab(`${fixtures.url}platforms/vanta-trust-center.html`);
    expect(await panel.evaluate<string>(`document.querySelector('#scan-summary').textContent`)).toContain(
      'Vanta trust center',
    );
    expect(texts.length).toBeGreaterThan(5);
  });

  test('text in same-origin iframes and open shadow roots is read; cross-origin frames are not', async () => {
    const texts = await scanNewTab(`${fixtures.url}frames/outer.html`);
    expect(texts).toContain(
      'Audit log entries inside the frame record the actor, the action and the source IP address.',
    );
    expect(texts).toContain(
      'Each tenant is served from a dedicated database schema with row-level security enabled.',
    );
    expect(texts).toContain(
      'Session tokens expire after 12 hours of inactivity and can be revoked by an administrator.',
    );
    expect(texts.join(' ')).not.toContain('Cross-origin frames');
  });

  test('page text: the extractor and the anchoring index agree, and claims anchor by position', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}page-text/`);
    await page.addScriptTag({ content: await pageTextBundle() });
    expectPageText((await page.evaluate('globalThis.__pageText.check()')) as PageTextCheck);
    await page.close();
  });
});
