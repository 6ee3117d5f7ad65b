/**
 * Text fragment links (`#:~:text=`), encoded per the WICG spec: percent-encode every character
 * that `encodeURIComponent` does, and also `-`, `&` and `,`, which the directive's grammar uses.
 * Long quotes use the `textStart,textEnd` form so the link stays short.
 */

const LONG = 120;
const EDGE_WORDS = 5;

/** Percent-encodes one text-fragment term. */
export function encodeFragmentTerm(text: string): string {
  // encodeURIComponent already encodes `&` and `,`; only `-` is left to do.
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** The fragment directive for a quote (without the leading `#`), e.g. `:~:text=SOC%202%20Type%20II`. */
export function textFragmentFor(quote: string): string {
  if (quote.length <= LONG) return `:~:text=${encodeFragmentTerm(quote)}`;
  const words = quote.split(' ').filter(Boolean);
  if (words.length <= EDGE_WORDS * 2) return `:~:text=${encodeFragmentTerm(quote)}`;
  const start = words.slice(0, EDGE_WORDS).join(' ');
  const end = words.slice(-EDGE_WORDS).join(' ');
  return `:~:text=${encodeFragmentTerm(start)},${encodeFragmentTerm(end)}`;
}

/** A page URL with a text fragment, replacing any fragment the URL had. */
export function deepLink(pageUrl: string, quote: string): string {
  const url = pageUrl.replace(/#.*$/, '');
  return `${url}#${textFragmentFor(quote)}`;
}
