/**
 * A small driver for real (headless) Firefox over WebDriver BiDi, without geckodriver.
 *
 * It starts `firefox --remote-debugging-port 0 --remote-allow-system-access`, reads the BiDi
 * WebSocket URL from stderr, opens a BiDi session and installs the unpacked extension with
 * `webExtension.install`. The extension's internal UUID is pinned with the
 * `extensions.webextensions.uuids` pref so `moz-extension://<uuid>/` is known in advance.
 *
 * `--remote-allow-system-access` is what makes the rest possible:
 * - `browsingContext.navigate` accepts `moz-extension://` URLs, and `script.evaluate` works in
 *   extension pages opened in tabs;
 * - the browser window's chrome-scope context can be scripted (permission grants, sidebar state);
 * - the sidebar's extension document (a `<browser>` that is not a tab, so BiDi does not list it)
 *   is reached by forwarding the same `script.evaluateExpression` command BiDi itself uses to
 *   that browser's browsing context, from chrome scope, through this session's root message
 *   handler. That last part uses Firefox-internal modules (checked on Firefox ESR 153).
 *
 * For the security e2e it also subscribes to BiDi events (`subscribe`), evaluates in the
 * background page (`backgroundEvaluate`, the same forwarding as the sidebar's), lists the
 * extension's running pages (`extensionViews`), and keeps chrome-scope logs of every channel
 * (`startChannelLog`) and every prompt (`startDialogLog`) Firefox opens, whatever opened it.
 *
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import WebSocket from 'ws';
import { findBrowser } from './find-browser.ts';
import { harnessPrefs, type PrefValue, toUserJs } from './firefox-prefs.ts';

/** The internal UUID used for the extension when {@link FirefoxOptions.extensionUuid} is not given. */
export const DEFAULT_EXTENSION_UUID = '6a3e1d2c-9b4f-4e57-8c1a-2f0d5e7b9a41';

/** Default time limit for one BiDi command. */
const COMMAND_TIMEOUT_MS = 30_000;
/** Time limit for Firefox to print its BiDi URL after spawn. */
const LAUNCH_TIMEOUT_MS = 45_000;
/** Time `close()` waits for a clean quit before SIGKILL. */
const QUIT_TIMEOUT_MS = 10_000;
/** How much of Firefox's stderr is kept for error messages. */
const STDERR_KEEP_CHARS = 16_000;

/** Options for {@link launchFirefox}. */
export interface FirefoxOptions {
  /** Unpacked extension folder (with `manifest.json` that has `browser_specific_settings.gecko.id`). */
  extensionDir: string;
  /** Profile folder, created if missing and kept between launches. If omitted a temp profile is used and removed on close. */
  profileDir?: string;
  /** Internal UUID for `moz-extension://<uuid>/`. Defaults to {@link DEFAULT_EXTENSION_UUID}. */
  extensionUuid?: string;
  /** Run without a window. Default `true`; `false` needs a display. */
  headless?: boolean;
  /** Extra prefs written to `user.js` after the harness defaults (they win). */
  prefs?: Readonly<Record<string, PrefValue>>;
  /** Time limit per BiDi command in ms. Default 30 000. */
  commandTimeoutMs?: number;
}

/** One top-level tab as BiDi sees it. */
export interface ContextInfo {
  /** BiDi browsing-context id. */
  context: string;
  /** The tab's current URL. */
  url: string;
}

/** One download as Firefox's Downloads panel lists it. */
export interface DownloadInfo {
  /** Where it came from (a `blob:` URL for a Blob link with `download`). */
  url: string;
  /** The file it was saved to. */
  path: string;
  /** True once the file is complete on disk. */
  succeeded: boolean;
  /** Why it failed, or null. */
  error: string | null;
}

/** One WebDriver BiDi event (`{"type": "event", "method": …, "params": …}` on the wire). */
export interface BidiEvent {
  /** E.g. `network.beforeRequestSent`, `browsingContext.userPromptOpened`. */
  method: string;
  params: Record<string, unknown>;
}

/** A page of this extension's that Firefox runs, as its parent process lists them (`extension.views`). */
export interface ExtensionView {
  /** Firefox's view type: `background`, `sidebar`, `tab`, `popup`… */
  viewType: string;
  /** The page's URL. */
  url: string;
  /** The BiDi context id when the page is in a tab; null elsewhere (BiDi knows only tabs and their frames). */
  context: string | null;
}

/** One channel Firefox opened, as the chrome-scope channel log (see {@link FirefoxSession.startChannelLog}) saw it. */
export interface ChannelRecord {
  /** The observer topic that reported it (`http-on-opening-request`, `file-channel-opened`, …). */
  topic: string;
  /** The channel's URI (for `moz-extension:` the file or jar it resolves to). */
  url: string;
  /** The URI it was opened with (`moz-extension://…` for an extension file). */
  originalUrl: string;
  /**
   * What loaded it, from the top-level `<browser>` of the loading browsing context: `tab` (with
   * {@link context}), `extension-view` (a `<browser>` of an extension page outside the tabs: its
   * {@link viewType} says which), `other` (another `<browser>` or the browser's own window), or
   * `none` (no browsing context: Firefox's own requests, or a worker's whose page is gone).
   */
  where: 'tab' | 'extension-view' | 'other' | 'none';
  /** The tab's BiDi context id when {@link where} is `tab`. */
  context: string | null;
  /** `webextension-view-type` of the embedding `<browser>` (`sidebar`, `background`, `popup`…), or null. */
  viewType: string | null;
  /** The URL of the top-level document of the loading browsing context at the time, or null. */
  topUrl: string | null;
  /** `loadInfo.triggeringPrincipal.origin` (`[System Principal]` for Firefox's own code), or null. */
  triggeringOrigin: string | null;
  /** `nsIContentPolicy` type of the load (6 = document, 2 = script, 11 = fetch/XHR …). */
  contentPolicyType: number | null;
}

/** A running log in the browser's chrome scope; read it while it runs, stop it once. */
export interface ChromeLog<T> {
  /** Everything recorded so far, oldest first. */
  records(): Promise<T[]>;
  /** Stops recording and returns everything recorded. */
  stop(): Promise<T[]>;
}

/** One prompt (alert, confirm, prompt, beforeunload…) Firefox opened anywhere, as the dialog log saw it. */
export interface DialogRecord {
  /** The observer topic that reported it. */
  topic: string;
  /** The prompt's text, when Firefox gives it. */
  text: string | null;
  /** The URL of the document that opened it, when known. */
  ownerUrl: string | null;
}

