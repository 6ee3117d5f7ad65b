// @vitest-environment happy-dom
import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import { anchorQuote } from '../../../content/anchor/anchor-quote.ts';
import { ALIGN, findChangedText, MAX_NEW_TEXT, MAX_TRIES } from '../../../content/anchor/approximate.ts';
import { createBudget } from '../../../content/anchor/budget.ts';
import { flatten } from '../../../content/anchor/flat-text.ts';
import { indexPageText } from '../../../content/anchor/page-text.ts';
import { reanchorClaims } from '../../../content/anchor/reanchor.ts';
import { sweepQuotes } from '../../../content/anchor/sweep.ts';
import { drawHighlights } from '../../../content/highlights.ts';
import type { QuoteSelector } from '../../../src/core/claim.ts';
import { normaliseText } from '../../../src/core/normalise-text.ts';

/** A selector for `exact` where it stands in the page text now, cut the way capture cuts it. */
function selectorFor(exact: string, nth = 0): QuoteSelector {
  const text = indexPageText(document).text;
  let start = text.indexOf(exact);
  for (let k = 0; k < nth; k++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`"${exact}" is not on the page`);
  const end = start + exact.length;
  return {
    exact,
    prefix: normaliseText(text.slice(Math.max(0, start - 96), start)).slice(-32),
    suffix: normaliseText(text.slice(end, end + 96)).slice(0, 32),
    start,
    end,
  };
}

const idOf = (range: Range | undefined) => range?.startContainer.parentElement?.id;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('anchoring never picks a wrong place', () => {
  // Regression: anchorQuote took the best-scoring place even when neither surrounding held, so
  // a claim whose own copy was removed was drawn on another copy of the same sentence.
  test('a repeated quote whose own place is gone is not anchored where its surroundings do not hold', () => {
    document.body.innerHTML =
      '<h2>Production keys</h2><p id="a">Keys are rotated every 90 days.</p><p>Applies to production keys.</p>' +
      '<h2>Staging keys</h2><p id="b">Keys are rotated every 90 days.</p><p>Applies to staging keys only.</p>' +
      '<h2>Legacy keys</h2><p id="c">Keys are rotated every 90 days.</p><p>Applies to legacy keys only.</p>';
    const staging = selectorFor('Keys are rotated every 90 days.', 1);
    document.getElementById('b')?.remove();
    expect(anchorQuote(document, indexPageText(document), staging)).toBeNull();
    const [result] = reanchorClaims(document, indexPageText(document), [staging]);
    expect(result?.status).not.toBe('anchored');
  });

  test('a repeated quote is anchored where one of its surroundings holds, not at the first copy', () => {
    document.body.innerHTML =
      '<p>Production.</p><p id="a">Keys are rotated every 90 days.</p><p>Production only.</p>' +
      '<p>Staging.</p><p id="b">Keys are rotated every 90 days.</p><p>Staging only.</p>';
    const staging = selectorFor('Keys are rotated every 90 days.', 1);
    // Shift everything and change what follows the staging copy: only its prefix still holds.
    document.body.insertAdjacentHTML('afterbegin', '<p>A banner added above.</p>');
    const after = document.getElementById('b')?.nextElementSibling;
    if (after) after.textContent = 'Now something else entirely.';
    const found = anchorQuote(document, indexPageText(document), staging);
    expect(found?.method).toBe('quote');
    expect(idOf(found?.range)).toBe('b');
    const [result] = reanchorClaims(document, indexPageText(document), [staging]);
    expect(idOf(result?.range)).toBe('b');
  });

  test('a quote found once on the page is anchored there even if both surroundings changed', () => {
    document.body.innerHTML = '<p>Before.</p><p id="t">Data is stored in the EU only.</p><p>After.</p>';
    const sel = selectorFor('Data is stored in the EU only.');
    document.body.innerHTML =
      '<p>New intro text.</p><p id="t">Data is stored in the EU only.</p><p>New outro.</p>';
    expect(idOf(anchorQuote(document, indexPageText(document), sel)?.range)).toBe('t');
  });
});

