/**
 * Turns a trust-center platform's JSON (SafeBase's `__NEXT_DATA__`, Conveyor's inline report)
 * into claims. The walk is tolerant of layout — it looks for arrays under telling keys anywhere
 * in the data — and bounded (depth, items), because the JSON is the page's, not ours.
 */
import type { ClaimOrigin, ExtractedClaim } from '../../src/core/claim.ts';
import { normaliseText } from '../../src/core/normalise-text.ts';

const MAX_DEPTH = 24;
const MAX_ITEMS = 2000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Record_ = { [key: string]: Json };

const str = (v: Json | undefined): string =>
  typeof v === 'string' || typeof v === 'number' ? normaliseText(String(v)).slice(0, 300) : '';

function pick(record: Record_, ...keys: string[]): string {
  for (const k of keys) {
    const v = str(record[k]);
    if (v) return v;
  }
  return '';
}

const isRecord = (v: Json): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects every array of records under a key matching `key`, anywhere in the data. */
function collect(data: Json, key: RegExp, out: Record_[] = [], depth = 0): Record_[] {
  if (depth > MAX_DEPTH || out.length >= MAX_ITEMS) return out;
  if (Array.isArray(data)) {
    for (const item of data) collect(item, key, out, depth + 1);
  } else if (isRecord(data)) {
    for (const [k, v] of Object.entries(data)) {
      if (key.test(k) && Array.isArray(v)) {
        for (const item of v) if (isRecord(item) && out.length < MAX_ITEMS) out.push(item);
      } else {
        collect(v, key, out, depth + 1);
      }
    }
  }
  return out;
}

function structured(
  text: string,
  headingPath: string[],
  origin: ClaimOrigin,
  gated = false,
  context?: string,
): ExtractedClaim {
  return {
    text,
    headingPath,
    structure: 'structured',
    ...(context ? { context } : {}),
    selector: { exact: text, prefix: '', suffix: '' },
    flags: { inCode: false, gated, hidden: false },
    origin,
  };
}

const GATED_ACCESS = /nda|request|private|restricted|gated|locked/i;

/** Claims for the subprocessors, certifications and documents found in a platform's data. */
export function recordsToClaims(data: Json, origin: ClaimOrigin): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  for (const s of collect(data, /^sub-?processors?$/i)) {
    const name = pick(s, 'name', 'vendor', 'company', 'entity');
    if (!name) continue;
    const purpose = pick(s, 'purpose', 'description', 'service', 'function');
    const location = pick(s, 'location', 'country', 'region', 'hq');
    const data_ = pick(s, 'dataProcessed', 'data', 'dataTypes');
    const parts = [
      `Subprocessor: ${name}`,
      purpose,
      location && `location: ${location}`,
      data_ && `data: ${data_}`,
    ].filter(Boolean);
    claims.push(structured(parts.join(' — '), ['Subprocessors'], origin));
  }
  for (const c of collect(data, /^(certifications?|compliance|frameworks|attestations|audits)$/i)) {
    const name = pick(c, 'name', 'title', 'framework', 'standard');
    if (!name) continue;
    const status = pick(c, 'status', 'state');
    const from = pick(c, 'periodStart', 'validFrom', 'issuedAt', 'startDate', 'issued');
    const to = pick(c, 'periodEnd', 'validUntil', 'expiresAt', 'endDate', 'expires', 'expiry');
    const auditor = pick(c, 'auditor', 'issuer', 'certifiedBy', 'assessor');
    const parts = [
      name,
      status,
      from || to ? `period ${from || '?'} to ${to || '?'}` : '',
      auditor && `auditor: ${auditor}`,
    ].filter(Boolean);
    claims.push(structured(parts.join(' — '), ['Certifications'], origin));
  }
  for (const d of collect(data, /^(documents?|resources|reports|files)$/i)) {
    const name = pick(d, 'name', 'title', 'label');
    if (!name) continue;
    const access = pick(d, 'access', 'accessLevel', 'visibility', 'gate');
    const gated =
      GATED_ACCESS.test(access) || d.requiresNda === true || d.isPrivate === true || d.locked === true;
    const updated = pick(d, 'updatedAt', 'date', 'lastUpdated', 'published');
    const parts = [
      `Document: ${name}`,
      gated ? 'available on request under NDA (a listing, not the report)' : 'public',
      updated && `updated ${updated}`,
    ];
    claims.push(structured(parts.filter(Boolean).join(' — '), ['Documents'], origin, gated));
  }
  return claims;
}

/** Parses JSON text of bounded size; `undefined` when it is not JSON. */
export function parseBoundedJson(text: string, maxChars = 2_000_000): Json | undefined {
  if (text.length > maxChars) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/** The JSON object literal assigned to `name` in a script's text (`window.NAME = {…}`), found by brace matching — never evaluated. */
export function assignedObject(script: string, name: string): string | undefined {
  const at = script.search(new RegExp(`\\b${name}\\s*=\\s*\\{`));
  if (at < 0) return undefined;
  const open = script.indexOf('{', at);
  let depth = 0;
  let inString: string | null = null;
  for (let i = open; i < script.length; i++) {
    const ch = script[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === inString) inString = null;
      continue;
    }
    if (ch === '"' || ch === "'") inString = ch;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return script.slice(open, i + 1);
    }
  }
  return undefined;
}
