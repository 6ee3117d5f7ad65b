/**
 * Live demos in a review: starting and stopping a session, logging entries (each becomes a claim,
 * with its assessment or red flag, in one transaction with its audit event), switching an entry
 * between "said" and "shown", and keeping or removing screenshots. Like every change, each of these
 * appends to the audit trail; nothing here deletes silently.
 */
import type { Suggestion } from '../core/classify/classify-claim.ts';
import type { RedFlagId } from '../core/classify/red-flag-cues.ts';
import type { ControlId } from '../core/controls.ts';
import type { Attachment, DemoBasis, DemoEntryKind, DemoSession, DemoStamp } from '../core/demo-records.ts';
import type { Assessment, RedFlagRecord, StoredClaim } from '../core/review-records.ts';
import type { ReviewDatabase } from './db.ts';
import { recorded, StaleRead, untilFresh } from './recorded-change.ts';

/** The running session of a review, if any (the latest started one that has not stopped). */
export async function runningSession(db: ReviewDatabase, reviewId: string): Promise<DemoSession | undefined> {
  const sessions = await db.demoSessions.where('reviewId').equals(reviewId).toArray();
  return latestRunning(sessions);
}

/** The latest started session without a stop time, among these. */
export function latestRunning(sessions: readonly DemoSession[]): DemoSession | undefined {
  let latest: DemoSession | undefined;
  for (const s of sessions) if (!s.stoppedAt && (!latest || s.startedAt > latest.startedAt)) latest = s;
  return latest;
}

/** A title for a session the reviewer did not name. */
export function defaultSessionTitle(vendor: string, at: Date): string {
  const day = at.toISOString().slice(0, 10);
  const time = at.toISOString().slice(11, 16);
  return `Demo with ${vendor || 'the vendor'}, ${day} ${time} UTC`;
}

/** Starts a demo (one runs at a time per review: a running one is returned instead of a second). */
export async function startDemo(
  db: ReviewDatabase,
  actor: string,
  input: { reviewId: string; title: string },
  now = new Date(),
): Promise<DemoSession> {
  return untilFresh(async () => {
    const running = await runningSession(db, input.reviewId);
    if (running) return running;
    const session: DemoSession = {
      id: crypto.randomUUID(),
      reviewId: input.reviewId,
      title: input.title.trim() || 'Demo',
      startedAt: now.toISOString(),
      by: actor,
    };
    return recorded(
      db,
      {
        reviewId: input.reviewId,
        actor,
        action: 'demo.start',
        target: { type: 'demo', id: session.id },
        after: { title: session.title, startedAt: session.startedAt },
      },
      async () => {
        // Another panel started one since we looked: theirs is the demo (the next attempt returns it).
        if (await runningSession(db, input.reviewId)) throw new StaleRead();
        await db.demoSessions.add(session);
        return session;
      },
      now,
    );
  });
}

/** Stops a running demo; stopping one already stopped changes nothing. */
export async function stopDemo(
  db: ReviewDatabase,
  actor: string,
  sessionId: string,
  now = new Date(),
): Promise<void> {
  const session = await db.demoSessions.get(sessionId);
  if (!session) throw new Error('That demo no longer exists.');
  if (session.stoppedAt) return;
  const stoppedAt = now.toISOString();
  await recorded(
    db,
    {
      reviewId: session.reviewId,
      actor,
      action: 'demo.stop',
      target: { type: 'demo', id: sessionId },
      after: { stoppedAt },
    },
    async () => {
      if ((await db.demoSessions.get(sessionId))?.stoppedAt) return;
      await db.demoSessions.update(sessionId, { stoppedAt });
    },
    now,
  );
}

/** One logged line, as parsed from the quick-entry field. */
export interface DemoEntryInput {
  text: string;
  kind: DemoEntryKind;
  basis: DemoBasis;
  control?: ControlId;
  redFlag?: RedFlagId;
}

/** The verdict an entry carries for its control: shown is evidence, said is a promise. */
export function entryVerdict(entry: Pick<DemoEntryInput, 'kind'>): 'evidence' | 'marketing' | undefined {
  return entry.kind === 'evidence' || entry.kind === 'marketing' ? entry.kind : undefined;
}

/**
 * Logs an entry of a demo: a claim stamped with its offset from the session's start, plus — in the
 * same transaction and under one audit event — its assessment (evidence or marketing for its
 * control) or its red flag. The entry then counts on the checklist like any claim.
 */
