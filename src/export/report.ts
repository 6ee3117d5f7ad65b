/**
 * A review as every export format sees it: the raw rows (`ReviewSnapshot`) turned into one
 * structured report — verdict on top, each control with its claims, red flags, findings (one per
 * gap, ready to become a ticket) and the audit trail. Formats only render a `Report`; none of them
 * decides anything.
 */
import type { AuditEvent, ChainCheck } from '../core/audit-chain.ts';
import { RED_FLAG_NAMES, type RedFlagId } from '../core/classify/red-flag-cues.ts';
import { type AssessmentInput, type ControlStatus, controlStatus } from '../core/control-status.ts';
import { CONTROLS, type ControlId, PROOF_POINTS } from '../core/controls.ts';
import type { Attachment, DemoSession } from '../core/demo-records.ts';
import type { Review, Source } from '../core/review.ts';
import type {
  Assessment,
  AssessmentVerdict,
  Note,
  RedFlagRecord,
  StoredClaim,
} from '../core/review-records.ts';
import { controlsOf, TEMPLATES } from '../core/templates.ts';
import { deepLink } from '../core/text-fragment.ts';
import { computeVerdict, type VerdictResult } from '../core/verdict.ts';
import { demoLog, demoSourceOf, type ReportDemoSession, type ReportDemoSource } from './demo-log.ts';

/**
 * A screenshot as backups and reports carry it: the stored record without its Blobs, the image as
 * base64 in `data` (absent once removed). The preview (`thumb`) is not carried: without one, the
 * panel's list shows the image itself.
 */
export type ExportedAttachment = Omit<Attachment, 'blob' | 'thumb'> & { data?: string };

/** A review's rows as stored (screenshots as base64): what a backup carries and reports are built from. */
export interface ReviewSnapshot {
  review: Review;
  sources: Source[];
  claims: StoredClaim[];
  assessments: Assessment[];
  redFlags: RedFlagRecord[];
  notes: Note[];
  events: AuditEvent[];
  demoSessions: DemoSession[];
  attachments: ExportedAttachment[];
}

/** A review with no rows yet but the given pages: what a version-1 backup or a bare review holds. */
export function emptySnapshot(review: Review, sources: Source[] = []): ReviewSnapshot {
  return {
    review,
    sources,
    claims: [],
    assessments: [],
    redFlags: [],
    notes: [],
    events: [],
    demoSessions: [],
    attachments: [],
  };
}

/** One assessed claim as exports show it. */
export interface ReportClaim {
  claimId: string;
  text: string;
  /** The page, as captured (no fragment). */
  url: string;
  /**
   * The exact quote its deep link (`url#:~:text=…`) scrolls to; only for http(s) pages. Kept as the
   * quote, not the link: formats make the link as they write it (`deepLinkTarget`, `claimDeepLink`).
   */
  quote?: string;
  headingPath: string[];
  capturedAt: string;
  verdict: AssessmentVerdict;
  /** Who tagged it, and when. */
  by: string;
  at: string;
  /** The reviewer's note on the claim, if any. */
  note?: string;
  /** The claim sits behind "request access" / NDA on the vendor's page. */
  gated: boolean;
  /** The page no longer says this (changed: with what it says now; orphaned: nowhere). */
  changed?: { status: 'changed' | 'orphaned'; currentText?: string };
  /** For a claim logged in a live demo: its session and offset (it has no page URL). */
  demo?: ReportDemoSource;
}

/** One control of the checklist with what decided its status. */
export interface ReportControl {
  id: ControlId;
  name: string;
  /** One of the five readiness proof points. */
  proofPoint: boolean;
  /** Exact framework ids, e.g. "OWASP NHI 2025 NHI7". */
  frameworks: string[];
  status: ControlStatus;
  /** Evidence first, then marketing; not-relevant assessments are left out. */
  claims: ReportClaim[];
  note?: string;
}

/** A red flag as exports show it. */
export interface ReportRedFlag {
  id: string;
  flag: RedFlagId;
  /** The red flag's name for people. */
  name: string;
  note: string;
  resolved: boolean;
  by: string;
  at: string;
  /** The claim that shows it, when it was raised from one. */
  claim?: Pick<ReportClaim, 'claimId' | 'text' | 'url' | 'quote' | 'demo'>;
}

