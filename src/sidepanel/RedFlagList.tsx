import { RED_FLAG_NAMES } from '../core/classify/red-flag-cues.ts';
import type { RedFlagRecord, StoredClaim } from '../core/review-records.ts';

/** The review's red flags, each with the claim that shows it; a flag can be resolved or stand again. */
export function RedFlagList({
  flags,
  claims,
  onResolve,
}: {
  flags: readonly RedFlagRecord[];
  claims: readonly StoredClaim[];
  onResolve: (flag: RedFlagRecord, resolved: boolean) => Promise<void>;
}) {
  if (flags.length === 0) return <p class="muted">No red flag raised.</p>;
  const byId = new Map(claims.map((c) => [c.id, c]));
  return (
    <ul id="red-flag-list">
      {flags.map((f) => (
        <li key={f.id} data-flag={f.flag} data-resolved={f.resolved ? 'true' : 'false'}>
          <span class={f.resolved ? 'muted' : 'error'}>
            {RED_FLAG_NAMES[f.flag]}
            {f.resolved ? ' (resolved)' : ''}
          </span>
          {f.claimId && <div class="url">“{byId.get(f.claimId)?.text.slice(0, 200) ?? 'claim removed'}”</div>}
          {f.note && <div class="muted">{f.note}</div>}
          <button type="button" class="link" onClick={() => void onResolve(f, !f.resolved)}>
            {f.resolved ? 'Stands again' : 'Resolved'}
          </button>
        </li>
      ))}
    </ul>
  );
}
