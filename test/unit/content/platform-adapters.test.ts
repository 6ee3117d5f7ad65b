import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectPlatform } from '../../../content/adapters/add-platform-claims.ts';
import { assignedObject } from '../../../content/adapters/structured-records.ts';
import { DEFAULT_LIMITS, extractDomClaims } from '../../../content/extract/extract-claims.ts';
import { extractPage } from '../../../content/read-page.ts';
import { parseHtml } from '../../../src/cli/parse-html.ts';
import type { ExtractedClaim, Extraction } from '../../../src/core/claim.ts';
import { comparableText } from '../../../src/core/normalise-text.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/platforms');
const fixture = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');

const SAFEBASE = fixture('safebase-trust-center.html');
const CONVEYOR = fixture('conveyor-trust-center.html');
const VANTA = fixture('vanta-trust-center.html');

const read = (html: string, url = 'https://trust.example.test/'): Extraction =>
  extractPage(parseHtml(html), url);

/** A minimal page around some body HTML. */
const page = (body: string, head = ''): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test page</title>${head}</head><body>${body}</body></html>`;

/** A `__NEXT_DATA__` script that says SafeBase, with the given page props. */
const nextData = (pageProps: Record<string, unknown>): string =>
  `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({
    props: { pageProps: { org: { name: 'Test Vendor', platform: 'SafeBase' }, ...pageProps } },
    page: '/',
    buildId: 'test-build',
  })}</script>`;

/** Claims whose comparable text contains every one of the given words/phrases. */
const mentioning = (claims: ExtractedClaim[], ...phrases: string[]): ExtractedClaim[] =>
  claims.filter((c) => phrases.every((p) => comparableText(c.text).includes(comparableText(p))));

const fromPlatform = (claims: ExtractedClaim[]) => claims.filter((c) => c.origin !== 'dom');

/** The JSON text of the SafeBase fixture's `__NEXT_DATA__`. */
function safebasePayload(): string {
  const json = parseHtml(SAFEBASE).getElementById('__NEXT_DATA__')?.textContent ?? '';
  expect(json.length).toBeGreaterThan(100);
  return json;
}

const elapsed = (fn: () => void): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

describe('detectPlatform', () => {
  test('recognises the three platform fixtures', () => {
    expect(detectPlatform(parseHtml(SAFEBASE))).toBe('safebase');
    expect(detectPlatform(parseHtml(CONVEYOR))).toBe('conveyor');
    expect(detectPlatform(parseHtml(VANTA))).toBe('vanta');
  });

  test('a plain custom trust page is generic', () => {
    const doc = parseHtml(
      page(
        '<main><h1>Security at Plainfield</h1><p>All data is encrypted at rest with AES-256.</p>' +
          '<script>window.dataLayer = [];</script></main>',
      ),
    );
    expect(detectPlatform(doc)).toBe('generic');
  });

  test('a Next.js site that is not SafeBase is generic', () => {
    const doc = parseHtml(
      page(
        '<div id="__next"><main><p>We encrypt customer data in transit with TLS 1.2 or later.</p></main></div>' +
          '<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"subprocessors":[{"name":"Acme Hosting"}]}},"page":"/","buildId":"x"}</script>',
      ),
    );
    expect(detectPlatform(doc)).toBe('generic');
    // And nothing is read out of its Next.js data.
    expect(fromPlatform(extractPage(doc, 'https://x.test/').claims)).toEqual([]);
  });

  test('Vanta is also recognised by a script source or a data attribute', () => {
    expect(
      detectPlatform(parseHtml(page('<div id="root"></div><script src="/assets/vanta-trust.js"></script>'))),
    ).toBe('vanta');
    expect(detectPlatform(parseHtml(page('<div id="root" data-vanta-trust-center></div>')))).toBe('vanta');
  });
});

describe('SafeBase: __NEXT_DATA__ adds what the rendered page leaves out', () => {
  const extraction = read(SAFEBASE);
  const { claims } = extraction;

  test('detected as SafeBase, with DOM claims first and platform claims after', () => {
    expect(extraction.platform).toBe('safebase');
    expect(extraction.title).toBe('Lumenfold AI Trust Center');
    const domClaims = extractDomClaims(parseHtml(SAFEBASE)).claims;
    expect(domClaims.length).toBeGreaterThan(5);
    // The DOM pass's claims are kept as they are, in front.
    expect(claims.slice(0, domClaims.length)).toEqual(domClaims);
    const added = claims.slice(domClaims.length);
    expect(added.length).toBeGreaterThan(0);
    for (const c of added) {
      expect(c.origin).toBe('safebase');
      expect(c.structure).toBe('structured');
    }
  });

  test('subprocessors missing from the rendered table are added, with purpose and location', () => {
    const glimmer = mentioning(claims, 'Glimmerstat Analytics');
    expect(glimmer).toHaveLength(1);
    expect(glimmer[0]?.origin).toBe('safebase');
    expect(glimmer[0]?.text).toContain('Product usage analytics');
    expect(glimmer[0]?.text).toContain('Germany');
    expect(glimmer[0]?.headingPath).toEqual(['Subprocessors']);
    const vector = mentioning(claims, 'Vectorloom Inference');
    expect(vector).toHaveLength(1);
    expect(vector[0]?.text).toContain('Canada');
  });

  test('subprocessors already in the rendered table are not added again', () => {
    for (const name of ['Stratavault Hosting', 'Quillmere Support', 'Tallyhook Billing']) {
      const found = mentioning(claims, name);
      expect(found, name).toHaveLength(1);
      expect(found[0]?.origin, name).toBe('dom');
      expect(found[0]?.structure, name).toBe('table-row');
    }
    expect(fromPlatform(claims).filter((c) => c.headingPath[0] === 'Subprocessors')).toHaveLength(2);
  });

  test('certifications carry status, audit period and auditor', () => {
    const iso = mentioning(claims, 'ISO/IEC 27001:2022');
    expect(iso).toHaveLength(1);
    expect(iso[0]?.origin).toBe('safebase');
    expect(iso[0]?.headingPath).toEqual(['Certifications']);
    for (const detail of ['Certified', '2024-09-12', '2027-09-11', 'Nordquill Certification GmbH']) {
      expect(iso[0]?.text).toContain(detail);
    }
    const soc2 = claims.filter((c) => c.origin === 'safebase' && c.text.startsWith('SOC 2 Type II'));
    expect(soc2).toHaveLength(1);
    for (const detail of ['Active', '2024-04-01', '2025-03-31', 'Brackwell & Oduya CPAs']) {
      expect(soc2[0]?.text).toContain(detail);
    }
    // A framework still in progress has no made-up dates or auditor.
    const inProgress = claims.filter((c) => c.origin === 'safebase' && c.text.startsWith('ISO/IEC 42001'));
    expect(inProgress).toHaveLength(1);
    expect(inProgress[0]?.text).toContain('In progress');
    expect(inProgress[0]?.text).not.toMatch(/period|auditor/);
  });

  test('NDA documents are flagged gated; public documents are not', () => {
    const docs = fromPlatform(claims).filter((c) => c.headingPath[0] === 'Documents');
    expect(docs).toHaveLength(4);
    for (const name of ['SOC 2 Type II Report', 'Penetration Test Summary 2025']) {
      const [doc] = mentioning(docs, name);
      expect(doc, name).toBeDefined();
      expect(doc?.flags.gated, name).toBe(true);
      expect(doc?.text, name).toMatch(/NDA/);
    }
    for (const name of ['Information Security Policy Overview', 'Data Processing Addendum']) {
      const [doc] = mentioning(docs, name);
      expect(doc, name).toBeDefined();
      expect(doc?.flags.gated, name).toBe(false);
      expect(doc?.text, name).not.toMatch(/NDA/);
    }
    expect(mentioning(docs, 'Penetration Test Summary 2025')[0]?.text).toContain('2025-02-03');
  });

  test('no claim appears twice, and products or build data do not become claims', () => {
    const texts = claims.map((c) => comparableText(c.text));
    expect(new Set(texts).size).toBe(texts.length);
    expect(mentioning(claims, 'Lumenfold Studio')).toEqual([]);
    expect(mentioning(claims, 'lf-2025-05-02')).toEqual([]);
    expect(claims.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxClaims);
  });
});

describe('Conveyor: window.VENDOR_REPORT read from the script text', () => {
  test('the report is found by brace matching, past braces and escaped quotes inside strings', () => {
    const doc = parseHtml(CONVEYOR);
    const script = Array.from(doc.querySelectorAll('script')).find((s) =>
      s.textContent?.includes('VENDOR_REPORT ='),
    );
    const literal = assignedObject(script?.textContent ?? '', 'VENDOR_REPORT');
    expect(literal).toBeDefined();
    expect(literal?.startsWith('{"vendor"')).toBe(true);
    expect(literal?.endsWith('"2025-05-27"}]}')).toBe(true);
    const report = JSON.parse(literal ?? '') as {
      vendor: { tagline: string };
      overview: string;
      documents: Array<{ title: string }>;
    };
    expect(report.vendor.tagline).toBe('Ledgers you can audit {and trust}');
    expect(report.overview).toContain('"write-once"');
    expect(report.overview).toContain('"}" stays inside the string');
    expect(report.overview).toContain('backslash \\ before it');
    expect(report.documents.map((d) => d.title)).toContain('SOC 2 Type II Report {FY2025}');
  });

  test('assignedObject: braces, quotes and backslashes inside strings do not end the object', () => {
    const tricky = `{"a":"}","b":"\\"}\\"","c":'}','d':"\\\\","e":{"f":"{{"}}`;
    expect(assignedObject(`window.X = ${tricky}; var y = {};`, 'X')).toBe(tricky);
    expect(assignedObject('var X = {"a": 1', 'X')).toBeUndefined();
    expect(assignedObject('var Y = {"a": 1};', 'X')).toBeUndefined();
    // A longer name that merely ends in X is not X.
    expect(assignedObject('window.NOT_X = {"a": 1};', 'X')).toBeUndefined();
  });

  test('subprocessors, certifications and documents are added; rows already rendered are not', () => {
    const extraction = read(CONVEYOR);
    const { claims } = extraction;
    expect(extraction.platform).toBe('conveyor');

    const ferrowick = mentioning(claims, 'Ferrowick Observability');
    expect(ferrowick).toHaveLength(1);
    expect(ferrowick[0]?.origin).toBe('conveyor');
    expect(ferrowick[0]?.text).toContain('Error tracking {stack traces only}');
    expect(ferrowick[0]?.text).toContain('United States');
    expect(ferrowick[0]?.text).toContain('Request metadata');
    for (const name of ['Halcyon Grid Compute', 'Mossbank Mailer']) {
      const found = mentioning(claims, name);
      expect(found, name).toHaveLength(1);
      expect(found[0]?.origin, name).toBe('dom');
    }

    const pci = mentioning(claims, 'PCI DSS v4.0');
    expect(pci).toHaveLength(1);
    for (const detail of ['2025-01-15', '2026-01-14', 'Ravensgate QSA Ltd'])
      expect(pci[0]?.text).toContain(detail);
    expect(mentioning(claims, 'Penhallow Assurance LLP')[0]?.text).toContain('SOC 2 Type II');

    const report = mentioning(claims, 'SOC 2 Type II Report {FY2025}');
    expect(report).toHaveLength(1);
    expect(report[0]?.flags.gated).toBe(true);
    expect(mentioning(claims, 'Business Continuity Plan Summary')[0]?.flags.gated).toBe(true);
    const whitepaper = mentioning(claims, 'Security Whitepaper');
    expect(whitepaper).toHaveLength(1);
    expect(whitepaper[0]?.flags.gated).toBe(false);
  });

  test("the page's script is never executed", () => {
    const g = globalThis as Record<string, unknown>;
    const doc = parseHtml(CONVEYOR);
    const win = (doc.defaultView ?? {}) as unknown as Record<string, unknown>;
    expect(() => extractPage(doc, 'https://vendor.example.test/security')).not.toThrow();
    const extraction = extractPage(doc, 'https://vendor.example.test/security');
    expect(extraction.title).toBe('Brindlemark Systems Security Profile');
    expect(doc.title).toBe('Brindlemark Systems Security Profile');
    expect(g.__brindlemarkProfileScriptRan).toBeUndefined();
    expect(g.VENDOR_REPORT).toBeUndefined();
    expect(g.dataLayer).toBeUndefined();
    expect(win.__brindlemarkProfileScriptRan).toBeUndefined();
    expect(win.VENDOR_REPORT).toBeUndefined();
  });

  test('the report may sit in any inline script, not only the first', () => {
    const { platform, claims } = read(
      page(
        '<main><p>Vendor profile for a small example company.</p></main>' +
          '<script>var analytics = { queue: [] };</script>' +
          '<script>window.VENDOR_REPORT = {"subprocessors":[{"name":"Oakhurst Queueing","purpose":"Job queue"}]};</script>',
      ),
    );
    expect(platform).toBe('conveyor');
    expect(mentioning(claims, 'Oakhurst Queueing')).toHaveLength(1);
  });
});

describe('Vanta: renders late', () => {
  test('detected, and the empty initial DOM yields no claims', () => {
    const doc = parseHtml(VANTA);
    expect(doc.getElementById('root')?.childNodes.length).toBe(0);
    expect(doc.documentElement.dataset.rendered ?? doc.documentElement.getAttribute('data-rendered')).toBe(
      'false',
    );
    const extraction = extractPage(doc, 'https://trust.example.test/');
    expect(extraction.platform).toBe('vanta');
    expect(extraction.title).toBe('Cinderpath Health Trust Center');
    // The noscript notice and the render script are not claims.
    expect(extraction.claims).toEqual([]);
  });
});

describe('malformed platform data gives the DOM claims only, without throwing', () => {
  const domOnly = (html: string): ExtractedClaim[] => extractDomClaims(parseHtml(html)).claims;

  test('truncated __NEXT_DATA__', () => {
    const json = safebasePayload();
    const html = SAFEBASE.replace(json, json.slice(0, Math.floor(json.length / 2)));
    expect(html).not.toBe(SAFEBASE);
    let extraction: Extraction | undefined;
    expect(() => {
      extraction = read(html);
    }).not.toThrow();
    expect(extraction?.platform).toBe('safebase');
    expect(extraction?.claims.length).toBeGreaterThan(5);
    expect(extraction?.claims).toEqual(domOnly(html));
  });

  test('VENDOR_REPORT with a syntax error', () => {
    const html = CONVEYOR.replace('"status":"Current"', '"status" "Current"');
    expect(html).not.toBe(CONVEYOR);
    const extraction = read(html);
    expect(extraction.platform).toBe('conveyor');
    expect(extraction.claims.length).toBeGreaterThan(3);
    expect(extraction.claims).toEqual(domOnly(html));
  });

  test('VENDOR_REPORT whose object never closes', () => {
    const at = CONVEYOR.indexOf('"documents":[');
    const end = CONVEYOR.indexOf('</script>', at);
    const html = `${CONVEYOR.slice(0, at)}"documents":[{"title":"Cut off`.concat(CONVEYOR.slice(end));
    const extraction = read(html);
    expect(extraction.platform).toBe('conveyor');
    expect(extraction.claims).toEqual(domOnly(html));
  });

  test('valid JSON with the wrong shapes', () => {
    const html = page(
      '<main><p>Customer data is encrypted at rest and in transit.</p></main>' +
        nextData({
          subprocessors: 'see the table',
          certifications: [null, 3, 'SOC 2', [], {}, { name: '' }, { status: 'Active' }],
          documents: { name: 'Not an array', access: 'nda' },
          reports: [{ name: { nested: 'object' } }, { title: 12345, access: ['nda'] }],
        }),
    );
    let extraction: Extraction | undefined;
    expect(() => {
      extraction = read(html);
    }).not.toThrow();
    expect(extraction?.platform).toBe('safebase');
    const added = fromPlatform(extraction?.claims ?? []);
    // Only the record with a usable (numeric) title becomes a claim, and it is not gated by an array.
    expect(added.map((c) => c.text)).toEqual(['Document: 12345 — public']);
    expect(mentioning(extraction?.claims ?? [], 'encrypted at rest')).toHaveLength(1);
  });
});

