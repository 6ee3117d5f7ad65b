import { useEffect, useRef, useState } from 'preact/hooks';
import type { Review } from '../core/review.ts';
import { normaliseSourceUrl } from '../core/source-url.ts';
import { loadSettings } from '../platform/settings.ts';
import { database } from '../store/db.ts';
import { findReviewForHost, listReviews, recordSource } from '../store/reviews.ts';
import { describeStorageError } from '../store/storage-error.ts';
import { useLiveQuery } from '../ui/use-live-query.ts';
import { CurrentPageCard } from './CurrentPageCard.tsx';
import { ReviewList } from './ReviewList.tsx';
import { ReviewWorkspace } from './ReviewWorkspace.tsx';
import { ScanSection } from './ScanSection.tsx';
import { StartReview } from './StartReview.tsx';
import { useCurrentPage } from './use-current-page.ts';
import { useScan } from './use-scan.ts';

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** The side panel (Chrome) / sidebar (Firefox): the reviewer's workspace. */
export function App() {
  const [page, reread] = useCurrentPage();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [writeError, setWriteError] = useState<string | null>(null);
  const recorded = useRef(new Set<string>());
  const [scan, runScan, resetScan] = useScan();
  const [actor, setActor] = useState('');
  useEffect(() => {
    loadSettings().then(
      (s) => setActor(s.reviewerName),
      () => setActor(''),
    );
  }, []);
  const tabId = page.status === 'ready' ? page.tabId : undefined;
  // A scan belongs to the tab it read.
  // Only a different tab resets it: a tab passing through "reading" keeps its scan (and one in flight).
  const scannedTab = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (tabId === undefined || tabId === scannedTab.current) return;
    if (scannedTab.current !== undefined) resetScan();
    scannedTab.current = tabId;
  }, [tabId, resetScan]);
  const stale =
    scan.status === 'done' &&
    page.status === 'ready' &&
    normaliseSourceUrl(scan.extraction.url || page.page.url) !== normaliseSourceUrl(page.page.url);

  const host = page.status === 'ready' ? hostOf(page.page.url) : undefined;
  const matching = useLiveQuery(
    () => (host ? findReviewForHost(database(), host) : Promise.resolve(undefined)),
    [host],
  );
  const reviews = useLiveQuery(() => listReviews(database()), []);

  const matchingReview = matching.status === 'ready' ? matching.value : undefined;
  const chosen =
    chosenId && reviews.status === 'ready' ? reviews.value.find((r) => r.id === chosenId) : undefined;
  const shown: Review | undefined = chosen ?? matchingReview;

  // A page of the vendor's read with the panel open becomes one of the review's sources.
  useEffect(() => {
    if (page.status !== 'ready' || !matchingReview) return;
    const key = `${matchingReview.id} ${page.page.url}`;
    if (recorded.current.has(key)) return;
    recorded.current.add(key);
    recordSource(database(), matchingReview.id, page.page).then(
      () => setWriteError(null),
      (error: unknown) => {
        recorded.current.delete(key);
        setWriteError(describeStorageError(error));
      },
    );
  }, [page, matchingReview]);

  return (
    <main>
      <header class="row" style={{ justifyContent: 'space-between' }}>
        <h1>Vendor Review</h1>
        {chosen && matchingReview?.id !== chosen.id && (
          <button type="button" class="link" onClick={() => setChosenId(null)}>
            Back to this page’s review
          </button>
        )}
      </header>
      <CurrentPageCard page={page} onReread={reread} />
      {!shown && page.status === 'ready' && (
        <ScanSection tabId={page.tabId} state={scan} stale={stale} onScan={() => void runScan(page.tabId)} />
      )}
      {writeError && (
        <p class="notice error" role="alert">
          {writeError}
        </p>
      )}
      {shown && (
        <ReviewWorkspace
          review={shown}
          // Claims can be tagged only into the review the page belongs to.
          page={
            page.status === 'ready' && matchingReview?.id === shown.id
              ? { ...page.page, readAt: page.readAt }
              : undefined
          }
          tabId={page.status === 'ready' ? page.tabId : undefined}
          actor={actor}
          scan={scan}
          stale={stale}
          onScan={() => page.status === 'ready' && void runScan(page.tabId)}
        />
      )}
      {!shown && page.status === 'ready' && matching.status === 'ready' && hostOf(page.page.url) && (
        <StartReview page={page.page} onCreated={(review) => setChosenId(review.id)} />
      )}
      <ReviewList reviews={reviews} currentId={shown?.id} onOpen={setChosenId} />
    </main>
  );
}
