import { useMemo } from 'preact/hooks';
import { checklist } from '../core/control-status.ts';
import type { Attachment, DemoSession } from '../core/demo-records.ts';
import type { Review } from '../core/review.ts';
import type { Assessment, Note, RedFlagRecord, StoredClaim } from '../core/review-records.ts';
import { computeVerdict } from '../core/verdict.ts';
import type { AnchorReport } from '../messages/protocol.ts';
import { database } from '../store/db.ts';
import { type LiveState, useLiveQuery } from '../ui/use-live-query.ts';

const NO_ANCHORS: ReadonlyMap<string, AnchorReport> = new Map();

/** Everything the workspace shows for one review, kept live across panels. */
export interface ReviewData {
  claims: StoredClaim[];
  assessments: Assessment[];
  redFlags: RedFlagRecord[];
  notes: Note[];
  demoSessions: DemoSession[];
  /** Screenshots, images included (IndexedDB hands Blobs out by reference, not by copy). */
  attachments: Attachment[];
}

/** The review's records, re-read whenever any panel changes them (Dexie liveQuery). */
export function useReviewData(reviewId: string): LiveState<ReviewData> {
  return useLiveQuery(async () => {
    const db = database();
    const [claims, assessments, redFlags, notes, demoSessions, attachments] = await Promise.all([
      db.claims.where('reviewId').equals(reviewId).toArray(),
      db.assessments.where('reviewId').equals(reviewId).toArray(),
      db.redFlags.where('reviewId').equals(reviewId).toArray(),
      db.notes.where('reviewId').equals(reviewId).toArray(),
      db.demoSessions.where('reviewId').equals(reviewId).toArray(),
      db.attachments.where('reviewId').equals(reviewId).toArray(),
    ]);
    return { claims, assessments, redFlags, notes, demoSessions, attachments };
  }, [reviewId]);
}

/**
 * Claims whose text changed or vanished: as re-anchored on the page in the tab now, else as last
 * recorded when their page was read.
 */
export function staleClaimIds(
  data: ReviewData | undefined,
  anchors: ReadonlyMap<string, AnchorReport>,
): ReadonlySet<string> {
  const out = new Set<string>();
  for (const c of data?.claims ?? []) {
    const now = anchors.get(c.id)?.status;
    // "unchecked" (the page ran out of time before it) says nothing new: the last record stands.
    const status = (now !== 'unchecked' ? now : undefined) ?? c.pageCheck?.status ?? 'anchored';
    if (status !== 'anchored') out.add(c.id);
  }
  return out;
}

/**
 * The checklist and verdict derived from a review's records. `anchors`: how the current page's
 * claims re-anchored — a claim that changed or vanished makes its evidence stale.
 */
export function useDerived(
  review: Review,
  data: ReviewData | undefined,
  anchors: ReadonlyMap<string, AnchorReport> = NO_ANCHORS,
) {
  return useMemo(() => {
    const stale = staleClaimIds(data, anchors);
    const assessments = (data?.assessments ?? []).map((a) => ({
      claimId: a.claimId,
      control: a.control,
      verdict: a.verdict,
      stale: stale.has(a.claimId),
    }));
    const statuses = checklist(review.template, assessments, review.notApplicable);
    const verdict = computeVerdict({
      statuses,
      redFlags: (data?.redFlags ?? []).map((f) => ({
        id: f.id,
        flag: f.flag,
        ...(f.claimId ? { claimId: f.claimId } : {}),
        resolved: f.resolved,
      })),
      ...(review.verdictOverride
        ? { override: { verdict: review.verdictOverride.verdict, reason: review.verdictOverride.reason } }
        : {}),
    });
    return { statuses, verdict };
  }, [review, data, anchors]);
}
