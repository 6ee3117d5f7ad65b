import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

const refreshes = new EventTarget();

/**
 * Re-runs every live query of this page. Dexie announces changes made in other contexts itself;
 * the background also broadcasts after it writes, so open panels update without depending on
 * that announcement reaching them from a service worker.
 */
export function refreshLiveQueries(): void {
  refreshes.dispatchEvent(new Event('refresh'));
}

/** The state of a live database query. */
export type LiveState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: string };

/**
 * Runs a Dexie query and re-runs it whenever the data it read changes — in this page or in any
 * other of our pages (a second panel, the popup), which is how two windows stay in sync.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((t) => t + 1);
    refreshes.addEventListener('refresh', bump);
    return () => refreshes.removeEventListener('refresh', bump);
  }, []);
  // The caller names the query's inputs in `deps`, as with useEffect itself.
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', error: describeStorageError(error) }),
    });
    return () => subscription.unsubscribe();
  }, [...deps, tick]);
  return state;
}

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
