import { describe, expect, test } from 'vitest';
import { claimClickedIn } from '../../../src/messages/highlight-click.ts';

const ID = 'ourextensionid';
const click = { type: 'highlight-clicked', claimId: 'c-1' };
const fromTab = (tabId: number, frameId = 0) => ({
  id: ID,
  url: 'https://vendor.example/',
  tab: { id: tabId },
  frameId,
});

describe('claimClickedIn', () => {
  test("a click from our content script in the panel's own tab selects the claim", () => {
    expect(claimClickedIn(click, fromTab(7), ID, 7)).toBe('c-1');
  });

  test.each([
    ['another tab (the other window’s review)', click, fromTab(8)],
    ['a frame of the tab', click, fromTab(7, 3)],
    ['another extension', click, { ...fromTab(7), id: 'someoneelse' }],
    ['one of our pages (no tab)', click, { id: ID, url: `chrome-extension://${ID}/popup/index.html` }],
    ['a wrong shape', { type: 'highlight-clicked', claimId: 'c-1', extra: 1 }, fromTab(7)],
    ['an unknown type', { type: 'select-claim', claimId: 'c-1' }, fromTab(7)],
    ['an oversized id', { type: 'highlight-clicked', claimId: 'x'.repeat(100_000) }, fromTab(7)],
  ])('ignores a message from %s', (_, raw, sender) => {
    expect(claimClickedIn(raw, sender, ID, 7)).toBeUndefined();
  });

  test('a panel with no tab takes no click', () => {
    expect(claimClickedIn(click, fromTab(7), ID, undefined)).toBeUndefined();
  });
});
