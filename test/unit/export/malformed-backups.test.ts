/**
 * Generated malformed backups, by category: each must be refused with a message, never throw, and
 * never touch the database. The count of backups tried is asserted (and quoted in SECURITY.md).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtractedClaim } from '../../../src/core/claim.ts';
import { backupJson } from '../../../src/export/backup.ts';
import { BACKUP_VERSION, parseBackup } from '../../../src/export/backup-schema.ts';
import { ReviewDatabase } from '../../../src/store/db.ts';
import { readAllSnapshots } from '../../../src/store/review-snapshot.ts';
import { createReview, recordSource } from '../../../src/store/reviews.ts';
import { keepClaim, raiseRedFlag, saveNote, setAssessment } from '../../../src/store/workspace.ts';
import { writeDemo } from '../store/demo-fixture.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

const RUNS_PER_CATEGORY = 25;
const SAMPLE_WITH_DATABASE = 50;
let tried = 0;

let db: ReviewDatabase;
let validJson: string;
let valid: { [key: string]: Json };
/** Every path in the valid backup, with the value there. */
let paths: Array<{ path: Path; value: Json }>;

const T0 = Date.parse('2025-03-01T09:00:00.000Z');
const extracted = (text: string): ExtractedClaim => ({
  text,
  headingPath: ['Security'],
  structure: 'sentence',
  context: 'Identity',
  selector: { exact: text, prefix: 'a', suffix: 'b', start: 1, end: 1 + text.length },
  fragment: `:~:text=${encodeURIComponent(text)}`,
  flags: { inCode: false, gated: false, hidden: true },
  origin: 'dom',
});

beforeAll(async () => {
  db = new ReviewDatabase(`malformed-${crypto.randomUUID()}`);
  let t = T0;
  const now = () => {
    t += 1000;
    return new Date(t);
  };
  // Two of every row type, so duplicates can be made in every table.
  const review = await createReview(db, { vendor: 'Acme', domains: ['acme.com'], template: 'full' }, now());
  const trust = await recordSource(
    db,
    review.id,
    { url: 'https://trust.acme.com/', title: 'Trust', textLength: 9 },
    now(),
  );
  const docs = await recordSource(
    db,
    review.id,
    { url: 'https://docs.acme.com/', title: 'Docs', textLength: 3 },
    now(),
  );
  const a = await keepClaim(
    db,
    'Ada',
    {
      reviewId: review.id,
      sourceId: trust.id,
      url: trust.url,
      claim: extracted('Keys rotate daily.'),
      origin: 'extracted',
      suggestion: {
        controls: [{ id: 'revocation', score: 2 }],
        kind: 'evidence',
        cues: [{ start: 0, end: 4, text: 'Keys', type: 'control', label: 'revocation' }],
        redFlags: [],
      },
    },
    now(),
  );
  const b = await keepClaim(
    db,
    'Ada',
    {
      reviewId: review.id,
      sourceId: docs.id,
      url: docs.url,
      claim: extracted('SSO via SAML.'),
      origin: 'selection',
    },
    now(),
  );
  await setAssessment(db, 'Ada', a, 'revocation', 'evidence', now());
  await setAssessment(db, 'Ada', b, 'sso-provisioning', 'marketing', now());
  await raiseRedFlag(db, 'Ada', { reviewId: review.id, flag: 'long-lived-keys', claimId: a.id }, now());
  await raiseRedFlag(db, 'Ada', { reviewId: review.id, flag: 'manual-revocation' }, now());
  await saveNote(db, 'Ada', review.id, 'review', 'Call on Tuesday.', now());
  await saveNote(db, 'Ada', review.id, `claim:${b.id}`, 'Which IdPs?', now());
  // Two demo sessions, demo entries, a kept and a removed screenshot: their fields are generated over too.
  await writeDemo(db, review.id, now());
  validJson = backupJson(
    await readAllSnapshots(db),
    { name: 'Vendor Review', version: '0.1.0' },
    new Date(T0),
  );
  valid = JSON.parse(validJson);
  paths = [];
  const walk = (value: Json, path: Path) => {
    paths.push({ path, value });
    if (Array.isArray(value)) for (const [i, item] of value.entries()) walk(item, [...path, i]);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(valid, []);
  expect((await parseBackup(validJson)).ok).toBe(true);
  const rows = (valid.reviews as Array<Record<string, Json[]>>)[0] as Record<string, Json[]>;
  expect([rows.demoSessions?.length, rows.attachments?.length]).toEqual([2, 2]);
});

afterAll(async () => {
  await db.delete();
});

/** Event before/after hold any JSON: a wrong type there is not wrong. */
const inFreeJson = (path: Path) => path.some((key) => key === 'before' || key === 'after');
/** Fields a row may leave out (per table, since red flags' claimId is optional and assessments' is not). */
const OPTIONAL = new Set([
  'claims.context',
  'claims.fragment',
  'claims.suggestion',
  'claims.start',
  'claims.end',
  'redFlags.claimId',
  'review.notApplicable',
  'review.verdictOverride',
  'events.before',
  'events.after',
  'claims.demo',
  'claims.control',
  'claims.redFlag',
  'demoSessions.stoppedAt',
  'attachments.sessionId',
  'attachments.claimId',
  'attachments.control',
  'attachments.tabTitle',
  'attachments.tabUrl',
  'attachments.width',
  'attachments.height',
  'attachments.data',
  'attachments.removed',
]);
const isOptional = (path: Path) => {
  const key = path.at(-1);
  const table = path.find(
    (k) =>
      typeof k === 'string' &&
      ['claims', 'redFlags', 'review', 'events', 'demoSessions', 'attachments'].includes(k),
  );
  return OPTIONAL.has(`${String(table)}.${String(key)}`);
};

const setAt = (root: Json, path: Path, value: Json | undefined) => {
  const parent = path
    .slice(0, -1)
    .reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, root);
  const key = path.at(-1) as string | number;
  if (value === undefined) delete (parent as Record<string, Json>)[key];
  else (parent as Record<string | number, Json>)[key] = value;
};
const edited = (edit: (doc: { [key: string]: Json }) => void) => {
  const doc = structuredClone(valid);
  edit(doc);
  return JSON.stringify(doc);
};

