/**
 * The review's claims drawn on the vendor's page with the CSS Custom Highlight API — no change to
 * the page's DOM; the colours come from a stylesheet the background injects with `insertCSS`.
 * Each claim re-anchors: exact quote at its old position, then the quote anywhere (prefix and
 * suffix break ties), then its old surroundings (the claim changed); a claim found nowhere is
 * orphaned and never highlighted in a wrong place. Clicking a highlight tells the panel.
 */
import type { QuoteSelector } from '../src/core/claim.ts';
import { anchorQuote } from './anchor/anchor-quote.ts';
import { findChangedText } from './anchor/approximate.ts';
import { indexPageText } from './anchor/page-text.ts';

/** A claim to draw, with its colour. */
export interface ClaimToDraw {
  id: string;
  selector: QuoteSelector;
  tone: 'evidence' | 'marketing' | 'neutral';
}

/** How a claim fared on the page today. */
export interface AnchorReport {
  id: string;
  status: 'anchored' | 'changed' | 'orphaned';
  method?: 'position' | 'quote';
  /** The text now where the claim was, when it changed. */
  currentText?: string;
}

type HighlightRegistry = Map<string, unknown>;
type HighlightConstructor = new (...ranges: Range[]) => unknown;

const drawn = new Map<string, Range>();
let clickListener: ((event: MouseEvent) => void) | undefined;

function registry(): { highlights: HighlightRegistry; Highlight: HighlightConstructor } | null {
  const highlights = (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as { Highlight?: HighlightConstructor }).Highlight;
  return highlights && Highlight ? { highlights, Highlight } : null;
}

/** Anchors and draws the claims; returns how each fared. */
export function drawHighlights(
  doc: Document,
  claims: readonly ClaimToDraw[],
  onClick: (claimId: string) => void,
): AnchorReport[] {
  const index = indexPageText(doc);
  const reports: AnchorReport[] = [];
  const byTone = new Map<ClaimToDraw['tone'], Range[]>();
  drawn.clear();
  for (const claim of claims) {
    const anchor = anchorQuote(doc, index, claim.selector);
    if (anchor) {
      drawn.set(claim.id, anchor.range);
      byTone.set(claim.tone, [...(byTone.get(claim.tone) ?? []), anchor.range]);
      reports.push({ id: claim.id, status: 'anchored', method: anchor.method });
      continue;
    }
    const changed = findChangedText(index.text, claim.selector);
    reports.push(
      changed
        ? { id: claim.id, status: 'changed', currentText: changed.text.slice(0, 2000) }
        : { id: claim.id, status: 'orphaned' },
    );
  }
  const api = registry();
  if (api) {
    for (const tone of ['evidence', 'marketing', 'neutral'] as const) {
      const ranges = byTone.get(tone) ?? [];
      if (ranges.length > 0) api.highlights.set(`vendor-review-${tone}`, new api.Highlight(...ranges));
      else api.highlights.delete(`vendor-review-${tone}`);
    }
  }
  // Without the Highlight API (older browsers) claims are not drawn; "show" still scrolls and selects.
  if (!clickListener) {
    clickListener = (event: MouseEvent) => {
      const hit = claimAt(doc, event.clientX, event.clientY);
      if (hit) onClick(hit);
    };
    doc.addEventListener('click', clickListener, true);
  }
  return reports;
}

/** The claim whose highlight is under a point, if any. */
function claimAt(doc: Document, x: number, y: number): string | undefined {
  const caret =
    (
      doc as Document & {
        caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      }
    ).caretPositionFromPoint?.(x, y) ?? null;
  const range = caret
    ? null
    : (
        doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }
      ).caretRangeFromPoint?.(x, y);
  const node = caret?.offsetNode ?? range?.startContainer;
  const offset = caret?.offset ?? range?.startOffset ?? 0;
  if (!node) return undefined;
  for (const [id, r] of drawn) {
    try {
      if (r.isPointInRange(node, offset)) return id;
    } catch {
      // A node from another document or a detached range: not ours.
    }
  }
  return undefined;
}
