/**
 * Real Chromium with the built extension loaded (headless), driven by Playwright for web pages
 * and by raw CDP for the extension's own popup and side panel, which Playwright does not list
 * as pages. The toolbar button is "clicked" with CDP's `Extensions.triggerAction`, which runs
 * the action exactly as a click does: it opens the real popup and grants `activeTab`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { CdpConnection } from './cdp.ts';
import { findBrowser } from './find-browser.ts';

/** Flags that keep Chromium quiet and off the network; loopback still works (it bypasses the dead proxy). */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  '--proxy-server=http://127.0.0.1:9',
];

/** An extension page that is not a tab (the popup, the side panel), reached over CDP. */
export interface ExtensionTarget {
  readonly url: string;
  /** The CDP target id (two side panels in two windows share a URL, not an id). */
  readonly targetId: string;
  /** Evaluates an expression in the page; `userGesture` makes it count as a click for APIs that need one. */
  evaluate<T>(expression: string, options?: { userGesture?: boolean }): Promise<T>;
  /** Waits until the expression is truthy. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  screenshot(file: string): Promise<void>;
  /** Sends a raw CDP command to this page's session. */
  cdp<T = unknown>(method: string, params?: object): Promise<T>;
}

/** Requests seen per page or worker, and the targets that were watched. */
export type RequestLog = Array<{ targetUrl: string; targetType: string; url: string }> & {
  watched: Set<string>;
};

