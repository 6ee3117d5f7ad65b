/**
 * Restoring a parsed backup (`parseBackup` first: this trusts its input's shape) into the database,
 * in ONE read-write transaction over every table: all of it is written, or — if anything throws —
 * none of it. Anything that needs Web Crypto (hashing audit events) is computed before the
 * transaction opens, because an IndexedDB transaction commits as soon as it waits on anything that
 * is not an IndexedDB request, and Dexie refuses such awaits.
 *
 * Two modes:
 *
 * - **merge**: rows are matched by id and the newer one wins (review: `updatedAt`; source:
 *   `lastCapturedAt`; claim: `capturedAt`; assessment, red flag, note: `at`; demo session:
 *   `stoppedAt`, else `startedAt`; screenshot: its removal's `at`, else `capturedAt`, so a removed
 *   image never comes back from an older backup); a tie keeps the stored row. A backup row whose
 *   unique key (source URL, claim × control, note scope) is held by a stored row with another id
 *   merges into that row: the stored id is kept, the newer content wins, and the backup's
 *   references to its own id (a claim's `sourceId`) are redirected to the stored one. A row
 *   whose id is stored under another review, or that matches one stored row by id and another by
 *   key, is a conflict: skipped (never moved, never overwritten), and so is every backup row that
 *   refers to it. Audit events are append-only: the backup's events are added only when the stored
 *   trail is empty or an exact prefix of the backup's (same ids and hashes) and the backup's trail
 *   verifies — then the added events continue the stored chain. If the trails diverge, or the
 *   backup's trail is broken, none of that review's backup events are added and the line says why:
 *   the stored chain is never broken. When a review already here gains or changes rows, a
 *   `review.restore-merge` event is appended to its trail (and `updatedAt` set), so the stored
 *   chain records where those changes came from, as every other change is recorded.
 *   Known limit: resolving a red flag does not change its `at`, so a resolution alone does not make
 *   a red flag "newer"; with equal times the stored row stays. The same holds for renaming a demo
 *   session and for moving a screenshot to another entry.
 *
 * - **copy**: each review is restored beside what is here with fresh ids for every row, references
 *   between them remapped (claim → source or demo session, demo stamp → session, screenshot →
 *   session and claim, assessment and red flag → claim, note scope `claim:<id>`). The audit chain
 *   hashes cover ids and the review id, so the original chain cannot verify under new ids; rather
 *   than store a chain that does not verify, the copy's trail is re-chained from scratch: event 1
 *   is `review.restore-copy`, recording the original review id, the original head hash, how many
 *   events it had and whether it verified; events 2… are the
 *   original events in order with new ids, the new review id, remapped targets and `…Id` fields,
 *   and their original actor, action and time, hashed anew. The original trail stays checkable
 *   against the backup file, whose head hash the first event quotes. The copy keeps the original
 *   `updatedAt`, so it does not become the review the vendor's pages open into.
 *
 * Screenshots arrive as base64 and are stored as Blobs of their type. Before anything is written,
 * each image is decoded and hashed: one whose bytes do not match its SHA-256 rejects the whole
 * restore (the hash is what the reviewer quotes as evidence; a backup that changed the image under
 * it must not be taken in), and the database is left as it was.
 */

import { Dexie, type EntityTable, type IDType } from 'dexie';
import { type AuditEvent, hashEvent, nextEvent, verifyChain } from '../core/audit-chain.ts';
import type { Attachment } from '../core/demo-records.ts';
import { sha256Hex } from '../core/sha256.ts';
import type { Backup } from '../export/backup-schema.ts';
import { chainOrder } from '../export/backup-schema.ts';
import { base64ToBytes } from '../export/base64.ts';
import type { ReviewSnapshot } from '../export/report.ts';
import type { ReviewDatabase } from './db.ts';

/** How a backup's reviews meet the reviews already here. */
export type RestoreMode = 'merge' | 'copy';

/** The tables a restore writes, in the order it writes them. */
export const RESTORE_TABLES = [
  'reviews',
  'sources',
  'demoSessions',
  'claims',
  'assessments',
  'redFlags',
  'notes',
  'attachments',
  'events',
] as const;
/** One of the restored tables. */
export type RestoreTable = (typeof RESTORE_TABLES)[number];

