/** Lone surrogates replaced by U+FFFD: `encodeURIComponent` throws on them, and a page's script can put them in its text. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
