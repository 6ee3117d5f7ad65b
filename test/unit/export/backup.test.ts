import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type AuditEvent, verifyChain } from '../../../src/core/audit-chain.ts';
import type { ExtractedClaim } from '../../../src/core/claim.ts';
import { backupDocument, backupJson } from '../../../src/export/backup.ts';
import { BACKUP_LIMITS, type Backup, parseBackup } from '../../../src/export/backup-schema.ts';
import type { ReviewSnapshot } from '../../../src/export/report.ts';
import { ReviewDatabase } from '../../../src/store/db.ts';
import { restoreBackup } from '../../../src/store/restore.ts';
import { readAllSnapshots, readSnapshot } from '../../../src/store/review-snapshot.ts';
import { createReview, recordSource } from '../../../src/store/reviews.ts';
import {
  keepClaim,
  raiseRedFlag,
  saveNote,
  setAssessment,
  setNotApplicable,
  setRedFlagResolved,
  setVerdictOverride,
} from '../../../src/store/workspace.ts';

const APP = { name: 'Vendor Review', version: '0.1.0' };
const T0 = Date.parse('2025-03-01T09:00:00.000Z');
/** A clock that moves one second per change, so every row has its own time. */
const clock = (start = T0) => {
  let t = start;
  return () => {
    t += 1000;
    return new Date(t);
  };
};

const databases: ReviewDatabase[] = [];
const fresh = () => {
  const db = new ReviewDatabase(`backup-${crypto.randomUUID()}`);
  databases.push(db);
  return db;
};
let db: ReviewDatabase;
beforeEach(() => {
  db = fresh();
});
afterEach(async () => {
  for (const d of databases.splice(0)) await d.delete();
});

const extracted = (text: string): ExtractedClaim => ({
  text,
  headingPath: ['Security', 'Identity'],
  structure: 'list-item',
  context: 'Access',
  selector: { exact: text, prefix: 'Before ', suffix: ' after', start: 10, end: 10 + text.length },
  fragment: `:~:text=${encodeURIComponent(text)}`,
  flags: { inCode: false, gated: true, hidden: false },
  origin: 'dom',
});

/** A review written through the workspace functions: every row type, and a real audit chain. */
async function writeReview(target: ReviewDatabase, vendor: string, now = clock()) {
  const review = await createReview(
    target,
    { vendor, domains: [`${vendor.toLowerCase()}.com`], template: 'full' },
    now(),
  );
  const trust = await recordSource(
    target,
    review.id,
    { url: `https://trust.${vendor}.com/`, title: 'Trust', textLength: 900 },
    now(),
  );
  const docs = await recordSource(
    target,
    review.id,
    { url: `https://docs.${vendor}.com/sso`, title: 'SSO', textLength: 300 },
    now(),
  );
  const keep = (sourceId: string, url: string, text: string) =>
    keepClaim(
      target,
      'Ada',
      { reviewId: review.id, sourceId, url, claim: extracted(text), origin: 'extracted' },
      now(),
    );
  const a = await keep(trust.id, trust.url, 'Tokens expire after 15 minutes.');
  const b = await keep(trust.id, trust.url, 'We take security very seriously.');
  const c = await keep(docs.id, docs.url, 'SCIM 2.0 provisioning is supported.');
  await setAssessment(target, 'Ada', a, 'jit-access', 'evidence', now());
  await setAssessment(target, 'Ada', a, 'revocation', 'evidence', now());
  await setAssessment(target, 'Bob', b, 'encryption', 'marketing', now());
  await setAssessment(target, 'Bob', c, 'sso-provisioning', 'evidence', now());
  const flag = await raiseRedFlag(
    target,
    'Ada',
    { reviewId: review.id, flag: 'long-lived-keys', claimId: b.id, note: 'ask' },
    now(),
  );
  await raiseRedFlag(target, 'Ada', { reviewId: review.id, flag: 'custom-engineering' }, now());
  await setRedFlagResolved(target, 'Ada', flag, true, now());
  await setNotApplicable(target, 'Ada', review.id, 'ai-guardrails', 'No AI features', now());
  await setVerdictOverride(
    target,
    'Ada',
    review.id,
    { verdict: 'governed-pilot', reason: 'Pilot only' },
    now(),
  );
  await saveNote(target, 'Ada', review.id, 'review', 'First call on Tuesday.', now());
  await saveNote(target, 'Ada', review.id, 'control:jit-access', 'Ask for the token TTL config.', now());
  await saveNote(target, 'Ada', review.id, `claim:${a.id}`, 'Quoted in the SOC 2 report.', now());
  return { review, claims: [a, b, c] };
}