/** What happened to a backup's rows: added + updated + skipped is the number of rows in the backup. */
export interface RestoreCounts {
  added: number;
  updated: number;
  skipped: number;
}

/** One review's outcome. */
export interface RestoreReviewLine {
  vendor: string;
  /** The review's id in the backup. */
  backupReviewId: string;
  /** Its id in the database: the same when merged, a fresh one for a copy. */
  reviewId: string;
  added: number;
  updated: number;
  skipped: number;
  /** Conflicts and what the audit trail records about this restore, as plain sentences. */
  notes: string[];
  /** The event the restore itself appended to this review's trail, if it appended one. */
  auditEvent?: { seq: number; action: string };
}

/** What a restore did, per table and per review. */
export interface RestoreReport {
  mode: RestoreMode;
  tables: Record<RestoreTable, RestoreCounts>;
  reviews: RestoreReviewLine[];
}

/** How often a merge is planned again when another panel changed a trail between planning and writing. */
const MERGE_ATTEMPTS = 5;

/** The stored trail changed after the merge was planned: its precomputed events no longer fit. */
class StalePlan extends Error {
  override name = 'StalePlan';
}

/** Restores a parsed backup atomically, merged by id or as a copy; returns what it did. */
export async function restoreBackup(
  db: ReviewDatabase,
  backup: Backup,
  mode: RestoreMode,
  now: Date = new Date(),
  /** The reviewer restoring, recorded on the restore's audit event. */
  actor = '',
): Promise<RestoreReport> {
  // Decoded and hashed once, before any transaction: a mismatch throws here and nothing is written.
  const images = await storedAttachments(backup);
  if (mode === 'copy') {
    const plans = await Promise.all(
      backup.reviews.map((snapshot, r) => planCopy(snapshot, images[r] ?? [], backup, now, actor)),
    );
    return db.transaction('rw', tablesOf(db), () => applyCopy(db, plans));
  }
  for (let attempt = 1; ; attempt++) {
    const plans = await planMerge(db, backup, images, now, actor);
    try {
      return await db.transaction('rw', tablesOf(db), () => applyMerge(db, plans, now));
    } catch (error) {
      const stale = error instanceof StalePlan || (error as { name?: string }).name === 'StalePlan';
      if (!stale) throw error;
      if (attempt >= MERGE_ATTEMPTS) {
        throw new Error(
          'The reviews kept changing while the backup was being restored; nothing was written. Try again.',
        );
      }
    }
  }
}

function tablesOf(db: ReviewDatabase) {
  return [
    db.reviews,
    db.sources,
    db.demoSessions,
    db.claims,
    db.assessments,
    db.redFlags,
    db.notes,
    db.attachments,
    db.events,
  ];
}

/**
 * Each review's screenshots as the database keeps them (the image a Blob of its type), after
 * checking every image against its SHA-256; throws, naming the record, on the first mismatch.
 * One image at a time: each is decoded whole, and a backup may hold hundreds.
 */
async function storedAttachments(backup: Backup): Promise<Attachment[][]> {
  const out: Attachment[][] = [];
  for (const [r, snapshot] of backup.reviews.entries()) {
    const rows: Attachment[] = [];
    for (const [i, shot] of snapshot.attachments.entries()) {
      const { data, ...record } = shot;
      if (data === undefined) {
        rows.push(record);
        continue;
      }
      const bytes = base64ToBytes(data);
      if ((await sha256Hex(bytes)) !== shot.sha256) {
        throw new Error(
          `reviews[${r}].attachments[${i}].sha256: the image does not match its SHA-256 ` +
            `(review ${JSON.stringify(snapshot.review.vendor)}, attachment ${JSON.stringify(shot.id)}); nothing was restored.`,
        );
      }
      rows.push({ ...record, blob: new Blob([bytes], { type: shot.mime }) });
    }
    out.push(rows);
  }
  return out;
}

function emptyReport(mode: RestoreMode): RestoreReport {
  const tables = Object.fromEntries(RESTORE_TABLES.map((t) => [t, { added: 0, updated: 0, skipped: 0 }]));
  return { mode, tables: tables as Record<RestoreTable, RestoreCounts>, reviews: [] };
}

