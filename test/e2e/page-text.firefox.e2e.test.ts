/**
 * The page-text rule in real Firefox (see page-text.chromium.e2e.test.ts): the real extractor and
 * the real anchoring index count the same page text, and every claim is found by its position.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { buildInPageBundle } from '../bench/build-in-page.ts';
import { type FirefoxSession, launchFirefox } from './harness/firefox.ts';
import { expectPageText, PAGE_TEXT_FIXTURE } from './page-text/expect-page-text.ts';
import type { PageTextCheck } from './page-text/in-page.ts';
import { DIST_FIREFOX } from './paths.ts';

let server: StaticServer;
let firefox: FirefoxSession;
let bundle: string;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'vr-page-text-'));
  bundle = await buildInPageBundle('test/e2e/page-text/in-page.ts', work, 'pageTextCheck', 'page-text.js');
  server = await serveFolder(PAGE_TEXT_FIXTURE);
  firefox = await launchFirefox({ extensionDir: DIST_FIREFOX });
});

afterAll(async () => {
  firefox?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('page text in Firefox', () => {
  test('the extractor and the index agree, and claims anchor by position', async () => {
    const tab = await firefox.openTab(server.url);
    await firefox.waitFor(tab, `document.getElementById('host')?.shadowRoot !== null`);
    // The bundle defines its global when evaluated in the page's realm, as a script tag would.
    await firefox.evaluate(tab, `${bundle}; 0`);
    const json = await firefox.evaluate<string>(tab, 'JSON.stringify(globalThis.__pageText.check())');
    expectPageText(JSON.parse(json) as PageTextCheck);
  });
});
