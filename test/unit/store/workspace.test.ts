import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ExtractedClaim } from '../../../src/core/claim.ts';
import { eventsOf, verifyReviewChain } from '../../../src/store/audit-log.ts';
import { ReviewDatabase } from '../../../src/store/db.ts';
import { createReview, recordSource } from '../../../src/store/reviews.ts';
import {
  keepClaim,
  raiseRedFlag,
  saveNote,
  setAssessment,
  setNotApplicable,
  setVerdictOverride,
} from '../../../src/store/workspace.ts';

let name: string;
let db: ReviewDatabase;
beforeEach(() => {
  name = `ws-${crypto.randomUUID()}`;
  db = new ReviewDatabase(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const extracted = (text: string): ExtractedClaim => ({
  text,
  headingPath: ['Security'],
  structure: 'sentence',
  selector: { exact: text, prefix: '', suffix: '', start: 0, end: text.length },
  flags: { inCode: false, gated: false, hidden: false },
  origin: 'dom',
});

async function setup() {
  const review = await createReview(db, { vendor: 'Acme', domains: ['acme.com'] });
  const source = await recordSource(db, review.id, {
    url: 'https://trust.acme.com/',
    title: 'Trust',
    textLength: 10,
  });
  const claim = await keepClaim(db, 'Ada', {
    reviewId: review.id,
    sourceId: source.id,
    url: source.url,
    claim: extracted('Tokens expire after 15 minutes.'),
    origin: 'extracted',
  });
  return { review, source, claim };
}

describe('workspace changes', () => {
  test('the same quote on the same page is kept once', async () => {
    const { review, source, claim } = await setup();
    const again = await keepClaim(db, 'Ada', {
      reviewId: review.id,
      sourceId: source.id,
      url: source.url,
      claim: extracted('Tokens expire after 15 minutes.'),
      origin: 'extracted',
    });
    expect(again.id).toBe(claim.id);
    expect(await db.claims.count()).toBe(1);
  });

  test('a claim bears on several controls; tagging returns the previous verdict (for undo)', async () => {
    const { claim } = await setup();
    expect(await setAssessment(db, 'Ada', claim, 'jit-access', 'evidence')).toBeNull();
    expect(await setAssessment(db, 'Ada', claim, 'revocation', 'marketing')).toBeNull();
    expect(await setAssessment(db, 'Ada', claim, 'jit-access', 'marketing')).toBe('evidence');
    const rows = await db.assessments.where('claimId').equals(claim.id).toArray();
    expect(rows.map((r) => [r.control, r.verdict]).sort()).toEqual([
      ['jit-access', 'marketing'],
      ['revocation', 'marketing'],
    ]);
    expect(await setAssessment(db, 'Ada', claim, 'jit-access', null)).toBe('marketing');
    expect(await db.assessments.count()).toBe(1);
  });

  test('every change appends an event with actor, before and after, and the chain verifies', async () => {
    const { review, claim } = await setup();
    await setAssessment(db, 'Ada', claim, 'jit-access', 'evidence');
    await raiseRedFlag(db, 'Ada', { reviewId: review.id, flag: 'long-lived-keys', claimId: claim.id });
    await setNotApplicable(db, 'Ada', review.id, 'ai-guardrails', 'No AI features in scope');
    await setVerdictOverride(db, 'Ada', review.id, { verdict: 'governed-pilot', reason: 'Pilot only' });
    await saveNote(db, 'Ada', review.id, 'review', 'First call on Tuesday.');
    await saveNote(db, 'Ada', review.id, 'review', 'First call on Tuesday.'); // unchanged: no event
    const events = await eventsOf(db, review.id);
    expect(events.map((e) => e.action)).toEqual([
      'claim.keep',
      'claim.tag',
      'redflag.raise',
      'control.not-applicable',
      'verdict.override',
      'note.edit',
    ]);
    expect(events[1]).toMatchObject({
      actor: 'Ada',
      before: { control: 'jit-access', verdict: null },
      after: { control: 'jit-access', verdict: 'evidence' },
    });
    expect(await verifyReviewChain(db, review.id)).toEqual({ ok: true, events: 6 });
  });

  test('tampering with a stored event is reported, not repaired', async () => {
    const { review, claim } = await setup();
    await setAssessment(db, 'Ada', claim, 'jit-access', 'evidence');
    const [, second] = await eventsOf(db, review.id);
    await db.events.update(second?.id ?? '', { actor: 'Mallory' });
    const check = await verifyReviewChain(db, review.id);
    expect(check).toMatchObject({ ok: false, brokenAt: 2, problem: 'hash-mismatch' });
    expect((await eventsOf(db, review.id))[1]?.actor).toBe('Mallory');
  });

  test('an override needs a reason', async () => {
    const { review } = await setup();
    await expect(
      setVerdictOverride(db, 'Ada', review.id, { verdict: 'prototype', reason: '  ' }),
    ).rejects.toThrow(/reason/);
    expect((await db.reviews.get(review.id))?.verdictOverride).toBeUndefined();
  });

  test('two panels changing one review at once lose no update and keep one intact chain', async () => {
    const { review, claim } = await setup();
    const other = new ReviewDatabase(name);
    const controls = [
      'workload-identity',
      'tenant-isolation',
      'jit-access',
      'revocation',
      'auditability',
    ] as const;
    await Promise.all(
      controls.flatMap((control, i) => [
        setAssessment(db, 'Ada', claim, control, 'evidence'),
        saveNote(other, 'Bob', review.id, `control:${control}`, `note ${i}`),
      ]),
    );
    other.close();
    expect(await db.assessments.count()).toBe(5);
    expect(await db.notes.count()).toBe(5);
    const check = await verifyReviewChain(db, review.id);
    expect(check).toEqual({ ok: true, events: 11 });
  });
});

describe('two panels on the same row at once', () => {
  test('keeping the same quote from two panels stores it once', async () => {
    const { review, source } = await setup();
    const other = new ReviewDatabase(name);
    const input = {
      reviewId: review.id,
      sourceId: source.id,
      url: source.url,
      claim: extracted('Admins can revoke any key from the console.'),
      origin: 'extracted' as const,
    };
    const [a, b] = await Promise.all([keepClaim(db, 'Ada', input), keepClaim(other, 'Bob', input)]);
    other.close();
    expect(a.id).toBe(b.id);
    expect((await db.claims.toArray()).filter((c) => c.text.startsWith('Admins')).length).toBe(1);
    expect(await verifyReviewChain(db, review.id)).toMatchObject({ ok: true });
  });

  test('tagging one claim × control from two panels leaves one row, and the last event says what it holds', async () => {
    const { review, claim } = await setup();
    const other = new ReviewDatabase(name);
    await Promise.all([
      setAssessment(db, 'Ada', claim, 'revocation', 'evidence'),
      setAssessment(other, 'Bob', claim, 'revocation', 'marketing'),
      setAssessment(db, 'Ada', claim, 'revocation', null),
      setAssessment(other, 'Bob', claim, 'revocation', 'evidence'),
    ]);
    other.close();
    const rows = await db.assessments.where('claimId').equals(claim.id).toArray();
    expect(rows.length).toBeLessThanOrEqual(1);
    const tags = (await eventsOf(db, review.id)).filter(
      (e) => e.action === 'claim.tag' || e.action === 'claim.untag',
    );
    const last = tags.at(-1)?.after as { verdict: string | null };
    expect(rows[0]?.verdict ?? null).toBe(last.verdict);
    // Each event's "before" is what the one before it left: no change was planned on a stale read.
    const verdictOf = (value: unknown) => (value as { verdict: string | null }).verdict;
    for (let i = 1; i < tags.length; i++) {
      expect(verdictOf(tags[i]?.before)).toBe(verdictOf(tags[i - 1]?.after));
    }
    expect(await verifyReviewChain(db, review.id)).toMatchObject({ ok: true });
  });

  test('not-applicable reasons set on two controls at once are both kept', async () => {
    const { review } = await setup();
    const other = new ReviewDatabase(name);
    await Promise.all([
      setNotApplicable(db, 'Ada', review.id, 'data-residency', 'US only'),
      setNotApplicable(other, 'Bob', review.id, 'model-training', 'No model trained'),
    ]);
    other.close();
    expect((await db.reviews.get(review.id))?.notApplicable).toEqual({
      'data-residency': 'US only',
      'model-training': 'No model trained',
    });
  });
});

describe('migrations', () => {
  test('a database written by version 1 opens in the current version with every row', async () => {
    const v1name = `v1-${crypto.randomUUID()}`;
    // Version 1 exactly as it shipped (kept here, frozen, as the fixture's writer).
    const v1 = new Dexie(v1name);
    v1.version(1).stores({ reviews: 'id, *domains, updatedAt', sources: 'id, reviewId, &[reviewId+url]' });
    await v1.table('reviews').bulkAdd([
      {
        id: 'r1',
        vendor: 'Acme',
        product: '',
        domains: ['acme.com'],
        template: 'ai-readiness',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
      {
        id: 'r2',
        vendor: 'Globex',
        product: 'Agents',
        domains: ['globex.io'],
        template: 'full',
        createdAt: '2026-01-02T00:00:00.000Z',
        updatedAt: '2026-01-02T00:00:00.000Z',
      },
    ]);
    await v1.table('sources').add({
      id: 's1',
      reviewId: 'r1',
      url: 'https://trust.acme.com/',
      title: 'Trust',
      kind: 'trust-center',
      firstCapturedAt: '2026-01-01T00:00:00.000Z',
      lastCapturedAt: '2026-01-01T00:00:00.000Z',
      textLength: 42,
    });
    v1.close();
    const current = new ReviewDatabase(v1name);
    expect(await current.reviews.count()).toBe(2);
    expect((await current.reviews.get('r2'))?.template).toBe('full');
    expect(
      await current.sources.where('[reviewId+url]').equals(['r1', 'https://trust.acme.com/']).count(),
    ).toBe(1);
    expect(await current.claims.count()).toBe(0);
    expect(current.verno).toBe(3);
    current.close();
    await Dexie.delete(v1name);
  });

  test('a database written by version 2 (the workspace, before live demos) opens with every row', async () => {
    const v2name = `v2-${crypto.randomUUID()}`;
    // Versions 1 and 2 exactly as they shipped (frozen here as the fixture's writer).
    const v2 = new Dexie(v2name);
    v2.version(1).stores({ reviews: 'id, *domains, updatedAt', sources: 'id, reviewId, &[reviewId+url]' });
    v2.version(2).stores({
      claims: 'id, reviewId, sourceId',
      assessments: 'id, reviewId, claimId, &[claimId+control]',
      redFlags: 'id, reviewId, claimId',
      notes: 'id, reviewId, &[reviewId+scope]',
      events: 'id, reviewId, &[reviewId+seq]',
    });
    const at = '2026-02-01T00:00:00.000Z';
    await v2.table('reviews').add({
      id: 'r1',
      vendor: 'Acme',
      product: '',
      domains: ['acme.com'],
      template: 'ai-readiness',
      createdAt: at,
      updatedAt: at,
    });
    await v2.table('claims').add({
      id: 'c1',
      reviewId: 'r1',
      sourceId: 's1',
      url: 'https://trust.acme.com/',
      text: 'Tokens expire after 15 minutes.',
      headingPath: ['Security'],
      structure: 'sentence',
      selector: { exact: 'Tokens expire after 15 minutes.', prefix: '', suffix: '' },
      flags: { inCode: false, gated: false, hidden: false },
      origin: 'extracted',
      capturedAt: at,
    });
    await v2.table('assessments').add({
      id: 'a1',
      reviewId: 'r1',
      claimId: 'c1',
      control: 'jit-access',
      verdict: 'evidence',
      by: 'Ana',
      at,
    });
    await v2.table('notes').add({ id: 'n1', reviewId: 'r1', scope: 'review', text: 'Kick-off call', at });
    v2.close();

    const current = new ReviewDatabase(v2name);
    expect(await current.claims.get('c1')).toMatchObject({ text: 'Tokens expire after 15 minutes.' });
    expect(await current.assessments.where('[claimId+control]').equals(['c1', 'jit-access']).count()).toBe(1);
    expect((await current.notes.get('n1'))?.text).toBe('Kick-off call');
    // The new tables are there and empty, and a demo can start in the migrated review.
    expect(await current.demoSessions.count()).toBe(0);
    expect(await current.attachments.count()).toBe(0);
    expect(current.verno).toBe(3);
    current.close();
    await Dexie.delete(v2name);
  });
});