/** A value of another JSON type than `value`. */
const otherType = (value: Json) =>
  fc
    .oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string({ maxLength: 8 }),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
    )
    .filter((other) => kind(other) !== kind(value));
const kind = (value: Json) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

const pathIndex = (filter: (p: { path: Path; value: Json }) => boolean) => {
  return fc.nat().map((n) => {
    const candidates = paths.filter(filter);
    return candidates[n % candidates.length] as { path: Path; value: Json };
  });
};

const deepText = (depth: number, object: boolean) =>
  object ? `${'{"x":'.repeat(depth)}0${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Stands for the index of the first demo entry among the claims (known only once the backup is written). */
const DEMO_CLAIM = 'the first demo claim';
const demoClaimIndex = (doc: { [key: string]: Json }) =>
  ((doc.reviews as Array<{ claims: Array<{ origin: string }> }>)[0]?.claims ?? []).findIndex(
    (c) => c.origin === 'demo',
  );

const TABLES = [
  'sources',
  'claims',
  'assessments',
  'redFlags',
  'notes',
  'events',
  'demoSessions',
  'attachments',
] as const;

/** Each category: a generator of malformed backup text. */
const categories: Record<string, fc.Arbitrary<string>> = {
  'wrong type at a random path': pathIndex((p) => p.path.length > 0 && !inFreeJson(p.path)).chain(
    ({ path, value }) => otherType(value).map((other) => edited((doc) => setAt(doc, path, other))),
  ),
  'a required field missing': pathIndex(
    (p) => typeof p.path.at(-1) === 'string' && !inFreeJson(p.path) && !isOptional(p.path),
  ).map(({ path }) => edited((doc) => setAt(doc, path, undefined))),
  'a string over its cap': fc
    .tuple(
      pathIndex((p) => typeof p.value === 'string' && !inFreeJson(p.path)),
      fc.integer({ min: 1, max: 1000 }),
    )
    .map(([{ path }, extra]) => edited((doc) => setAt(doc, path, 'x'.repeat(1_000_000 + extra)))),
  'deep nesting at a random path': fc
    .tuple(
      pathIndex((p) => p.path.length > 0),
      fc.integer({ min: 100, max: 20_000 }),
      fc.boolean(),
    )
    .map(([{ path }, depth, object]) =>
      edited((doc) => setAt(doc, path, '__DEEP__')).replace('"__DEEP__"', deepText(depth, object)),
    ),
  'a duplicate id': fc.constantFrom('reviews', ...TABLES).map((table) =>
    edited((doc) => {
      const reviews = doc.reviews as Array<Record<string, Json>>;
      if (table === 'reviews') reviews.push(structuredClone(reviews[0] as Record<string, Json>));
      else {
        const rows = (reviews[0] as Record<string, Array<{ id: string }>>)[table] as Array<{ id: string }>;
        (rows[1] as { id: string }).id = (rows[0] as { id: string }).id;
      }
    }),
  ),
  'a wrong or absent version': fc
    .oneof(
      fc.constant(undefined),
      fc.integer().filter((n) => n !== BACKUP_VERSION),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => n !== BACKUP_VERSION),
      fc.string({ maxLength: 4 }),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.integer(), { maxLength: 2 }),
    )
    .map((version) => edited((doc) => setAt(doc, ['version'], version as Json | undefined))),
  'a wrong or absent format': fc
    .oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.constant(null),
      fc.constant('Vendor-Review-Backup'),
    )
    .filter((format) => format !== 'vendor-review-backup')
    .map((format) => edited((doc) => setAt(doc, ['format'], format as Json | undefined))),
  'truncated text': fc.nat().map((n) => {
    const text = validJson.trimEnd();
    return text.slice(0, n % text.length);
  }),
  'a random JSON value': fc.jsonValue().map((value) => JSON.stringify(value)),
  'random text': fc.string({ maxLength: 200 }),
  'a dangling reference': fc
    .constantFrom<Path>(
      ['claims', 0, 'sourceId'],
      ['assessments', 1, 'claimId'],
      ['redFlags', 0, 'claimId'],
      ['notes', 1, 'scope'],
      ['events', 2, 'reviewId'],
      ['sources', 0, 'reviewId'],
      ['claims', DEMO_CLAIM, 'sourceId'],
      ['claims', DEMO_CLAIM, 'demo', 'sessionId'],
      ['attachments', 0, 'claimId'],
      ['attachments', 1, 'sessionId'],
      ['demoSessions', 0, 'reviewId'],
    )
    .chain((tail) =>
      fc.uuid().map((id) =>
        edited((doc) => {
          const path = ['reviews', 0, ...tail].map((key) => (key === DEMO_CLAIM ? demoClaimIndex(doc) : key));
          setAt(doc, path, tail.at(-1) === 'scope' ? `claim:${id}` : id);
        }),
      ),
    ),
};

/** Parses one malformed backup: refused with a message, and never a throw. */
async function refused(text: string) {
  tried++;
  const result = await parseBackup(text);
  expect(result.ok).toBe(false);
  expect(result.ok ? '' : result.error.trim().length).toBeGreaterThan(0);
  return result;
}

describe('malformed backups are refused with a message, never a throw', () => {
  for (const [name, arbitrary] of Object.entries(categories)) {
    test(name, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (text) => {
          await refused(text);
        }),
        { numRuns: RUNS_PER_CATEGORY },
      );
    });
  }

  test(`a sample of ${SAMPLE_WITH_DATABASE} leaves the database exactly as it was`, async () => {
    const dump = async () =>
      JSON.stringify(
        await Promise.all(
          [
            db.reviews,
            db.sources,
            db.claims,
            db.assessments,
            db.redFlags,
            db.notes,
            db.events,
            db.demoSessions,
            db.attachments,
          ].map(async (table) => (await table.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1))),
        ),
      );
    const before = await dump();
    await fc.assert(
      fc.asyncProperty(fc.oneof(...Object.values(categories)), async (text) => {
        await refused(text);
        expect(await dump()).toBe(before);
      }),
      { numRuns: SAMPLE_WITH_DATABASE },
    );
  });

  // Runs last (tests in a file run in order). The figure SECURITY.md quotes.
  test('at least 200 generated malformed backups were tried', () => {
    expect(tried).toBe(Object.keys(categories).length * RUNS_PER_CATEGORY + SAMPLE_WITH_DATABASE);
    expect(tried).toBeGreaterThanOrEqual(200);
  });
});
