/**
 * A per-review, append-only audit trail as a SHA-256 hash chain.
 *
 * Pure: Web Crypto and plain data only, so the store, the panel and tests share it.
 * The chain makes edits, removals and insertions evident; it cannot stop someone who
 * rewrites every hash from the tampered event onwards (there is no secret key), which
 * is why the latest hash is worth quoting outside the database, e.g. in an export.
 */

import { sha256Hex } from './sha256.ts';

/** What changed, as recorded. */
export interface AuditEventInput {
  reviewId: string;
  /** Reviewer name from the options page; '' is stored as 'unknown reviewer'. */
  actor: string;
  /** e.g. 'claim.tag', 'note.edit', 'verdict.override', 'redflag.raise', 'screenshot.remove'. */
  action: string;
  target: { type: string; id: string };
  /** JSON-able value before the change. */
  before?: unknown;
  /** JSON-able value after the change. */
  after?: unknown;
}

/** A stored event: the input plus its place in the chain. */
export interface AuditEvent extends AuditEventInput {
  /** `crypto.randomUUID()`. */
  id: string;
  /** 1, 2, 3 … per review. */
  seq: number;
  /** ISO time. */
  at: string;
  /** Hex SHA-256 of the previous event's canonical form; GENESIS for seq 1. */
  prevHash: string;
  /** Hex SHA-256 of this event's canonical form (all fields except `hash`). */
  hash: string;
}

/** The `prevHash` of every review's first event: 64 zeros. */
export const GENESIS: string = '0'.repeat(64);

/** Who an event is attributed to when the options page has no reviewer name. */
const UNKNOWN_ACTOR = 'unknown reviewer';

/** Canonical JSON: keys sorted recursively, no whitespace, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  const out = write(value, new Set());
  // Only reachable for a bare undefined: a hash input must have a form, so refuse rather than guess.
  if (out === undefined) throw new TypeError('canonicalJson: undefined has no JSON form');
  return out;
}

/** Writes one value, or returns undefined for an `undefined` member that JSON.stringify would drop. */
function write(input: unknown, ancestors: Set<object>): string | undefined {
  let value = input;
  // Dates (and anything else with toJSON) serialise like JSON.stringify, so a Date and its ISO string agree.
  if (typeof value === 'object' && value !== null && hasToJson(value)) value = value.toJSON();

  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
      // JSON.stringify escapes lone surrogates (ES2019), so the UTF-8 bytes we hash never lose information.
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // JSON.stringify would turn NaN/Infinity into null, silently hashing two different values the same.
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not JSON`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      // bigint, function, symbol: refuse at write time instead of recording less than was given.
      throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
  }
  if (value === null) return 'null';

  if (ancestors.has(value)) throw new TypeError('canonicalJson: cyclic value');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      // Index loop, not map(): holes and undefined become null, as in JSON.stringify.
      for (let i = 0; i < value.length; i++) items.push(write(value[i], ancestors) ?? 'null');
      return `[${items.join(',')}]`;
    }
    // Tag check rather than prototype check so objects from another realm still count as plain.
    const tag = Object.prototype.toString.call(value);
    if (tag !== '[object Object]') {
      // Map, Set, RegExp, typed arrays… would serialise as {} and hide their contents from the hash.
      throw new TypeError(`canonicalJson: ${tag} is not plain JSON data`);
    }
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    // Default sort compares UTF-16 code units: the same order in every engine and locale.
    for (const key of Object.keys(record).sort()) {
      const member = write(record[key], ancestors);
      if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

/** True when `value` has a callable toJSON, as JSON.stringify checks. */
function hasToJson(value: object): value is { toJSON: () => unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** Hex SHA-256 of an event's canonical form, i.e. of every field except `hash`. */
export async function hashEvent(event: Omit<AuditEvent, 'hash'>): Promise<string> {
  // Callers may pass a whole stored event; its own hash must never feed into itself.
  const body: Record<string, unknown> = { ...event };
  delete body.hash;
  return sha256Hex(new TextEncoder().encode(canonicalJson(body)));
}

/** Builds the next event after `previous` (undefined for the first). */
export async function nextEvent(
  input: AuditEventInput,
  previous: AuditEvent | undefined,
  now: Date = new Date(),
): Promise<AuditEvent> {
  if (previous && previous.reviewId !== input.reviewId) {
    throw new Error(
      `nextEvent: previous event belongs to review ${previous.reviewId}, not ${input.reviewId}`,
    );
  }
  const unsigned: Omit<AuditEvent, 'hash'> = {
    id: crypto.randomUUID(),
    reviewId: input.reviewId,
    seq: previous ? previous.seq + 1 : 1,
    at: now.toISOString(),
    actor: input.actor.trim() === '' ? UNKNOWN_ACTOR : input.actor,
    action: input.action,
    // Copies, so a caller mutating its objects later cannot change a stored, hashed event.
    target: { type: input.target.type, id: input.target.id },
    prevHash: previous ? previous.hash : GENESIS,
  };
  // Stored as their canonical JSON parsed back: what IndexedDB keeps is exactly what was hashed.
  if (input.before !== undefined) unsigned.before = JSON.parse(canonicalJson(input.before));
  if (input.after !== undefined) unsigned.after = JSON.parse(canonicalJson(input.after));
  return { ...unsigned, hash: await hashEvent(unsigned) };
}

/**
 * Result of verifyChain. `events` is how many events were given. On failure, `brokenAt` is the
 * seq expected at the first bad position (events 1 … brokenAt−1 verified intact) and `eventId`
 * is the id of the event found there; the stored seq is not used because it may be the tampered field.
 */
export type ChainCheck =
  | { ok: true; events: number }
  | {
      ok: false;
      events: number;
      brokenAt: number;
      eventId: string;
      problem: 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap' | 'wrong-review';
    };

/** Checks a review's events in seq order; reports the first broken link, never repairs. */
export async function verifyChain(events: readonly AuditEvent[]): Promise<ChainCheck> {
  // Hash everything up front and in parallel; a value that cannot be hashed cannot be what nextEvent stored.
  const hashes = await Promise.all(events.map((event) => hashEvent(event).catch(() => undefined)));
  const reviewId = events[0]?.reviewId;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as AuditEvent;
    const fail = (problem: Extract<ChainCheck, { ok: false }>['problem']): ChainCheck => ({
      ok: false,
      events: events.length,
      brokenAt: i + 1,
      eventId: event.id,
      problem,
    });
    // Order matters: an edited field (reviewId, seq and prevHash included) is a content change first;
    // a foreign event is self-consistent, so name it before its links fail; then the link; then numbering.
    if (hashes[i] !== event.hash) return fail('hash-mismatch');
    if (event.reviewId !== reviewId) return fail('wrong-review');
    const expectedPrev = i === 0 ? GENESIS : (events[i - 1] as AuditEvent).hash;
    if (event.prevHash !== expectedPrev) return fail('prev-hash-mismatch');
    if (event.seq !== i + 1) return fail('sequence-gap');
  }
  return { ok: true, events: events.length };
}
