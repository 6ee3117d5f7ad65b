/**
 * A live demo written straight into a review's tables, as the demo panel stores it: two sessions,
 * entries (claims with `origin: 'demo'`, a demo stamp, their session as `sourceId`), an assessment,
 * a red flag and notes on them, and two screenshots — one kept (PNG), one removed (its image gone,
 * its record kept). Written without audit events: the backup and restore tests are about rows.
 */
import type { Attachment, DemoSession } from '../../../src/core/demo-records.ts';
import type { Note, StoredClaim } from '../../../src/core/review-records.ts';
import type { ReviewDatabase } from '../../../src/store/db.ts';

/** A real 1×1 PNG. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The PNG's bytes. */
export function pngBytes(): Uint8Array<ArrayBuffer> {
  const binary = atob(PNG_BASE64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Lowercase hex SHA-256. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What `writeDemo` wrote. */
export interface WrittenDemo {
  sessions: [DemoSession, DemoSession];
  /** evidence (shown, tenant isolation), red flag (said), question (said), note (in the second session). */
  entries: StoredClaim[];
  /** [kept PNG on the evidence entry, removed JPEG on the red-flag entry] */
  shots: [Attachment, Attachment];
}

/** Writes the demo into an existing review; `start` is the first session's start. */
export async function writeDemo(
  db: ReviewDatabase,
  reviewId: string,
  start: Date,
  texts: { evidence?: string; question?: string } = {},
): Promise<WrittenDemo> {
  const iso = (ms: number) => new Date(start.getTime() + ms).toISOString();
  const first: DemoSession = {
    id: crypto.randomUUID(),
    reviewId,
    title: 'Demo with the vendor | 26 Nov',
    startedAt: iso(0),
    stoppedAt: iso(3_600_000),
    by: 'Ada',
  };
  const second: DemoSession = {
    id: crypto.randomUUID(),
    reviewId,
    title: 'Follow-up demo',
    startedAt: iso(86_400_000),
    by: 'Bob',
  };
  const entry = (
    session: DemoSession,
    offsetMs: number,
    text: string,
    stamp: Partial<NonNullable<StoredClaim['demo']>> &
      Pick<NonNullable<StoredClaim['demo']>, 'kind' | 'basis'>,
  ): StoredClaim => ({
    id: crypto.randomUUID(),
    reviewId,
    sourceId: session.id,
    url: '',
    text,
    headingPath: ['Live demo', session.title],
    structure: 'sentence',
    selector: { exact: text, prefix: '', suffix: '' },
    flags: { inCode: false, gated: false, hidden: false },
    origin: 'demo',
    capturedAt: new Date(Date.parse(session.startedAt) + offsetMs).toISOString(),
    demo: { sessionId: session.id, offsetMs, ...stamp },
  });
  const evidence = entry(first, 187_000, texts.evidence ?? 'Per-tenant KMS keys shown in the console.', {
    kind: 'evidence',
    basis: 'shown',
    control: 'tenant-isolation',
  });
  const redFlag = entry(first, 600_000, 'Service keys never expire, they said.', {
    kind: 'red-flag',
    basis: 'said',
    redFlag: 'long-lived-keys',
  });
  const question = entry(first, 1_200_500, texts.question ?? 'Can audit logs stream to our SIEM?', {
    kind: 'question',
    basis: 'said',
    control: 'auditability',
  });
  const note = entry(second, 30_000, 'SCIM shown against Okta.', {
    kind: 'evidence',
    basis: 'shown',
    control: 'sso-provisioning',
  });
  const png = pngBytes();
  const kept: Attachment = {
    id: crypto.randomUUID(),
    reviewId,
    sessionId: first.id,
    claimId: evidence.id,
    control: 'tenant-isolation',
    mime: 'image/png',
    size: png.length,
    sha256: await sha256Hex(png),
    capturedAt: iso(190_000),
    by: 'Ada',
    tabTitle: 'Acme console',
    tabUrl: 'https://console.acme.example/keys',
    width: 1,
    height: 1,
    blob: new Blob([png], { type: 'image/png' }),
    thumb: new Blob([png], { type: 'image/png' }),
  };
  const removed: Attachment = {
    id: crypto.randomUUID(),
    reviewId,
    sessionId: first.id,
    claimId: redFlag.id,
    mime: 'image/jpeg',
    size: 2048,
    sha256: 'ab'.repeat(32),
    capturedAt: iso(605_000),
    by: 'Ada',
    removed: { at: iso(700_000), by: 'Bob', reason: 'Showed a customer name.' },
  };
  const notes: Note[] = [
    {
      id: crypto.randomUUID(),
      reviewId,
      scope: `claim:${evidence.id}`,
      text: 'Asked for the key policy.',
      at: iso(200_000),
    },
    {
      id: crypto.randomUUID(),
      reviewId,
      scope: 'follow-up',
      text: 'Send the SIEM question in writing.',
      at: iso(3_700_000),
    },
  ];
  await db.transaction(
    'rw',
    [db.demoSessions, db.claims, db.assessments, db.redFlags, db.notes, db.attachments],
    async () => {
      await db.demoSessions.bulkAdd([first, second]);
      await db.claims.bulkAdd([evidence, redFlag, question, note]);
      await db.assessments.bulkAdd([
        {
          id: crypto.randomUUID(),
          reviewId,
          claimId: evidence.id,
          control: 'tenant-isolation',
          verdict: 'evidence',
          by: 'Ada',
          at: evidence.capturedAt,
        },
        {
          id: crypto.randomUUID(),
          reviewId,
          claimId: note.id,
          control: 'sso-provisioning',
          verdict: 'evidence',
          by: 'Bob',
          at: note.capturedAt,
        },
      ]);
      await db.redFlags.add({
        id: crypto.randomUUID(),
        reviewId,
        claimId: redFlag.id,
        flag: 'long-lived-keys',
        note: '',
        resolved: false,
        by: 'Ada',
        at: redFlag.capturedAt,
      });
      await db.notes.bulkAdd(notes);
      await db.attachments.bulkAdd([kept, removed]);
    },
  );
  return { sessions: [first, second], entries: [evidence, redFlag, question, note], shots: [kept, removed] };
}
