/**
 * A review as Jira wiki markup: the whole report (for a Confluence-style page or an epic) and one
 * finding as an issue description. Every piece of text from the review goes through `jira-escape.ts`.
 *
 * Blocks give whole lines, each ending in a line feed, written in order to one `TextWriter` (see
 * `markdown-report.ts` for why not an array of lines).
 */
import type { AssessmentVerdict } from '../core/control-status.ts';
import { writeClaimTag } from './claim-tag.ts';
import { demoSourceText, type ReportDemoSession } from './demo-log.ts';
import { DEMO_LOG_COLUMNS, demoEntryCells, demoSessionText, screenshotText } from './demo-text.ts';
import {
  escapeJira,
  jiraCell,
  jiraLinkEscaped,
  jiraParagraph,
  jiraQuote,
  jiraRow,
  jiraUrl,
  writeJiraInline,
  writeJiraLinkTo,
  writeJiraParagraph,
} from './jira-escape.ts';
import { deepLinkTarget } from './link-policy.ts';
import { repeatMemo, textMemo } from './repeat-memo.ts';
import {
  claimDeepLink,
  type Finding,
  type Report,
  type ReportClaim,
  type ReportControl,
  type ReportRedFlag,
} from './report.ts';
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
import { TextWriter } from './text-writer.ts';

/** Labels on every claim, escaped once. */
const DEEP_LINK = escapeJira('Deep link (scrolls to the quote)');
/** What starts a claim block: a blank line, then the assessment in bold. */
const CLAIM_HEADS: Record<AssessmentVerdict, string> = {
  evidence: `\n*${escapeJira(assessmentText('evidence'))}* · `,
  marketing: `\n*${escapeJira(assessmentText('marketing'))}* · `,
  'not-relevant': `\n*${escapeJira(assessmentText('not-relevant'))}* · `,
};

/** The whole review as one Jira wiki-markup document. */
export function jiraReport(report: Report): string {
  const w = new TextWriter();
  w.write(`h1. ${escapeJira(titleText(report))}\n\n${verdictBlock(report)}`);
  w.write(
    `\n${escapeJira(`Template: ${report.templateName} · Domains: ${report.domains.join(', ') || 'none'} · Review created ${report.createdAt} · Exported ${report.generatedAt}`)}\n`,
  );
  w.write(`\nh2. Checklist\n\n${jiraRow(['Control', 'Status', 'Frameworks'], true)}\n`);
  for (const c of report.controls) {
    w.write(
      `${jiraRow([c.proofPoint ? `${c.name} (proof point)` : c.name, statusText(c.status), c.frameworks.join('; ')])}\n`,
    );
  }
  w.write('\nh2. Controls\n');
  // Claims link the same few pages thousands of times: each page's markup made once per export.
  const sourceOf = textMemo(jiraUrl);
  for (const control of report.controls) {
    w.write('\n');
    controlBlock(w, control, sourceOf);
  }

  if (report.demo.length > 0) {
    w.write('\nh2. Live demo\n');
    for (const session of report.demo) w.write(`\n${demoSessionBlock(session)}`);
  }

  w.write('\nh2. Red flags\n\n');
  if (report.redFlags.length === 0) w.write('None raised.\n');
  for (const flag of report.redFlags) w.write(`${redFlagBlock(flag)}\n`);

  w.write('\nh2. Findings\n\n');
  if (report.findings.length === 0) w.write('No gaps found.\n');
  for (const f of report.findings) {
    w.write(`* ${escapeJira(`[${f.priority}] ${f.title} (${FINDING_KIND_LABELS[f.kind]})`)}\n`);
  }

  if (report.reviewNote) w.write(`\nh2. Review note\n\n${jiraParagraph(report.reviewNote)}`);

  w.write('\nh2. Sources\n\n');
  if (report.sources.length === 0) w.write('None.\n');
  for (const s of report.sources) {
    w.write(
      `* ${escapeJira(s.title || s.url)}: ${jiraUrl(s.url)} ${escapeJira(`(${s.kind}, last read ${s.lastCapturedAt})`)}\n`,
    );
  }

  w.write('\n');
  auditBlock(w, report);
  return w.text();
}

/** One finding as a Jira issue description. */
export function findingJira(finding: Finding, report: Report): string {
  const w = new TextWriter();
  w.write(
    `*Gap:* ${escapeJira(FINDING_KIND_LABELS[finding.kind])} · *Priority:* ${escapeJira(finding.priority)}\n\n${jiraParagraph(finding.summary)}`,
  );
  const { control, redFlag } = finding;
  if (control) {
    w.write(`\nh3. ${escapeJira(`${control.name}: ${statusText(control.status)}`)}\n`);
    if (control.frameworks.length > 0) {
      w.write(`\nFramework mappings: ${escapeJira(control.frameworks.join('; '))}\n`);
    }
    if (control.note) w.write(`\n*Reviewer note:*\n${jiraParagraph(control.note)}`);
    if (control.claims.length > 0) {
      w.write("\nh3. What the vendor's pages say\n");
      for (const claim of control.claims) claimBlock(w, claim, jiraUrl);
    }
  }
  if (redFlag) w.write(`\nh3. ${escapeJira(`Red flag: ${redFlag.name}`)}\n\n${redFlagBody(redFlag)}`);
  w.write(`\nh3. Verdict context\n\n${verdictBlock(report)}`);
  w.write(
    `\n${escapeJira(`From the vendor review of ${titleText(report).replace(/^Vendor review: /, '')}, exported ${report.generatedAt}${report.audit.headHash ? ` (audit trail head ${report.audit.headHash})` : ''}.`)}\n`,
  );
  return w.text();
}

