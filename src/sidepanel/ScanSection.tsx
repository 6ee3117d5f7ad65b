import { useRef, useState } from 'preact/hooks';
import type { ExtractedClaim } from '../core/claim.ts';
import { askBackground } from '../platform/messaging.ts';
import { ScanResults } from './ScanResults.tsx';
import type { ScanState } from './use-scan.ts';
import type { Tagging } from './use-tagging.ts';

const PLATFORM_NAMES = { safebase: 'SafeBase', conveyor: 'Conveyor', vanta: 'Vanta', generic: '' } as const;

/** Scanning the page for claims: the button, the progress, the outcome, and "rescan" after the page changed. */
export function ScanSection({
  tabId,
  state,
  stale,
  onScan,
  tagging,
}: {
  tabId: number;
  state: ScanState;
  stale: boolean;
  onScan: () => void;
  tagging?: Tagging;
}) {
  const [showError, setShowError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const show = async (claim: ExtractedClaim) => {
    const reply = await askBackground({ type: 'show-claim', tabId, selector: claim.selector });
    if (!reply.ok) setShowError(reply.error);
    else if (!reply.value.found)
      setShowError('That text is no longer on the page (it changed since the scan). Rescan to update.');
    else setShowError(null);
  };
  return (
    <section
      aria-labelledby="scan-heading"
      id="scan"
      data-state={state.status}
      onKeyDown={(e) => {
        // "/" jumps to the search box from anywhere in the list.
        if (e.key === '/' && (e.target as HTMLElement).tagName !== 'INPUT') {
          e.preventDefault();
          search.current?.focus();
        }
      }}
    >
      <div class="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="scan-heading">Claims on this page</h2>
        <button
          type="button"
          id="scan-button"
          class={state.status === 'idle' ? 'primary' : ''}
          onClick={onScan}
          disabled={state.status === 'scanning'}
        >
          {state.status === 'idle' ? 'Scan this page' : 'Rescan'}
        </button>
      </div>
      {stale && state.status === 'done' && (
        <p class="notice" id="scan-stale" role="status">
          The page has changed since this scan (it navigated inside the app). Rescan to read it again.
        </p>
      )}
      {state.status === 'idle' && (
        <p class="muted">Read the page’s claims, grouped by control, with a suggestion for each.</p>
      )}
      {state.status === 'scanning' && (
        <p class="muted" role="status">
          Waiting for the page to finish rendering, then reading it…
        </p>
      )}
      {state.status === 'error' && (
        <p class="notice error" role="alert">
          {state.error}
        </p>
      )}
      {showError && (
        <p class="notice error" role="alert" id="show-error">
          {showError}
        </p>
      )}
      {state.status === 'done' && (
        <>
          <p class="muted" id="scan-summary">
            {state.extraction.claims.length} claims
            {PLATFORM_NAMES[state.extraction.platform] &&
              ` · ${PLATFORM_NAMES[state.extraction.platform]} trust center`}
            {state.extraction.settled === false &&
              ' · the page still looked unfinished after 5 s; read as it was'}
          </p>
          {state.extraction.truncated && (
            <p class="notice" role="status">
              Stopped early: {state.extraction.truncated}. The claims found so far are below.
            </p>
          )}
          {tagging?.error && (
            <p class="notice error" role="alert" id="tag-error">
              {tagging.error}
            </p>
          )}
          {state.extraction.claims.length === 0 ? (
            <p class="muted">No claims found on this page.</p>
          ) : (
            <>
              <div class="row">
                <input
                  ref={search}
                  type="search"
                  id="claim-search"
                  placeholder="Search claims ( / )"
                  aria-label="Search claims"
                  value={filter}
                  onInput={(e) => setFilter(e.currentTarget.value)}
                />
                {tagging && (
                  <button
                    type="button"
                    id="undo"
                    onClick={() => void tagging.undo()}
                    disabled={!tagging.canUndo}
                    title="Undo the last change (u)"
                  >
                    Undo
                  </button>
                )}
              </div>
              {!tagging && <p class="muted">Start a review for this vendor to tag claims.</p>}
              <ScanResults
                claims={state.extraction.claims}
                suggestions={state.suggestions}
                onShow={show}
                filter={filter}
                {...(tagging ? { tagging } : {})}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
