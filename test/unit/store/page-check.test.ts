import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ExtractedClaim } from '../../../src/core/claim.ts';
import { backupJson } from '../../../src/export/backup.ts';
import { parseBackup } from '../../../src/export/backup-schema.ts';
import { markdownReport } from '../../../src/export/markdown-report.ts';
import { buildReport } from '../../../src/export/report.ts';
import { eventsOf, verifyReviewChain } from '../../../src/store/audit-log.ts';
import { ReviewDatabase } from '../../../src/store/db.ts';
import { readSnapshot } from '../../../src/store/review-snapshot.ts';
import { createReview, recordSource } from '../../../src/store/reviews.ts';
import { keepClaim, recordPageCheck, setAssessment } from '../../../src/store/workspace.ts';

let name: string;
let db: ReviewDatabase;
beforeEach(() => {
  name = `pc-${crypto.randomUUID()}`;
  db = new ReviewDatabase(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const quote = 'Tokens expire after 15 minutes.';
const extracted: ExtractedClaim = {
  text: quote,
  headingPath: ['Security'],
  structure: 'sentence',
  selector: { exact: quote, prefix: '', suffix: '', start: 0, end: quote.length },
  flags: { inCode: false, gated: false, hidden: false },
  origin: 'dom',
};

test('a claim that changed on its page is recorded once, audited, and makes its evidence stale in every export', async () => {
  const review = await createReview(db, { vendor: 'Acme', domains: ['acme.com'] });
  const source = await recordSource(db, review.id, {
    url: 'https://trust.acme.com/',
    title: 'Trust',
    textLength: 10,
  });
  const claim = await keepClaim(db, 'Ada', {
    reviewId: review.id,
    sourceId: source.id,
    url: source.url,
    claim: extracted,
    origin: 'extracted',
  });
  await setAssessment(db, 'Ada', claim, 'jit-access', 'evidence');

  // Still there: nothing written.
  await recordPageCheck(db, 'Ada', claim, { status: 'anchored' });
  expect((await eventsOf(db, review.id)).map((e) => e.action)).not.toContain('claim.page-check');

  await recordPageCheck(db, 'Ada', claim, {
    status: 'changed',
    currentText: 'Tokens expire after 24 hours.',
  });
  await recordPageCheck(db, 'Ada', claim, {
    status: 'changed',
    currentText: 'Tokens expire after 24 hours.',
  });
  const checks = (await eventsOf(db, review.id)).filter((e) => e.action === 'claim.page-check');
  expect(checks.length).toBe(1);
  expect(checks[0]?.after).toMatchObject({ status: 'changed', currentText: 'Tokens expire after 24 hours.' });
  expect(await verifyReviewChain(db, review.id)).toMatchObject({ ok: true });

  const snapshot = await readSnapshot(db, review.id);
  if (!snapshot) throw new Error('no snapshot');
  const report = buildReport(snapshot);
  expect(report.controls.find((c) => c.id === 'jit-access')?.status.kind).toBe('stale');
  expect(markdownReport(report)).toContain('The page now says: “Tokens expire after 24 hours\\.”');

  // The check travels in the backup.
  const parsed = await parseBackup(backupJson([snapshot], { name: 'test', version: '0' }));
  expect(parsed.ok && parsed.backup.reviews[0]?.claims[0]?.pageCheck?.status).toBe('changed');
});
