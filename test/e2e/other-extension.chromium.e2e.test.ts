/**
 * A curious extension next door, in real Chromium: a second extension loaded beside ours sends
 * every message our protocol knows — requests to the background (scan, highlight, add the
 * selection, capture a screenshot into a real review), broadcasts between our pages, a content
 * script's note — to our extension id, opens a port to it, and tries to read our files. A web
 * page tries the same. Nothing answers, nothing is read, and our database is exactly as it was.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type ChromiumSession, type ExtensionTarget, launchChromium } from './harness/chromium.ts';
import { openPanelFor } from './panel-actions.ts';
import { DIST_CHROME, SAMPLE_TRUST_CENTER } from './paths.ts';
import { DUMP_DATABASE } from './probes.ts';

let server: StaticServer;
let browser: ChromiumSession;
let neighbourDir: string;
let neighbour: Worker;
let vendor: Page;
let panel: ExtensionTarget;

beforeAll(async () => {
  neighbourDir = mkdtempSync(join(tmpdir(), 'vr-neighbour-'));
  writeFileSync(
    join(neighbourDir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Curious neighbour',
      version: '1.0',
      background: { service_worker: 'curious.js' },
    }),
  );
  writeFileSync(join(neighbourDir, 'curious.js'), '// driven by the test\n');
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  browser = await launchChromium({ extensionDir: DIST_CHROME, otherExtensions: [neighbourDir] });
  const isNeighbour = (w: Worker) => w.url().endsWith('/curious.js');
  neighbour =
    browser.context.serviceWorkers().find(isNeighbour) ??
    (await browser.context.waitForEvent('serviceworker', { predicate: isNeighbour, timeout: 15_000 }));
  vendor = await browser.context.newPage();
  await vendor.goto(server.url);
  await vendor.waitForSelector('html[data-rendered="true"]');
  panel = await openPanelFor(browser, vendor);
  await panel.waitFor(`document.querySelector('form button[type=submit]')`);
  await panel.evaluate(`document.querySelector('form button[type=submit]').click()`);
  await panel.waitFor(`document.querySelector('#demo-start')`);
  // A running demo: the screenshot request below would land in it if it were obeyed.
  await panel.evaluate(`document.querySelector('#demo-start').click()`);
  await panel.waitFor(`document.querySelector('#demo-entry')`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (neighbourDir) rmSync(neighbourDir, { recursive: true, force: true });
});

describe('a curious extension next door (Chromium)', () => {
  test('every message our protocol knows, sent by another extension, reaches nothing and changes nothing', async () => {
    const before = await panel.evaluate<string>(DUMP_DATABASE);
    const review = JSON.parse(before).reviews[0] as { id: string };
    const tabId = await (await browser.serviceWorker()).evaluate(
      async () => (await chrome.tabs.query({ url: 'http://127.0.0.1/*' }))[0]?.id ?? -1,
    );
    expect(tabId).toBeGreaterThanOrEqual(0);
    const messages = [
      { type: 'inspect-tab', tabId },
      { type: 'scan-tab', tabId },
      { type: 'show-claim', tabId, selector: { exact: 'SPIFFE', prefix: '', suffix: '' } },
      { type: 'highlight-claims', tabId, claims: [] },
      { type: 'add-selection', tabId },
      { type: 'capture-screenshot', reviewId: review.id },
      { type: 'tab-access-granted', tabId },
      { type: 'data-changed' },
      { type: 'highlight-clicked', claimId: 'x' },
    ];
    const outcomes = await neighbour.evaluate(
      async ([id, all]) => {
        const out: string[] = [];
        for (const message of all) {
          try {
            const reply = await chrome.runtime.sendMessage(id, message);
            out.push(`${message.type}: answered ${JSON.stringify(reply)}`);
          } catch (error) {
            out.push(`${message.type}: ${(error as Error).message}`);
          }
        }
        // A long-lived port: it is disconnected at once, with the reason in lastError.
        const port = await new Promise<string>((done) => {
          const p = chrome.runtime.connect(id, { name: 'curious' });
          p.onDisconnect.addListener(() => done(chrome.runtime.lastError?.message ?? 'disconnected'));
          p.postMessage({ type: 'scan-tab', tabId: 0 });
        });
        out.push(`port: ${port}`);
        // Our files are not web-accessible: another extension cannot read them.
        try {
          const r = await fetch(`chrome-extension://${id}/manifest.json`);
          out.push(`fetch: ${r.status}`);
        } catch (error) {
          out.push(`fetch: ${(error as Error).name}`);
        }
        return out;
      },
      [browser.extensionId, messages] as const,
    );
    for (const outcome of outcomes.slice(0, messages.length + 1))
      expect(outcome).toMatch(/Could not establish connection\. Receiving end does not exist\.$/);
    expect(outcomes.at(-1)).toBe('fetch: TypeError');
    // Nothing was written: no screenshot, no claim, no source, no audit event.
    await new Promise((r) => setTimeout(r, 500));
    expect(await panel.evaluate<string>(DUMP_DATABASE)).toBe(before);
  });

  test('a web page has no channel to us at all, and cannot read our files', async () => {
    const seen = await vendor.evaluate(async (id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      let fetched: string;
      try {
        fetched = String((await fetch(`chrome-extension://${id}/manifest.json`)).status);
      } catch (error) {
        fetched = (error as Error).name;
      }
      return { sendMessage: typeof runtime?.sendMessage, fetched };
    }, browser.extensionId);
    expect(seen).toEqual({ sendMessage: 'undefined', fetched: 'TypeError' });
  });
});
