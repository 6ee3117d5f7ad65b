/**
 * Live demos through backup and restore: demo sessions, demo entries and screenshots survive a
 * round trip byte for byte; an image that does not match its SHA-256 rejects the whole restore;
 * version-2 backups migrate; a copy remaps every demo reference; removals are never undone.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { verifyChain } from '../../../src/core/audit-chain.ts';
import { backupJson } from '../../../src/export/backup.ts';
import { type Backup, parseBackup } from '../../../src/export/backup-schema.ts';
import type { ReviewSnapshot } from '../../../src/export/report.ts';
import { ReviewDatabase } from '../../../src/store/db.ts';
import { restoreBackup } from '../../../src/store/restore.ts';
import { readAllSnapshots, readSnapshot } from '../../../src/store/review-snapshot.ts';
import { createReview } from '../../../src/store/reviews.ts';
import { PNG_BASE64, pngBytes, type WrittenDemo, writeDemo } from './demo-fixture.ts';

const APP = { name: 'Vendor Review', version: '0.1.0' };
const T0 = Date.parse('2025-11-26T09:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

const databases: ReviewDatabase[] = [];
const fresh = () => {
  const db = new ReviewDatabase(`demo-backup-${crypto.randomUUID()}`);
  databases.push(db);
  return db;
};
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** A review with a demo in it. */
async function withDemo(
  db: ReviewDatabase,
  vendor = 'Acme',
): Promise<{ reviewId: string; demo: WrittenDemo }> {
  const review = await createReview(db, { vendor, domains: [`${vendor.toLowerCase()}.com`] }, at(0));
  return { reviewId: review.id, demo: await writeDemo(db, review.id, at(10)) };
}

/** The backup text of a database, and the parsed backup a restore gets. */
async function backupOf(db: ReviewDatabase): Promise<{ json: string; backup: Backup }> {
  const json = backupJson(await readAllSnapshots(db), APP, at(100_000));
  const parsed = await parseBackup(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return { json, backup: parsed.backup };
}

/** Every table, every row, sorted by id; Blobs as their type and bytes, so two dumps compare by content. */
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
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = (await table.toArray()).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    out[table.name] = await Promise.all(
      rows.map(async (row) => {
        const plain: Record<string, unknown> = { ...row };
        for (const [key, value] of Object.entries(plain)) {
          if (value instanceof Blob) {
            plain[key] = { type: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] };
          }
        }
        return plain;
      }),
    );
  }
  return out;
}

const blobBytes = async (blob: Blob | undefined) => [...new Uint8Array((await blob?.arrayBuffer()) ?? [])];

describe('round trip', () => {
  test('sessions, entries and both screenshots come back as written, the image byte for byte', async () => {
    const db = fresh();
    const { reviewId, demo } = await withDemo(db);
    const [kept, removed] = demo.shots;

    const snapshot = (await readSnapshot(db, reviewId)) as ReviewSnapshot;
    expect(snapshot.demoSessions.map((s) => s.id).sort()).toEqual(demo.sessions.map((s) => s.id).sort());
    expect(snapshot.claims.filter((c) => c.origin === 'demo')).toHaveLength(4);
    // The exported screenshot: no Blobs, the image as base64, a removed one with no image.
    const { blob: _b, thumb: _t, ...keptRecord } = kept;
    expect(snapshot.attachments.find((a) => a.id === kept.id)).toEqual({ ...keptRecord, data: PNG_BASE64 });
    expect(snapshot.attachments.find((a) => a.id === removed.id)).toEqual(removed);
    expect(await readAllSnapshots(db)).toEqual([snapshot]);

    const { json, backup } = await backupOf(db);
    expect(JSON.parse(json).version).toBe(3);
    expect(backup.reviews).toEqual([snapshot]);

    const target = fresh();
    const report = await restoreBackup(target, backup, 'merge');
    expect(report.tables.demoSessions).toEqual({ added: 2, updated: 0, skipped: 0 });
    expect(report.tables.attachments).toEqual({ added: 2, updated: 0, skipped: 0 });
    expect(report.tables.claims).toEqual({ added: 4, updated: 0, skipped: 0 });

    // Every row as written, except the preview, which a backup does not carry.
    const { thumb: _thumb, ...keptStored } = kept;
    const withoutThumb = fresh();
    await withoutThumb.attachments.bulkAdd([keptStored, removed]);
    expect(await dump(target)).toEqual({
      ...(await dump(db)),
      attachments: (await dump(withoutThumb)).attachments,
    });

    const restored = await target.attachments.get(kept.id);
    expect(restored?.blob?.type).toBe('image/png');
    expect(await blobBytes(restored?.blob)).toEqual([...pngBytes()]);
    expect(restored?.thumb).toBeUndefined();
    expect((await target.attachments.get(removed.id))?.blob).toBeUndefined();
    expect(await readSnapshot(target, reviewId)).toEqual(snapshot);
    expect(await verifyChain(snapshot.events)).toMatchObject({ ok: true });
  });
});

