import { describe, expect, test } from 'vitest';
import type { RedFlagId } from '../../../src/core/classify/red-flag-cues.ts';
import { type AssessmentInput, type ControlStatus, checklist } from '../../../src/core/control-status.ts';
import { type ControlId, PROOF_POINTS } from '../../../src/core/controls.ts';
import {
  computeVerdict,
  type RaisedRedFlag,
  VERDICT_LABELS,
  type VerdictInput,
} from '../../../src/core/verdict.ts';

const proven: ControlStatus = { kind: 'proven', evidence: 1, marketing: 0, staleEvidence: 0 };
const stale: ControlStatus = { kind: 'stale', evidence: 1, marketing: 0, staleEvidence: 1 };
const claimedOnly: ControlStatus = { kind: 'claimed-only', evidence: 0, marketing: 2, staleEvidence: 0 };
const missing: ControlStatus = { kind: 'missing', evidence: 0, marketing: 0, staleEvidence: 0 };

/** All five proof points proven, then the given overrides. */
function statuses(overrides: Partial<Record<ControlId, ControlStatus>> = {}): VerdictInput['statuses'] {
  const all: Partial<Record<ControlId, ControlStatus>> = {
    ...Object.fromEntries(PROOF_POINTS.map((c) => [c, proven])),
    ...overrides,
  };
  return Object.entries(all).map(([control, status]) => ({
    control: control as ControlId,
    status: status as ControlStatus,
  }));
}

const flag = (id: string, f: RedFlagId, resolved = false): RaisedRedFlag => ({ id, flag: f, resolved });

describe('enterprise candidate', () => {
  test('all five proof points proven and no red flag', () => {
    const r = computeVerdict({ statuses: statuses(), redFlags: [] });
    expect(r.verdict).toBe('enterprise-candidate');
    expect(r.computed).toBe('enterprise-candidate');
    expect(r.overridden).toBe(false);
    expect(r.overrideReason).toBeUndefined();
    expect(r.rule).toBe('Every proof point is backed by evidence, and no red flag stands.');
    expect(r.decidedBy).toEqual(
      PROOF_POINTS.map((control) => ({ type: 'control', control, status: 'proven' })),
    );
  });

  test('resolved red flags do not stand', () => {
    const r = computeVerdict({
      statuses: statuses(),
      redFlags: [
        flag('f1', 'long-lived-keys', true),
        flag('f2', 'manual-revocation', true),
        flag('f3', 'shared-identity', true),
      ],
    });
    expect(r.verdict).toBe('enterprise-candidate');
  });

  test('controls outside the proof points do not decide readiness', () => {
    const r = computeVerdict({
      statuses: statuses({ encryption: missing, certifications: claimedOnly }),
      redFlags: [],
    });
    expect(r.verdict).toBe('enterprise-candidate');
  });
});