describe('reanchorClaims', () => {
  const section = (n: number) =>
    `<section><h2>Section ${n}</h2><p id="p${n}">Access tokens for part ${n} expire after ${n} hours.</p>` +
    `<ul><li id="l${n}">Limit ${n}: up to ${n} requests per second.</li></ul><p>We take security seriously.</p></section>`;

  test('claims after a removed section are found by the shift the claims before them showed', () => {
    document.body.innerHTML = [1, 2, 3, 4, 5].map(section).join('');
    const sels = [1, 2, 4, 5].map((n) => selectorFor(`Access tokens for part ${n} expire after ${n} hours.`));
    document.querySelectorAll('section')[2]?.remove();
    const results = reanchorClaims(document, indexPageText(document), sels);
    expect(results.map((r) => r.status)).toEqual(['anchored', 'anchored', 'anchored', 'anchored']);
    expect(results.map((r) => r.method)).toEqual(['position', 'position', 'quote', 'quote']);
    expect(results.map((r) => idOf(r.range))).toEqual(['p1', 'p2', 'p4', 'p5']);
  });

  test('an edited claim is "changed" with its new text; a removed one is orphaned, not another section\'s look-alike', () => {
    document.body.innerHTML = Array.from({ length: 12 }, (_, n) => section(n)).join('');
    const sels = Array.from({ length: 12 }, (_, n) =>
      selectorFor(`Limit ${n}: up to ${n} requests per second.`),
    );
    const edited = document.getElementById('l5');
    if (edited) edited.textContent = 'Limit 5: up to 50 requests per second.';
    document.getElementById('l8')?.remove();
    document.querySelectorAll('section')[2]?.remove();
    const results = reanchorClaims(document, indexPageText(document), sels);
    expect(results[5]).toMatchObject({
      status: 'changed',
      currentText: 'Limit 5: up to 50 requests per second.',
    });
    expect(results[8]?.status).toBe('orphaned');
    expect(results[2]?.status).toBe('orphaned');
    for (const n of [0, 1, 3, 4, 6, 7, 9, 10, 11]) expect(idOf(results[n]?.range)).toBe(`l${n}`);
  });

  test('results come back in the order given, whatever the saved positions', () => {
    document.body.innerHTML = [1, 2, 3].map(section).join('');
    const sels = [3, 1, 2].map((n) => selectorFor(`Limit ${n}: up to ${n} requests per second.`));
    const results = reanchorClaims(document, indexPageText(document), sels);
    expect(results.map((r) => idOf(r.range))).toEqual(['l3', 'l1', 'l2']);
  });

  test('with no time left, claims are reported unchecked instead of blocking the page', () => {
    document.body.innerHTML = [1, 2, 3].map(section).join('');
    const sels = [1, 2, 3].map((n) => selectorFor(`Limit ${n}: up to ${n} requests per second.`));
    const results = reanchorClaims(document, indexPageText(document), sels, { timeMs: -1 });
    expect(results.map((r) => r.status)).toEqual(['unchecked', 'unchecked', 'unchecked']);
    const reports = drawHighlights(
      document,
      sels.map((selector, k) => ({ id: `c${k}`, selector, tone: 'neutral' })),
      () => {},
      { timeMs: -1 },
    );
    expect(reports.map((r) => r.status)).toEqual(['unchecked', 'unchecked', 'unchecked']);
  });

  test('with no characters left to compare, claims whose quote moved are unchecked, not orphaned', () => {
    document.body.innerHTML = [1, 2, 3].map(section).join('');
    const sels = [1, 2, 3].map((n) => selectorFor(`Limit ${n}: up to ${n} requests per second.`));
    document.body.insertAdjacentHTML('afterbegin', '<p>A banner added above.</p>');
    // The first claim's shifted place is never tried (no shift known yet): it needs a search.
    const [first] = reanchorClaims(document, indexPageText(document), sels, { chars: 0 });
    expect(first?.status).toBe('unchecked');
  });
});

