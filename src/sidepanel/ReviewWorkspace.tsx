import { useCallback, useMemo, useState } from 'preact/hooks';
import type { ControlId } from '../core/controls.ts';
import type { PageInfo, Review } from '../core/review.ts';
import { normaliseSourceUrl } from '../core/source-url.ts';
import type { Verdict } from '../core/verdict.ts';
import { database } from '../store/db.ts';
import {
  raiseRedFlag,
  setNotApplicable,
  setRedFlagResolved,
  setVerdictOverride,
} from '../store/workspace.ts';
import { AuditTrail } from './AuditTrail.tsx';
import { CapturedClaims } from './CapturedClaims.tsx';
import { Checklist } from './Checklist.tsx';
import { captureBesidePanel } from './demo/capture-tab.ts';
import { DemoSection } from './demo/DemoSection.tsx';
import { ExportSection } from './ExportSection.tsx';
import { FindingsSection } from './FindingsSection.tsx';
import { FollowUpSection } from './FollowUpSection.tsx';
import { NoteField } from './NoteField.tsx';
import { RaiseRedFlag } from './RaiseRedFlag.tsx';
import { RedFlagList } from './RedFlagList.tsx';
import { ReviewView } from './ReviewView.tsx';
import { ScanSection } from './ScanSection.tsx';
import { StorageStatus } from './StorageStatus.tsx';
import { useHighlights } from './use-highlights.ts';
import { staleClaimIds, useDerived, useReviewData } from './use-review-data.ts';
import type { ScanState } from './use-scan.ts';
import { useTagging } from './use-tagging.ts';
import { VerdictCard } from './VerdictCard.tsx';

/** A review open in the panel: verdict, checklist, the page's claims to tag, and the pages read. */
export function ReviewWorkspace({
  review,
  page,
  tabId,
  actor,
  scan,
  stale,
  onScan,
}: {
  review: Review;
  /** The page in the active tab when it belongs to this review (claims can be tagged), else undefined. */
  page: (PageInfo & { readAt?: number }) | undefined;
  tabId: number | undefined;
  actor: string;
  scan: ScanState;
  stale: boolean;
  onScan: () => void;
}) {
  const data = useReviewData(review.id);
  const ready = data.status === 'ready' ? data.value : undefined;
  const [selected, setSelected] = useState<string | null>(null);
  const anchors = useHighlights(
    page ? tabId : undefined,
    page,
    ready,
    useCallback((id: string) => setSelected(id), []),
    actor,
  );
  const { statuses, verdict } = useDerived(review, ready, anchors);
  const staleClaims = useMemo(() => staleClaimIds(ready, anchors), [ready, anchors]);
  const tagging = useTagging(review, page ?? { title: '', url: 'about:blank', textLength: 0 }, ready, actor);
  const db = database();
  return (
    <>
      {data.status === 'error' && (
        <p class="notice error" role="alert">
          {data.error}
        </p>
      )}
      <VerdictCard
        review={review}
        result={verdict}
        onOverride={(o: { verdict: Verdict; reason: string } | null) =>
          setVerdictOverride(db, actor, review.id, o)
        }
      />
      <section aria-label="Review notes">
        <NoteField
          reviewId={review.id}
          scope="review"
          saved={ready?.notes.find((n) => n.scope === 'review')?.text ?? ''}
          actor={actor}
          label="Notes on this review"
        />
      </section>
      <DemoSection review={review} data={ready} actor={actor} capture={captureBesidePanel} />
      <Checklist
        review={review}
        statuses={statuses}
        data={ready}
        actor={actor}
        anchors={anchors}
        selected={selected}
        onNotApplicable={(control: ControlId, reason: string | null) =>
          setNotApplicable(db, actor, review.id, control, reason)
        }
      />
      <section aria-labelledby="red-flags-heading" id="red-flags">
        <h2 id="red-flags-heading">Red flags</h2>
        <RedFlagList
          flags={ready?.redFlags ?? []}
          claims={ready?.claims ?? []}
          onResolve={(flag, resolved) => setRedFlagResolved(db, actor, flag, resolved)}
        />
        <RaiseRedFlag
          claims={ready?.claims ?? []}
          onRaise={async (input) => {
            await raiseRedFlag(db, actor, { reviewId: review.id, ...input });
          }}
        />
      </section>
      {tabId !== undefined && page && (
        <CapturedClaims
          claims={(ready?.claims ?? []).filter(
            (c) => c.origin === 'selection' && c.url === normaliseSourceUrl(page.url),
          )}
          tabId={tabId}
          tagging={tagging}
        />
      )}
      {tabId !== undefined && (
        <ScanSection
          tabId={tabId}
          state={scan}
          stale={stale}
          onScan={onScan}
          {...(page ? { tagging } : {})}
        />
      )}
      <FindingsSection review={review} data={ready} staleClaims={staleClaims} />
      <FollowUpSection review={review} statuses={statuses} data={ready} actor={actor} />
      <ExportSection review={review} controls={statuses.map((s) => s.control)} staleClaims={staleClaims} />
      <ReviewView review={review} />
      <AuditTrail reviewId={review.id} />
      <StorageStatus />
    </>
  );
}
