// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { findChangedText } from '../../../content/anchor/approximate.ts';
import { looksLoading, waitForSettle } from '../../../content/settle.ts';

describe('findChangedText (the bounded last resort of re-anchoring)', () => {
  const before = 'Our agents authenticate with certificates. ';
  const after = ' Every call is logged with the actor.';
  const selector = (exact: string, page: string) => {
    const start = page.indexOf(exact);
    return {
      exact,
      prefix: before.trim().slice(-32),
      suffix: after.trim().slice(0, 32),
      start,
      end: start + exact.length,
    };
  };

  test('finds what now stands between the old prefix and suffix', () => {
    const old = `${before}SVIDs expire after 15 minutes.${after}`;
    const sel = selector('SVIDs expire after 15 minutes.', old);
    const changed = `${before}SVIDs expire after 24 hours.${after}`;
    expect(findChangedText(changed, sel)).toEqual({ text: 'SVIDs expire after 24 hours.' });
  });

  test('returns null when the surroundings are gone too (orphaned, never a guess)', () => {
    const sel = selector('SVIDs expire after 15 minutes.', `${before}SVIDs expire after 15 minutes.${after}`);
    expect(findChangedText('A completely different page about something else.', sel)).toBeNull();
    expect(findChangedText(`${before}and nothing after it`, sel)).toBeNull();
  });

  test('on a page of repeated sections, the place nearest the old position wins, not the first', () => {
    const section = (n: number, limit: string) =>
      `Limits for section ${n}. Rate limit table: ${limit} Every call is logged with the actor. `;
    const old = [1, 2, 3].map((n) => section(n, `Limit ${n}: up to ${n} requests per second.`)).join('');
    const exact = 'Limit 3: up to 3 requests per second.';
    const start = old.indexOf(exact);
    const sel = {
      exact,
      prefix: 'Rate limit table:',
      suffix: 'Every call is logged',
      start,
      end: start + exact.length,
    };
    const changed = old.replace(exact, 'Limit 3: up to 30 requests per second.');
    expect(findChangedText(changed, sel)).toEqual({ text: 'Limit 3: up to 30 requests per second.' });
  });

  test('nothing left between the old prefix and suffix is a removed claim, not a change to nothing', () => {
    const old = `${before}SVIDs expire after 15 minutes.${after}`;
    const sel = selector('SVIDs expire after 15 minutes.', old);
    expect(findChangedText(`${before}${after}`, sel)).toBeNull();
  });

  test('stays within its window on a huge page', () => {
    const filler = 'lorem ipsum '.repeat(200_000);
    const old = `${filler}${before}Keys rotate every 90 days.${after}${filler}`;
    const sel = selector('Keys rotate every 90 days.', old);
    // Its speed is measured in `npm run bench -- anchor`, not here.
    expect(findChangedText(old.replace('90 days', '30 days'), sel)).toEqual({
      text: 'Keys rotate every 30 days.',
    });
  });
});

describe('waitForSettle', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.body.removeAttribute('aria-busy');
  });

  test('a page showing a loading sign is not settled; once content arrives it is', async () => {
    document.body.innerHTML = '<main aria-busy="true"><p class="loading">Loading…</p></main>';
    expect(looksLoading(document)).toBe(true);
    setTimeout(() => {
      document.body.innerHTML = `<main><p>${'Real content about tokens and audit logs. '.repeat(10)}</p></main>`;
    }, 150);
    const started = Date.now();
    expect(await waitForSettle(document, { quietMs: 50, maxMs: 2000 })).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(looksLoading(document)).toBe(false);
  });

  test('a page that never stops changing is read at the upper bound', async () => {
    document.body.innerHTML = `<p>${'Text. '.repeat(100)}</p>`;
    const timer = setInterval(() => document.body.append(document.createElement('span')), 10);
    const started = Date.now();
    expect(await waitForSettle(document, { quietMs: 100, maxMs: 300 })).toBe(false);
    clearInterval(timer);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
