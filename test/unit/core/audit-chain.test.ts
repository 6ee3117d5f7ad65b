import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  type AuditEvent,
  type AuditEventInput,
  canonicalJson,
  GENESIS,
  hashEvent,
  nextEvent,
  verifyChain,
} from '../../../src/core/audit-chain.ts';

const T0 = Date.parse('2025-03-01T09:00:00.000Z');
const ACTIONS = ['claim.tag', 'note.edit', 'verdict.override', 'redflag.raise', 'screenshot.remove'];

/** Varied inputs: some events lack before/after, some carry nested and non-ASCII values. */
function inputFor(i: number, reviewId: string): AuditEventInput {
  const input: AuditEventInput = {
    reviewId,
    actor: i % 7 === 0 ? '' : `Reviewer ${i % 3} — Zoë`,
    action: ACTIONS[i % ACTIONS.length] as string,
    target: { type: i % 2 ? 'claim' : 'note', id: `t-${i}` },
  };
  if (i % 3 !== 0) input.before = { tag: i % 2 ? null : 'marketing', list: [i, 'ü', { deep: true }] };
  if (i % 4 !== 1) input.after = { tag: 'evidence', n: i / 4 };
  return input;
}

/** A legitimately built chain of `n` events, with one second between events. */
async function buildChain(n: number, reviewId = 'review-A'): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (let i = 0; i < n; i++) {
    events.push(await nextEvent(inputFor(i, reviewId), events.at(-1), new Date(T0 + i * 1000)));
  }
  return events;
}

/** An event with a correct own hash but whatever seq/prevHash the forger chose. */
async function forge(base: AuditEvent, changes: Partial<Omit<AuditEvent, 'hash'>>): Promise<AuditEvent> {
  const { hash: _old, ...rest } = base;
  const unsigned = { ...rest, ...changes };
  return { ...unsigned, hash: await hashEvent(unsigned) };
}

/** A different hex digit in the last place. */
function flipLastHex(hex: string): string {
  return hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0');
}

/** One edit per field; each must change the event's canonical form. */
const TAMPERS: Record<string, (e: AuditEvent) => AuditEvent> = {
  id: (e) => ({ ...e, id: crypto.randomUUID() }),
  reviewId: (e) => ({ ...e, reviewId: 'review-B' }),
  actor: (e) => ({ ...e, actor: `${e.actor} ` }),
  action: (e) => ({ ...e, action: 'claim.untag' }),
  'target.id': (e) => ({ ...e, target: { ...e.target, id: `${e.target.id}x` } }),
  'target.type': (e) => ({ ...e, target: { ...e.target, type: 'source' } }),
  before: (e) => ({ ...e, before: e.before === undefined ? { forged: true } : { wrapped: e.before } }),
  after: (e) => ({ ...e, after: e.after === undefined ? 'forged' : [e.after] }),
  at: (e) => ({ ...e, at: new Date(Date.parse(e.at) + 1).toISOString() }),
  seq: (e) => ({ ...e, seq: e.seq + 1 }),
  prevHash: (e) => ({ ...e, prevHash: flipLastHex(e.prevHash) }),
};

