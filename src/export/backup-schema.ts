/**
 * The backup document and how an untrusted backup file is read: size first, then JSON, then the
 * format and version, then a valibot schema for every row exactly as stored, then what a schema
 * cannot say (unique ids and keys, references between rows), then the audit chains.
 *
 * Extra fields are refused (`v.strictObject` everywhere): a backup is written into the database as
 * it is, so a field this version does not know would be stored unseen — and would be silently
 * lost by `v.object`, which strips it. A newer extension that adds a field bumps the version, and
 * this one then says "update the extension" instead of half-reading the file.
 *
 * Only the schema's output is ever stored: valibot builds fresh objects with the known keys, so a
 * `__proto__` key in the file is refused as an unknown field and never reaches a prototype.
 */
import * as v from 'valibot';
import { type AuditEvent, type ChainCheck, verifyChain } from '../core/audit-chain.ts';
import type { StructureKind } from '../core/claim.ts';
import type { ClaimKind } from '../core/classify/classify-claim.ts';
import type { KindCueLabel } from '../core/classify/kind-cues.ts';
import { RED_FLAG_IDS } from '../core/classify/red-flag-cues.ts';
import type { AssessmentVerdict } from '../core/control-status.ts';
import { CONTROL_IDS } from '../core/controls.ts';
import type { DemoBasis, DemoEntryKind, ScreenshotMime } from '../core/demo-records.ts';
import type { SourceKind, TemplateId } from '../core/review.ts';
import type { ClaimOrigin, NoteScope } from '../core/review-records.ts';
import type { Verdict } from '../core/verdict.ts';
import { base64ByteLength, isBase64 } from './base64.ts';
import { emptySnapshot, type ReviewSnapshot } from './report.ts';

/** The `format` every backup carries. */
export const BACKUP_FORMAT = 'vendor-review-backup';
/** The version this extension writes. */
export const BACKUP_VERSION = 3;
/** The oldest version this extension reads (and migrates). */
export const OLDEST_BACKUP_VERSION = 1;
/** Default cap on a backup's text, in UTF-16 code units (`text.length`): 512 MB. */
export const DEFAULT_MAX_BACKUP_CHARS = 512 * 1024 * 1024;

/**
 * Caps on every string and list. Each is far above what the extension itself writes (claims come
 * from pages capped at 4,096 characters; notes and names are typed by a person), so a real backup
 * always fits, and a crafted one cannot make us store megabytes in a vendor name.
 */
export const BACKUP_LIMITS = {
  id: 128,
  /** Vendor, product, reviewer names, the app's name and version. */
  name: 1_000,
  domain: 1_000,
  domains: 1_000,
  url: 8_192,
  title: 4_096,
  claimText: 100_000,
  affix: 4_096,
  fragment: 200_000,
  heading: 4_096,
  headings: 64,
  cues: 10_000,
  /** Not-applicable and override reasons. */
  reason: 100_000,
  /** Note and red-flag note text: typed by a person, with no cap in the panel, so a generous one here. */
  noteText: 1_000_000,
  action: 200,
  targetType: 200,
  targetId: 256,
  /** An audit event's before/after: JSON nested at most this deep… */
  jsonDepth: 64,
  /** …with at most this many values in all. */
  jsonValues: 100_000,
  reviews: 10_000,
  sources: 100_000,
  claims: 200_000,
  /** Up to fifteen controls per claim. */
  assessments: 3_000_000,
  redFlags: 100_000,
  notes: 300_000,
  events: 5_000_000,
  demoSessions: 10_000,
  attachments: 100_000,
  /** One screenshot's image as base64: 20 MB of text, i.e. 15 MB of image (a 4K PNG is a few MB). */
  imageData: 20 * 1024 * 1024,
  /** An image's width or height in pixels. */
  imageSide: 100_000,
} as const;

/** A backup as this extension writes it (version 3): every review's rows as stored, screenshots as base64. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the backup was written (ISO). */
  exportedAt: string;
  /** The extension that wrote it. */
  app: { name: string; version: string };
  reviews: ReviewSnapshot[];
}

/** What `parseBackup` returns: the backup (migrated to the current version) with warnings, or why not. */
export type ParsedBackup =
  | { ok: true; backup: Backup; warnings: string[]; migratedFrom?: number }
  | { ok: false; error: string };

// ---- the schema ----