/** A running Firefox with the extension installed. Every method rejects with a descriptive Error on failure. */
export interface FirefoxSession {
  /** The gecko id read from `extensionDir/manifest.json`. */
  readonly extensionId: string;
  /** `moz-extension://<uuid>/`, with the trailing slash. */
  readonly extensionBase: string;
  /** Opens and selects a new tab (web or `moz-extension://` URL), waits for its load event, returns its BiDi context id. */
  openTab(url: string): Promise<string>;
  /**
   * Opens a tab without selecting it and starts loading `url` without waiting (BiDi `wait: 'none'`):
   * a big page can load while the test does other things. Returns its BiDi context id; wait for
   * the page yourself (e.g. {@link waitFor} `document.readyState === 'complete'`).
   */
  openBackgroundTab(url: string): Promise<string>;
  /** Opens a new browser window showing `url` (waits for its load event); returns its tab's BiDi context id. */
  openWindow(url: string): Promise<string>;
  /** Navigates an existing tab and waits for its load event. */
  navigate(context: string, url: string): Promise<void>;
  /** Makes the tab the selected tab of its window (and focuses it). */
  activate(context: string): Promise<void>;
  /**
   * Evaluates a JS expression in the tab's page (its own window, not a sandbox), awaiting a returned promise.
   * Runs with user activation, like a user's click. Returns the JSON-able result; values that cannot be
   * serialised (DOM nodes, functions, windows...) come back as `{ nonSerializable: '<bidi type>' }`.
   * Rejects with the page's exception text if the expression throws.
   */
  evaluate<T = unknown>(context: string, expression: string): Promise<T>;
  /** Polls `expression` (every 100 ms, promises awaited) until it is truthy; rejects after `timeoutMs` (default 10 000). */
  waitFor(context: string, expression: string, timeoutMs?: number): Promise<void>;
  /**
   * Evaluates in the extension's `sidebar_action` page loaded in the real sidebar, same rules as {@link evaluate}.
   * Waits up to 5 s for the sidebar page to be there and loaded (it opens asynchronously after install);
   * then rejects if the extension's sidebar is not open.
   */
  sidebarEvaluate<T = unknown>(expression: string, inWindowOf?: string): Promise<T>;
  /**
   * Gives the sidebar page a fresh transient user activation, as a real click would. Needed before an
   * action that checks for one (the async clipboard) once the first {@link sidebarEvaluate} of the page
   * is more than a few seconds old: BiDi's `userActivation: true` notifies an activation only when the
   * realm's flag changes — on the first call — and Firefox lets it lapse after
   * `dom.user_activation.transient.timeout` (5 s). This clears the flag, then sets it again.
   */
  sidebarUserGesture(): Promise<void>;
  /** The text on the system clipboard (read in the browser's chrome scope; '' when it holds no text). */
  clipboardText(): Promise<string>;
  /** Whether the sidebar is open and showing this extension's panel. */
  isSidebarOpen(): Promise<boolean>;
  /** Closes the sidebar, as its close button does. */
  closeSidebar(): Promise<void>;
  /** Opens the sidebar with this extension's panel (what the user does from the sidebar menu) and waits for the page to load. */
  openSidebar(inWindowOf?: string): Promise<void>;
  /**
   * Grants host permissions as if the user accepted the extension's runtime permission prompt.
   * Each origin must be covered by the manifest's `optional_host_permissions` (or `host_permissions`).
   */
  grantHostPermissions(origins: string[]): Promise<void>;
  /**
   * Fires one of the extension's keyboard commands as its shortcut does: Firefox grants activeTab
   * on the active tab, then `commands.onCommand` runs (the shortcut's key element calls the same
   * `extension.shortcuts.onCommand`; BiDi cannot press keys in the browser's own window).
   */
  runCommand(name: string): Promise<void>;
  /** Clicks our toolbar button in the current window, as a reviewer does: grants activeTab, opens the popup. */
  clickToolbarButton(): Promise<void>;
  /** Evaluates an expression in the open toolbar popup (waits up to 5 s for it to load). */
  popupEvaluate<T = unknown>(expression: string): Promise<T>;
  /**
   * Reloads the extension as about:debugging's *Reload* does (`AddonManager` `addon.reload()`): its
   * background page, sidebar and every page of ours start again from the files; its data stays.
   */
  reloadExtension(): Promise<void>;
  /** Installs another unpacked extension beside ours (BiDi `webExtension.install`); returns its id. */
  installExtension(path: string): Promise<string>;
  /** Saves a PNG of the tab's viewport to `file` (parent folders are created). */
  screenshot(context: string, file: string): Promise<void>;
  /** The top-level tabs. */
  contexts(): Promise<ContextInfo[]>;
  /**
   * Sets the files of the `<input type=file>` matching `selector` in a tab, as a user picking them in
   * the file chooser does (BiDi `input.setFiles`: Firefox fires `input` and `change`).
   */
  setFiles(context: string, selector: string, files: string[]): Promise<void>;
  /**
   * Every download of this session, oldest first, from Firefox's own download list (what its
   * Downloads panel shows). Where files land is set by the `browser.download.*` prefs.
   */
  downloads(): Promise<DownloadInfo[]>;
  /**
   * Subscribes this session to BiDi events (`session.subscribe` with no context filter: every tab)
   * and calls `listener` with each one whose method is listed (or whose module is, e.g. `network`).
   * Resolves once Firefox has accepted the subscription; the returned function unsubscribes.
   * Note: Firefox emits events only for browsing contexts BiDi knows, i.e. tabs and their frames;
   * the sidebar and the background page are not among them.
   */
  subscribe(events: string[], listener: (event: BidiEvent) => void): Promise<() => Promise<void>>;
  /**
   * Evaluates in the extension's background page (Firefox runs `background.scripts` in a hidden
   * `moz-extension://…/_generated_background_page.html`, which BiDi does not list), same rules as
   * {@link evaluate}. Rejects if the background page is not running (an event page may be suspended).
   */
  backgroundEvaluate<T = unknown>(expression: string): Promise<T>;
  /** Closes the prompt open in a tab (`browsingContext.handleUserPrompt`), dismissing it unless `accept`. */
  handleUserPrompt(context: string, accept?: boolean): Promise<void>;
  /** This extension's pages Firefox is running: the background page, the sidebar, tabs, a popup. */
  extensionViews(): Promise<ExtensionView[]>;
  /**
   * Starts logging, in the browser's chrome scope, every channel any part of Firefox opens — tabs,
   * the sidebar, the background page, workers and Firefox itself — from the observer topics
   * `http-on-opening-request` (every HTTP(S) request, WebSocket handshakes included, in the parent
   * process), `http-on-failed-opening-request`, `file-channel-opened`, `data-channel-opened` and
   * `document-on-opening-request`, each with the browsing context and principal that loaded it.
   * Unlike BiDi's network events, it does not depend on the loading context being a tab.
   */
  startChannelLog(): Promise<ChromeLog<ChannelRecord>>;
  /**
   * Starts logging, in the browser's chrome scope, every prompt any page opens (observer topics
   * `common-dialog-loaded` and `tabmodal-dialog-loaded`, which BiDi's own prompt listener uses),
   * in tabs, the sidebar or anywhere else.
   */
  startDialogLog(): Promise<ChromeLog<DialogRecord>>;
  /** Quits Firefox (SIGKILL after 10 s), waits for it to exit and removes a temp profile. Safe to call twice. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------
// BiDi wire types (only what this driver uses)

/** A BiDi remote value (serialised JS value). */
interface RemoteValue {
  type: string;
  value?: unknown;
}

interface ExceptionDetails {
  text: string;
  lineNumber?: number;
  columnNumber?: number;
  stackTrace?: {
    callFrames?: Array<{ functionName: string; url: string; lineNumber: number; columnNumber: number }>;
  };
}

type EvaluateResult =
  | { type: 'success'; result: RemoteValue; realm: string }
  | { type: 'exception'; exceptionDetails: ExceptionDetails; realm: string };

interface TreeContext {
  context: string;
  url: string;
  children?: TreeContext[] | null;
}

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (reason: Error) => void;
  timer: NodeJS.Timeout;
}

