/**
 * A review as GitHub-flavoured Markdown: the whole report (for a wiki page or a PR) and one
 * finding as a ticket body. Every piece of text from the review goes through `markdown-escape.ts`.
 *
 * Blocks give whole lines, each ending in a line feed, written in order to one `TextWriter`: a
 * report of 10,000 claims is some 150,000 lines, and an array of them joined at the end cost more
 * than rendering them.
 */
import type { AssessmentVerdict } from '../core/control-status.ts';
import { writeClaimTag } from './claim-tag.ts';
import { demoSourceText, type ReportDemoSession } from './demo-log.ts';
import { DEMO_LOG_COLUMNS, demoEntryCells, demoSessionText, screenshotText } from './demo-text.ts';
import { deepLinkTarget } from './link-policy.ts';
import {
  escapeMarkdown,
  markdownLinkEscaped,
  markdownParagraph,
  markdownQuote,
  markdownUrl,
  writeMarkdown,
  writeMarkdownInline,
  writeMarkdownLinkTo,
  writeMarkdownQuote,
} from './markdown-escape.ts';
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
const DEEP_LINK = escapeMarkdown('Deep link (scrolls to the quote)');
/** What starts a claim block: a blank line, then the assessment in bold. */
const CLAIM_HEADS: Record<AssessmentVerdict, string> = {
  evidence: `\n**${escapeMarkdown(assessmentText('evidence'))}** · `,
  marketing: `\n**${escapeMarkdown(assessmentText('marketing'))}** · `,
  'not-relevant': `\n**${escapeMarkdown(assessmentText('not-relevant'))}** · `,
};

/** The whole review as one Markdown document. */
export function markdownReport(report: Report): string {
  const w = new TextWriter();
  w.write(`# ${escapeMarkdown(titleText(report))}\n\n${verdictBlock(report)}`);
  w.write(
    `\nTemplate: ${escapeMarkdown(report.templateName)} · Domains: ${escapeMarkdown(report.domains.join(', ') || 'none')} · Review created ${escapeMarkdown(report.createdAt)} · Exported ${escapeMarkdown(report.generatedAt)}\n`,
  );
  w.write('\n## Checklist\n\n| Control | Status | Frameworks |\n| --- | --- | --- |\n');
  for (const c of report.controls) {
    w.write(
      `| ${escapeMarkdown(c.proofPoint ? `${c.name} (proof point)` : c.name)} | ${escapeMarkdown(statusText(c.status))} | ${escapeMarkdown(c.frameworks.join('; '))} |\n`,
    );
  }
  w.write('\n## Controls\n');
  // Claims link the same few pages thousands of times: each page's Markdown made once per export.
  const sourceOf = textMemo(markdownUrl);
  for (const control of report.controls) {
    w.write('\n');
    controlBlock(w, control, sourceOf);
  }

  if (report.demo.length > 0) {
    w.write('\n## Live demo\n');
    for (const session of report.demo) w.write(`\n${demoSessionBlock(session)}`);
  }

  w.write('\n## Red flags\n\n');
  if (report.redFlags.length === 0) w.write('None raised.\n');
  for (const flag of report.redFlags) w.write(`${redFlagBlock(flag)}\n`);

  w.write('\n## Findings\n\n');
  if (report.findings.length === 0) w.write('No gaps found.\n');
  for (const f of report.findings) {
    w.write(`- ${escapeMarkdown(`[${f.priority}] ${f.title} (${FINDING_KIND_LABELS[f.kind]})`)}\n`);
  }

  if (report.reviewNote) w.write(`\n## Review note\n\n${markdownParagraph(report.reviewNote)}`);

  w.write('\n## Sources\n\n');
  if (report.sources.length === 0) w.write('None.\n');
  for (const s of report.sources) {
    w.write(
      `- ${escapeMarkdown(s.title || s.url)}: ${markdownUrl(s.url)} (${escapeMarkdown(`${s.kind}, last read ${s.lastCapturedAt}`)})\n`,
    );
  }

  w.write('\n');
  auditBlock(w, report);
  return w.text();
}

/** One finding as a ticket body (GitHub or GitLab issue). */
export function findingMarkdown(finding: Finding, report: Report): string {
  const w = new TextWriter();
  w.write(
    `**Gap:** ${escapeMarkdown(FINDING_KIND_LABELS[finding.kind])} · **Priority:** ${escapeMarkdown(finding.priority)}\n\n${markdownParagraph(finding.summary)}`,
  );
  const { control, redFlag } = finding;
  if (control) {
    w.write(`\n### ${escapeMarkdown(control.name)}: ${escapeMarkdown(statusText(control.status))}\n`);
    if (control.frameworks.length > 0) {
      w.write(`\nFramework mappings: ${escapeMarkdown(control.frameworks.join('; '))}\n`);
    }
    if (control.note) w.write(`\n**Reviewer note:**\n\n${markdownParagraph(control.note)}`);
    if (control.claims.length > 0) {
      w.write("\n### What the vendor's pages say\n");
      for (const claim of control.claims) claimBlock(w, claim, markdownUrl);
    }
  }
  if (redFlag) w.write(`\n### Red flag: ${escapeMarkdown(redFlag.name)}\n\n${redFlagBody(redFlag)}`);
  w.write(`\n### Verdict context\n\n${verdictBlock(report)}`);
  w.write(
    `\nFrom the vendor review of ${escapeMarkdown(titleText(report).replace(/^Vendor review: /, ''))}, exported ${escapeMarkdown(report.generatedAt)}${report.audit.headHash ? ` (audit trail head ${escapeMarkdown(report.audit.headHash)})` : ''}.\n`,
  );
  return w.text();
}