describe('canonicalJson', () => {
  test('matches known strings', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(1.5e-7)).toBe('1.5e-7');
    expect(canonicalJson('é 😀 "q" \\ \n')).toBe('"é 😀 \\"q\\" \\\\ \\n"');
    expect(canonicalJson({ b: 1, a: [true, null, 'x', { d: undefined, c: 2 }], é: {} })).toBe(
      '{"a":[true,null,"x",{"c":2}],"b":1,"é":{}}',
    );
    // Like JSON.stringify: undefined members dropped, undefined array slots and holes become null.
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
    expect(canonicalJson({ x: undefined, y: [undefined, , 1] })).toBe('{"y":[null,null,1]}');
    expect(canonicalJson(new Date(T0))).toBe('"2025-03-01T09:00:00.000Z"');
  });

  test('lone surrogates stay distinguishable after UTF-8 encoding', () => {
    expect(canonicalJson('\ud800')).toBe('"\\ud800"');
    expect(canonicalJson('\ud800')).not.toBe(canonicalJson('\ufffd'));
  });

  test('is independent of key insertion order, at every depth', () => {
    const a = { z: 1, a: { y: [1, { q: 1, p: 2 }], b: 'x' }, m: null };
    const b = { m: null, a: { b: 'x', y: [1, { p: 2, q: 1 }] }, z: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"b":"x","y":[1,{"p":2,"q":1}]},"m":null,"z":1}');
    // Array order is data, not formatting.
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  test('sorts keys by code unit, not locale', () => {
    expect(canonicalJson({ b: 1, B: 2, ä: 3, a: 4, '10': 5, '9': 6 })).toBe(
      '{"10":5,"9":6,"B":2,"a":4,"b":1,"ä":3}',
    );
  });

  test('refuses values it could only record lossily', () => {
    for (const bad of [
      NaN,
      Infinity,
      10n,
      () => 1,
      Symbol('s'),
      new Map([[1, 2]]),
      new Set([1]),
      undefined,
    ]) {
      expect(() => canonicalJson(bad), String(typeof bad)).toThrow(TypeError);
    }
    expect(() => canonicalJson({ a: new Map() })).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
    // A shared, non-cyclic reference is fine.
    const shared = { v: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"v":1},"b":{"v":1}}');
  });
});

describe('hashEvent', () => {
  const fixed: Omit<AuditEvent, 'hash'> = {
    id: '00000000-0000-4000-8000-000000000001',
    reviewId: 'r1',
    seq: 1,
    at: '2025-01-02T03:04:05.000Z',
    actor: 'Ana Müller',
    action: 'claim.tag',
    target: { type: 'claim', id: 'c1' },
    before: { tag: null },
    after: { tag: 'evidence' },
    prevHash: GENESIS,
  };
  const fixedCanonical =
    '{"action":"claim.tag","actor":"Ana Müller","after":{"tag":"evidence"},"at":"2025-01-02T03:04:05.000Z",' +
    '"before":{"tag":null},"id":"00000000-0000-4000-8000-000000000001",' +
    `"prevHash":"${'0'.repeat(64)}","reviewId":"r1","seq":1,"target":{"id":"c1","type":"claim"}}`;

  test('is SHA-256 of the UTF-8 canonical form (pinned: changing it orphans every stored chain)', async () => {
    expect(canonicalJson(fixed)).toBe(fixedCanonical);
    const expected = createHash('sha256').update(fixedCanonical, 'utf8').digest('hex');
    expect(await hashEvent(fixed)).toBe(expected);
    expect(expected).toBe('3dde3b0866e0cc8c223f69dbf373dbffc0aa37b47d9ddbff4ba35506415d4cf6');
  });

  test('ignores a `hash` field and undefined members, nothing else', async () => {
    const h = await hashEvent(fixed);
    expect(await hashEvent({ ...fixed, hash: 'anything' } as AuditEvent)).toBe(h);
    expect(await hashEvent({ ...fixed, before: { tag: null, gone: undefined } })).toBe(h);
    expect(await hashEvent({ ...fixed, extra: 1 } as Omit<AuditEvent, 'hash'>)).not.toBe(h);
  });
});

describe('nextEvent', () => {
  test('starts at seq 1 on GENESIS and links each event to the previous hash', async () => {
    const [first, second] = await buildChain(2);
    if (!first || !second) throw new Error('chain too short');
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS);
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(first.at).toBe('2025-03-01T09:00:00.000Z');
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.id).not.toBe(second.id);
    expect(first.hash).toBe(await hashEvent(first));
  });

  test('hashes are 64 lowercase hex characters', async () => {
    for (const e of await buildChain(20)) {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(e.prevHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(GENESIS).toBe('0'.repeat(64));
  });

  test("an empty reviewer name is recorded as 'unknown reviewer'", async () => {
    const input = { reviewId: 'r', actor: '', action: 'note.edit', target: { type: 'note', id: 'n' } };
    expect((await nextEvent(input, undefined)).actor).toBe('unknown reviewer');
    expect((await nextEvent({ ...input, actor: '  ' }, undefined)).actor).toBe('unknown reviewer');
    expect((await nextEvent({ ...input, actor: 'Kim' }, undefined)).actor).toBe('Kim');
  });

  test('stores copies, so later mutation of the input cannot alter a hashed event', async () => {
    const before = { tag: 'marketing', nested: { n: 1 } };
    const target = { type: 'claim', id: 'c1' };
    const e = await nextEvent({ reviewId: 'r', actor: 'A', action: 'claim.tag', target, before }, undefined);
    before.nested.n = 2;
    target.id = 'c2';
    expect(e.before).toEqual({ tag: 'marketing', nested: { n: 1 } });
    expect(e.target.id).toBe('c1');
    expect(await verifyChain([e])).toEqual({ ok: true, events: 1 });
    expect('after' in e).toBe(false);
  });

  test('refuses to chain onto another review, and refuses non-JSON values', async () => {
    const [other] = await buildChain(1, 'review-B');
    await expect(nextEvent(inputFor(1, 'review-A'), other)).rejects.toThrow(/review-B/);
    await expect(nextEvent({ ...inputFor(1, 'r'), after: new Map() }, undefined)).rejects.toThrow(TypeError);
  });
});