// ---------------------------------------------------------------------------
// Process bookkeeping: kill Firefox if the test process goes away without close().

const liveProcesses = new Set<ChildProcess>();
const liveTempDirs = new Set<string>();
let exitHooksInstalled = false;

function killEverythingSync(): void {
  for (const child of liveProcesses) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const dir of liveTempDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  }
}

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.once('exit', killEverythingSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killEverythingSync();
      // If nobody else handles the signal, restore the default behaviour (terminate).
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.once(signal, onSignal);
  }
}

// ---------------------------------------------------------------------------
// Helpers

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Resolves true when `p` settles first, false after `ms` (the timer never keeps the process alive). */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((r) => {
    timer = setTimeout(() => r(false), ms);
  });
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const DEBUG = Boolean(process.env.FF_HARNESS_DEBUG);
const debugStart = performance.now();
/** Phase log on stderr when FF_HARNESS_DEBUG is set. */
function debug(message: string): void {
  if (DEBUG)
    process.stderr.write(
      `[firefox-harness +${((performance.now() - debugStart) / 1000).toFixed(2)}s] ${message}\n`,
    );
}

function truncate(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The value of an evaluation forwarded in the chrome scope, or its exception as an Error. */
function evaluated<T>(
  label: string,
  expression: string,
  result: { status: string; result?: RemoteValue; exceptionDetails?: ExceptionDetails },
): T {
  if (result.status === 'throw' && result.exceptionDetails) {
    throw describeException(`${label} threw`, expression, result.exceptionDetails);
  }
  if (result.status !== 'normal' || !result.result) {
    throw new Error(`${label}: unexpected evaluation status ${result.status}`);
  }
  return deserialize(result.result) as T;
}

/** Turns a BiDi remote value into a plain JS value. */
function deserialize(v: RemoteValue): unknown {
  switch (v.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return v.value;
    case 'number':
      if (typeof v.value === 'number') return v.value;
      return {
        NaN: Number.NaN,
        '-0': -0,
        Infinity: Number.POSITIVE_INFINITY,
        '-Infinity': Number.NEGATIVE_INFINITY,
      }[String(v.value)];
    case 'bigint':
      return BigInt(String(v.value));
    case 'date':
      return v.value; // ISO string, as JSON.stringify would give
    case 'regexp': {
      const re = v.value as { pattern: string; flags?: string };
      return `/${re.pattern}/${re.flags ?? ''}`;
    }
    case 'array':
    case 'set':
      return Array.isArray(v.value) ? (v.value as RemoteValue[]).map(deserialize) : [];
    case 'object':
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [key, val] of (v.value ?? []) as Array<[string | RemoteValue, RemoteValue]>) {
        out[typeof key === 'string' ? key : String(deserialize(key))] = deserialize(val);
      }
      return out;
    }
    default:
      return { nonSerializable: v.type };
  }
}

function describeException(where: string, expression: string, details: ExceptionDetails): Error {
  const frames = (details.stackTrace?.callFrames ?? [])
    .slice(0, 5)
    .map(
      (f) =>
        `\n    at ${f.functionName || '<anonymous>'} (${f.url}:${f.lineNumber + 1}:${f.columnNumber + 1})`,
    )
    .join('');
  return new Error(`${where}: ${details.text}\n  expression: ${truncate(expression)}${frames}`);
}

function unwrapEvaluation<T>(where: string, expression: string, r: EvaluateResult): T {
  if (r.type === 'exception') throw describeException(where, expression, r.exceptionDetails);
  return deserialize(r.result) as T;
}

