/**
 * Which URLs exports turn into clickable links. Claim URLs come from whatever page the reviewer
 * read, so a `javascript:`, `data:` or credential-bearing URL must never become a link in a ticket
 * or a report: those are shown as text instead.
 */

/** Schemes every format may link to. */
const WEB = ['http:', 'https:'] as const;

/** The URL parsed, when it is an absolute URL with an allowed scheme and no user name or password. */
export function linkableUrl(url: string, schemes: readonly string[] = WEB): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!schemes.includes(parsed.protocol)) return undefined;
  // `https://trust.vendor.com@evil.example/` reads as the vendor's page but is not: never a link.
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed;
}

/**
 * The URL's serialisation with every character matching `unsafe` percent-encoded outside the
 * scheme and host (so an IPv6 host's brackets survive). `unsafe` must match single ASCII characters.
 */
export function encodeHref(url: URL, unsafe: RegExp): string {
  const head = url.protocol === 'mailto:' ? 'mailto:' : `${url.protocol}//${url.host}`;
  const rest = url.href.slice(head.length);
  return (
    head + rest.replace(unsafe, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
  );
}