/** Counts one outcome in the table's total and the review's line. */
function tally(
  report: RestoreReport,
  line: RestoreReviewLine,
  table: RestoreTable,
  kind: keyof RestoreCounts,
  n = 1,
) {
  report.tables[table][kind] += n;
  line[kind] += n;
}

// ---- copy ----

/** A review's rows as they are written: screenshots with their Blobs, events apart. */
type StoredRows = Omit<ReviewSnapshot, 'events' | 'attachments'> & { attachments: Attachment[] };

interface CopyPlan {
  line: RestoreReviewLine;
  rows: StoredRows;
  /** The re-chained trail: the restore-copy event first. */
  events: AuditEvent[];
  /** How many of `events` came from the backup (all but the first). */
  copied: number;
}

/** Builds a review's copy with fresh ids and a re-chained trail; all hashing happens here, outside any transaction. */
async function planCopy(
  snapshot: ReviewSnapshot,
  attachments: readonly Attachment[],
  backup: Backup,
  now: Date,
  actor: string,
): Promise<CopyPlan> {
  const fresh = new Map<string, string>();
  const newId = (old: string) => {
    let id = fresh.get(old);
    if (id === undefined) {
      id = crypto.randomUUID();
      fresh.set(old, id);
    }
    return id;
  };
  const reviewId = newId(snapshot.review.id);
  // Every old id gets its new one before any reference is rewritten.
  for (const table of RESTORE_TABLES) {
    if (table === 'reviews') continue;
    for (const row of snapshot[table]) newId(row.id);
  }
  /** An id, or a `claim:<id>` note scope, in the copy; anything else unchanged. */
  const remap = (value: string): string => {
    const direct = fresh.get(value);
    if (direct !== undefined) return direct;
    if (value.startsWith('claim:')) {
      const claim = fresh.get(value.slice('claim:'.length));
      if (claim !== undefined) return `claim:${claim}`;
    }
    return value;
  };

  const rows: StoredRows = {
    review: { ...snapshot.review, id: reviewId },
    sources: snapshot.sources.map((s) => ({ ...s, id: remap(s.id), reviewId })),
    demoSessions: snapshot.demoSessions.map((s) => ({ ...s, id: remap(s.id), reviewId })),
    // A demo entry's sourceId is its session's id: remap covers both.
    claims: snapshot.claims.map((c) => ({
      ...c,
      id: remap(c.id),
      reviewId,
      sourceId: remap(c.sourceId),
      ...(c.demo ? { demo: { ...c.demo, sessionId: remap(c.demo.sessionId) } } : {}),
    })),
    assessments: snapshot.assessments.map((a) => ({
      ...a,
      id: remap(a.id),
      reviewId,
      claimId: remap(a.claimId),
    })),
    redFlags: snapshot.redFlags.map((f) => ({
      ...f,
      id: remap(f.id),
      reviewId,
      ...(f.claimId !== undefined ? { claimId: remap(f.claimId) } : {}),
    })),
    notes: snapshot.notes.map((n) => ({
      ...n,
      id: remap(n.id),
      reviewId,
      scope: remap(n.scope) as typeof n.scope,
    })),
    attachments: attachments.map((a) => ({
      ...a,
      id: remap(a.id),
      reviewId,
      ...(a.sessionId !== undefined ? { sessionId: remap(a.sessionId) } : {}),
      ...(a.claimId !== undefined ? { claimId: remap(a.claimId) } : {}),
    })),
  };

  const original = chainOrder(snapshot.events);
  const check = await verifyChain(original);
  const first = await nextEvent(
    {
      reviewId,
      actor,
      action: 'review.restore-copy',
      target: { type: 'review', id: reviewId },
      after: {
        originalReviewId: snapshot.review.id,
        originalHeadHash: original.at(-1)?.hash ?? null,
        originalEvents: original.length,
        originalChain: check.ok ? 'verified' : `broken at event ${check.brokenAt} (${check.problem})`,
        backupExportedAt: backup.exportedAt,
      },
    },
    undefined,
    now,
  );
  const events: AuditEvent[] = [first];
  let previous = first;
  // Sequential: each event's hash is the next one's prevHash.
  for (const [i, event] of original.entries()) {
    const unsigned: Omit<AuditEvent, 'hash'> = {
      id: remap(event.id),
      reviewId,
      seq: i + 2,
      at: event.at,
      actor: event.actor,
      action: event.action,
      target: { type: event.target.type, id: remap(event.target.id) },
      prevHash: previous.hash,
    };
    if (event.before !== undefined) unsigned.before = remapIds(event.before, remap);
    if (event.after !== undefined) unsigned.after = remapIds(event.after, remap);
    previous = { ...unsigned, hash: await hashEvent(unsigned) };
    events.push(previous);
  }

  const line: RestoreReviewLine = {
    vendor: snapshot.review.vendor,
    backupReviewId: snapshot.review.id,
    reviewId,
    added: 0,
    updated: 0,
    skipped: 0,
    notes: [
      `Restored as a copy with new ids; its audit trail starts with a restore-copy event quoting the original's ` +
        `head hash${check.ok ? '' : ` (the original trail was broken at event ${check.brokenAt})`}.`,
    ],
    auditEvent: { seq: 1, action: first.action },
  };
  return { line, rows, events, copied: original.length };
}

