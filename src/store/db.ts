import { Dexie, type EntityTable } from 'dexie';
import type { AuditEvent } from '../core/audit-chain.ts';
import type { Attachment, DemoSession } from '../core/demo-records.ts';
import type { Review, Source } from '../core/review.ts';
import type { Assessment, Note, RedFlagRecord, StoredClaim } from '../core/review-records.ts';

/** The database name; one per browser profile. */
export const DATABASE_NAME = 'vendor-review';

/**
 * The extension's IndexedDB database. Never change an old version's schema: add a version with
 * an upgrade function, and a fixture database written by the old version for the migration test.
 */
export class ReviewDatabase extends Dexie {
  reviews!: EntityTable<Review, 'id'>;
  sources!: EntityTable<Source, 'id'>;
  claims!: EntityTable<StoredClaim, 'id'>;
  assessments!: EntityTable<Assessment, 'id'>;
  redFlags!: EntityTable<RedFlagRecord, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  events!: EntityTable<AuditEvent, 'id'>;
  demoSessions!: EntityTable<DemoSession, 'id'>;
  attachments!: EntityTable<Attachment, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      // *domains: a multi-entry index, so any of a vendor's domains finds the review.
      reviews: 'id, *domains, updatedAt',
      sources: 'id, reviewId, &[reviewId+url]',
    });
    // Version 2: the reviewer's workspace. New tables only; version 1's rows are kept as they are.
    this.version(2).stores({
      claims: 'id, reviewId, sourceId',
      assessments: 'id, reviewId, claimId, &[claimId+control]',
      redFlags: 'id, reviewId, claimId',
      notes: 'id, reviewId, &[reviewId+scope]',
      // &[reviewId+seq]: two panels appending at once cannot both take the same place in the chain.
      events: 'id, reviewId, &[reviewId+seq]',
    });
    // Version 3: live demos and their screenshots. New tables only; demo entries are claims.
    this.version(3).stores({
      demoSessions: 'id, reviewId',
      attachments: 'id, reviewId, claimId, sessionId',
    });
  }
}

let shared: ReviewDatabase | undefined;

/** The database this page uses (opened lazily, once). */
export function database(): ReviewDatabase {
  shared ??= new ReviewDatabase();
  return shared;
}
