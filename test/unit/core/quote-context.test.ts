import { expect, test } from 'vitest';
import { normaliseText } from '../../../src/core/normalise-text.ts';
import { contextAfter, contextBefore } from '../../../src/core/quote-context.ts';

test('prefix and suffix equal normalising the window and cutting it, on random text and windows', () => {
  const alphabet = ['a', 'b', 'Q', '9', ',', '\ud83d\ude00', ' ', ' ', ' ', '\n', '\t', '\u00a0', '\u2009'];
  alphabet.push('\u3000', '\u200b', '\u00ad', '\u202e', '\ufeff', '\u2066');
  let seed = 5;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let round = 0; round < 3000; round++) {
    const text = Array.from({ length: random(60) }, () => alphabet[random(alphabet.length)]).join('');
    const from = random(text.length + 1);
    const to = from + random(text.length - from + 1);
    const max = 1 + random(12);
    expect(contextBefore(text, from, to, max)).toBe(normaliseText(text.slice(from, to)).slice(-max));
    expect(contextAfter(text, from, to, max)).toBe(normaliseText(text.slice(from, to)).slice(0, max));
  }
});

test('the same on plain ASCII with single and double spaces, where the answer is a slice of the text', () => {
  const alphabet = ['a', 'b', 'Q', '9', ',', '.', ' ', ' ', ' ', ' ', '\n', '\u00a0', '\u200b', 'é'];
  let seed = 11;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let round = 0; round < 3000; round++) {
    const plain = random(3) === 0 ? 10 : alphabet.length;
    const text = Array.from({ length: random(80) }, () => alphabet[random(plain)]).join('');
    const from = random(text.length + 1);
    const to = from + random(text.length - from + 1);
    const max = 1 + random(40);
    expect(contextBefore(text, from, to, max)).toBe(normaliseText(text.slice(from, to)).slice(-max));
    expect(contextAfter(text, from, to, max)).toBe(normaliseText(text.slice(from, to)).slice(0, max));
  }
});
