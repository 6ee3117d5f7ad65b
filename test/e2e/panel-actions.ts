/** What a reviewer does in the side panel, as steps the Chromium e2e tests share. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ChromiumSession, ExtensionTarget } from './harness/chromium.ts';

/** Opens the side panel for a tab the way a reviewer does: toolbar button, then "Open side panel". */
export async function openPanelFor(
  browser: ChromiumSession,
  page: Page,
  except: readonly string[] = [],
): Promise<ExtensionTarget> {
  const popup = await browser.clickToolbarButton(page);
  await popup.waitFor(`document.querySelector('#open-panel')?.disabled === false`);
  await clickOpenPanel(popup);
  return browser.extensionTarget('src/sidepanel/index.html', 10_000, except);
}

/**
 * Clicks the popup's "Open side panel" as a user would. The popup closes itself once the panel is
 * open, and on busy cores that can come before the click's answer does ("Runtime.evaluate: no
 * answer within 15000 ms"): a lost answer is not a failure, as callers then wait for the panel.
 */
export async function clickOpenPanel(popup: ExtensionTarget): Promise<void> {
  await popup
    .evaluate(`document.querySelector('#open-panel').click()`, { userGesture: true })
    .catch((e: unknown) => {
      if (!String(e).includes('no answer')) throw e;
    });
}

/**
 * Runs `script` in the panel, then closes the panel in the next task, and returns at once: an
 * evaluate that closes its own page in the same task can lose its answer when the cores are busy
 * (seen as "Runtime.evaluate: no answer within 15000 ms"). Reopen with `except: [panel.targetId]`.
 */
export async function closePanel(panel: ExtensionTarget, script = ''): Promise<void> {
  await panel.evaluate(`(() => { ${script}; setTimeout(() => window.close(), 0); })()`);
}

/** Focuses the first scanned claim whose text matches `pattern` (a regex literal) and presses keys on it. */
export async function keysOnClaim(panel: ExtensionTarget, pattern: string, ...keys: string[]): Promise<void> {
  const ok = await panel.evaluate<boolean>(`(() => {
    for (const b of document.querySelectorAll('#scan-groups .group-header[aria-expanded="false"]')) b.click();
    return true;
  })()`);
  expect(ok).toBe(true);
  await panel.waitFor(
    `[...document.querySelectorAll('#scan-groups li.claim')].some((li) => ${pattern}.test(li.textContent))`,
  );
  await panel.evaluate(
    `[...document.querySelectorAll('#scan-groups li.claim')].find((li) => ${pattern}.test(li.textContent)).focus()`,
  );
  for (const key of keys) {
    await panel.cdp('Input.dispatchKeyEvent', {
      type: 'keyDown',
      key,
      text: key.length === 1 ? key : undefined,
    });
    await panel.cdp('Input.dispatchKeyEvent', { type: 'keyUp', key });
  }
}
