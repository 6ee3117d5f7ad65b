/**
 * Exports from a real review of the sample trust center in Chromium: every format produced in the
 * panel and checked with a real parser, the HTML report rendered and screenshotted, a GitHub
 * new-issue link opened with its title and body, and a backup restored into a fresh profile.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type ChromiumSession, type ExtensionTarget, launchChromium } from './harness/chromium.ts';
import { keysOnClaim, openPanelFor } from './panel-actions.ts';
import { DIST_CHROME, SAMPLE_TRUST_CENTER } from './paths.ts';
import { DUMP_DATABASE, textOf } from './probes.ts';

const OUT = join('test-results', 'export');
const HOSTILE_NOTE =
  '=HYPERLINK("http://evil.example","x") [x](javascript:alert(1)) <img src=x onerror=alert(1)> {code}boom{code} | ```';

let server: StaticServer;
let browser: ChromiumSession;
let vendor: Page;
let panel: ExtensionTarget;

/** Picks a format in the panel, previews it, and returns the previewed text. */
async function preview(format: string): Promise<string> {
  await panel.evaluate(`(() => {
    const select = document.querySelector('#export-format');
    select.value = ${JSON.stringify(format)};
    select.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
  await panel.evaluate(`document.querySelector('#export-preview').click()`);
  await panel.waitFor(`document.querySelector('#export-preview-text')?.value.length > 0`, 20_000);
  return panel.evaluate<string>(`document.querySelector('#export-preview-text').value`);
}

async function openOptions(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${session.extensionBase}src/options/index.html`);
  await page.waitForSelector('#restore-form');
  return page;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  browser = await launchChromium({ extensionDir: DIST_CHROME });
  vendor = await browser.context.newPage();
  await vendor.goto(server.url);
  await vendor.waitForSelector('html[data-rendered="true"]');
  panel = await openPanelFor(browser, vendor);
  await panel.waitFor(`document.querySelector('form button[type=submit]')`);
  await panel.evaluate(`document.querySelector('form button[type=submit]').click()`);
  await panel.waitFor(`document.querySelector('#verdict')`);
  await panel.evaluate(`document.querySelector('#scan-button').click()`);
  await panel.waitFor(`document.querySelector('#scan')?.dataset.state === 'done'`, 20_000);
  await keysOnClaim(panel, '/X\\.509 SPIFFE SVID/', 'e');
  await keysOnClaim(panel, '/per-tenant|row-level security/i', 'e');
  await panel.evaluate(`[...document.querySelectorAll('#scan-groups li.claim')]
    .find((li) => /robust, enterprise-grade identity/.test(li.textContent))
    .querySelector('[data-verdict="marketing"]').click()`);
  await panel.evaluate(`[...document.querySelectorAll('#scan-groups li.claim')]
    .find((li) => /contact our support team/i.test(li.textContent))
    .querySelector('[data-raise="manual-revocation"]').click()`);
  await panel.waitFor(`document.querySelector('#verdict').dataset.verdict === 'prototype'`);
  await panel.evaluate(`(() => {
    const area = document.querySelector('textarea[data-note-scope="review"]');
    area.value = ${JSON.stringify(HOSTILE_NOTE)};
    area.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
  await panel.waitFor(
    `[...document.querySelectorAll('#history-list li')].some((li) => li.dataset.action === 'note.edit')`,
    10_000,
  );
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('exports in Chromium', () => {
  test('Markdown renders with the verdict on top, the tagged claims, and the hostile note as literal text', async () => {
    const markdown = await preview('md');
    writeFileSync(join(OUT, 'review.md'), markdown);
    const html = new MarkdownIt({ html: true }).render(markdown);
    expect(html).not.toMatch(/<img|<script|href="javascript:/i);
    expect(markdown.indexOf('Prototype')).toBeGreaterThan(-1);
    expect(markdown.indexOf('Prototype')).toBeLessThan(markdown.indexOf('SPIFFE SVID'));
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('X.509 SPIFFE SVID');
    expect(text).toContain('javascript:alert(1)');
    expect(text).toContain('onerror=alert(1)');
  });

  test('the CSV opens in a CSV parser with one row per assessed claim, formulas neutralised', async () => {
    const csv = await preview('csv');
    const rows = Papa.parse<string[]>(csv.trim(), { header: false }).data;
    const header = rows[0] ?? [];
    expect(header.map((h) => h.toLowerCase())).toEqual(
      expect.arrayContaining(['vendor', 'claim', 'source url', 'deep link']),
    );
    // Two evidence tags and one marketing tag.
    expect(rows.length - 1).toBe(3);
    const claimColumn = header.findIndex((h) => h.toLowerCase() === 'claim');
    expect(rows.slice(1).some((r) => r[claimColumn]?.includes('X.509 SPIFFE SVID'))).toBe(true);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test('Jira markup and the Jira CSV are produced, with the hostile note escaped', async () => {
    const jira = await preview('jira');
    expect(jira).toMatch(/^h1\./m);
    expect(jira).not.toContain('{code}boom{code}');
    const jiraCsv = await preview('jira-csv');
    const rows = Papa.parse<string[]>(jiraCsv.trim(), { header: false }).data;
    expect(rows[0]).toEqual(
      expect.arrayContaining(['Summary', 'Description', 'Issue Type', 'Labels', 'Priority']),
    );
    // One ticket per finding the panel lists: the missing proof points and the red flag at least.
    const findings = await panel.evaluate<number>(
      `document.querySelectorAll('#findings li[data-finding]').length`,
    );
    expect(findings).toBeGreaterThanOrEqual(4);
    expect(rows.length - 1).toBe(findings);
  });

  test('the HTML report renders with the verdict on top; a screenshot is kept', async () => {
    const html = await preview('html');
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.setContent(html);
    expect(await page.locator('#verdict').textContent()).toMatch(/Prototype/);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.content()).not.toContain('onerror=alert(1)>');
    await page.screenshot({ path: join(OUT, 'report.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    await page.close();
  });

  test('a finding opens a prefilled GitHub new-issue link with its title and body', async () => {
    const options = await openOptions(browser);
    await options.fill('input[name=githubRepo]', 'acme/vendor-reviews');
    await options.click('form:has(input[name=reviewer]) button[type=submit]');
    await options.waitForSelector('text=Saved.');
    await options.close();
    await panel.waitFor(`document.querySelector('#findings a[data-tracker="github"]')`, 10_000);
    // github.com is answered inside the browser: the test sends nothing past loopback.
    await browser.context.route('https://github.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain', body: 'new issue form' }),
    );
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await panel.evaluate(
      `document.querySelector('#findings li[data-finding^="red-flag"] a[data-tracker="github"]').click()`,
      { userGesture: true },
    );
    const tab = await opened;
    await tab.waitForURL(/github\.com/);
    const url = new URL(tab.url());
    expect(url.pathname).toBe('/acme/vendor-reviews/issues/new');
    expect(url.searchParams.get('title')).toMatch(/Kestrel Meridian AI: red flag/);
    expect(url.searchParams.get('body')).toContain('contact our support team');
    await tab.close();
  });

  test('a backup restored into a fresh profile gives back the same review; a broken one changes nothing', async () => {
    const options = await openOptions(browser);
    const download = options.waitForEvent('download');
    await options.click('#backup-all');
    const file = await (await download).path();
    const backup = readFileSync(file, 'utf8');
    const original = await options.evaluate(DUMP_DATABASE);
    await options.close();

    const fresh = await launchChromium({ extensionDir: DIST_CHROME });
    try {
      const page = await openOptions(fresh);
      // A truncated copy first: rejected with a message, nothing written.
      const before = await page.evaluate(DUMP_DATABASE);
      await page.setInputFiles('input[name=backup-file]', {
        name: 'truncated.json',
        mimeType: 'application/json',
        buffer: Buffer.from(backup.slice(0, Math.floor(backup.length / 2))),
      });
      await page.click('#restore-submit');
      await page.waitForSelector('[role=alert]');
      expect(await page.locator('[role=alert]').textContent()).toMatch(/not restored, nothing changed/);
      expect(await page.evaluate(DUMP_DATABASE)).toBe(before);

      await page.setInputFiles('input[name=backup-file]', file);
      await page.click('#restore-submit');
      await page.waitForSelector('#restore-report');
      expect(await page.locator('#restore-report').textContent()).toMatch(/Kestrel Meridian AI: \d+ added/);
      expect(await page.evaluate(DUMP_DATABASE)).toBe(original);
    } finally {
      await fresh.close();
    }
  });

  test('the audit trail still verifies after all of it', async () => {
    await panel.evaluate(`document.querySelector('#verify-trail').click()`);
    await panel.waitFor(`${textOf('#trail-check')}.includes('intact')`);
  });
});