describe('an image that does not match its SHA-256', () => {
  /** The backup with the kept screenshot's image swapped for other bytes of the same size. */
  async function tampered(db: ReviewDatabase, keptId: string): Promise<{ backup: Backup; index: number }> {
    const { json } = await backupOf(db);
    const doc = JSON.parse(json) as { reviews: ReviewSnapshot[] };
    const shots = doc.reviews[0]?.attachments as ReviewSnapshot['attachments'];
    const index = shots.findIndex((a) => a.id === keptId);
    const bytes = pngBytes();
    bytes[bytes.length - 1] = (bytes.at(-1) as number) ^ 0xff;
    (shots[index] as { data?: string }).data = btoa(String.fromCharCode(...bytes));
    const parsed = await parseBackup(JSON.stringify(doc));
    // The file itself is well formed: it is the restore that checks the image against its hash.
    if (!parsed.ok) throw new Error(parsed.error);
    return { backup: parsed.backup, index };
  }

  test.each(['merge', 'copy'] as const)(
    'rejects the whole restore (%s), naming the record; nothing is written',
    async (mode) => {
      const source = fresh();
      const { demo } = await withDemo(source);
      const { backup, index } = await tampered(source, demo.shots[0].id);

      const target = fresh();
      await withDemo(target, 'Globex');
      const before = await dump(target);
      await expect(restoreBackup(target, backup, mode)).rejects.toThrow(
        new RegExp(
          `^reviews\\[0\\]\\.attachments\\[${index}\\]\\.sha256: the image does not match its SHA-256 \\(review "Acme", attachment "${demo.shots[0].id}"\\)`,
        ),
      );
      expect(await dump(target)).toEqual(before);
    },
  );
});

describe('version 2', () => {
  /** A version-2 backup: the current one without the demo rows, as the previous extension wrote it. */
  async function v2Doc() {
    const db = fresh();
    await createReview(db, { vendor: 'Initech', domains: ['initech.com'] }, at(0));
    const doc = JSON.parse((await backupOf(db)).json) as Record<string, unknown> & {
      reviews: Array<Record<string, unknown>>;
    };
    doc.version = 2;
    for (const review of doc.reviews) {
      delete review.demoSessions;
      delete review.attachments;
    }
    return doc;
  }

  test('migrates to version 3 with empty demo tables, no warning, and restores', async () => {
    const doc = await v2Doc();
    const parsed = await parseBackup(JSON.stringify(doc));
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 2, warnings: [] });
    if (!parsed.ok) return;
    expect(parsed.backup.version).toBe(3);
    expect(parsed.backup.reviews[0]).toEqual({ ...doc.reviews[0], demoSessions: [], attachments: [] });
    const target = fresh();
    const report = await restoreBackup(target, parsed.backup, 'merge');
    expect(report.tables.reviews.added).toBe(1);
    expect(await target.demoSessions.count()).toBe(0);
  });

  test('a version-2 file holding demo rows is refused, naming the field', async () => {
    const doc = await v2Doc();
    (doc.reviews[0] as Record<string, unknown>).demoSessions = [];
    expect(await parseBackup(JSON.stringify(doc))).toEqual({
      ok: false,
      error:
        'reviews[0].demoSessions: is not a field of a version-2 backup (fields this extension does not know are refused) (review "Initech").',
    });
  });
});

