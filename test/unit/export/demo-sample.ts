/**
 * The sample review with a live demo: two sessions, entries stored out of order, and screenshots
 * good, removed and malformed. Shared by the demo-report tests and the golden export outputs.
 */
import type { DemoSession, ScreenshotMime } from '../../../src/core/demo-records.ts';
import type { StoredClaim } from '../../../src/core/review-records.ts';
import type { ExportedAttachment, ReviewSnapshot } from '../../../src/export/report.ts';
import { PNG_BASE64 } from '../store/demo-fixture.ts';
import { sampleSnapshot } from './sample-report.ts';

const REVIEW_ID = 'review-1';
export const TITLE = 'Demo | <script>alert(1)</script> {code}';
export const ENTRY_TEXTS = {
  evidence: '<img src=x onerror=alert(1)>',
  redFlag: '[x](javascript:alert(1))',
  question: '{code}x{code} | pipe',
  note: 'Kick-off',
};
export const REASON = 'Customer data on screen [x](javascript:alert(1))';
export const JPEG_BASE64 = btoa('\xff\xd8\xff\xe0\x00\x10JFIF\x00fake jpeg body');

export const hex = (c: string) => c.repeat(64);

export const early: DemoSession = {
  id: 'session-early',
  reviewId: REVIEW_ID,
  title: TITLE,
  startedAt: '2025-06-01T13:00:00.000Z',
  stoppedAt: '2025-06-01T14:30:00.000Z',
  by: 'Dana Reviewer',
};
export const late: DemoSession = {
  id: 'session-late',
  reviewId: REVIEW_ID,
  title: 'Second demo',
  startedAt: '2025-06-02T09:00:00.000Z',
  by: 'Dana Reviewer',
};

function entry(
  id: string,
  offsetMs: number,
  text: string,
  demo: Omit<NonNullable<StoredClaim['demo']>, 'sessionId' | 'offsetMs'>,
): StoredClaim {
  return {
    id,
    reviewId: REVIEW_ID,
    sourceId: early.id,
    url: '',
    text,
    headingPath: ['Live demo', early.title],
    structure: 'sentence',
    selector: { exact: text, prefix: '', suffix: '' },
    flags: { inCode: false, gated: false, hidden: false },
    origin: 'demo',
    capturedAt: new Date(Date.parse(early.startedAt) + offsetMs).toISOString(),
    demo: { sessionId: early.id, offsetMs, ...demo },
  };
}

const shot = (id: string, fields: Partial<ExportedAttachment>): ExportedAttachment => ({
  id,
  reviewId: REVIEW_ID,
  sessionId: early.id,
  mime: 'image/png',
  size: 70,
  sha256: hex('a'),
  capturedAt: '2025-06-01T13:05:00.000Z',
  by: 'Dana Reviewer',
  ...fields,
});

/** The sample review with a demo: entries stored out of order, screenshots good, removed and bad. */
export function demoSnapshot(): ReviewSnapshot {
  const base = sampleSnapshot();
  const claims = [
    entry('e-question', 5_025_000, ENTRY_TEXTS.question, {
      kind: 'question',
      basis: 'said',
      control: 'auditability',
    }),
    entry('e-evidence', 187_000, ENTRY_TEXTS.evidence, {
      kind: 'evidence',
      basis: 'shown',
      control: 'tenant-isolation',
    }),
    entry('e-red-flag', 600_000, ENTRY_TEXTS.redFlag, {
      kind: 'red-flag',
      basis: 'said',
      redFlag: 'long-lived-keys',
    }),
    entry('e-note', 0, ENTRY_TEXTS.note, { kind: 'note', basis: 'said' }),
  ];
  return {
    ...base,
    claims: [...base.claims, ...claims],
    assessments: [
      ...base.assessments,
      {
        id: 'a-demo',
        reviewId: REVIEW_ID,
        claimId: 'e-evidence',
        control: 'tenant-isolation',
        verdict: 'evidence',
        by: 'Dana Reviewer',
        at: '2025-06-01T13:03:07.000Z',
      },
    ],
    redFlags: [
      ...base.redFlags,
      {
        id: 'flag-demo',
        reviewId: REVIEW_ID,
        claimId: 'e-red-flag',
        flag: 'long-lived-keys',
        note: '',
        resolved: false,
        by: 'Dana Reviewer',
        at: '2025-06-01T13:10:00.000Z',
      },
    ],
    notes: [
      ...base.notes,
      {
        id: 'n-demo',
        reviewId: REVIEW_ID,
        scope: 'claim:e-evidence',
        text: 'Note | {noformat}',
        at: '2025-06-01T13:04:00.000Z',
      },
    ],
    demoSessions: [late, early],
    attachments: [
      shot('s-png', {
        claimId: 'e-evidence',
        control: 'tenant-isolation',
        sha256: hex('1'),
        data: PNG_BASE64,
      }),
      shot('s-jpeg', {
        claimId: 'e-red-flag',
        mime: 'image/jpeg',
        sha256: hex('2'),
        data: JPEG_BASE64,
        capturedAt: '2025-06-01T13:10:01.000Z',
      }),
      shot('s-removed', {
        claimId: 'e-red-flag',
        mime: 'image/jpeg',
        sha256: hex('3'),
        capturedAt: '2025-06-01T13:10:00.000Z',
        removed: { at: '2025-06-01T13:20:00.000Z', by: 'Bob', reason: REASON },
      }),
      // Not what the schema lets in, but what a hand-made snapshot could hold: never inlined.
      shot('s-bad-mime', {
        claimId: 'e-question',
        sha256: hex('4'),
        mime: 'image/svg+xml" onload="alert(1)' as ScreenshotMime,
        data: PNG_BASE64,
      }),
      shot('s-bad-data', {
        claimId: 'e-question',
        sha256: hex('5'),
        data: 'AAAA"><script>alert(1)</script>',
      }),
      shot('s-session', { sha256: hex('6'), data: PNG_BASE64, capturedAt: '2025-06-01T14:00:00.000Z' }),
    ],
  };
}