/** What kind of gap a finding reports. */
export type FindingKind = 'missing' | 'claimed-only' | 'stale' | 'red-flag';

/** One gap, ready to be filed as a ticket. */
export interface Finding {
  /** Stable within a review: `control:<id>` or `red-flag:<id>`. */
  key: string;
  kind: FindingKind;
  /** One line, starting with the vendor's name. */
  title: string;
  priority: 'Highest' | 'High' | 'Medium' | 'Low';
  /** Lowercase, no spaces: safe as labels in GitHub, GitLab and Jira. */
  labels: string[];
  /** What the gap is and what to ask the vendor, in plain sentences. */
  summary: string;
  /** The control this finding is about (for a red flag: none). */
  control?: ReportControl;
  redFlag?: ReportRedFlag;
}

/** A whole review, ready to render in any format. */
export interface Report {
  vendor: string;
  product: string;
  domains: string[];
  templateName: string;
  createdAt: string;
  /** When this export was made. */
  generatedAt: string;
  verdict: VerdictResult;
  /** Who overrode the verdict and when (the reason is in `verdict.overrideReason`). */
  override?: { by: string; at: string };
  controls: ReportControl[];
  redFlags: ReportRedFlag[];
  findings: Finding[];
  /** Live demo sessions, oldest first (empty when there were none). */
  demo: ReportDemoSession[];
  reviewNote?: string;
  sources: Array<Pick<Source, 'url' | 'title' | 'kind' | 'lastCapturedAt'>>;
  audit: {
    /** The chain check at export time (undefined when not verified). */
    chain?: ChainCheck;
    /** The last event's hash: quote it outside the tool to pin the trail. */
    headHash?: string;
    events: AuditEvent[];
  };
}

/** Options for `buildReport`. */
export interface ReportOptions {
  /** Only these controls (and red flags tied to their claims or to none); default: the template's. */
  controls?: readonly ControlId[];
  /**
   * Claim ids whose text changed or vanished since capture (makes their evidence stale), as the
   * panel sees them now; claims whose stored page check says so count too.
   */
  staleClaims?: ReadonlySet<string>;
  chain?: ChainCheck;
  now?: Date;
}

const http = /^https?:\/\//i;

/** How an assessment or red flag made without a reviewer name (options page) is attributed. */
const UNKNOWN_REVIEWER = 'unknown reviewer';

/** A claim's deep link as text (`url#:~:text=…`), or undefined when its page is not http(s). */
export function claimDeepLink(claim: Pick<ReportClaim, 'url' | 'quote'>): string | undefined {
  return claim.quote === undefined ? undefined : deepLink(claim.url, claim.quote);
}

