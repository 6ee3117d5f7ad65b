/**
 * Scrolls the vendor page to a claim and flashes it, with the CSS Custom Highlight API (no change
 * to the page's DOM; the highlight style is injected by the background with `insertCSS`), or the
 * selection where that API is missing.
 */
import type { QuoteSelector } from '../src/core/claim.ts';
import { anchorQuote } from './anchor/anchor-quote.ts';
import { indexPageText } from './anchor/page-text.ts';

/** The highlight name the injected stylesheet styles. */
export const FLASH_HIGHLIGHT = 'vendor-review-flash';
const FLASH_MS = 1800;

/** What happened when asked to show a claim. */
export interface ShowResult {
  found: boolean;
  method?: 'position' | 'quote';
}

/** Finds the claim, scrolls it into view and flashes it. */
export function showClaim(doc: Document, selector: QuoteSelector): ShowResult {
  const anchor = anchorQuote(doc, indexPageText(doc), selector);
  if (!anchor) return { found: false };
  const { range } = anchor;
  const element = range.startContainer.parentElement;
  // A claim inside a collapsed <details> is opened, as the browser's own find-in-page does.
  for (let d = element?.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const highlights = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const HighlightCtor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (highlights && HighlightCtor) {
    highlights.set(FLASH_HIGHLIGHT, new HighlightCtor(range));
    setTimeout(() => highlights.delete(FLASH_HIGHLIGHT), FLASH_MS);
  } else {
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  return { found: true, method: anchor.method };
}
