/** The status of each control, derived from the reviewer's claim × control assessments. */
import type { ControlId } from './controls.ts';
import type { TemplateId } from './review.ts';
import { controlsOf } from './templates.ts';

/** A reviewer's decision on one claim for one control (the same union as `review-records.ts`). */
export type AssessmentVerdict = 'evidence' | 'marketing' | 'not-relevant';

/** One assessment as the status needs it. */
export interface AssessmentInput {
  claimId: string;
  control: ControlId;
  verdict: AssessmentVerdict;
  /** the claim's text changed or vanished since capture */
  stale?: boolean;
}

/**
 * A control's status. Counts: `evidence` is every evidence assessment, `staleEvidence` how many of
 * those are stale (a subset, so `evidence - staleEvidence` is the current evidence), `marketing`
 * every marketing assessment.
 */
export type ControlStatus =
  /** At least one evidence assessment whose claim is not stale. */
  | { kind: 'proven'; evidence: number; marketing: number; staleEvidence: number }
  /** Evidence exists, but all of it is stale: the page changed since capture. */
  | { kind: 'stale'; evidence: number; marketing: number; staleEvidence: number }
  /** Only marketing. */
  | { kind: 'claimed-only'; evidence: 0; marketing: number; staleEvidence: 0 }
  /** Nothing assessed as evidence or marketing. */
  | { kind: 'missing'; evidence: 0; marketing: 0; staleEvidence: 0 }
  /** The reviewer marked the control as not applicable, with a reason; wins over everything. */
  | { kind: 'not-applicable'; reason: string };

/** Reviewer-set "not applicable" reasons per control. */
export type NotApplicableReasons = Readonly<Partial<Record<ControlId, string>>>;

/** How each status kind reads, for people. */
export const STATUS_LABELS: Record<ControlStatus['kind'], string> = {
  proven: 'Proven',
  stale: 'Evidence is stale',
  'claimed-only': 'Claimed only',
  missing: 'Missing',
  'not-applicable': 'Not applicable',
};

/** One control's status from the review's assessments and the reviewer's not-applicable reasons. */
export function controlStatus(
  control: ControlId,
  assessments: readonly AssessmentInput[],
  notApplicable?: NotApplicableReasons,
): ControlStatus {
  // An empty or whitespace reason is no reason: "not applicable" must be explained to count.
  const reason = notApplicable?.[control]?.trim();
  if (reason) return { kind: 'not-applicable', reason };

  // One decision per claim: if the same claim was assessed twice for this control, the later
  // assessment replaces the earlier one instead of counting twice.
  const byClaim = new Map<string, AssessmentInput>();
  for (const a of assessments) if (a.control === control) byClaim.set(a.claimId, a);

  let evidence = 0;
  let staleEvidence = 0;
  let marketing = 0;
  for (const a of byClaim.values()) {
    if (a.verdict === 'evidence') {
      evidence++;
      if (a.stale) staleEvidence++;
    } else if (a.verdict === 'marketing') marketing++;
    // 'not-relevant' counts for nothing: the claim does not speak to this control.
  }

  if (evidence > staleEvidence) return { kind: 'proven', evidence, marketing, staleEvidence };
  if (evidence > 0) return { kind: 'stale', evidence, marketing, staleEvidence };
  if (marketing > 0) return { kind: 'claimed-only', evidence: 0, marketing, staleEvidence: 0 };
  return { kind: 'missing', evidence: 0, marketing: 0, staleEvidence: 0 };
}

/** The status of every control a template covers, in checklist order. */
export function checklist(
  template: TemplateId,
  assessments: readonly AssessmentInput[],
  notApplicable?: NotApplicableReasons,
): Array<{ control: ControlId; status: ControlStatus }> {
  return controlsOf(template).map((control) => ({
    control,
    status: controlStatus(control, assessments, notApplicable),
  }));
}
