/**
 * A review's rows exactly as stored (`ReviewSnapshot`), read in one read transaction so a backup or
 * a report never mixes rows from before and after a concurrent change (a tag written between two
 * reads would otherwise show an assessment whose audit event is missing, or the reverse).
 *
 * Screenshots are turned into base64 only after that transaction has closed: reading a Blob's
 * bytes is not an IndexedDB request, and awaiting it inside the transaction would let it commit
 * (Dexie then fails the next read). A Blob is an immutable handle, so reading it later still gives
 * the bytes that were stored when the rows were read.
 */
import type { AuditEvent } from '../core/audit-chain.ts';
import type { Attachment } from '../core/demo-records.ts';
import { bytesToBase64 } from '../export/base64.ts';
import { type ExportedAttachment, emptySnapshot, type ReviewSnapshot } from '../export/report.ts';
import type { ReviewDatabase } from './db.ts';

/** Events in chain order; the stored seq is the order, the id only breaks ties in damaged data. */
function bySeq(a: AuditEvent, b: AuditEvent): number {
  return a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A snapshot whose attachments still hold their Blobs (what the read transaction returns). */
type StoredSnapshot = Omit<ReviewSnapshot, 'attachments'> & { attachments: Attachment[] };

/**
 * The stored attachment without its Blobs, the image as base64. A removed one carries no image,
 * even if a damaged row still holds a Blob: a removal must not come back through a backup.
 */
async function exportAttachment(stored: Attachment): Promise<ExportedAttachment> {
  const { blob, thumb: _thumb, ...record } = stored;
  if (record.removed || !blob) return record;
  return { ...record, data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) };
}

/** The snapshot with its attachments' images as base64; outside any transaction. */
async function exported(snapshot: StoredSnapshot): Promise<ReviewSnapshot> {
  // One image at a time: each is decoded and encoded whole, and a review may hold hundreds.
  const attachments: ExportedAttachment[] = [];
  for (const a of snapshot.attachments) attachments.push(await exportAttachment(a));
  return { ...snapshot, attachments };
}

/** One review's rows (events in seq order, other rows in id order), or undefined if there is no such review. */
export async function readSnapshot(
  db: ReviewDatabase,
  reviewId: string,
): Promise<ReviewSnapshot | undefined> {
  const stored = await db.transaction('r', db.tables, async (): Promise<StoredSnapshot | undefined> => {
    const review = await db.reviews.get(reviewId);
    if (!review) return undefined;
    // The reviewId index returns equal keys in primary-key order: a stable order for backups and tests.
    const [sources, claims, assessments, redFlags, notes, events, demoSessions, attachments] =
      await Promise.all([
        db.sources.where('reviewId').equals(reviewId).toArray(),
        db.claims.where('reviewId').equals(reviewId).toArray(),
        db.assessments.where('reviewId').equals(reviewId).toArray(),
        db.redFlags.where('reviewId').equals(reviewId).toArray(),
        db.notes.where('reviewId').equals(reviewId).toArray(),
        // By reviewId, not [reviewId+seq] with bounds: an event with an odd seq must still be backed up.
        db.events.where('reviewId').equals(reviewId).toArray(),
        db.demoSessions.where('reviewId').equals(reviewId).toArray(),
        db.attachments.where('reviewId').equals(reviewId).toArray(),
      ]);
    return {
      review,
      sources,
      claims,
      assessments,
      redFlags,
      notes,
      events: events.sort(bySeq),
      demoSessions,
      attachments,
    };
  });
  return stored && exported(stored);
}

/**
 * Every review's snapshot, most recently updated first, from one read transaction. Rows whose
 * review no longer exists belong to no snapshot and are left out.
 */
export async function readAllSnapshots(db: ReviewDatabase): Promise<ReviewSnapshot[]> {
  const stored = await db.transaction('r', db.tables, async () => {
    // Whole tables at once: one request per table instead of nine per review.
    const [reviews, sources, claims, assessments, redFlags, notes, events, demoSessions, attachments] =
      await Promise.all([
        db.reviews.toArray(),
        db.sources.toArray(),
        db.claims.toArray(),
        db.assessments.toArray(),
        db.redFlags.toArray(),
        db.notes.toArray(),
        db.events.toArray(),
        db.demoSessions.toArray(),
        db.attachments.toArray(),
      ]);
    const snapshots = new Map<string, StoredSnapshot>(
      reviews.map((review) => [
        review.id,
        // Rows arrive below; the images stay Blobs until the transaction has closed.
        { ...emptySnapshot(review), attachments: [] },
      ]),
    );
    // toArray() is in id order, so each snapshot's rows come out in the same order as readSnapshot's.
    for (const row of sources) snapshots.get(row.reviewId)?.sources.push(row);
    for (const row of claims) snapshots.get(row.reviewId)?.claims.push(row);
    for (const row of assessments) snapshots.get(row.reviewId)?.assessments.push(row);
    for (const row of redFlags) snapshots.get(row.reviewId)?.redFlags.push(row);
    for (const row of notes) snapshots.get(row.reviewId)?.notes.push(row);
    for (const row of events) snapshots.get(row.reviewId)?.events.push(row);
    for (const row of demoSessions) snapshots.get(row.reviewId)?.demoSessions.push(row);
    for (const row of attachments) snapshots.get(row.reviewId)?.attachments.push(row);
    const all = [...snapshots.values()];
    for (const snapshot of all) snapshot.events.sort(bySeq);
    return all.sort(
      (a, b) =>
        b.review.updatedAt.localeCompare(a.review.updatedAt) ||
        (a.review.id < b.review.id ? -1 : a.review.id > b.review.id ? 1 : 0),
    );
  });
  const out: ReviewSnapshot[] = [];
  for (const snapshot of stored) out.push(await exported(snapshot));
  return out;
}
