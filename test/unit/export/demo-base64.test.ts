/** Screenshot bytes as base64 and back: the same text Node's Buffer writes, for every length, and multi-MB images. */
import { describe, expect, test } from 'vitest';
import { base64ByteLength, base64ToBytes, bytesToBase64, isBase64 } from '../../../src/export/base64.ts';

/** Deterministic bytes covering every value. */
const bytesOf = (n: number) => {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  return bytes;
};

describe('base64', () => {
  test('matches Buffer for lengths around every chunk edge, and decodes back', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 24_575, 24_576, 24_577, 49_152, 65_536, 65_537]) {
      const bytes = bytesOf(n);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(isBase64(text)).toBe(true);
      expect(base64ByteLength(text)).toBe(n);
      expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  test('a 12 MB screenshot round-trips', () => {
    const bytes = bytesOf(12 * 1024 * 1024 + 7);
    const text = bytesToBase64(bytes);
    expect(text.length).toBe(Math.ceil(bytes.length / 3) * 4);
    expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(bytes))).toBe(true);
  });

  test('refuses anything but padded standard base64', () => {
    for (const bad of [
      'A',
      'AAA',
      'AA=A',
      'A===',
      '====',
      'AA==AA==',
      'AAAA\n',
      'AA-_',
      'AAAA"><x>',
      ' AAAA',
    ]) {
      expect(isBase64(bad), bad).toBe(false);
      expect(() => base64ToBytes(bad)).toThrow();
    }
    for (const good of ['', 'AAAA', 'AAA=', 'AA==', '+/+/']) expect(isBase64(good), good).toBe(true);
  });
});