/**
 * Rewrites ids inside an event's before/after: only string values of fields named `id` or `…Id`
 * (e.g. `claimId` in `redflag.raise`), never free text such as a note, which could happen to equal
 * an id. Builds new objects with `Object.fromEntries`, so a `__proto__` key stays a plain key.
 * Recursion is bounded: the schema caps before/after at 64 levels.
 */
function remapIds(value: unknown, remap: (id: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => remapIds(item, remap));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [
      key,
      typeof member === 'string' && (key === 'id' || key.endsWith('Id'))
        ? remap(member)
        : remapIds(member, remap),
    ]),
  );
}

/** Writes the copies: only adds, under ids nobody holds. Dexie requests only. */
async function applyCopy(db: ReviewDatabase, plans: CopyPlan[]): Promise<RestoreReport> {
  const report = emptyReport('copy');
  for (const plan of plans) {
    const { line, rows } = plan;
    await db.reviews.add(rows.review);
    tally(report, line, 'reviews', 'added');
    await db.sources.bulkAdd(rows.sources);
    tally(report, line, 'sources', 'added', rows.sources.length);
    await db.demoSessions.bulkAdd(rows.demoSessions);
    tally(report, line, 'demoSessions', 'added', rows.demoSessions.length);
    await db.claims.bulkAdd(rows.claims);
    tally(report, line, 'claims', 'added', rows.claims.length);
    await db.assessments.bulkAdd(rows.assessments);
    tally(report, line, 'assessments', 'added', rows.assessments.length);
    await db.redFlags.bulkAdd(rows.redFlags);
    tally(report, line, 'redFlags', 'added', rows.redFlags.length);
    await db.notes.bulkAdd(rows.notes);
    tally(report, line, 'notes', 'added', rows.notes.length);
    await db.attachments.bulkAdd(rows.attachments);
    tally(report, line, 'attachments', 'added', rows.attachments.length);
    await db.events.bulkAdd(plan.events);
    // The restore-copy event is the restore's own (line.auditEvent); the others are the backup's.
    tally(report, line, 'events', 'added', plan.copied);
    report.reviews.push(line);
  }
  return report;
}

// ---- merge ----

interface MergePlan {
  snapshot: ReviewSnapshot;
  /** The snapshot's screenshots as stored (Blobs), checked against their hashes. */
  attachments: Attachment[];
  /** Whether the review was stored when the plan was made (precondition). */
  existed: boolean;
  /** The stored trail's last event id when the plan was made (precondition). */
  storedHeadId: string | undefined;
  /** The backup's events that continue the stored trail. */
  addEvents: AuditEvent[];
  /** Why the backup's events were not added, when they were not. */
  eventsNote?: string;
  /** The restore-merge event, precomputed on top of the trail after `addEvents`; written only for a review already here that changed. */
  mergeEvent?: AuditEvent;
}

