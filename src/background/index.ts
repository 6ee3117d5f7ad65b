/**
 * The background service worker (an event page in Firefox). It holds no state of its own —
 * the browser may stop it at any moment — so everything it needs arrives with each message.
 */

import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { parseMessage } from '../messages/parse-message.ts';
import { ContentToPage, PageBroadcast, PageToBackground } from '../messages/protocol.ts';
import { fail, type Reply } from '../messages/reply.ts';
import { isFromExtensionPage, isFromOurContentScript } from '../messages/sender.ts';
import { openSidePanel } from '../platform/open-side-panel.ts';
import { addSelection, flashBadge } from './add-selection.ts';
import { captureForRunningDemo, captureScreenshot } from './capture-screenshot.ts';
import { highlightClaims, inspectTab, scanTab, showClaimInTab } from './inspect-tab.ts';

const OPEN_PANEL_COMMAND = 'open-side-panel';
const ADD_SELECTION = 'add-to-review';
const CAPTURE_SCREENSHOT = 'capture-screenshot';

// The context-menu entry for selected text. Menus persist across service-worker restarts, so they
// are created once, when the extension is installed or updated.
browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.create({ id: ADD_SELECTION, title: 'Add to review', contexts: ['selection'] });
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== ADD_SELECTION || tab?.id === undefined) return;
  const tabId = tab.id;
  void addSelection(tabId).then((reply) =>
    flashBadge(tabId, reply, reply.ok ? `Added to the review of ${reply.value.vendor}` : ''),
  );
});

async function handle(raw: unknown): Promise<Reply<unknown>> {
  const parsed = parseMessage(PageToBackground, raw);
  if (!parsed.ok) {
    console.warn('[vendor-review] background rejected a message:', parsed.reason);
    return fail(parsed.reason);
  }
  const request = parsed.message;
  switch (request.type) {
    case 'inspect-tab':
      return inspectTab(request.tabId);
    case 'scan-tab':
      return scanTab(request.tabId);
    case 'show-claim':
      return showClaimInTab(request.tabId, request.selector);
    case 'highlight-claims':
      return highlightClaims(request.tabId, request.claims);
    case 'add-selection':
      return addSelection(request.tabId);
    case 'capture-screenshot': {
      const { windowId, type: _type, ...target } = request;
      return captureScreenshot(windowId, target);
    }
  }
}

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
  // The content script's notes to the panel ("a highlight was clicked") are not for the background.
  if (isFromOurContentScript(sender, browser.runtime.id) && v.is(ContentToPage, raw)) return undefined;
  if (!isFromExtensionPage(sender, browser.runtime.id, browser.runtime.getURL(''))) {
    console.warn(
      '[vendor-review] background ignored a message from',
      sender.url ?? sender.id ?? 'unknown sender',
    );
    return undefined;
  }
  // Broadcasts between our pages (popup → panel) are not for the background.
  if (v.is(PageBroadcast, raw)) return undefined;
  return handle(raw);
});

// Keyboard command: open the panel directly. Called synchronously so the gesture still counts.
browser.commands.onCommand.addListener((command: string, tab?: browser.Tabs.Tab) => {
  if (command === ADD_SELECTION && tab?.id !== undefined) {
    const tabId = tab.id;
    void addSelection(tabId).then((reply) =>
      flashBadge(tabId, reply, reply.ok ? `Added to the review of ${reply.value.vendor}` : ''),
    );
    return;
  }
  if (command === CAPTURE_SCREENSHOT) {
    // The command is the gesture that lets us capture the tab in front of the reviewer.
    void captureForRunningDemo(tab?.windowId).then((reply) => {
      if (tab?.id !== undefined) void flashBadge(tab.id, reply, 'Screenshot kept in the demo');
    });
    return;
  }
  if (command !== OPEN_PANEL_COMMAND) return;
  openSidePanel(tab?.windowId).catch((error: unknown) => {
    console.warn('[vendor-review] could not open the panel:', error);
  });
});
