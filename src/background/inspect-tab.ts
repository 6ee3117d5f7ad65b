import * as v from 'valibot';

const vArray = <S extends v.GenericSchema>(schema: S) => v.pipe(v.array(schema), v.maxLength(5000));

import browser from 'webextension-polyfill';
import type { Extraction } from '../core/claim.ts';
import { explainInjectionError, pageAccessProblem } from '../core/page-access.ts';
import type { PageInfo } from '../core/review.ts';
import { parseMessage } from '../messages/parse-message.ts';
import type {
  AnchorReport,
  BackgroundToContent,
  ClaimToDrawSchema,
  QuoteSelectorSchema,
  ShowClaimResult,
} from '../messages/protocol.ts';
import {
  AnchorReportSchema,
  CaptureSchema,
  ExtractionSchema,
  PageInfoSchema,
  replySchema,
  ShowClaimSchema,
} from '../messages/protocol.ts';
import { fail, type Reply } from '../messages/reply.ts';

const CONTENT_SCRIPT = 'content.js';
/** Longer than any bounded wait in the page (settle 5 s, extraction 3 s): past it the page is stuck. */
const ANSWER_TIMEOUT_MS = 30_000;

/** Rejects when a promise has not settled in time (a tab that never answers must not hang the panel). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The page did not answer within ${ms / 1000} s; it may be busy or stuck.`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
/** Styles the flash highlight the content script draws (CSS Custom Highlight API: no DOM change). */
const HIGHLIGHT_CSS = [
  '::highlight(vendor-review-flash) { background-color: rgba(255, 200, 0, 0.65); color: inherit; }',
  '::highlight(vendor-review-evidence) { background-color: rgba(46, 160, 67, 0.25); }',
  '::highlight(vendor-review-marketing) { background-color: rgba(212, 118, 0, 0.28); }',
  '::highlight(vendor-review-neutral) { background-color: rgba(31, 95, 191, 0.15); }',
].join('\n');

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
    const raw: unknown = await withTimeout(
      browser.tabs.sendMessage(tabId, request, { frameId: 0 }),
      ANSWER_TIMEOUT_MS,
    );
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

const styled = new Set<string>();

/** Injects the highlight colours once per page load (insertCSS adds a sheet each call). */
async function insertHighlightStyles(tabId: number): Promise<void> {
  try {
    const { url } = await browser.tabs.get(tabId);
    const key = `${tabId} ${url ?? ''}`;
    if (styled.has(key)) return;
    await browser.scripting.insertCSS({ target: { tabId, frameIds: [0] }, css: HIGHLIGHT_CSS });
    styled.add(key);
  } catch {
    // The reply from askPage explains access problems; without the style highlights are invisible.
  }
}

/** Scrolls the page to a claim and flashes it. */
export async function showClaimInTab(
  tabId: number,
  selector: v.InferOutput<typeof QuoteSelectorSchema>,
): Promise<Reply<ShowClaimResult>> {
  await insertHighlightStyles(tabId);
  return askPage(tabId, { type: 'show-claim', selector }, ShowClaimSchema);
}

/** Re-anchors the review's claims on the page and draws them; reports how each fared. */
export async function highlightClaims(
  tabId: number,
  claims: Array<v.InferOutput<typeof ClaimToDrawSchema>>,
): Promise<Reply<AnchorReport[]>> {
  await insertHighlightStyles(tabId);
  return askPage(tabId, { type: 'highlight-claims', claims }, vArray(AnchorReportSchema));
}

/** The text selected in the tab, as a claim, with the page's info. */
export async function captureSelectionInTab(tabId: number) {
  return askPage(tabId, { type: 'capture-selection' }, CaptureSchema);
}