/** Decides which backup events continue each stored trail and hashes the restore-merge events, before any write. */
async function planMerge(
  db: ReviewDatabase,
  backup: Backup,
  images: readonly Attachment[][],
  now: Date,
  actor: string,
): Promise<MergePlan[]> {
  const stored = await db.transaction('r', db.reviews, db.events, () =>
    Promise.all(
      backup.reviews.map(async (snapshot) => {
        const id = snapshot.review.id;
        const [review, events, sameIds] = await Promise.all([
          db.reviews.get(id),
          db.events.where('reviewId').equals(id).toArray(),
          db.events.bulkGet(snapshot.events.map((e) => e.id)),
        ]);
        // An event id the backup shares with an event of another review cannot be added under this one.
        const foreign = sameIds.some((e) => e !== undefined && e.reviewId !== id);
        return { existed: review !== undefined, events: chainOrder(events), foreign };
      }),
    ),
  );

  return Promise.all(
    backup.reviews.map(async (snapshot, r): Promise<MergePlan> => {
      const { existed, events: have, foreign } = stored[r] as (typeof stored)[number];
      const incoming = chainOrder(snapshot.events);
      const plan: MergePlan = {
        snapshot,
        attachments: images[r] ?? [],
        existed,
        storedHeadId: have.at(-1)?.id,
        addEvents: [],
      };
      const n = incoming.length;

      let diverge = -1;
      for (let i = 0; i < Math.min(have.length, n); i++) {
        const a = have[i] as AuditEvent;
        const b = incoming[i] as AuditEvent;
        if (a.id !== b.id || a.hash !== b.hash) {
          diverge = i;
          break;
        }
      }
      if (diverge >= 0) {
        plan.eventsNote = `The stored audit trail and the backup's differ from event ${diverge + 1} on; the backup's ${n} events were not added and the stored trail is unchanged.`;
      } else if (n > have.length) {
        const check = await verifyChain(incoming);
        if (foreign) {
          plan.eventsNote = `Some of the backup's events have ids that belong to another review's trail; its ${n} events were not added.`;
        } else if (!check.ok && have.length > 0) {
          // Restored into an empty trail, a broken chain is kept as the backup has it (parseBackup warned);
          // appended to a stored trail it would break a chain that verifies today.
          plan.eventsNote = `The backup's audit trail is broken at event ${check.brokenAt}; its events were not added to the stored trail.`;
        } else {
          plan.addEvents = incoming.slice(have.length);
        }
      }

      if (existed) {
        const head = plan.addEvents.at(-1) ?? have.at(-1);
        plan.mergeEvent = await nextEvent(
          {
            reviewId: snapshot.review.id,
            actor,
            action: 'review.restore-merge',
            target: { type: 'review', id: snapshot.review.id },
            after: {
              backupExportedAt: backup.exportedAt,
              backupApp: `${backup.app.name} ${backup.app.version}`,
              backupHeadHash: incoming.at(-1)?.hash ?? null,
              eventsAdded: plan.addEvents.length,
            },
          },
          head,
          now,
        );
      }
      return plan;
    }),
  );
}

interface Row {
  id: string;
  reviewId: string;
}

/** How one table's rows merge. */
interface MergeRule<T extends Row> {
  name: Exclude<RestoreTable, 'reviews' | 'events'>;
  table: EntityTable<T, 'id'>;
  /** The time "newest wins" compares (ISO strings, one format: the schema insists). */
  time: (row: T) => string;
  /** The table's unique index besides the id, and a row's key in it. */
  unique?: { index: string; key: (row: T) => [string, string] };
  /** The rows this row refers to, as [table, id]. */
  refs?: (row: T) => Array<[RestoreTable, string | undefined]>;
  /** Points references at the stored rows the backup's rows merged into. */
  redirect?: (row: T, alias: (table: RestoreTable, id: string) => string) => T;
}

/** What merging one review carries from table to table. */
interface MergeContext {
  report: RestoreReport;
  line: RestoreReviewLine;
  /** `table\0backupId` → the stored id it merged into. */
  alias: Map<string, string>;
  /** `table\0backupId` of rows skipped as conflicts: rows referring to them are skipped too. */
  blocked: Set<string>;
  /** Conflicts per reason, for the line's notes. */
  conflicts: Map<string, number>;
}

const ref = (table: RestoreTable, id: string) => `${table}\u0000${id}`;