describe('the bounds of the searches', () => {
  test('findChangedText looks through a bounded number of characters, even on a pathological page', () => {
    const page = 'a'.repeat(1 << 20);
    const sel = {
      exact: 'a'.repeat(4096),
      prefix: 'a'.repeat(256),
      suffix: `${'a'.repeat(255)}b`,
      start: page.length >> 1,
      end: (page.length >> 1) + 4096,
    };
    let looked = 0;
    const counting = {
      spend: (n: number) => {
        looked += n;
        return true;
      },
      exhausted: false,
    };
    expect(findChangedText(page, sel, undefined, counting)).toBeNull();
    const bound = 2 * ALIGN + 2 * 256 + 4 + MAX_TRIES * (MAX_NEW_TEXT + 256 + 4);
    expect(looked).toBeGreaterThan(0);
    expect(looked).toBeLessThanOrEqual(bound);
  });

  test('findChangedText stops when the shared budget refuses', () => {
    const text =
      'Our agents authenticate with certificates. SVIDs expire after 24 hours. Every call is logged.';
    const sel = {
      exact: 'SVIDs expire after 15 minutes.',
      prefix: 'authenticate with certificates.',
      suffix: 'Every call is logged.',
      start: 43,
      end: 73,
    };
    expect(findChangedText(text, sel)).toEqual({ text: 'SVIDs expire after 24 hours.' });
    const budget = createBudget(1000, 10);
    expect(findChangedText(text, sel, undefined, budget)).toBeNull();
    expect(budget.exhausted).toBe(true);
  });

  test('a time budget runs out at its deadline', () => {
    let clock = 0;
    const budget = createBudget(50, 1e9, () => clock);
    expect(budget.spend(10)).toBe(true);
    clock = 100;
    // The clock is read on every 16th question: at most 16 more answers before it notices.
    let answers = 0;
    while (budget.spend(1) && answers < 100) answers++;
    expect(answers).toBeLessThan(16);
    expect(budget.exhausted).toBe(true);
  });

  test('the sweep finds every place of every quote, overlapping ones and a quote that starts another', () => {
    const flat = 'abc abcd abcde xabcdey abc';
    const quotes = ['abc', 'abcd', 'bcd', 'abcde', 'zzz'];
    const swept = sweepQuotes(flat, quotes, createBudget(1000, 1e6));
    const expected = quotes.map((q) => {
      const out: number[] = [];
      for (let at = flat.indexOf(q); at >= 0; at = flat.indexOf(q, at + 1)) out.push(at);
      return out;
    });
    expect(swept?.places).toEqual(expected);
    expect(swept?.complete.every(Boolean)).toBe(true);
  });

  test('a quote standing in too many places is not decided (unchecked), never guessed', () => {
    document.body.innerHTML = `<p>${'Same line. '.repeat(200)}</p>`;
    const sel = {
      exact: 'Same line.',
      prefix: 'nowhere at all on this page',
      suffix: 'nor this one either',
      start: 5000,
      end: 5010,
    };
    const [result] = reanchorClaims(document, indexPageText(document), [sel]);
    expect(result?.status).toBe('unchecked');
  });
});

describe('flatten', () => {
  const chars = fc.constantFrom(
    'a',
    'b',
    ' ',
    '  ',
    '\n',
    '\t',
    '\u00A0',
    '\u200B',
    '\u00AD',
    'x y',
    '\u3000',
  );
  test('its text is normaliseText of the raw text (but for the ends), and its maps agree', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (pieces) => {
        const raw = pieces.join('');
        const flat = flatten(raw);
        expect(flat.text.trim()).toBe(normaliseText(raw));
        for (let f = 0; f < flat.text.length; f++) {
          const r = flat.toRaw(f);
          // Each flat character comes from its raw offset (a space from a whitespace run).
          if (flat.text[f] !== ' ') expect(raw[r]).toBe(flat.text[f]);
          expect(flat.toFlat(r)).toBe(f);
          // A span of flat text maps to raw text that normalises to it.
          expect(normaliseText(raw.slice(flat.toRaw(0), r + 1))).toBe(flat.text.slice(0, f + 1).trim());
        }
      }),
    );
  });
});