/** A valid backup document as plain JSON data, to break in one place. */
async function validDoc(): Promise<{
  doc: Record<string, unknown> & { reviews: ReviewSnapshot[] };
  json: string;
}> {
  await writeReview(db, 'Acme');
  const json = backupJson(await readAllSnapshots(db), APP, new Date(T0));
  return { doc: JSON.parse(json), json };
}

const errorOf = async (text: string, opts?: { maxBytes?: number }) => {
  const result = await parseBackup(text, opts);
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.error;
};

describe('round trip', () => {
  test('write, snapshot, back up, parse, restore into a fresh database: the same rows and a chain that verifies', async () => {
    await writeReview(db, 'Acme');
    await writeReview(db, 'Globex', clock(T0 + 3_600_000));
    const snapshots = await readAllSnapshots(db);
    expect(snapshots.map((s) => s.review.vendor)).toEqual(['Globex', 'Acme']);
    const acme = snapshots[1] as ReviewSnapshot;
    expect(await readSnapshot(db, acme.review.id)).toEqual(acme);
    expect(acme.events.map((e) => e.seq)).toEqual(acme.events.map((_, i) => i + 1));
    expect(await readSnapshot(db, 'no-such-review')).toBeUndefined();

    const now = new Date(T0 + 86_400_000);
    const json = backupJson(snapshots, APP, now);
    const parsed = await parseBackup(json);
    expect(parsed).toEqual({ ok: true, backup: backupDocument(snapshots, APP, now), warnings: [] });
    if (!parsed.ok) return;

    const target = fresh();
    const report = await restoreBackup(target, parsed.backup, 'merge');
    const restored = await readAllSnapshots(target);
    expect(restored).toEqual(snapshots);
    for (const snapshot of restored) expect(await verifyChain(snapshot.events)).toMatchObject({ ok: true });
    expect(report.tables.claims).toEqual({ added: 6, updated: 0, skipped: 0 });
    expect(report.tables.events.added).toBe(snapshots.reduce((n, s) => n + s.events.length, 0));
    expect(report.reviews.map((r) => r.vendor)).toEqual(['Globex', 'Acme']);
  });

  test('a 10,000-claim review writes as compact JSON and reads back whole', async () => {
    const { doc } = await validDoc();
    const base = doc.reviews[0] as ReviewSnapshot;
    const claim = base.claims[0] as ReviewSnapshot['claims'][number];
    const big: ReviewSnapshot = {
      ...base,
      claims: Array.from({ length: 10_000 }, (_, i) => ({
        ...claim,
        id: `claim-${i}`,
        text: `${claim.text} ${i}`,
      })),
      assessments: [],
      redFlags: [],
      notes: [],
      events: [],
    };
    // Speed is measured in `npm run bench`, not here.
    const json = backupJson([big], APP);
    expect(json).not.toMatch(/\n {2}/);
    const parsed = await parseBackup(json);
    expect(parsed.ok && parsed.backup.reviews[0]?.claims.length).toBe(10_000);
  });
});

