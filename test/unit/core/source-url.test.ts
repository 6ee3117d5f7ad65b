import { expect, test } from 'vitest';
import { isWebUrl, normaliseSourceUrl } from '../../../src/core/source-url.ts';

test('a source URL drops the fragment and tracking parameters, keeps the rest', () => {
  expect(
    normaliseSourceUrl('https://trust.vendor.com/security?utm_source=x&tab=soc2&gclid=1#:~:text=SOC%202'),
  ).toBe('https://trust.vendor.com/security?tab=soc2');
  expect(normaliseSourceUrl('https://vendor.com/#faq')).toBe('https://vendor.com/');
});

test('only http(s) URLs count as web links', () => {
  expect(isWebUrl('https://vendor.com')).toBe(true);
  expect(isWebUrl('http://127.0.0.1:8080/x')).toBe(true);
  for (const bad of [
    'javascript:alert(1)',
    'data:text/html,<b>',
    'chrome://settings',
    'vendor.com',
    'file:///etc/passwd',
  ]) {
    expect(isWebUrl(bad), bad).toBe(false);
  }
});
