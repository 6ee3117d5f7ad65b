import { expect, test } from 'vitest';
import { countOccurrences, occursOnce } from '../../../src/core/count-occurrences.ts';

/** The obvious quadratic count, to compare against. */
function naive(haystack: string, needle: string): number {
  if (needle.length === 0) return 0;
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

test('agrees with a plain search on random texts, overlapping and repeated needles included', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let round = 0; round < 50; round++) {
    const alphabet = 'ab ';
    const haystack = Array.from({ length: 2000 }, () => alphabet[Math.floor(random() * 3)]).join('');
    const needles = Array.from({ length: 30 }, () => {
      const start = Math.floor(random() * 1900);
      return haystack.slice(start, start + 12 + Math.floor(random() * 40));
    });
    needles.push('zzzzzzzzzzzzzz', needles[0] ?? '', '');
    expect(countOccurrences(haystack, needles)).toEqual(needles.map((n) => naive(haystack, n)));
  }
});

test('is linear on a page that repeats the same sentence thousands of times', () => {
  const sentence = 'Access tokens expire after 60 minutes. ';
  const page = sentence.repeat(50_000);
  const needles = Array.from({ length: 20_000 }, () => sentence.trim());
  const started = performance.now();
  const counts = countOccurrences(page, needles);
  expect(performance.now() - started).toBeLessThan(2000);
  expect(counts[0]).toBe(50_000);
});

test('occursOnce agrees with counting, on small texts (native search) and large ones (hashing)', () => {
  for (const size of [300, 100_000]) {
    const words = ['alpha', 'beta', 'gamma', 'delta', 'alphabet'];
    let seed = 3;
    const word = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return words[seed % words.length];
    };
    const haystack = Array.from({ length: size / 6 }, word).join(' ');
    const needles = [
      'alpha beta',
      'gamma delta alpha',
      'zzz',
      '',
      'alphabet',
      haystack.slice(0, 40),
      haystack,
    ];
    for (let i = 0; i < 40; i++) needles.push(haystack.slice(i * 3, i * 3 + 12 + i));
    expect(occursOnce(haystack, needles)).toEqual(countOccurrences(haystack, needles).map((c) => c === 1));
  }
});