describe('version 1', () => {
  const v1 = {
    format: 'vendor-review-backup',
    version: 1,
    exportedAt: '2024-06-01T10:00:00.000Z',
    reviews: [
      {
        review: {
          id: 'r1',
          vendor: 'Initech',
          product: 'TPS',
          domains: ['initech.com'],
          template: 'ai-readiness',
          createdAt: '2024-05-01T10:00:00.000Z',
          updatedAt: '2024-05-02T10:00:00.000Z',
        },
        sources: [
          {
            id: 's1',
            reviewId: 'r1',
            url: 'https://trust.initech.com/',
            title: 'Trust',
            kind: 'trust-center',
            firstCapturedAt: '2024-05-01T10:00:00.000Z',
            lastCapturedAt: '2024-05-02T10:00:00.000Z',
            textLength: 100,
          },
        ],
      },
    ],
  };

  test('is migrated to version 3 with empty workspace and demo tables, and restores', async () => {
    const parsed = await parseBackup(JSON.stringify(v1));
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 1, warnings: [] });
    if (!parsed.ok) return;
    expect(parsed.backup.version).toBe(3);
    expect(parsed.backup.app).toEqual({ name: 'unknown', version: 'unknown' });
    expect(parsed.backup.reviews[0]).toEqual({
      ...v1.reviews[0],
      claims: [],
      assessments: [],
      redFlags: [],
      notes: [],
      events: [],
      demoSessions: [],
      attachments: [],
    });
    await restoreBackup(db, parsed.backup, 'merge');
    expect((await readSnapshot(db, 'r1'))?.sources).toEqual(v1.reviews[0]?.sources);
  });

  test('a version-1 file holding version-2 tables is refused, naming the field', async () => {
    const bad = structuredClone(v1) as { reviews: Array<Record<string, unknown>> };
    (bad.reviews[0] as Record<string, unknown>).claims = [];
    expect(await errorOf(JSON.stringify(bad))).toBe(
      'reviews[0].claims: is not a field of a version-1 backup (fields this extension does not know are refused) (review "Initech").',
    );
  });
});

