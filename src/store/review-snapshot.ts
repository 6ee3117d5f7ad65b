/**
 * A review's rows exactly as stored (`ReviewSnapshot`), read in one read transaction so a backup or
 * a report never mixes rows from before and after a concurrent change (a tag written between two
 * reads would otherwise show an assessment whose audit event is missing, or the reverse).
 */
import type { AuditEvent } from '../core/audit-chain.ts';
import type { ReviewSnapshot } from '../export/report.ts';
import type { ReviewDatabase } from './db.ts';

/** Events in chain order; the stored seq is the order, the id only breaks ties in damaged data. */
function bySeq(a: AuditEvent, b: AuditEvent): number {
  return a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every table, so one read transaction covers a whole snapshot. */
function allTables(db: ReviewDatabase) {
  return [db.reviews, db.sources, db.claims, db.assessments, db.redFlags, db.notes, db.events];
}

/** One review's rows (events in seq order, other rows in id order), or undefined if there is no such review. */
export async function readSnapshot(
  db: ReviewDatabase,
  reviewId: string,
): Promise<ReviewSnapshot | undefined> {
  return db.transaction('r', allTables(db), async () => {
    const review = await db.reviews.get(reviewId);
    if (!review) return undefined;
    // The reviewId index returns equal keys in primary-key order: a stable order for backups and tests.
    const [sources, claims, assessments, redFlags, notes, events] = await Promise.all([
      db.sources.where('reviewId').equals(reviewId).toArray(),
      db.claims.where('reviewId').equals(reviewId).toArray(),
      db.assessments.where('reviewId').equals(reviewId).toArray(),
      db.redFlags.where('reviewId').equals(reviewId).toArray(),
      db.notes.where('reviewId').equals(reviewId).toArray(),
      // By reviewId, not [reviewId+seq] with bounds: an event with an odd seq must still be backed up.
      db.events.where('reviewId').equals(reviewId).toArray(),
    ]);
    return { review, sources, claims, assessments, redFlags, notes, events: events.sort(bySeq) };
  });
}

/**
 * Every review's snapshot, most recently updated first, from one read transaction. Rows whose
 * review no longer exists belong to no snapshot and are left out.
 */
export async function readAllSnapshots(db: ReviewDatabase): Promise<ReviewSnapshot[]> {
  return db.transaction('r', allTables(db), async () => {
    // Whole tables at once: one request per table instead of seven per review.
    const [reviews, sources, claims, assessments, redFlags, notes, events] = await Promise.all([
      db.reviews.toArray(),
      db.sources.toArray(),
      db.claims.toArray(),
      db.assessments.toArray(),
      db.redFlags.toArray(),
      db.notes.toArray(),
      db.events.toArray(),
    ]);
    const snapshots = new Map<string, ReviewSnapshot>(
      reviews.map((review) => [
        review.id,
        { review, sources: [], claims: [], assessments: [], redFlags: [], notes: [], events: [] },
      ]),
    );
    // toArray() is in id order, so each snapshot's rows come out in the same order as readSnapshot's.
    for (const row of sources) snapshots.get(row.reviewId)?.sources.push(row);
    for (const row of claims) snapshots.get(row.reviewId)?.claims.push(row);
    for (const row of assessments) snapshots.get(row.reviewId)?.assessments.push(row);
    for (const row of redFlags) snapshots.get(row.reviewId)?.redFlags.push(row);
    for (const row of notes) snapshots.get(row.reviewId)?.notes.push(row);
    for (const row of events) snapshots.get(row.reviewId)?.events.push(row);
    const all = [...snapshots.values()];
    for (const snapshot of all) snapshot.events.sort(bySeq);
    return all.sort(
      (a, b) =>
        b.review.updatedAt.localeCompare(a.review.updatedAt) ||
        (a.review.id < b.review.id ? -1 : a.review.id > b.review.id ? 1 : 0),
    );
  });
}