describe('governed pilot', () => {
  test.each([
    ['stale', stale],
    ['claimed-only', claimedOnly],
    ['missing', missing],
    [
      'not-applicable',
      { kind: 'not-applicable', reason: 'Single-tenant deployment' } satisfies ControlStatus,
    ],
  ] as const)('a proof point %s is not proven', (kind, status) => {
    const r = computeVerdict({ statuses: statuses({ revocation: status }), redFlags: [] });
    expect(r.verdict).toBe('governed-pilot');
    expect(r.decidedBy).toEqual([{ type: 'control', control: 'revocation', status: kind }]);
    expect(r.rule).toContain('Revocation');
  });

  test('a proof point absent from the statuses counts as missing', () => {
    const r = computeVerdict({
      statuses: statuses().filter((s) => s.control !== 'auditability'),
      redFlags: [],
    });
    expect(r.verdict).toBe('governed-pilot');
    expect(r.decidedBy).toEqual([{ type: 'control', control: 'auditability', status: 'missing' }]);
  });

  test('a standing red flag keeps proven proof points from enterprise candidate', () => {
    const r = computeVerdict({
      statuses: statuses(),
      redFlags: [flag('f1', 'long-lived-keys'), flag('f2', 'opaque-tokens', true)],
    });
    expect(r.verdict).toBe('governed-pilot');
    expect(r.decidedBy).toEqual([{ type: 'red-flag', id: 'f1', flag: 'long-lived-keys' }]);
    expect(r.rule).toContain('a red flag stands');
  });

  test('decidedBy lists the unproven proof points, in order, then the standing flags', () => {
    const r = computeVerdict({
      statuses: statuses({ auditability: claimedOnly, 'workload-identity': stale }),
      redFlags: [flag('f1', 'logs-without-actor'), flag('f2', 'data-outlives-session')],
    });
    expect(r.verdict).toBe('governed-pilot');
    expect(r.decidedBy).toEqual([
      { type: 'control', control: 'workload-identity', status: 'stale' },
      { type: 'control', control: 'auditability', status: 'claimed-only' },
      { type: 'red-flag', id: 'f1', flag: 'logs-without-actor' },
      { type: 'red-flag', id: 'f2', flag: 'data-outlives-session' },
    ]);
    expect(r.rule).toContain('2 red flags stand');
  });

  test('shared identity with tenant isolation proven is a governed pilot, not a prototype', () => {
    const r = computeVerdict({ statuses: statuses(), redFlags: [flag('f1', 'shared-identity')] });
    expect(r.verdict).toBe('governed-pilot');
    expect(r.decidedBy).toEqual([{ type: 'red-flag', id: 'f1', flag: 'shared-identity' }]);
  });

  test('tenant isolation unproven without shared identity is a governed pilot', () => {
    const r = computeVerdict({ statuses: statuses({ 'tenant-isolation': missing }), redFlags: [] });
    expect(r.verdict).toBe('governed-pilot');
  });
});

describe('prototype', () => {
  test('tenant isolation not proven and a shared-identity flag stands', () => {
    const r = computeVerdict({
      statuses: statuses({ 'tenant-isolation': claimedOnly, revocation: missing }),
      redFlags: [
        flag('f1', 'shared-identity'),
        flag('f2', 'long-lived-keys'),
        flag('f3', 'shared-identity', true),
      ],
    });
    expect(r.verdict).toBe('prototype');
    expect(r.computed).toBe('prototype');
    // Exactly the rule's inputs: not the other unproven proof point, not the other flags.
    expect(r.decidedBy).toEqual([
      { type: 'control', control: 'tenant-isolation', status: 'claimed-only' },
      { type: 'red-flag', id: 'f1', flag: 'shared-identity' },
    ]);
    expect(r.rule).toContain('identity is shared across tenants');
    expect(r.rule).not.toContain('revocation depends');
  });

  test('stale or not-applicable tenant isolation is not proven', () => {
    for (const status of [stale, { kind: 'not-applicable', reason: 'dedicated' } satisfies ControlStatus]) {
      const r = computeVerdict({
        statuses: statuses({ 'tenant-isolation': status }),
        redFlags: [flag('f1', 'shared-identity')],
      });
      expect(r.verdict).toBe('prototype');
    }
  });

  test('a manual-revocation flag alone makes a prototype, even with everything proven', () => {
    const r = computeVerdict({
      statuses: statuses(),
      redFlags: [flag('f9', 'manual-revocation'), flag('f1', 'shared-identity')],
    });
    expect(r.verdict).toBe('prototype');
    // Shared identity does not decide here: tenant isolation is proven.
    expect(r.decidedBy).toEqual([{ type: 'red-flag', id: 'f9', flag: 'manual-revocation' }]);
    expect(r.rule).toContain('revocation depends on manual vendor intervention');
    expect(r.rule).not.toContain('identity is shared across tenants and');
  });

  test('both prototype conditions: decidedBy lists both', () => {
    const r = computeVerdict({
      statuses: statuses({ 'tenant-isolation': missing }),
      redFlags: [flag('m', 'manual-revocation'), flag('s', 'shared-identity')],
    });
    expect(r.decidedBy).toEqual([
      { type: 'control', control: 'tenant-isolation', status: 'missing' },
      { type: 'red-flag', id: 's', flag: 'shared-identity' },
      { type: 'red-flag', id: 'm', flag: 'manual-revocation' },
    ]);
  });

  test('a resolved manual-revocation flag does not make a prototype', () => {
    const r = computeVerdict({
      statuses: statuses({ revocation: claimedOnly }),
      redFlags: [flag('m', 'manual-revocation', true)],
    });
    expect(r.verdict).toBe('governed-pilot');
  });
});

