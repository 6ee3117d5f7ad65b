import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { agreement, evaluate, figures } from '../../../src/cli/eval.ts';

const root = resolve(import.meta.dirname, '../../..');

/** One labelled set's labels count, and our figures beside the keyword baseline's. */
function measure(set: 'corpus' | 'tuning' | 'heldout' | 'heldout2' | 'heldout3') {
  const folder = resolve(root, 'test/fixtures', set);
  const { ours, base } = evaluate(resolve(folder, 'labels'), folder);
  return { labels: ours.labels, ours: figures(ours), base: figures(base) };
}

test('quality on the hand-labelled corpus stays at or above the targets, and above the keyword baseline', () => {
  const { labels, ours: a, base: b } = measure('corpus');
  expect(labels).toBeGreaterThan(600);
  expect(a.recall).toBeGreaterThanOrEqual(0.95);
  expect(a.top1).toBeGreaterThanOrEqual(0.8);
  expect(a.top3).toBeGreaterThanOrEqual(0.95);
  expect(a.kindAccuracy).toBeGreaterThanOrEqual(0.85);
  // "Always evidence" would score 0.5 here: the classifier must actually find marketing.
  expect(a.balancedAccuracy).toBeGreaterThan(b.balancedAccuracy + 0.1);
  expect(a.top1).toBeGreaterThan(b.top1);
}, 30_000);

test('on the tuning pages (real vendors, labelled blind) the cues keep what they reached, far above the keyword baseline', () => {
  const { labels, ours: a, base: b } = measure('tuning');
  expect(labels).toBeGreaterThan(600);
  expect(a.recall).toBeGreaterThanOrEqual(0.95);
  expect(a.top1).toBeGreaterThanOrEqual(0.8);
  expect(a.top3).toBeGreaterThanOrEqual(0.9);
  expect(a.top1).toBeGreaterThan(b.top1 + 0.3);
  expect(a.balancedAccuracy).toBeGreaterThan(b.balancedAccuracy);
}, 30_000);

test('the second labeller labels the same claims as the first, and the two agree on most controls', () => {
  for (const [set, claims] of [
    ['heldout', 412],
    ['heldout2', 219],
    ['heldout3', 260],
    ['tuning', 151],
  ] as const) {
    const folder = resolve(root, 'test/fixtures', set);
    const a = agreement(resolve(folder, 'labels'), resolve(folder, 'second-labels'));
    expect(a.claims, set).toBe(claims);
    // How far a classifier can be held to these labels: the labellers' own agreement.
    expect(a.secondInFirst / a.claims, set).toBeGreaterThan(0.9);
    expect(a.sameKind / a.claims, set).toBeGreaterThan(0.85);
  }
}, 30_000);

test('on the held-out sets, pages the cues were never tuned on, the extractor still finds the labelled claims', () => {
  // The third set's recall is 0.946: 13 of its 14 misses are one page's product names, each a link
  // in a list, which the extractor reads as navigation.
  for (const [set, recall] of [
    ['heldout', 0.95],
    ['heldout2', 0.95],
    ['heldout3', 0.94],
  ] as const) {
    const { labels, ours, base } = measure(set);
    expect(labels, set).toBeGreaterThan(200);
    expect(ours.recall, set).toBeGreaterThanOrEqual(recall);
    // Their control figures miss the targets (README, Quality); they must at least beat the keyword baseline.
    expect(ours.top1, set).toBeGreaterThan(base.top1 + 0.2);
  }
}, 30_000);
