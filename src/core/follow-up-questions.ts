/**
 * Follow-up questions for the vendor: every control not backed by current evidence, every standing
 * red flag and every question logged during demos, drafted as polite, specific requests for the
 * evidence DOMAIN.md counts — and the plain-text message that carries them.
 */
import { RED_FLAG_IDS, RED_FLAG_NAMES, type RedFlagId } from './classify/red-flag-cues.ts';
import type { ControlStatus } from './control-status.ts';
import { CONTROL_IDS, CONTROLS, type ControlId, PROOF_POINTS } from './controls.ts';

/** What the follow-ups are drafted from. */
export interface FollowUpInput {
  vendor: string;
  statuses: ReadonlyArray<{ control: ControlId; status: ControlStatus }>;
  /** The vendor's own words assessed as marketing, per control, to quote back. */
  marketingQuotes?: ReadonlyMap<ControlId, readonly string[]>;
  redFlags: ReadonlyArray<{ flag: RedFlagId; resolved: boolean; quote?: string }>;
  demoQuestions?: readonly string[];
}

/** One question to send: what it is about, its text, and the control or red flag it comes from. */
export interface FollowUp {
  key: string;
  /** The control's or red flag's name, or "From the demo". */
  about: string;
  question: string;
  control?: ControlId;
  redFlag?: RedFlagId;
}

/** The `about` of questions the reviewer logged during a demo. */
export const FROM_THE_DEMO = 'From the demo';

/** Quotes longer than this are cut, at a word, with "…". */
export const QUOTE_MAX = 200;

/**
 * Per control: what we ask to be shown (it follows "Please show" and "the evidence behind it:"),
 * and what would do as proof. Written from CONTROLS[…].evidence, as a reviewer would ask it.
 */
const CONTROL_REQUESTS: Record<ControlId, { what: string; proof: string }> = {
  'workload-identity': {
    what: 'how each agent or service instance proves its identity when it calls your systems or ours, with which mechanism (for example SPIFFE/SVID, mTLS certificates, OIDC workload tokens or signed JWTs), and how long each identity assertion stays valid',
    proof: 'architecture documentation or a sample token with its secrets removed would do.',
  },
  'tenant-isolation': {
    what: 'how one customer is kept from querying, retrieving or influencing another customer’s data, tools, model context and caches (for example per-tenant keys, databases, namespaces or row-level security)',
    proof: 'architecture documentation or the relevant part of a third-party test report would do.',
  },
  'jit-access': {
    what: 'how the product’s access is scoped and time-limited: whether permissions and secrets are issued per task or session rather than held standing, which scopes each token carries, who approves elevated access, and when each grant expires',
    proof: 'documentation of the scopes and token lifetimes, or a recording of the approval flow, would do.',
  },
  revocation: {
    what: 'how a customer admin revokes a compromised integration’s access without contacting your support, and how quickly it takes effect',
    proof: 'a recording or the admin-console documentation would do.',
  },
  auditability: {
    what: 'what your audit logs record for each action (actor, action, target, time and source), whether they tell a person apart from an agent acting for them, and how we can export or stream them for incident response',
    proof: 'a sample log entry and the export documentation would do.',
  },
  'sso-provisioning': {
    what: 'how our people sign in and are provisioned: SAML or OIDC single sign-on, SCIM provisioning and deprovisioning, enforced MFA, and session lifetime',
    proof: 'your SSO and SCIM setup documentation would do.',
  },
  encryption: {
    what: 'which algorithms protect our data in transit and at rest, where the keys are held (KMS, HSM, or our own keys through BYOK), and how often they are rotated',
    proof: 'the relevant section of your security documentation would do.',
  },
  'data-retention': {
    what: 'how many days you keep our data, prompts and outputs, whether zero data retention is available, and within what time you delete our data when we ask',
    proof: 'your retention policy or the relevant contract terms would do.',
  },
  'model-training': {
    what: 'whether our data is used to train or improve any model, for each product and plan we would use, and where that is switched on or off',
    proof: 'the relevant policy or a screenshot of the setting would do.',
  },
  'data-residency': {
    what: 'in which named regions our data is stored and processed, including backups and model inference, and whether we can choose the region',
    proof: 'your hosting documentation or data processing agreement would do.',
  },
  subprocessors: {
    what: 'your current subprocessor list with each one’s purpose and location and the date it was last updated, how you notify customers of changes, and how you assess those suppliers',
    proof: 'a link to the dated list and your change-notice terms would do.',
  },
  certifications: {
    what: 'which audits and certifications cover this product: the SOC 2 Type II report with its period and auditor, ISO/IEC 27001 or 42001 certificates with their scope, and any others that apply',
    proof: 'the reports themselves would do, under NDA if needed, since a badge alone cannot be checked.',
  },
  'vuln-management': {
    what: 'when the product was last penetration-tested and by whom, your patch deadlines by severity, and how researchers report vulnerabilities to you',
    proof: 'a pen-test summary or attestation letter and your disclosure policy would do.',
  },
  'incident-response': {
    what: 'within how many hours you notify customers of a breach, when your incident response plan was last tested, and your recovery time and recovery point objectives',
    proof: 'your incident response policy or the relevant contract terms would do.',
  },
  'ai-guardrails': {
    what: 'how the product defends against prompt injection, which tools and permissions an agent may use, how its output is checked before anything acts on it, and which actions need a person’s approval',
    proof: 'documentation or a short demonstration would do.',
  },
};