/** Merges one table's rows of one review: newest wins by id, or by unique key into the stored row's id. */
async function mergeRows<T extends Row>(
  rule: MergeRule<T>,
  incoming: readonly T[],
  ctx: MergeContext,
): Promise<void> {
  const alias = (table: RestoreTable, id: string) => ctx.alias.get(ref(table, id)) ?? id;
  const rows = rule.redirect
    ? incoming.map((row) => (rule.redirect as NonNullable<typeof rule.redirect>)(row, alias))
    : incoming;
  const byId = await rule.table.bulkGet(rows.map((row) => row.id as IDType<T, 'id'>));
  const byKey = new Map<string, T>();
  if (rule.unique) {
    const { index, key } = rule.unique;
    for (const row of await rule.table.where(index).anyOf(rows.map(key)).toArray()) {
      byKey.set(JSON.stringify(key(row)), row);
    }
  }

  const puts: T[] = [];
  const written = new Set<string>();
  const conflict = (row: T, reason: string) => {
    ctx.blocked.add(ref(rule.name, row.id));
    ctx.conflicts.set(`${rule.name}: ${reason}`, (ctx.conflicts.get(`${rule.name}: ${reason}`) ?? 0) + 1);
    tally(ctx.report, ctx.line, rule.name, 'skipped');
  };
  for (const [i, row] of rows.entries()) {
    const sameId = byId[i];
    const sameKey = rule.unique ? byKey.get(JSON.stringify(rule.unique.key(row))) : undefined;
    const target = sameId ?? sameKey;
    if (rule.refs?.(row).some(([table, id]) => id !== undefined && ctx.blocked.has(ref(table, id)))) {
      conflict(row, 'refers to a row that was not restored');
    } else if (target && target.reviewId !== row.reviewId) {
      conflict(row, 'its id or key belongs to another review');
    } else if (sameId && sameKey && sameKey.id !== sameId.id) {
      conflict(row, 'matches one stored row by id and another by key');
    } else if (target && written.has(target.id)) {
      conflict(row, 'another row of the backup already merged into the same stored row');
    } else if (!target) {
      puts.push(row);
      written.add(row.id);
      tally(ctx.report, ctx.line, rule.name, 'added');
    } else {
      if (target.id !== row.id) ctx.alias.set(ref(rule.name, row.id), target.id);
      if (rule.time(row) > rule.time(target)) {
        puts.push({ ...row, id: target.id });
        written.add(target.id);
        tally(ctx.report, ctx.line, rule.name, 'updated');
      } else {
        tally(ctx.report, ctx.line, rule.name, 'skipped');
      }
    }
  }
  if (puts.length > 0) await rule.table.bulkPut(puts);
}

