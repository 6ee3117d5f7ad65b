import { describe, expect, test } from 'vitest';
import {
  type AssessmentInput,
  checklist,
  controlStatus,
  STATUS_LABELS,
} from '../../../src/core/control-status.ts';
import { CONTROL_IDS, PROOF_POINTS } from '../../../src/core/controls.ts';
import { controlsOf, TEMPLATES } from '../../../src/core/templates.ts';

const ev = (claimId: string, stale = false): AssessmentInput => ({
  claimId,
  control: 'revocation',
  verdict: 'evidence',
  stale,
});
const mk = (claimId: string): AssessmentInput => ({ claimId, control: 'revocation', verdict: 'marketing' });
const nr = (claimId: string): AssessmentInput => ({
  claimId,
  control: 'revocation',
  verdict: 'not-relevant',
});

describe('templates', () => {
  test('ai-readiness covers the five proof points, full all fifteen in catalog order', () => {
    expect(TEMPLATES['ai-readiness'].name).toBe('AI product readiness');
    expect(controlsOf('ai-readiness')).toEqual([
      'workload-identity',
      'tenant-isolation',
      'jit-access',
      'revocation',
      'auditability',
    ]);
    expect(TEMPLATES.full.name).toBe('Full vendor review');
    expect(controlsOf('full')).toEqual([...CONTROL_IDS]);
    expect(controlsOf('full')).toHaveLength(15);
    expect(TEMPLATES.full.id).toBe('full');
  });
});

describe('controlStatus', () => {
  test('nothing assessed → missing', () => {
    expect(controlStatus('revocation', [])).toEqual({
      kind: 'missing',
      evidence: 0,
      marketing: 0,
      staleEvidence: 0,
    });
  });

  test('marketing only → claimed-only, with the count', () => {
    expect(controlStatus('revocation', [mk('a'), mk('b')])).toEqual({
      kind: 'claimed-only',
      evidence: 0,
      marketing: 2,
      staleEvidence: 0,
    });
  });

  test('one current evidence → proven, even beside marketing and stale evidence', () => {
    expect(controlStatus('revocation', [mk('a'), ev('b', true), ev('c')])).toEqual({
      kind: 'proven',
      evidence: 2,
      marketing: 1,
      staleEvidence: 1,
    });
  });

  test('evidence that is all stale → stale, not proven', () => {
    expect(controlStatus('revocation', [ev('a', true), ev('b', true), mk('c')])).toEqual({
      kind: 'stale',
      evidence: 2,
      marketing: 1,
      staleEvidence: 2,
    });
  });

  test('stale marketing is still marketing; stale only matters for evidence', () => {
    expect(controlStatus('revocation', [{ ...mk('a'), stale: true }]).kind).toBe('claimed-only');
  });

  test('not-relevant assessments count for nothing', () => {
    expect(controlStatus('revocation', [nr('a'), nr('b')]).kind).toBe('missing');
    expect(controlStatus('revocation', [nr('a'), mk('b')])).toEqual({
      kind: 'claimed-only',
      evidence: 0,
      marketing: 1,
      staleEvidence: 0,
    });
  });

  test('assessments for other controls are ignored', () => {
    const other: AssessmentInput = { claimId: 'x', control: 'auditability', verdict: 'evidence' };
    expect(controlStatus('revocation', [other]).kind).toBe('missing');
    expect(controlStatus('auditability', [other]).kind).toBe('proven');
  });

  test('a claim assessed twice for the same control counts once, the later decision winning', () => {
    expect(controlStatus('revocation', [ev('a'), mk('a')])).toEqual({
      kind: 'claimed-only',
      evidence: 0,
      marketing: 1,
      staleEvidence: 0,
    });
  });

  test('not-applicable with a reason wins over evidence', () => {
    expect(controlStatus('revocation', [ev('a')], { revocation: '  No integrations to revoke.  ' })).toEqual({
      kind: 'not-applicable',
      reason: 'No integrations to revoke.',
    });
    expect(controlStatus('revocation', [], { revocation: 'n/a: on-premises only' }).kind).toBe(
      'not-applicable',
    );
  });

  test('an empty or whitespace reason does not make a control not-applicable', () => {
    expect(controlStatus('revocation', [ev('a')], { revocation: '' }).kind).toBe('proven');
    expect(controlStatus('revocation', [], { revocation: ' \n\t ' }).kind).toBe('missing');
  });

  test('a reason for another control does not apply', () => {
    expect(controlStatus('revocation', [], { auditability: 'Not in scope' }).kind).toBe('missing');
  });

  test('every kind has a label', () => {
    expect(STATUS_LABELS).toEqual({
      proven: 'Proven',
      stale: 'Evidence is stale',
      'claimed-only': 'Claimed only',
      missing: 'Missing',
      'not-applicable': 'Not applicable',
    });
  });
});

describe('checklist', () => {
  const assessments: AssessmentInput[] = [
    { claimId: 'a', control: 'workload-identity', verdict: 'evidence' },
    { claimId: 'b', control: 'tenant-isolation', verdict: 'marketing' },
    { claimId: 'c', control: 'encryption', verdict: 'evidence', stale: true },
  ];

  test('ai-readiness lists the five proof points in order with their statuses', () => {
    const rows = checklist('ai-readiness', assessments);
    expect(rows.map((r) => r.control)).toEqual([...PROOF_POINTS]);
    expect(rows.map((r) => r.status.kind)).toEqual([
      'proven',
      'claimed-only',
      'missing',
      'missing',
      'missing',
    ]);
  });

  test('full lists all fifteen, including controls outside the proof points', () => {
    const rows = checklist('full', assessments, { 'model-training': 'The product has no model.' });
    expect(rows.map((r) => r.control)).toEqual([...CONTROL_IDS]);
    const kinds = Object.fromEntries(rows.map((r) => [r.control, r.status.kind]));
    expect(kinds.encryption).toBe('stale');
    expect(kinds['model-training']).toBe('not-applicable');
    expect(kinds['ai-guardrails']).toBe('missing');
  });
});