describe('huge or deeply nested platform data stays bounded', () => {
  const DEPTH = 10_000;
  const BODY = '<main><h1>Security</h1><p>All customer data is encrypted at rest with AES-256.</p></main>';

  const check = (html: string, maxMs = 4000): Extraction => {
    let extraction: Extraction | undefined;
    const ms = elapsed(() => {
      extraction = read(html);
    });
    expect(extraction).toBeDefined();
    expect(extraction?.claims.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxClaims);
    expect(ms).toBeLessThan(maxMs);
    // The DOM claim survives whatever the platform data holds.
    expect(mentioning(extraction?.claims ?? [], 'encrypted at rest with AES-256')).toHaveLength(1);
    return extraction as Extraction;
  };

  test('__NEXT_DATA__ with objects nested 10,000 deep', { timeout: 15_000 }, () => {
    const deep = `${'{"a":'.repeat(DEPTH)}{"subprocessors":[{"name":"Abyssal Storage"}]}${'}'.repeat(DEPTH)}`;
    const json = `{"props":{"pageProps":{"org":{"platform":"SafeBase"},"subprocessors":[{"name":"Surface Hosting","purpose":"Hosting"}],"deep":${deep}}}}`;
    const extraction = check(
      page(`${BODY}<script id="__NEXT_DATA__" type="application/json">${json}</script>`),
    );
    expect(extraction.platform).toBe('safebase');
    expect(mentioning(extraction.claims, 'Surface Hosting')).toHaveLength(1);
  });

  test('__NEXT_DATA__ with arrays nested 10,000 deep', { timeout: 15_000 }, () => {
    const deep = `${'['.repeat(DEPTH)}{"name":"x"}${']'.repeat(DEPTH)}`;
    const json = `{"props":{"pageProps":{"org":{"platform":"SafeBase"},"documents":${deep}}}}`;
    const extraction = check(
      page(`${BODY}<script id="__NEXT_DATA__" type="application/json">${json}</script>`),
    );
    expect(extraction.platform).toBe('safebase');
  });

  test('VENDOR_REPORT nested 10,000 deep', { timeout: 15_000 }, () => {
    const deep = `${'{"a":'.repeat(DEPTH)}"}{\\"}"${'}'.repeat(DEPTH)}`;
    const report = `{"subprocessors":[{"name":"Shallowford Mail","purpose":"Email"}],"deep":${deep}}`;
    const extraction = check(page(`${BODY}<script>window.VENDOR_REPORT = ${report}; boom();</script>`));
    expect(extraction.platform).toBe('conveyor');
    expect(mentioning(extraction.claims, 'Shallowford Mail')).toHaveLength(1);
  });

  test('100,000 subprocessors in __NEXT_DATA__', { timeout: 15_000 }, () => {
    const subs = Array.from({ length: 100_000 }, (_, i) => `{"name":"S${i}"}`).join(',');
    const json = `{"props":{"pageProps":{"org":{"platform":"SafeBase"},"subprocessors":[${subs}]}}}`;
    const extraction = check(
      page(`${BODY}<script id="__NEXT_DATA__" type="application/json">${json}</script>`),
    );
    expect(extraction.platform).toBe('safebase');
    const added = fromPlatform(extraction.claims);
    // Some are kept (the data is under the size bound), but not all 100,000.
    expect(added.length).toBeGreaterThan(0);
    expect(added.length).toBeLessThan(100_000);
  });

  test('100,000 subprocessors with full records (over the size bound)', { timeout: 15_000 }, () => {
    const subs = Array.from(
      { length: 100_000 },
      (_, i) =>
        `{"name":"Subprocessor number ${i}","purpose":"Processing of customer data","location":"Region ${i % 50}"}`,
    ).join(',');
    const report = `{"subprocessors":[${subs}],"certifications":[],"documents":[]}`;
    const extraction = check(page(`${BODY}<script>window.VENDOR_REPORT = ${report};</script>`));
    expect(extraction.platform).toBe('conveyor');
  });

  test('a long DOM table and 100,000 platform records together stop at the claim limit', {
    timeout: 20_000,
  }, () => {
    const rows = Array.from(
      { length: 4500 },
      (_, i) => `<tr><td>Rendered vendor ${i}</td><td>Hosting</td><td>Region ${i % 40}</td></tr>`,
    ).join('');
    // Compact records keep the payload under the JSON size bound, so the dedup pass really runs.
    const subs = Array.from({ length: 100_000 }, (_, i) => `{"name":"V${i}"}`).join(',');
    const html = page(
      BODY.replace(
        '</main>',
        `<table><thead><tr><th>Name</th><th>Purpose</th><th>Location</th></tr></thead><tbody>${rows}</tbody></table></main>`,
      ) + nextData({ subprocessors: '__SUBS__' }).replace('"__SUBS__"', `[${subs}]`),
    );
    let extraction: Extraction | undefined;
    const ms = elapsed(() => {
      extraction = read(html);
    });
    expect(ms).toBeLessThan(8000);
    expect(extraction?.platform).toBe('safebase');
    const claims = extraction?.claims ?? [];
    expect(claims.length).toBe(DEFAULT_LIMITS.maxClaims);
    // Both sources contribute: the rendered rows first, then platform records up to the limit.
    expect(claims.filter((c) => c.origin === 'dom').length).toBeGreaterThan(4000);
    expect(fromPlatform(claims).length).toBeGreaterThan(0);

    const small = extractPage(parseHtml(html), 'https://x.test/', { ...DEFAULT_LIMITS, maxClaims: 50 });
    expect(small.claims.length).toBeLessThanOrEqual(50);
  });
});

