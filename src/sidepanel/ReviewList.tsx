import type { Review } from '../core/review.ts';
import { ErrorLine } from '../ui/ErrorLine.tsx';
import type { LiveState } from '../ui/use-live-query.ts';

/** Every review in this browser; picking one shows it. */
export function ReviewList({
  reviews,
  currentId,
  onOpen,
}: {
  reviews: LiveState<Review[]>;
  currentId: string | undefined;
  onOpen: (id: string) => void;
}) {
  return (
    <section aria-labelledby="all-reviews-heading">
      <h2 id="all-reviews-heading">All reviews</h2>
      {reviews.status === 'loading' && <p class="muted">Loading…</p>}
      <ErrorLine message={reviews.status === 'error' ? reviews.error : null} />
      {reviews.status === 'ready' && reviews.value.length === 0 && (
        <p class="muted">No reviews yet. Open a vendor’s trust center and start one.</p>
      )}
      {reviews.status === 'ready' && reviews.value.length > 0 && (
        <ul id="review-list">
          {reviews.value.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                class="list-button"
                aria-current={r.id === currentId ? 'true' : undefined}
                onClick={() => onOpen(r.id)}
              >
                <span class="title">{r.vendor}</span>
                <span class="url">
                  {r.domains.join(', ')} · updated {new Date(r.updatedAt).toLocaleString('en-GB')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