describe('verifyChain', () => {
  test('a chain of 50 events verifies, also after a structured-clone or JSON round trip', async () => {
    const events = await buildChain(50);
    expect(await verifyChain(events)).toEqual({ ok: true, events: 50 });
    expect(await verifyChain(structuredClone(events))).toEqual({ ok: true, events: 50 });
    expect(await verifyChain(JSON.parse(JSON.stringify(events)))).toEqual({ ok: true, events: 50 });
  });

  test('an empty chain verifies', async () => {
    expect(await verifyChain([])).toEqual({ ok: true, events: 0 });
  });

  test('changing any field of any single event is caught at exactly that event', async () => {
    const events = await buildChain(50);
    const cases = Object.entries(TAMPERS);
    let checked = 0;
    for (let i = 0; i < events.length; i++) {
      for (const [field, tamper] of cases) {
        const original = events[i] as AuditEvent;
        const tampered = events.with(i, tamper(original));
        expect(canonicalJson(tampered[i]), `${field} edit must change the event`).not.toBe(
          canonicalJson(original),
        );
        expect(await verifyChain(tampered), `seq ${i + 1}, field ${field}`).toEqual({
          ok: false,
          events: 50,
          brokenAt: i + 1,
          eventId: tampered[i]?.id,
          problem: 'hash-mismatch',
        });
        checked++;
      }
    }
    expect(checked).toBe(50 * cases.length);
  });

  test('removing a member (before/after) or the stored hash is caught', async () => {
    const events = await buildChain(10);
    const withBefore = events.findIndex((e) => e.before !== undefined);
    const { before: _b, ...stripped } = events[withBefore] as AuditEvent;
    expect(await verifyChain(events.with(withBefore, stripped))).toMatchObject({
      brokenAt: withBefore + 1,
      problem: 'hash-mismatch',
    });
    const e3 = events[3] as AuditEvent;
    expect(await verifyChain(events.with(3, { ...e3, hash: flipLastHex(e3.hash) }))).toMatchObject({
      brokenAt: 4,
      problem: 'hash-mismatch',
    });
  });

  test('an unhashable value slipped into storage is a hash mismatch, not a crash', async () => {
    const events = await buildChain(10);
    expect(await verifyChain(events.with(5, { ...(events[5] as AuditEvent), after: 10n }))).toMatchObject({
      ok: false,
      brokenAt: 6,
      problem: 'hash-mismatch',
    });
  });

  test('deleting an event in the middle breaks the next link', async () => {
    const events = await buildChain(50);
    const removed = events.toSpliced(24, 1); // seq 25 gone
    expect(await verifyChain(removed)).toEqual({
      ok: false,
      events: 49,
      brokenAt: 25,
      eventId: events[25]?.id,
      problem: 'prev-hash-mismatch',
    });
  });

  test('deleting the first event breaks the genesis link', async () => {
    const events = await buildChain(5);
    expect(await verifyChain(events.slice(1))).toMatchObject({
      brokenAt: 1,
      eventId: events[1]?.id,
      problem: 'prev-hash-mismatch',
    });
  });

  test('swapping two events is caught where the first one moved', async () => {
    const events = await buildChain(50);
    const swapped = events.with(10, events[11] as AuditEvent).with(11, events[10] as AuditEvent);
    expect(await verifyChain(swapped)).toEqual({
      ok: false,
      events: 50,
      brokenAt: 11,
      eventId: events[11]?.id,
      problem: 'prev-hash-mismatch',
    });
  });

  test('an inserted forged event with a recomputed hash still breaks the next prevHash', async () => {
    const events = await buildChain(50);
    // A perfectly formed event after seq 20: own hash right, prevHash right, seq 21.
    const forged = await nextEvent(
      {
        reviewId: 'review-A',
        actor: 'mallory',
        action: 'verdict.override',
        target: { type: 'review', id: 'x' },
      },
      events[19],
      new Date(T0 + 19_500),
    );
    const inserted = events.toSpliced(20, 0, forged);
    expect(await verifyChain(inserted)).toEqual({
      ok: false,
      events: 51,
      brokenAt: 22,
      eventId: events[20]?.id,
      problem: 'prev-hash-mismatch',
    });
    // Replacing seq 21 with the forgery instead: caught at seq 22.
    expect(await verifyChain(events.with(20, forged))).toEqual({
      ok: false,
      events: 50,
      brokenAt: 22,
      eventId: events[21]?.id,
      problem: 'prev-hash-mismatch',
    });
  });

  test('an event of another review is named as such', async () => {
    const events = await buildChain(50);
    const other = await buildChain(50, 'review-B');
    const foreign = other[30] as AuditEvent;
    expect(await verifyChain(events.with(30, foreign))).toEqual({
      ok: false,
      events: 50,
      brokenAt: 31,
      eventId: foreign.id,
      problem: 'wrong-review',
    });
    expect(await verifyChain(events.toSpliced(50, 0, other[0] as AuditEvent))).toMatchObject({
      brokenAt: 51,
      problem: 'wrong-review',
    });
  });

  test('correctly linked events with skipped, repeated or misnumbered seq are a sequence gap', async () => {
    const base = await buildChain(5);
    // Re-forge the whole chain (hashes and links right) with the given seq numbers.
    const relink = async (seqs: number[]): Promise<AuditEvent[]> => {
      const out: AuditEvent[] = [];
      for (const [i, seq] of seqs.entries()) {
        out.push(await forge(base[i] as AuditEvent, { seq, prevHash: out.at(-1)?.hash ?? GENESIS }));
      }
      return out;
    };
    expect(await verifyChain(await relink([1, 2, 3, 4, 5]))).toEqual({ ok: true, events: 5 });
    const skipped = await relink([1, 2, 3, 5, 6]);
    expect(await verifyChain(skipped)).toEqual({
      ok: false,
      events: 5,
      brokenAt: 4,
      eventId: skipped[3]?.id,
      problem: 'sequence-gap',
    });
    expect(await verifyChain(await relink([1, 2, 2, 3, 4]))).toMatchObject({
      brokenAt: 3,
      problem: 'sequence-gap',
    });
    expect(await verifyChain(await relink([0, 1, 2, 3, 4]))).toMatchObject({
      brokenAt: 1,
      problem: 'sequence-gap',
    });
  });

  test('reports only the first break when there are several', async () => {
    const events = await buildChain(20);
    const many = events
      .with(15, TAMPERS.actor?.(events[15] as AuditEvent) as AuditEvent)
      .with(4, TAMPERS.at?.(events[4] as AuditEvent) as AuditEvent)
      .toSpliced(9, 1);
    expect(await verifyChain(many)).toMatchObject({ brokenAt: 5, problem: 'hash-mismatch' });
  });

  test('never repairs: the input is left exactly as given', async () => {
    const events = await buildChain(10);
    const broken = events.toSpliced(4, 1);
    const snapshot = structuredClone(broken);
    await verifyChain(broken);
    expect(broken).toEqual(snapshot);
  });

  test('a chain of 1,000 events verifies in well under a second', async () => {
    const events = await buildChain(1000);
    const started = performance.now();
    const result = await verifyChain(events);
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: true, events: 1000 });
    expect(elapsed).toBeLessThan(500);
  });
});