/** Reads the gecko id from a manifest (MV3 `browser_specific_settings`, or the old `applications`). */
async function readGeckoId(extensionDir: string): Promise<string> {
  const manifestPath = join(extensionDir, 'manifest.json');
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read ${manifestPath}: ${(e as Error).message}`);
  }
  const m = manifest as {
    browser_specific_settings?: { gecko?: { id?: unknown } };
    applications?: { gecko?: { id?: unknown } };
  };
  const id = m.browser_specific_settings?.gecko?.id ?? m.applications?.gecko?.id;
  if (typeof id !== 'string' || id === '') {
    throw new Error(
      `${manifestPath} has no browser_specific_settings.gecko.id; the harness needs a fixed id to pin the extension UUID`,
    );
  }
  return id;
}

// ---------------------------------------------------------------------------
// BiDi connection

class BidiConnection {
  readonly #ws: WebSocket;
  readonly #pending = new Map<number, Pending>();
  readonly #eventListeners = new Set<(event: BidiEvent) => void>();
  readonly #defaultTimeoutMs: number;
  #nextId = 1;
  #closedReason: string | null = null;
  /** Appended to timeout / disconnect errors (e.g. Firefox's stderr tail). */
  diagnostics: () => string = () => '';

  private constructor(ws: WebSocket, defaultTimeoutMs: number) {
    this.#ws = ws;
    this.#defaultTimeoutMs = defaultTimeoutMs;
    ws.on('message', (data) => this.#onMessage(String(data)));
    ws.on('close', () => this.#failAll('the BiDi WebSocket closed'));
    ws.on('error', (e) => this.#failAll(`BiDi WebSocket error: ${e.message}`));
  }

  static connect(url: string, timeoutMs: number, defaultTimeoutMs: number): Promise<BidiConnection> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 });
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`Timed out after ${timeoutMs} ms connecting to ${url}`));
      }, timeoutMs);
      ws.once('open', () => {
        clearTimeout(timer);
        resolve(new BidiConnection(ws, defaultTimeoutMs));
      });
      ws.once('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`Cannot connect to ${url}: ${e.message}`));
      });
    });
  }

  send<T>(method: string, params: object, timeoutMs = this.#defaultTimeoutMs): Promise<T> {
    if (this.#closedReason) return Promise.reject(new Error(`${method} failed: ${this.#closedReason}`));
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`BiDi command ${method} timed out after ${timeoutMs} ms${this.diagnostics()}`));
      }, timeoutMs);
      this.#pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
      this.#ws.send(JSON.stringify({ id, method, params }), (err) => {
        if (err) this.#settle(id, new Error(`${method}: send failed: ${err.message}`));
      });
    });
  }

  /** Calls `listener` with every BiDi event Firefox sends (only those subscribed to arrive); returns a remover. */
  onEvent(listener: (event: BidiEvent) => void): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  close(): void {
    this.#closedReason ??= 'the session was closed';
    this.#ws.terminate();
  }

  #onMessage(text: string): void {
    let msg: {
      id?: number;
      type?: string;
      result?: unknown;
      error?: string;
      message?: string;
      method?: string;
      params?: Record<string, unknown>;
    };
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof msg.id !== 'number') {
      if (msg.type !== 'event' || typeof msg.method !== 'string') return;
      const event: BidiEvent = { method: msg.method, params: msg.params ?? {} };
      for (const listener of this.#eventListeners) {
        try {
          listener(event);
        } catch {
          // A listener's bug must not break the connection.
        }
      }
      return;
    }
    if (msg.type === 'error') {
      const method = this.#pending.get(msg.id)?.method ?? 'BiDi command';
      this.#settle(msg.id, new Error(`${method} failed: ${msg.error ?? 'error'}: ${msg.message ?? ''}`));
    } else {
      this.#settle(msg.id, undefined, msg.result);
    }
  }

  #settle(id: number, error: Error | undefined, result?: unknown): void {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#pending.delete(id);
    clearTimeout(p.timer);
    if (error) p.reject(error);
    else p.resolve(result);
  }

  #failAll(reason: string): void {
    this.#closedReason ??= reason;
    for (const [id, p] of this.#pending)
      this.#settle(id, new Error(`${p.method} failed: ${reason}${this.diagnostics()}`));
  }
}

// ---------------------------------------------------------------------------
// Launch

/**
 * Starts Firefox with the extension installed (temporarily, as `about:debugging` would) and returns a session.
 *
 * The profile gets `user.js` prefs that keep all non-loopback traffic off the network, keep a
 * first run quiet, and pin the extension's UUID. If anything fails, Firefox is killed, a temp
 * profile removed, and the error includes the tail of Firefox's stderr.
 *
 * @param options - See {@link FirefoxOptions}.
 * @returns A ready session; call {@link FirefoxSession.close} when done.
 */
export async function launchFirefox(options: FirefoxOptions): Promise<FirefoxSession> {
  const extensionDir = resolve(options.extensionDir);
  const extensionId = await readGeckoId(extensionDir);
  const uuid = (options.extensionUuid ?? DEFAULT_EXTENSION_UUID).toLowerCase();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(uuid)) {
    throw new Error(`extensionUuid must look like xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, got "${uuid}"`);
  }
  const executable = findBrowser('firefox');
  const commandTimeoutMs = options.commandTimeoutMs ?? COMMAND_TIMEOUT_MS;

  const tempProfile = options.profileDir === undefined;
  const profileDir = tempProfile
    ? await mkdtemp(join(tmpdir(), 'ff-e2e-profile-'))
    : resolve(options.profileDir as string);
  if (tempProfile) liveTempDirs.add(profileDir);
  await mkdir(profileDir, { recursive: true });
  await writeFile(
    join(profileDir, 'user.js'),
    toUserJs({ ...harnessPrefs(extensionId, uuid), ...(options.prefs ?? {}) }),
  );

  const args = [
    ...(options.headless === false ? [] : ['--headless']),
    '--remote-debugging-port',
    '0', // Firefox picks a free port and prints it: no race with other processes.
    '--remote-allow-system-access',
    '--profile',
    profileDir,
    '--no-remote',
    'about:blank',
  ];
  installExitHooks();
  const child = spawn(executable, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      MOZ_CRASHREPORTER_DISABLE: '1',
      MOZ_DISABLE_AUTO_SAFE_MODE: '1',
      // Firefox ESR ignores the remote-settings prefs without this and polls Mozilla's servers.
      MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
    },
  });
  liveProcesses.add(child);
  debug(`spawned ${executable} pid ${child.pid} profile ${profileDir}`);

  let stderr = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let exitInfo: string | null = null;
  child.once('exit', (code, signal) => {
    exitInfo = `Firefox exited (code ${code}, signal ${signal})`;
    liveProcesses.delete(child);
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEEP_CHARS);
  });
  const stderrTail = (lines = 30): string => {
    const tail = stderr.trimEnd().split('\n').slice(-lines).join('\n    ');
    return tail ? `\n  Firefox stderr (last lines):\n    ${tail}` : '\n  (Firefox printed nothing on stderr)';
  };

  const killAndClean = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    if (tempProfile) {
      await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      liveTempDirs.delete(profileDir);
    }
  };

  let conn: BidiConnection | undefined;
  let sessionId = '';
  try {
    const wsUrl = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`Firefox did not print its WebDriver BiDi URL within ${LAUNCH_TIMEOUT_MS} ms`)),
        LAUNCH_TIMEOUT_MS,
      );
      const onData = (): void => {
        const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(stderr);
        if (m?.[1]) {
          clearTimeout(timer);
          child.stderr?.off('data', onData);
          resolveUrl(m[1]);
        }
      };
      child.stderr?.on('data', onData);
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`Cannot start ${executable}: ${e.message}`));
      });
      child.once('exit', () => {
        clearTimeout(timer);
        reject(new Error(`${exitInfo ?? 'Firefox exited'} before the BiDi server started`));
      });
    });

    debug(`BiDi at ${wsUrl}`);
    conn = await BidiConnection.connect(`${wsUrl}/session`, 10_000, commandTimeoutMs);
    conn.diagnostics = () => `${exitInfo ? `\n  ${exitInfo}` : ''}${stderrTail(15)}`;
    const session = await conn.send<{ sessionId: string }>('session.new', {
      capabilities: { alwaysMatch: { acceptInsecureCerts: true } },
    });
    sessionId = session.sessionId;
    debug(`session ${sessionId}`);
    const installed = await conn.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: extensionDir },
    });
    debug(`installed ${installed.extension}`);
    if (installed.extension !== extensionId) {
      throw new Error(
        `webExtension.install returned id ${installed.extension}, manifest says ${extensionId}`,
      );
    }
  } catch (e) {
    conn?.close();
    await killAndClean();
    const err = e as Error;
    const hint = err.message.includes('webExtension.install')
      ? `\n  (Firefox does not say why; \`npx web-ext lint --source-dir ${extensionDir}\` usually does)`
      : '';
    throw new Error(
      `launchFirefox failed (${executable}, profile ${profileDir}): ${err.message}${hint}${err.message.includes('Firefox stderr') ? '' : stderrTail()}`,
    );
  }

  return new Session(conn, {
    extensionId,
    extensionBase: `moz-extension://${uuid}/`,
    sessionId,
    stop: async () => {
      // browser.close quits Firefox cleanly (profile flushed, temp add-on removed).
      const bidi = conn as BidiConnection;
      debug('closing');
      await bidi.send('browser.close', {}, 5_000).catch(() => undefined);
      bidi.close();
      const quit = await settlesWithin(exited, QUIT_TIMEOUT_MS);
      debug(
        quit ? 'Firefox quit' : `Firefox still running ${QUIT_TIMEOUT_MS} ms after browser.close: SIGKILL`,
      );
      if (!quit) child.kill('SIGKILL');
      await killAndClean();
    },
  });
}

