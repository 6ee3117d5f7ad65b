/**
 * A large, realistic review for benchmarks: `claims` claims over a handful of pages, each tagged
 * for one or two controls, some notes and red flags, and a real audit chain (one event per tag).
 * Deterministic: the same size gives the same rows, so runs compare.
 */
import { type AuditEvent, nextEvent } from '../../src/core/audit-chain.ts';
import { RED_FLAG_IDS } from '../../src/core/classify/red-flag-cues.ts';
import { CONTROL_IDS } from '../../src/core/controls.ts';
import type { Source } from '../../src/core/review.ts';
import type { Assessment, Note, RedFlagRecord, StoredClaim } from '../../src/core/review-records.ts';
import type { ReviewSnapshot } from '../../src/export/report.ts';

const PHRASES = [
  'Workload tokens are issued per task and expire after 15 minutes',
  'Each tenant has its own encryption key held in a dedicated KMS key ring',
  'We take security seriously and use industry-leading practices',
  'Administrators can revoke any API key from the console; revocation propagates within 60 seconds',
  'Every action is logged with the acting user, the agent identity and the tenant',
  'Customer data is never used to train our models',
  'Enterprise-grade protection keeps your data safe',
];

/** A review of `claims` claims with an intact audit chain. */
export async function generateReview(claims: number): Promise<ReviewSnapshot> {
  const reviewId = 'bench-review';
  const t0 = Date.parse('2026-11-01T09:00:00.000Z');
  const at = (i: number) => new Date(t0 + i * 1000).toISOString();
  const sources: Source[] = Array.from({ length: 8 }, (_, i) => ({
    id: `source-${i}`,
    reviewId,
    url: `https://trust.example-vendor.com/page-${i}`,
    title: `Security page ${i}`,
    kind: 'trust-center',
    firstCapturedAt: at(0),
    lastCapturedAt: at(i),
    textLength: 200_000,
  }));
  const storedClaims: StoredClaim[] = [];
  const assessments: Assessment[] = [];
  for (let i = 0; i < claims; i++) {
    const source = sources[i % sources.length] as Source;
    const text = `${PHRASES[i % PHRASES.length]} (clause ${i}).`;
    storedClaims.push({
      id: `claim-${i}`,
      reviewId,
      sourceId: source.id,
      url: source.url,
      text,
      headingPath: ['Security', `Section ${i % 40}`],
      structure: 'sentence',
      selector: {
        exact: text,
        prefix: `before clause ${i} `,
        suffix: ` after clause ${i}`,
        start: i * 120,
        end: i * 120 + text.length,
      },
      flags: { inCode: false, gated: i % 97 === 0, hidden: false },
      origin: 'extracted',
      capturedAt: at(i),
    });
    const controls = i % 3 === 0 ? 2 : 1;
    for (let k = 0; k < controls; k++) {
      assessments.push({
        id: `assessment-${i}-${k}`,
        reviewId,
        claimId: `claim-${i}`,
        control: CONTROL_IDS[(i + k * 5) % CONTROL_IDS.length] as Assessment['control'],
        verdict: i % 4 === 0 ? 'marketing' : 'evidence',
        by: 'Bench Reviewer',
        at: at(i),
      });
    }
  }
  const redFlags: RedFlagRecord[] = Array.from({ length: Math.min(20, Math.ceil(claims / 7)) }, (_, i) => ({
    id: `flag-${i}`,
    reviewId,
    claimId: `claim-${i * 7}`,
    flag: RED_FLAG_IDS[i % RED_FLAG_IDS.length] as RedFlagRecord['flag'],
    note: `Flag ${i}`,
    resolved: i % 2 === 0,
    by: 'Bench Reviewer',
    at: at(i),
  }));
  const notes: Note[] = [
    { id: 'note-review', reviewId, scope: 'review', text: 'Large review for the benchmark.', at: at(0) },
    ...Array.from({ length: Math.min(200, Math.ceil(claims / 11)) }, (_, i) => ({
      id: `note-${i}`,
      reviewId,
      scope: `claim:claim-${i * 11}` as const,
      text: `Asked the vendor about clause ${i * 11}.`,
      at: at(i),
    })),
  ];
  const events: AuditEvent[] = [];
  for (const a of assessments.slice(0, claims)) {
    events.push(
      await nextEvent(
        {
          reviewId,
          actor: 'Bench Reviewer',
          action: 'claim.tag',
          target: { type: 'claim', id: a.claimId },
          after: { control: a.control, verdict: a.verdict },
        },
        events.at(-1),
        new Date(a.at),
      ),
    );
  }
  return {
    review: {
      id: reviewId,
      vendor: 'Example Vendor',
      product: 'Example AI Assistant',
      domains: ['example-vendor.com'],
      template: 'full',
      createdAt: at(0),
      updatedAt: at(claims),
    },
    sources,
    claims: storedClaims,
    assessments,
    redFlags,
    notes,
    events,
    demoSessions: [],
    attachments: [],
  };
}