/** A running Chromium with our extension. */
export interface ChromiumSession {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** `chrome-extension://ID/` */
  readonly extensionBase: string;
  readonly profileDir: string;
  /** The extension's service worker (started again by Chromium if it was stopped). */
  serviceWorker(): Promise<Worker>;
  /** Clicks the toolbar button for a tab: opens the real popup and grants activeTab on it. */
  clickToolbarButton(page: Page): Promise<ExtensionTarget>;
  /** Finds (waiting for it) an extension page that is open outside a tab, by its path; `except` skips targets already known. */
  extensionTarget(path: string, timeoutMs?: number, except?: readonly string[]): Promise<ExtensionTarget>;
  /**
   * Records every network request of every page and worker (tabs, the extension's pages and
   * service worker), attaching to targets as they appear. Browser-process traffic (updates,
   * sign-in) belongs to no target and is not in this record.
   */
  recordRequests(): Promise<RequestLog>;
  /** Opens a URL in a new browser window and returns its page. */
  newWindow(url: string): Promise<Page>;
  /** Stops the extension's service worker as the browser does after idling; true once it is gone. */
  stopServiceWorker(): Promise<boolean>;
  /**
   * Reloads our extension from its folder, as chrome://extensions' Reload does for an unpacked
   * extension (`Extensions.loadUnpacked` on the same path: same id, its pages closed, a new service
   * worker). Resolves once the new worker runs. (`runtime.reload()` would leave a command-line
   * extension unloaded in headless Chromium.)
   */
  reloadExtension(): Promise<void>;
  /** Lists the extension's open contexts (`runtime.getContexts`), e.g. to see the side panel. */
  contextTypes(): Promise<string[]>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Launches Chromium with the unpacked extension in `extensionDir`; a given `profileDir` is kept. */
export async function launchChromium(options: {
  extensionDir: string;
  profileDir?: string;
  /** Send all traffic, loopback included, through this proxy (the no-network test records it). */
  proxy?: string;
  /** Other unpacked extensions to load beside ours (a curious neighbour, for the security tests). */
  otherExtensions?: readonly string[];
}): Promise<ChromiumSession> {
  const extensions = [options.extensionDir, ...(options.otherExtensions ?? [])].join(',');
  const ownProfile = options.profileDir === undefined;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'vr-chromium-'));
  // A leftover port file from an earlier launch of this profile would point at a dead port.
  rmSync(join(profileDir, 'DevToolsActivePort'), { force: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findBrowser('chromium'),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      // Debian's wrapper adds its own extension flags; ours come later and win.
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      '--enable-unsafe-extension-debugging',
      '--remote-debugging-port=0',
      ...(options.proxy
        ? [
            ...QUIET_CHROMIUM_ARGS.filter((a) => !a.startsWith('--proxy-server')),
            `--proxy-server=${options.proxy}`,
            '--proxy-bypass-list=<-loopback>',
          ]
        : QUIET_CHROMIUM_ARGS),
    ],
  });
  // Ours is the one whose script is background.js (another extension loaded beside it names its own).
  const ours = (w: Worker) => new URL(w.url()).pathname === '/background.js';
  const worker =
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const extensionBase = `chrome-extension://${extensionId}/`;
  const pipe = await context.browser()?.newBrowserCDPSession();
  if (!pipe) throw new Error('No browser-level CDP session: Chromium was not launched by Playwright.');

  const [port, path] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  const cdp = await CdpConnection.connect(`ws://127.0.0.1:${port}${path}`);

  async function attach(targetId: string, url: string): Promise<ExtensionTarget> {
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    const evaluate = async <T>(expression: string, opts: { userGesture?: boolean } = {}): Promise<T> => {
      const result = await cdp.send<{
        result: { value?: T };
        exceptionDetails?: { exception?: { description?: string }; text: string };
      }>(
        'Runtime.evaluate',
        { expression, awaitPromise: true, returnByValue: true, userGesture: opts.userGesture ?? false },
        sessionId,
      );
      if (result.exceptionDetails) {
        throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
      }
      return result.result.value as T;
    };
    return {
      url,
      targetId,
      evaluate,
      async waitFor(expression, timeoutMs = 10_000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          if (await evaluate<boolean>(`Boolean(${expression})`).catch(() => false)) return;
          if (Date.now() > deadline)
            throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${expression}`);
          await sleep(100);
        }
      },
      cdp: (method, params) => cdp.send(method, params, sessionId),
      async screenshot(file) {
        const { data } = await cdp.send<{ data: string }>(
          'Page.captureScreenshot',
          { format: 'png' },
          sessionId,
        );
        writeFileSync(file, Buffer.from(data, 'base64'));
      },
    };
  }

  async function extensionTarget(
    path: string,
    timeoutMs = 10_000,
    except: readonly string[] = [],
  ): Promise<ExtensionTarget> {
    const wanted = extensionBase + path.replace(/^\//, '');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { targetInfos } = await cdp.send<{
        targetInfos: Array<{ targetId: string; url: string; type: string }>;
      }>('Target.getTargets');
      const found = targetInfos.find(
        (t) => t.type === 'page' && t.url.startsWith(wanted) && !except.includes(t.targetId),
      );
      if (found) return attach(found.targetId, found.url);
      if (Date.now() > deadline) {
        throw new Error(
          `No extension page ${wanted} opened within ${timeoutMs} ms (open: ${targetInfos.map((t) => t.url).join(', ')})`,
        );
      }
      await sleep(100);
    }
  }

  return {
    context,
    extensionId,
    extensionBase,
    profileDir,
    async serviceWorker() {
      const running = context.serviceWorkers().find((w) => w.url().startsWith(extensionBase));
      if (running) return running;
      return context.waitForEvent('serviceworker', { timeout: 15_000 });
    },
    async clickToolbarButton(page) {
      const { targetInfos } = await pipe.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const pageTarget = (await (await context.newCDPSession(page)).send('Target.getTargetInfo')).targetInfo;
      // The tab target is the page target's parent in Chromium's tab/page target model.
      const byParent = targetInfos.find((t) => t.targetId === pageTarget.parentId);
      const byUrl = targetInfos.filter((t) => t.url === page.url());
      if (!byParent && byUrl.length > 1)
        throw new Error(`Several tabs show ${page.url()}: give the page a distinct URL`);
      const tab = byParent ?? byUrl[0];
      if (!tab) throw new Error(`No tab target for ${page.url()}`);
      // A popup left open elsewhere (another window) is not the one this click opens.
      const before = (
        await cdp.send<{ targetInfos: Array<{ targetId: string; url: string }> }>('Target.getTargets')
      ).targetInfos
        .filter((t) => t.url.startsWith(`${extensionBase}popup/`))
        .map((t) => t.targetId);
      await pipe.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
      return extensionTarget('popup/index.html', 10_000, before);
    },
    extensionTarget,
    async recordRequests() {
      const log = Object.assign([] as Array<{ targetUrl: string; targetType: string; url: string }>, {
        watched: new Set<string>(),
      });
      const sessions = new Map<string, { url: string; type: string }>();
      cdp.onEvent((event) => {
        if (event.method === 'Target.attachedToTarget') {
          const info = event.params.targetInfo as { url: string; type: string };
          const sessionId = event.params.sessionId as string;
          sessions.set(sessionId, { url: info.url, type: info.type });
          log.watched.add(info.url);
          void cdp
            .send('Network.enable', {}, sessionId)
            .catch(() => undefined)
            .then(() => cdp.send('Runtime.runIfWaitingForDebugger', {}, sessionId))
            .catch(() => undefined);
        } else if (event.method === 'Network.requestWillBeSent' && event.sessionId) {
          const target = sessions.get(event.sessionId);
          const request = event.params.request as { url: string };
          // The document the request is made for (a target's URL at attach time may be about:blank).
          const documentUrl = (event.params.documentURL as string | undefined) ?? target?.url ?? '?';
          log.push({ targetUrl: documentUrl, targetType: target?.type ?? '?', url: request.url });
        }
      });
      await cdp.send('Target.setDiscoverTargets', { discover: true });
      await cdp.send('Target.setAutoAttach', {
        autoAttach: true,
        waitForDebuggerOnStart: false,
        flatten: true,
      });
      // Targets that already exist: attach to each page and worker.
      const { targetInfos } = await cdp.send<{ targetInfos: Array<{ targetId: string; type: string }> }>(
        'Target.getTargets',
      );
      for (const t of targetInfos.filter((x) => x.type === 'page' || x.type === 'service_worker')) {
        await cdp
          .send('Target.attachToTarget', { targetId: t.targetId, flatten: true })
          .catch(() => undefined);
      }
      return log;
    },
    async newWindow(url) {
      const opened = context.waitForEvent('page', {
        predicate: (p) => p.url() === url || p.url() === 'about:blank',
        timeout: 15_000,
      });
      await cdp.send('Target.createTarget', { url, newWindow: true });
      const page = await opened;
      await page.waitForURL(url);
      return page;
    },
    async stopServiceWorker() {
      const workers = async () =>
        (
          await cdp.send<{ targetInfos: Array<{ targetId: string; url: string; type: string }> }>(
            'Target.getTargets',
          )
        ).targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(extensionBase));
      const running = await workers();
      if (running.length === 0) return true;
      // Stop it the way DevTools' "Stop" does: through the ServiceWorker domain of a same-origin page.
      const page = await extensionTarget('', 1_000).catch(() => undefined);
      if (!page) throw new Error('stopServiceWorker needs an open extension page (panel, popup or tab)');
      await page.cdp('ServiceWorker.enable');
      await page.cdp('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline) {
        if ((await workers()).length === 0) return true;
        await sleep(100);
      }
      return false;
    },
    async reloadExtension() {
      const old = context.serviceWorkers().find((w) => w.url().startsWith(extensionBase));
      const started = old ? await old.evaluate(() => performance.timeOrigin).catch(() => 0) : 0;
      const { id } = await pipe.send('Extensions.loadUnpacked', { path: options.extensionDir });
      if (id !== extensionId) throw new Error(`The reload gave another id: ${id}, not ${extensionId}`);
      const deadline = Date.now() + 15_000;
      for (;;) {
        const fresh = context.serviceWorkers().find((w) => w.url().startsWith(extensionBase));
        const origin = fresh ? await fresh.evaluate(() => performance.timeOrigin).catch(() => 0) : 0;
        if (origin > started) return;
        if (Date.now() > deadline) throw new Error('No new service worker within 15 s of the reload');
        await sleep(100);
      }
    },
    async contextTypes() {
      const sw = context.serviceWorkers().find((w) => w.url().startsWith(extensionBase)) ?? worker;
      return sw.evaluate(async () =>
        (await chrome.runtime.getContexts({})).map((c) => `${c.contextType} ${c.documentUrl ?? ''}`.trim()),
      );
    },
    async close() {
      cdp.close();
      await context.close();
      if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