describe('override', () => {
  test('with a reason it replaces the verdict, keeping the computed result and why', () => {
    const r = computeVerdict({
      statuses: statuses({ revocation: missing }),
      redFlags: [],
      override: { verdict: 'enterprise-candidate', reason: '  Revocation demoed live on 2025-03-02.  ' },
    });
    expect(r.verdict).toBe('enterprise-candidate');
    expect(r.computed).toBe('governed-pilot');
    expect(r.overridden).toBe(true);
    expect(r.overrideReason).toBe('Revocation demoed live on 2025-03-02.');
    expect(r.decidedBy).toEqual([{ type: 'control', control: 'revocation', status: 'missing' }]);
    expect(r.rule).toContain('governed pilot');
  });

  test('downgrading a computed prototype-free result also works', () => {
    const r = computeVerdict({
      statuses: statuses(),
      redFlags: [],
      override: { verdict: 'prototype', reason: 'Vendor is pre-GA' },
    });
    expect(r.verdict).toBe('prototype');
    expect(r.computed).toBe('enterprise-candidate');
  });

  test.each(['', '   ', '\n\t'])('an empty reason %j is ignored', (reason) => {
    const r = computeVerdict({
      statuses: statuses({ revocation: missing }),
      redFlags: [],
      override: { verdict: 'enterprise-candidate', reason },
    });
    expect(r.verdict).toBe('governed-pilot');
    expect(r.overridden).toBe(false);
    expect(r.overrideReason).toBeUndefined();
  });
});

describe('templates', () => {
  const assessments: AssessmentInput[] = PROOF_POINTS.map((control, i) => ({
    claimId: `c${i}`,
    control,
    verdict: 'evidence',
  }));

  test('a full review decides by the same five proof points as ai-readiness', () => {
    const ai = computeVerdict({ statuses: checklist('ai-readiness', assessments), redFlags: [] });
    const full = computeVerdict({ statuses: checklist('full', assessments), redFlags: [] });
    expect(ai.verdict).toBe('enterprise-candidate');
    // The ten extra controls are missing in the full checklist, yet readiness is unchanged.
    expect(full.verdict).toBe('enterprise-candidate');
    expect(full.decidedBy).toEqual(ai.decidedBy);
  });

  test('a full review with a stale proof point is a governed pilot naming only that proof point', () => {
    const withStale = assessments.map((a) => (a.control === 'jit-access' ? { ...a, stale: true } : a));
    const r = computeVerdict({ statuses: checklist('full', withStale), redFlags: [] });
    expect(r.verdict).toBe('governed-pilot');
    expect(r.decidedBy).toEqual([{ type: 'control', control: 'jit-access', status: 'stale' }]);
  });

  test('a not-applicable proof point does not count as proven', () => {
    const r = computeVerdict({
      statuses: checklist('ai-readiness', assessments, { 'workload-identity': 'No agents, no workloads' }),
      redFlags: [],
    });
    expect(r.verdict).toBe('governed-pilot');
    expect(r.decidedBy).toEqual([
      { type: 'control', control: 'workload-identity', status: 'not-applicable' },
    ]);
  });
});

test('verdict labels', () => {
  expect(VERDICT_LABELS).toEqual({
    'enterprise-candidate': 'Enterprise candidate',
    'governed-pilot': 'Governed pilot',
    prototype: 'Prototype',
  });
});
