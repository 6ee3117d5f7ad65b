/**
 * The content script, injected on demand into the page under review (never declared for every
 * site). It answers the background's requests and nothing else: it listens to no window
 * messages, so the page cannot talk to it, and it never opens storage (IndexedDB here would
 * belong to the vendor's site).
 */

import { parseMessage } from '../src/messages/parse-message.ts';
import { BackgroundToContent } from '../src/messages/protocol.ts';
import { fail, ok, type Reply } from '../src/messages/reply.ts';
import { isFromExtensionPage } from '../src/messages/sender.ts';
import { captureSelection } from './capture-selection.ts';
import { extensionId, onRuntimeMessage } from './extension-api.ts';
import { drawHighlights } from './highlights.ts';
import { readPageInfo } from './page-info.ts';
import { readPage } from './read-page.ts';
import { waitForSettle } from './settle.ts';
import { showClaim } from './show-claim.ts';

// A symbol, not a string key: a page's named elements can shadow string globals, never symbols.
const INSTALLED = Symbol.for('vendor-review.content-script');
type Marked = typeof globalThis & { [INSTALLED]?: true };

async function answer(raw: unknown): Promise<Reply<unknown>> {
  const parsed = parseMessage(BackgroundToContent, raw);
  if (!parsed.ok) {
    console.warn('[vendor-review] content script rejected a message:', parsed.reason);
    return fail(parsed.reason);
  }
  const request = parsed.message;
  switch (request.type) {
    case 'page-info':
      return ok(readPageInfo());
    case 'extract-claims':
      return ok(await readPage(document));
    case 'show-claim':
      return ok(showClaim(document, request.selector));
    case 'capture-selection':
      return ok({ claim: captureSelection(document), page: readPageInfo() });
    case 'highlight-claims':
      // A late-rendering page must have rendered before its claims can be found again.
      await waitForSettle(document);
      return ok(
        drawHighlights(document, request.claims, (claimId) => {
          // The panel selects the claim; nobody listening (panel closed) is fine.
          chrome.runtime.sendMessage({ type: 'highlight-clicked', claimId }).catch(() => undefined);
        }),
      );
  }
}

if (!(globalThis as Marked)[INSTALLED]) {
  (globalThis as Marked)[INSTALLED] = true;
  const id = extensionId();
  const origin = chrome.runtime.getURL('');
  onRuntimeMessage((raw, sender, sendResponse) => {
    if (!isFromExtensionPage(sender, id, origin)) {
      console.warn('[vendor-review] content script ignored a message from', sender.url ?? sender.id);
      return undefined;
    }
    answer(raw).then(sendResponse, (error: unknown) =>
      sendResponse(fail(`The page could not be read: ${String(error)}`)),
    );
    return true; // the answer comes asynchronously
  });
}
