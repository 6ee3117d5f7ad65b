import browser from 'webextension-polyfill';
import type { PageToBackground, PageToBackgroundResponse } from '../messages/protocol.ts';
import type { Reply } from '../messages/reply.ts';

/** Sends a request from an extension page to the background and returns its typed reply. */
export async function askBackground<K extends PageToBackground['type']>(
  request: Extract<PageToBackground, { type: K }>,
): Promise<Reply<PageToBackgroundResponse[K]>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as
      | Reply<PageToBackgroundResponse[K]>
      | undefined;
    return (
      reply ?? {
        ok: false,
        error: 'The extension’s background did not answer. Reload the panel and try again.',
      }
    );
  } catch (error) {
    return { ok: false, error: `The extension’s background could not be reached: ${String(error)}` };
  }
}

/** The active tab of the window this page lives in (the panel's or popup's window). */
export async function activeTab(): Promise<browser.Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}
