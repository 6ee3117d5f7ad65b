/**
 * The review's claims drawn on the vendor's page with the CSS Custom Highlight API — no change to
 * the page's DOM; the colours come from a stylesheet the background injects with `insertCSS`.
 * Each claim re-anchors (`reanchorClaims`): exact quote at its old position, then the quote
 * anywhere (a repeated quote only where its prefix or suffix holds), then its old surroundings
 * (the claim changed); a claim found nowhere is orphaned and never highlighted in a wrong place,
 * and claims the time budget did not reach are reported "unchecked". Clicking a highlight tells
 * the panel.
 */
import type { AnchorReport, ClaimToDraw } from '../src/messages/protocol.ts';
import { indexPageText } from './anchor/page-text.ts';
import { type ReanchorOptions, reanchorClaims } from './anchor/reanchor.ts';

// The shapes the panel sends and reads back, defined once in the protocol (types only: no code).
export type { AnchorReport, ClaimToDraw } from '../src/messages/protocol.ts';

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
  options?: ReanchorOptions,
): AnchorReport[] {
  const index = indexPageText(doc);
  const results = reanchorClaims(
    doc,
    index,
    claims.map((c) => c.selector),
    options,
  );
  const reports: AnchorReport[] = [];
  const byTone = new Map<ClaimToDraw['tone'], Range[]>();
  drawn.clear();
  claims.forEach((claim, k) => {
    const r = results[k] ?? { status: 'unchecked' };
    if (r.range) {
      drawn.set(claim.id, r.range);
      const ranges = byTone.get(claim.tone);
      if (ranges) ranges.push(r.range);
      else byTone.set(claim.tone, [r.range]);
    }
    reports.push({
      id: claim.id,
      status: r.status,
      ...(r.method ? { method: r.method } : {}),
      ...(r.currentText !== undefined ? { currentText: r.currentText.slice(0, 2000) } : {}),
    });
  });
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
