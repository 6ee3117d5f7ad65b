import browser from 'webextension-polyfill';
import { parseMessage } from '../messages/parse-message.ts';
import { PageBroadcast, type PageToBackground, type PageToBackgroundResponse } from '../messages/protocol.ts';
import type { Reply } from '../messages/reply.ts';
import { isFromExtensionPage } from '../messages/sender.ts';

/** What a page says when the background went away mid-request (browsers stop it whenever they like). */
const STOPPED =
  'The browser stopped the extension’s background before it answered. Anything it saved shows in the panel; try again.';

/** Sends a request from an extension page to the background and returns its typed reply. */
export async function askBackground<K extends PageToBackground['type']>(
  request: Extract<PageToBackground, { type: K }>,
): Promise<Reply<PageToBackgroundResponse[K]>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as
      | Reply<PageToBackgroundResponse[K]>
      | undefined;
    return reply ?? { ok: false, error: STOPPED };
  } catch (error) {
    // The browser stopped the service worker mid-request (it may at any time): say so in words.
    if (/message channel closed|message port closed|Receiving end does not exist/i.test(String(error)))
      return { ok: false, error: STOPPED };
    return { ok: false, error: `The extension’s background could not be reached: ${String(error)}` };
  }
}

/** The active tab of the window this page lives in (the panel's or popup's window). */
export async function activeTab(): Promise<browser.Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** Tells our other open pages (the panel) something; nobody listening is fine. */
export function broadcast(message: PageBroadcast): void {
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/** Listens for broadcasts from our own pages; returns a function that stops listening. */
export function onBroadcast(listener: (message: PageBroadcast) => void): () => void {
  const handler = (raw: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isFromExtensionPage(sender, browser.runtime.id, browser.runtime.getURL(''))) return undefined;
    const parsed = parseMessage(PageBroadcast, raw);
    if (parsed.ok) listener(parsed.message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
