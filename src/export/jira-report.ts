/**
 * A review as Jira wiki markup: the whole report (for a Confluence-style page or an epic) and one
 * finding as an issue description. Every piece of text from the review goes through `jira-escape.ts`.
 */
import { demoSourceText, type ReportDemoSession } from './demo-log.ts';
import { DEMO_LOG_COLUMNS, demoEntryCells, demoSessionText, screenshotText } from './demo-text.ts';
import { escapeJira, jiraLines, jiraLink, jiraQuote, jiraRow, jiraUrl } from './jira-escape.ts';
import { append } from './lines.ts';
import type { Finding, Report, ReportClaim, ReportControl, ReportRedFlag } from './report.ts';
import {
  assessmentText,
  chainText,
  changedText,
  decidedByText,
  FINDING_KIND_LABELS,
  overrideText,
  statusText,
  titleText,
  verdictText,
} from './status-text.ts';

/** The whole review as one Jira wiki-markup document. */
export function jiraReport(report: Report): string {
  const out: string[] = [`h1. ${escapeJira(titleText(report))}`, '', ...verdictBlock(report)];
  append(
    out,
    '',
    escapeJira(
      `Template: ${report.templateName} · Domains: ${report.domains.join(', ') || 'none'} · Review created ${report.createdAt} · Exported ${report.generatedAt}`,
    ),
    '',
    'h2. Checklist',
    '',
    jiraRow(['Control', 'Status', 'Frameworks'], true),
    report.controls.map((c) =>
      jiraRow([
        c.proofPoint ? `${c.name} (proof point)` : c.name,
        statusText(c.status),
        c.frameworks.join('; '),
      ]),
    ),
    '',
    'h2. Controls',
  );
  for (const control of report.controls) append(out, '', controlBlock(control));

  if (report.demo.length > 0) {
    out.push('', 'h2. Live demo');
    for (const session of report.demo) append(out, '', demoSessionBlock(session));
  }

  out.push('', 'h2. Red flags', '');
  if (report.redFlags.length === 0) out.push('None raised.');
  for (const flag of report.redFlags) append(out, redFlagBlock(flag), '');

  out.push('', 'h2. Findings', '');
  if (report.findings.length === 0) out.push('No gaps found.');
  for (const f of report.findings) {
    out.push(`* ${escapeJira(`[${f.priority}] ${f.title} (${FINDING_KIND_LABELS[f.kind]})`)}`);
  }

  if (report.reviewNote) append(out, '', 'h2. Review note', '', jiraLines(report.reviewNote));

  out.push('', 'h2. Sources', '');
  if (report.sources.length === 0) out.push('None.');
  for (const s of report.sources) {
    out.push(
      `* ${escapeJira(s.title || s.url)}: ${jiraUrl(s.url)} ${escapeJira(`(${s.kind}, last read ${s.lastCapturedAt})`)}`,
    );
  }

  append(out, '', auditBlock(report));
  return `${out.join('\n')}\n`;
}

/** One finding as a Jira issue description. */
export function findingJira(finding: Finding, report: Report): string {
  const out: string[] = [
    `*Gap:* ${escapeJira(FINDING_KIND_LABELS[finding.kind])} · *Priority:* ${escapeJira(finding.priority)}`,
    '',
    ...jiraLines(finding.summary),
  ];
  const { control, redFlag } = finding;
  if (control) {
    out.push('', `h3. ${escapeJira(`${control.name}: ${statusText(control.status)}`)}`);
    if (control.frameworks.length > 0) {
      out.push('', `Framework mappings: ${escapeJira(control.frameworks.join('; '))}`);
    }
    if (control.note) append(out, '', '*Reviewer note:*', jiraLines(control.note));
    if (control.claims.length > 0) {
      out.push('', "h3. What the vendor's pages say");
      for (const claim of control.claims) append(out, '', claimBlock(claim));
    }
  }
  if (redFlag) append(out, '', `h3. ${escapeJira(`Red flag: ${redFlag.name}`)}`, '', redFlagBody(redFlag));
  append(
    out,
    '',
    'h3. Verdict context',
    '',
    verdictBlock(report),
    '',
    escapeJira(
      `From the vendor review of ${titleText(report).replace(/^Vendor review: /, '')}, exported ${report.generatedAt}${report.audit.headHash ? ` (audit trail head ${report.audit.headHash})` : ''}.`,
    ),
  );
  return `${out.join('\n')}\n`;
}

