/**
 * How every change to a review is written: the change and its audit event in one transaction
 * (never one without the other), retried when another panel appended to the chain first, and
 * planned again when the rows it was planned on changed meanwhile.
 */
import type { AuditEventInput } from '../core/audit-chain.ts';
import { nextEvent } from '../core/audit-chain.ts';
import { withAuditLock } from './audit-lock.ts';
import { lastEvent } from './audit-log.ts';
import type { ReviewDatabase } from './db.ts';

const RETRIES = 50;

/** A short random wait before retrying, so panels that collided do not collide again in step. */
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * Math.min(attempt + 1, 10)));

/** Writes a change and its audit event atomically; retries when another panel appended first. */
export async function recorded<T>(
  db: ReviewDatabase,
  input: AuditEventInput,
  write: () => Promise<T>,
  now = new Date(),
): Promise<T> {
  return withAuditLock(input.reviewId, () => appendWithRetry(db, input, write, now));
}

/** Reads the chain's head, hashes the event, writes change and event; again if the seq was taken. */
async function appendWithRetry<T>(
  db: ReviewDatabase,
  input: AuditEventInput,
  write: () => Promise<T>,
  now: Date,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const previous = await lastEvent(db, input.reviewId);
    const event = await nextEvent(input, previous, now);
    try {
      return await db.transaction(
        'rw',
        // Every table: a change may touch any of them, with its event and the review's update time.
        db.tables,
        async () => {
          const result = await write();
          await db.events.add(event);
          await db.reviews.update(input.reviewId, { updatedAt: now.toISOString() });
          return result;
        },
      );
    } catch (error) {
      const name = (error as { name?: string; inner?: { name?: string } }).name;
      const inner = (error as { inner?: { name?: string } }).inner?.name;
      if ((name !== 'ConstraintError' && inner !== 'ConstraintError') || attempt >= RETRIES) throw error;
      await backoff(attempt);
    }
  }
}

/**
 * Thrown inside a write when what the change was planned on (read before the transaction, since
 * the audit event is hashed before it opens) is no longer what is stored: another panel got there
 * first. Nothing is written; `untilFresh` plans the change again on the fresh rows.
 */
export class StaleRead extends Error {
  override name = 'StaleRead';
}

/** Runs a read-plan-write change again while another panel keeps changing the same rows under it. */
export async function untilFresh<T>(change: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await change();
    } catch (error) {
      const name = (error as { name?: string; inner?: { name?: string } }).name;
      const inner = (error as { inner?: { name?: string } }).inner?.name;
      if ((name !== 'StaleRead' && inner !== 'StaleRead') || attempt >= RETRIES) throw error;
      await backoff(attempt);
    }
  }
}
