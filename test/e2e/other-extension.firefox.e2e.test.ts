/**
 * A curious extension next door, in real Firefox: a second extension, installed beside ours while
 * a review with a running demo is open, sends every message our protocol knows to our extension
 * id, opens a port to it and tries to read our files; it reports what happened in a page of its
 * own. Nothing answers, nothing is read, and our database is exactly as it was. (The same test in
 * Chromium: `other-extension.chromium.e2e.test.ts`.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type FirefoxSession, launchFirefox } from './harness/firefox.ts';
import { DIST_FIREFOX, SAMPLE_TITLE, SAMPLE_TRUST_CENTER } from './paths.ts';
import { DUMP_DATABASE, textOf } from './probes.ts';
import { waitInSidebar } from './sidebar-wait.ts';

const OURS = 'vendor-review@example.org';

/** The neighbour's background: it tries everything at start-up and opens its report as a tab. */
const CURIOUS = (reviewId: string, tabId: number) => `
const ours = ${JSON.stringify(OURS)};
const messages = [
  { type: 'inspect-tab', tabId: ${tabId} },
  { type: 'scan-tab', tabId: ${tabId} },
  { type: 'show-claim', tabId: ${tabId}, selector: { exact: 'SPIFFE', prefix: '', suffix: '' } },
  { type: 'highlight-claims', tabId: ${tabId}, claims: [] },
  { type: 'add-selection', tabId: ${tabId} },
  { type: 'capture-screenshot', reviewId: ${JSON.stringify(reviewId)} },
  { type: 'tab-access-granted', tabId: ${tabId} },
  { type: 'data-changed' },
  { type: 'highlight-clicked', claimId: 'x' },
];
(async () => {
  const out = [];
  for (const message of messages) {
    try {
      const reply = await browser.runtime.sendMessage(ours, message);
      out.push(message.type + ': answered ' + JSON.stringify(reply));
    } catch (error) {
      out.push(message.type + ': ' + error.message);
    }
  }
  const port = await new Promise((done) => {
    const p = browser.runtime.connect(ours, { name: 'curious' });
    p.onDisconnect.addListener((q) => done(q.error ? q.error.message : 'disconnected'));
    p.postMessage({ type: 'scan-tab', tabId: 0 });
  });
  out.push('port: ' + port);
  await browser.tabs.create({ url: browser.runtime.getURL('report.html') + '#' + encodeURIComponent(JSON.stringify(out)) });
})();
`;

let server: StaticServer;
let firefox: FirefoxSession;
let neighbourDir: string;
const wait = (expression: string, timeoutMs?: number) => waitInSidebar(firefox, expression, timeoutMs);

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  firefox = await launchFirefox({ extensionDir: DIST_FIREFOX });
  await wait(`document.querySelector('h1')?.textContent === 'Vendor Review'`);
  const vendorTab = await firefox.openTab(server.url);
  await firefox.waitFor(vendorTab, `document.documentElement.dataset.rendered === 'true'`);
  await firefox.grantHostPermissions(['http://127.0.0.1/*']);
  await firefox.sidebarEvaluate(`document.querySelector('#read-again')?.click()`);
  await wait(`${textOf('#page-title')} === ${JSON.stringify(SAMPLE_TITLE)}`);
  await firefox.sidebarEvaluate(`document.querySelector('form button[type=submit]').click()`);
  await wait(`document.querySelector('#demo-start')`);
  await firefox.sidebarEvaluate(`document.querySelector('#demo-start').click()`);
  await wait(`document.querySelector('#demo-entry')`);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  if (neighbourDir) rmSync(neighbourDir, { recursive: true, force: true });
});

describe('a curious extension next door (Firefox)', () => {
  test('every message our protocol knows, sent by another extension, reaches nothing and changes nothing', async () => {
    const before = await firefox.sidebarEvaluate<string>(DUMP_DATABASE);
    const reviewId = (JSON.parse(before).reviews[0] as { id: string }).id;
    const tabId = await firefox.backgroundEvaluate<number>(
      `browser.tabs.query({ url: 'http://127.0.0.1/*' }).then((t) => t[0]?.id ?? -1)`,
    );
    expect(tabId).toBeGreaterThanOrEqual(0);
    neighbourDir = mkdtempSync(join(tmpdir(), 'vr-ff-neighbour-'));
    writeFileSync(
      join(neighbourDir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'Curious neighbour',
        version: '1.0',
        background: { scripts: ['curious.js'] },
        browser_specific_settings: { gecko: { id: 'curious-neighbour@example.org' } },
      }),
    );
    writeFileSync(join(neighbourDir, 'curious.js'), CURIOUS(reviewId, tabId));
    writeFileSync(join(neighbourDir, 'report.html'), '<!doctype html><title>report</title>');
    expect(await firefox.installExtension(neighbourDir)).toBe('curious-neighbour@example.org');

    let report: string[] | undefined;
    const deadline = Date.now() + 15_000;
    while (!report && Date.now() < deadline) {
      const tab = (await firefox.contexts()).find((c) => c.url.includes('/report.html#'));
      if (tab) report = JSON.parse(decodeURIComponent(tab.url.slice(tab.url.indexOf('#') + 1))) as string[];
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(report, 'the neighbour never reported').toBeDefined();
    expect(report).toHaveLength(10);
    for (const line of report ?? [])
      expect(line).toMatch(/Could not establish connection\. Receiving end does not exist\.$/);
    await new Promise((r) => setTimeout(r, 500));
    expect(await firefox.sidebarEvaluate<string>(DUMP_DATABASE)).toBe(before);
  });
});
