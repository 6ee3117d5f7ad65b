/**
 * What the page-text fixture (`test/fixtures/page-text/index.html`) must give in a real browser,
 * where SVG and MathML elements, shadow roots and iframes are what the page-text rule expects
 * (the unit tests' DOMs parse some of them differently).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { extractDomClaims } from '../../../content/extract/extract-claims.ts';
import { parseHtml } from '../../../src/cli/parse-html.ts';
import { buildInPageBundle } from '../../bench/build-in-page.ts';
import { ROOT } from '../paths.ts';
import type { PageTextCheck } from './in-page.ts';

/** The fixture's folder, to serve. */
export const PAGE_TEXT_FIXTURE = join(ROOT, 'test/fixtures/page-text');

/** The in-page bundle (`in-page.ts`) as one classic script, defining `globalThis.__pageText`. */
export async function pageTextBundle(): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'vr-page-text-'));
  try {
    return await buildInPageBundle('test/e2e/page-text/in-page.ts', work, 'pageTextCheck', 'page-text.js');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Text the page-text rule counts: light DOM (a web component's too) under elements that do not hide their own text. */
const COUNTED = [
  'Every API key expires after 90 days.',
  'Foreign object paragraph.',
  'Object nested fallback paragraph.',
  'Host own text.',
  'Badge light paragraph.',
  'Keys are revoked within one minute.',
  'Audit logs are kept for 400 days.',
];

/** Text whose parent hides it (SVG, MathML, skipped tags, iframe fallback), and shadow trees. */
const LEFT_OUT = [
  'Copy icon title',
  'Chart label',
  'Object own fallback.',
  'Canvas fallback text.',
  'Noscript text.',
  'Template paragraph.',
  'Script text.',
  'Style text.',
  'Shadow badge text.',
  'Iframe fallback text.',
];

/** Both counts agree, hold what the rule counts and nothing it leaves out; claims anchor by position. */
export function expectPageText(r: PageTextCheck): void {
  expect(r.indexed).toBe(r.extracted);
  for (const text of COUNTED) expect(r.extracted, text).toContain(text);
  for (const text of LEFT_OUT) expect(r.extracted, text).not.toContain(text);
  // MathML's "x + 1" leaves nothing between the words around it.
  expect(r.extracted).toContain('Tenants are isolated  per account.');
  const claims = r.claims.filter((c) => !c.text.includes('Shadow badge'));
  expect(claims.map((c) => c.text)).toEqual(
    expect.arrayContaining([
      'Every API key expires after 90 days.',
      // An icon's SVG with no page text inside does not split the sentence around it…
      'Download the report from the trust portal after signing in.',
      // …one holding page text (its foreignObject's HTML) does: the claims stop at it.
      'Copy the key from the console before it expires',
      'and keep it in a secrets manager, never in code.',
      // A web component's light DOM is read through its shadow root's slots, and counted in place.
      'Host own text.Badge light paragraph.',
      'Data is encrypted with AES-256 keys at rest in every region.',
      'Audit logs are kept for 400 days.',
    ]),
  );
  for (const c of claims) expect(c.method, c.text).toBe('position');

  // The CLI's DOM of the saved file (no scripts run, so no shadow roots): the same page text, and
  // the same claims but the one only a shadow root shows. Browsers' parsers also move the line
  // breaks after </body> into the body; linkedom's does not.
  const cli = extractDomClaims(parseHtml(readFileSync(join(PAGE_TEXT_FIXTURE, 'index.html'), 'utf8')));
  expect(cli.pageText.trimEnd()).toBe(r.extracted.trimEnd());
  expect(cli.claims.map((c) => c.text)).toEqual(claims.map((c) => c.text));
}
