/** Escaping for HTML text and attribute values, and the only way exports write a link into HTML. */
import { linkableUrl } from './link-policy.ts';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: skip the per-match callback.
  return SPECIAL_TEST.test(text) ? text.replace(SPECIAL, (c) => ENTITIES[c] as string) : text;
}

const SPECIAL = /[&<>"']/g;
const SPECIAL_TEST = /[&<>"']/;

/** `<a href>` for http(s) URLs (no referrer, no opener); anything else as escaped text. */
export function htmlLink(text: string, url: string): string {
  const parsed = linkableUrl(url);
  const label = escapeHtml(text || url);
  if (!parsed) return label;
  return `<a href="${escapeHtml(parsed.href)}" rel="noreferrer noopener">${label}</a>`;
}

/** A URL shown as itself: a link when allowed, escaped text otherwise. */
export function htmlUrl(url: string): string {
  return htmlLink(url, url);
}
