/**
 * The reviewer's changes to a review — keeping a claim, tagging it for a control, red flags,
 * "not applicable", the verdict override, notes. Each change and its audit event are written in
 * one transaction: there is never a change without its event, or an event without its change.
 */
import type { ExtractedClaim } from '../core/claim.ts';
import type { Suggestion } from '../core/classify/classify-claim.ts';
import type { RedFlagId } from '../core/classify/red-flag-cues.ts';
import type { ControlId } from '../core/controls.ts';
import type {
  Assessment,
  AssessmentVerdict,
  ClaimOrigin,
  Note,
  NoteScope,
  PageCheck,
  RedFlagRecord,
  StoredClaim,
} from '../core/review-records.ts';
import type { Verdict } from '../core/verdict.ts';
import type { ReviewDatabase } from './db.ts';
import { recorded, StaleRead, untilFresh } from './recorded-change.ts';

/** What is needed to keep a claim found on a page. */
export interface KeepClaim {
  reviewId: string;
  sourceId: string;
  url: string;
  claim: ExtractedClaim;
  suggestion?: Suggestion;
  origin: ClaimOrigin;
}

/** Keeps a claim in the review (once: the same quote on the same page is the same claim). */
export async function keepClaim(
  db: ReviewDatabase,
  actor: string,
  input: KeepClaim,
  now = new Date(),
): Promise<StoredClaim> {
  const sameQuote = async () =>
    (await db.claims.where('sourceId').equals(input.sourceId).toArray()).find(
      (c) => c.selector.exact === input.claim.selector.exact,
    );
  return untilFresh(async () => {
    const existing = await sameQuote();
    if (existing) return existing;
    const { claim } = input;
    const stored: StoredClaim = {
      id: crypto.randomUUID(),
      reviewId: input.reviewId,
      sourceId: input.sourceId,
      url: input.url,
      text: claim.text,
      headingPath: claim.headingPath,
      structure: claim.structure,
      ...(claim.context ? { context: claim.context } : {}),
      selector: claim.selector,
      ...(claim.fragment ? { fragment: claim.fragment } : {}),
      flags: claim.flags,
      origin: input.origin,
      ...(input.suggestion ? { suggestion: input.suggestion } : {}),
      capturedAt: now.toISOString(),
    };
    return recorded(
      db,
      {
        reviewId: input.reviewId,
        actor,
        action: 'claim.keep',
        target: { type: 'claim', id: stored.id },
        after: { text: stored.text, url: stored.url },
      },
      async () => {
        // Another panel kept the same quote since we looked: use theirs (the next attempt returns it).
        if (await sameQuote()) throw new StaleRead();
        await db.claims.add(stored);
        return stored;
      },
      now,
    );
  });
}

/** Tags a claim for a control (or removes the tag with `null`); returns the previous verdict, for undo. */
export async function setAssessment(
  db: ReviewDatabase,
  actor: string,
  claim: Pick<StoredClaim, 'id' | 'reviewId'>,
  control: ControlId,
  verdict: AssessmentVerdict | null,
  now = new Date(),
): Promise<AssessmentVerdict | null> {
  const current = () => db.assessments.where('[claimId+control]').equals([claim.id, control]).first();
  return untilFresh(async () => {
    const existing = await current();
    const before = existing?.verdict ?? null;
    if (before === verdict) return before;
    await recorded(
      db,
      {
        reviewId: claim.reviewId,
        actor,
        action: verdict ? 'claim.tag' : 'claim.untag',
        target: { type: 'claim', id: claim.id },
        before: { control, verdict: before },
        after: { control, verdict },
      },
      async () => {
        const latest = await current();
        if (latest?.id !== existing?.id || (latest?.verdict ?? null) !== before) throw new StaleRead();
        if (verdict === null) {
          if (existing) await db.assessments.delete(existing.id);
          return;
        }
        const assessment: Assessment = {
          id: existing?.id ?? crypto.randomUUID(),
          reviewId: claim.reviewId,
          claimId: claim.id,
          control,
          verdict,
          by: actor,
          at: now.toISOString(),
        };
        await db.assessments.put(assessment);
      },
      now,
    );
    return before;
  });
}

/** Raises a red flag, tied to the claim that shows it when there is one. */
export async function raiseRedFlag(
  db: ReviewDatabase,
  actor: string,
  input: { reviewId: string; flag: RedFlagId; claimId?: string; note?: string },
  now = new Date(),
): Promise<RedFlagRecord> {
  const record: RedFlagRecord = {
    id: crypto.randomUUID(),
    reviewId: input.reviewId,
    ...(input.claimId ? { claimId: input.claimId } : {}),
    flag: input.flag,
    note: input.note ?? '',
    resolved: false,
    by: actor,
    at: now.toISOString(),
  };
  return recorded(
    db,
    {
      reviewId: input.reviewId,
      actor,
      action: 'redflag.raise',
      target: { type: 'red-flag', id: record.id },
      after: { flag: record.flag, claimId: record.claimId ?? null },
    },
    async () => {
      await db.redFlags.add(record);
      return record;
    },
    now,
  );
}

