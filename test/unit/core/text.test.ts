import { describe, expect, test } from 'vitest';
import { comparableText, normaliseText } from '../../../src/core/normalise-text.ts';
import { splitSentences } from '../../../src/core/split-sentences.ts';
import { deepLink, encodeFragmentTerm, textFragmentFor } from '../../../src/core/text-fragment.ts';

/** The sentences of `text`, as strings. */
const sentences = (text: string) => splitSentences(text).map(([s, e]) => text.slice(s, e));

describe('splitSentences', () => {
  test('splits plain prose after . ! and ?', () => {
    expect(sentences('Keys rotate daily. Is data encrypted? It is! Backups run hourly.')).toEqual([
      'Keys rotate daily.',
      'Is data encrypted?',
      'It is!',
      'Backups run hourly.',
    ]);
  });

  test('abbreviations do not end a sentence', () => {
    expect(sentences('We support SSO, e.g. SAML and OIDC, for all plans. Keys rotate.')).toEqual([
      'We support SSO, e.g. SAML and OIDC, for all plans.',
      'Keys rotate.',
    ]);
    expect(sentences('Acme Inc. and its affiliates process data. Nothing else.')).toEqual([
      'Acme Inc. and its affiliates process data.',
      'Nothing else.',
    ]);
    expect(sentences('Data stays in the U.S. Region chosen at signup. Backups too.')).toEqual([
      'Data stays in the U.S. Region chosen at signup.',
      'Backups too.',
    ]);
    expect(sentences('Support hours, i.e. 9 to 5, apply. See Fig. 3 for details.')).toEqual([
      'Support hours, i.e. 9 to 5, apply.',
      'See Fig. 3 for details.',
    ]);
  });

  test('a single initial does not end a sentence', () => {
    expect(sentences('The report was signed by J. Smith of the audit firm. It covers 2024.')).toEqual([
      'The report was signed by J. Smith of the audit firm.',
      'It covers 2024.',
    ]);
  });

  test('versions, domains and decimals stay whole', () => {
    expect(
      sentences('We require TLS 1.2 or higher. Apps run on fly.io in two regions. Uptime was 99.95 percent.'),
    ).toEqual([
      'We require TLS 1.2 or higher.',
      'Apps run on fly.io in two regions.',
      'Uptime was 99.95 percent.',
    ]);
    expect(sentences('Version 2.1.3 fixed it.')).toEqual(['Version 2.1.3 fixed it.']);
  });

  test('closing quotes and brackets after the period stay with their sentence', () => {
    expect(sentences('The policy says "keys rotate daily." Then it ends.')).toEqual([
      'The policy says "keys rotate daily."',
      'Then it ends.',
    ]);
    expect(sentences('It is “encrypted.” (See the note.) Next one.')).toEqual([
      'It is “encrypted.”',
      '(See the note.)',
      'Next one.',
    ]);
    expect(sentences('Backups are kept (for 30 days.) Then deleted.')).toEqual([
      'Backups are kept (for 30 days.)',
      'Then deleted.',
    ]);
  });

  test('a lower-case word after a period does not start a new sentence', () => {
    expect(sentences('See docs. for details on scopes.')).toEqual(['See docs. for details on scopes.']);
  });

  test("a questionnaire's short answer stays with its question", () => {
    expect(sentences('Do you scan for vulnerabilities? No. We rely on reports.')).toEqual([
      'Do you scan for vulnerabilities? No.',
      'We rely on reports.',
    ]);
    expect(sentences('Is SSO available? Yes - SAML and OIDC. Is SCIM? N/A')).toEqual([
      'Is SSO available? Yes - SAML and OIDC.',
      'Is SCIM? N/A',
    ]);
    // "No." before a number still abbreviates "number".
    expect(sentences('See No. 5 in the policy. It applies.')).toEqual([
      'See No. 5 in the policy.',
      'It applies.',
    ]);
    // Any other word after a question starts a new sentence, even one that begins like an answer.
    expect(sentences('Why does it matter? Nobody asked. What now? Yesterday it broke.')).toEqual([
      'Why does it matter?',
      'Nobody asked.',
      'What now?',
      'Yesterday it broke.',
    ]);
  });

  test('ranges are trimmed, half-open and skip empty text', () => {
    const text = '   First one here.   Second one here.  ';
    const ranges = splitSentences(text);
    expect(ranges).toEqual([
      [3, 18],
      [21, 37],
    ]);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\t ')).toEqual([]);
    expect(sentences('No final period here')).toEqual(['No final period here']);
  });

  test('a 1 MB string without spaces is one sentence, split fast', () => {
    const text = `Intro sentence here. ${'X'.repeat(1_000_000)}`;
    const started = performance.now();
    const ranges = splitSentences(text);
    const ms = performance.now() - started;
    expect(ranges).toEqual([
      [0, 20],
      [21, text.length],
    ]);
    expect(ms).toBeLessThan(500);
  });

  test('a 1 MB word-and-dot string without spaces (a.b.c…) is split fast', () => {
    const text = 'ab.'.repeat(350_000);
    const started = performance.now();
    expect(splitSentences(text)).toEqual([[0, text.length]]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  // BUG (src/core/split-sentences.ts, BOUNDARY regex `[.!?]+["'”’)\]]*\s+(?=…)`): on a run of
  // punctuation with no whitespace after it, the regex retries `[.!?]+` from every position and
  // backtracks through the whole run each time — super-linear time. 16,000 dots take ~0.3 s,
  // 32,000 ~2.6 s, 1 MB of dots (dot leaders, "!!!!", hostile pages) effectively never finishes,
  // and the extractor's time budget cannot stop it (it is checked between elements only).
  // Expected: a run of punctuation is split in linear time, like the letters above.
  test('a run of 20,000 dots without spaces is split fast', () => {
    const text = `Table of contents${'.'.repeat(20_000)}`;
    const started = performance.now();
    const ranges = splitSentences(text);
    const ms = performance.now() - started;
    expect(ranges).toEqual([[0, text.length]]);
    expect(ms).toBeLessThan(100);
  });
});

describe('normaliseText', () => {
  test('removes zero-width characters, soft hyphens and the BOM', () => {
    expect(normaliseText('SO\u200BC\u200C 2\u200D Ty\u00ADpe\u2060 II\uFEFF')).toBe('SOC 2 Type II');
  });

  test('removes bidi overrides and isolates (RTL override U+202E)', () => {
    expect(normaliseText('Data is \u202Edetpyrcne\u202C at rest')).toBe('Data is detpyrcne at rest');
    expect(normaliseText('\u2066keys\u2069 \u200Frotate\u200E')).toBe('keys rotate');
    expect(normaliseText('a\u202Ab\u202Bc\u202Dd')).toBe('abcd');
  });

  test('NBSP, other Unicode spaces, tabs and newlines collapse to one space', () => {
    expect(normaliseText('SOC\u00A02\u202FType\u2009II')).toBe('SOC 2 Type II');
    expect(normaliseText('Keys\n\n  rotate\t\tdaily.\r\n')).toBe('Keys rotate daily.');
    expect(normaliseText('a\u2028b\u2029c\u3000d')).toBe('a b c d');
  });

  test('trims, and a string of only invisible or space characters becomes empty', () => {
    expect(normaliseText('   padded   ')).toBe('padded');
    expect(normaliseText('\u200B\u00A0\n\u202E\uFEFF ')).toBe('');
  });

  test('an invisible character between spaces does not leave two spaces', () => {
    expect(normaliseText('a \u200B b')).toBe('a b');
  });

  test('agrees with the plain regex definition on random mixes of spaces and invisibles', () => {
    const invisible = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
    const reference = (raw: string) => raw.replace(invisible, '').replace(/\s+/g, ' ').trim();
    const alphabet = ['a', 'Z', '7', '.', '\u00e9', '\u4e2d', '\ud83d\ude00', '\u0000', '\u007f', '\u0085'];
    alphabet.push(' ', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2009', '\u200a');
    alphabet.push('\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u00ad', '\u200b', '\u200f');
    alphabet.push('\u202a', '\u202e', '\u2060', '\u2064', '\u2065', '\u2066', '\u2069', '\u206a', '\u180e');
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 5000; round++) {
      const text = Array.from({ length: random(24) }, () => alphabet[random(alphabet.length)]).join('');
      expect(normaliseText(text)).toBe(reference(text));
    }
  });

  test('is idempotent', () => {
    const once = normaliseText(' \u202E x\u00A0\u00A0y \n z\u200D ');
    expect(normaliseText(once)).toBe(once);
  });
});

describe('comparableText', () => {
  test('lower-cases and drops punctuation, so near-identical quotes compare equal', () => {
    expect(comparableText('SOC 2 Type II — “Report”!')).toBe('soc 2 type ii report');
    expect(comparableText('soc 2, type ii report')).toBe(comparableText('SOC\u00A02 Type\u200B II: report.'));
  });

  test('keeps letters and digits of any script', () => {
    expect(comparableText('Données chiffrées (AES-256)')).toBe('données chiffrées aes 256');
    expect(comparableText('日本リージョン。')).toBe('日本リージョン');
  });

  test('different wording stays different', () => {
    expect(comparableText('Keys rotate every 90 days')).not.toBe(comparableText('Keys rotate every 30 days'));
  });
});

describe('text fragments', () => {
  test('encodeFragmentTerm percent-encodes -, & and , as the directive grammar requires', () => {
    const encoded = encodeFragmentTerm('AES-256, TLS & mTLS');
    expect(encoded).toBe('AES%2D256%2C%20TLS%20%26%20mTLS');
    expect(encoded).not.toMatch(/[-&, ]/);
    expect(decodeURIComponent(encoded)).toBe('AES-256, TLS & mTLS');
  });

  test('encodeFragmentTerm encodes URL-significant and non-ASCII characters and round-trips', () => {
    for (const term of ['#1 ranked?', 'a/b=c;d', '100% uptime', 'Données chiffrées', 'x\ny', '“quoted”']) {
      const encoded = encodeFragmentTerm(term);
      const bare = encoded.replace(/%[0-9A-F]{2}/g, '');
      expect(bare, term).toMatch(/^[A-Za-z0-9!'()*._~]*$/);
      expect(decodeURIComponent(encoded), term).toBe(term);
    }
  });

  test('a lone surrogate is encoded as U+FFFD, not thrown on; a pair stays one character', () => {
    expect(encodeFragmentTerm('a\uD800b')).toBe('a%EF%BF%BDb');
    expect(encodeFragmentTerm('a\uDC00')).toBe('a%EF%BF%BD');
    expect(encodeFragmentTerm('😀 \uD800')).toBe('%F0%9F%98%80%20%EF%BF%BD');
    expect(deepLink('https://vendor.example/a', 'Keys \uD800 rotate')).toBe(
      'https://vendor.example/a#:~:text=Keys%20%EF%BF%BD%20rotate',
    );
  });

  test('a short quote is one textStart term', () => {
    expect(textFragmentFor('SOC 2 Type II')).toBe(':~:text=SOC%202%20Type%20II');
    expect(textFragmentFor('Keys rotate every 90-day period.')).toBe(
      ':~:text=Keys%20rotate%20every%2090%2Dday%20period.',
    );
  });

  test('a long quote uses the textStart,textEnd form with whole words from each end', () => {
    const quote =
      'Customer data is encrypted at rest with AES-256-GCM and in transit with TLS 1.2 or higher, and keys are rotated every ninety days by the platform team.';
    const fragment = textFragmentFor(quote);
    expect(fragment.startsWith(':~:text=')).toBe(true);
    const terms = fragment.slice(':~:text='.length).split(',');
    expect(terms).toHaveLength(2);
    const [start, end] = terms.map((t) => decodeURIComponent(t));
    expect(start).toBeDefined();
    expect(end).toBeDefined();
    // Each term is a run of whole words from the quote's start / end.
    expect(quote.startsWith(`${start} `)).toBe(true);
    expect(quote.endsWith(` ${end}`)).toBe(true);
    expect(fragment.length).toBeLessThan(encodeFragmentTerm(quote).length);
  });

  test('long quotes: edges found by searching for spaces match splitting into words', () => {
    const reference = (quote: string) => {
      const words = quote.split(' ').filter(Boolean);
      if (quote.length <= 120 || words.length <= 10) return `:~:text=${encodeFragmentTerm(quote)}`;
      const [start, end] = [words.slice(0, 5).join(' '), words.slice(-5).join(' ')];
      return `:~:text=${encodeFragmentTerm(start)},${encodeFragmentTerm(end)}`;
    };
    let seed = 3;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = ['word', 'a', 'longerword-with-dash', 'x'.repeat(40), ' ', ' ', '  ', 'é'];
    for (let round = 0; round < 2000; round++) {
      const quote = Array.from({ length: random(40) }, () => pieces[random(pieces.length)]).join(' ');
      expect(textFragmentFor(quote)).toBe(reference(quote));
    }
  });

  test('a long quote whose edge words hold -, & or , still has exactly one separating comma', () => {
    const quote =
      'Pen-tests, red-team exercises & audits are run by an external firm, and every finding of severity high, critical or medium is tracked, fixed & re-tested.';
    const fragment = textFragmentFor(quote);
    const terms = fragment.slice(':~:text='.length).split(',');
    expect(terms).toHaveLength(2);
    expect(fragment.slice(':~:text='.length)).not.toMatch(/[-&]/);
    expect(quote.startsWith(decodeURIComponent(terms[0] ?? ''))).toBe(true);
    expect(quote.endsWith(decodeURIComponent(terms[1] ?? ''))).toBe(true);
  });

  test('a long quote of few words stays one term', () => {
    const quote = `${'a'.repeat(80)} ${'b'.repeat(80)}`;
    expect(textFragmentFor(quote)).toBe(`:~:text=${encodeFragmentTerm(quote)}`);
  });

  test('deepLink replaces an existing fragment', () => {
    expect(deepLink('https://trust.vendor.com/security#faq', 'SOC 2 Type II')).toBe(
      'https://trust.vendor.com/security#:~:text=SOC%202%20Type%20II',
    );
    expect(deepLink('https://vendor.com/a?b=c', 'x & y')).toBe(
      'https://vendor.com/a?b=c#:~:text=x%20%26%20y',
    );
  });
});
