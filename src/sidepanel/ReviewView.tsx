import type { Review } from '../core/review.ts';
import { isWebUrl } from '../core/source-url.ts';
import { database } from '../store/db.ts';
import { sourcesOf } from '../store/reviews.ts';
import { ErrorLine } from '../ui/ErrorLine.tsx';
import { useLiveQuery } from '../ui/use-live-query.ts';

/** One review: the vendor, its domains and the pages read so far. */
export function ReviewView({ review }: { review: Review }) {
  const sources = useLiveQuery(() => sourcesOf(database(), review.id), [review.id]);
  return (
    <section aria-labelledby="review-heading" id="review" data-review-id={review.id}>
      <h2>Review</h2>
      <p class="title" id="review-heading">
        {review.vendor}
        {review.product && <span class="muted"> · {review.product}</span>}
      </p>
      <p class="muted" id="review-domains">
        {review.domains.join(', ')} ·{' '}
        {review.template === 'full' ? 'Full vendor review' : 'AI product readiness'}
      </p>
      <h2 style={{ marginTop: '10px' }}>Pages read</h2>
      {sources.status === 'loading' && <p class="muted">Loading…</p>}
      <ErrorLine message={sources.status === 'error' ? sources.error : null} />
      {sources.status === 'ready' && sources.value.length === 0 && (
        <p class="muted">No pages yet. Open one of the vendor’s pages with the panel open.</p>
      )}
      {sources.status === 'ready' && sources.value.length > 0 && (
        <ul id="sources">
          {sources.value.map((s) => (
            <li key={s.id}>
              {isWebUrl(s.url) ? (
                <a href={s.url} target="_blank" rel="noreferrer noopener">
                  {s.title || s.url}
                </a>
              ) : (
                <span>{s.title || s.url}</span>
              )}
              <div class="url">
                {s.url} · {s.textLength.toLocaleString('en-US')} characters
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
