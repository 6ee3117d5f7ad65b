/**
 * Platform adapters. Most trust centers are custom, so the DOM pass is the base; where a page
 * shows its platform, structured claims are added from the platform's own data — each only if
 * the DOM pass did not already find it.
 *
 * - SafeBase: a Next.js app; `script#__NEXT_DATA__` holds products, subprocessors, documents.
 * - Conveyor: the report sits in an inline script (`window.VENDOR_REPORT = {…}`); page globals
 *   are invisible to an isolated content script, but the script's text is in the DOM.
 * - Vanta: renders everything late; nothing to add, the settle wait is what matters.
 */
import type { ExtractedClaim, Platform } from '../../src/core/claim.ts';
import { comparableText } from '../../src/core/normalise-text.ts';
import { assignedObject, parseBoundedJson, recordsToClaims } from './structured-records.ts';

const SAFEBASE_MARKERS =
  'meta[name="generator"][content*="SafeBase" i], [data-safebase], link[href*="safebase" i]';
const VANTA_MARKERS =
  'meta[name="generator"][content*="Vanta" i], script[src*="vanta" i], [data-vanta-trust-center]';

/** Which platform a page is built on. */
export function detectPlatform(doc: Document): Platform {
  const next = doc.getElementById('__NEXT_DATA__');
  if (next && /safebase/i.test(next.textContent?.slice(0, 200_000) ?? '')) return 'safebase';
  // One pass over the document answers "neither SafeBase nor Vanta markers" for most pages; each
  // attribute selector scan of a large page showed in profiles.
  const marked = doc.querySelector(`${SAFEBASE_MARKERS}, ${VANTA_MARKERS}`) !== null;
  if (marked && doc.querySelector(SAFEBASE_MARKERS)) return 'safebase';
  for (const s of Array.from(doc.querySelectorAll('script:not([src])'))) {
    if (/\bVENDOR_REPORT\s*=/.test(s.textContent?.slice(0, 5000) ?? '')) return 'conveyor';
  }
  if (marked && doc.querySelector(VANTA_MARKERS)) return 'vanta';
  return 'generic';
}

/** Key words of a structured claim that show the DOM pass already has it. */
function keyOf(claim: ExtractedClaim): string[] {
  const name = claim.text.split(' — ')[0]?.replace(/^(Subprocessor|Document): /, '') ?? '';
  return [comparableText(name)];
}

/** Adds the platform's structured claims that the DOM claims do not already cover. */
export function addPlatformClaims(
  doc: Document,
  domClaims: ExtractedClaim[],
  maxClaims: number,
): { platform: Platform; claims: ExtractedClaim[] } {
  const platform = detectPlatform(doc);
  let extra: ExtractedClaim[] = [];
  if (platform === 'safebase') {
    const data = parseBoundedJson(doc.getElementById('__NEXT_DATA__')?.textContent ?? '');
    if (data !== undefined) extra = recordsToClaims(data, 'safebase');
  } else if (platform === 'conveyor') {
    for (const s of Array.from(doc.querySelectorAll('script:not([src])'))) {
      const literal = assignedObject(s.textContent ?? '', 'VENDOR_REPORT');
      const data = literal ? parseBoundedJson(literal) : undefined;
      if (data !== undefined) {
        extra = recordsToClaims(data, 'conveyor');
        break;
      }
    }
  }
  if (extra.length === 0) return { platform, claims: domClaims };
  // Only the page's own claims count, not their table headers ("Location" is not a detail).
  const seen = domClaims.map((c) => ` ${comparableText(c.text)} `);
  const added = extra.filter((claim) => {
    const [name] = keyOf(claim);
    // Whole words: "Tern" is not inside "Lantern".
    return !name || !seen.some((text) => text.includes(` ${name} `) && claimMatchesRow(text, claim));
  });
  return { platform, claims: [...domClaims, ...added].slice(0, maxClaims) };
}

/** Words our own structured-claim labels add; they say nothing about the page. */
const LABEL_WORDS = new Set([
  'location',
  'data',
  'period',
  'auditor',
  'updated',
  'available',
  'request',
  'under',
  'listing',
  'report',
  'public',
]);

/**
 * A DOM claim covers a structured one when it names the same thing with at least one of the
 * record's own details. A gated document is never covered by prose: the listing's point is the gate.
 */
function claimMatchesRow(domText: string, claim: ExtractedClaim): boolean {
  if (claim.flags.gated) return false;
  const details = claim.text
    .split(' — ')
    .slice(1)
    .map(comparableText)
    .filter((d) => d.length > 2);
  if (details.length === 0) return true;
  return details.some((d) =>
    d.split(' ').some((w) => w.length > 3 && !LABEL_WORDS.has(w) && domText.includes(` ${w} `)),
  );
}
