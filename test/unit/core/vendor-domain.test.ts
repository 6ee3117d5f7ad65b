import { describe, expect, test } from 'vitest';
import { originPatternsFor, parseDomainInput, vendorDomainOf } from '../../../src/core/vendor-domain.ts';

describe('vendorDomainOf', () => {
  test.each([
    ['trust.vendor.com', 'vendor.com'],
    ['docs.vendor.com', 'vendor.com'],
    ['vendor.com', 'vendor.com'],
    ['a.b.trust.acme.co.uk', 'acme.co.uk'],
    ['acme.github.io', 'acme.github.io'],
    ['Trust.Vendor.COM.', 'vendor.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, domain) => {
    expect(vendorDomainOf(host)).toBe(domain);
  });
});

describe('parseDomainInput', () => {
  test('accepts a domain, a URL or an IP address', () => {
    expect(parseDomainInput(' Vendor.com ')).toEqual({ ok: true, domain: 'vendor.com' });
    expect(parseDomainInput('https://trust.vendor.com/security?x=1')).toEqual({
      ok: true,
      domain: 'trust.vendor.com',
    });
    expect(parseDomainInput('127.0.0.1')).toEqual({ ok: true, domain: '127.0.0.1' });
  });
  test('rejects what is not a domain, with a sentence', () => {
    for (const bad of ['', 'vendor', 'ven dor.com', '<script>.com', 'javascript:alert(1)', '-x.com']) {
      const result = parseDomainInput(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
    }
  });
});

describe('originPatternsFor', () => {
  test('covers the domain and subdomains on http and https', () => {
    expect(originPatternsFor('vendor.com')).toEqual([
      'https://vendor.com/*',
      'https://*.vendor.com/*',
      'http://vendor.com/*',
      'http://*.vendor.com/*',
    ]);
    expect(originPatternsFor('127.0.0.1')).toEqual(['http://127.0.0.1/*', 'https://127.0.0.1/*']);
  });
});