/** Lists every member of a union, checked at compile time: a new verdict or kind fails to type-check here. */
const allOf =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([Exclude<U, L[number]>] extends [never] ? unknown : never)): L =>
    list;

const TEMPLATES = allOf<TemplateId>()(['ai-readiness', 'full']);
const VERDICTS = allOf<Verdict>()(['enterprise-candidate', 'governed-pilot', 'prototype']);
const SOURCE_KINDS = allOf<SourceKind>()(['trust-center', 'docs', 'policy', 'other']);
const STRUCTURES = allOf<StructureKind>()([
  'sentence',
  'list-item',
  'table-row',
  'definition',
  'accordion',
  'callout',
  'code',
  'structured',
]);
const ORIGINS = allOf<ClaimOrigin>()(['extracted', 'selection', 'demo']);
const DEMO_KINDS = allOf<DemoEntryKind>()(['evidence', 'marketing', 'question', 'red-flag', 'note']);
const DEMO_BASES = allOf<DemoBasis>()(['said', 'shown']);
const SCREENSHOT_MIMES = allOf<ScreenshotMime>()(['image/png', 'image/jpeg']);
const CLAIM_KINDS = allOf<ClaimKind>()(['evidence', 'marketing', 'unclear']);
const ASSESSMENT_VERDICTS = allOf<AssessmentVerdict>()(['evidence', 'marketing', 'not-relevant']);
const KIND_CUE_LABELS = allOf<KindCueLabel>()([
  'named mechanism or standard',
  'number with a unit',
  'setting, command or API',
  'report specifics',
  'explicit scope or limit',
  'superlative',
  'hedge',
  'badge only',
  'reassurance',
  'absolute without mechanism',
]);

const CONTROL_SET: ReadonlySet<string> = new Set(CONTROL_IDS);

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(BACKUP_LIMITS.id));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const list = <S extends v.GenericSchema>(item: S, max: number) => v.pipe(v.array(item), v.maxLength(max));
const controlId = v.picklist(CONTROL_IDS);
const redFlagId = v.picklist(RED_FLAG_IDS);

/** Exactly what `Date.toISOString()` writes: the merge compares these as strings, so one form only. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isoTime = v.pipe(
  v.string(),
  v.check(
    (s) => s.length === 24 && ISO_TIME.test(s) && new Date(s).toISOString() === s,
    'expected a time like 2025-01-31T09:30:00.000Z',
  ),
);
const sha256 = v.pipe(
  v.string(),
  v.check((s) => s.length === 64 && /^[0-9a-f]{64}$/.test(s), 'expected a SHA-256 (64 lowercase hex digits)'),
);

/** A note's scope as version 2 knew it: `review`, `control:<control id>` or `claim:<claim id>`. */
function isNoteScopeV2(value: unknown): value is NoteScope {
  if (typeof value !== 'string') return false;
  if (value === 'review') return true;
  if (value.startsWith('control:')) return CONTROL_SET.has(value.slice('control:'.length));
  return value.startsWith('claim:') && value.length > 6 && value.length <= 6 + BACKUP_LIMITS.id;
}

/** A note's scope: as in version 2, or `follow-up` (the questions drafted for the vendor). */
function isNoteScope(value: unknown): value is NoteScope {
  return value === 'follow-up' || isNoteScopeV2(value);
}

/** An image as base64: the charset and padding `btoa` writes, nothing else (it may be inlined in HTML). */
const imageData = v.pipe(
  v.string(),
  v.maxLength(BACKUP_LIMITS.imageData),
  v.check(isBase64, 'expected an image as base64 (A–Z, a–z, 0–9, +, / and = padding)'),
);

/**
 * Why a value is not plain JSON we can store and hash, or undefined. Iterative, with a depth and a
 * size cap: a 10,000-deep `before` must neither overflow this check nor reach the (recursive)
 * canonical JSON of the audit chain. JSON.parse turns 1e400 into Infinity, which has no JSON form.
 */
function jsonProblem(value: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let values = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (++values > BACKUP_LIMITS.jsonValues) return `holds more than ${BACKUP_LIMITS.jsonValues} values`;
    if (depth > BACKUP_LIMITS.jsonDepth) return `is nested more than ${BACKUP_LIMITS.jsonDepth} levels deep`;
    if (item === null || typeof item === 'boolean') continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return 'holds a number too large for JSON';
      continue;
    }
    if (typeof item === 'string') {
      if (item.length > BACKUP_LIMITS.noteText)
        return `holds a text longer than ${BACKUP_LIMITS.noteText} characters`;
      continue;
    }
    if (Array.isArray(item)) {
      for (const member of item) stack.push([member, depth + 1]);
      continue;
    }
    if (typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) {
      for (const member of Object.values(item)) stack.push([member, depth + 1]);
      continue;
    }
    return 'is not JSON data';
  }
  return undefined;
}

