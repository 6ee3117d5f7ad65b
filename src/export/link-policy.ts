/**
 * Which URLs exports turn into clickable links. Claim URLs come from whatever page the reviewer
 * read, so a `javascript:`, `data:` or credential-bearing URL must never become a link in a ticket
 * or a report: those are shown as text instead.
 */

import { deepLink, textFragmentFor } from '../core/text-fragment.ts';
import { type CharTable, percentEncode, writePercentEncoded } from './char-escape.ts';
import type { TextWriter } from './text-writer.ts';

/** Schemes every format may link to. */
const WEB = ['http:', 'https:'] as const;

/**
 * A parsed URL as exports read it: the URL getters build a new string on every call, so what
 * encoding needs is read once per distinct URL text.
 */
interface Parsed {
  protocol: string;
  /** Has a user name or password. */
  credentials: boolean;
  href: string;
  /** Scheme and host (`mailto:` alone for mail links): never percent-encoded. */
  head: string;
  /** The rest of `href`. */
  rest: string;
}

/** Parsed URLs by their text: a report links the same few pages thousands of times. */
const parsedUrls = new Map<string, Parsed | null>();
const PARSE_CACHE_SIZE = 2000;

/** `new URL(url)` as exports read it, or null, remembered. */
function parse(url: string): Parsed | null {
  let parsed = parsedUrls.get(url);
  if (parsed === undefined) {
    try {
      const u = new URL(url);
      const head = u.protocol === 'mailto:' ? 'mailto:' : `${u.protocol}//${u.host}`;
      parsed = {
        protocol: u.protocol,
        credentials: u.username !== '' || u.password !== '',
        href: u.href,
        head,
        rest: u.href.slice(head.length),
      };
    } catch {
      parsed = null;
    }
    if (parsedUrls.size >= PARSE_CACHE_SIZE) parsedUrls.clear();
    parsedUrls.set(url, parsed);
  }
  return parsed;
}

/** What exports read of a linkable URL: its serialisation, and where percent-encoding may apply. */
export interface LinkTarget {
  href: string;
  /** Scheme and host (`mailto:` alone for mail links): never percent-encoded. */
  head: string;
  /** What follows `head` in `href`, up to `fragment` when there is one. */
  rest: string;
  /** When `href` is a parsed page with a fragment appended: the fragment, without its `#`. */
  fragment?: string;
}

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
      return page && { href: `${page.href}#${fragment}`, head: page.head, rest: page.rest, fragment };
    }
  }
  return linkablePage(url, schemes);
}

/** A line terminator, which ends `deepLink`'s match of an old fragment (`.` does not match it). */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** The last page `deepLinkTarget` parsed, and its target: a report's claims come page by page. */
let lastPage: string | undefined;
let lastTarget: Parsed | undefined;

/**
 * `linkableUrl(deepLink(page, quote))`, without building the link's text only to parse it again.
 * A report links 10,000s of claims: kept as strings, their links filled megabytes of memory
 * that lived until the whole report was written.
 */
export function deepLinkTarget(page: string, quote: string): LinkTarget | undefined {
  if (page !== lastPage) {
    const hash = page.indexOf('#');
    const bare = hash < 0 ? page : page.slice(0, hash);
    // The long way when `deepLink` would keep part of an old fragment (after a line break) or the
    // page part ends in what the parser trims when it stands alone.
    if (bare.length === 0 || bare.charCodeAt(bare.length - 1) <= 0x20 || LINE_TERMINATOR.test(page)) {
      return linkableUrl(deepLink(page, quote));
    }
    lastPage = page;
    lastTarget = linkablePage(bare, WEB);
  }
  if (!lastTarget) return undefined;
  const fragment = textFragmentFor(quote);
  return { href: `${lastTarget.href}#${fragment}`, head: lastTarget.head, rest: lastTarget.rest, fragment };
}

function linkablePage(url: string, schemes: readonly string[]): Parsed | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  if (!schemes.includes(parsed.protocol)) return undefined;
  // `https://trust.vendor.com@evil.example/` reads as the vendor's page but is not: never a link.
  if (parsed.credentials) return undefined;
  return parsed;
}

/**
 * The URL's serialisation with every character `unsafe` marks percent-encoded outside the scheme
 * and host (so an IPv6 host's brackets survive).
 */
export function encodeHref(url: LinkTarget, unsafe: CharTable): string {
  const rest = url.head + percentEncode(url.rest, unsafe);
  if (url.fragment === undefined) return rest;
  // The page part and the fragment encoded apart: no copy of the whole link to encode it.
  return `${rest}${unsafe[0x23] === 1 ? '%23' : '#'}${percentEncode(url.fragment, unsafe)}`;
}

/** `encodeHref` written to `w` piece by piece: no copy of the link is built first. */
export function writeEncodedHref(w: TextWriter, url: LinkTarget, unsafe: CharTable): void {
  w.write(url.head);
  writePercentEncoded(w, url.rest, unsafe);
  if (url.fragment === undefined) return;
  w.write(unsafe[0x23] === 1 ? '%23' : '#');
  writePercentEncoded(w, url.fragment, unsafe);
}