describe('deduplication does not drop claims that are not on the page', () => {
  // Once a bug: the boilerplate words of the structured claim ("… not the report") matched any
  // sentence naming the report, and the only claim saying the report is gated was dropped.
  test('a sentence naming a gated report does not swallow its NDA listing', () => {
    const { claims } = read(
      page(
        '<main><p>Our SOC 2 Type II report covers the period from April 2024 to March 2025.</p></main>' +
          nextData({ documents: [{ name: 'SOC 2 Type II Report', access: 'nda', updatedAt: '2025-04-18' }] }),
      ),
    );
    const gated = claims.filter((c) => c.flags.gated && /SOC 2 Type II Report/i.test(c.text));
    expect(gated).toHaveLength(1);
  });

  // Once a bug: names matched without word boundaries ("Tern" inside "Lantern") and the label
  // word "location" matched the table header, so a subprocessor not on the page was dropped.
  test('a subprocessor whose name is part of another row’s name is still added', () => {
    const { claims } = read(
      page(
        '<main><table><thead><tr><th>Subprocessor</th><th>Purpose</th><th>Location</th></tr></thead>' +
          '<tbody><tr><td>Lantern Mail</td><td>Email delivery</td><td>Ireland</td></tr></tbody></table></main>' +
          nextData({
            subprocessors: [
              { name: 'Lantern Mail', purpose: 'Email delivery', location: 'Ireland' },
              { name: 'Tern', purpose: 'Error monitoring', location: 'Germany' },
            ],
          }),
      ),
    );
    expect(
      claims.filter((c) => c.origin === 'safebase' && c.text.startsWith('Subprocessor: Tern ')),
    ).toHaveLength(1);
  });
});