describe('copy', () => {
  test('fresh ids for sessions and screenshots; entries, stamps and screenshots point into the copy', async () => {
    const db = fresh();
    const { reviewId, demo } = await withDemo(db);
    const original = (await readSnapshot(db, reviewId)) as ReviewSnapshot;
    const { backup } = await backupOf(db);

    const report = await restoreBackup(db, backup, 'copy', at(200_000));
    expect(report.tables.demoSessions).toEqual({ added: 2, updated: 0, skipped: 0 });
    expect(report.tables.attachments).toEqual({ added: 2, updated: 0, skipped: 0 });
    const copyId = report.reviews[0]?.reviewId as string;
    const copy = (await readSnapshot(db, copyId)) as ReviewSnapshot;
    expect(await readSnapshot(db, reviewId)).toEqual(original);

    const oldIds = new Set([
      ...original.demoSessions.map((s) => s.id),
      ...original.claims.map((c) => c.id),
      ...original.attachments.map((a) => a.id),
    ]);
    const sessionIds = new Set(copy.demoSessions.map((s) => s.id));
    const claimIds = new Set(copy.claims.map((c) => c.id));
    expect(
      [...sessionIds, ...claimIds, ...copy.attachments.map((a) => a.id)].filter((id) => oldIds.has(id)),
    ).toEqual([]);
    expect(copy.demoSessions.every((s) => s.reviewId === copyId)).toBe(true);
    const entries = copy.claims.filter((c) => c.origin === 'demo');
    expect(entries).toHaveLength(4);
    for (const entry of entries) {
      expect(sessionIds.has(entry.sourceId)).toBe(true);
      expect(entry.demo?.sessionId).toBe(entry.sourceId);
    }
    for (const shot of copy.attachments) {
      expect(shot.reviewId).toBe(copyId);
      expect(sessionIds.has(shot.sessionId as string)).toBe(true);
      expect(claimIds.has(shot.claimId as string)).toBe(true);
    }
    // The copy's screenshots are the original's, shown on the same entries (by text) in the same sessions (by title).
    const placed = (s: ReviewSnapshot) =>
      s.attachments
        .map((a) => ({
          sha256: a.sha256,
          data: a.data,
          removed: a.removed,
          entry: s.claims.find((c) => c.id === a.claimId)?.text,
          session: s.demoSessions.find((x) => x.id === a.sessionId)?.title,
        }))
        .sort((x, y) => (x.sha256 < y.sha256 ? -1 : 1));
    expect(placed(copy)).toEqual(placed(original));
    const keptCopy = copy.attachments.find((a) => a.sha256 === demo.shots[0].sha256);
    expect(await blobBytes((await db.attachments.get(keptCopy?.id as string))?.blob)).toEqual([
      ...pngBytes(),
    ]);
  });
});