const jsonValue = v.pipe(
  v.unknown(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = jsonProblem(dataset.value);
    if (problem) addIssue({ message: problem });
  }),
);

/** A review row as the database held it at version 1 (before the workspace). */
const ReviewV1Schema = v.strictObject({
  id,
  vendor: text(BACKUP_LIMITS.name),
  product: text(BACKUP_LIMITS.name),
  domains: list(text(BACKUP_LIMITS.domain), BACKUP_LIMITS.domains),
  template: v.picklist(TEMPLATES),
  createdAt: isoTime,
  updatedAt: isoTime,
});

/** A `Review` row. */
export const ReviewSchema = v.strictObject({
  ...ReviewV1Schema.entries,
  notApplicable: v.optional(v.record(controlId, text(BACKUP_LIMITS.reason))),
  verdictOverride: v.optional(
    v.strictObject({
      verdict: v.picklist(VERDICTS),
      reason: text(BACKUP_LIMITS.reason),
      by: text(BACKUP_LIMITS.name),
      at: isoTime,
    }),
  ),
});

/** A `Source` row. */
export const SourceSchema = v.strictObject({
  id,
  reviewId: id,
  url: text(BACKUP_LIMITS.url),
  title: text(BACKUP_LIMITS.title),
  kind: v.picklist(SOURCE_KINDS),
  firstCapturedAt: isoTime,
  lastCapturedAt: isoTime,
  textLength: count,
});

const SuggestionSchema = v.strictObject({
  controls: list(
    v.strictObject({ id: controlId, score: v.pipe(v.number(), v.finite()) }),
    CONTROL_IDS.length,
  ),
  kind: v.picklist(CLAIM_KINDS),
  cues: list(
    v.strictObject({
      start: count,
      end: count,
      text: text(BACKUP_LIMITS.claimText),
      type: v.picklist(['control', 'evidence', 'marketing', 'red-flag']),
      label: v.picklist([...CONTROL_IDS, ...RED_FLAG_IDS, ...KIND_CUE_LABELS]),
    }),
    BACKUP_LIMITS.cues,
  ),
  redFlags: list(redFlagId, RED_FLAG_IDS.length),
});

/** A `StoredClaim` row as version 2 knew it (no demo stamp). */
const ClaimV2Schema = v.strictObject({
  id,
  reviewId: id,
  sourceId: id,
  url: text(BACKUP_LIMITS.url),
  text: text(BACKUP_LIMITS.claimText),
  headingPath: list(text(BACKUP_LIMITS.heading), BACKUP_LIMITS.headings),
  structure: v.picklist(STRUCTURES),
  context: v.optional(text(BACKUP_LIMITS.claimText)),
  selector: v.strictObject({
    exact: text(BACKUP_LIMITS.claimText),
    prefix: text(BACKUP_LIMITS.affix),
    suffix: text(BACKUP_LIMITS.affix),
    start: v.optional(count),
    end: v.optional(count),
  }),
  fragment: v.optional(text(BACKUP_LIMITS.fragment)),
  flags: v.strictObject({ inCode: v.boolean(), gated: v.boolean(), hidden: v.boolean() }),
  origin: v.picklist(ORIGINS),
  suggestion: v.optional(SuggestionSchema),
  capturedAt: isoTime,
  pageCheck: v.optional(
    v.strictObject({
      status: v.picklist(['anchored', 'changed', 'orphaned']),
      currentText: v.optional(text(BACKUP_LIMITS.claimText)),
      at: isoTime,
    }),
  ),
});

/** A claim's `DemoStamp`. */
const DemoStampSchema = v.strictObject({
  sessionId: id,
  offsetMs: count,
  kind: v.picklist(DEMO_KINDS),
  basis: v.picklist(DEMO_BASES),
  control: v.optional(controlId),
  redFlag: v.optional(redFlagId),
});

/** A `StoredClaim` row. */
export const ClaimSchema = v.strictObject({
  ...ClaimV2Schema.entries,
  demo: v.optional(DemoStampSchema),
});

