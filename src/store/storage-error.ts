/** Storage failures (a full disk, a quota) in words a reviewer can act on. */

/** A storage failure in words: quota and disk problems get their own sentence. */
export function describeStorageError(error: unknown): string {
  if (causes(error).some((e) => e.name === 'QuotaExceededError' || /quota/i.test(e.name ?? ''))) {
    return 'The browser’s storage for this extension is full. Free some disk space or delete old reviews; nothing already saved was lost.';
  }
  const message = (error as { message?: unknown } | null)?.message;
  return `Saving or loading failed: ${typeof message === 'string' ? message : String(error)}`;
}

/**
 * The error and what it wraps: a full disk reaches us as a QuotaExceededError, or as an AbortError
 * of the transaction it killed, which Dexie may wrap again (`inner`), or as a `cause`.
 */
function causes(error: unknown): Array<{ name?: string }> {
  const out: Array<{ name?: string }> = [];
  let current = error as { name?: string; inner?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    out.push(current);
    current = (current.inner ?? current.cause) as typeof current;
  }
  return out;
}

/**
 * A failed change in words: our own refusals (plain `Error`s such as "An entry needs text.") as
 * they are, storage failures through `describeStorageError`.
 */
export function describeWriteError(error: unknown): string {
  if (error instanceof Error && error.name === 'Error') return error.message;
  return describeStorageError(error);
}
