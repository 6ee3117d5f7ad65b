import type * as v from 'valibot';
import browser from 'webextension-polyfill';
import type { Extraction } from '../core/claim.ts';
import { explainInjectionError, pageAccessProblem } from '../core/page-access.ts';
import type { PageInfo } from '../core/review.ts';
import { parseMessage } from '../messages/parse-message.ts';
import type { BackgroundToContent, QuoteSelectorSchema, ShowClaimResult } from '../messages/protocol.ts';
import { ExtractionSchema, PageInfoSchema, replySchema, ShowClaimSchema } from '../messages/protocol.ts';
import { fail, type Reply } from '../messages/reply.ts';

const CONTENT_SCRIPT = 'content.js';
/** Styles the flash highlight the content script draws (CSS Custom Highlight API: no DOM change). */
const FLASH_CSS =
  '::highlight(vendor-review-flash) { background-color: rgba(255, 200, 0, 0.65); color: inherit; }';

/**
 * Injects the content script into a tab's top frame (it is never declared for every site) and
 * sends it one request; validates the reply. Every failure comes back as a sentence.
 */
async function askPage<S extends v.GenericSchema>(
  tabId: number,
  request: BackgroundToContent,
  schema: S,
): Promise<Reply<v.InferOutput<S>>> {
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
    const raw: unknown = await browser.tabs.sendMessage(tabId, request, { frameId: 0 });
    const parsed = parseMessage(replySchema(schema), raw);
    if (!parsed.ok) return fail(`The page answered with something unexpected (${parsed.reason}).`);
    return parsed.message as Reply<v.InferOutput<S>>;
  } catch (error) {
    return fail(explainInjectionError(error instanceof Error ? error.message : String(error), url));
  }
}

/** The page's title, URL and amount of text. */
export function inspectTab(tabId: number): Promise<Reply<PageInfo>> {
  return askPage(tabId, { type: 'page-info' }, PageInfoSchema);
}

/** The page's claims, read after it settles. */
export async function scanTab(tabId: number): Promise<Reply<Extraction>> {
  return askPage(tabId, { type: 'extract-claims' }, ExtractionSchema) as Promise<Reply<Extraction>>;
}

/** Scrolls the page to a claim and flashes it. */
export async function showClaimInTab(
  tabId: number,
  selector: v.InferOutput<typeof QuoteSelectorSchema>,
): Promise<Reply<ShowClaimResult>> {
  try {
    await browser.scripting.insertCSS({ target: { tabId, frameIds: [0] }, css: FLASH_CSS });
  } catch {
    // The reply from askPage explains access problems; without the style the flash is just fainter.
  }
  return askPage(tabId, { type: 'show-claim', selector }, ShowClaimSchema);
}