/** An `Assessment` row. */
export const AssessmentSchema = v.strictObject({
  id,
  reviewId: id,
  claimId: id,
  control: controlId,
  verdict: v.picklist(ASSESSMENT_VERDICTS),
  by: text(BACKUP_LIMITS.name),
  at: isoTime,
});

/** A `RedFlagRecord` row. */
export const RedFlagSchema = v.strictObject({
  id,
  reviewId: id,
  claimId: v.optional(id),
  flag: redFlagId,
  note: text(BACKUP_LIMITS.noteText),
  resolved: v.boolean(),
  by: text(BACKUP_LIMITS.name),
  at: isoTime,
});

/** A `Note` row as version 2 knew it (no follow-up scope). */
const NoteV2Schema = v.strictObject({
  id,
  reviewId: id,
  scope: v.custom<NoteScope>(
    isNoteScopeV2,
    'expected "review", "control:<control id>" or "claim:<claim id>"',
  ),
  text: text(BACKUP_LIMITS.noteText),
  at: isoTime,
});

/** A `Note` row. */
export const NoteSchema = v.strictObject({
  ...NoteV2Schema.entries,
  scope: v.custom<NoteScope>(
    isNoteScope,
    'expected "review", "follow-up", "control:<control id>" or "claim:<claim id>"',
  ),
});

/** A `DemoSession` row. */
export const DemoSessionSchema = v.strictObject({
  id,
  reviewId: id,
  title: text(BACKUP_LIMITS.title),
  startedAt: isoTime,
  stoppedAt: v.optional(isoTime),
  by: text(BACKUP_LIMITS.name),
});

/** An `Attachment` row as a backup carries it: the image as base64 in `data`, no Blobs. */
export const AttachmentSchema = v.strictObject({
  id,
  reviewId: id,
  sessionId: v.optional(id),
  claimId: v.optional(id),
  control: v.optional(controlId),
  mime: v.picklist(SCREENSHOT_MIMES),
  size: count,
  sha256,
  capturedAt: isoTime,
  by: text(BACKUP_LIMITS.name),
  tabTitle: v.optional(text(BACKUP_LIMITS.title)),
  tabUrl: v.optional(text(BACKUP_LIMITS.url)),
  width: v.optional(v.pipe(count, v.maxValue(BACKUP_LIMITS.imageSide))),
  height: v.optional(v.pipe(count, v.maxValue(BACKUP_LIMITS.imageSide))),
  data: v.optional(imageData),
  removed: v.optional(
    v.strictObject({ at: isoTime, by: text(BACKUP_LIMITS.name), reason: text(BACKUP_LIMITS.reason) }),
  ),
});

/** An `AuditEvent` row (its hashes are checked by `verifyChain`, not here). */
export const EventSchema = v.strictObject({
  id,
  reviewId: id,
  seq: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
  at: isoTime,
  actor: text(BACKUP_LIMITS.name),
  action: text(BACKUP_LIMITS.action),
  target: v.strictObject({ type: text(BACKUP_LIMITS.targetType), id: text(BACKUP_LIMITS.targetId) }),
  before: v.optional(jsonValue),
  after: v.optional(jsonValue),
  prevHash: sha256,
  hash: sha256,
});

const app = v.strictObject({ name: text(BACKUP_LIMITS.name), version: text(BACKUP_LIMITS.name) });

/** A version-3 backup: version 2's rows, demo stamps and follow-up notes, demo sessions and screenshots. */
export const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: isoTime,
  app,
  reviews: list(
    v.strictObject({
      review: ReviewSchema,
      sources: list(SourceSchema, BACKUP_LIMITS.sources),
      claims: list(ClaimSchema, BACKUP_LIMITS.claims),
      assessments: list(AssessmentSchema, BACKUP_LIMITS.assessments),
      redFlags: list(RedFlagSchema, BACKUP_LIMITS.redFlags),
      notes: list(NoteSchema, BACKUP_LIMITS.notes),
      events: list(EventSchema, BACKUP_LIMITS.events),
      demoSessions: list(DemoSessionSchema, BACKUP_LIMITS.demoSessions),
      attachments: list(AttachmentSchema, BACKUP_LIMITS.attachments),
    }),
    BACKUP_LIMITS.reviews,
  ),
});

