// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import type { DemoSession } from '../../../src/core/demo-records.ts';
import type { StoredClaim } from '../../../src/core/review-records.ts';
import { DemoLog } from '../../../src/sidepanel/demo/DemoLog.tsx';

afterEach(cleanup);

const session: DemoSession = {
  id: 's1',
  reviewId: 'r1',
  title: 'Demo',
  startedAt: '2026-11-26T10:00:00.000Z',
  by: 'Ada',
};
const entry = (n: number): StoredClaim => ({
  id: `c${n}`,
  reviewId: 'r1',
  sourceId: 's1',
  url: '',
  text: `entry ${n}`,
  headingPath: ['Live demo', 'Demo'],
  structure: 'sentence',
  selector: { exact: `entry ${n}`, prefix: '', suffix: '' },
  flags: { inCode: false, gated: false, hidden: false },
  origin: 'demo',
  capturedAt: `2026-11-26T10:00:0${n}.000Z`,
  demo: { sessionId: 's1', offsetMs: n * 1000, kind: 'evidence', basis: 'shown', control: 'revocation' },
});

const noop = () => undefined;
const log = (entries: StoredClaim[], selected: string | null = null) => (
  <DemoLog
    session={session}
    entries={entries}
    shots={new Map()}
    selected={selected}
    onSelect={noop}
    onBasis={noop}
    onControl={noop}
    onOpenShot={noop}
  />
);

test('new entries appear, changed entries re-render, unchanged ones keep their element', () => {
  const view = render(log([entry(1), entry(2), entry(3)]));
  const rows = () => [...view.container.querySelectorAll('li[data-entry]')];
  expect(rows().map((li) => li.textContent?.includes('entry'))).toEqual([true, true, true]);
  const first = rows()[0];
  view.rerender(log([entry(1), entry(2), entry(3), entry(4), entry(5)]));
  expect(rows().map((li) => li.getAttribute('data-entry'))).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  expect(rows()[0]).toBe(first);
  const changed = {
    ...entry(2),
    demo: { ...(entry(2).demo as NonNullable<StoredClaim['demo']>), basis: 'said' as const },
  };
  view.rerender(log([entry(1), changed, entry(3), entry(4), entry(5)], 'c3'));
  expect(rows()[1]?.querySelector('.basis')?.textContent).toBe('Said');
  expect(rows()[2]?.getAttribute('aria-current')).toBe('true');
});
