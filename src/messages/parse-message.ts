import * as v from 'valibot';
import { MAX_MESSAGE_CHARS } from './protocol.ts';

/** The outcome of checking an incoming message against its schema. */
export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string };

/** Validates an untrusted message: size first (cheap), then shape. Never throws. */
export function parseMessage<S extends v.GenericSchema>(schema: S, raw: unknown): Parsed<v.InferOutput<S>> {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, reason: 'message is not JSON-serialisable' };
  }
  if (size > MAX_MESSAGE_CHARS) return { ok: false, reason: `message too large (${size} characters)` };
  const result = v.safeParse(schema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, reason: `invalid message${path ? ` at ${path}` : ''}: ${issue.message}` };
  }
  return { ok: true, message: result.output };
}
