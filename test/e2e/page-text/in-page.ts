/**
 * The page-text e2e's in-page bundle: the real extractor and the real anchoring index run on the
 * page they are injected into, and each claim is anchored again on it.
 */
import { anchorQuote } from '../../../content/anchor/anchor-quote.ts';
import { indexPageText } from '../../../content/anchor/page-text.ts';
import { extractDomClaims } from '../../../content/extract/extract-claims.ts';

/** What both counts of the page text gave, and how each claim anchored. */
export interface PageTextCheck {
  extracted: string;
  indexed: string;
  claims: Array<{ text: string; method: 'position' | 'quote' | 'none' }>;
}

function check(): PageTextCheck {
  const r = extractDomClaims(document);
  const index = indexPageText(document);
  return {
    extracted: r.pageText,
    indexed: index.text,
    claims: r.claims.map((c) => ({
      text: c.text,
      method: anchorQuote(document, index, c.selector)?.method ?? 'none',
    })),
  };
}

(globalThis as unknown as { __pageText: { check: typeof check } }).__pageText = { check };
