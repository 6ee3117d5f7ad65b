/**
 * The content script talks to the extension through `chrome.runtime` directly, not the
 * webextension-polyfill: the polyfill trusts `globalThis.browser`, which a hostile page can
 * fake with DOM clobbering (`<form name="browser">` is visible as a global in Chrome's isolated
 * world). `chrome` is a real property of the isolated world in both browsers, so a page's
 * named elements cannot shadow it.
 */

/** A listener that answers a runtime message; return `true` to answer asynchronously. */
export type RuntimeListener = (
  message: unknown,
  sender: chrome.runtime.MessageSender,
  sendResponse: (response: unknown) => void,
) => boolean | undefined;

/** Our extension's id, as seen from the content script. */
export function extensionId(): string {
  return chrome.runtime.id;
}

/** Listens for messages from the rest of the extension. */
export function onRuntimeMessage(listener: RuntimeListener): void {
  chrome.runtime.onMessage.addListener(listener);
}
