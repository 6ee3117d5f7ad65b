import { useState } from 'preact/hooks';
import { type ControlStatus, STATUS_LABELS } from '../core/control-status.ts';
import { CONTROLS, type ControlId } from '../core/controls.ts';
import type { Review } from '../core/review.ts';
import { TEMPLATES } from '../core/templates.ts';
import type { ReviewData } from './use-review-data.ts';

const VERDICT_WORD = {
  evidence: 'evidence',
  marketing: 'marketing',
  'not-relevant': 'not relevant',
} as const;

/** The checklist of the review's template: each control's status with counts, its claims, and "not applicable". */
export function Checklist({
  review,
  statuses,
  data,
  onNotApplicable,
}: {
  review: Review;
  statuses: ReadonlyArray<{ control: ControlId; status: ControlStatus }>;
  data: ReviewData | undefined;
  onNotApplicable: (control: ControlId, reason: string | null) => Promise<void>;
}) {
  const [open, setOpen] = useState<ControlId | null>(null);
  const [reason, setReason] = useState('');
  const claimsById = new Map((data?.claims ?? []).map((c) => [c.id, c]));
  return (
    <section aria-labelledby="checklist-heading" id="checklist">
      <h2 id="checklist-heading">Checklist · {TEMPLATES[review.template].name}</h2>
      <ul>
        {statuses.map(({ control, status }) => {
          const tagged = (data?.assessments ?? []).filter((a) => a.control === control);
          const flags = (data?.redFlags ?? []).filter(
            (f) => !f.resolved && f.claimId && tagged.some((a) => a.claimId === f.claimId),
          );
          const isOpen = open === control;
          return (
            <li key={control} data-control={control} data-status={status.kind}>
              <button
                type="button"
                class="group-header"
                aria-expanded={isOpen}
                onClick={() => {
                  setOpen(isOpen ? null : control);
                  setReason('');
                }}
              >
                <span class="title">{CONTROLS[control].name}</span>
                <span class="counts">
                  <span class={`badge status-${status.kind}`}>{STATUS_LABELS[status.kind]}</span>
                  {status.kind !== 'not-applicable' && (
                    <>
                      <span class="badge badge-evidence">{status.evidence} evidence</span>
                      <span class="badge badge-marketing">{status.marketing} marketing</span>
                    </>
                  )}
                  {flags.length > 0 && <span class="badge badge-red-flag">{flags.length} red flag</span>}
                </span>
              </button>
              {isOpen && (
                <div class="stack control-detail">
                  <p class="muted">{CONTROLS[control].evidence}</p>
                  {tagged.length === 0 ? (
                    <p class="muted">No claim tagged for this control yet.</p>
                  ) : (
                    <ul class="claims">
                      {tagged.map((a) => (
                        <li key={a.id} class={`claim claim-${a.verdict}`}>
                          <span>{claimsById.get(a.claimId)?.text ?? '(claim removed)'}</span>
                          <span class="muted"> — {VERDICT_WORD[a.verdict]}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  <details>
                    <summary>Framework ids</summary>
                    <p class="url">{CONTROLS[control].frameworks.join(' · ') || 'None mapped.'}</p>
                  </details>
                  {status.kind === 'not-applicable' ? (
                    <div class="row">
                      <span>Not applicable: {status.reason}</span>
                      <button type="button" onClick={() => void onNotApplicable(control, null)}>
                        Applicable again
                      </button>
                    </div>
                  ) : (
                    <form
                      class="row"
                      onSubmit={(e) => {
                        e.preventDefault();
                        if (reason.trim()) void onNotApplicable(control, reason);
                      }}
                    >
                      <input
                        name="not-applicable-reason"
                        placeholder="Reason it does not apply"
                        value={reason}
                        onInput={(e) => setReason(e.currentTarget.value)}
                        aria-label={`Why ${CONTROLS[control].name} does not apply`}
                      />
                      <button type="submit" disabled={reason.trim() === ''}>
                        Not applicable
                      </button>
                    </form>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
