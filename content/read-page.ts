/**
 * Reads a page's claims: wait for it to settle, one DOM pass, then the platform adapters add
 * what only the platform's data holds (SafeBase, Conveyor).
 */
import type { Extraction } from '../src/core/claim.ts';
import { addPlatformClaims } from './adapters/add-platform-claims.ts';
import { DEFAULT_LIMITS, type ExtractLimits, extractDomClaims } from './extract/extract-claims.ts';
import { DEFAULT_SETTLE, type SettleOptions, waitForSettle } from './settle.ts';

/** Extracts the claims of a document that is already settled (the CLI, tests, benchmarks). */
export function extractPage(doc: Document, url: string, limits: ExtractLimits = DEFAULT_LIMITS): Extraction {
  const started = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const dom = extractDomClaims(doc, limits);
  const { platform, claims } = addPlatformClaims(doc, dom.claims, limits.maxClaims);
  const ms = (typeof performance !== 'undefined' ? performance.now() : Date.now()) - started;
  return {
    url,
    title: (doc.title ?? '').trim().slice(0, 4096),
    platform,
    claims,
    ...(dom.truncated ? { truncated: dom.truncated } : {}),
    stats: { elements: dom.elements, textLength: dom.pageText.length, ms: Math.round(ms) },
  };
}

/** Waits for the live page to settle, then extracts it. */
export async function readPage(doc: Document, settle: SettleOptions = DEFAULT_SETTLE): Promise<Extraction> {
  const settled = await waitForSettle(doc, settle);
  return { ...extractPage(doc, doc.location?.href ?? ''), settled };
}
