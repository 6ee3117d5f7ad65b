/** The panel's side of "Capture screenshot": the background captures the panel window's visible tab. */
import browser from 'webextension-polyfill';
import type { ScreenshotTarget } from '../../core/demo-records.ts';
import type { ScreenshotTaken } from '../../messages/protocol.ts';
import type { Reply } from '../../messages/reply.ts';
import { askBackground } from '../../platform/messaging.ts';

/** Captures the tab shown beside this panel into a review, attached to an entry and control. */
export async function captureBesidePanel(target: ScreenshotTarget): Promise<Reply<ScreenshotTaken>> {
  const windowId = (await browser.windows.getCurrent()).id;
  return askBackground({
    type: 'capture-screenshot',
    ...(windowId !== undefined ? { windowId } : {}),
    ...target,
  });
}
