/**
 * Exports from a real review of the sample trust center in Firefox, mirroring the Chromium export
 * e2e: every format produced in the real sidebar and checked with a real parser, the HTML report
 * rendered in a Firefox tab and screenshotted, "Copy" reaching the clipboard, the sidebar's
 * "Save file" and the options page's "Back up all reviews" landing in Firefox's downloads, a
 * finding's GitHub new-issue link opened with its title and body, and that backup restored into a
 * second, fresh Firefox profile through the options page's file input.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type DownloadInfo, type FirefoxSession, launchFirefox } from './harness/firefox.ts';
import { DIST_FIREFOX, resultsDir, SAMPLE_TITLE, SAMPLE_TRUST_CENTER } from './paths.ts';
import { DUMP_DATABASE, textOf } from './probes.ts';
import { waitInSidebar } from './sidebar-wait.ts';

const text = textOf;
const HOSTILE_NOTE =
  '=HYPERLINK("http://evil.example","x") [x](javascript:alert(1)) <img src=x onerror=alert(1)> {code}boom{code} | ```';

let server: StaticServer;
let reportServer: StaticServer | undefined;
let firefox: FirefoxSession;
let work: string;
let downloadsDir: string;
const OUT = resultsDir('export-firefox');

/** Firefox saves downloads straight into `dir`, without asking or popping up its Downloads panel. */
function downloadPrefs(dir: string) {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.download.start_downloads_in_tmp_dir': false,
  };
}

/** Waits in the first Firefox's sidebar until the expression is truthy. */
function sidebarWaitFor(expression: string, timeoutMs = 10_000): Promise<void> {
  return waitInSidebar(firefox, expression, timeoutMs);
}

/**
 * Focuses the first scanned claim whose text matches `pattern` (a regex literal) and presses a key
 * on it. The sidebar is not a BiDi browsing context, so BiDi's `input.performActions` cannot reach
 * it: the key is a KeyboardEvent dispatched on the focused claim, as in the foundation test.
 */
async function keyOnClaim(pattern: string, key: string): Promise<void> {
  await firefox.sidebarEvaluate(`(() => {
    for (const b of document.querySelectorAll('#scan-groups .group-header[aria-expanded="false"]')) b.click();
    return true;
  })()`);
  await sidebarWaitFor(
    `[...document.querySelectorAll('#scan-groups li.claim')].some((li) => ${pattern}.test(li.textContent))`,
  );
  await firefox.sidebarEvaluate(`(() => {
    const li = [...document.querySelectorAll('#scan-groups li.claim')].find((el) => ${pattern}.test(el.textContent));
    li.focus();
    li.dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(key)}, bubbles: true }));
    return true;
  })()`);
}

/** Picks a format in the sidebar's Export section, previews it, and returns the previewed text. */
async function preview(format: string): Promise<string> {
  await firefox.sidebarEvaluate(`(() => {
    const select = document.querySelector('#export-format');
    select.value = ${JSON.stringify(format)};
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  })()`);
  // A new format drops the previous preview; wait for that so the old text is never read.
  await sidebarWaitFor(`!document.querySelector('#export-preview-text')`);
  await firefox.sidebarEvaluate(`document.querySelector('#export-preview').click()`);
  await sidebarWaitFor(`document.querySelector('#export-preview-text')?.value.length > 0`, 20_000);
  return firefox.sidebarEvaluate<string>(`document.querySelector('#export-preview-text').value`);
}

