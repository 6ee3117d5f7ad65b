/**
 * Text fragment links (`#:~:text=`), encoded per the WICG spec: percent-encode every character
 * that `encodeURIComponent` does, and also `-`, `&` and `,`, which the directive's grammar uses.
 * Long quotes use the `textStart,textEnd` form so the link stays short.
 */

const LONG = 120;
const EDGE_WORDS = 5;

/** Percent-encodes one text-fragment term. */
export function encodeFragmentTerm(text: string): string {
  // encodeURIComponent already encodes `&` and `,`; only `-` is left to do (most quotes have none).
  // It throws on a lone surrogate (a page's script can put one in its text): that becomes U+FFFD.
  const encoded = encodeURIComponent(text.toWellFormed());
  return encoded.includes('-') ? encoded.replace(/-/g, '%2D') : encoded;
}

/** The fragment directive for a quote (without the leading `#`), e.g. `:~:text=SOC%202%20Type%20II`. */
export function textFragmentFor(quote: string): string {
  if (quote.length <= LONG) return `:~:text=${encodeFragmentTerm(quote)}`;
  const edges = edgeWords(quote);
  if (edges) return `:~:text=${encodeFragmentTerm(edges[0])},${encodeFragmentTerm(edges[1])}`;
  const words = quote.split(' ').filter(Boolean);
  if (words.length <= EDGE_WORDS * 2) return `:~:text=${encodeFragmentTerm(quote)}`;
  const start = words.slice(0, EDGE_WORDS).join(' ');
  const end = words.slice(-EDGE_WORDS).join(' ');
  return `:~:text=${encodeFragmentTerm(start)},${encodeFragmentTerm(end)}`;
}

/**
 * The first and last EDGE_WORDS words of a normalised quote (single spaces, trimmed), found by
 * searching for spaces instead of splitting every word of a long quote; `undefined` when the
 * quote is short in words or not normalised (the general path handles it).
 */
function edgeWords(quote: string): [string, string] | undefined {
  if (quote.startsWith(' ') || quote.endsWith(' ') || quote.includes('  ')) return undefined;
  let head = -1;
  for (let i = 0; i < EDGE_WORDS; i++) {
    head = quote.indexOf(' ', head + 1);
    if (head < 0) return undefined;
  }
  let tail = quote.length;
  for (let i = 0; i < EDGE_WORDS; i++) {
    tail = quote.lastIndexOf(' ', tail - 1);
    if (tail < 0) return undefined;
  }
  // More than EDGE_WORDS * 2 words only if the two edges do not meet.
  if (tail <= head) return undefined;
  return [quote.slice(0, head), quote.slice(tail + 1)];
}

/** A page URL with a text fragment, replacing any fragment the URL had. */
export function deepLink(pageUrl: string, quote: string): string {
  const url = pageUrl.replace(/#.*$/, '');
  return `${url}#${textFragmentFor(quote)}`;
}
