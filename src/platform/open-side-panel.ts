import browser from 'webextension-polyfill';

/**
 * Opens the review panel: Chrome's side panel or Firefox's sidebar. It must be called
 * synchronously inside a user gesture (a click handler, a command listener) — browsers refuse
 * it after an `await` — so it takes the window id rather than looking it up.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const sidePanel = globalThis.chrome?.sidePanel;
  if (sidePanel?.open) {
    if (windowId === undefined) return Promise.reject(new Error('No browser window to open the panel in.'));
    return sidePanel.open({ windowId });
  }
  if (browser.sidebarAction?.open) return browser.sidebarAction.open();
  return Promise.reject(new Error('This browser has neither a side panel nor a sidebar for extensions.'));
}
