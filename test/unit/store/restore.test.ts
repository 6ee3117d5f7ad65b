import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import type { ExtractedClaim } from '../../../src/core/claim.ts';
import { backupJson } from '../../../src/export/backup.ts';
import { type Backup, parseBackup } from '../../../src/export/backup-schema.ts';
import type { ReviewSnapshot } from '../../../src/export/report.ts';
import { eventsOf, verifyReviewChain } from '../../../src/store/audit-log.ts';
import { ReviewDatabase } from '../../../src/store/db.ts';
import { type RestoreReport, restoreBackup } from '../../../src/store/restore.ts';
import { readAllSnapshots, readSnapshot } from '../../../src/store/review-snapshot.ts';
import { createReview, recordSource } from '../../../src/store/reviews.ts';
import { keepClaim, raiseRedFlag, saveNote, setAssessment } from '../../../src/store/workspace.ts';

const APP = { name: 'Vendor Review', version: '0.1.0' };
const T0 = Date.parse('2025-03-01T09:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

const databases: ReviewDatabase[] = [];
const fresh = () => {
  const db = new ReviewDatabase(`restore-${crypto.randomUUID()}`);
  databases.push(db);
  return db;
};
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

const extracted = (text: string): ExtractedClaim => ({
  text,
  headingPath: ['Security'],
  structure: 'sentence',
  selector: { exact: text, prefix: '', suffix: '', start: 0, end: text.length },
  flags: { inCode: false, gated: false, hidden: false },
  origin: 'dom',
});

/** A review with two sources, three claims, four assessments, two red flags, three notes: 12 events, times 1…15 s after `start`. */
async function writeReview(db: ReviewDatabase, vendor: string, start = 0) {
  let t = start;
  const now = () => at(++t);
  const review = await createReview(db, { vendor, domains: [`${vendor.toLowerCase()}.com`] }, now());
  const trust = await recordSource(
    db,
    review.id,
    { url: `https://trust.${vendor}.com/`, title: 'Trust', textLength: 9 },
    now(),
  );
  const docs = await recordSource(
    db,
    review.id,
    { url: `https://docs.${vendor}.com/`, title: 'Docs', textLength: 3 },
    now(),
  );
  const keep = (sourceId: string, url: string, text: string) =>
    keepClaim(
      db,
      'Ada',
      { reviewId: review.id, sourceId, url, claim: extracted(text), origin: 'extracted' },
      now(),
    );
  const a = await keep(trust.id, trust.url, `${vendor} tokens expire after 15 minutes.`);
  const b = await keep(trust.id, trust.url, `${vendor} takes security seriously.`);
  const c = await keep(docs.id, docs.url, `${vendor} supports SCIM 2.0.`);
  await setAssessment(db, 'Ada', a, 'jit-access', 'evidence', now());
  await setAssessment(db, 'Ada', a, 'revocation', 'evidence', now());
  await setAssessment(db, 'Ada', b, 'encryption', 'marketing', now());
  await setAssessment(db, 'Ada', c, 'sso-provisioning', 'evidence', now());
  await raiseRedFlag(db, 'Ada', { reviewId: review.id, flag: 'long-lived-keys', claimId: b.id }, now());
  await raiseRedFlag(db, 'Ada', { reviewId: review.id, flag: 'custom-engineering' }, now());
  await saveNote(db, 'Ada', review.id, 'review', 'First call on Tuesday.', now());
  await saveNote(db, 'Ada', review.id, 'control:jit-access', 'Ask for the TTL.', now());
  await saveNote(db, 'Ada', review.id, `claim:${a.id}`, 'In the SOC 2 report.', now());
  return { review, sources: [trust, docs], claims: [a, b, c] };
}

/** A database's backup, parsed as a restore would get it. */
async function backupOf(db: ReviewDatabase, reviewId?: string): Promise<Backup> {
  const snapshots = reviewId
    ? [(await readSnapshot(db, reviewId)) as ReviewSnapshot]
    : await readAllSnapshots(db);
  const parsed = await parseBackup(backupJson(snapshots, APP, at(1000)));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
}

/** Every table, every row, sorted by id. */
async function dump(db: ReviewDatabase) {
  const tables = [
    db.reviews,
    db.sources,
    db.claims,
    db.assessments,
    db.redFlags,
    db.notes,
    db.events,
    db.demoSessions,
    db.attachments,
  ];
  return Object.fromEntries(
    await Promise.all(
      tables.map(async (table) => [
        table.name,
        (await table.toArray()).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
      ]),
    ),
  );
}

const counts = (added: number, updated: number, skipped: number) => ({ added, updated, skipped });

describe('merge', () => {
  test('newest wins both ways; diverged trails keep the stored chain; the merge is recorded; exact report', async () => {
    const stored = fresh();
    const { review, claims } = await writeReview(stored, 'Acme');
    const other = fresh();
    await restoreBackup(other, await backupOf(stored), 'merge');

    // Here: the review note changes at 100 s. In the other profile: a tag, a claim, a control note at 200–202 s.
    await saveNote(stored, 'Ada', review.id, 'review', 'Stored is newer.', at(100));
    const sourceId = (await stored.sources.toArray()).find((s) => s.url.startsWith('https://trust'))
      ?.id as string;
    await setAssessment(
      other,
      'Bob',
      claims[0] as (typeof claims)[number],
      'jit-access',
      'marketing',
      at(200),
    );
    await keepClaim(
      other,
      'Bob',
      {
        reviewId: review.id,
        sourceId,
        url: 'https://trust.Acme.com/',
        claim: extracted('New claim.'),
        origin: 'selection',
      },
      at(201),
    );
    await saveNote(other, 'Bob', review.id, 'control:jit-access', 'Backup is newer.', at(202));

    const report = await restoreBackup(stored, await backupOf(other), 'merge', at(300));
    const expected: RestoreReport = {
      mode: 'merge',
      tables: {
        reviews: counts(0, 1, 0),
        sources: counts(0, 0, 2),
        claims: counts(1, 0, 3),
        assessments: counts(0, 1, 3),
        redFlags: counts(0, 0, 2),
        notes: counts(0, 1, 2),
        events: counts(0, 0, 15),
        demoSessions: counts(0, 0, 0),
        attachments: counts(0, 0, 0),
      },
      reviews: [
        {
          vendor: 'Acme',
          backupReviewId: review.id,
          reviewId: review.id,
          added: 1,
          updated: 3,
          skipped: 27,
          notes: [
            "The stored audit trail and the backup's differ from event 13 on; the backup's 15 events were not added and the stored trail is unchanged.",
            "The merge is recorded in the review's audit trail as event 14.",
          ],
          auditEvent: { seq: 14, action: 'review.restore-merge' },
        },
      ],
    };
    expect(report).toEqual(expected);

    const notes = await stored.notes.where('reviewId').equals(review.id).toArray();
    expect(notes.find((n) => n.scope === 'review')?.text).toBe('Stored is newer.');
    expect(notes.find((n) => n.scope === 'control:jit-access')?.text).toBe('Backup is newer.');
    const tag = await stored.assessments
      .where('[claimId+control]')
      .equals([claims[0]?.id as string, 'jit-access'])
      .first();
    expect(tag).toMatchObject({ verdict: 'marketing', by: 'Bob' });
    expect((await stored.claims.toArray()).map((c) => c.text)).toContain('New claim.');
    expect((await stored.reviews.get(review.id))?.updatedAt).toBe(at(300).toISOString());

    const events = await eventsOf(stored, review.id);
    expect(events.map((e) => e.action).slice(-2)).toEqual(['note.edit', 'review.restore-merge']);
    expect(events.at(-1)?.after).toMatchObject({ backupExportedAt: at(1000).toISOString(), eventsAdded: 0 });
    expect(await verifyReviewChain(stored, review.id)).toEqual({ ok: true, events: 14 });
  });

  test('a backup that continues the stored trail appends its events; an older backup changes nothing', async () => {
    const origin = fresh();
    const { review, claims } = await writeReview(origin, 'Acme');
    const older = await backupOf(origin);
    await setAssessment(
      origin,
      'Bob',
      claims[1] as (typeof claims)[number],
      'encryption',
      'evidence',
      at(200),
    );
    await saveNote(origin, 'Bob', review.id, 'review', 'Second call.', at(201));
    const newer = await backupOf(origin);

    const behind = fresh();
    await restoreBackup(behind, older, 'merge');
    const report = await restoreBackup(behind, newer, 'merge', at(300));
    expect(report.tables).toEqual({
      reviews: counts(0, 1, 0),
      sources: counts(0, 0, 2),
      claims: counts(0, 0, 3),
      assessments: counts(0, 1, 3),
      redFlags: counts(0, 0, 2),
      notes: counts(0, 1, 2),
      events: counts(2, 0, 12),
      demoSessions: counts(0, 0, 0),
      attachments: counts(0, 0, 0),
    });
    expect(report.reviews[0]?.auditEvent).toEqual({ seq: 15, action: 'review.restore-merge' });
    const events = await eventsOf(behind, review.id);
    expect(events.slice(0, 14)).toEqual((await backupOf(origin)).reviews[0]?.events);
    expect(await verifyReviewChain(behind, review.id)).toEqual({ ok: true, events: 15 });

    // The other way: the older backup into the newer profile is all skipped and records nothing.
    const before = await dump(origin);
    const none = await restoreBackup(origin, older, 'merge', at(400));
    expect(none.reviews[0]).toMatchObject({
      added: 0,
      updated: 0,
      skipped: 1 + 2 + 3 + 4 + 2 + 3 + 12,
      notes: [],
    });
    expect(none.reviews[0]?.auditEvent).toBeUndefined();
    expect(await dump(origin)).toEqual(before);
  });

  test('a unique key held under another id merges into the stored row; conflicting ids are skipped with what refers to them', async () => {
    const db = fresh();
    const acme = await writeReview(db, 'Acme');
    const globex = await writeReview(db, 'Globex', 50);
    const backup = structuredClone(await backupOf(db, acme.review.id));
    const snapshot = backup.reviews[0] as ReviewSnapshot;
    const trust = snapshot.sources.find((s) =>
      s.url.startsWith('https://trust'),
    ) as ReviewSnapshot['sources'][number];
    const storedTrustId = trust.id;
    // The same page under another id, read again later, and a new claim on it.
    Object.assign(trust, { id: 'src-x', title: 'Trust (renamed)', lastCapturedAt: at(500).toISOString() });
    for (const claim of snapshot.claims) if (claim.sourceId === storedTrustId) claim.sourceId = 'src-x';
    const template = snapshot.claims[0] as ReviewSnapshot['claims'][number];
    snapshot.claims.push({
      ...template,
      id: 'claim-new',
      text: 'Sessions are bound to the device.',
      sourceId: 'src-x',
    });
    // A claim whose id is Globex's, with a tag on it: neither may touch Globex.
    const foreignId = globex.claims[0]?.id as string;
    snapshot.claims.push({ ...template, id: foreignId, text: 'Hijack', sourceId: 'src-x' });
    snapshot.assessments.push({
      id: 'tag-on-foreign',
      reviewId: snapshot.review.id,
      claimId: foreignId,
      control: 'auditability',
      verdict: 'evidence',
      by: 'Mallory',
      at: at(500).toISOString(),
    });
    const before = await readSnapshot(db, globex.review.id);

    const report = await restoreBackup(db, backup, 'merge', at(600));
    expect(report.tables.sources).toEqual(counts(0, 1, 1));
    expect(report.tables.claims).toEqual(counts(1, 0, 4));
    expect(report.tables.assessments).toEqual(counts(0, 0, 5));
    expect(report.reviews[0]?.notes).toEqual([
      '1 skipped as a conflict (claims: its id or key belongs to another review).',
      '1 skipped as a conflict (assessments: refers to a row that was not restored).',
      "The merge is recorded in the review's audit trail as event 13.",
    ]);
    expect(await db.sources.get('src-x')).toBeUndefined();
    expect(await db.sources.get(storedTrustId)).toMatchObject({
      title: 'Trust (renamed)',
      reviewId: acme.review.id,
    });
    expect(await db.claims.get('claim-new')).toMatchObject({
      sourceId: storedTrustId,
      reviewId: acme.review.id,
    });
    expect(await readSnapshot(db, globex.review.id)).toEqual(before);
    expect(await verifyReviewChain(db, acme.review.id)).toMatchObject({ ok: true });
  });
  test('a trail that moves between planning and writing is planned again: no event is lost, the chain stays one', async () => {
    const db = fresh();
    const { review, claims } = await writeReview(db, 'Acme');
    const backup = structuredClone(await backupOf(db));
    const snapshot = backup.reviews[0] as ReviewSnapshot;
    Object.assign(snapshot.notes.find((n) => n.scope === 'review') as object, {
      text: 'From the backup.',
      at: at(500).toISOString(),
    });

    // Another panel (another connection) tags a claim just before the restore's write transaction opens.
    const panel = new ReviewDatabase(db.name);
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let interfered = false;
    db.transaction = (async (...args: unknown[]) => {
      if (args[0] === 'rw' && !interfered) {
        interfered = true;
        await setAssessment(
          panel,
          'Bob',
          claims[2] as (typeof claims)[number],
          'auditability',
          'evidence',
          at(400),
        );
      }
      return transaction(...args);
    }) as unknown as typeof db.transaction;

    const report = await restoreBackup(db, backup, 'merge', at(600));
    panel.close();
    expect(interfered).toBe(true);
    expect(report.reviews[0]?.auditEvent).toEqual({ seq: 14, action: 'review.restore-merge' });
    const events = await eventsOf(db, review.id);
    expect(events.map((e) => e.action).slice(-2)).toEqual(['claim.tag', 'review.restore-merge']);
    expect(await verifyReviewChain(db, review.id)).toEqual({ ok: true, events: 14 });
  });
});

describe('copy', () => {
  test('fresh ids everywhere, references remapped, a re-chained trail that verifies and quotes the original head', async () => {
    const db = fresh();
    const { review } = await writeReview(db, 'Acme');
    const original = (await readSnapshot(db, review.id)) as ReviewSnapshot;
    const backup = await backupOf(db);

    const report = await restoreBackup(db, backup, 'copy', at(900));
    const line = report.reviews[0];
    expect(line?.reviewId).not.toBe(review.id);
    expect(line).toMatchObject({
      vendor: 'Acme',
      backupReviewId: review.id,
      added: 1 + 2 + 3 + 4 + 2 + 3 + 12,
      updated: 0,
      skipped: 0,
    });
    expect(line?.auditEvent).toEqual({ seq: 1, action: 'review.restore-copy' });
    expect(report.tables.events).toEqual(counts(12, 0, 0));
    expect(await readSnapshot(db, review.id)).toEqual(original);

    const copy = (await readSnapshot(db, line?.reviewId as string)) as ReviewSnapshot;
    expect(copy.review).toEqual({ ...original.review, id: line?.reviewId });
    const oldIds = new Set(
      Object.values(original).flatMap((rows) => (Array.isArray(rows) ? rows.map((r) => r.id) : [rows.id])),
    );
    const newIds = Object.values(copy).flatMap((rows) =>
      Array.isArray(rows) ? rows.map((r) => r.id) : [rows.id],
    );
    expect(newIds.filter((id) => oldIds.has(id))).toEqual([]);
    const sourceIds = new Set(copy.sources.map((s) => s.id));
    const claimIds = new Set(copy.claims.map((c) => c.id));
    expect(copy.claims.every((c) => sourceIds.has(c.sourceId))).toBe(true);
    expect(copy.assessments.every((a) => claimIds.has(a.claimId))).toBe(true);
    expect(copy.redFlags.every((f) => f.claimId === undefined || claimIds.has(f.claimId))).toBe(true);
    const claimNote = copy.notes.find((n) => n.scope.startsWith('claim:'));
    expect(claimIds.has(claimNote?.scope.slice('claim:'.length) as string)).toBe(true);
    // Rows other than ids are untouched: the copy's claims read as the original's.
    expect(copy.claims.map((c) => c.text).sort()).toEqual(original.claims.map((c) => c.text).sort());

    expect(await verifyReviewChain(db, copy.review.id)).toEqual({ ok: true, events: 13 });
    expect(copy.events[0]).toMatchObject({
      seq: 1,
      action: 'review.restore-copy',
      after: {
        originalReviewId: review.id,
        originalHeadHash: original.events.at(-1)?.hash,
        originalEvents: 12,
        originalChain: 'verified',
      },
    });
    expect(copy.events.slice(1).map((e) => [e.action, e.actor, e.at])).toEqual(
      original.events.map((e) => [e.action, e.actor, e.at]),
    );
    // Targets and …Id fields point into the copy.
    const raise = copy.events.find(
      (e) => e.action === 'redflag.raise' && (e.after as { claimId: unknown }).claimId,
    );
    expect(claimIds.has((raise?.after as { claimId?: string } | undefined)?.claimId ?? '')).toBe(true);
    const tagTargets = copy.events.filter((e) => e.action === 'claim.tag').map((e) => e.target.id);
    expect(tagTargets.every((id) => claimIds.has(id))).toBe(true);
  });
});

describe('all or nothing', () => {
  test('a write failing mid-merge leaves every table as it was', async () => {
    const db = fresh();
    await writeReview(db, 'Stored');
    const source = fresh();
    await writeReview(source, 'Acme');
    await writeReview(source, 'Globex', 100);
    await writeReview(source, 'Initech', 200);
    const backup = await backupOf(source);
    const before = await dump(db);

    const bulkPut = db.claims.bulkPut.bind(db.claims);
    let calls = 0;
    db.claims.bulkPut = ((...args: Parameters<typeof bulkPut>) => {
      calls++;
      if (calls === 3) throw new Error('The disk is on fire.');
      return bulkPut(...args);
    }) as typeof db.claims.bulkPut;

    await expect(restoreBackup(db, backup, 'merge')).rejects.toThrow('The disk is on fire.');
    expect(calls).toBe(3);
    expect(await dump(db)).toEqual(before);
  });

  test('a write failing mid-copy leaves every table as it was', async () => {
    const db = fresh();
    await writeReview(db, 'Acme');
    await writeReview(db, 'Globex', 100);
    const backup = await backupOf(db);
    const before = await dump(db);

    const bulkAdd = db.events.bulkAdd.bind(db.events);
    let calls = 0;
    db.events.bulkAdd = ((...args: Parameters<typeof bulkAdd>) => {
      calls++;
      if (calls === 2) return Promise.reject(new Error('Quota exceeded.'));
      return bulkAdd(...args);
    }) as typeof db.events.bulkAdd;

    await expect(restoreBackup(db, backup, 'copy')).rejects.toThrow('Quota exceeded.');
    expect(calls).toBe(2);
    expect(await dump(db)).toEqual(before);
  });
});
