import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { describeStorageError } from '../store/storage-error.ts';

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
