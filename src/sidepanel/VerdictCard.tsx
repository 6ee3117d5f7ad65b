import { useState } from 'preact/hooks';
import { RED_FLAG_NAMES } from '../core/classify/red-flag-cues.ts';
import { STATUS_LABELS } from '../core/control-status.ts';
import { CONTROLS } from '../core/controls.ts';
import type { Review } from '../core/review.ts';
import { VERDICT_LABELS, type Verdict, type VerdictResult } from '../core/verdict.ts';
import { ErrorLine } from '../ui/ErrorLine.tsx';

/** The verdict on top: computed by the rules, with the rule and what decided it; the reviewer may override it with a reason. */
export function VerdictCard({
  review,
  result,
  onOverride,
}: {
  review: Review;
  result: VerdictResult;
  onOverride: (override: { verdict: Verdict; reason: string } | null) => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<Verdict>(result.computed);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (reason.trim() === '') return setError('Write why you override the computed verdict.');
    try {
      await onOverride({ verdict: choice, reason });
      setEditing(false);
      setError(null);
    } catch (e) {
      setError(String(e));
    }
  };

  return (
    <section aria-labelledby="verdict-heading" id="verdict" data-verdict={result.verdict}>
      <h2>Verdict</h2>
      <p class={`verdict verdict-${result.verdict}`} id="verdict-heading">
        {VERDICT_LABELS[result.verdict]}
        {result.overridden && <span class="badge"> overridden</span>}
      </p>
      {result.overridden && (
        <p class="muted" id="verdict-override">
          Computed: {VERDICT_LABELS[result.computed]}. Override by{' '}
          {review.verdictOverride?.by || 'unknown reviewer'}: “{result.overrideReason}”
        </p>
      )}
      <p id="verdict-rule">{result.rule}</p>
      {result.decidedBy.length > 0 && (
        <ul class="decided-by" id="verdict-decided-by">
          {result.decidedBy.map((cause) =>
            cause.type === 'control' ? (
              <li key={cause.control}>
                {CONTROLS[cause.control].name}: {STATUS_LABELS[cause.status].toLowerCase()}
              </li>
            ) : (
              <li key={cause.id} class="error">
                Red flag: {RED_FLAG_NAMES[cause.flag]}
              </li>
            ),
          )}
        </ul>
      )}
      {!editing && (
        <div class="row">
          <button type="button" id="override-verdict" onClick={() => setEditing(true)}>
            Override…
          </button>
          {result.overridden && (
            <button type="button" onClick={() => void onOverride(null)}>
              Remove override
            </button>
          )}
        </div>
      )}
      {editing && (
        <form class="stack" onSubmit={submit}>
          <label>
            Verdict
            <select value={choice} onChange={(e) => setChoice(e.currentTarget.value as Verdict)}>
              {(Object.keys(VERDICT_LABELS) as Verdict[]).map((v) => (
                <option key={v} value={v}>
                  {VERDICT_LABELS[v]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Reason (required; exported with the review)
            <textarea
              name="override-reason"
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
              rows={2}
            />
          </label>
          <ErrorLine message={error} />
          <div class="row">
            <button type="submit" class="primary">
              Override
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
