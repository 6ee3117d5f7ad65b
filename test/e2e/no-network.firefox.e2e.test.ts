/**
 * No network of our own, in real Firefox: a full flow — host grant, review, scan, tag, highlight,
 * show on the page, audit trail, a live demo with a screenshot, every export format previewed in
 * the sidebar, a file saved, the options page with a backup written and restored — recorded three ways:
 *
 * 1. WebDriver BiDi: `network.beforeRequestSent` (`context`, `request.url`, `navigation`,
 *    `initiator`) and `browsingContext.navigationStarted`, subscribed for every context. Firefox
 *    emits them only for tabs and their frames (the sidebar and the background page are not BiDi
 *    contexts) and not for `moz-extension:` files (its network listener skips file channels, bug
 *    1826210): it sees the vendor's tab and the options tab's navigation, nothing else.
 * 2. A chrome-scope channel log (`FirefoxSession.startChannelLog`): every channel Firefox opens in
 *    its parent process, where all HTTP(S) goes — tabs, sidebar, background page, workers and
 *    Firefox itself — each attributed to the tab (BiDi id) or extension view that loaded it.
 * 3. A recording proxy on 127.0.0.1 that all of Firefox's HTTP(S) goes through (loopback
 *    included): it forwards only the vendor's server and records and refuses everything else.
 *
 * The proxy sees Firefox's traffic from its first request; BiDi and the channel log from just after
 * the extension is installed (the harness installs it while launching), before the flow begins.
 *
 * Rules: the extension's pages (background, sidebar, options tab) load only `moz-extension://<our
 * uuid>/…`; the vendor's tab (our content script included) reaches only the vendor's server; and
 * nothing at all goes anywhere else. Firefox's own traffic is off: the harness's prefs, plus
 * `MOZ_DISABLE_NONLOCAL_CONNECTIONS=1` in Firefox's environment, without which Firefox ESR ignores
 * the `services.settings.server` pref and polls Remote Settings
 * (`https://firefox.settings.services.mozilla.com/v1/buckets/monitor/collections/changes/changeset`,
 * system principal, no browsing context) — Firefox's, not ours; the variable makes Firefox skip it.
 *
 * What no recorder can show in Firefox: the extension pages' own file loads. `moz-extension:` files
 * are served inside the extension process, with no channel in the parent process, no BiDi event and
 * no resource-timing entry; the test lists the extension pages Firefox runs and checks that every
 * resource their documents reference is one of our files, and the CSP (`default-src 'none'`,
 * `connect-src 'none'`, checked in the foundation e2e) refuses anything else.
 *
 * The second test shows the recorders catch what the rules forbid: a request from the sidebar is
 * seen, attributed to the sidebar and reported; a `fetch` from an extension page is refused by
 * the CSP before any channel opens.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import {
  type BidiEvent,
  type ChannelRecord,
  type ChromeLog,
  type DownloadInfo,
  type FirefoxSession,
  launchFirefox,
} from './harness/firefox.ts';
import { type RecordingProxy, startRecordingProxy } from './harness/recording-proxy.ts';
import { DIST_FIREFOX, resultsDir, SAMPLE_TITLE, SAMPLE_TRUST_CENTER } from './paths.ts';
import { submitDemoEntry, textOf } from './probes.ts';
import { waitInSidebar } from './sidebar-wait.ts';

const text = textOf;

let server: StaticServer;
/** A second server the flow must never reach; the self-test aims at it. */
let elsewhere: StaticServer;
let proxy: RecordingProxy;
let firefox: FirefoxSession;
let work: string;
let channels: ChromeLog<ChannelRecord>;
let stopBidi: (() => Promise<void>) | undefined;
const bidi: BidiEvent[] = [];
let vendorTab: string;
let optionsTab: string;

/** One request as BiDi's `network.beforeRequestSent` gave it. */
interface BidiRequest {
  context: string | null;
  url: string;
  method: string;
  navigation: string | null;
  initiator: string;
}

const bidiRequests = (): BidiRequest[] =>
  bidi
    .filter((e) => e.method === 'network.beforeRequestSent')
    .map((e) => {
      const p = e.params as {
        context: string | null;
        navigation: string | null;
        request: { url: string; method: string };
        initiator?: { type?: string };
      };
      return {
        context: p.context,
        url: p.request.url,
        method: p.request.method,
        navigation: p.navigation,
        initiator: p.initiator?.type ?? '',
      };
    });