// ---------------------------------------------------------------------------
// Session

/** Chrome-scope helpers, as function source text. Each runs in the browser window (browser.xhtml). */
const CHROME = {
  /** The `<browser>` showing the extension's sidebar page, or null. */
  sidebarPanelBrowser: `function sidebarPanelBrowser(base) {
    if (!SidebarController.isOpen) return null;
    const b = SidebarController.browser?.contentDocument?.getElementById('webext-panels-browser');
    return b && b.currentURI?.spec.startsWith(base) ? b : null;
  }`,
  /** The `<browser>` of this extension's toolbar popup while it is open, or null. */
  popupBrowser: `function popupBrowser(base) {
    for (const b of document.querySelectorAll('browser')) {
      if (b.currentURI?.spec.startsWith(base + 'popup/')) return b;
    }
    return null;
  }`,
  /** The BiDi context id of a tab's `<browser>` (what BiDi calls the tab), or null for any other element. */
  bidiTabContext: `function bidiTabContext(browser) {
    if (!browser || !gBrowser.getTabForBrowser(browser)) return null;
    const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
    return NavigableManager.getIdForBrowser(browser);
  }`,
};

interface SessionInternals {
  extensionId: string;
  extensionBase: string;
  /** The BiDi session id from session.new. */
  sessionId: string;
  stop: () => Promise<void>;
}

class Session implements FirefoxSession {
  readonly extensionId: string;
  readonly extensionBase: string;
  readonly #conn: BidiConnection;
  readonly #stop: () => Promise<void>;
  readonly #sessionId: string;
  #closing: Promise<void> | null = null;
  /** Counter for the ids of chrome-scope logs. */
  #chromeLogs = 0;

  constructor(conn: BidiConnection, internals: SessionInternals) {
    this.#conn = conn;
    this.extensionId = internals.extensionId;
    this.extensionBase = internals.extensionBase;
    this.#sessionId = internals.sessionId;
    this.#stop = internals.stop;
  }

