/**
 * The typed protocol, one union per direction. Each request type maps to its response type,
 * and each has a valibot schema: every message is validated where it is received.
 */
import * as v from 'valibot';
import type { PageInfo } from '../core/review.ts';

/** Upper bound on any message's JSON size; anything larger is rejected unread. */
export const MAX_MESSAGE_CHARS = 8 * 1024 * 1024;

const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));

// ---- extension pages (panel, popup, options) → background ----

/** Requests the panel and popup send to the background service worker. */
export const PageToBackground = v.variant('type', [
  /** Inject the content script into a tab and report the page's title, URL and amount of text. */
  v.strictObject({ type: v.literal('inspect-tab'), tabId }),
]);
/** A request from an extension page to the background. */
export type PageToBackground = v.InferOutput<typeof PageToBackground>;

/** What the background answers to each page request. */
export interface PageToBackgroundResponse {
  'inspect-tab': PageInfo;
}

// ---- background → content script ----

/** Requests the background sends to the content script in a tab. */
export const BackgroundToContent = v.variant('type', [
  /** Report the page's title, URL and amount of visible text. */
  v.strictObject({ type: v.literal('page-info') }),
]);
/** A request from the background to a content script. */
export type BackgroundToContent = v.InferOutput<typeof BackgroundToContent>;

/** What the content script answers to each request. */
export interface BackgroundToContentResponse {
  'page-info': PageInfo;
}

// ---- replies coming back from the content script, validated too ----

const shortText = v.pipe(v.string(), v.maxLength(4096));

/** The shape of a page-info answer. */
export const PageInfoSchema = v.strictObject({
  title: shortText,
  url: v.pipe(v.string(), v.maxLength(8192)),
  textLength: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** The reply envelope, for validating what comes back over a channel. */
export function replySchema<T extends v.GenericSchema>(value: T) {
  return v.variant('ok', [
    v.strictObject({ ok: v.literal(true), value }),
    v.strictObject({ ok: v.literal(false), error: shortText }),
  ]);
}
