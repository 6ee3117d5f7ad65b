import { guessSourceKind, type PageInfo, type Review, type Source, type TemplateId } from '../core/review.ts';
import { normaliseSourceUrl } from '../core/source-url.ts';
import type { ReviewDatabase } from './db.ts';

/** What the reviewer fills in to start a review. */
export interface NewReview {
  vendor: string;
  product?: string;
  domains: string[];
  template?: TemplateId;
}

/** `a.trust.vendor.com` → every domain it could have been reviewed under, longest first. */
export function domainCandidates(hostname: string): string[] {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (/^\d+$/.test(labels.at(-1) ?? '')) return [labels.join('.')]; // an IPv4 address is one name
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/** Creates a review and returns it. */
export async function createReview(db: ReviewDatabase, input: NewReview, now = new Date()): Promise<Review> {
  const at = now.toISOString();
  const review: Review = {
    id: crypto.randomUUID(),
    vendor: input.vendor.trim(),
    product: (input.product ?? '').trim(),
    domains: [...new Set(input.domains.map((d) => d.toLowerCase()))],
    template: input.template ?? 'ai-readiness',
    createdAt: at,
    updatedAt: at,
  };
  await db.reviews.add(review);
  return review;
}

/** All reviews, most recently updated first. */
export async function listReviews(db: ReviewDatabase): Promise<Review[]> {
  return db.reviews.orderBy('updatedAt').reverse().toArray();
}

/** The most recently updated review covering a page's host, if any. */
export async function findReviewForHost(db: ReviewDatabase, hostname: string): Promise<Review | undefined> {
  const matches = await db.reviews.where('domains').anyOf(domainCandidates(hostname)).toArray();
  return matches.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** The pages a review has read, most recent first. */
export async function sourcesOf(db: ReviewDatabase, reviewId: string): Promise<Source[]> {
  const sources = await db.sources.where('reviewId').equals(reviewId).toArray();
  return sources.sort((a, b) => b.lastCapturedAt.localeCompare(a.lastCapturedAt));
}

/** Records that a review has read a page: adds the source, or refreshes it if already known. */
export async function recordSource(
  db: ReviewDatabase,
  reviewId: string,
  page: PageInfo,
  now = new Date(),
): Promise<Source> {
  const at = now.toISOString();
  const url = normaliseSourceUrl(page.url);
  return db.transaction('rw', db.sources, db.reviews, async () => {
    const existing = await db.sources.where('[reviewId+url]').equals([reviewId, url]).first();
    const source: Source = existing
      ? { ...existing, title: page.title || existing.title, lastCapturedAt: at, textLength: page.textLength }
      : {
          id: crypto.randomUUID(),
          reviewId,
          url,
          title: page.title,
          kind: guessSourceKind(url, page.title),
          firstCapturedAt: at,
          lastCapturedAt: at,
          textLength: page.textLength,
        };
    await db.sources.put(source);
    await db.reviews.update(reviewId, { updatedAt: at });
    return source;
  });
}
