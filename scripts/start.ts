/**
 * `npm start`: build, serve the sample vendor trust center on 127.0.0.1, and open a browser with
 * the extension loaded on it. With a display it opens a real window and waits; without one
 * (or with `--headless`) it runs the same flow headless — toolbar button, popup, side panel, a
 * review started — and saves screenshots, printing where.
 *
 * The browser: $CHROMIUM_PATH (point it at Google Chrome, Chromium or Chrome for Testing), then
 * Debian's /usr/bin/chromium, then Playwright's cache. The extension is loaded with CDP's
 * `Extensions.loadUnpacked`, which every Chromium-based browser accepts; branded Chrome 137+
 * ignores the older `--load-extension` flag.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { launchChromium, QUIET_CHROMIUM_ARGS } from '../test/e2e/harness/chromium.ts';
import { findBrowser } from '../test/e2e/harness/find-browser.ts';
import { buildExtension } from './build.ts';
import { serveFolder } from './static-server.ts';

const root = resolve(import.meta.dirname, '..');
const sample = resolve(root, 'test/fixtures/sample-trust-center');
const args = new Set(process.argv.slice(2));
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.has('--headless') || !hasDisplay;

const dirs = await buildExtension({ quiet: true });
const port = Number(process.env.PORT ?? 0);
const server = await serveFolder(sample, port);
const executablePath = findBrowser('chromium');
console.log(`Sample trust center: ${server.url}`);
console.log(`Browser: ${executablePath}`);
console.log(`Extension: ${dirs.chrome} (Firefox build: ${dirs.firefox})`);

if (headless) {
  await headlessTour();
} else {
  await openWindow();
}

/** With a display: a real window on the sample trust center, until the reviewer closes it. */
async function openWindow(): Promise<void> {
  const profileDir = resolve(root, '.profiles/start-chromium');
  mkdirSync(profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: false,
    viewport: null,
    ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
    // Chromium refuses to run as root with its sandbox on; everyone else keeps the sandbox.
    args: [
      '--enable-unsafe-extension-debugging',
      ...QUIET_CHROMIUM_ARGS.filter((a) => a !== '--no-sandbox' || process.getuid?.() === 0),
    ],
  });
  const cdp = await context.browser()?.newBrowserCDPSession();
  const loaded = await cdp?.send('Extensions.loadUnpacked', { path: dirs.chrome }).catch((e: unknown) => e);
  if (!loaded || loaded instanceof Error) {
    console.error(`This browser refused to load the extension over CDP (${String(loaded)}).`);
    console.error(`Load it by hand: chrome://extensions → Developer mode → Load unpacked → ${dirs.chrome}`);
  } else {
    console.log(`Loaded the extension (id ${(loaded as { id: string }).id}) with Extensions.loadUnpacked.`);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  console.log(
    '\nClick the Vendor Review button in the toolbar (pin it from the puzzle-piece menu), then “Open side panel”.',
  );
  console.log('Close the browser window to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
  await server.close();
}

/** Without a display: the same flow, headless, with screenshots saved to a folder. */
async function headlessTour(): Promise<void> {
  const out = resolve(root, 'test-results/start');
  mkdirSync(out, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), 'vr-start-'));
  const session = await launchChromium({ extensionDir: dirs.chrome, profileDir });
  try {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(server.url);
    await page.waitForSelector('html[data-rendered="true"]');
    const popup = await session.clickToolbarButton(page);
    await popup.waitFor(`document.querySelector('#open-panel')?.disabled === false`);
    await popup.evaluate(`document.querySelector('#open-panel').click()`, { userGesture: true });
    const panel = await session.extensionTarget('src/sidepanel/index.html');
    await panel.waitFor(
      `document.querySelector('#page-title') || document.querySelector('#page-unavailable')`,
    );
    await panel.waitFor(
      `document.querySelector('#review-heading') || document.querySelector('input[name=vendor]')`,
    );
    if (await panel.evaluate<boolean>(`!document.querySelector('#review-heading')`)) {
      await panel.evaluate(`document.querySelector('form button[type=submit]').click()`);
      await panel.waitFor(`document.querySelectorAll('#sources li').length > 0`);
    }
    // Scan the page and tag one claim, so the screenshots show the workspace at work.
    await panel.waitFor(`document.querySelector('#scan-button')`);
    await panel.evaluate(`document.querySelector('#scan-button').click()`);
    await panel.waitFor(`document.querySelector('#scan')?.dataset.state === 'done'`, 20_000);
    await panel.evaluate(`document.querySelector('#scan-groups .group-header')?.click()`);
    await panel.waitFor(`document.querySelector('#scan-groups li.claim [data-verdict="evidence"]')`);
    await panel.evaluate(`document.querySelector('#scan-groups li.claim [data-verdict="evidence"]').click()`);
    await panel.waitFor(`document.querySelector('#checklist li[data-status="proven"]')`);
    await panel.cdp('Emulation.setDeviceMetricsOverride', {
      width: 380,
      height: 900,
      deviceScaleFactor: 1,
      mobile: false,
    });
    await panel.screenshot(join(out, 'side-panel.png'));
    await page.screenshot({ path: join(out, 'trust-center.png') });
    const title = await panel.evaluate<string>(`document.querySelector('#page-title')?.textContent ?? ''`);
    // One picture of both, side by side, as a reviewer sees them.
    const both = await session.context.newPage();
    await both.setViewportSize({ width: 1480, height: 900 });
    const img = (f: string) => `data:image/png;base64,${readFileSync(join(out, f)).toString('base64')}`;
    await both.setContent(
      `<body style="margin:0;display:flex;background:#888"><img src="${img('trust-center.png')}" style="width:1100px;height:900px"><img src="${img('side-panel.png')}" style="width:380px;height:900px;border-left:1px solid #666"></body>`,
    );
    await both.screenshot({ path: join(out, 'overview.png') });
    if (args.has('--readme-screenshot')) {
      mkdirSync(resolve(root, 'docs'), { recursive: true });
      writeFileSync(resolve(root, 'docs/side-panel.png'), readFileSync(join(out, 'overview.png')));
    }
    console.log(`\nNo display: ran the flow headless. The side panel read “${title}”.`);
    console.log(`Screenshots: ${out}/ (overview.png, trust-center.png, side-panel.png)`);
  } finally {
    await session.close();
    rmSync(profileDir, { recursive: true, force: true });
    await server.close();
  }
}
