// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import type { ExtractedClaim } from '../../../src/core/claim.ts';
import type { Suggestion } from '../../../src/core/classify/classify-claim.ts';
import type { ControlId } from '../../../src/core/controls.ts';
import type { AssessmentVerdict } from '../../../src/core/review-records.ts';
import { FULL_RENDER_LIMIT, ScanResults } from '../../../src/sidepanel/ScanResults.tsx';
import type { Tagging } from '../../../src/sidepanel/use-tagging.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function scan(count: number, control: (i: number) => ControlId = () => 'workload-identity') {
  const claims: ExtractedClaim[] = [];
  const suggestions: Suggestion[] = [];
  for (let i = 0; i < count; i++) {
    const text = `Claim number ${i}: tokens expire after ${i + 1} minutes.`;
    claims.push({
      text,
      headingPath: ['Security'],
      structure: 'sentence',
      selector: { exact: text, prefix: '', suffix: '' },
      flags: { inCode: false, gated: false, hidden: false },
      origin: 'dom',
    });
    suggestions.push({ controls: [{ id: control(i), score: 3 }], kind: 'evidence', cues: [], redFlags: [] });
  }
  return { claims, suggestions };
}

function fakeTagging(): Tagging & { tag: ReturnType<typeof vi.fn> } {
  return {
    tagsOf: () => new Map<ControlId, AssessmentVerdict>(),
    flagsOf: () => [],
    tag: vi.fn(async () => {}),
    raise: async () => {},
    undo: async () => false,
    canUndo: false,
    error: null,
  };
}

const rows = (container: Element) => [...container.querySelectorAll<HTMLElement>('#scan-groups li.claim')];
const indexOf = (el: Element | null) => Number((el as HTMLElement | null)?.dataset.claimIndex);

test('a short list renders every claim, as before', () => {
  const { claims, suggestions } = scan(91, (i) => (i % 2 ? 'revocation' : 'auditability'));
  const { container } = render(
    <ScanResults claims={claims} suggestions={suggestions} onShow={() => {}} filter="" expanded />,
  );
  expect(rows(container)).toHaveLength(91);
  expect(container.querySelector('[aria-setsize]')).toBeNull();
  expect(container.querySelector('.claims-spacer')).toBeNull();
  expect(FULL_RENDER_LIMIT).toBeGreaterThanOrEqual(91);
});

test('a long list renders only the rows near the view, each with its size and place in the list', async () => {
  const { claims, suggestions } = scan(1000);
  const { container } = render(
    <ScanResults claims={claims} suggestions={suggestions} onShow={() => {}} filter="" expanded />,
  );
  // No layout here: rows are assumed 96 px high, the view 768 px, with the overscan each way.
  await waitFor(() => expect(rows(container).length).toBeGreaterThan(1));
  const shown = rows(container);
  expect(shown.length).toBeLessThan(30);
  expect(shown.map(indexOf)).toEqual(shown.map((_, i) => i));
  expect(shown[0]?.getAttribute('aria-setsize')).toBe('1000');
  expect(shown[3]?.getAttribute('aria-posinset')).toBe('4');
  expect(container.querySelector('.claims-spacer')?.getAttribute('aria-hidden')).toBe('true');
  // The list is still a list: its children are list items.
  const list = container.querySelector('ul.claims') as HTMLElement;
  expect([...list.children].every((c) => c.tagName === 'LI')).toBe(true);
});

test('measured heights and the scroll position decide which rows are rendered', async () => {
  const { claims, suggestions } = scan(1000);
  let listTop = 0;
  // Rows 100 px high; the list's top moves up as the page scrolls.
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const top = this.matches('ul.claims') ? listTop : 0;
    const height = this.matches('li.claim') ? 100 : 0;
    return { top, bottom: top + height, height, left: 0, right: 400, width: 400, x: 0, y: top } as DOMRect;
  });
  const { container } = render(
    <ScanResults claims={claims} suggestions={suggestions} onShow={() => {}} filter="" expanded />,
  );
  await waitFor(() => expect(rows(container).length).toBeGreaterThan(1));
  listTop = -50_000;
  fireEvent.scroll(window);
  // The view is 50,000–50,768 px down the list: row 500 onwards, with the overscan each side.
  await waitFor(() => expect(rows(container).some((r) => indexOf(r) === 500)).toBe(true));
  const shown = rows(container).map(indexOf);
  expect(Math.min(...shown)).toBeGreaterThan(480);
  expect(Math.max(...shown)).toBeLessThan(520);
  expect(shown).toContain(507);
  // The spacer above stands for rows 0 to the first rendered one, at their measured/estimated height.
  const spacer = container.querySelector<HTMLElement>('.claims-spacer');
  expect(Number.parseFloat(spacer?.style.height ?? '')).toBe(Math.min(...shown) * 100);
});

