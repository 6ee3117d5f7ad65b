import { expect, test } from 'vitest';
import { guessVendorName } from '../../../src/core/vendor-name.ts';

test.each([
  ['Kestrel Meridian AI — Trust Center', '127.0.0.1', 'Kestrel Meridian AI'],
  ['Subprocessors — Kestrel Meridian AI Trust Center', '127.0.0.1', 'Kestrel Meridian AI'],
  ['Agent identity and access — Kestrel Agents docs', '127.0.0.1', 'Kestrel Agents'],
  ['Security | Acme', 'acme.com', 'Acme'],
  ['Trust Center', 'acme.com', 'Acme'],
  ['', '127.0.0.1', '127.0.0.1'],
])('%j on %s → %j', (title, domain, expected) => {
  expect(guessVendorName(title, domain)).toBe(expected);
});

test('a hostile title of long space runs is read in linear time', () => {
  const spaces = ' \t'.repeat(32_000);
  for (const title of [`Acme${spaces}x`, `${spaces}-${spaces}`, `Acme${spaces}|`]) {
    const started = performance.now();
    guessVendorName(title, 'acme.com');
    expect(performance.now() - started).toBeLessThan(200);
  }
  expect(guessVendorName(`Security${spaces}—${spaces}Acme Cloud`, 'example.com')).toBe('Acme Cloud');
});