/** A version-2 backup: written before live demos (no demo tables, stamps or follow-up notes). */
export const BackupV2Schema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(2),
  exportedAt: isoTime,
  app,
  reviews: list(
    v.strictObject({
      review: ReviewSchema,
      sources: list(SourceSchema, BACKUP_LIMITS.sources),
      claims: list(ClaimV2Schema, BACKUP_LIMITS.claims),
      assessments: list(AssessmentSchema, BACKUP_LIMITS.assessments),
      redFlags: list(RedFlagSchema, BACKUP_LIMITS.redFlags),
      notes: list(NoteV2Schema, BACKUP_LIMITS.notes),
      events: list(EventSchema, BACKUP_LIMITS.events),
    }),
    BACKUP_LIMITS.reviews,
  ),
});

/** A version-1 backup: written when the database held only reviews and sources. */
export const BackupV1Schema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(1),
  exportedAt: isoTime,
  reviews: list(
    v.strictObject({ review: ReviewV1Schema, sources: list(SourceSchema, BACKUP_LIMITS.sources) }),
    BACKUP_LIMITS.reviews,
  ),
});

// Compile-time: what the schema lets through is a `Backup`, i.e. rows exactly as the store types them.
const asBackup = (parsed: v.InferOutput<typeof BackupSchema>): Backup => parsed;

/** A version-1 file does not say which app wrote it. */
const UNKNOWN_APP = { name: 'unknown', version: 'unknown' } as const;

/** Version 1 → 3: the workspace and demo tables did not exist yet, so each review gets them empty. */
function migrateV1(parsed: v.InferOutput<typeof BackupV1Schema>): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: parsed.exportedAt,
    app: { ...UNKNOWN_APP },
    reviews: parsed.reviews.map(({ review, sources }) => emptySnapshot(review, sources)),
  };
}

/** Version 2 → 3: the demo tables did not exist yet, so each review gets them empty. */
function migrateV2(parsed: v.InferOutput<typeof BackupV2Schema>): Backup {
  return {
    ...parsed,
    version: BACKUP_VERSION,
    reviews: parsed.reviews.map((snapshot) => ({ ...snapshot, demoSessions: [], attachments: [] })),
  };
}

// ---- error messages: plain sentences naming the field and the record ----

/** A short, quoted form of any string for a message (never the whole of a huge one). */
function quote(value: string, max = 60): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