/** Per red flag: what we need explained, as a full request. */
const RED_FLAG_REQUESTS: Record<RedFlagId, string> = {
  'shared-identity':
    'Please explain whether each customer and each agent gets its own identity; if a service account or identity is shared, tell us how one customer’s actions are kept apart from, and attributed separately to, another’s.',
  'long-lived-keys':
    'Please tell us how long API keys and tokens stay valid, whether we can set an expiry and rotate them without downtime, and whether short-lived credentials are available instead.',
  'opaque-tokens':
    'Please explain how the product issues, stores and scopes the tokens it uses on our behalf, what each one can access and how long it lives; documentation of the token lifecycle would do.',
  'unbound-background-jobs':
    'Please tell us under which identity background jobs and syncs run, whether that identity is tied to the user or tenant who started them, and whether revoking that access also stops the jobs.',
  'data-outlives-session':
    'Please tell us which data, prompts or results are cached or kept after a session ends, for how long, whether that storage is separated per customer, and how we can have it cleared.',
  'logs-without-actor':
    'Please show how your logs identify who acted (which person or which agent, and on whose behalf), since we must be able to attribute every action during an incident; a sample log entry would do.',
  'manual-revocation':
    'Please explain whether a customer admin can revoke access immediately, without opening a ticket; if revocation depends on your staff, tell us the guaranteed response time, including outside business hours.',
  'custom-engineering':
    'Please confirm which of the controls we discussed come with the standard product for every customer, and which would need custom engineering or professional services, at what cost and maintained by whom.',
  'shared-tenancy-unproven':
    'Please show how customers who share infrastructure are kept apart (what separates our data, model context and caches from other tenants’) and how that separation has been tested; architecture documentation or a third-party test report would do.',
};

/** The follow-up questions: proof points, other controls (checklist order), red flags, demo questions. */
export function draftFollowUps(input: FollowUpInput): FollowUp[] {
  const out: FollowUp[] = [];

  const statusOf = new Map<ControlId, ControlStatus>();
  for (const { control, status } of input.statuses) if (!statusOf.has(control)) statusOf.set(control, status);
  const order = [...PROOF_POINTS, ...CONTROL_IDS.filter((c) => !PROOF_POINTS.includes(c))];
  for (const control of order) {
    const status = statusOf.get(control);
    const question = status && controlQuestion(control, status, input.marketingQuotes?.get(control) ?? []);
    if (question) out.push({ key: `control:${control}`, about: CONTROLS[control].name, question, control });
  }

  for (const flag of RED_FLAG_IDS) {
    const standing = input.redFlags.filter((f) => f.flag === flag && !f.resolved);
    if (standing.length === 0) continue;
    const quoted = quotesOf(standing.map((f) => f.quote ?? ''));
    const request = RED_FLAG_REQUESTS[flag];
    const question = quoted.length > 0 ? `You state ${joinQuotes(quoted)}. ${request}` : request;
    out.push({ key: `red-flag:${flag}`, about: RED_FLAG_NAMES[flag], question, redFlag: flag });
  }

  const seen = new Set<string>();
  for (const raw of input.demoQuestions ?? []) {
    const question = raw.trim();
    const same = squash(question).toLowerCase();
    if (!question || seen.has(same)) continue;
    seen.add(same);
    out.push({ key: `demo:${seen.size}`, about: FROM_THE_DEMO, question });
  }
  return out;
}

