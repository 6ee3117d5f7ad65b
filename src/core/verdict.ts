/**
 * The review's verdict by the seed guidance's rules (DOMAIN.md "The verdict the seed guidance
 * defines"): prototype, governed pilot or enterprise candidate, with the rule and the controls and
 * red flags that decided it, and the reviewer's override on top.
 */
import type { RedFlagId } from './classify/red-flag-cues.ts';
import type { ControlStatus } from './control-status.ts';
import { CONTROLS, type ControlId, PROOF_POINTS } from './controls.ts';

/** The three verdicts. */
export type Verdict = 'enterprise-candidate' | 'governed-pilot' | 'prototype';

/** A red flag the reviewer raised; a resolved one no longer stands. */
export interface RaisedRedFlag {
  id: string;
  flag: RedFlagId;
  claimId?: string;
  resolved?: boolean;
}

/** What the verdict is computed from. */
export interface VerdictInput {
  statuses: ReadonlyArray<{ control: ControlId; status: ControlStatus }>;
  redFlags: readonly RaisedRedFlag[];
  /** The reviewer's verdict; applied only with a non-empty written reason. */
  override?: { verdict: Verdict; reason: string };
}

/** One thing that decided the verdict: a control's status or a standing red flag. */
export type VerdictCause =
  | { type: 'control'; control: ControlId; status: ControlStatus['kind'] }
  | { type: 'red-flag'; id: string; flag: RedFlagId };

/** The verdict, the computed one beneath any override, and why. */
export interface VerdictResult {
  /** The verdict that stands: the override when one applies, else the computed one. */
  verdict: Verdict;
  computed: Verdict;
  /** True when a valid override (with a reason) was applied, even if it agrees with `computed`. */
  overridden: boolean;
  overrideReason?: string;
  /** The rule that decided the computed verdict, in one plain sentence. */
  rule: string;
  decidedBy: VerdictCause[];
}

/** How each verdict reads, for people. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  'enterprise-candidate': 'Enterprise candidate',
  'governed-pilot': 'Governed pilot',
  prototype: 'Prototype',
};

/** The verdict for a review's control statuses and red flags, with the reviewer's override applied. */
export function computeVerdict(input: VerdictInput): VerdictResult {
  const computed = decide(input);
  const reason = input.override?.reason.trim();
  if (input.override && reason) {
    return { ...computed, verdict: input.override.verdict, overridden: true, overrideReason: reason };
  }
  return { ...computed, verdict: computed.computed, overridden: false };
}

type Decision = Pick<VerdictResult, 'computed' | 'rule' | 'decidedBy'>;

function decide({ statuses, redFlags }: VerdictInput): Decision {
  const byControl = new Map(statuses.map((s) => [s.control, s.status.kind] as const));
  // A control with no status in the input has nothing recorded for it: missing.
  const kindOf = (control: ControlId): ControlStatus['kind'] => byControl.get(control) ?? 'missing';
  const standing = redFlags.filter((f) => !f.resolved);
  const flagCause = (f: RaisedRedFlag): VerdictCause => ({ type: 'red-flag', id: f.id, flag: f.flag });

  // Prototype: identity, permissions and logging cannot be separated by tenant. Tenant isolation
  // marked not applicable is not proven either: a shared identity across tenants contradicts it.
  const tenantKind = kindOf('tenant-isolation');
  const sharedIdentity = standing.filter((f) => f.flag === 'shared-identity');
  const manualRevocation = standing.filter((f) => f.flag === 'manual-revocation');
  const sharedAcrossTenants = tenantKind !== 'proven' && sharedIdentity.length > 0;
  if (sharedAcrossTenants || manualRevocation.length > 0) {
    const decidedBy: VerdictCause[] = [];
    const reasons: string[] = [];
    if (sharedAcrossTenants) {
      decidedBy.push({ type: 'control', control: 'tenant-isolation', status: tenantKind });
      decidedBy.push(...sharedIdentity.map(flagCause));
      reasons.push('identity is shared across tenants and tenant isolation is not proven');
    }
    if (manualRevocation.length > 0) {
      decidedBy.push(...manualRevocation.map(flagCause));
      reasons.push('revocation depends on manual vendor intervention');
    }
    return {
      computed: 'prototype',
      rule: `A prototype from a governance perspective: ${reasons.join(', and ')}.`,
      decidedBy,
    };
  }

  // The proof points decide readiness whatever the template. Only 'proven' counts: stale evidence,
  // marketing, nothing — and a proof point marked not applicable, since the guidance asks for
  // every proof point to be backed by evidence and a reviewer's reason is not evidence.
  const unproven = PROOF_POINTS.filter((c) => kindOf(c) !== 'proven');
  if (unproven.length === 0 && standing.length === 0) {
    return {
      computed: 'enterprise-candidate',
      rule: 'Every proof point is backed by evidence, and no red flag stands.',
      decidedBy: PROOF_POINTS.map((control) => ({ type: 'control', control, status: 'proven' })),
    };
  }

  const reasons: string[] = [];
  if (unproven.length > 0) {
    const names = unproven.map((c) => CONTROLS[c].name).join(', ');
    reasons.push(
      `${unproven.length === 1 ? 'a proof point is' : 'proof points are'} not backed by current evidence (${names})`,
    );
  }
  if (standing.length > 0) {
    reasons.push(standing.length === 1 ? 'a red flag stands' : `${standing.length} red flags stand`);
  }
  return {
    computed: 'governed-pilot',
    rule: `A governed pilot rather than an enterprise candidate: ${reasons.join(', and ')}.`,
    decidedBy: [
      ...unproven.map((control): VerdictCause => ({ type: 'control', control, status: kindOf(control) })),
      ...standing.map(flagCause),
    ],
  };
}