/** What a value is, in words, without ever walking into it. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return value.length > 40 ? `a text of ${value.length} characters` : quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

/** `reviews[0].claims[3].selector.exact`; odd keys as `["a key"]`. */
function pathText(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]{0,63}$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${quote(key)}]`;
  }
  return out === '' ? 'the backup' : out;
}

const SINGULAR: Record<string, string> = {
  sources: 'source',
  claims: 'claim',
  assessments: 'assessment',
  redFlags: 'red flag',
  notes: 'note',
  events: 'event',
  demoSessions: 'demo session',
  attachments: 'attachment',
};

/** Reads `root[k1][k2]…` without trusting any step to be an object. */
function at(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** " (review "Acme", claim "c-1")" for a path inside reviews[i], from whatever the file holds there. */
function recordContext(root: unknown, path: ReadonlyArray<string | number>): string {
  if (path[0] !== 'reviews' || typeof path[1] !== 'number') return '';
  const parts: string[] = [];
  const vendor = at(root, ['reviews', path[1], 'review', 'vendor']);
  if (typeof vendor === 'string') parts.push(`review ${quote(vendor)}`);
  const table = path[2];
  if (typeof table === 'string' && SINGULAR[table] && typeof path[3] === 'number') {
    const rowId = at(root, ['reviews', path[1], table, path[3], 'id']);
    if (typeof rowId === 'string') parts.push(`${SINGULAR[table]} ${quote(rowId)}`);
  }
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  strict_object: 'an object',
  record: 'an object',
};

/** One valibot issue as a sentence. */
function issueSentence(issue: v.BaseIssue<unknown>, root: unknown, version: number): string {
  const path = (issue.path ?? []).map((item) => item.key as string | number);
  const where = pathText(path);
  let what: string;
  const expected = issue.expected ?? '';
  if (issue.type === 'strict_object' && expected === 'never') {
    what = `is not a field of a version-${version} backup (fields this extension does not know are refused)`;
  } else if ((issue.type === 'strict_object' || issue.type === 'object') && issue.received === 'undefined') {
    what = 'is missing';
  } else if (issue.kind === 'schema' && TYPE_WORDS[issue.type]) {
    what = `expected ${TYPE_WORDS[issue.type]}, found ${describe(issue.input)}`;
  } else if (issue.type === 'picklist' || issue.type === 'literal') {
    const options = expected.length > 160 ? `${expected.slice(0, 160)}…` : expected;
    what = `expected one of ${options}, found ${describe(issue.input)}`;
  } else if (issue.type === 'max_length') {
    const unit = Array.isArray(issue.input) ? 'items' : 'characters';
    what = `is too long: ${issue.received} ${unit}, at most ${issue.requirement as number} allowed`;
  } else if (issue.type === 'min_length') {
    what = 'must not be empty';
  } else if (issue.type === 'integer') {
    what = `expected a whole number, found ${describe(issue.input)}`;
  } else if (issue.type === 'min_value' || issue.type === 'max_value') {
    const bound = issue.type === 'min_value' ? 'at least' : 'at most';
    what = `must be ${bound} ${issue.requirement as number}, found ${describe(issue.input)}`;
  } else if (issue.type === 'finite') {
    what = 'expected a finite number';
  } else if (issue.type === 'custom' || issue.type === 'check') {
    what = `${issue.message}, found ${describe(issue.input)}`;
  } else {
    // raw_check: our own message, already a whole phrase about the value.
    what = issue.message;
  }
  return `${where}: ${what}${recordContext(root, path)}.`;
}

// ---- what a schema cannot check ----

/** The first duplicate id, duplicate unique key or dangling reference, as a sentence; undefined when sound. */
function integrityProblem(backup: Backup): string | undefined {
  // Ids are unique per table across the whole file: all of it goes into the same tables.
  const seen = new Map<string, string>();
  const firstSeen = (table: string, value: string, path: string): string | undefined => {
    const key = `${table}\u0000${value}`;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, path);
    return earlier;
  };

  for (const [r, snapshot] of backup.reviews.entries()) {
    const reviewId = snapshot.review.id;
    const context = ` (review ${quote(snapshot.review.vendor)})`;
    const fail = (path: string, what: string) => `${path}: ${what}${context}.`;

    const earlierReview = firstSeen('reviews', reviewId, `reviews[${r}].review`);
    if (earlierReview) {
      return fail(
        `reviews[${r}].review.id`,
        `the id ${quote(reviewId)} is used twice (also at ${earlierReview})`,
      );
    }

    const ids: Record<string, Set<string>> = {};
    const tables = [
      'sources',
      'claims',
      'assessments',
      'redFlags',
      'notes',
      'events',
      'demoSessions',
      'attachments',
    ] as const;
    for (const table of tables) {
      ids[table] = new Set();
      for (const [i, row] of snapshot[table].entries()) {
        const path = `reviews[${r}].${table}[${i}]`;
        const earlier = firstSeen(table, row.id, path);
        if (earlier)
          return fail(`${path}.id`, `the id ${quote(row.id)} is used twice in ${table} (also at ${earlier})`);
        if (row.reviewId !== reviewId) {
          return fail(
            `${path}.reviewId`,
            `${quote(row.reviewId)} is not the id of the review it is listed under (${quote(reviewId)})`,
          );
        }
        ids[table]?.add(row.id);
      }
    }
    const sourceIds = ids.sources as Set<string>;
    const claimIds = ids.claims as Set<string>;
    const sessionIds = ids.demoSessions as Set<string>;

    // The database's unique indexes, checked here so a bad file is refused with a reason, not a ConstraintError.
    const unique = (table: string, path: string, what: string, key: string) => {
      const earlier = firstSeen(`${table} key`, `${reviewId}\u0000${key}`, path);
      return earlier ? fail(path, `${what} (also at ${earlier})`) : undefined;
    };
    for (const [i, source] of snapshot.sources.entries()) {
      const problem = unique(
        'sources',
        `reviews[${r}].sources[${i}].url`,
        'two sources have this URL',
        source.url,
      );
      if (problem) return problem;
    }
    for (const [i, claim] of snapshot.claims.entries()) {
      // A demo entry's "source" is its demo session; every other claim's is a page.
      const demo = claim.origin === 'demo';
      if (!(demo ? sessionIds : sourceIds).has(claim.sourceId)) {
        return fail(
          `reviews[${r}].claims[${i}].sourceId`,
          `no ${demo ? 'demo session' : 'source'} of this review has the id ${quote(claim.sourceId)}`,
        );
      }
      if (claim.demo && !sessionIds.has(claim.demo.sessionId)) {
        return fail(
          `reviews[${r}].claims[${i}].demo.sessionId`,
          `no demo session of this review has the id ${quote(claim.demo.sessionId)}`,
        );
      }
    }
    for (const [i, shot] of snapshot.attachments.entries()) {
      const path = `reviews[${r}].attachments[${i}]`;
      if (shot.sessionId !== undefined && !sessionIds.has(shot.sessionId)) {
        return fail(
          `${path}.sessionId`,
          `no demo session of this review has the id ${quote(shot.sessionId)}`,
        );
      }
      if (shot.claimId !== undefined && !claimIds.has(shot.claimId)) {
        return fail(`${path}.claimId`, `no claim of this review has the id ${quote(shot.claimId)}`);
      }
      if (shot.data === undefined) continue;
      // A removal drops the image for good: a backup must not bring it back.
      if (shot.removed) return fail(`${path}.data`, 'a removed screenshot carries no image');
      const bytes = base64ByteLength(shot.data);
      if (bytes !== shot.size) {
        return fail(`${path}.size`, `the image is ${bytes} bytes, not ${shot.size}`);
      }
    }
    for (const [i, assessment] of snapshot.assessments.entries()) {
      const path = `reviews[${r}].assessments[${i}]`;
      if (!claimIds.has(assessment.claimId)) {
        return fail(`${path}.claimId`, `no claim of this review has the id ${quote(assessment.claimId)}`);
      }
      const problem = unique(
        'assessments',
        `${path}.control`,
        `the claim ${quote(assessment.claimId)} is assessed twice for ${assessment.control}`,
        `${assessment.claimId}\u0000${assessment.control}`,
      );
      if (problem) return problem;
    }
    for (const [i, flag] of snapshot.redFlags.entries()) {
      if (flag.claimId !== undefined && !claimIds.has(flag.claimId)) {
        return fail(
          `reviews[${r}].redFlags[${i}].claimId`,
          `no claim of this review has the id ${quote(flag.claimId)}`,
        );
      }
    }
    for (const [i, note] of snapshot.notes.entries()) {
      const path = `reviews[${r}].notes[${i}].scope`;
      // Claims are never deleted, so a note on a claim the review does not hold points nowhere.
      if (note.scope.startsWith('claim:') && !claimIds.has(note.scope.slice('claim:'.length))) {
        return fail(path, `no claim of this review has the id ${quote(note.scope.slice('claim:'.length))}`);
      }
      const problem = unique('notes', path, `two notes have the scope ${quote(note.scope)}`, note.scope);
      if (problem) return problem;
    }
    for (const [i, event] of snapshot.events.entries()) {
      const problem = unique(
        'events',
        `reviews[${r}].events[${i}].seq`,
        `two events are number ${event.seq} in the audit trail`,
        String(event.seq),
      );
      if (problem) return problem;
    }
  }
  return undefined;
}

const CHAIN_PROBLEMS: Record<Extract<ChainCheck, { ok: false }>['problem'], string> = {
  'hash-mismatch': 'the event was changed after it was written',
  'prev-hash-mismatch':
    'it does not follow the event before it (an event was removed, inserted or reordered)',
  'sequence-gap': 'its number is out of sequence (an event is missing)',
  'wrong-review': 'it belongs to another review',
};

/** A review's events in chain order, as the database will return them after a restore. */
export function chainOrder(events: readonly AuditEvent[]): AuditEvent[] {
  return [...events].sort((a, b) => a.seq - b.seq);
}

/** One warning per review whose audit chain does not verify; a broken chain is reported, not refused. */
async function chainWarnings(backup: Backup): Promise<string[]> {
  const checks = await Promise.all(backup.reviews.map((s) => verifyChain(chainOrder(s.events))));
  const warnings: string[] = [];
  for (const [r, check] of checks.entries()) {
    if (check.ok) continue;
    const vendor = (backup.reviews[r] as ReviewSnapshot).review.vendor;
    warnings.push(
      `The audit trail of review ${quote(vendor)} (reviews[${r}]) breaks at event ${check.brokenAt} ` +
        `(id ${quote(check.eventId)}): ${CHAIN_PROBLEMS[check.problem]}. It can be restored as it is; ` +
        'verifying it afterwards will show the same break.',
    );
  }
  return warnings;
}

// ---- reading a file ----

/** True when JSON text ends inside a string or with brackets left open: it was cut short, not mistyped. */
function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return inString || depth > 0;
}

/** The engine's parse error, shortened: it is shown to people and may quote the file. */
function parseErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

const fail = (error: string): ParsedBackup => ({ ok: false, error });

const VERSIONS = `this extension reads versions ${OLDEST_BACKUP_VERSION}–${BACKUP_VERSION}`;

/**
 * Reads an untrusted backup file: the backup migrated to the current version plus warnings (e.g. a
 * broken audit chain), or a plain sentence saying what is wrong and where. Never throws. Async
 * because the audit chains are verified with Web Crypto (`verifyChain`). `maxBytes` caps
 * `text.length` (UTF-16 code units, checked before parsing); default 512 MB.
 */
export async function parseBackup(text: string, opts: { maxBytes?: number } = {}): Promise<ParsedBackup> {
  try {
    return await parse(text, opts.maxBytes ?? DEFAULT_MAX_BACKUP_CHARS);
  } catch (error) {
    // Defence in depth: every path above returns its own message; this only keeps the promise of never throwing.
    return fail(`The backup could not be read: ${parseErrorText(error)}`);
  }
}

/** parseBackup's steps, cheapest first; each refusal returns its own sentence. */
async function parse(input: string, maxChars: number): Promise<ParsedBackup> {
  if (typeof input !== 'string') return fail('The backup is not text.');
  // Checked before JSON.parse: parsing a huge file would take the memory the check is there to protect.
  if (input.length > maxChars) {
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    return fail(
      `The file is too large to restore: ${input.length.toLocaleString('en')} characters (${mb(input.length)}); ` +
        `the limit is ${maxChars.toLocaleString('en')} (${mb(maxChars)}).`,
    );
  }
  // A byte-order mark is what some editors put first; it is not part of the JSON.
  const json = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (json.trim() === '') return fail('The file is empty.');

  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    return fail(
      looksTruncated(json)
        ? `The file is not complete JSON (it may be truncated): ${parseErrorText(error)}`
        : `The file is not JSON: ${parseErrorText(error)}`,
    );
  }

  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return fail(`The file is not a Vendor Review backup: it holds ${describe(doc)}, not an object.`);
  }
  const format = (doc as Record<string, unknown>).format;
  if (format !== BACKUP_FORMAT) {
    return fail(
      format === undefined
        ? `The file is not a Vendor Review backup: it has no "format" (expected ${quote(BACKUP_FORMAT)}).`
        : `The file is not a Vendor Review backup: its format is ${describe(format)}, expected ${quote(BACKUP_FORMAT)}.`,
    );
  }
  const version = (doc as Record<string, unknown>).version;
  if (version === undefined) return fail(`The backup has no version; ${VERSIONS}.`);
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return fail(`The backup's version is ${describe(version)}, not a whole number; ${VERSIONS}.`);
  }
  if (version > BACKUP_VERSION) {
    return fail(`This backup is version ${version}; ${VERSIONS}. Update the extension.`);
  }
  if (version < OLDEST_BACKUP_VERSION) return fail(`This backup is version ${version}; ${VERSIONS}.`);

  let backup: Backup;
  let migratedFrom: number | undefined;
  // abortEarly: the first problem is the message; collecting all of a huge bad file's issues would cost for nothing.
  if (version === 1) {
    const result = v.safeParse(BackupV1Schema, doc, { abortEarly: true });
    if (!result.success) return fail(issueSentence(result.issues[0], doc, 1));
    backup = migrateV1(result.output);
    migratedFrom = 1;
  } else if (version === 2) {
    const result = v.safeParse(BackupV2Schema, doc, { abortEarly: true });
    if (!result.success) return fail(issueSentence(result.issues[0], doc, 2));
    backup = migrateV2(result.output);
    migratedFrom = 2;
  } else {
    const result = v.safeParse(BackupSchema, doc, { abortEarly: true });
    if (!result.success) return fail(issueSentence(result.issues[0], doc, BACKUP_VERSION));
    backup = asBackup(result.output);
  }

  const problem = integrityProblem(backup);
  if (problem) return fail(problem);
  const warnings = await chainWarnings(backup);
  return migratedFrom === undefined
    ? { ok: true, backup, warnings }
    : { ok: true, backup, warnings, migratedFrom };
}