/** Verdict, the rule that decided it, the causes and any override. */
function verdictBlock(report: Report): string[] {
  const out = [`*Verdict: ${escapeJira(verdictText(report))}*`, `Rule: ${escapeJira(report.verdict.rule)}`];
  const causes = decidedByText(report);
  if (causes.length > 0)
    append(
      out,
      '',
      'Decided by:',
      causes.map((c) => `* ${escapeJira(c)}`),
    );
  const override = overrideText(report);
  if (override) out.push('', `*Override:* ${escapeJira(override)}`);
  return out;
}

function controlBlock(control: ReportControl): string[] {
  const out = [
    `h3. ${escapeJira(control.name)}`,
    '',
    `Status: ${escapeJira(statusText(control.status))}${control.proofPoint ? ' · proof point' : ''}`,
  ];
  if (control.frameworks.length > 0) out.push(`Frameworks: ${escapeJira(control.frameworks.join('; '))}`);
  if (control.note) append(out, '', '*Note:*', jiraLines(control.note));
  if (control.claims.length === 0) out.push('', 'No claims tagged.');
  for (const claim of control.claims) append(out, '', claimBlock(claim));
  return out;
}

/** A claim: assessment line, the quote, where it is, and the reviewer's note. */
function claimBlock(claim: ReportClaim): string[] {
  const where = claim.headingPath.length > 0 ? ` · under ${claim.headingPath.join(' › ')}` : '';
  const gated = claim.gated ? ' · behind request access / NDA' : '';
  const out = [
    `*${escapeJira(assessmentText(claim.verdict))}* · ${escapeJira(`tagged by ${claim.by} at ${claim.at}${where}${gated}`)}`,
    jiraQuote(claim.text),
    `Source: ${claim.demo ? escapeJira(demoSourceText(claim.demo)) : jiraUrl(claim.url)}`,
  ];
  const changed = changedText(claim);
  if (changed) out.push(`*${escapeJira(changed)}*`);
  if (claim.deepLink) out.push(jiraLink('Deep link (scrolls to the quote)', claim.deepLink));
  out.push(`Captured at ${escapeJira(claim.capturedAt)}`);
  if (claim.note) append(out, '', '*Note:*', jiraLines(claim.note));
  return out;
}

/** A demo session: its title and times, its entries as a table, then screenshots tied to no entry. */
function demoSessionBlock(session: ReportDemoSession): string[] {
  const out = [
    `h3. ${escapeJira(session.title || 'Untitled demo')}`,
    '',
    escapeJira(demoSessionText(session)),
  ];
  if (session.entries.length === 0) out.push('', 'No entries logged.');
  else {
    out.push('', jiraRow(DEMO_LOG_COLUMNS, true));
    for (const entry of session.entries) out.push(jiraRow(demoEntryCells(entry)));
  }
  if (session.screenshots.length > 0) {
    out.push('', 'Screenshots not tied to an entry:');
    for (const shot of session.screenshots) out.push(`* ${escapeJira(screenshotText(shot))}`);
  }
  return out;
}

function redFlagBlock(flag: ReportRedFlag): string[] {
  return [
    `h3. ${escapeJira(`${flag.name} (${flag.resolved ? 'resolved' : 'stands'})`)}`,
    '',
    ...redFlagBody(flag),
  ];
}

function redFlagBody(flag: ReportRedFlag): string[] {
  const out = [escapeJira(`Raised by ${flag.by} at ${flag.at}.`)];
  if (flag.note.trim()) append(out, '', jiraLines(flag.note));
  if (flag.claim) {
    const source = flag.claim.demo ? escapeJira(demoSourceText(flag.claim.demo)) : jiraUrl(flag.claim.url);
    out.push('', jiraQuote(flag.claim.text), `Source: ${source}`);
    if (flag.claim.deepLink) out.push(jiraLink('Deep link (scrolls to the quote)', flag.claim.deepLink));
  }
  return out;
}

function auditBlock(report: Report): string[] {
  const { audit } = report;
  const out = [
    'h2. Audit trail',
    '',
    escapeJira(
      `Events: ${audit.events.length} · Head hash: ${audit.headHash ?? 'none'} · Chain check: ${chainText(audit.chain)}`,
    ),
  ];
  if (audit.events.length === 0) return out;
  out.push('', jiraRow(['#', 'Time', 'Actor', 'Action', 'Target'], true));
  for (const e of audit.events) {
    out.push(jiraRow([String(e.seq), e.at, e.actor, e.action, `${e.target.type} ${e.target.id}`]));
  }
  return out;
}
