/** Escaping for HTML text and attribute values, and the only way exports write a link into HTML. */
import { charTable, writeReplaced } from './char-escape.ts';
import { type LinkTarget, linkableUrl } from './link-policy.ts';
import type { TextWriter } from './text-writer.ts';

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

/** The characters `escapeHtml` replaces, and each one's entity by character code. */
const SPECIAL_TABLE = charTable('&<>"\'');
const ENTITY_BY_CODE: string[] = [];
for (const [c, entity] of Object.entries(ENTITIES)) ENTITY_BY_CODE[c.charCodeAt(0)] = entity;

/** `escapeHtml(text)` written to `w`: a report writes each claim's quote, tag line and dates this way. */
export function writeHtml(w: TextWriter, text: string): void {
  writeReplaced(w, text, SPECIAL_TABLE, ENTITY_BY_CODE);
}

/**
 * `htmlLink(label, url)` written to `w`, given the URL as `linkableUrl` reads it (a deep link's
 * target is made without its text): `label`, escaped and not empty, alone when no target.
 */
export function writeHtmlLinkTo(w: TextWriter, label: string, target: LinkTarget | undefined): void {
  if (!target) {
    w.write(label);
    return;
  }
  // The href part by part, as `htmlLink` escapes it whole: no copy of the link is built first.
  w.write('<a href="');
  writeHtml(w, target.head);
  writeHtml(w, target.rest);
  if (target.fragment !== undefined) {
    w.write('#');
    writeHtml(w, target.fragment);
  }
  w.write('" rel="noreferrer noopener">');
  w.write(label);
  w.write('</a>');
}
