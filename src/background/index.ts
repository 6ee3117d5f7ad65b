/**
 * The background service worker (an event page in Firefox). It holds no state of its own —
 * the browser may stop it at any moment — so everything it needs arrives with each message.
 */

import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { parseMessage } from '../messages/parse-message.ts';
import { PageBroadcast, PageToBackground } from '../messages/protocol.ts';
import { fail, type Reply } from '../messages/reply.ts';
import { isFromExtensionPage } from '../messages/sender.ts';
import { openSidePanel } from '../platform/open-side-panel.ts';
import { inspectTab, scanTab, showClaimInTab } from './inspect-tab.ts';

const OPEN_PANEL_COMMAND = 'open-side-panel';

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
  }
}

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
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
  if (command !== OPEN_PANEL_COMMAND) return;
  openSidePanel(tab?.windowId).catch((error: unknown) => {
    console.warn('[vendor-review] could not open the panel:', error);
  });
});
