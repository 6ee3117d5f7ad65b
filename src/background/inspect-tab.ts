import browser from 'webextension-polyfill';
import { explainInjectionError, pageAccessProblem } from '../core/page-access.ts';
import type { PageInfo } from '../core/review.ts';
import { parseMessage } from '../messages/parse-message.ts';
import type { BackgroundToContent, BackgroundToContentResponse } from '../messages/protocol.ts';
import { PageInfoSchema, replySchema } from '../messages/protocol.ts';
import { fail, ok, type Reply } from '../messages/reply.ts';

const CONTENT_SCRIPT = 'content.js';

/** Sends one request to our content script in a tab's top frame and validates the reply. */
async function askContent<K extends BackgroundToContent['type']>(
  tabId: number,
  request: Extract<BackgroundToContent, { type: K }>,
  schema: typeof PageInfoSchema,
): Promise<Reply<BackgroundToContentResponse[K]>> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, request, { frameId: 0 });
  const parsed = parseMessage(replySchema(schema), raw);
  if (!parsed.ok) return fail(`The page answered with something unexpected (${parsed.reason}).`);
  return parsed.message as Reply<BackgroundToContentResponse[K]>;
}

/**
 * Injects the content script into a tab (it is never declared for every site) and asks it for
 * the page's title, URL and amount of text. Every failure comes back as a sentence.
 */
export async function inspectTab(tabId: number): Promise<Reply<PageInfo>> {
  let url: string | undefined;
  try {
    // Without the `tabs` permission, `url` is visible only for tabs we may read: its absence
    // already tells us access has not been granted.
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return fail('That tab has closed. Open the vendor’s page and try again.');
  }
  const problem = pageAccessProblem(url);
  if (problem) return fail(problem);
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_SCRIPT] });
    const reply = await askContent(tabId, { type: 'page-info' }, PageInfoSchema);
    return reply.ok ? ok(reply.value) : reply;
  } catch (error) {
    return fail(explainInjectionError(error instanceof Error ? error.message : String(error), url));
  }
}