export async function addDemoEntry(
  db: ReviewDatabase,
  actor: string,
  input: { session: DemoSession; entry: DemoEntryInput; suggestion?: Suggestion },
  now = new Date(),
): Promise<StoredClaim> {
  const { session, entry } = input;
  const text = entry.text.trim();
  if (!text) throw new Error('An entry needs text.');
  if (entry.kind === 'red-flag' && !entry.redFlag) throw new Error('Say which red flag this is.');
  const stamp: DemoStamp = {
    sessionId: session.id,
    offsetMs: Math.max(0, now.getTime() - Date.parse(session.startedAt)),
    kind: entry.kind,
    basis: entry.basis,
    ...(entry.control ? { control: entry.control } : {}),
    ...(entry.kind === 'red-flag' && entry.redFlag ? { redFlag: entry.redFlag } : {}),
  };
  const claim: StoredClaim = {
    id: crypto.randomUUID(),
    reviewId: session.reviewId,
    sourceId: session.id,
    url: '',
    text,
    headingPath: ['Live demo', session.title],
    structure: 'sentence',
    selector: { exact: text, prefix: '', suffix: '' },
    flags: { inCode: false, gated: false, hidden: false },
    origin: 'demo',
    ...(input.suggestion ? { suggestion: input.suggestion } : {}),
    capturedAt: now.toISOString(),
    demo: stamp,
  };
  const verdict = entryVerdict(entry);
  const assessment: Assessment | undefined =
    verdict && entry.control
      ? {
          id: crypto.randomUUID(),
          reviewId: session.reviewId,
          claimId: claim.id,
          control: entry.control,
          verdict,
          by: actor,
          at: claim.capturedAt,
        }
      : undefined;
  const redFlag: RedFlagRecord | undefined =
    entry.kind === 'red-flag' && entry.redFlag
      ? {
          id: crypto.randomUUID(),
          reviewId: session.reviewId,
          claimId: claim.id,
          flag: entry.redFlag,
          note: '',
          resolved: false,
          by: actor,
          at: claim.capturedAt,
        }
      : undefined;
  return recorded(
    db,
    {
      reviewId: session.reviewId,
      actor,
      action: 'demo.entry',
      target: { type: 'claim', id: claim.id },
      after: {
        sessionId: session.id,
        offsetMs: stamp.offsetMs,
        text,
        kind: stamp.kind,
        basis: stamp.basis,
        control: stamp.control ?? null,
        redFlag: redFlag?.flag ?? null,
      },
    },
    async () => {
      await db.claims.add(claim);
      if (assessment) await db.assessments.add(assessment);
      if (redFlag) await db.redFlags.add(redFlag);
      return claim;
    },
    now,
  );
}

/**
 * Records that the vendor showed (or only said) what an entry says. For an evidence or marketing
 * entry with a control, the assessment follows: shown is evidence, said is marketing.
 */
export async function setEntryBasis(
  db: ReviewDatabase,
  actor: string,
  claimId: string,
  basis: DemoBasis,
  now = new Date(),
): Promise<void> {
  await untilFresh(async () => {
    const claim = await db.claims.get(claimId);
    if (!claim?.demo) throw new Error('That demo entry no longer exists.');
    const before = claim.demo;
    if (before.basis === basis) return;
    const claimKind = before.kind === 'evidence' || before.kind === 'marketing';
    const after: DemoStamp = {
      ...before,
      basis,
      ...(claimKind ? { kind: basis === 'shown' ? 'evidence' : 'marketing' } : {}),
    };
    await recorded(
      db,
      {
        reviewId: claim.reviewId,
        actor,
        action: 'demo.basis',
        target: { type: 'claim', id: claimId },
        before: { basis: before.basis, kind: before.kind },
        after: { basis: after.basis, kind: after.kind },
      },
      async () => {
        const latest = await db.claims.get(claimId);
        if (JSON.stringify(latest?.demo) !== JSON.stringify(before)) throw new StaleRead();
        await db.claims.update(claimId, { demo: after });
        if (!claimKind || !before.control) return;
        const existing = await db.assessments
          .where('[claimId+control]')
          .equals([claimId, before.control])
          .first();
        const verdict = after.kind === 'evidence' ? 'evidence' : 'marketing';
        // A reviewer who retagged the entry by hand (e.g. not relevant) keeps that decision.
        if (existing && existing.verdict !== 'not-relevant')
          await db.assessments.update(existing.id, { verdict, by: actor, at: now.toISOString() });
      },
      now,
    );
  });
}

/**
 * Sets (or clears) the control an entry speaks to. An evidence or marketing entry's assessment
 * moves with it, so the checklist counts the entry under the control the reviewer chose.
 */
