import { useState } from 'preact/hooks';
import { database } from '../store/db.ts';
import { useLiveQuery } from '../ui/use-live-query.ts';

function describe(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') {
    const v = value as { control?: string; verdict?: string | null; flag?: string };
    if (v.control) return `${v.control}: ${v.verdict ?? 'untagged'}`;
    if (v.flag) return v.flag;
  }
  return JSON.stringify(value).slice(0, 120);
}

/** One claim's history from the audit trail: who changed what, when, before and after. */
export function ClaimHistory({ reviewId, claimId }: { reviewId: string; claimId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="claim-history" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>History</summary>
      {open && <Events reviewId={reviewId} claimId={claimId} />}
    </details>
  );
}

function Events({ reviewId, claimId }: { reviewId: string; claimId: string }) {
  const events = useLiveQuery(
    () =>
      database()
        .events.where('reviewId')
        .equals(reviewId)
        .filter(
          (e) =>
            e.target.id === claimId || (e.after as { claimId?: string } | undefined)?.claimId === claimId,
        )
        .sortBy('seq'),
    [reviewId, claimId],
  );
  if (events.status !== 'ready') return <p class="muted">Loading…</p>;
  return (
    <ol class="history">
      {events.value.map((e) => (
        <li key={e.id} data-action={e.action}>
          <span class="title">{e.action}</span> · {e.actor} · {new Date(e.at).toLocaleString('en-GB')} ·{' '}
          {describe(e.before)} → {describe(e.after)}
        </li>
      ))}
    </ol>
  );
}