/** The follow-ups as one plain-text message to paste into an email, grouped and numbered. */
export function followUpMessage(vendor: string, followUps: readonly FollowUp[]): string {
  const name = squash(vendor);
  const greeting = name ? `Hello ${name} team,` : 'Hello,';
  if (followUps.length === 0) {
    return [
      greeting,
      '',
      'Thank you for the material you have shared: our security review has no open questions for you at this point.',
      '',
      'Kind regards',
    ].join('\n');
  }

  const groups: Array<{ heading: string; items: FollowUp[] }> = [
    { heading: 'Proof points', items: [] },
    { heading: 'Other controls', items: [] },
    { heading: 'Red flags we need explained', items: [] },
    { heading: 'From the demo', items: [] },
  ];
  for (const f of followUps) {
    const group = f.control ? (PROOF_POINTS.includes(f.control) ? 0 : 1) : f.redFlag ? 2 : 3;
    groups[group]?.items.push(f);
  }

  const lines = [
    greeting,
    '',
    'As part of our security review, we would be grateful for answers to the questions below; documentation, screenshots or recordings help us most.',
  ];
  let n = 0;
  for (const { heading, items } of groups) {
    if (items.length === 0) continue;
    lines.push('', heading);
    for (const f of items) {
      n++;
      // One line per question, so the numbering survives; the demo's own heading says where it came from.
      const about = f.control || f.redFlag ? `${squash(f.about)}: ` : '';
      lines.push(`${n}. ${about}${squash(f.question)}`);
    }
  }
  lines.push('', 'Thank you in advance; we look forward to your answers.');
  return lines.join('\n');
}

function controlQuestion(control: ControlId, status: ControlStatus, quotes: readonly string[]): string {
  const { what, proof } = CONTROL_REQUESTS[control];
  const topic = lowerFirst(CONTROLS[control].name);
  switch (status.kind) {
    case 'missing':
      return `Please show ${what}; ${proof}`;
    case 'claimed-only': {
      const quoted = quotesOf(quotes);
      if (quoted.length === 0) {
        return `We found only general statements about ${topic}; please share the evidence behind them: ${what}; ${proof}`;
      }
      const it = quoted.length > 1 ? 'them' : 'it';
      return `You state ${joinQuotes(quoted)}; please share the evidence behind ${it}: ${what}; ${proof}`;
    }
    case 'stale':
      return `The page where you documented ${topic} has changed since we captured it; please confirm that what we captured still holds, or point us to the current version.`;
    case 'proven':
    case 'not-applicable':
      return '';
  }
}

/** Up to two distinct, non-empty quotes, cut to length: more would drown the question. */
function quotesOf(quotes: readonly string[]): string[] {
  return [...new Set(quotes.map(cutQuote).filter(Boolean))].slice(0, 2);
}

/** “a” or “a” and “b”. */
function joinQuotes(quotes: readonly string[]): string {
  return quotes.map((q) => `“${q}”`).join(' and ');
}

/** One line, no closing full stop (the sentence around it has its own), at most QUOTE_MAX. */
function cutQuote(quote: string): string {
  const q = squash(quote).replace(/\.$/u, '');
  if (q.length <= QUOTE_MAX) return q;
  const head = q.slice(0, QUOTE_MAX);
  const space = head.lastIndexOf(' ');
  // Cut at the last word boundary unless that throws away most of the quote (one huge "word").
  return `${(space > QUOTE_MAX * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** "Workload identity" → "workload identity", but "SSO and provisioning" and "AI …" stay. */
function lowerFirst(name: string): string {
  return /^\p{Lu}\p{Lu}/u.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}