  async openTab(url: string): Promise<string> {
    // background: false selects the new tab, like a user opening it.
    const { context } = await this.#conn.send<{ context: string }>('browsingContext.create', {
      type: 'tab',
      background: false,
    });
    await this.navigate(context, url);
    return context;
  }

  async openWindow(url: string): Promise<string> {
    const { context } = await this.#conn.send<{ context: string }>('browsingContext.create', {
      type: 'window',
      background: false,
    });
    await this.navigate(context, url);
    return context;
  }

  async openBackgroundTab(url: string): Promise<string> {
    const { context } = await this.#conn.send<{ context: string }>('browsingContext.create', {
      type: 'tab',
      background: true,
    });
    try {
      await this.#conn.send('browsingContext.navigate', { context, url, wait: 'none' });
    } catch (e) {
      throw new Error(`openBackgroundTab(${url}): ${(e as Error).message}`);
    }
    return context;
  }

  async navigate(context: string, url: string): Promise<void> {
    // With --remote-allow-system-access BiDi also accepts moz-extension:// URLs here.
    try {
      await this.#conn.send('browsingContext.navigate', { context, url, wait: 'complete' });
    } catch (e) {
      throw new Error(`navigate(${context}, ${url}): ${(e as Error).message}`);
    }
  }

  async activate(context: string): Promise<void> {
    await this.#conn.send('browsingContext.activate', { context });
  }

  async evaluate<T = unknown>(context: string, expression: string): Promise<T> {
    const r = await this.#conn.send<EvaluateResult>('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
      userActivation: true,
    });
    return unwrapEvaluation<T>(`evaluate in ${context} threw`, expression, r);
  }

  async waitFor(context: string, expression: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const probe = `Promise.resolve((${expression})).then((v) => !!v)`;
    let lastError = '';
    for (;;) {
      try {
        if (await this.evaluate<boolean>(context, probe)) return;
        lastError = '';
      } catch (e) {
        lastError = (e as Error).message; // e.g. mid-navigation; keep polling
      }
      if (Date.now() >= deadline) {
        throw new Error(
          `waitFor timed out after ${timeoutMs} ms in ${context}: ${truncate(expression)}` +
            (lastError ? `\n  last error: ${lastError}` : ' (expression stayed falsy)'),
        );
      }
      await sleep(100);
    }
  }

  async sidebarEvaluate<T = unknown>(expression: string, inWindowOf?: string): Promise<T> {
    return this.#panelEvaluate<T>('sidebar', expression, inWindowOf);
  }

  async popupEvaluate<T = unknown>(expression: string): Promise<T> {
    return this.#panelEvaluate<T>('popup', expression);
  }

  async clickToolbarButton(): Promise<void> {
    // What a click on the toolbar button does: the browser action's own trigger, in this window.
    // It grants activeTab for the selected tab and opens the popup.
    await this.#chrome<boolean>(
      `async (extensionId) => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = WebExtensionPolicy.getByID(extensionId)?.extension;
        if (!extension) throw new Error('extension not installed: ' + extensionId);
        await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
        return true;
      }`,
      [this.extensionId],
      'clickToolbarButton',
    );
  }

  /**
   * Evaluates in an extension page that is not a tab — the sidebar, or the toolbar popup — so BiDi
   * has no context id for it: BiDi's own windowglobal "script.evaluateExpression" command is
   * forwarded to its browsing context through this session's root message handler.
   */
  async #panelEvaluate<T>(where: 'sidebar' | 'popup', expression: string, inWindowOf?: string): Promise<T> {
    const result = await this.#chrome<{
      status: string;
      result?: RemoteValue;
      exceptionDetails?: ExceptionDetails;
    }>(
      `async (base, sessionId, expression, where) => {
        ${CHROME.sidebarPanelBrowser}
        ${CHROME.popupBrowser}
        const find = () => (where === 'popup' ? popupBrowser(base) : sidebarPanelBrowser(base));
        const deadline = Date.now() + 5000;
        let b = find();
        while (!b || b.webProgress?.isLoadingDocument || !b.browsingContext?.currentWindowGlobal) {
          if (Date.now() > deadline) {
            if (where === 'popup') throw new Error('the toolbar popup is not open');
            throw new Error(SidebarController.isOpen
              ? 'the sidebar is open but not showing this extension\\'s page (' + SidebarController.currentID + ')'
              : 'the sidebar is not open');
          }
          await new Promise((r) => setTimeout(r, 50));
          b = find();
        }
        const { RootMessageHandlerRegistry } = ChromeUtils.importESModule(
          'chrome://remote/content/shared/messagehandler/RootMessageHandlerRegistry.sys.mjs');
        const { WindowGlobalMessageHandler } = ChromeUtils.importESModule(
          'chrome://remote/content/shared/messagehandler/WindowGlobalMessageHandler.sys.mjs');
        const handler = RootMessageHandlerRegistry.getExistingMessageHandler(sessionId);
        if (!handler) throw new Error('no BiDi message handler for session ' + sessionId);
        const r = await handler.forwardCommand({
          moduleName: 'script',
          commandName: 'evaluateExpression',
          destination: { type: WindowGlobalMessageHandler.type, id: b.browsingContext.id },
          params: {
            awaitPromise: true, expression, realmId: null, resultOwnership: 'none', sandbox: null,
            serializationOptions: { maxDomDepth: 0, maxObjectDepth: null, includeShadowTree: 'none' },
            userActivation: true,
          },
        });
        return { status: r.evaluationStatus, result: r.result, exceptionDetails: r.exceptionDetails };
      }`,
      [this.extensionBase, this.#sessionId, expression, where],
      `${where}Evaluate`,
      inWindowOf,
    );
    return evaluated<T>(`${where}Evaluate`, expression, result);
  }

  async sidebarUserGesture(): Promise<void> {
    await this.#chrome<void>(
      `async (base, sessionId) => {
        ${CHROME.sidebarPanelBrowser}
        const b = sidebarPanelBrowser(base);
        if (!b?.browsingContext?.currentWindowGlobal) throw new Error('the sidebar is not showing ' + base);
        const { RootMessageHandlerRegistry } = ChromeUtils.importESModule(
          'chrome://remote/content/shared/messagehandler/RootMessageHandlerRegistry.sys.mjs');
        const { WindowGlobalMessageHandler } = ChromeUtils.importESModule(
          'chrome://remote/content/shared/messagehandler/WindowGlobalMessageHandler.sys.mjs');
        const handler = RootMessageHandlerRegistry.getExistingMessageHandler(sessionId);
        if (!handler) throw new Error('no BiDi message handler for session ' + sessionId);
        for (const userActivation of [false, true]) {
          await handler.forwardCommand({
            moduleName: 'script',
            commandName: 'evaluateExpression',
            destination: { type: WindowGlobalMessageHandler.type, id: b.browsingContext.id },
            params: {
              awaitPromise: false, expression: 'undefined', realmId: null, resultOwnership: 'none', sandbox: null,
              serializationOptions: { maxDomDepth: 0, maxObjectDepth: null, includeShadowTree: 'none' },
              userActivation,
            },
          });
        }
      }`,
      [this.extensionBase, this.#sessionId],
      'sidebarUserGesture',
    );
  }

  clipboardText(): Promise<string> {
    return this.#chrome<string>(
      `() => {
        const trans = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
        trans.init(null);
        trans.addDataFlavor('text/plain');
        Services.clipboard.getData(trans, Ci.nsIClipboard.kGlobalClipboard, window.browsingContext.currentWindowContext);
        const data = {};
        try {
          trans.getTransferData('text/plain', data);
        } catch {
          return '';
        }
        return data.value?.QueryInterface(Ci.nsISupportsString).data ?? '';
      }`,
      [],
      'clipboardText',
    );
  }

  isSidebarOpen(): Promise<boolean> {
    return this.#chrome<boolean>(
      `(base) => { ${CHROME.sidebarPanelBrowser} return !!sidebarPanelBrowser(base); }`,
      [this.extensionBase],
      'isSidebarOpen',
    );
  }

  async closeSidebar(): Promise<void> {
    await this.#chrome<boolean>(
      `() => { SidebarController.hide(); return !SidebarController.isOpen; }`,
      [],
      'closeSidebar',
    );
  }

  async openSidebar(inWindowOf?: string): Promise<void> {
    await this.#chrome<void>(
      `async (extensionId, base) => {
        ${CHROME.sidebarPanelBrowser}
        // Same id as ExtensionCommon.makeWidgetId(id) + '-sidebar-action' (see ext-sidebarAction.js).
        const widgetId = extensionId.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
        await SidebarController.show(widgetId + '-sidebar-action');
        const deadline = Date.now() + 5000;
        for (;;) {
          const b = sidebarPanelBrowser(base);
          if (b && !b.webProgress?.isLoadingDocument && b.browsingContext?.currentWindowGlobal) return;
          if (Date.now() > deadline) throw new Error('the sidebar did not show ' + base + ' within 5 s (current: ' + SidebarController.currentID + ')');
          await new Promise((r) => setTimeout(r, 50));
        }
      }`,
      [this.extensionId, this.extensionBase],
      'openSidebar',
      inWindowOf,
    );
  }

  async grantHostPermissions(origins: string[]): Promise<void> {
    // What ext-permissions.js does after the user clicks "Allow" on the permissions.request prompt.
    await this.#chrome<string[]>(
      `async (extensionId, origins) => {
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        const policy = WebExtensionPolicy.getByID(extensionId);
        if (!policy || !policy.extension) throw new Error('extension ' + extensionId + ' is not running');
        const extension = policy.extension;
        const notRequestable = origins.filter((o) => {
          const mp = new MatchPattern(o, { ignorePath: true });
          return !(extension.optionalOrigins.subsumes(mp) || extension.allowedOrigins.subsumes(mp));
        });
        if (notRequestable.length) {
          throw new Error('not in optional_host_permissions/host_permissions: ' + notRequestable.join(', '));
        }
        await ExtensionPermissions.add(extensionId, { permissions: [], origins }, extension);
        const missing = origins.filter((o) => !policy.allowedOrigins.subsumes(new MatchPattern(o, { ignorePath: true })));
        if (missing.length) throw new Error('granted, but the policy still lacks: ' + missing.join(', '));
        return policy.allowedOrigins.patterns.map((p) => p.pattern);
      }`,
      [this.extensionId, origins],
      'grantHostPermissions',
    );
  }

  async installExtension(path: string): Promise<string> {
    const installed = await this.#conn.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path },
    });
    return installed.extension;
  }

  async reloadExtension(): Promise<void> {
    await this.#chrome<boolean>(
      `async (extensionId) => {
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        const addon = await AddonManager.getAddonByID(extensionId);
        if (!addon) throw new Error('extension ' + extensionId + ' is not installed');
        await addon.reload();
        return true;
      }`,
      [this.extensionId],
      'reloadExtension',
    );
  }

  async runCommand(name: string): Promise<void> {
    await this.#chrome<boolean>(
      `(extensionId, name) => {
        const extension = WebExtensionPolicy.getByID(extensionId)?.extension;
        if (!extension?.shortcuts) throw new Error('the extension has no registered shortcuts');
        extension.shortcuts.onCommand(name);
        return true;
      }`,
      [this.extensionId, name],
      'runCommand',
    );
  }

  async screenshot(context: string, file: string): Promise<void> {
    const { data } = await this.#conn.send<{ data: string }>('browsingContext.captureScreenshot', {
      context,
      origin: 'viewport',
    });
    await mkdir(dirname(resolve(file)), { recursive: true });
    await writeFile(file, Buffer.from(data, 'base64'));
  }

  async contexts(): Promise<ContextInfo[]> {
    const tree = await this.#conn.send<{ contexts: TreeContext[] }>('browsingContext.getTree', {
      maxDepth: 0,
    });
    return tree.contexts.map(({ context, url }) => ({ context, url }));
  }

  async setFiles(context: string, selector: string, files: string[]): Promise<void> {
    const expression = `document.querySelector(${JSON.stringify(selector)})`;
    const r = await this.#conn.send<EvaluateResult>('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: false,
      resultOwnership: 'none',
    });
    if (r.type === 'exception')
      throw describeException(`setFiles in ${context} threw`, expression, r.exceptionDetails);
    const sharedId = (r.result as RemoteValue & { sharedId?: string }).sharedId;
    if (r.result.type !== 'node' || !sharedId)
      throw new Error(`setFiles: nothing matches ${selector} in ${context}`);
    await this.#conn.send('input.setFiles', {
      context,
      element: { sharedId },
      files: files.map((f) => resolve(f)),
    });
  }

  downloads(): Promise<DownloadInfo[]> {
    return this.#chrome<DownloadInfo[]>(
      `async () => {
        const { Downloads } = ChromeUtils.importESModule('resource://gre/modules/Downloads.sys.mjs');
        const list = await Downloads.getList(Downloads.ALL);
        return (await list.getAll()).map((d) => ({
          url: d.source.url,
          path: d.target.path,
          succeeded: d.succeeded,
          error: d.error ? String(d.error.message ?? d.error) : null,
        }));
      }`,
      [],
      'downloads',
    );
  }

  async subscribe(events: string[], listener: (event: BidiEvent) => void): Promise<() => Promise<void>> {
    const wanted = (method: string) =>
      events.some((e) => method === e || (!e.includes('.') && method.startsWith(`${e}.`)));
    const remove = this.#conn.onEvent((event) => {
      if (wanted(event.method)) listener(event);
    });
    let subscription: string | undefined;
    try {
      ({ subscription } = await this.#conn.send<{ subscription?: string }>('session.subscribe', { events }));
    } catch (e) {
      remove();
      throw e;
    }
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      remove();
      await this.#conn.send(
        'session.unsubscribe',
        subscription ? { subscriptions: [subscription] } : { events },
      );
    };
  }

  async backgroundEvaluate<T = unknown>(expression: string): Promise<T> {
    // Same forwarding as sidebarEvaluate, to the background page's <browser>.
    const result = await this.#chrome<{
      status: string;
      result?: RemoteValue;
      exceptionDetails?: ExceptionDetails;
    }>(
      `async (extensionId, sessionId, expression) => {
        const policy = WebExtensionPolicy.getByID(extensionId);
        if (!policy || !policy.extension) throw new Error('extension ' + extensionId + ' is not running');
        const view = [...policy.extension.views].find((v) => v.viewType === 'background');
        const bc = view?.xulBrowser?.browsingContext;
        if (!bc?.currentWindowGlobal) throw new Error('the background page is not running');
        const { RootMessageHandlerRegistry } = ChromeUtils.importESModule(
          'chrome://remote/content/shared/messagehandler/RootMessageHandlerRegistry.sys.mjs');
        const { WindowGlobalMessageHandler } = ChromeUtils.importESModule(
          'chrome://remote/content/shared/messagehandler/WindowGlobalMessageHandler.sys.mjs');
        const handler = RootMessageHandlerRegistry.getExistingMessageHandler(sessionId);
        if (!handler) throw new Error('no BiDi message handler for session ' + sessionId);
        const r = await handler.forwardCommand({
          moduleName: 'script',
          commandName: 'evaluateExpression',
          destination: { type: WindowGlobalMessageHandler.type, id: bc.id },
          params: {
            awaitPromise: true, expression, realmId: null, resultOwnership: 'none', sandbox: null,
            serializationOptions: { maxDomDepth: 0, maxObjectDepth: null, includeShadowTree: 'none' },
            userActivation: false,
          },
        });
        return { status: r.evaluationStatus, result: r.result, exceptionDetails: r.exceptionDetails };
      }`,
      [this.extensionId, this.#sessionId, expression],
      'backgroundEvaluate',
    );
    return evaluated<T>('backgroundEvaluate', expression, result);
  }

  async handleUserPrompt(context: string, accept = false): Promise<void> {
    await this.#conn.send('browsingContext.handleUserPrompt', { context, accept });
  }

  extensionViews(): Promise<ExtensionView[]> {
    return this.#chrome<ExtensionView[]>(
      `(extensionId) => {
        ${CHROME.bidiTabContext}
        const policy = WebExtensionPolicy.getByID(extensionId);
        if (!policy || !policy.extension) throw new Error('extension ' + extensionId + ' is not running');
        return [...policy.extension.views].map((view) => ({
          viewType: view.viewType,
          url: view.uri?.spec ?? '',
          context: bidiTabContext(view.xulBrowser),
        }));
      }`,
      [this.extensionId],
      'extensionViews',
    );
  }

  async startChannelLog(): Promise<ChromeLog<ChannelRecord>> {
    const id = `channels-${++this.#chromeLogs}`;
    await this.#chrome<void>(
      `(id) => {
        ${CHROME.bidiTabContext}
        const records = [];
        const describe = (loadInfo) => {
          const bcId = loadInfo?.browsingContextID || loadInfo?.workerAssociatedBrowsingContextID || 0;
          const bc = bcId ? BrowsingContext.get(bcId) : null;
          if (!bc) return { where: 'none', context: null, viewType: null, topUrl: null };
          const top = bc.top;
          const embedder = top.embedderElement;
          const viewType = embedder?.getAttribute?.('webextension-view-type') || null;
          const context = bidiTabContext(embedder);
          return {
            where: context ? 'tab' : viewType ? 'extension-view' : 'other',
            context,
            viewType,
            topUrl: top.currentWindowGlobal?.documentURI?.spec ?? null,
          };
        };
        const observer = {
          observe(subject, topic) {
            try {
              const channel = subject.QueryInterface(Ci.nsIChannel);
              const loadInfo = channel.loadInfo;
              records.push({
                topic,
                url: channel.URI?.spec ?? '',
                originalUrl: channel.originalURI?.spec ?? '',
                ...describe(loadInfo),
                triggeringOrigin: loadInfo?.triggeringPrincipal?.origin ?? null,
                contentPolicyType: loadInfo?.externalContentPolicyType ?? null,
              });
            } catch (e) {
              records.push({ topic, url: '', originalUrl: '', where: 'none', context: null, viewType: null,
                topUrl: null, triggeringOrigin: null, contentPolicyType: null, error: String(e) });
            }
          },
        };
        const topics = ['http-on-opening-request', 'http-on-failed-opening-request', 'file-channel-opened',
          'data-channel-opened', 'document-on-opening-request'];
        for (const topic of topics) Services.obs.addObserver(observer, topic);
        window.__vendorReviewLogs ??= new Map();
        window.__vendorReviewLogs.set(id, {
          records,
          stop: () => { for (const topic of topics) Services.obs.removeObserver(observer, topic); },
        });
      }`,
      [id],
      'startChannelLog',
    );
    return this.#chromeLog<ChannelRecord>(id);
  }

  async startDialogLog(): Promise<ChromeLog<DialogRecord>> {
    const id = `dialogs-${++this.#chromeLogs}`;
    await this.#chrome<void>(
      `(id) => {
        const records = [];
        const observer = {
          observe(subject, topic) {
            let text = null;
            let ownerUrl = null;
            try {
              const args = subject.Dialog?.args ?? subject.args ?? null;
              text = args?.text ?? null;
              const owner = args?.owningBrowsingContext ?? args?.browsingContext ?? null;
              ownerUrl = owner?.currentWindowGlobal?.documentURI?.spec ?? null;
            } catch {
              // what Firefox gives varies with the kind of prompt
            }
            records.push({ topic, text, ownerUrl });
          },
        };
        const topics = ['common-dialog-loaded', 'tabmodal-dialog-loaded'];
        for (const topic of topics) Services.obs.addObserver(observer, topic);
        window.__vendorReviewLogs ??= new Map();
        window.__vendorReviewLogs.set(id, {
          records,
          stop: () => { for (const topic of topics) Services.obs.removeObserver(observer, topic); },
        });
      }`,
      [id],
      'startDialogLog',
    );
    return this.#chromeLog<DialogRecord>(id);
  }

  /** Reads and stops a log kept in the browser window by {@link startChannelLog} or {@link startDialogLog}. */
  #chromeLog<T>(id: string): ChromeLog<T> {
    const read = (stop: boolean) =>
      this.#chrome<T[]>(
        `(id, stop) => {
          const log = window.__vendorReviewLogs?.get(id);
          if (!log) throw new Error('no chrome log ' + id + ' (stopped already?)');
          if (stop) {
            log.stop();
            window.__vendorReviewLogs.delete(id);
          }
          return log.records;
        }`,
        [id, stop],
        `chrome log ${id}`,
      );
    return { records: () => read(false), stop: () => read(true) };
  }

  close(): Promise<void> {
    this.#closing ??= this.#stop();
    return this.#closing;
  }

  /**
   * Id of a browser window's chrome-scope context: the first window's, or that of the window
   * holding the tab `inWindowOf` (a BiDi tab context id).
   */
  async #chromeContext(inWindowOf?: string): Promise<string> {
    const tree = await this.#conn.send<{ contexts: TreeContext[] }>('browsingContext.getTree', {
      'moz:scope': 'chrome',
      maxDepth: 0,
    });
    const windows = tree.contexts.filter((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (inWindowOf === undefined) {
      const first = windows[0];
      if (!first)
        throw new Error(
          `no browser window in chrome scope (found: ${tree.contexts.map((c) => c.url).join(', ')})`,
        );
      return first.context;
    }
    for (const win of windows) {
      const r = await this.#conn.send<EvaluateResult>('script.evaluate', {
        expression: `(() => { ${CHROME.bidiTabContext} return gBrowser.browsers.some((b) => bidiTabContext(b) === ${JSON.stringify(inWindowOf)}); })()`,
        target: { context: win.context },
        awaitPromise: false,
        resultOwnership: 'none',
      });
      if (r.type !== 'exception' && deserialize(r.result) === true) return win.context;
    }
    throw new Error(`no browser window holds the tab ${inWindowOf}`);
  }

  /** Runs `fnSource(...args)` in a browser window's chrome scope (see #chromeContext); args and result must be JSON-able. */
  async #chrome<T>(fnSource: string, args: unknown[], what: string, inWindowOf?: string): Promise<T> {
    const context = await this.#chromeContext(inWindowOf);
    const expression = `(${fnSource})(...${JSON.stringify(args)})`;
    const r = await this.#conn.send<EvaluateResult>('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (r.type === 'exception') throw new Error(`${what} failed in chrome scope: ${r.exceptionDetails.text}`);
    return deserialize(r.result) as T;
  }
}