describe('merge', () => {
  test('a removal in the backup removes the stored image; an older backup never brings a removed image back', async () => {
    const db = fresh();
    const { demo } = await withDemo(db);
    const [kept] = demo.shots;
    const older = (await backupOf(db)).backup;

    // Elsewhere, the kept screenshot is removed later.
    const other = fresh();
    await restoreBackup(other, older, 'merge');
    const { blob: _blob, thumb: _thumb, ...record } = (await other.attachments.get(kept.id)) as typeof kept;
    await other.attachments.put({
      ...record,
      removed: { at: at(50_000).toISOString(), by: 'Bob', reason: 'Wrong tab.' },
    });
    const newer = (await backupOf(other)).backup;

    const report = await restoreBackup(db, newer, 'merge', at(60_000));
    expect(report.tables.attachments).toEqual({ added: 0, updated: 1, skipped: 1 });
    const stored = await db.attachments.get(kept.id);
    expect(stored?.removed?.reason).toBe('Wrong tab.');
    expect(stored?.blob).toBeUndefined();

    const again = await restoreBackup(db, older, 'merge', at(70_000));
    expect(again.tables.attachments).toEqual({ added: 0, updated: 0, skipped: 2 });
    expect((await db.attachments.get(kept.id))?.blob).toBeUndefined();
  });

  test('an entry whose session is stored under another review is skipped, with its screenshots', async () => {
    const db = fresh();
    const { demo } = await withDemo(db, 'Globex');
    const source = fresh();
    const review = await createReview(source, { vendor: 'Acme', domains: ['acme.com'] }, at(0));
    // The backup's session has Globex's session id: neither it nor what refers to it may touch Globex.
    await writeDemo(source, review.id, at(10));
    const { json } = await backupOf(source);
    const doc = JSON.parse(json) as { reviews: ReviewSnapshot[] };
    const snapshot = doc.reviews[0] as ReviewSnapshot;
    const taken = demo.sessions[0].id;
    const mine = snapshot.demoSessions.find((s) => s.title === demo.sessions[0].title)?.id as string;
    const swap = (id: string | undefined) => (id === mine ? taken : id);
    for (const s of snapshot.demoSessions) s.id = swap(s.id) as string;
    for (const c of snapshot.claims) {
      c.sourceId = swap(c.sourceId) as string;
      if (c.demo) c.demo.sessionId = swap(c.demo.sessionId) as string;
    }
    for (const a of snapshot.attachments) if (a.sessionId) a.sessionId = swap(a.sessionId);
    const parsed = await parseBackup(JSON.stringify(doc));
    if (!parsed.ok) throw new Error(parsed.error);
    const globexBefore = await readSnapshot(db, demo.sessions[0].reviewId);

    const report = await restoreBackup(db, parsed.backup, 'merge');
    expect(report.tables.demoSessions).toEqual({ added: 1, updated: 0, skipped: 1 });
    // Three entries were in the taken session; the fourth is in the other one.
    expect(report.tables.claims).toEqual({ added: 1, updated: 0, skipped: 3 });
    expect(report.tables.attachments).toEqual({ added: 0, updated: 0, skipped: 2 });
    expect(report.reviews[0]?.notes).toContain(
      '1 skipped as a conflict (demoSessions: its id or key belongs to another review).',
    );
    expect(await readSnapshot(db, demo.sessions[0].reviewId)).toEqual(globexBefore);
  });
});

