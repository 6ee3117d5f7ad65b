import { Dexie, type EntityTable } from 'dexie';
import type { Review, Source } from '../core/review.ts';

/** The database name; one per browser profile. */
export const DATABASE_NAME = 'vendor-review';

/**
 * The extension's IndexedDB database. Never change an old version's schema: add a version with
 * an upgrade function, and a fixture database written by the old version for the migration test.
 */
export class ReviewDatabase extends Dexie {
  reviews!: EntityTable<Review, 'id'>;
  sources!: EntityTable<Source, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      // *domains: a multi-entry index, so any of a vendor's domains finds the review.
      reviews: 'id, *domains, updatedAt',
      sources: 'id, reviewId, &[reviewId+url]',
    });
  }
}

let shared: ReviewDatabase | undefined;

/** The database this page uses (opened lazily, once). */
export function database(): ReviewDatabase {
  shared ??= new ReviewDatabase();
  return shared;
}
