import { describe, expect, test } from 'vitest';
import { explainInjectionError, pageAccessProblem } from '../../../src/core/page-access.ts';

describe('pageAccessProblem', () => {
  test('web pages may be read', () => {
    expect(pageAccessProblem('https://trust.vendor.com/')).toBeNull();
    expect(pageAccessProblem('http://127.0.0.1:8080/')).toBeNull();
  });
  test.each([
    ['chrome://settings/', 'browser’s own pages'],
    ['about:config', 'browser’s own pages'],
    ['https://chromewebstore.google.com/detail/x', 'extension stores'],
    ['https://addons.mozilla.org/en-US/firefox/', 'extension stores'],
    ['https://vendor.com/soc2-report.pdf', 'PDF'],
    ['moz-extension://abc/page.html', 'belongs to an extension'],
    ['file:///home/me/page.html', 'Allow access to file URLs'],
    ['view-source:https://vendor.com/', 'cannot be read'],
  ])('%s: says why', (url, phrase) => {
    expect(pageAccessProblem(url)).toContain(phrase);
  });
  test('a hidden address means no grant yet — or, right after a toolbar click, a protected page', () => {
    expect(pageAccessProblem(undefined)).toContain('toolbar');
    expect(pageAccessProblem(undefined, true)).toContain('protected pages');
  });
});

describe('explainInjectionError', () => {
  test('maps browser errors to sentences', () => {
    expect(
      explainInjectionError(
        'Cannot access contents of the page. Extension manifest must request permission',
        'https://v.com/',
      ),
    ).toContain('has not been given access');
    expect(explainInjectionError('The extensions gallery cannot be scripted.', 'https://v.com/')).toContain(
      'stores',
    );
    expect(explainInjectionError('No tab with id: 5.', 'https://v.com/')).toContain('closed');
    expect(
      explainInjectionError(
        'Could not establish connection. Receiving end does not exist.',
        'https://v.com/',
      ),
    ).toContain('Try again');
    expect(explainInjectionError('weird', 'https://v.com/')).toBe('The page could not be read: weird');
  });
});
