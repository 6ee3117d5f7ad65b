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