/** What the recorders saw, and who is who. */
interface Recorded {
  bidi: BidiRequest[];
  channels: ChannelRecord[];
  proxyRefused: string[];
}
interface Parties {
  /** `http://127.0.0.1:PORT` of the vendor's server. */
  vendorOrigin: string;
  /** `moz-extension://<uuid>/`. */
  extensionBase: string;
  /** BiDi ids of the vendor's tabs. */
  vendorTabs: ReadonlySet<string | null>;
  /** BiDi ids of tabs showing our pages (the options page). */
  extensionTabs: ReadonlySet<string | null>;
}

/** Every recorded request that breaks the rules, described; empty when none does. */
function violations(recorded: Recorded, parties: Parties): string[] {
  const ours = (url: string) => url.startsWith(parties.extensionBase);
  const vendors = (url: string) => url.startsWith(`${parties.vendorOrigin}/`);
  // data: and blob: URLs are read inside the browser; nothing is sent for them.
  const inBrowser = (url: string) => /^(data|blob):/i.test(url);
  const network = (url: string) => /^(https?|wss?|ftp):/i.test(url);
  const out: string[] = [];
  for (const r of recorded.bidi) {
    if (parties.extensionTabs.has(r.context)) {
      if (!ours(r.url) && !inBrowser(r.url)) out.push(`BiDi, our tab ${r.context}: ${r.method} ${r.url}`);
    } else if (parties.vendorTabs.has(r.context)) {
      if (!vendors(r.url) && !inBrowser(r.url)) out.push(`BiDi, vendor tab: ${r.method} ${r.url}`);
    } else if (!vendors(r.url) && !ours(r.url) && !inBrowser(r.url)) {
      out.push(`BiDi, context ${r.context}: ${r.method} ${r.url}`);
    }
  }
  for (const c of recorded.channels) {
    const url = c.originalUrl || c.url;
    const who = `${c.topic}, ${c.where}${c.viewType ? ` ${c.viewType}` : ''}${c.context ? ` ${c.context}` : ''} (${c.triggeringOrigin})`;
    if (c.where === 'extension-view' || (c.where === 'tab' && parties.extensionTabs.has(c.context))) {
      if (!ours(url) && !inBrowser(url)) out.push(`channel, ours: ${who}: ${url}`);
    } else if (c.where === 'tab' && parties.vendorTabs.has(c.context)) {
      if (!vendors(url) && !inBrowser(url)) out.push(`channel, vendor tab: ${who}: ${url}`);
    } else if (network(url) && !vendors(url)) {
      out.push(`channel: ${who}: ${url}`);
    }
  }
  for (const refused of recorded.proxyRefused) out.push(`proxy refused: ${refused}`);
  return out;
}

const recorded = async (): Promise<Recorded> => ({
  bidi: bidiRequests(),
  channels: await channels.records(),
  proxyRefused: [...proxy.refused],
});

const parties = (): Parties => ({
  vendorOrigin: new URL(server.url).origin,
  extensionBase: firefox.extensionBase,
  vendorTabs: new Set([vendorTab]),
  extensionTabs: new Set([optionsTab]),
});

/** Every resource a document of ours references (scripts, styles, images, frames…), not its links. */
const REFERENCED = `[...document.querySelectorAll('script[src], link[href], img[src], iframe[src], frame[src], embed[src], object[data], source[src], video[src], audio[src], track[src]')]
  .map((el) => el.src || el.href || el.data)`;

/** Waits in the sidebar's page until the expression is truthy. */
const sidebarWaitFor = (expression: string, timeoutMs?: number) =>
  waitInSidebar(firefox, expression, timeoutMs);

