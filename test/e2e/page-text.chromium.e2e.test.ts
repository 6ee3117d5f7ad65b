/**
 * The page-text rule in real Chromium: on a page with SVG, MathML, skipped tags, a web component
 * and an iframe between its claims, the real extractor and the real anchoring index count the
 * same page text, and every claim is found again by its position.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { buildInPageBundle } from '../bench/build-in-page.ts';
import { type ChromiumSession, launchChromium } from './harness/chromium.ts';
import { expectPageText, PAGE_TEXT_FIXTURE } from './page-text/expect-page-text.ts';
import type { PageTextCheck } from './page-text/in-page.ts';
import { DIST_CHROME } from './paths.ts';

let server: StaticServer;
let browser: ChromiumSession;
let bundle: string;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'vr-page-text-'));
  bundle = await buildInPageBundle('test/e2e/page-text/in-page.ts', work, 'pageTextCheck', 'page-text.js');
  server = await serveFolder(PAGE_TEXT_FIXTURE);
  browser = await launchChromium({ extensionDir: DIST_CHROME });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('page text in Chromium', () => {
  test('the extractor and the index agree, and claims anchor by position', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.addScriptTag({ content: bundle });
    const r = await page.evaluate('globalThis.__pageText.check()');
    expectPageText(r as PageTextCheck);
  });
});