/** Marks a red flag resolved (or stands it again). */
export async function setRedFlagResolved(
  db: ReviewDatabase,
  actor: string,
  flag: RedFlagRecord,
  resolved: boolean,
  now = new Date(),
): Promise<void> {
  await untilFresh(async () => {
    // The panel's copy may be behind another panel's change: decide on the stored row.
    const before = (await db.redFlags.get(flag.id))?.resolved;
    if (before === undefined) throw new Error('That red flag no longer exists.');
    if (before === resolved) return;
    await recorded(
      db,
      {
        reviewId: flag.reviewId,
        actor,
        action: resolved ? 'redflag.resolve' : 'redflag.reopen',
        target: { type: 'red-flag', id: flag.id },
        before: { resolved: before },
        after: { resolved },
      },
      async () => {
        if ((await db.redFlags.get(flag.id))?.resolved !== before) throw new StaleRead();
        await db.redFlags.update(flag.id, { resolved });
      },
      now,
    );
  });
}

/** Marks a control not applicable with a reason, or applicable again with `null`. */
export async function setNotApplicable(
  db: ReviewDatabase,
  actor: string,
  reviewId: string,
  control: ControlId,
  reason: string | null,
  now = new Date(),
): Promise<void> {
  const after = reason?.trim() ? reason.trim() : null;
  const stored = async () => {
    const review = await db.reviews.get(reviewId);
    if (!review) throw new Error('That review no longer exists.');
    return review;
  };
  await untilFresh(async () => {
    const before = (await stored()).notApplicable?.[control] ?? null;
    if (before === after) return;
    await recorded(
      db,
      {
        reviewId,
        actor,
        action: 'control.not-applicable',
        target: { type: 'control', id: control },
        before: { reason: before },
        after: { reason: after },
      },
      async () => {
        // Built from the stored row inside the transaction: another control's reason set meanwhile stays.
        const review = await stored();
        if ((review.notApplicable?.[control] ?? null) !== before) throw new StaleRead();
        const next = { ...(review.notApplicable ?? {}) };
        if (after) next[control] = after;
        else delete next[control];
        await db.reviews.update(reviewId, { notApplicable: next });
      },
      now,
    );
  });
}

/** Overrides the computed verdict with a required reason, or removes the override with `null`. */
export async function setVerdictOverride(
  db: ReviewDatabase,
  actor: string,
  reviewId: string,
  override: { verdict: Verdict; reason: string } | null,
  now = new Date(),
): Promise<void> {
  if (override && override.reason.trim() === '') throw new Error('An override needs a reason.');
  await untilFresh(async () => {
    const review = await db.reviews.get(reviewId);
    if (!review) throw new Error('That review no longer exists.');
    const before = review.verdictOverride;
    const after = override
      ? { verdict: override.verdict, reason: override.reason.trim(), by: actor, at: now.toISOString() }
      : undefined;
    await recorded(
      db,
      {
        reviewId,
        actor,
        action: 'verdict.override',
        target: { type: 'review', id: reviewId },
        before: before ?? null,
        after: after ?? null,
      },
      async () => {
        const current = (await db.reviews.get(reviewId))?.verdictOverride;
        if (JSON.stringify(current) !== JSON.stringify(before)) throw new StaleRead();
        await db.reviews.update(reviewId, { verdictOverride: after });
      },
      now,
    );
  });
}

/** Saves a note (the review's, a control's or a claim's); an unchanged text writes nothing. */
export async function saveNote(
  db: ReviewDatabase,
  actor: string,
  reviewId: string,
  scope: NoteScope,
  text: string,
  now = new Date(),
): Promise<void> {
  const current = () => db.notes.where('[reviewId+scope]').equals([reviewId, scope]).first();
  await untilFresh(async () => {
    const existing = await current();
    if ((existing?.text ?? '') === text) return;
    const note: Note = {
      id: existing?.id ?? crypto.randomUUID(),
      reviewId,
      scope,
      text,
      at: now.toISOString(),
    };
    await recorded(
      db,
      {
        reviewId,
        actor,
        action: 'note.edit',
        target: { type: 'note', id: scope },
        before: existing?.text ?? '',
        after: text,
      },
      async () => {
        const latest = await current();
        if (latest?.id !== existing?.id || latest?.text !== existing?.text) throw new StaleRead();
        await db.notes.put(note);
      },
      now,
    );
  });
}

/**
 * Records how a claim fared when its page was read again — only when that differs from what is
 * stored, so a visit that finds everything in place writes nothing. A change is an audit event:
 * "the vendor's page no longer says this" is part of the review's history.
 */
export async function recordPageCheck(
  db: ReviewDatabase,
  actor: string,
  claim: Pick<StoredClaim, 'id' | 'reviewId'>,
  check: Omit<PageCheck, 'at'>,
  now = new Date(),
): Promise<void> {
  const same = (a: PageCheck | undefined) =>
    (a?.status ?? 'anchored') === check.status && (a?.currentText ?? '') === (check.currentText ?? '');
  await untilFresh(async () => {
    const before = (await db.claims.get(claim.id))?.pageCheck;
    if (same(before)) return;
    const after: PageCheck = {
      status: check.status,
      ...(check.currentText !== undefined ? { currentText: check.currentText } : {}),
      at: now.toISOString(),
    };
    await recorded(
      db,
      {
        reviewId: claim.reviewId,
        actor,
        action: 'claim.page-check',
        target: { type: 'claim', id: claim.id },
        before: before ?? null,
        after,
      },
      async () => {
        const latest = (await db.claims.get(claim.id))?.pageCheck;
        if (JSON.stringify(latest) !== JSON.stringify(before)) throw new StaleRead();
        await db.claims.update(claim.id, { pageCheck: after });
      },
      now,
    );
  });
}
