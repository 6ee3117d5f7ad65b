/** `cutText` counts code points as the string iterator does, without an array of them. */
import { describe, expect, test } from 'vitest';
import { cutText } from '../../../src/export/text-cut.ts';

/** The definition: an array of code points, cut and joined. */
function byArray(text: string, max: number, marker = '…'): string {
  const points = [...text];
  if (points.length <= max) return text;
  return points.slice(0, max - [...marker].length).join('') + marker;
}

const ALPHABET = ['a', 'é', '😀', '\uD800', '\uDC00', '\n', '𝌆', 'Z'];

describe('cutText', () => {
  test('cuts exactly where an array of code points would, surrogate pairs and lone halves alike', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = next() % 40;
      for (let i = 0; i < length; i++) text += ALPHABET[next() % ALPHABET.length];
      for (const [max, marker] of [
        [5, undefined],
        [12, '…'],
        [20, ' (cut)'],
        [3, '😀'],
      ] as const) {
        expect(cutText(text, max, marker), JSON.stringify(text)).toBe(byArray(text, max, marker));
      }
    }
  });
});