/** Waits until `probe` returns true (polled every 100 ms). */
async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for one more finished download than `before` had, and returns it. */
async function nextDownload(before: number): Promise<DownloadInfo> {
  let last: DownloadInfo | undefined;
  await until('a finished download', async () => {
    last = (await firefox.downloads())[before];
    if (last?.error) throw new Error(`the download of ${last.url} failed: ${last.error}`);
    return last?.succeeded === true;
  });
  return last as DownloadInfo;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ff-no-network-'));
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  elsewhere = await serveFolder(work);
  proxy = await startRecordingProxy([new URL(server.url).origin]);
  const proxyPort = Number(new URL(proxy.url).port);
  // launchFirefox sets MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 in Firefox's environment.
  firefox = await launchFirefox({
    extensionDir: DIST_FIREFOX,
    prefs: {
      // All of Firefox's HTTP(S), loopback included, through the recording proxy.
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Downloads land in the work folder without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': join(work, 'downloads'),
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  channels = await firefox.startChannelLog();
  stopBidi = await firefox.subscribe(
    ['network.beforeRequestSent', 'browsingContext.navigationStarted'],
    (e) => bidi.push(e),
  );
  await sidebarWaitFor(`document.querySelector('h1')?.textContent === 'Vendor Review'`);
}, 90_000);

afterAll(async () => {
  await stopBidi?.().catch(() => undefined);
  await firefox?.close();
  await proxy?.close();
  await server?.close();
  await elsewhere?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('no network in Firefox', () => {
  test('a full review flow makes no request but the page’s own', async () => {
    vendorTab = await firefox.openTab(server.url);
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
    // Tag a claim with the keyboard, see it highlighted on the page, show another one there.
    await firefox.sidebarEvaluate(`(() => {
      for (const b of document.querySelectorAll('#scan-groups .group-header[aria-expanded="false"]')) b.click();
      return true;
    })()`);
    const svid = `[...document.querySelectorAll('#scan-groups li.claim')].find((el) => /X\\.509 SPIFFE SVID/.test(el.textContent))`;
    await sidebarWaitFor(svid);
    await firefox.sidebarEvaluate(`(() => {
      const li = ${svid};
      li.focus();
      li.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true }));
      return true;
    })()`);
    await sidebarWaitFor(
      `document.querySelector('#checklist li[data-control="workload-identity"]')?.dataset.status === 'proven'`,
    );
    await firefox.waitFor(vendorTab, `CSS.highlights.has('vendor-review-evidence')`, 10_000);
    await firefox.evaluate(vendorTab, 'window.scrollTo(0, 0)');
    await firefox.sidebarEvaluate(
      `[...document.querySelectorAll('#scan-groups .claim-button')].at(-1).click()`,
    );
    await firefox.waitFor(vendorTab, `CSS.highlights.has('vendor-review-flash')`, 5000);
    await firefox.sidebarEvaluate(`document.querySelector('#verify-trail').click()`);
    await sidebarWaitFor(`${text('#trail-check')}.includes('intact')`);
    // A live demo: an entry logged, and the tab captured into it by the keyboard command.
    await firefox.sidebarEvaluate(`document.querySelector('#demo-start').click()`);
    await sidebarWaitFor(`document.querySelector('#demo-entry')`);
    await firefox.sidebarEvaluate(submitDemoEntry('+ #rev Revoked the token live; the next call failed'));
    await sidebarWaitFor(`document.querySelectorAll('#demo .demo-log li[data-entry]').length === 1`);
    await firefox.runCommand('capture-screenshot');
    await sidebarWaitFor(`document.querySelector('#demo .demo-log [data-screenshot] img')`, 15_000);
    // Thumbnails load lazily: bring it into view, so the sidebar really reads its blob: image.
    await firefox.sidebarEvaluate(
      `document.querySelector('#demo .demo-log [data-screenshot]').scrollIntoView()`,
    );
    await sidebarWaitFor(`document.querySelector('#demo .demo-log [data-screenshot] img')?.complete`, 15_000);
    // Every export format, previewed in the sidebar; the last one saved as a file.
    for (const format of ['md', 'jira', 'csv', 'jira-csv', 'html', 'json']) {
      await firefox.sidebarEvaluate(`(() => {
        const select = document.querySelector('#export-format');
        select.value = ${JSON.stringify(format)};
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return true;
      })()`);
      await sidebarWaitFor(`!document.querySelector('#export-preview-text')`);
      await firefox.sidebarEvaluate(`document.querySelector('#export-preview').click()`);
      await sidebarWaitFor(`document.querySelector('#export-preview-text')?.value.length > 0`, 20_000);
    }
    const saved = (await firefox.downloads()).length;
    await firefox.sidebarEvaluate(`document.querySelector('#export-save').click()`);
    await nextDownload(saved);
    // The options page: a backup written, then restored (merged) from the same file.
    optionsTab = await firefox.openTab(`${firefox.extensionBase}src/options/index.html`);
    await firefox.waitFor(optionsTab, `document.querySelector('#restore-form')`);
    const backups = (await firefox.downloads()).length;
    await firefox.evaluate(optionsTab, `document.querySelector('#backup-all').click()`);
    const backup = await nextDownload(backups);
    await firefox.setFiles(optionsTab, 'input[name=backup-file]', [backup.path]);
    await firefox.evaluate(optionsTab, `document.querySelector('#restore-submit').click()`);
    await firefox.waitFor(optionsTab, `document.querySelector('#restore-report')`);
    // Let anything the flow set off (a late request, a retry) arrive before reading the recorders.
    await new Promise((r) => setTimeout(r, 500));

    const seen = await recorded();
    const who = parties();
    // Kept for whoever wants to read what was seen (test-results/ is not committed).
    await writeFile(
      join(resultsDir('no-network-firefox'), 'requests.json'),
      JSON.stringify({ vendorTab, optionsTab, ...seen, proxySeen: proxy.seen }, null, 2),
    );
    // The recorders were in the path: each saw the vendor page's own requests.
    const vendorByBidi = seen.bidi.filter((r) => r.context === vendorTab);
    const vendorByChannel = seen.channels.filter((c) => c.where === 'tab' && c.context === vendorTab);
    expect(vendorByBidi.filter((r) => r.url.startsWith(server.url)).length).toBeGreaterThan(0);
    expect(vendorByChannel.filter((c) => c.url.startsWith(server.url)).length).toBeGreaterThan(0);
    expect(proxy.seen.some((r) => r.startsWith(`GET ${server.url}`))).toBe(true);
    // The rules hold for everything every recorder saw.
    expect(violations(seen, who)).toEqual([]);
    expect(elsewhere.requests).toEqual([]);
    // The extension's pages that ran: the background page, the sidebar and the options tab.
    const views = await firefox.extensionViews();
    expect(views.map((v) => v.viewType).sort()).toEqual(['background', 'sidebar', 'tab']);
    expect(views.find((v) => v.viewType === 'tab')?.context).toBe(optionsTab);
    for (const v of views) expect(v.url.startsWith(firefox.extensionBase), v.url).toBe(true);
    // BiDi saw the options page load (a navigation; Firefox reports no network event for our files).
    expect(
      bidi.some(
        (e) =>
          e.method === 'browsingContext.navigationStarted' &&
          e.params.context === optionsTab &&
          String(e.params.url).startsWith(`${firefox.extensionBase}src/options/`),
      ),
    ).toBe(true);
    // Each of our pages' documents references only our own files (what it loads; the CSP refuses the rest).
    const referenced = [
      ...(await firefox.backgroundEvaluate<string[]>(REFERENCED)),
      ...(await firefox.sidebarEvaluate<string[]>(REFERENCED)),
      ...(await firefox.evaluate<string[]>(optionsTab, REFERENCED)),
    ];
    expect(referenced.length).toBeGreaterThan(0);
    // Our own files, and screenshots shown from our own in-memory blobs (blob:<our origin>/…).
    expect(
      referenced.filter(
        (u) => !u.startsWith(firefox.extensionBase) && !u.startsWith(`blob:${firefox.extensionBase}`),
      ),
    ).toEqual([]);
    // No recorder attributes any request to our pages: nothing in the parent process came from them.
    expect(
      seen.channels.filter(
        (c) => c.where === 'extension-view' || (c.where === 'tab' && c.context === optionsTab),
      ),
    ).toEqual([]);
  });

  test('the recorders catch a request from the sidebar; a fetch from our pages never leaves (CSP)', async () => {
    const target = (name: string) => `${elsewhere.url}${name}`;
    // A fetch from each of our pages is refused by the CSP (connect-src 'none') before any channel opens.
    const fetchFrom = (path: string) =>
      `fetch(${JSON.stringify(target(path))}).then(() => 'sent', (e) => e.name)`;
    expect(await firefox.sidebarEvaluate<string>(fetchFrom('from-sidebar'))).toBe('TypeError');
    expect(await firefox.backgroundEvaluate<string>(fetchFrom('from-background'))).toBe('TypeError');
    expect(await firefox.evaluate<string>(optionsTab, fetchFrom('from-options'))).toBe('TypeError');
    // Something the CSP does not govern does leave: the sidebar's own document navigated elsewhere.
    await firefox.sidebarEvaluate(`location.href = ${JSON.stringify(target('sidebar-navigation'))}; true`);
    await until('the sidebar navigation in the channel log', async () =>
      (await channels.records()).some((c) => c.url === target('sidebar-navigation')),
    );
    await until('the proxy to refuse it', async () =>
      proxy.refused.includes(`GET ${target('sidebar-navigation')}`),
    );
    const seen = await recorded();
    const record = seen.channels.find((c) => c.url === target('sidebar-navigation'));
    // Attributed to the sidebar, though BiDi has no context for it.
    expect(record).toMatchObject({ where: 'extension-view', viewType: 'sidebar', context: null });
    const found = violations(seen, parties());
    expect(
      found.some((v) => v.startsWith('channel, ours: ') && v.endsWith(target('sidebar-navigation'))),
    ).toBe(true);
    expect(found).toContain(`proxy refused: GET ${target('sidebar-navigation')}`);
    // Nothing else: the refused fetches opened no channel, and nothing reached the other server.
    expect(seen.channels.filter((c) => c.url.startsWith(elsewhere.url)).map((c) => c.url)).toEqual([
      target('sidebar-navigation'),
    ]);
    expect(found).toHaveLength(2);
    expect(elsewhere.requests).toEqual([]);
  });
});