export async function setEntryControl(
  db: ReviewDatabase,
  actor: string,
  claimId: string,
  control: ControlId | null,
  now = new Date(),
): Promise<void> {
  await untilFresh(async () => {
    const claim = await db.claims.get(claimId);
    if (!claim?.demo) throw new Error('That demo entry no longer exists.');
    const before = claim.demo;
    if ((before.control ?? null) === control) return;
    const { control: _old, ...rest } = before;
    const after: DemoStamp = { ...rest, ...(control ? { control } : {}) };
    const verdict = entryVerdict(before);
    await recorded(
      db,
      {
        reviewId: claim.reviewId,
        actor,
        action: 'demo.control',
        target: { type: 'claim', id: claimId },
        before: { control: before.control ?? null },
        after: { control },
      },
      async () => {
        const latest = await db.claims.get(claimId);
        if (JSON.stringify(latest?.demo) !== JSON.stringify(before)) throw new StaleRead();
        await db.claims.update(claimId, { demo: after });
        if (!verdict) return;
        if (before.control) {
          const old = await db.assessments
            .where('[claimId+control]')
            .equals([claimId, before.control])
            .first();
          if (old) await db.assessments.delete(old.id);
        }
        if (!control) return;
        const existing = await db.assessments.where('[claimId+control]').equals([claimId, control]).first();
        await db.assessments.put({
          id: existing?.id ?? crypto.randomUUID(),
          reviewId: claim.reviewId,
          claimId,
          control,
          verdict,
          by: actor,
          at: now.toISOString(),
        });
      },
      now,
    );
  });
}

/** A screenshot as captured, before it is stored. */
export type NewScreenshot = Omit<Attachment, 'id' | 'by' | 'removed'>;

/** Keeps a screenshot (image Blob, SHA-256, capture time), attached to an entry and control. */
export async function addScreenshot(
  db: ReviewDatabase,
  actor: string,
  shot: NewScreenshot,
  now = new Date(),
): Promise<Attachment> {
  const attachment: Attachment = { ...shot, id: crypto.randomUUID(), by: actor };
  return recorded(
    db,
    {
      reviewId: shot.reviewId,
      actor,
      action: 'screenshot.add',
      target: { type: 'screenshot', id: attachment.id },
      after: {
        sha256: shot.sha256,
        size: shot.size,
        capturedAt: shot.capturedAt,
        claimId: shot.claimId ?? null,
        control: shot.control ?? null,
      },
    },
    async () => {
      await db.attachments.add(attachment);
      return attachment;
    },
    now,
  );
}

/**
 * Removes a screenshot's image, with a required reason. The record stays — hash, capture time, who
 * removed it and why — and the removal is an audit event: evidence never disappears silently.
 */
export async function removeScreenshot(
  db: ReviewDatabase,
  actor: string,
  attachmentId: string,
  reason: string,
  now = new Date(),
): Promise<void> {
  const why = reason.trim();
  if (!why) throw new Error('Say why the screenshot is removed: the reason stays in the audit trail.');
  const shot = await db.attachments.get(attachmentId);
  if (!shot) throw new Error('That screenshot no longer exists.');
  if (shot.removed) return;
  const removed = { at: now.toISOString(), by: actor, reason: why };
  await recorded(
    db,
    {
      reviewId: shot.reviewId,
      actor,
      action: 'screenshot.remove',
      target: { type: 'screenshot', id: attachmentId },
      before: { sha256: shot.sha256, size: shot.size, capturedAt: shot.capturedAt },
      after: { reason: why },
    },
    async () => {
      const latest = await db.attachments.get(attachmentId);
      if (!latest || latest.removed) return;
      const { blob: _blob, thumb: _thumb, ...kept } = latest;
      await db.attachments.put({ ...kept, removed });
    },
    now,
  );
}

/** Moves a screenshot to another entry of the review (or to none). */
export async function attachScreenshotTo(
  db: ReviewDatabase,
  actor: string,
  attachmentId: string,
  claim: Pick<StoredClaim, 'id' | 'demo'> | null,
  now = new Date(),
): Promise<void> {
  const shot = await db.attachments.get(attachmentId);
  if (!shot) throw new Error('That screenshot no longer exists.');
  const claimId = claim?.id;
  if (shot.claimId === claimId) return;
  const control = claim?.demo?.control;
  await recorded(
    db,
    {
      reviewId: shot.reviewId,
      actor,
      action: 'screenshot.attach',
      target: { type: 'screenshot', id: attachmentId },
      before: { claimId: shot.claimId ?? null },
      after: { claimId: claimId ?? null },
    },
    async () => {
      const {
        claimId: _old,
        control: _oldControl,
        ...rest
      } = (await db.attachments.get(attachmentId)) ?? shot;
      await db.attachments.put({
        ...rest,
        ...(claimId ? { claimId } : {}),
        ...(control ? { control } : {}),
      });
    },
    now,
  );
}
