import { useState } from 'preact/hooks';
import { RED_FLAG_IDS, RED_FLAG_NAMES, type RedFlagId } from '../core/classify/red-flag-cues.ts';
import type { StoredClaim } from '../core/review-records.ts';

/** Raising a red flag by hand: which flag, the claim that shows it (optional), and a note. */
export function RaiseRedFlag({
  claims,
  onRaise,
}: {
  claims: readonly StoredClaim[];
  onRaise: (input: { flag: RedFlagId; claimId?: string; note: string }) => Promise<void>;
}) {
  const [flag, setFlag] = useState<RedFlagId>('shared-identity');
  const [claimId, setClaimId] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  return (
    <details id="raise-red-flag">
      <summary>Raise a red flag by hand</summary>
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await onRaise({ flag, ...(claimId ? { claimId } : {}), note });
            setNote('');
            setStatus(`Raised: ${RED_FLAG_NAMES[flag]}.`);
          } catch (error) {
            setStatus(`Could not raise it: ${String(error)}`);
          }
        }}
      >
        <label>
          Red flag
          <select name="flag" value={flag} onChange={(e) => setFlag(e.currentTarget.value as RedFlagId)}>
            {RED_FLAG_IDS.map((id) => (
              <option key={id} value={id}>
                {RED_FLAG_NAMES[id]}
              </option>
            ))}
          </select>
        </label>
        <label>
          The claim that shows it
          <select name="claim" value={claimId} onChange={(e) => setClaimId(e.currentTarget.value)}>
            <option value="">(none — seen in a demo or a document)</option>
            {claims.map((c) => (
              <option key={c.id} value={c.id}>
                {c.text.slice(0, 90)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Note
          <input name="flag-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <div class="row">
          <button type="submit">Raise red flag</button>
          {status && <span role="status">{status}</span>}
        </div>
      </form>
    </details>
  );
}
