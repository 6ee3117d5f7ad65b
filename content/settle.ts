/**
 * Waits until the page stops changing: trust centers built as single-page apps render late
 * (Vanta's initial HTML is an empty body). Resolves after a quiet period with no DOM mutation,
 * or at the upper bound, whichever comes first — never hangs on a page that never settles.
 */

/** How long to wait. */
export interface SettleOptions {
  /** No mutation for this long means settled. */
  quietMs: number;
  /** Give up waiting after this long (the page is read as it is then). */
  maxMs: number;
}

/** Defaults tuned for late-rendering trust centers. */
export const DEFAULT_SETTLE: SettleOptions = { quietMs: 400, maxMs: 5000 };

/**
 * Signs that a page is still waiting for its content: a single-page app fetching data leaves
 * the DOM quiet while it shows a spinner, so quiet alone does not mean settled.
 */
export function looksLoading(doc: Document): boolean {
  if (doc.readyState !== 'complete') return true;
  if (
    doc.querySelector(
      '[aria-busy="true"], .loading, .spinner, .skeleton, [class*="skeleton"], [class*="spinner"]',
    )
  )
    return true;
  return (doc.body?.textContent?.trim().length ?? 0) < 200;
}

/** Resolves `true` when the DOM was quiet for `quietMs` and shows no sign of loading, `false` when `maxMs` ran out first. */
export function waitForSettle(doc: Document, options: SettleOptions = DEFAULT_SETTLE): Promise<boolean> {
  return new Promise((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (settled: boolean) => {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(maxTimer);
      resolve(settled);
    };
    const restartQuiet = () => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => {
        if (looksLoading(doc)) restartQuiet();
        else finish(true);
      }, options.quietMs);
    };
    const observer = new MutationObserver(restartQuiet);
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    const maxTimer = setTimeout(() => finish(false), options.maxMs);
    restartQuiet();
  });
}