describe('refused demo rows say what and where', () => {
  test('bad hashes, types, images, stamps and references', async () => {
    const db = fresh();
    await withDemo(db);
    const doc = JSON.parse((await backupOf(db)).json) as { reviews: ReviewSnapshot[] };
    const base = doc.reviews[0] as ReviewSnapshot;
    const keptIndex = base.attachments.findIndex((a) => a.data !== undefined);
    const removedIndex = 1 - keptIndex;
    const evidenceIndex = base.claims.findIndex(
      (c) => c.demo?.kind === 'evidence' && c.demo.control === 'tenant-isolation',
    );
    const cases: Array<[(s: ReviewSnapshot) => void, RegExp]> = [
      [
        (s) => Object.assign(s.attachments[keptIndex] as object, { sha256: 'A'.repeat(64) }),
        new RegExp(
          `^reviews\\[0\\]\\.attachments\\[${keptIndex}\\]\\.sha256: expected a SHA-256 .*\\(review "Acme", attachment ".+"\\)\\.$`,
        ),
      ],
      [
        (s) => Object.assign(s.attachments[keptIndex] as object, { mime: 'image/svg+xml' }),
        /attachments\[\d\]\.mime: expected one of \("image\/png" \| "image\/jpeg"\), found "image\/svg\+xml"/,
      ],
      [
        (s) => Object.assign(s.attachments[keptIndex] as object, { data: `${PNG_BASE64.slice(0, -4)}"><x` }),
        /attachments\[\d\]\.data: expected an image as base64/,
      ],
      [
        (s) => Object.assign(s.attachments[removedIndex] as object, { data: PNG_BASE64 }),
        new RegExp(
          `^reviews\\[0\\]\\.attachments\\[${removedIndex}\\]\\.data: a removed screenshot carries no image \\(review "Acme"\\)\\.$`,
        ),
      ],
      [
        (s) => Object.assign(s.attachments[keptIndex] as object, { size: 5 }),
        /attachments\[\d\]\.size: the image is 70 bytes, not 5/,
      ],
      [
        (s) => Object.assign(s.attachments[keptIndex] as object, { claimId: 'gone' }),
        /attachments\[\d\]\.claimId: no claim of this review has the id "gone"/,
      ],
      [
        (s) => Object.assign(s.attachments[keptIndex] as object, { sessionId: 'gone' }),
        /attachments\[\d\]\.sessionId: no demo session of this review has the id "gone"/,
      ],
      [
        (s) =>
          Object.assign(s.attachments[keptIndex] as object, { removed: { at: 'now', by: 'x', reason: 'y' } }),
        /attachments\[\d\]\.removed\.at: expected a time like/,
      ],
      [
        (s) => Object.assign(s.claims[evidenceIndex]?.demo as object, { offsetMs: -1 }),
        /claims\[\d\]\.demo\.offsetMs: must be at least 0, found -1 \(review "Acme", claim ".+"\)\.$/,
      ],
      [
        (s) => Object.assign(s.claims[evidenceIndex]?.demo as object, { offsetMs: 1.5 }),
        /claims\[\d\]\.demo\.offsetMs: expected a whole number, found 1\.5/,
      ],
      [
        (s) => Object.assign(s.claims[evidenceIndex]?.demo as object, { control: 'world-peace' }),
        /claims\[\d\]\.demo\.control: expected one of/,
      ],
      [
        (s) => Object.assign(s.claims[evidenceIndex]?.demo as object, { basis: 'hinted' }),
        /claims\[\d\]\.demo\.basis: expected one of \("said" \| "shown"\)/,
      ],
      [
        (s) => Object.assign(s.claims[evidenceIndex]?.demo as object, { sessionId: 'gone' }),
        /claims\[\d\]\.demo\.sessionId: no demo session of this review has the id "gone"/,
      ],
      [
        (s) => Object.assign(s.claims[evidenceIndex] as object, { sourceId: 'gone' }),
        /claims\[\d\]\.sourceId: no demo session of this review has the id "gone"/,
      ],
      [
        (s) => Object.assign(s.demoSessions[0] as object, { stoppedAt: 'later' }),
        /^reviews\[0\]\.demoSessions\[0\]\.stoppedAt: expected a time like .*\(review "Acme", demo session ".+"\)\.$/,
      ],
      [
        (s) => Object.assign(s.demoSessions[1] as object, { id: s.demoSessions[0]?.id }),
        /^reviews\[0\]\.demoSessions\[1\]\.id: the id ".+" is used twice in demoSessions/,
      ],
      [
        (s) => Object.assign(s.notes[0] as object, { scope: 'follow-ups' }),
        /notes\[0\]\.scope: expected "review", "follow-up"/,
      ],
    ];
    for (const [breakIt, message] of cases) {
      const copy = structuredClone(doc);
      breakIt(copy.reviews[0] as ReviewSnapshot);
      const result = await parseBackup(JSON.stringify(copy));
      expect(result.ok ? 'accepted' : result.error).toMatch(message);
    }
  });
});
