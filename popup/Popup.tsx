import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { pageAccessProblem } from '../src/core/page-access.ts';
import type { Review } from '../src/core/review.ts';
import { requestVendorAccess } from '../src/platform/host-access.ts';
import { activeTab, askBackground, broadcast } from '../src/platform/messaging.ts';
import { openSidePanel } from '../src/platform/open-side-panel.ts';
import { database } from '../src/store/db.ts';
import { findReviewForHost, sourcesOf } from '../src/store/reviews.ts';
import { describeStorageError } from '../src/store/storage-error.ts';

/** What the popup knows about the active tab. */
type SiteState =
  | { status: 'loading' }
  | { status: 'unreadable'; windowId?: number; reason: string }
  | { status: 'ready'; windowId?: number; tabId: number; host: string; review?: Review; pages: number };

async function loadSite(): Promise<SiteState> {
  const tab = await activeTab();
  const problem = pageAccessProblem(tab?.url, true);
  if (!tab || tab.id === undefined || !tab.url || problem) {
    return { status: 'unreadable', windowId: tab?.windowId, reason: problem ?? 'No tab is open.' };
  }
  // Opening the popup granted access to this tab: an open panel can read it now.
  broadcast({ type: 'tab-access-granted', tabId: tab.id });
  const host = new URL(tab.url).hostname;
  const review = await findReviewForHost(database(), host);
  const pages = review ? (await sourcesOf(database(), review.id)).length : 0;
  return { status: 'ready', windowId: tab.windowId, tabId: tab.id, host, review, pages };
}

/**
 * The toolbar popup. Opening it grants `activeTab` on the current tab; from here the reviewer
 * opens the panel (in the same click, so the gesture counts) or takes a quick action.
 */
export function Popup() {
  const [site, setSite] = useState<SiteState>({ status: 'loading' });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    loadSite().then(setSite, (e: unknown) =>
      setSite({ status: 'unreadable', reason: describeStorageError(e) }),
    );
  }, []);

  const windowId = site.status === 'loading' ? undefined : site.windowId;

  const openPanel = () => {
    // No await before this call: the browser only opens the panel inside the click's gesture.
    openSidePanel(windowId).then(
      () => window.close(),
      (e: unknown) => setMessage({ text: `The panel could not be opened: ${String(e)}`, error: true }),
    );
  };

  const readPage = async () => {
    if (site.status !== 'ready') return;
    setMessage({ text: 'Reading the page…', error: false });
    const reply = await askBackground({ type: 'inspect-tab', tabId: site.tabId });
    setMessage(
      reply.ok
        ? {
            text: `“${reply.value.title}”: ${reply.value.textLength.toLocaleString('en-US')} characters of text.`,
            error: false,
          }
        : { text: reply.error, error: true },
    );
  };

  const addSelection = async () => {
    if (site.status !== 'ready') return;
    const reply = await askBackground({ type: 'add-selection', tabId: site.tabId });
    setMessage(
      reply.ok
        ? {
            text: `Added to the review of ${reply.value.vendor}${reply.value.createdReview ? ' (a new review)' : ''}: “${reply.value.text.slice(0, 120)}”`,
            error: false,
          }
        : { text: reply.error, error: true },
    );
  };

  const allowVendor = () => {
    if (site.status !== 'ready' || !site.review) return;
    const domains = site.review.domains;
    requestVendorAccess(domains).then(
      (granted) =>
        setMessage(
          granted
            ? { text: `The extension can now read every page of ${domains.join(', ')}.`, error: false }
            : { text: 'Access was not granted; the extension reads only tabs you open it on.', error: true },
        ),
      (e: unknown) => setMessage({ text: String(e), error: true }),
    );
  };

  return (
    <main>
      <h1>Vendor Review</h1>
      <section aria-live="polite" id="site-status">
        {site.status === 'loading' && <p class="muted">Looking at this tab…</p>}
        {site.status === 'unreadable' && <p>{site.reason}</p>}
        {site.status === 'ready' && (
          <div class="stack">
            <p class="title">{site.host}</p>
            {site.review ? (
              <p>
                In review: <strong>{site.review.vendor}</strong> · {site.pages} page
                {site.pages === 1 ? '' : 's'} read
              </p>
            ) : (
              <p class="muted">No review for this site yet. Open the panel to start one.</p>
            )}
          </div>
        )}
      </section>
      <button
        type="button"
        class="primary"
        id="open-panel"
        onClick={openPanel}
        disabled={site.status === 'loading'}
      >
        Open side panel
      </button>
      <div class="row">
        <button type="button" id="read-page" onClick={readPage} disabled={site.status !== 'ready'}>
          Read this page
        </button>
        <button
          type="button"
          id="add-selection"
          onClick={() => void addSelection()}
          disabled={site.status !== 'ready'}
          title="Add the text selected on the page to the review (Alt+Shift+A, or right-click › Add to review)"
        >
          Add selected text
        </button>
        {site.status === 'ready' && site.review && (
          <button type="button" id="allow-vendor" onClick={allowVendor}>
            Read all of {site.review.domains.join(', ')}
          </button>
        )}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </div>
      {message && (
        <p class={message.error ? 'notice error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </main>
  );
}
