import type { CurrentPage } from './use-current-page.ts';

/** The page in the active tab: its title, address and amount of text, or why it cannot be read. */
export function CurrentPageCard({ page, onReread }: { page: CurrentPage; onReread: () => void }) {
  return (
    <section
      aria-labelledby="current-page-heading"
      data-state={page.status}
      data-read-at={page.status === 'ready' ? page.readAt : undefined}
    >
      <div class="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="current-page-heading">This page</h2>
        <button
          type="button"
          id="read-again"
          onClick={onReread}
          disabled={page.status === 'reading' || (page.status === 'ready' && page.refreshing)}
        >
          Read again
        </button>
      </div>
      {page.status === 'reading' && (
        <p class="muted" role="status">
          Reading the page…
        </p>
      )}
      {page.status === 'ready' && (
        <div class="stack" id="current-page">
          <p class="title" id="page-title">
            {page.page.title || '(untitled page)'}
          </p>
          <p class="url" id="page-url">
            {page.page.url}
          </p>
          <p class="muted" id="page-text-length">
            {page.page.textLength.toLocaleString('en-US')} characters of text
          </p>
        </div>
      )}
      {page.status === 'unavailable' && (
        <p class="notice" id="page-unavailable" role="status">
          {page.reason}
        </p>
      )}
    </section>
  );
}
