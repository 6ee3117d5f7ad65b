/**
 * The typed protocol, one union per direction. Each request type maps to its response type,
 * and each has a valibot schema: every message is validated where it is received.
 */
import * as v from 'valibot';
import type { ExtractedClaim, Extraction } from '../core/claim.ts';
import { CONTROL_IDS } from '../core/controls.ts';
import type { PageInfo } from '../core/review.ts';

/** Upper bound on any message's JSON size; anything larger is rejected unread. */
export const MAX_MESSAGE_CHARS = 8 * 1024 * 1024;

const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A quote selector as it travels between the panel, the background and the page. */
export const QuoteSelectorSchema = v.strictObject({
  exact: text(4096),
  prefix: text(256),
  suffix: text(256),
  start: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  end: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

const claimId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const recordId = claimId;

/** A stored claim to draw on the page, with its colour. */
export const ClaimToDrawSchema = v.strictObject({
  id: claimId,
  selector: QuoteSelectorSchema,
  tone: v.picklist(['evidence', 'marketing', 'neutral']),
});
/** A claim for the page to re-anchor and draw, with its colour. */
export type ClaimToDraw = v.InferOutput<typeof ClaimToDrawSchema>;

/** How a claim fared when re-anchored on the page ("unchecked": not reached within the time budget). */
export const AnchorReportSchema = v.strictObject({
  id: claimId,
  status: v.picklist(['anchored', 'changed', 'orphaned', 'unchecked']),
  method: v.optional(v.picklist(['position', 'quote'])),
  currentText: v.optional(text(4096)),
});
/** How a claim fared when re-anchored on the page. */
export type AnchorReport = v.InferOutput<typeof AnchorReportSchema>;

/** What happened when the page was asked to show a claim. */
export interface ShowClaimResult {
  found: boolean;
  method?: 'position' | 'quote';
}

// ---- extension pages (panel, popup, options) → background ----

/** Requests the panel and popup send to the background service worker. */
export const PageToBackground = v.variant('type', [
  /** Inject the content script into a tab and report the page's title, URL and amount of text. */
  v.strictObject({ type: v.literal('inspect-tab'), tabId }),
  /** Read the claims of the page in a tab (after it settles). */
  v.strictObject({ type: v.literal('scan-tab'), tabId }),
  /** Scroll the page in a tab to a claim and flash it. */
  v.strictObject({ type: v.literal('show-claim'), tabId, selector: QuoteSelectorSchema }),
  /** Re-anchor the review's claims on the page in a tab and draw them as highlights. */
  v.strictObject({
    type: v.literal('highlight-claims'),
    tabId,
    claims: v.pipe(v.array(ClaimToDrawSchema), v.maxLength(5000)),
  }),
  /** Add the text selected in a tab to the vendor's review (created if there is none). */
  v.strictObject({ type: v.literal('add-selection'), tabId }),
  /** Capture the visible tab of a window as a screenshot of a review (attached to an entry and control). */
  v.strictObject({
    type: v.literal('capture-screenshot'),
    windowId: v.optional(v.pipe(v.number(), v.integer())),
    reviewId: recordId,
    sessionId: v.optional(recordId),
    claimId: v.optional(recordId),
    control: v.optional(v.picklist(CONTROL_IDS)),
  }),
]);
/** A request from an extension page to the background. */
export type PageToBackground = v.InferOutput<typeof PageToBackground>;

/** What the background answers to each page request. */
export interface PageToBackgroundResponse {
  'inspect-tab': PageInfo;
  'scan-tab': Extraction;
  'show-claim': ShowClaimResult;
  'highlight-claims': AnchorReport[];
  'add-selection': SelectionAdded;
  'capture-screenshot': ScreenshotTaken;
}

/** A screenshot that was captured and kept. */
export interface ScreenshotTaken {
  id: string;
  sha256: string;
  size: number;
  capturedAt: string;
}

/** What "Add to review" did. */
export interface SelectionAdded {
  text: string;
  vendor: string;
  createdReview: boolean;
}

// ---- extension page → other extension pages (a broadcast; the background ignores it) ----

/** Broadcasts between our pages: the popup tells an open panel that the toolbar click granted access to a tab. */
export const PageBroadcast = v.variant('type', [
  v.strictObject({ type: v.literal('tab-access-granted'), tabId }),
  /** The background wrote to the database: pages re-run their live queries. */
  v.strictObject({ type: v.literal('data-changed') }),
]);
/** A broadcast between extension pages. */
export type PageBroadcast = v.InferOutput<typeof PageBroadcast>;

// ---- content script → extension pages ----

/** What the content script tells the panel on its own: the reviewer clicked a highlight. */
export const ContentToPage = v.variant('type', [
  v.strictObject({ type: v.literal('highlight-clicked'), claimId }),
]);
/** A message from the content script to the panel. */
export type ContentToPage = v.InferOutput<typeof ContentToPage>;

// ---- background → content script ----

/** Requests the background sends to the content script in a tab. */
export const BackgroundToContent = v.variant('type', [
  /** Report the page's title, URL and amount of visible text. */
  v.strictObject({ type: v.literal('page-info') }),
  /** Wait for the page to settle, then read its claims. */
  v.strictObject({ type: v.literal('extract-claims') }),
  /** Scroll to a claim and flash it. */
  v.strictObject({ type: v.literal('show-claim'), selector: QuoteSelectorSchema }),
  /** Re-anchor claims and draw them as highlights. */
  v.strictObject({
    type: v.literal('highlight-claims'),
    claims: v.pipe(v.array(ClaimToDrawSchema), v.maxLength(5000)),
  }),
  /** The current selection as a claim (null when nothing is selected), with the page's info. */
  v.strictObject({ type: v.literal('capture-selection') }),
]);
/** A request from the background to a content script. */
export type BackgroundToContent = v.InferOutput<typeof BackgroundToContent>;

/** What the content script answers to each request. */
export interface BackgroundToContentResponse {
  'page-info': PageInfo;
  'extract-claims': Extraction;
  'show-claim': ShowClaimResult;
  'highlight-claims': AnchorReport[];
  'capture-selection': { claim: ExtractedClaim | null; page: PageInfo };
}

// ---- replies coming back from the content script, validated too ----

const shortText = v.pipe(v.string(), v.maxLength(4096));

/** The shape of a page-info answer. */
export const PageInfoSchema = v.strictObject({
  title: shortText,
  url: v.pipe(v.string(), v.maxLength(8192)),
  textLength: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const structure = v.picklist([
  'sentence',
  'list-item',
  'table-row',
  'definition',
  'accordion',
  'callout',
  'code',
  'structured',
]);

/** The shape of one extracted claim. */
export const ClaimSchema = v.strictObject({
  text: text(4096),
  headingPath: v.pipe(v.array(text(512)), v.maxLength(12)),
  structure,
  context: v.optional(text(1024)),
  selector: QuoteSelectorSchema,
  fragment: v.optional(text(8192)),
  flags: v.strictObject({ inCode: v.boolean(), gated: v.boolean(), hidden: v.boolean() }),
  origin: v.picklist(['dom', 'safebase', 'conveyor']),
});

/** The shape of an extraction answer. */
export const ExtractionSchema = v.strictObject({
  url: text(8192),
  title: text(4096),
  platform: v.picklist(['safebase', 'conveyor', 'vanta', 'generic']),
  claims: v.pipe(v.array(ClaimSchema), v.maxLength(5000)),
  truncated: v.optional(text(512)),
  settled: v.optional(v.boolean()),
  stats: v.strictObject({
    elements: v.pipe(v.number(), v.minValue(0)),
    textLength: v.pipe(v.number(), v.minValue(0)),
    ms: v.pipe(v.number(), v.minValue(0)),
  }),
});

/** The shape of a capture-selection answer. */
export const CaptureSchema = v.strictObject({ claim: v.nullable(ClaimSchema), page: PageInfoSchema });

/** The shape of a show-claim answer. */
export const ShowClaimSchema = v.strictObject({
  found: v.boolean(),
  method: v.optional(v.picklist(['position', 'quote'])),
});

/** The reply envelope, for validating what comes back over a channel. */
export function replySchema<T extends v.GenericSchema>(value: T) {
  return v.variant('ok', [
    v.strictObject({ ok: v.literal(true), value }),
    v.strictObject({ ok: v.literal(false), error: shortText }),
  ]);
}
