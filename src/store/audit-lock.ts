/**
 * One writer at a time per review's audit trail, across every page of the extension (panels in
 * several windows, the options page, the background). Each change reads the chain's head, hashes
 * its event, then writes: two writers doing that at once both aim at the same place in the chain,
 * and the loser must start again — with a busy reviewer in two windows that retrying snowballs.
 * The Web Locks API queues them instead (same origin: all of our pages share one lock manager).
 */

const localQueues = new Map<string, Promise<unknown>>();

/** Runs `work` while holding the review's audit lock; later callers wait their turn. */
export function withAuditLock<T>(reviewId: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  // The DOM typing wraps the callback's promise once more; at run time request() resolves with its value.
  if (locks) return locks.request(`vendor-review:audit:${reviewId}`, work) as unknown as Promise<T>;
  // No Web Locks (Node in unit tests): a queue for this realm; the retry on a taken seq still
  // protects writers in other realms.
  const previous = localQueues.get(reviewId) ?? Promise.resolve();
  const run = previous.then(work, work);
  localQueues.set(
    reviewId,
    run.catch(() => undefined),
  );
  return run;
}
