/**
 * `linkableUrl` parses the page part of a URL with a fragment once and appends the fragment: the
 * result must be exactly what parsing the whole URL gives, for every kind of URL a claim may hold.
 */
import { describe, expect, test } from 'vitest';
import { deepLink } from '../../../src/core/text-fragment.ts';
import { deepLinkTarget, linkableUrl } from '../../../src/export/link-policy.ts';

const PAGES = [
  'https://trust.acme.example/security',
  'HTTPS://Trust.ACME.example:443/a/../b/./c?q=1&r=(2)',
  'http://acme.example',
  'https://acme.example/path with spaces/',
  'https://acme.example/trailing-space ',
  'https://acme.example/trailing-tab\t',
  'https://acme.example/new\nline',
  '  https://acme.example/leading-space',
  'https://[::1]:8080/p?q=[x]',
  'https://[::1',
  'https://user:pw@evil.example/x',
  'https://trust.vendor.com@evil.example/',
  'https://acme.example/ü/€?ä=ö',
  'https://xn--mnchen-3ya.example/',
  'https://münchen.example/',
  'https://acme.example/a\\b\\c',
  'https://acme.example/%zz/%41',
  'https://',
  'http:',
  'mailto:security@acme.example',
  'mailto:a b',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'file:///etc/passwd',
  '/relative',
  '',
];

const FRAGMENTS = [
  '',
  'section-2',
  ':~:text=SOC%202%20Type%20II',
  ':~:text=a%2Db,c%2Dd',
  'x#y',
  '@evil.example/',
  'with space',
  'quote"',
  'angle<b>',
  'back`tick',
  'ü',
  'tab\there',
  'trailing ',
  '%zz',
];

const whole = (url: string, schemes: readonly string[]) => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!schemes.includes(parsed.protocol) || parsed.username !== '' || parsed.password !== '')
    return undefined;
  const head = parsed.protocol === 'mailto:' ? 'mailto:' : `${parsed.protocol}//${parsed.host}`;
  return { head, href: parsed.href };
};

/** The target's serialisation and its head; its parts must add up to the serialisation. */
const pick = (t: ReturnType<typeof linkableUrl>) => {
  if (!t) return undefined;
  expect(t.head + t.rest + (t.fragment === undefined ? '' : `#${t.fragment}`)).toBe(t.href);
  return { head: t.head, href: t.href };
};

describe('linkableUrl', () => {
  test.each([[['http:', 'https:']], [['http:', 'https:', 'mailto:']]])(
    'a URL with a fragment reads as parsing it whole would (%j)',
    (schemes) => {
      for (const page of PAGES) {
        for (const fragment of FRAGMENTS) {
          const url = `${page}#${fragment}`;
          expect(pick(linkableUrl(url, schemes)), url).toEqual(whole(url, schemes));
        }
        expect(pick(linkableUrl(page, schemes)), page).toEqual(whole(page, schemes));
      }
    },
  );

  test('deep links to every page read as parsing them whole would', () => {
    for (const page of PAGES) {
      for (const quote of ['SOC 2 Type II', 'a-b, c & d (e) "f" <g> `h` ü', 'word '.repeat(40)]) {
        const url = deepLink(page, quote);
        expect(pick(linkableUrl(url)), url).toEqual(whole(url, ['http:', 'https:']));
      }
    }
  });

  test('a deep link target is what parsing the deep link gives, page after page and on the same page again', () => {
    const quotes = ['SOC 2 Type II', 'a-b, c & d (e) "f" <g> `h` ü', 'word '.repeat(40), 'lone \uD800'];
    // Twice over, so each page is also met right after itself (the remembered page) and after another.
    for (const page of [...PAGES, ...PAGES.map((p) => `${p}#old`), ...PAGES]) {
      for (const quote of quotes) {
        expect(deepLinkTarget(page, quote), `${page} ${quote}`).toEqual(linkableUrl(deepLink(page, quote)));
      }
    }
  });
});