test('↓ and j past the last rendered row render the next claim and focus it; ↑ and k come back', async () => {
  const { claims, suggestions } = scan(1000);
  const tagging = fakeTagging();
  const { container } = render(
    <ScanResults
      claims={claims}
      suggestions={suggestions}
      onShow={() => {}}
      tagging={tagging}
      filter=""
      expanded
    />,
  );
  await waitFor(() => expect(rows(container).length).toBeGreaterThan(1));
  const last = rows(container).at(-1) as HTMLElement;
  const lastIndex = indexOf(last);
  expect(container.querySelector(`li.claim[data-claim-index="${lastIndex + 1}"]`)).toBeNull();
  last.focus();
  fireEvent.keyDown(last, { key: 'ArrowDown' });
  await waitFor(() => expect(indexOf(document.activeElement)).toBe(lastIndex + 1));
  // Far down by the keyboard alone: every step lands on the next claim, rendered and focused.
  for (let step = 2; step <= 60; step++) {
    fireEvent.keyDown(document.activeElement as Element, { key: 'j' });
    await waitFor(() => expect(indexOf(document.activeElement)).toBe(lastIndex + step));
  }
  const focused = document.activeElement as HTMLElement;
  expect(focused.matches('li.claim')).toBe(true);
  expect(focused.getAttribute('aria-posinset')).toBe(String(lastIndex + 61));
  // The keys act on the claim moved to.
  fireEvent.keyDown(focused, { key: 'e' });
  expect(tagging.tag).toHaveBeenCalledWith(
    claims[lastIndex + 60],
    suggestions[lastIndex + 60],
    'workload-identity',
    'evidence',
  );
  fireEvent.keyDown(focused, { key: 'k' });
  await waitFor(() => expect(indexOf(document.activeElement)).toBe(lastIndex + 59));
  fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
  await waitFor(() => expect(indexOf(document.activeElement)).toBe(lastIndex + 58));
}, 15_000); // 1,000 rows walked key by key: seconds on a busy 2-core machine

test('the keyboard walks from one open group into the next, whichever rows are rendered', async () => {
  // Two groups of 150: past the full-render limit together, so both are windowed.
  const { claims, suggestions } = scan(300, (i) => (i < 150 ? 'workload-identity' : 'revocation'));
  const { container } = render(
    <ScanResults claims={claims} suggestions={suggestions} onShow={() => {}} filter="" expanded />,
  );
  await waitFor(() => expect(rows(container).length).toBeGreaterThan(1));
  const first = rows(container)[0] as HTMLElement;
  first.focus();
  for (let step = 1; step <= 152; step++) {
    fireEvent.keyDown(document.activeElement as Element, { key: 'j' });
    await waitFor(() => expect(indexOf(document.activeElement)).toBe(step));
  }
  const group = (document.activeElement as HTMLElement).closest('li[data-control]') as HTMLElement;
  expect(group.dataset.control).toBe('revocation');
  expect(document.activeElement?.getAttribute('aria-posinset')).toBe('3');
  expect(document.activeElement?.getAttribute('aria-setsize')).toBe('150');
});

test('hostile 100 KB claim texts render as text in the list, each in full, with no element of theirs', () => {
  const { claims, suggestions } = scan(3);
  const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>'.repeat(1900).slice(0, 100_000);
  const hostile = claims.map((c, i) => ({
    ...c,
    text: `${i}${payload}`,
    selector: { ...c.selector, exact: `${i}${payload}` },
  }));
  const { container } = render(
    <ScanResults claims={hostile} suggestions={suggestions} onShow={() => {}} filter="" expanded />,
  );
  expect(rows(container)).toHaveLength(3);
  expect(container.querySelector('img, script')).toBeNull();
  for (const [i, row] of rows(container).entries()) expect(row.textContent).toContain(`${i}${payload}`);
});

test('a claim whose own words do not name its control says the control comes from its headings and page', () => {
  const { claims } = scan(2);
  const text = claims[0]?.text ?? '';
  const start = text.indexOf('tokens');
  const suggestions: Suggestion[] = [
    // "tokens" underlined for the control suggested first: the claim's own words name it.
    {
      controls: [{ id: 'jit-access', score: 1 }],
      kind: 'evidence',
      cues: [{ start, end: start + 6, text: 'tokens', type: 'control', label: 'jit-access' }],
      redFlags: [],
    },
    // Only an evidence cue: the control came from elsewhere.
    {
      controls: [{ id: 'jit-access', score: 0.4 }],
      kind: 'evidence',
      cues: [{ start, end: start + 6, text: 'tokens', type: 'evidence', label: 'setting, command or API' }],
      redFlags: [],
    },
  ];
  const { container } = render(
    <ScanResults claims={claims} suggestions={suggestions} onShow={() => {}} filter="" expanded />,
  );
  const [own, context] = rows(container);
  expect(own?.querySelector('[data-basis="context"]')).toBeNull();
  expect(context?.querySelector('[data-basis="context"]')?.textContent).toBe(
    'control from its headings and page',
  );
});
