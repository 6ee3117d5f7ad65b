/** The writer every report renders into: what comes out is exactly what went in, at any size. */
import { describe, expect, it } from 'vitest';
import { TextWriter } from '../../../src/export/text-writer.ts';
import { seededRandom } from '../../seeded-random.ts';

describe('TextWriter', () => {
  it('gives back exactly what was written, in order, across its chunk and large-chunk boundaries', () => {
    const random = seededRandom(7);
    const pieces: string[] = [];
    // Short pieces (the slot limit joins them), long ones (the character limit), and enough of
    // them (several MB) to pass the large-chunk size many times over.
    for (let i = 0; i < 60_000; i++) {
      const long = random() < 0.02;
      const length = long ? 1 + Math.floor(random() * 40_000) : Math.floor(random() * 24);
      pieces.push(`${i}:${'abcdefghij'.repeat(Math.ceil(length / 10)).slice(0, length)}|`);
    }
    const w = new TextWriter();
    for (const p of pieces) w.write(p);
    const text = w.text();
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(text).toBe(pieces.join(''));
    // Reading twice, or writing after reading, loses nothing.
    expect(w.text()).toBe(text);
    w.write('tail');
    expect(w.text()).toBe(`${text}tail`);
  });

  it('gives an empty string when nothing was written', () => {
    expect(new TextWriter().text()).toBe('');
  });
});