/** Verdict, the rule that decided it, the causes and any override. */
function verdictBlock(report: Report): string {
  let out = `**Verdict: ${escapeMarkdown(verdictText(report))}**\n\nRule: ${escapeMarkdown(report.verdict.rule)}\n`;
  const causes = decidedByText(report);
  if (causes.length > 0) {
    out += '\nDecided by:\n\n';
    for (const c of causes) out += `- ${escapeMarkdown(c)}\n`;
  }
  const override = overrideText(report);
  if (override) out += `\n**Override:** ${escapeMarkdown(override)}\n`;
  return out;
}

function controlBlock(w: TextWriter, control: ReportControl, sourceOf: (url: string) => string): void {
  let head = `### ${escapeMarkdown(control.name)}\n\nStatus: ${escapeMarkdown(statusText(control.status))}${control.proofPoint ? ' · proof point' : ''}\n`;
  if (control.frameworks.length > 0)
    head += `\nFrameworks: ${escapeMarkdown(control.frameworks.join('; '))}\n`;
  if (control.note) head += `\n**Note:**\n\n${markdownParagraph(control.note)}`;
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
  writeClaimTag(w, claim, writeMarkdownInline);
  w.write('\n\n');
  writeMarkdownQuote(w, claim.text);
  w.write('\n\nSource: ');
  if (claim.demo) writeMarkdown(w, demoSourceText(claim.demo));
  else w.write(sourceOf(claim.url));
  w.write('\n');
  const changed = changedText(claim);
  if (changed) w.write(`\n**${escapeMarkdown(changed)}**\n`);
  if (claim.quote !== undefined) {
    w.write('\n');
    writeMarkdownLinkTo(w, DEEP_LINK, deepLinkTarget(claim.url, claim.quote));
    w.write('\n');
  }
  w.write('\nCaptured at ');
  writeMarkdown(w, claim.capturedAt);
  w.write('\n');
  if (claim.note) w.write(`\n**Note:**\n\n${markdownParagraph(claim.note)}`);
}

/** A demo session: its title and times, its entries as a table, then screenshots tied to no entry. */
function demoSessionBlock(session: ReportDemoSession): string {
  let out = `### ${escapeMarkdown(session.title || 'Untitled demo')}\n\n${escapeMarkdown(demoSessionText(session))}\n`;
  if (session.entries.length === 0) out += '\nNo entries logged.\n';
  else {
    out += `\n| ${DEMO_LOG_COLUMNS.join(' | ')} |\n|${' --- |'.repeat(DEMO_LOG_COLUMNS.length)}\n`;
    for (const entry of session.entries) {
      out += `| ${demoEntryCells(entry).map(escapeMarkdown).join(' | ')} |\n`;
    }
  }
  if (session.screenshots.length > 0) {
    out += '\nScreenshots not tied to an entry:\n\n';
    for (const shot of session.screenshots) out += `- ${escapeMarkdown(screenshotText(shot))}\n`;
  }
  return out;
}

function redFlagBlock(flag: ReportRedFlag): string {
  return `### ${escapeMarkdown(flag.name)} (${flag.resolved ? 'resolved' : 'stands'})\n\n${redFlagBody(flag)}`;
}

function redFlagBody(flag: ReportRedFlag): string {
  let out = `${escapeMarkdown(`Raised by ${flag.by} at ${flag.at}.`)}\n`;
  if (flag.note.trim()) out += `\n${markdownParagraph(flag.note)}`;
  if (flag.claim) {
    const { demo } = flag.claim;
    const source = demo ? escapeMarkdown(demoSourceText(demo)) : markdownUrl(flag.claim.url);
    out += `\n${markdownQuote(flag.claim.text)}\n\nSource: ${source}\n`;
    const link = claimDeepLink(flag.claim);
    if (link) out += `\n${markdownLinkEscaped(DEEP_LINK, link)}\n`;
  }
  return out;
}

function auditBlock(w: TextWriter, report: Report): void {
  const { audit } = report;
  w.write(
    `## Audit trail\n\nEvents: ${audit.events.length} · Head hash: ${escapeMarkdown(audit.headHash ?? 'none')} · Chain check: ${escapeMarkdown(chainText(audit.chain))}\n`,
  );
  if (audit.events.length === 0) return;
  w.write('\n| # | Time | Actor | Action | Target |\n| --- | --- | --- | --- | --- |\n');
  const actor = repeatMemo(escapeMarkdown);
  const action = repeatMemo(escapeMarkdown);
  for (const e of audit.events) {
    w.write(
      `| ${e.seq} | ${escapeMarkdown(e.at)} | ${actor(e.actor)} | ${action(e.action)} | ${escapeMarkdown(`${e.target.type} ${e.target.id}`)} |\n`,
    );
  }
}
