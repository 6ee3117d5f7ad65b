import { describe, expect, test } from 'vitest';
import { describeCaptureError } from '../../../src/platform/capture-error.ts';

// The messages the browsers reject `tabs.captureVisibleTab` with (Chromium 156, Firefox ESR 153).
describe('why a capture was refused, in plain words', () => {
  test.each([
    [
      "Either the '<all_urls>' or 'activeTab' permission is required.",
      /right after you use the extension on it/,
    ],
    ['Missing activeTab permission', /right after you use the extension on it/],
    [
      "The 'activeTab' permission is not in effect because this extension has not been in invoked.",
      /right after you use the extension on it/,
    ],
    [
      'Cannot access contents of url "chrome://settings/". Extension manifest must request permission to access this host.',
      /page the browser protects/,
    ],
    ['Cannot access a chrome:// URL', /page the browser protects/],
    [
      'This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.',
      /Too many screenshots in a second/,
    ],
    ['No window with id: 42.', /window is closed/],
  ])('%s', (message, expected) => {
    const text = describeCaptureError(new Error(message));
    expect(text).toMatch(expected);
    // Never the raw API wording for the known cases.
    expect(text).not.toMatch(/all_urls|MAX_CAPTURE/);
  });

  test('an unknown refusal is passed on, cut short', () => {
    const text = describeCaptureError(new Error(`Something new ${'x'.repeat(1000)}`));
    expect(text.startsWith('The browser refused the screenshot: Something new')).toBe(true);
    expect(text.length).toBeLessThan(400);
  });
});
