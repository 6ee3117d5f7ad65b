/**
 * Sender checks. Content-script messages come from a tab and carry the web page's URL; page
 * messages carry the extension's own origin (a panel, a popup, or one of our pages opened in a
 * tab). Anything else (another extension, a web page) is refused.
 */

/** The fields of `runtime.MessageSender` we rely on (the same in Chrome and Firefox). */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** True when the sender is one of our extension pages or the background (not a content script). */
export function isFromExtensionPage(
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== extensionId) return false;
  const base = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  // Pages carry a URL; Chrome's service worker may carry only its origin.
  if (sender.url !== undefined) return sender.url.startsWith(base);
  return sender.origin === base.slice(0, -1);
}

/** True when the sender is our content script in the top frame of a tab. */
export function isFromOurContentScript(sender: SenderLike, extensionId: string): boolean {
  return sender.id === extensionId && typeof sender.tab?.id === 'number' && sender.frameId === 0;
}
