import { useState } from 'preact/hooks';
import type { ChainCheck } from '../core/audit-chain.ts';
import { eventsOf, verifyReviewChain } from '../store/audit-log.ts';
import { database } from '../store/db.ts';
import { useLiveQuery } from '../ui/use-live-query.ts';

const SHOWN = 30;

/** The review's history (newest first) and a check that its hash chain is intact. */
export function AuditTrail({ reviewId }: { reviewId: string }) {
  const events = useLiveQuery(() => eventsOf(database(), reviewId), [reviewId]);
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const verify = async () => setCheck(await verifyReviewChain(database(), reviewId));
  return (
    <section aria-labelledby="history-heading" id="history">
      <div class="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="history-heading">History</h2>
        <button type="button" id="verify-trail" onClick={() => void verify()}>
          Verify audit trail
        </button>
      </div>
      {check && (
        <p class={check.ok ? 'notice' : 'notice error'} role="status" id="trail-check">
          {check.ok
            ? `Audit trail intact: ${check.events} events, each linked to the one before by its SHA-256.`
            : `Audit trail broken at event ${check.brokenAt} of ${check.events} (${check.problem}): it was changed after it was written.`}
        </p>
      )}
      {events.status === 'ready' && events.value.length === 0 && <p class="muted">No changes yet.</p>}
      {events.status === 'ready' && events.value.length > 0 && (
        <ol class="history" id="history-list" reversed>
          {[...events.value]
            .reverse()
            .slice(0, SHOWN)
            .map((e) => (
              <li key={e.id} data-action={e.action}>
                <span class="title">{e.action}</span> · {e.actor} · {new Date(e.at).toLocaleString('en-GB')}
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
