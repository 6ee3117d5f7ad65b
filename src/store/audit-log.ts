/**
 * Appending to a review's audit trail. The chain's hashes are computed outside the IndexedDB
 * transaction (Web Crypto is not IndexedDB: awaiting it would let the transaction commit early);
 * the append itself is guarded by the unique [reviewId+seq] index, so when two panels append at
 * once one of them fails and retries on top of the other's event — no event is lost or forked.
 */
import {
  type AuditEvent,
  type AuditEventInput,
  type ChainCheck,
  nextEvent,
  verifyChain,
} from '../core/audit-chain.ts';
import type { ReviewDatabase } from './db.ts';

const RETRIES = 8;

/** The last event of a review's chain, if any. */
export async function lastEvent(db: ReviewDatabase, reviewId: string): Promise<AuditEvent | undefined> {
  return db.events.where('[reviewId+seq]').between([reviewId, 0], [reviewId, Number.MAX_SAFE_INTEGER]).last();
}

/** Appends one event to a review's chain and returns it. */
export async function appendEvent(
  db: ReviewDatabase,
  input: AuditEventInput,
  now = new Date(),
): Promise<AuditEvent> {
  for (let attempt = 0; ; attempt++) {
    const previous = await lastEvent(db, input.reviewId);
    const event = await nextEvent(input, previous, now);
    try {
      await db.events.add(event);
      return event;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name !== 'ConstraintError' || attempt >= RETRIES) throw error;
    }
  }
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
