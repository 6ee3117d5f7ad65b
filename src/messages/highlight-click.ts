/**
 * The one message a panel takes from a content script: a click on a highlight. Every panel hears
 * every tab's content script, so a panel acts only on its own tab's clicks.
 */
import { parseMessage } from './parse-message.ts';
import { ContentToPage } from './protocol.ts';
import { isFromOurContentScript, type SenderLike } from './sender.ts';

/**
 * The claim id of a highlight click from our content script in the top frame of `tabId` (the tab
 * this panel reviews); undefined for anything else — another tab, a frame, a page, another extension, a
 * wrong shape.
 */
export function claimClickedIn(
  raw: unknown,
  sender: SenderLike,
  extensionId: string,
  tabId: number | undefined,
): string | undefined {
  if (tabId === undefined || !isFromOurContentScript(sender, extensionId) || sender.tab?.id !== tabId) {
    return undefined;
  }
  const parsed = parseMessage(ContentToPage, raw);
  return parsed.ok ? parsed.message.claimId : undefined;
}
