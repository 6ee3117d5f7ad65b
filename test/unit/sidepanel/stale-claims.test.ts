import { describe, expect, test } from 'vitest';
import type { StoredClaim } from '../../../src/core/review-records.ts';
import type { AnchorReport } from '../../../src/messages/protocol.ts';
import { type ReviewData, staleClaimIds } from '../../../src/sidepanel/use-review-data.ts';

const claim = (id: string, pageCheck?: StoredClaim['pageCheck']) =>
  ({ id, ...(pageCheck ? { pageCheck } : {}) }) as StoredClaim;
const data = (claims: StoredClaim[]) =>
  ({ claims, assessments: [], redFlags: [], notes: [], demoSessions: [], attachments: [] }) as ReviewData;

describe('staleClaimIds', () => {
  test('a claim the page did not reach in time ("unchecked") keeps its last recorded check', () => {
    const claims = [
      claim('was-changed', { status: 'changed', currentText: 'x', at: '2026-01-01' }),
      claim('was-fine', { status: 'anchored', at: '2026-01-01' }),
      claim('gone-now'),
    ];
    const anchors = new Map<string, AnchorReport>([
      ['was-changed', { id: 'was-changed', status: 'unchecked' }],
      ['was-fine', { id: 'was-fine', status: 'unchecked' }],
      ['gone-now', { id: 'gone-now', status: 'orphaned' }],
    ]);
    expect([...staleClaimIds(data(claims), anchors)].sort()).toEqual(['gone-now', 'was-changed']);
  });
});
