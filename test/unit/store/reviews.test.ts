import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ReviewDatabase } from '../../../src/store/db.ts';
import {
  createReview,
  domainCandidates,
  findReviewForHost,
  listReviews,
  recordSource,
  sourcesOf,
} from '../../../src/store/reviews.ts';

let db: ReviewDatabase;
beforeEach(() => {
  db = new ReviewDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const page = (url: string, title = 'Trust Center') => ({ url, title, textLength: 1234 });

describe('domainCandidates', () => {
  test('a host and every parent domain; an IP address as one name', () => {
    expect(domainCandidates('a.trust.vendor.com')).toEqual([
      'a.trust.vendor.com',
      'trust.vendor.com',
      'vendor.com',
      'com',
    ]);
    expect(domainCandidates('127.0.0.1')).toEqual(['127.0.0.1']);
  });
});

describe('reviews', () => {
  test('a review for vendor.com is found from any of its subdomains, not from look-alikes', async () => {
    const review = await createReview(db, { vendor: ' Acme ', domains: ['Acme.com'] });
    expect(review.vendor).toBe('Acme');
    expect(review.domains).toEqual(['acme.com']);
    expect((await findReviewForHost(db, 'trust.acme.com'))?.id).toBe(review.id);
    expect((await findReviewForHost(db, 'docs.acme.com'))?.id).toBe(review.id);
    expect(await findReviewForHost(db, 'notacme.com')).toBeUndefined();
    expect(await findReviewForHost(db, 'acme.com.evil.net')).toBeUndefined();
  });

  test('the most recently updated review wins when two cover a host', async () => {
    await createReview(db, { vendor: 'Old', domains: ['acme.com'] }, new Date('2026-01-01'));
    const recent = await createReview(db, { vendor: 'New', domains: ['acme.com'] }, new Date('2026-06-01'));
    expect((await findReviewForHost(db, 'acme.com'))?.id).toBe(recent.id);
    expect((await listReviews(db)).map((r) => r.vendor)).toEqual(['New', 'Old']);
  });

  test('a page read twice is one source, refreshed; its fragment and tracking parameters do not count', async () => {
    const review = await createReview(db, { vendor: 'Acme', domains: ['acme.com'] }, new Date('2026-01-01'));
    const first = await recordSource(
      db,
      review.id,
      page('https://trust.acme.com/?utm_source=x#soc2'),
      new Date('2026-01-02'),
    );
    const again = await recordSource(
      db,
      review.id,
      { ...page('https://trust.acme.com/'), textLength: 99 },
      new Date('2026-01-03'),
    );
    expect(again.id).toBe(first.id);
    expect(again.firstCapturedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(again.lastCapturedAt).toBe('2026-01-03T00:00:00.000Z');
    expect(again.textLength).toBe(99);
    expect(again.kind).toBe('trust-center');
    await recordSource(
      db,
      review.id,
      page('https://docs.acme.com/tokens', 'API tokens — docs'),
      new Date('2026-01-04'),
    );
    const sources = await sourcesOf(db, review.id);
    expect(sources.map((s) => s.url)).toEqual(['https://docs.acme.com/tokens', 'https://trust.acme.com/']);
    expect((await db.reviews.get(review.id))?.updatedAt).toBe('2026-01-04T00:00:00.000Z');
  });
});