/** Builds the report every format renders. Pure: same snapshot and options, same report. */
export function buildReport(snapshot: ReviewSnapshot, options: ReportOptions = {}): Report {
  const { review } = snapshot;
  const stale = new Set(options.staleClaims);
  const claims = new Map<string, StoredClaim>();
  for (const c of snapshot.claims) {
    claims.set(c.id, c);
    if (c.pageCheck && c.pageCheck.status !== 'anchored') stale.add(c.id);
  }
  const notes = new Map<string, string>();
  // Claim notes also by bare claim id: looking up `claim:${id}` would build and hash a new key per claim.
  const claimNotes = new Map<string, string>();
  for (const n of snapshot.notes) {
    const text = n.text.trim();
    notes.set(n.scope, text);
    if (n.scope.startsWith('claim:')) claimNotes.set(n.scope.slice(6), text);
  }
  const sessions = new Map(snapshot.demoSessions.map((s) => [s.id, s]));

  // Each control's assessments in stored order, grouped in one pass: the checklist and the claim
  // lists below would otherwise scan every assessment once per control.
  const byControl = new Map<ControlId, Assessment[]>();
  const inputsByControl = new Map<ControlId, AssessmentInput[]>();
  for (const a of snapshot.assessments) {
    const input: AssessmentInput = {
      claimId: a.claimId,
      control: a.control,
      verdict: a.verdict,
      stale: stale.has(a.claimId),
    };
    const list = byControl.get(a.control);
    if (list) {
      list.push(a);
      (inputsByControl.get(a.control) as AssessmentInput[]).push(input);
    } else {
      byControl.set(a.control, [a]);
      inputsByControl.set(a.control, [input]);
    }
  }
  // What `checklist` computes, from the grouped assessments (`controlStatus` only reads its control's).
  const statuses = controlsOf(review.template).map((control) => ({
    control,
    status: controlStatus(control, inputsByControl.get(control) ?? [], review.notApplicable),
  }));
  const verdict = computeVerdict({
    statuses,
    redFlags: snapshot.redFlags.map((f) => ({
      id: f.id,
      flag: f.flag,
      resolved: f.resolved,
      ...(f.claimId ? { claimId: f.claimId } : {}),
    })),
    ...(review.verdictOverride
      ? { override: { verdict: review.verdictOverride.verdict, reason: review.verdictOverride.reason } }
      : {}),
  });

  const reportClaim = (a: Assessment, claim: StoredClaim): ReportClaim => {
    // Built field by field, not with conditional spreads: this runs once per assessment (10,000s).
    const out: ReportClaim = {
      claimId: claim.id,
      text: claim.text,
      url: claim.url,
      headingPath: claim.headingPath,
      capturedAt: claim.capturedAt,
      verdict: a.verdict,
      by: a.by || UNKNOWN_REVIEWER,
      at: a.at,
      gated: claim.flags.gated === true,
    };
    if (http.test(claim.url)) out.quote = claim.selector.exact;
    const note = claimNotes.get(claim.id);
    if (note) out.note = note;
    if (claim.demo) out.demo = demoSourceOf(claim.demo, sessions);
    if (stale.size > 0 && stale.has(claim.id)) {
      const check = claim.pageCheck;
      out.changed = { status: check?.status === 'orphaned' ? 'orphaned' : 'changed' };
      if (check?.currentText !== undefined) out.changed.currentText = check.currentText;
    }
    return out;
  };

  const wanted = new Set(options.controls ?? statuses.map((s) => s.control));
  const controls: ReportControl[] = [];
  for (const { control, status } of statuses) {
    if (!wanted.has(control)) continue;
    const note = notes.get(`control:${control}`);
    const rc: ReportControl = {
      id: control,
      name: CONTROLS[control].name,
      proofPoint: PROOF_POINTS.includes(control),
      frameworks: [...CONTROLS[control].frameworks],
      status,
      claims: controlClaims(byControl.get(control) ?? [], claims, reportClaim),
    };
    if (note) rc.note = note;
    controls.push(rc);
  }

  // With a control filter, keep red flags tied to a claim assessed for a chosen control, or to no claim.
  const claimsInScope = options.controls
    ? new Set(controls.flatMap((c) => c.claims.map((x) => x.claimId)))
    : undefined;
  const redFlags: ReportRedFlag[] = snapshot.redFlags
    .filter((f) => !claimsInScope || !f.claimId || claimsInScope.has(f.claimId))
    .map((f) => {
      const claim = f.claimId ? claims.get(f.claimId) : undefined;
      return {
        id: f.id,
        flag: f.flag,
        name: RED_FLAG_NAMES[f.flag],
        note: f.note,
        resolved: f.resolved,
        by: f.by || UNKNOWN_REVIEWER,
        at: f.at,
        ...(claim
          ? {
              claim: {
                claimId: claim.id,
                text: claim.text,
                url: claim.url,
                ...(http.test(claim.url) ? { quote: claim.selector.exact } : {}),
                ...(claim.demo ? { demo: demoSourceOf(claim.demo, sessions) } : {}),
              },
            }
          : {}),
      };
    });

  const events = [...snapshot.events].sort((a, b) => a.seq - b.seq);
  const reviewNote = notes.get('review');
  return {
    vendor: review.vendor,
    product: review.product,
    domains: [...review.domains],
    templateName: TEMPLATES[review.template].name,
    createdAt: review.createdAt,
    generatedAt: (options.now ?? new Date()).toISOString(),
    verdict,
    ...(review.verdictOverride && verdict.overridden
      ? { override: { by: review.verdictOverride.by, at: review.verdictOverride.at } }
      : {}),
    controls,
    redFlags,
    findings: findingsOf(review, controls, redFlags),
    demo: demoLog({
      sessions: snapshot.demoSessions,
      claims: snapshot.claims,
      attachments: snapshot.attachments,
      notes,
      ...(options.controls ? { controls: new Set(options.controls) } : {}),
    }),
    ...(reviewNote ? { reviewNote } : {}),
    sources: snapshot.sources.map(({ url, title, kind, lastCapturedAt }) => ({
      url,
      title,
      kind,
      lastCapturedAt,
    })),
    audit: {
      ...(options.chain ? { chain: options.chain } : {}),
      ...(events.length > 0 ? { headHash: (events.at(-1) as AuditEvent).hash } : {}),
      events,
    },
  };
}

