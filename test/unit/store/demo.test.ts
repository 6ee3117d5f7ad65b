import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checklist } from '../../../src/core/control-status.ts';
import { sha256Hex } from '../../../src/core/sha256.ts';
import { eventsOf, verifyReviewChain } from '../../../src/store/audit-log.ts';
import { ReviewDatabase } from '../../../src/store/db.ts';
import {
  addDemoEntry,
  addScreenshot,
  attachScreenshotTo,
  removeScreenshot,
  runningSession,
  setEntryBasis,
  setEntryControl,
  startDemo,
  stopDemo,
} from '../../../src/store/demo.ts';
import { createReview } from '../../../src/store/reviews.ts';

let name: string;
let db: ReviewDatabase;
beforeEach(() => {
  name = `demo-${crypto.randomUUID()}`;
  db = new ReviewDatabase(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 26, 10, 0, seconds));

async function running() {
  const review = await createReview(db, { vendor: 'Acme', domains: ['acme.com'] });
  const session = await startDemo(db, 'Ana', { reviewId: review.id, title: 'Acme demo' }, at(0));
  return { review, session };
}

async function statusOf(reviewId: string, control: 'revocation' | 'auditability') {
  const review = await db.reviews.get(reviewId);
  const assessments = await db.assessments.where('reviewId').equals(reviewId).toArray();
  return checklist(review?.template ?? 'ai-readiness', assessments).find((s) => s.control === control)?.status
    .kind;
}

describe('demo sessions', () => {
  test('start, a second start returns the running one, stop ends it; both are audit events', async () => {
    const { review, session } = await running();
    const again = await startDemo(db, 'Ana', { reviewId: review.id, title: 'Other' }, at(5));
    expect(again.id).toBe(session.id);
    expect((await runningSession(db, review.id))?.id).toBe(session.id);
    await stopDemo(db, 'Ana', session.id, at(60));
    expect(await runningSession(db, review.id)).toBeUndefined();
    expect((await db.demoSessions.get(session.id))?.stoppedAt).toBe(at(60).toISOString());
    const actions = (await eventsOf(db, review.id)).map((e) => e.action);
    expect(actions).toEqual(['demo.start', 'demo.stop']);
  });

  test('two panels starting at once end with one running session', async () => {
    const review = await createReview(db, { vendor: 'Acme', domains: ['acme.com'] });
    const [a, b] = await Promise.all([
      startDemo(db, 'Ana', { reviewId: review.id, title: 'A' }),
      startDemo(db, 'Bo', { reviewId: review.id, title: 'B' }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await db.demoSessions.count()).toBe(1);
  });
});

describe('demo entries', () => {
  test('a shown entry for a control is evidence on the checklist, stamped with its offset', async () => {
    const { review, session } = await running();
    expect(await statusOf(review.id, 'revocation')).toBe('missing');
    const claim = await addDemoEntry(
      db,
      'Ana',
      {
        session,
        entry: {
          text: 'Admin revoked the agent token; next call got 401',
          kind: 'evidence',
          basis: 'shown',
          control: 'revocation',
        },
      },
      at(95),
    );
    expect(claim.origin).toBe('demo');
    expect(claim.demo).toMatchObject({ sessionId: session.id, offsetMs: 95_000, basis: 'shown' });
    expect(claim.capturedAt).toBe(at(95).toISOString());
    expect(await statusOf(review.id, 'revocation')).toBe('proven');
    // One event for the entry and its tag together: never a tag without its entry.
    const events = await eventsOf(db, review.id);
    expect(events.at(-1)).toMatchObject({ action: 'demo.entry', target: { type: 'claim', id: claim.id } });
    expect((await verifyReviewChain(db, review.id)).ok).toBe(true);
  });

  test('said is marketing until switched to shown, and back', async () => {
    const { review, session } = await running();
    const claim = await addDemoEntry(db, 'Ana', {
      session,
      entry: {
        text: 'Every action is logged with the acting agent',
        kind: 'marketing',
        basis: 'said',
        control: 'auditability',
      },
    });
    expect(await statusOf(review.id, 'auditability')).toBe('claimed-only');
    await setEntryBasis(db, 'Ana', claim.id, 'shown');
    expect(await statusOf(review.id, 'auditability')).toBe('proven');
    expect((await db.claims.get(claim.id))?.demo).toMatchObject({ basis: 'shown', kind: 'evidence' });
    await setEntryBasis(db, 'Ana', claim.id, 'said');
    expect(await statusOf(review.id, 'auditability')).toBe('claimed-only');
    expect((await eventsOf(db, review.id)).filter((e) => e.action === 'demo.basis')).toHaveLength(2);
  });

  test('an entry logged without a control counts once the reviewer picks one, and moves with it', async () => {
    const { review, session } = await running();
    const claim = await addDemoEntry(db, 'Ana', {
      session,
      entry: { text: 'Showed the per-tenant log stream', kind: 'evidence', basis: 'shown' },
    });
    expect(await statusOf(review.id, 'auditability')).toBe('missing');
    await setEntryControl(db, 'Ana', claim.id, 'auditability');
    expect(await statusOf(review.id, 'auditability')).toBe('proven');
    await setEntryControl(db, 'Ana', claim.id, 'revocation');
    expect(await statusOf(review.id, 'auditability')).toBe('missing');
    expect(await statusOf(review.id, 'revocation')).toBe('proven');
    await setEntryControl(db, 'Ana', claim.id, null);
    expect(await db.assessments.count()).toBe(0);
    expect((await verifyReviewChain(db, review.id)).ok).toBe(true);
  });

  test('a red-flag entry raises the red flag tied to the entry; a question assesses nothing', async () => {
    const { review, session } = await running();
    const flagged = await addDemoEntry(db, 'Ana', {
      session,
      entry: {
        text: 'To revoke, you open a ticket with us',
        kind: 'red-flag',
        basis: 'said',
        redFlag: 'manual-revocation',
      },
    });
    const flags = await db.redFlags.where('reviewId').equals(review.id).toArray();
    expect(flags).toMatchObject([{ flag: 'manual-revocation', claimId: flagged.id, resolved: false }]);
    await addDemoEntry(db, 'Ana', {
      session,
      entry: {
        text: 'Can tokens be scoped per tool?',
        kind: 'question',
        basis: 'said',
        control: 'jit-access',
      },
    });
    expect(await db.assessments.count()).toBe(0);
    await expect(
      addDemoEntry(db, 'Ana', { session, entry: { text: 'x', kind: 'red-flag', basis: 'said' } }),
    ).rejects.toThrow(/which red flag/);
    await expect(
      addDemoEntry(db, 'Ana', { session, entry: { text: '   ', kind: 'note', basis: 'said' } }),
    ).rejects.toThrow(/needs text/);
  });
});

describe('screenshots', () => {
  async function shot(reviewId: string, sessionId: string, claimId?: string) {
    const bytes = new TextEncoder().encode(`image ${crypto.randomUUID()}`);
    const sha256 = await sha256Hex(bytes);
    return addScreenshot(db, 'Ana', {
      reviewId,
      sessionId,
      ...(claimId ? { claimId } : {}),
      mime: 'image/jpeg',
      size: bytes.byteLength,
      sha256,
      capturedAt: at(100).toISOString(),
      blob: new Blob([bytes], { type: 'image/jpeg' }),
    });
  }

  test('kept as a Blob with its hash; removal keeps the record and is an audit event', async () => {
    const { review, session } = await running();
    const entry = await addDemoEntry(db, 'Ana', {
      session,
      entry: {
        text: 'Shows the audit log export',
        kind: 'evidence',
        basis: 'shown',
        control: 'auditability',
      },
    });
    const kept = await shot(review.id, session.id, entry.id);
    const stored = await db.attachments.get(kept.id);
    if (!stored?.blob) throw new Error('the screenshot was not stored');
    const bytes = new Uint8Array(await stored.blob.arrayBuffer());
    expect(await sha256Hex(bytes)).toBe(kept.sha256);

    await expect(removeScreenshot(db, 'Ana', kept.id, '  ')).rejects.toThrow(/why/);
    expect((await db.attachments.get(kept.id))?.blob).toBeDefined();
    await removeScreenshot(db, 'Ana', kept.id, 'Shows a customer name');
    const after = await db.attachments.get(kept.id);
    expect(after?.blob).toBeUndefined();
    expect(after).toMatchObject({
      sha256: kept.sha256,
      removed: { by: 'Ana', reason: 'Shows a customer name' },
    });
    const removal = (await eventsOf(db, review.id)).at(-1);
    expect(removal).toMatchObject({ action: 'screenshot.remove', before: { sha256: kept.sha256 } });
    expect((await verifyReviewChain(db, review.id)).ok).toBe(true);
  });

  test('the image and its audit event are one write: when the event cannot be stored, no image is kept', async () => {
    const { review, session } = await running();
    // A full disk (or a stopped worker) at the moment the event is written.
    db.events.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(shot(review.id, session.id)).rejects.toThrow(/quota/);
    expect(await db.attachments.count()).toBe(0);
  });

  test('a screenshot moves to another entry and takes its control', async () => {
    const { review, session } = await running();
    const a = await addDemoEntry(db, 'Ana', {
      session,
      entry: { text: 'first', kind: 'evidence', basis: 'shown', control: 'revocation' },
    });
    const b = await addDemoEntry(db, 'Ana', {
      session,
      entry: { text: 'second', kind: 'evidence', basis: 'shown', control: 'auditability' },
    });
    const kept = await shot(review.id, session.id, a.id);
    await attachScreenshotTo(db, 'Ana', kept.id, b);
    expect(await db.attachments.get(kept.id)).toMatchObject({ claimId: b.id, control: 'auditability' });
    await attachScreenshotTo(db, 'Ana', kept.id, null);
    const loose = await db.attachments.get(kept.id);
    expect(loose?.claimId).toBeUndefined();
    expect(loose?.control).toBeUndefined();
  });
});
