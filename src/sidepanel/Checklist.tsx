import { useEffect, useState } from 'preact/hooks';
import { type ControlStatus, STATUS_LABELS } from '../core/control-status.ts';
import { CONTROLS, type ControlId } from '../core/controls.ts';
import { formatOffset } from '../core/demo-time.ts';
import type { Review } from '../core/review.ts';
import { TEMPLATES } from '../core/templates.ts';
import type { AnchorReport } from '../messages/protocol.ts';
import { ClaimHistory } from './ClaimHistory.tsx';
import { ClaimNote } from './ClaimNote.tsx';
import { NoteField } from './NoteField.tsx';
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
  actor,
  anchors,
  selected,
  onNotApplicable,
}: {
  review: Review;
  statuses: ReadonlyArray<{ control: ControlId; status: ControlStatus }>;
  data: ReviewData | undefined;
  actor: string;
  anchors: ReadonlyMap<string, AnchorReport>;
  /** A claim picked on the page (its highlight clicked): its control opens and it is marked. */
  selected: string | null;
  onNotApplicable: (control: ControlId, reason: string | null) => Promise<void>;
}) {
  const [open, setOpen] = useState<ControlId | null>(null);
  // A highlight clicked on the page opens the control its claim was tagged for.
  useEffect(() => {
    const first = selected ? data?.assessments.find((a) => a.claimId === selected) : undefined;
    if (first) setOpen(first.control);
  }, [selected, data]);
  useEffect(() => {
    if (selected)
      document.querySelector(`[data-claim-id="${selected}"]`)?.scrollIntoView({ block: 'center' });
  }, [selected, open]);
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
                      {tagged.map((a) => {
                        const anchor = anchors.get(a.claimId);
                        return (
                          <li
                            key={a.id}
                            class={`claim claim-${a.verdict}`}
                            data-claim-id={a.claimId}
                            data-anchor={anchor?.status ?? ''}
                            data-selected={selected === a.claimId ? 'true' : undefined}
                          >
                            <span>{claimsById.get(a.claimId)?.text ?? '(claim removed)'}</span>
                            <span class="muted"> — {VERDICT_WORD[a.verdict]}</span>
                            {claimsById.get(a.claimId)?.demo && (
                              <span class="badge" data-demo-entry>
                                Live demo {formatOffset(claimsById.get(a.claimId)?.demo?.offsetMs ?? 0)} ·{' '}
                                {claimsById.get(a.claimId)?.demo?.basis}
                              </span>
                            )}
                            {anchor?.status === 'changed' && (
                              <span class="notice changed">
                                Changed since capture. Now: “{anchor.currentText || '(empty)'}”
                              </span>
                            )}
                            {anchor?.status === 'unchecked' && (
                              <span class="notice">Not checked on this page: it ran out of time first.</span>
                            )}
                            {anchor?.status === 'orphaned' && (
                              <span class="notice changed">
                                Changed since capture: no longer on the page.
                              </span>
                            )}
                            <ClaimNote
                              reviewId={review.id}
                              claimId={a.claimId}
                              saved={data?.notes.find((n) => n.scope === `claim:${a.claimId}`)?.text ?? ''}
                              actor={actor}
                            />
                            <ClaimHistory reviewId={review.id} claimId={a.claimId} />
                          </li>
                        );
                      })}
                    </ul>
                  )}
                  <NoteField
                    reviewId={review.id}
                    scope={`control:${control}`}
                    saved={data?.notes.find((n) => n.scope === `control:${control}`)?.text ?? ''}
                    actor={actor}
                    label={`Notes on ${CONTROLS[control].name.toLowerCase()}`}
                  />
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