/** One control's claims: evidence first, then marketing, each oldest first; not-relevant and unknown claims left out. */
function controlClaims(
  assessments: readonly Assessment[],
  claims: ReadonlyMap<string, StoredClaim>,
  reportClaim: (a: Assessment, claim: StoredClaim) => ReportClaim,
): ReportClaim[] {
  // Split by verdict in stored order, then each part sorted by time: the same order as one stable
  // sort by (verdict, time), but parts already in time order (the usual case: assessments are
  // stored as they are made) skip the sort, which cost more than the rest of the report.
  const evidence: Assessment[] = [];
  const marketing: Assessment[] = [];
  for (const a of assessments) {
    if (a.verdict === 'evidence') evidence.push(a);
    else if (a.verdict === 'marketing') marketing.push(a);
  }
  const out: ReportClaim[] = [];
  for (const part of [byTime(evidence), byTime(marketing)]) {
    for (const a of part) {
      const claim = claims.get(a.claimId);
      if (claim) out.push(reportClaim(a, claim));
    }
  }
  return out;
}

/** Assessments oldest first (stable), sorted only when not already in order. */
function byTime(assessments: Assessment[]): Assessment[] {
  for (let i = 1; i < assessments.length; i++) {
    // ISO times order as plain strings; localeCompare would cost a collator call per comparison.
    if ((assessments[i - 1] as Assessment).at > (assessments[i] as Assessment).at) {
      return assessments.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    }
  }
  return assessments;
}

/** Slug for a label: lowercase ASCII letters, digits and dashes. */
function label(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** One finding per control that is missing, marketing-only or stale, and per standing red flag. */
function findingsOf(review: Review, controls: ReportControl[], redFlags: ReportRedFlag[]): Finding[] {
  const vendor = review.vendor.trim() || 'Vendor';
  const findings: Finding[] = [];
  for (const control of controls) {
    const kind = control.status.kind;
    if (kind !== 'missing' && kind !== 'claimed-only' && kind !== 'stale') continue;
    const what =
      kind === 'missing'
        ? `no evidence of ${control.name.toLowerCase()}`
        : kind === 'claimed-only'
          ? `${control.name.toLowerCase()} is claimed, not shown`
          : `evidence of ${control.name.toLowerCase()} changed since capture`;
    const priority: Finding['priority'] = control.proofPoint
      ? kind === 'missing'
        ? 'High'
        : 'Medium'
      : kind === 'missing'
        ? 'Medium'
        : 'Low';
    findings.push({
      key: `control:${control.id}`,
      kind,
      title: `${vendor}: ${what}`,
      priority,
      labels: ['vendor-review', label(vendor), `control-${control.id}`, `gap-${kind}`],
      summary: summaryOf(kind, control),
      control,
    });
  }
  for (const flag of redFlags) {
    if (flag.resolved) continue;
    findings.push({
      key: `red-flag:${flag.id}`,
      kind: 'red-flag',
      title: `${vendor}: red flag — ${flag.name}`,
      priority: 'Highest',
      labels: ['vendor-review', label(vendor), 'red-flag', `red-flag-${flag.flag}`],
      summary:
        'A red flag stands against this vendor. Ask the vendor to show how it is mitigated, with evidence (configuration, logs, documentation), before an enterprise rollout.',
      redFlag: flag,
    });
  }
  return findings;
}

function summaryOf(kind: Exclude<FindingKind, 'red-flag'>, control: ReportControl): string {
  const asks = CONTROLS[control.id].evidence;
  if (kind === 'missing') {
    return `The review found nothing on ${control.name.toLowerCase()}. Ask the vendor for evidence: ${asks}`;
  }
  if (kind === 'claimed-only') {
    return `The vendor's pages claim ${control.name.toLowerCase()} only in general terms. Ask for specific, checkable evidence: ${asks}`;
  }
  return `The evidence captured for ${control.name.toLowerCase()} changed or vanished from the vendor's page since it was captured. Re-check the page and ask the vendor to confirm: ${asks}`;
}
