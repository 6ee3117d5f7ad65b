/**
 * Why the browser refused a screenshot, in plain words. Browsers only let an extension capture a
 * tab right after the reviewer used the extension on it (toolbar button, context menu, keyboard
 * command) — the `activeTab` grant — and never capture their own pages or the extension store.
 */

/** The keyboard command that captures the tab in front of the reviewer, as the manifest suggests it. */
export const CAPTURE_SHORTCUT = 'Alt+Shift+S';

/** A sentence for a reviewer from a `tabs.captureVisibleTab` rejection. */
export function describeCaptureError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND|quota/i.test(message))
    return 'Too many screenshots in a second: wait a moment and capture again.';
  if (
    /chrome:|edge:|about:|moz-extension:|chrome-extension:|webstore|addons\.mozilla|extensions gallery|cannot be scripted|protected|privileged/i.test(
      message,
    )
  )
    return 'This tab shows a page the browser protects (its own settings, the extension store, another extension), and it does not allow capturing it. Show the demo in an ordinary web page and capture again.';
  if (
    /activeTab|all_urls|permission|not in effect|has not been invoked|Missing host permission/i.test(message)
  )
    return `The browser only lets Vendor Review capture a tab right after you use the extension on it. Click the Vendor Review toolbar button on the tab with the demo, or press ${CAPTURE_SHORTCUT} there, then capture again.`;
  if (/No window|Invalid window|window.*not found/i.test(message))
    return 'That window is closed. Capture from the window that shows the demo.';
  if (/image|readback|failed to capture|Failed to capture/i.test(message))
    return 'The browser could not take a picture of the tab (is the window minimised?). Bring it to the front and capture again.';
  return `The browser refused the screenshot: ${message.slice(0, 300)}`;
}
