/** Waiting on Firefox's sidebar, shared by the Firefox e2e tests. */
import type { FirefoxSession } from './harness/firefox.ts';

/**
 * Waits in the sidebar's page (of the first window, or of the window holding the tab `inWindowOf`)
 * until the expression is truthy; on timeout, says what it shows.
 */
export async function waitInSidebar(
  session: FirefoxSession,
  expression: string,
  timeoutMs = 10_000,
  inWindowOf?: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await session.sidebarEvaluate<boolean>(`Boolean(${expression})`, inWindowOf).catch(() => false))
      return;
    if (Date.now() > deadline) {
      const body = await session.sidebarEvaluate<string>('document.body.innerText', inWindowOf).catch(String);
      throw new Error(`Timed out waiting in the sidebar for ${expression}; it shows:\n${body}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