describe('refused files say what and where', () => {
  test('a wrong type names the field, the review and the record', async () => {
    const { doc } = await validDoc();
    const claim = doc.reviews[0]?.claims[1] as unknown as { id: string; selector: Record<string, unknown> };
    claim.selector.exact = 5;
    expect(await errorOf(JSON.stringify(doc))).toBe(
      `reviews[0].claims[1].selector.exact: expected a string, found 5 (review "Acme", claim "${claim.id}").`,
    );
  });

  test('missing fields, unknown fields, bad ids, dates and lengths', async () => {
    const { doc } = await validDoc();
    const cases: Array<[(d: typeof doc) => void, RegExp]> = [
      [
        (d) => {
          delete ((d.reviews[0] as ReviewSnapshot).review as Partial<ReviewSnapshot['review']>).vendor;
        },
        /^reviews\[0\]\.review\.vendor: is missing\.$/,
      ],
      [
        (d) => Object.assign(d.reviews[0]?.notes[0] as object, { extra: 1 }),
        /^reviews\[0\]\.notes\[0\]\.extra: is not a field of a version-3 backup .*\(review "Acme", note ".+"\)\.$/,
      ],
      [
        (d) => Object.assign(d.reviews[0]?.assessments[0] as object, { control: 'world-peace' }),
        /^reviews\[0\]\.assessments\[0\]\.control: expected one of \("workload-identity" \| .*found "world-peace"/,
      ],
      [
        (d) => Object.assign(d.reviews[0]?.redFlags[0] as object, { flag: 'vibes' }),
        /^reviews\[0\]\.redFlags\[0\]\.flag: expected one of \("shared-identity"/,
      ],
      [
        (d) => Object.assign(d.reviews[0]?.review as object, { updatedAt: '2025-02-30T00:00:00.000Z' }),
        /^reviews\[0\]\.review\.updatedAt: expected a time like 2025-01-31T09:30:00\.000Z, found "2025-02-30/,
      ],
      [
        (d) =>
          Object.assign(d.reviews[0]?.claims[0] as object, { text: 'x'.repeat(BACKUP_LIMITS.claimText + 1) }),
        /^reviews\[0\]\.claims\[0\]\.text: is too long: 100001 characters, at most 100000 allowed \(review "Acme", claim/,
      ],
      [
        (d) => Object.assign(d.reviews[0]?.events[0] as object, { hash: 'abc' }),
        /events\[0\]\.hash: expected a SHA-256/,
      ],
      [
        (d) => Object.assign(d.reviews[0]?.events[0] as object, { seq: 0 }),
        /events\[0\]\.seq: must be at least 1, found 0/,
      ],
      [
        (d) => Object.assign(d.reviews[0]?.notes[0] as object, { scope: 'control:nope' }),
        /notes\[0\]\.scope: expected "review", "follow-up", "control:<control id>"/,
      ],
      [
        (d) => Object.assign(d, { app: 'Vendor Review' }),
        /^app: expected an object, found "Vendor Review"\.$/,
      ],
      [(d) => Object.assign(d, { exportedAt: 'yesterday' }), /^exportedAt: expected a time like/],
    ];
    for (const [breakIt, message] of cases) {
      const copy = structuredClone(doc);
      breakIt(copy);
      expect(await errorOf(JSON.stringify(copy))).toMatch(message);
    }
  });

  test('another version, format, or no version at all', async () => {
    const { doc } = await validDoc();
    expect(await errorOf(JSON.stringify({ ...doc, version: 7 }))).toBe(
      'This backup is version 7; this extension reads versions 1–3. Update the extension.',
    );
    expect(await errorOf(JSON.stringify({ ...doc, version: 0 }))).toBe(
      'This backup is version 0; this extension reads versions 1–3.',
    );
    expect(await errorOf(JSON.stringify({ ...doc, version: '3' }))).toBe(
      `The backup's version is "3", not a whole number; this extension reads versions 1–3.`,
    );
    expect(await errorOf(JSON.stringify({ ...doc, version: undefined }))).toBe(
      'The backup has no version; this extension reads versions 1–3.',
    );
    expect(await errorOf(JSON.stringify({ ...doc, format: 'something-else' }))).toBe(
      'The file is not a Vendor Review backup: its format is "something-else", expected "vendor-review-backup".',
    );
    expect(await errorOf('[1,2]')).toBe(
      'The file is not a Vendor Review backup: it holds a list, not an object.',
    );
  });

  test('truncated, not JSON, empty, oversized', async () => {
    const { json } = await validDoc();
    expect(await errorOf(json.slice(0, Math.floor(json.length / 2)))).toMatch(
      /^The file is not complete JSON \(it may be truncated\): ./,
    );
    expect(await errorOf(json.slice(0, json.lastIndexOf('"')))).toMatch(/truncated/);
    expect(await errorOf('hello')).toMatch(/^The file is not JSON: ./);
    expect(await errorOf('{"a":1}}')).toMatch(/^The file is not JSON: ./);
    expect(await errorOf('  \n')).toBe('The file is empty.');
    expect(await errorOf(json, { maxBytes: 1000 })).toBe(
      `The file is too large to restore: ${json.length.toLocaleString('en')} characters (${(json.length / 1048576).toFixed(1)} MB); the limit is 1,000 (0.0 MB).`,
    );
    // A byte-order mark in front is not an error.
    expect((await parseBackup(`\uFEFF${json}`)).ok).toBe(true);
  });

  test('duplicate ids and keys name the id and both places', async () => {
    const { doc } = await validDoc();
    const dupClaim = structuredClone(doc);
    const claims = dupClaim.reviews[0]?.claims as ReviewSnapshot['claims'];
    (claims[2] as { id: string }).id = (claims[0] as { id: string }).id;
    expect(await errorOf(JSON.stringify(dupClaim))).toBe(
      `reviews[0].claims[2].id: the id "${claims[0]?.id}" is used twice in claims (also at reviews[0].claims[0]) (review "Acme").`,
    );

    const dupReview = structuredClone(doc);
    dupReview.reviews.push(structuredClone(doc.reviews[0] as ReviewSnapshot));
    expect(await errorOf(JSON.stringify(dupReview))).toMatch(
      /^reviews\[1\]\.review\.id: the id ".+" is used twice \(also at reviews\[0\]\.review\)/,
    );

    const dupUrl = structuredClone(doc);
    const sources = dupUrl.reviews[0]?.sources as ReviewSnapshot['sources'];
    (sources[1] as { url: string }).url = sources[0]?.url as string;
    expect(await errorOf(JSON.stringify(dupUrl))).toMatch(
      /^reviews\[0\]\.sources\[1\]\.url: two sources have this URL \(also at reviews\[0\]\.sources\[0\]\.url\)/,
    );

    const dupSeq = structuredClone(doc);
    const events = dupSeq.reviews[0]?.events as ReviewSnapshot['events'];
    (events[3] as { seq: number }).seq = 3;
    expect(await errorOf(JSON.stringify(dupSeq))).toMatch(
      /^reviews\[0\]\.events\[3\]\.seq: two events are number 3/,
    );
  });

  test('references that point nowhere', async () => {
    const { doc } = await validDoc();
    const cases: Array<[(s: ReviewSnapshot) => void, RegExp]> = [
      [
        (s) => Object.assign(s.claims[0] as object, { reviewId: 'other' }),
        /^reviews\[0\]\.claims\[0\]\.reviewId: "other" is not the id of the review it is listed under/,
      ],
      [
        (s) => Object.assign(s.claims[0] as object, { sourceId: 'gone' }),
        /^reviews\[0\]\.claims\[0\]\.sourceId: no source of this review has the id "gone" \(review "Acme"\)\.$/,
      ],
      [
        (s) => Object.assign(s.assessments[1] as object, { claimId: 'gone' }),
        /^reviews\[0\]\.assessments\[1\]\.claimId: no claim of this review has the id "gone"/,
      ],
      [
        (s) => Object.assign(s.redFlags[0] as object, { claimId: 'gone' }),
        /^reviews\[0\]\.redFlags\[0\]\.claimId: no claim/,
      ],
      [
        (s) =>
          Object.assign(s.notes.find((n) => n.scope.startsWith('claim:')) as object, { scope: 'claim:gone' }),
        /notes\[\d\]\.scope: no claim of this review has the id "gone"/,
      ],
      [
        (s) => Object.assign(s.events[0] as object, { reviewId: 'other' }),
        /^reviews\[0\]\.events\[0\]\.reviewId: "other" is not/,
      ],
    ];
    for (const [breakIt, message] of cases) {
      const copy = structuredClone(doc);
      breakIt(copy.reviews[0] as ReviewSnapshot);
      expect(await errorOf(JSON.stringify(copy))).toMatch(message);
    }
  });

  test('10,000-deep nesting anywhere is refused without throwing', async () => {
    const { doc } = await validDoc();
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const withValue = (place: (s: ReviewSnapshot) => void, nested: string) => {
      const copy = structuredClone(doc);
      place(copy.reviews[0] as ReviewSnapshot);
      return JSON.stringify(copy).replace('"__DEEP__"', nested);
    };
    const noteText = (s: ReviewSnapshot) => Object.assign(s.notes[0] as object, { text: '__DEEP__' });
    const eventAfter = (s: ReviewSnapshot) => Object.assign(s.events[1] as object, { after: '__DEEP__' });
    const unknownField = (s: ReviewSnapshot) => Object.assign(s.claims[0] as object, { extra: '__DEEP__' });
    const headings = (s: ReviewSnapshot) => Object.assign(s.claims[0] as object, { headingPath: '__DEEP__' });

    expect(await errorOf(withValue(noteText, deep))).toMatch(
      /^reviews\[0\]\.notes\[0\]\.text: expected a string, found a list/,
    );
    expect(await errorOf(withValue(eventAfter, deep))).toMatch(
      /^reviews\[0\]\.events\[1\]\.after: is nested more than 64 levels deep/,
    );
    expect(await errorOf(withValue(eventAfter, deepObject))).toMatch(/is nested more than 64 levels deep/);
    expect(await errorOf(withValue(unknownField, deepObject))).toMatch(/claims\[0\]\.extra: is not a field/);
    expect(await errorOf(withValue(headings, deep))).toMatch(
      /claims\[0\]\.headingPath\[0\]: expected a string, found a list/,
    );
    // JSON nested 64 deep in an event is still JSON: it is the audit chain that then does not verify.
    const ok = await parseBackup(withValue(eventAfter, `${'['.repeat(63)}${']'.repeat(63)}`));
    expect(ok.ok).toBe(true);
  });

  test('a number too large for JSON inside an event is refused', async () => {
    const { doc } = await validDoc();
    const text = JSON.stringify(doc).replace(/"after":\{/, '"after":{"big":1e400,');
    expect(await errorOf(text)).toMatch(/events\[0\]\.after: holds a number too large for JSON/);
  });
});

describe('audit chains', () => {
  test('a broken chain is restorable, with a warning naming the review and the event', async () => {
    const { doc } = await validDoc();
    const events = doc.reviews[0]?.events as AuditEvent[];
    (events[2] as { actor: string }).actor = 'Mallory';
    const parsed = await parseBackup(JSON.stringify(doc));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.warnings).toEqual([
      `The audit trail of review "Acme" (reviews[0]) breaks at event 3 (id "${events[2]?.id}"): the event was changed after it was written. It can be restored as it is; verifying it afterwards will show the same break.`,
    ]);
    const backup: Backup = parsed.backup;
    await restoreBackup(fresh(), backup, 'merge');
  });
});
