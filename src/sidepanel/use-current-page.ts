import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PageInfo } from '../core/review.ts';
import { activeTab, askBackground, onBroadcast } from '../platform/messaging.ts';

/** What the panel knows about the page in its window's active tab. */
export type CurrentPage =
  | { status: 'reading'; tabId?: number }
  | { status: 'ready'; tabId: number; page: PageInfo; readAt: number; refreshing?: boolean }
  | { status: 'unavailable'; tabId?: number; reason: string };

/**
 * Follows the active tab of the panel's window and reads each page it shows (title, URL,
 * amount of text) through the background. Returns the state and a function to read again.
 */
export function useCurrentPage(): [CurrentPage, () => void] {
  const [state, setState] = useState<CurrentPage>({ status: 'reading' });
  const generation = useRef(0);

  const read = useCallback(async () => {
    // A newer read may start before an older one ends (fast tab switches): only the newest lands.
    const mine = ++generation.current;
    const tab = await activeTab();
    if (mine !== generation.current) return;
    if (tab?.id === undefined) {
      setState({ status: 'unavailable', reason: 'There is no open tab in this window.' });
      return;
    }
    const tabId = tab.id;
    // Reading the same tab again keeps what is on screen (and any half-typed form) until the answer.
    setState((previous) =>
      previous.status === 'ready' && previous.tabId === tabId
        ? { ...previous, refreshing: true }
        : { status: 'reading', tabId },
    );
    const reply = await askBackground({ type: 'inspect-tab', tabId: tab.id });
    if (mine !== generation.current) return;
    setState(
      reply.ok
        ? { status: 'ready', tabId: tab.id, page: reply.value, readAt: Date.now() }
        : { status: 'unavailable', tabId: tab.id, reason: reply.error },
    );
  }, []);

  useEffect(() => {
    let windowId: number | undefined;
    const onActivated = (info: browser.Tabs.OnActivatedActiveInfoType) => {
      if (windowId === undefined || info.windowId === windowId) void read();
    };
    const onUpdated = (
      _tabId: number,
      change: browser.Tabs.OnUpdatedChangeInfoType,
      tab: browser.Tabs.Tab,
    ) => {
      if (
        change.status === 'complete' &&
        tab.active &&
        (windowId === undefined || tab.windowId === windowId)
      ) {
        void read();
      }
    };
    void browser.windows.getCurrent().then((w) => {
      windowId = w.id;
    });
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    const stopBroadcasts = onBroadcast((message) => {
      if (message.type === 'tab-access-granted') void read();
    });
    void read();
    return () => {
      stopBroadcasts();
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [read]);

  return [state, () => void read()];
}
