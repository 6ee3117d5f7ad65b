/**
 * Which URLs exports turn into clickable links. Claim URLs come from whatever page the reviewer
 * read, so a `javascript:`, `data:` or credential-bearing URL must never become a link in a ticket
 * or a report: those are shown as text instead.
 */

import { type CharTable, percentEncode } from './char-escape.ts';

/** Schemes every format may link to. */
const WEB = ['http:', 'https:'] as const;

/** Parsed URLs by their text: a report links the same few pages thousands of times. */
const parsedUrls = new Map<string, URL | null>();
const PARSE_CACHE_SIZE = 2000;

/** `new URL(url)` or null, remembered (read-only use: callers never mutate the URL). */
function parse(url: string): URL | null {
  let parsed = parsedUrls.get(url);
  if (parsed === undefined) {
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (parsedUrls.size >= PARSE_CACHE_SIZE) parsedUrls.clear();
    parsedUrls.set(url, parsed);
  }
  return parsed;
}

/** What exports read of a linkable URL. */
export type LinkTarget = Pick<URL, 'protocol' | 'host' | 'href'>;

/**
 * A fragment the URL parser keeps exactly as written: printable ASCII without the characters of
 * the fragment percent-encode set (space, `"`, `<`, `>`, backquote), so nothing is encoded,
 * stripped or removed from it. Text-fragment deep links (`#:~:text=` + percent-encoded words) are.
 */
const PLAIN_FRAGMENT = /^[\x21\x23-\x3B\x3D\x3F-\x5F\x61-\x7E]*$/;

/** The URL parsed, when it is an absolute URL with an allowed scheme and no user name or password. */
export function linkableUrl(url: string, schemes: readonly string[] = WEB): LinkTarget | undefined {
  // A report links each of a few pages thousands of times, each time with another text fragment.
  // Parsing the part before the first `#` (remembered) and appending the fragment gives the same
  // serialisation as parsing the whole: the parser ends the path, query or host at `#` exactly as
  // at the end of the input, and keeps a plain fragment as it is. Not when the page part ends in a
  // space or control character: alone, it would be trimmed.
  const hash = url.indexOf('#');
  if (hash > 0 && url.charCodeAt(hash - 1) > 0x20) {
    const fragment = url.slice(hash + 1);
    if (PLAIN_FRAGMENT.test(fragment)) {
      const page = linkablePage(url.slice(0, hash), schemes);
      return page && { protocol: page.protocol, host: page.host, href: `${page.href}#${fragment}` };
    }
  }
  return linkablePage(url, schemes);
}

function linkablePage(url: string, schemes: readonly string[]): URL | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  if (!schemes.includes(parsed.protocol)) return undefined;
  // `https://trust.vendor.com@evil.example/` reads as the vendor's page but is not: never a link.
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed;
}

/**
 * The URL's serialisation with every character `unsafe` marks percent-encoded outside the scheme
 * and host (so an IPv6 host's brackets survive).
 */
export function encodeHref(url: LinkTarget, unsafe: CharTable): string {
  const head = url.protocol === 'mailto:' ? 'mailto:' : `${url.protocol}//${url.host}`;
  return head + percentEncode(url.href.slice(head.length), unsafe);
}
