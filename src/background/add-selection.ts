/**
 * "Add to review": the text selected on a vendor page becomes a claim of the vendor's review —
 * from the context menu, the keyboard command or the popup, all through this one function. A
 * vendor without a review gets one (name guessed from the page title, domain from its host).
 */
import browser from 'webextension-polyfill';
import { classifyClaim } from '../core/classify/classify-claim.ts';
import { vendorDomainOf } from '../core/vendor-domain.ts';
import { guessVendorName } from '../core/vendor-name.ts';
import type { SelectionAdded } from '../messages/protocol.ts';
import { fail, ok, type Reply } from '../messages/reply.ts';
import { broadcast } from '../platform/messaging.ts';
import { loadSettings } from '../platform/settings.ts';
import { database } from '../store/db.ts';
import { createReview, findReviewForHost, recordSource } from '../store/reviews.ts';
import { keepClaim } from '../store/workspace.ts';
import { captureSelectionInTab } from './inspect-tab.ts';

/** Adds the tab's selected text to the vendor's review. */
export async function addSelection(tabId: number): Promise<Reply<SelectionAdded>> {
  const captured = await captureSelectionInTab(tabId);
  if (!captured.ok) return captured;
  const { claim, page } = captured.value;
  if (!claim)
    return fail('Nothing is selected on the page. Select the sentence you want to keep, then try again.');
  const db = database();
  const host = new URL(page.url).hostname;
  let review = await findReviewForHost(db, host);
  const createdReview = review === undefined;
  if (!review) {
    const domain = vendorDomainOf(host);
    review = await createReview(db, { vendor: guessVendorName(page.title, domain), domains: [domain] });
  }
  const source = await recordSource(db, review.id, page);
  const { reviewerName } = await loadSettings();
  await keepClaim(db, reviewerName, {
    reviewId: review.id,
    sourceId: source.id,
    url: source.url,
    claim,
    suggestion: classifyClaim(claim),
    origin: 'selection',
  });
  // Open panels re-read at once, without depending on Dexie's own cross-context announcement.
  broadcast({ type: 'data-changed' });
  return ok({ text: claim.text, vendor: review.vendor, createdReview });
}

/** Shows an outcome on the toolbar button for a moment (a context menu or command has no other place to say it). */
export async function flashBadge(tabId: number, reply: Reply<unknown>, done: string): Promise<void> {
  const action = browser.action;
  await action.setBadgeText({ tabId, text: reply.ok ? '+1' : '!' });
  await action.setTitle({ tabId, title: reply.ok ? done : reply.error });
  setTimeout(() => {
    void action.setBadgeText({ tabId, text: '' });
    void action.setTitle({ tabId, title: 'Vendor Review' });
  }, 4000);
}