/** Applies the merge plans inside the transaction. Dexie requests only; throws StalePlan if a trail moved. */
async function applyMerge(db: ReviewDatabase, plans: MergePlan[], now: Date): Promise<RestoreReport> {
  const report = emptyReport('merge');
  const rules = {
    sources: {
      name: 'sources',
      table: db.sources,
      time: (s) => s.lastCapturedAt,
      unique: { index: '[reviewId+url]', key: (s) => [s.reviewId, s.url] },
    } satisfies MergeRule<ReviewSnapshot['sources'][number]>,
    demoSessions: {
      name: 'demoSessions',
      table: db.demoSessions,
      time: (s) => s.stoppedAt ?? s.startedAt,
    } satisfies MergeRule<ReviewSnapshot['demoSessions'][number]>,
    claims: {
      name: 'claims',
      table: db.claims,
      time: (c) => c.capturedAt,
      // A demo entry's sourceId is its demo session's id, not a page's.
      refs: (c) => [
        [c.origin === 'demo' ? 'demoSessions' : 'sources', c.sourceId],
        ['demoSessions', c.demo?.sessionId],
      ],
      redirect: (c, alias) => ({
        ...c,
        sourceId: alias(c.origin === 'demo' ? 'demoSessions' : 'sources', c.sourceId),
        ...(c.demo ? { demo: { ...c.demo, sessionId: alias('demoSessions', c.demo.sessionId) } } : {}),
      }),
    } satisfies MergeRule<ReviewSnapshot['claims'][number]>,
    assessments: {
      name: 'assessments',
      table: db.assessments,
      time: (a) => a.at,
      unique: { index: '[claimId+control]', key: (a) => [a.claimId, a.control] },
      refs: (a) => [['claims', a.claimId]],
    } satisfies MergeRule<ReviewSnapshot['assessments'][number]>,
    redFlags: {
      name: 'redFlags',
      table: db.redFlags,
      time: (f) => f.at,
      refs: (f) => [['claims', f.claimId]],
    } satisfies MergeRule<ReviewSnapshot['redFlags'][number]>,
    notes: {
      name: 'notes',
      table: db.notes,
      time: (n) => n.at,
      unique: { index: '[reviewId+scope]', key: (n) => [n.reviewId, n.scope] },
      refs: (n) => [['claims', n.scope.startsWith('claim:') ? n.scope.slice('claim:'.length) : undefined]],
    } satisfies MergeRule<ReviewSnapshot['notes'][number]>,
    attachments: {
      name: 'attachments',
      table: db.attachments,
      time: (a) => a.removed?.at ?? a.capturedAt,
      refs: (a) => [
        ['demoSessions', a.sessionId],
        ['claims', a.claimId],
      ],
      redirect: (a, alias) => ({
        ...a,
        ...(a.sessionId !== undefined ? { sessionId: alias('demoSessions', a.sessionId) } : {}),
        ...(a.claimId !== undefined ? { claimId: alias('claims', a.claimId) } : {}),
      }),
    } satisfies MergeRule<Attachment>,
  };

  for (const plan of plans) {
    const { snapshot } = plan;
    const id = snapshot.review.id;
    const [stored, head] = await Promise.all([
      db.reviews.get(id),
      db.events.where('[reviewId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).last(),
    ]);
    if ((stored !== undefined) !== plan.existed || head?.id !== plan.storedHeadId) throw new StalePlan();

    const line: RestoreReviewLine = {
      vendor: snapshot.review.vendor,
      backupReviewId: id,
      reviewId: id,
      added: 0,
      updated: 0,
      skipped: 0,
      notes: [],
    };
    const ctx: MergeContext = { report, line, alias: new Map(), blocked: new Set(), conflicts: new Map() };

    if (!stored) {
      await db.reviews.add(snapshot.review);
      tally(report, line, 'reviews', 'added');
    } else if (snapshot.review.updatedAt > stored.updatedAt) {
      await db.reviews.put(snapshot.review);
      tally(report, line, 'reviews', 'updated');
    } else {
      tally(report, line, 'reviews', 'skipped');
    }
    // An empty table is skipped, not awaited: Dexie follows its transaction across `await` only
    // through its own promises, so awaiting a function that made no Dexie request would run the
    // next table's writes outside the transaction (and commit it early, half written).
    if (snapshot.sources.length > 0) await mergeRows(rules.sources, snapshot.sources, ctx);
    if (snapshot.demoSessions.length > 0) await mergeRows(rules.demoSessions, snapshot.demoSessions, ctx);
    if (snapshot.claims.length > 0) await mergeRows(rules.claims, snapshot.claims, ctx);
    if (snapshot.assessments.length > 0) await mergeRows(rules.assessments, snapshot.assessments, ctx);
    if (snapshot.redFlags.length > 0) await mergeRows(rules.redFlags, snapshot.redFlags, ctx);
    if (snapshot.notes.length > 0) await mergeRows(rules.notes, snapshot.notes, ctx);
    if (plan.attachments.length > 0) await mergeRows(rules.attachments, plan.attachments, ctx);

    // bulkAdd, not bulkPut: an event is never overwritten.
    if (plan.addEvents.length > 0) await db.events.bulkAdd(plan.addEvents);
    tally(report, line, 'events', 'added', plan.addEvents.length);
    tally(report, line, 'events', 'skipped', snapshot.events.length - plan.addEvents.length);

    for (const [reason, n] of ctx.conflicts) line.notes.push(`${n} skipped as a conflict (${reason}).`);
    if (plan.eventsNote) line.notes.push(plan.eventsNote);
    if (plan.existed && plan.mergeEvent && line.added + line.updated > 0) {
      await db.events.add(plan.mergeEvent);
      await db.reviews.update(id, { updatedAt: now.toISOString() });
      line.auditEvent = { seq: plan.mergeEvent.seq, action: plan.mergeEvent.action };
      line.notes.push(`The merge is recorded in the review's audit trail as event ${plan.mergeEvent.seq}.`);
    }
    report.reviews.push(line);
  }
  return report;
}