/** Verdict, the rule that decided it, the causes and any override. */
function verdictBlock(report: Report): string {
  let out = `*Verdict: ${escapeJira(verdictText(report))}*\nRule: ${escapeJira(report.verdict.rule)}\n`;
  const causes = decidedByText(report);
  if (causes.length > 0) {
    out += '\nDecided by:\n';
    for (const c of causes) out += `* ${escapeJira(c)}\n`;
  }
  const override = overrideText(report);
  if (override) out += `\n*Override:* ${escapeJira(override)}\n`;
  return out;
}

function controlBlock(w: TextWriter, control: ReportControl, sourceOf: (url: string) => string): void {
  let head = `h3. ${escapeJira(control.name)}\n\nStatus: ${escapeJira(statusText(control.status))}${control.proofPoint ? ' · proof point' : ''}\n`;
  if (control.frameworks.length > 0) head += `Frameworks: ${escapeJira(control.frameworks.join('; '))}\n`;
  if (control.note) head += `\n*Note:*\n${jiraParagraph(control.note)}`;
  if (control.claims.length === 0) head += '\nNo claims tagged.\n';
  w.write(head);
  for (const claim of control.claims) claimBlock(w, claim, sourceOf);
}

/**
 * A claim, after a blank line: assessment line, the quote, where it is, and the reviewer's note.
 * Written part by part: this runs for every claim of every control.
 */
function claimBlock(w: TextWriter, claim: ReportClaim, sourceOf: (url: string) => string): void {
  w.write(CLAIM_HEADS[claim.verdict]);
  writeClaimTag(w, claim, writeJiraInline);
  w.write('\n{quote}\n');
  writeJiraParagraph(w, claim.text);
  w.write('{quote}\nSource: ');
  w.write(claim.demo ? escapeJira(demoSourceText(claim.demo)) : sourceOf(claim.url));
  w.write('\n');
  const changed = changedText(claim);
  if (changed) w.write(`*${escapeJira(changed)}*\n`);
  if (claim.quote !== undefined) {
    writeJiraLinkTo(w, DEEP_LINK, deepLinkTarget(claim.url, claim.quote));
    w.write('\n');
  }
  w.write('Captured at ');
  w.write(escapeJira(claim.capturedAt));
  w.write('\n');
  if (claim.note) w.write(`\n*Note:*\n${jiraParagraph(claim.note)}`);
}

/** A demo session: its title and times, its entries as a table, then screenshots tied to no entry. */
function demoSessionBlock(session: ReportDemoSession): string {
  let out = `h3. ${escapeJira(session.title || 'Untitled demo')}\n\n${escapeJira(demoSessionText(session))}\n`;
  if (session.entries.length === 0) out += '\nNo entries logged.\n';
  else {
    out += `\n${jiraRow(DEMO_LOG_COLUMNS, true)}\n`;
    for (const entry of session.entries) out += `${jiraRow(demoEntryCells(entry))}\n`;
  }
  if (session.screenshots.length > 0) {
    out += '\nScreenshots not tied to an entry:\n';
    for (const shot of session.screenshots) out += `* ${escapeJira(screenshotText(shot))}\n`;
  }
  return out;
}

function redFlagBlock(flag: ReportRedFlag): string {
  return `h3. ${escapeJira(`${flag.name} (${flag.resolved ? 'resolved' : 'stands'})`)}\n\n${redFlagBody(flag)}`;
}

function redFlagBody(flag: ReportRedFlag): string {
  let out = `${escapeJira(`Raised by ${flag.by} at ${flag.at}.`)}\n`;
  if (flag.note.trim()) out += `\n${jiraParagraph(flag.note)}`;
  if (flag.claim) {
    const source = flag.claim.demo ? escapeJira(demoSourceText(flag.claim.demo)) : jiraUrl(flag.claim.url);
    out += `\n${jiraQuote(flag.claim.text)}\nSource: ${source}\n`;
    const link = claimDeepLink(flag.claim);
    if (link) out += `${jiraLinkEscaped(DEEP_LINK, link)}\n`;
  }
  return out;
}

function auditBlock(w: TextWriter, report: Report): void {
  const { audit } = report;
  w.write(
    `h2. Audit trail\n\n${escapeJira(`Events: ${audit.events.length} · Head hash: ${audit.headHash ?? 'none'} · Chain check: ${chainText(audit.chain)}`)}\n`,
  );
  if (audit.events.length === 0) return;
  w.write(`\n${jiraRow(['#', 'Time', 'Actor', 'Action', 'Target'], true)}\n`);
  // Each row as `jiraRow` writes it, without an array of cells per event.
  const actor = repeatMemo(jiraCell);
  const action = repeatMemo(jiraCell);
  for (const e of audit.events) {
    w.write(
      `|${jiraCell(String(e.seq))}|${jiraCell(e.at)}|${actor(e.actor)}|${action(e.action)}|${jiraCell(`${e.target.type} ${e.target.id}`)}|\n`,
    );
  }
}
