/**
 * Reading a review's audit trail (appending happens with each change, in `workspace.ts`).
 */
import { type AuditEvent, type ChainCheck, verifyChain } from '../core/audit-chain.ts';
import type { ReviewDatabase } from './db.ts';

/** The last event of a review's chain, if any. */
export async function lastEvent(db: ReviewDatabase, reviewId: string): Promise<AuditEvent | undefined> {
  return db.events.where('[reviewId+seq]').between([reviewId, 0], [reviewId, Number.MAX_SAFE_INTEGER]).last();
}

/** A review's events in chain order. */
export async function eventsOf(db: ReviewDatabase, reviewId: string): Promise<AuditEvent[]> {
  return db.events
    .where('[reviewId+seq]')
    .between([reviewId, 0], [reviewId, Number.MAX_SAFE_INTEGER])
    .toArray();
}

/** Verifies a review's stored chain; reports the first broken link. */
export async function verifyReviewChain(db: ReviewDatabase, reviewId: string): Promise<ChainCheck> {
  return verifyChain(await eventsOf(db, reviewId));
}
