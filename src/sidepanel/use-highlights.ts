import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PageInfo } from '../core/review.ts';
import type { StoredClaim } from '../core/review-records.ts';
import { normaliseSourceUrl } from '../core/source-url.ts';
import { claimClickedIn } from '../messages/highlight-click.ts';
import type { AnchorReport } from '../messages/protocol.ts';
import { askBackground } from '../platform/messaging.ts';
import { database } from '../store/db.ts';
import { recordPageCheck } from '../store/workspace.ts';
import type { ReviewData } from './use-review-data.ts';

/** Stores each claim's re-anchoring result where it changed, so stale evidence shows off the page too. */
async function keepPageChecks(
  reports: readonly AnchorReport[],
  claims: readonly StoredClaim[],
  actor: string,
) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  for (const r of reports) {
    const claim = byId.get(r.id);
    // Not reached in the page's time budget: what was recorded before still stands.
    if (!claim || r.status === 'unchecked') continue;
    // A failed write here is not the reviewer's to fix: the highlight is drawn either way.
    await recordPageCheck(database(), actor, claim, {
      status: r.status,
      ...(r.currentText !== undefined ? { currentText: r.currentText } : {}),
    }).catch(() => undefined);
  }
}

/**
 * Draws the review's claims on the page in the active tab (re-anchoring each), keeps how each
 * fared (anchored, changed since capture, orphaned), and reports clicks on a highlight.
 */
export function useHighlights(
  tabId: number | undefined,
  page: (PageInfo & { readAt?: number }) | undefined,
  data: ReviewData | undefined,
  onClaimClicked: (claimId: string) => void,
  actor: string,
): ReadonlyMap<string, AnchorReport> {
  const [reports, setReports] = useState<ReadonlyMap<string, AnchorReport>>(new Map());
  const url = page ? normaliseSourceUrl(page.url) : undefined;
  const toDraw = useMemo(() => {
    if (!data || !url) return [];
    const verdicts = new Map<string, Set<string>>();
    for (const a of data.assessments)
      verdicts.set(a.claimId, (verdicts.get(a.claimId) ?? new Set()).add(a.verdict));
    return data.claims
      .filter((c) => c.url === url)
      .map((c) => {
        const v = verdicts.get(c.id);
        const tone = v?.has('evidence') ? 'evidence' : v?.has('marketing') ? 'marketing' : 'neutral';
        return { id: c.id, selector: c.selector, tone } as const;
      });
  }, [data, url]);
  const signature = JSON.stringify([tabId, page?.readAt, toDraw.map((c) => [c.id, c.tone])]);

  // The signature stands for the tab, the page read and the claims to draw.
  useEffect(() => {
    if (tabId === undefined || toDraw.length === 0) {
      setReports(new Map());
      return;
    }
    let live = true;
    void askBackground({ type: 'highlight-claims', tabId, claims: toDraw }).then((reply) => {
      if (!live || !reply.ok) return;
      setReports(new Map(reply.value.map((r) => [r.id, r])));
      void keepPageChecks(reply.value, data?.claims ?? [], actor);
    });
    return () => {
      live = false;
    };
  }, [signature]);

  useEffect(() => {
    const listener = (raw: unknown, sender: browser.Runtime.MessageSender) => {
      const claimId = claimClickedIn(raw, sender, browser.runtime.id, tabId);
      if (claimId) onClaimClicked(claimId);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [tabId, onClaimClicked]);

  return reports;
}
