import { useMemo } from 'preact/hooks';
import { classifyClaim } from '../core/classify/classify-claim.ts';
import { extractedOf, type StoredClaim } from '../core/review-records.ts';
import { askBackground } from '../platform/messaging.ts';
import { ScanResults } from './ScanResults.tsx';
import type { Tagging } from './use-tagging.ts';

/** Claims the reviewer added from a selection on this page ("Add to review"), ready to tag. */
export function CapturedClaims({
  claims,
  tabId,
  tagging,
}: {
  claims: readonly StoredClaim[];
  tabId: number;
  tagging: Tagging;
}) {
  const asExtracted = useMemo(() => claims.map(extractedOf), [claims]);
  const suggestions = useMemo(() => claims.map((c) => c.suggestion ?? classifyClaim(c)), [claims]);
  if (claims.length === 0) return null;
  return (
    <section aria-labelledby="captured-heading" id="captured">
      <h2 id="captured-heading">Added from your selections on this page</h2>
      <ScanResults
        claims={asExtracted}
        suggestions={suggestions}
        filter=""
        expanded
        tagging={tagging}
        onShow={(claim) => void askBackground({ type: 'show-claim', tabId, selector: claim.selector })}
      />
    </section>
  );
}