/** Waits for one more finished download than `before` had, and returns it. */
async function nextDownload(session: FirefoxSession, before: number): Promise<DownloadInfo> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const all = await session.downloads();
    const last = all[before];
    if (last?.error) throw new Error(`the download of ${last.url} failed: ${last.error}`);
    if (last?.succeeded) return last;
    if (Date.now() > deadline) {
      throw new Error(`no download finished within 10 s (Firefox lists: ${JSON.stringify(all)})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openOptions(session: FirefoxSession): Promise<string> {
  const tab = await session.openTab(`${session.extensionBase}src/options/index.html`);
  await session.waitFor(tab, `document.querySelector('#restore-form')`);
  return tab;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ff-export-'));
  downloadsDir = join(work, 'downloads');
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  firefox = await launchFirefox({ extensionDir: DIST_FIREFOX, prefs: downloadPrefs(downloadsDir) });
  await sidebarWaitFor(`document.querySelector('h1')?.textContent === 'Vendor Review'`);
  const vendorTab = await firefox.openTab(server.url);
  await firefox.waitFor(vendorTab, `document.documentElement.dataset.rendered === 'true'`);
  // What "Read all of 127.0.0.1" asks for: BiDi cannot click the toolbar button for activeTab.
  await firefox.grantHostPermissions(['http://127.0.0.1/*']);
  await firefox.sidebarEvaluate(`document.querySelector('#read-again')?.click()`);
  await sidebarWaitFor(`${text('#page-title')} === ${JSON.stringify(SAMPLE_TITLE)}`);
  await sidebarWaitFor(`document.querySelector('input[name=domain]')?.value === '127.0.0.1'`);
  await firefox.sidebarEvaluate(`document.querySelector('form button[type=submit]').click()`);
  await sidebarWaitFor(`document.querySelector('#verdict')`);
  await firefox.sidebarEvaluate(`document.querySelector('#scan-button').click()`);
  await sidebarWaitFor(`document.querySelector('#scan')?.dataset.state === 'done'`, 20_000);

  await keyOnClaim('/X\\.509 SPIFFE SVID/', 'e');
  await sidebarWaitFor(
    `document.querySelector('#checklist li[data-control="workload-identity"]')?.dataset.status === 'proven'`,
  );
  await keyOnClaim('/per-tenant|row-level security/i', 'e');
  await sidebarWaitFor(
    `document.querySelector('#checklist li[data-control="tenant-isolation"]')?.dataset.status === 'proven'`,
  );
  await firefox.sidebarEvaluate(`[...document.querySelectorAll('#scan-groups li.claim')]
    .find((li) => /robust, enterprise-grade identity/.test(li.textContent))
    .querySelector('[data-verdict="marketing"]').click()`);
  await sidebarWaitFor(`[...document.querySelectorAll('#scan-groups li.claim')]
    .find((li) => /robust, enterprise-grade identity/.test(li.textContent))
    ?.querySelector('[data-verdict="marketing"]')?.getAttribute('aria-pressed') === 'true'`);
  await firefox.sidebarEvaluate(`[...document.querySelectorAll('#scan-groups li.claim')]
    .find((li) => /contact our support team/i.test(li.textContent))
    .querySelector('[data-raise="manual-revocation"]').click()`);
  await sidebarWaitFor(`document.querySelector('#verdict').dataset.verdict === 'prototype'`);
  await firefox.sidebarEvaluate(`(() => {
    const area = document.querySelector('textarea[data-note-scope="review"]');
    area.value = ${JSON.stringify(HOSTILE_NOTE)};
    area.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  })()`);
  await sidebarWaitFor(
    `[...document.querySelectorAll('#history-list li')].some((li) => li.dataset.action === 'note.edit')`,
  );
}, 90_000);

afterAll(async () => {
  await firefox?.close();
  await reportServer?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('exports in Firefox', () => {
  test('Markdown renders with the verdict on top, the tagged claims, and the hostile note as literal text', async () => {
    const markdown = await preview('md');
    await writeFile(join(OUT, 'review.md'), markdown);
    const html = new MarkdownIt({ html: true }).render(markdown);
    expect(html).not.toMatch(/<img|<script|href="javascript:/i);
    expect(markdown.indexOf('Prototype')).toBeGreaterThan(-1);
    expect(markdown.indexOf('Prototype')).toBeLessThan(markdown.indexOf('SPIFFE SVID'));
    const plain = html.replace(/<[^>]+>/g, '');
    expect(plain).toContain('X.509 SPIFFE SVID');
    expect(plain).toContain('javascript:alert(1)');
    expect(plain).toContain('onerror=alert(1)');
  });

  test('"Copy" puts the export on the clipboard', async () => {
    const markdown = await preview('md');
    // The async clipboard wants a recent user activation, as a real click gives.
    await firefox.sidebarUserGesture();
    await firefox.sidebarEvaluate(`document.querySelector('#export-copy').click()`);
    await sidebarWaitFor(`document.querySelector('#export-status')`);
    expect(await firefox.sidebarEvaluate<string>(text('#export-status'))).toBe('Copied to the clipboard.');
    expect(await firefox.clipboardText()).toBe(markdown);
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
    // One ticket per finding the sidebar lists: the missing proof points and the red flag at least.
    const findings = await firefox.sidebarEvaluate<number>(
      `document.querySelectorAll('#findings li[data-finding]').length`,
    );
    expect(findings).toBeGreaterThanOrEqual(4);
    expect(rows.length - 1).toBe(findings);
  });

  test('the HTML report renders in a Firefox tab with the verdict on top; a screenshot is kept', async () => {
    const html = await preview('html');
    // Firefox refuses top-level navigation to data: URLs, so the report is served from 127.0.0.1.
    const folder = join(work, 'report');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'report.html'), html);
    reportServer = await serveFolder(folder);
    const tab = await firefox.openTab(`${reportServer.url}report.html`);
    expect(await firefox.evaluate<string>(tab, text('#verdict'))).toMatch(/Prototype/);
    expect(await firefox.evaluate<number>(tab, `document.querySelectorAll('script').length`)).toBe(0);
    expect(await firefox.evaluate<number>(tab, `document.querySelectorAll('img').length`)).toBe(0);
    expect(
      await firefox.evaluate<boolean>(
        tab,
        `[...document.querySelectorAll('*')].some((el) => el.hasAttribute('onerror'))`,
      ),
    ).toBe(false);
    expect(await firefox.evaluate<string>(tab, 'document.body.textContent')).toContain('X.509 SPIFFE SVID');
    await firefox.screenshot(tab, join(OUT, 'report.png'));
  });

  test('"Save file" in the sidebar lands the export in Firefox\'s downloads', async () => {
    const json = await preview('json');
    const backup = JSON.parse(json) as {
      reviews: Array<{ review: { vendor: string }; assessments: unknown[] }>;
    };
    expect(backup.reviews.map((r) => r.review.vendor)).toEqual(['Kestrel Meridian AI']);
    expect(backup.reviews[0]?.assessments).toHaveLength(3);
    const before = (await firefox.downloads()).length;
    await firefox.sidebarEvaluate(`document.querySelector('#export-save').click()`);
    const saved = await nextDownload(firefox, before);
    expect(saved.path).toMatch(/kestrel-meridian-ai-review-\d{4}-\d{2}-\d{2}-backup\.json$/);
    expect(await readFile(saved.path, 'utf8')).toBe(json);
    await sidebarWaitFor(`${text('#export-status')}.includes('Saved as')`);
  });

  test('a finding opens a prefilled GitHub new-issue link with its title and body', async () => {
    const options = await firefox.openTab(`${firefox.extensionBase}src/options/index.html`);
    await firefox.waitFor(options, `document.querySelector('input[name=githubRepo]')`);
    await firefox.evaluate(
      options,
      `(() => {
        const input = document.querySelector('input[name=githubRepo]');
        input.value = 'acme/vendor-reviews';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return true;
      })()`,
    );
    // Submitted once the page has rendered the typed value (its save reads the rendered state).
    await firefox.evaluate(
      options,
      `new Promise((done) => requestAnimationFrame(() => {
        document.querySelector('form:has(input[name=reviewer]) button[type=submit]').click();
        done(true);
      }))`,
    );
    await firefox.waitFor(options, `document.body.textContent.includes('Saved.')`);
    await sidebarWaitFor(`document.querySelector('#findings a[data-tracker="github"]')`, 10_000);
    // The new tab's navigation is seen as it starts: github.com itself is never reached (the
    // profile's dead proxy takes every request that is not for loopback).
    const started: string[] = [];
    const stop = await firefox.subscribe(['browsingContext.navigationStarted'], (event) => {
      const url = event.params.url;
      if (typeof url === 'string' && url.startsWith('https://github.com/')) started.push(url);
    });
    try {
      await firefox.sidebarUserGesture();
      await firefox.sidebarEvaluate(
        `document.querySelector('#findings li[data-finding^="red-flag"] a[data-tracker="github"]').click()`,
      );
      const deadline = Date.now() + 10_000;
      while (started.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await stop();
    }
    expect(started.length).toBeGreaterThan(0);
    const url = new URL(started[0] as string);
    expect(url.pathname).toBe('/acme/vendor-reviews/issues/new');
    expect(url.searchParams.get('title')).toMatch(/Kestrel Meridian AI: red flag/);
    expect(url.searchParams.get('body')).toContain('contact our support team');
  });

  test('a backup restored into a fresh Firefox gives back the same review; a broken one changes nothing', async () => {
    const options = await openOptions(firefox);
    const before = (await firefox.downloads()).length;
    await firefox.evaluate(options, `document.querySelector('#backup-all').click()`);
    const backupFile = (await nextDownload(firefox, before)).path;
    const backup = await readFile(backupFile, 'utf8');
    expect(JSON.parse(backup).reviews).toHaveLength(1);
    await firefox.waitFor(options, `${text('[role=status]')}.includes('1 review(s)')`);
    const original = await firefox.evaluate<string>(options, DUMP_DATABASE);
    const truncated = join(work, 'truncated.json');
    await writeFile(truncated, backup.slice(0, Math.floor(backup.length / 2)));

    const fresh = await launchFirefox({
      extensionDir: DIST_FIREFOX,
      prefs: downloadPrefs(join(work, 'downloads-fresh')),
    });
    try {
      // Firefox opens the sidebar on install and its review list opens the database: wait for it,
      // so the "before" dump is taken from the database the extension made, not one the dump creates.
      await waitInSidebar(fresh, `${text('main')}.includes('No reviews yet')`);
      const page = await openOptions(fresh);
      // A truncated copy first: rejected with a message, nothing written.
      const empty = await fresh.evaluate<string>(page, DUMP_DATABASE);
      await fresh.setFiles(page, 'input[name=backup-file]', [truncated]);
      await fresh.evaluate(page, `document.querySelector('#restore-submit').click()`);
      await fresh.waitFor(page, `document.querySelector('[role=alert]')`);
      expect(await fresh.evaluate<string>(page, text('[role=alert]'))).toMatch(
        /not restored, nothing changed/,
      );
      expect(await fresh.evaluate<string>(page, DUMP_DATABASE)).toBe(empty);

      await fresh.setFiles(page, 'input[name=backup-file]', [backupFile]);
      await fresh.evaluate(page, `document.querySelector('#restore-submit').click()`);
      await fresh.waitFor(page, `document.querySelector('#restore-report')`);
      const report = await fresh.evaluate<string>(page, text('#restore-report'));
      expect(report).toMatch(/merged by id/);
      expect(report).toMatch(/Kestrel Meridian AI: \d+ added/);
      expect(await fresh.evaluate<string>(page, DUMP_DATABASE)).toBe(original);
      // The fresh Firefox's sidebar lists the restored review.
      await waitInSidebar(fresh, `${text('#review-list')}.includes('Kestrel Meridian AI')`);
    } finally {
      await fresh.close();
    }
  });

  test('the audit trail still verifies after all of it', async () => {
    await firefox.sidebarEvaluate(`document.querySelector('#verify-trail').click()`);
    await sidebarWaitFor(`${text('#trail-check')}.includes('intact')`);
  });
});
