/**
 * A review as GitHub-flavoured Markdown: the whole report (for a wiki page or a PR) and one
 * finding as a ticket body. Every piece of text from the review goes through `markdown-escape.ts`.
 */
import { demoSourceText, type ReportDemoSession } from './demo-log.ts';
import { DEMO_LOG_COLUMNS, demoEntryCells, demoSessionText, screenshotText } from './demo-text.ts';
import { append } from './lines.ts';
import {
  escapeMarkdown,
  markdownLines,
  markdownLink,
  markdownQuote,
  markdownUrl,
} from './markdown-escape.ts';
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

/** The whole review as one Markdown document. */
export function markdownReport(report: Report): string {
  const out: string[] = [`# ${escapeMarkdown(titleText(report))}`, '', ...verdictBlock(report)];
  append(
    out,
    '',
    `Template: ${escapeMarkdown(report.templateName)} · Domains: ${escapeMarkdown(report.domains.join(', ') || 'none')} · Review created ${escapeMarkdown(report.createdAt)} · Exported ${escapeMarkdown(report.generatedAt)}`,
    '',
    '## Checklist',
    '',
    '| Control | Status | Frameworks |',
    '| --- | --- | --- |',
    report.controls.map(
      (c) =>
        `| ${escapeMarkdown(c.proofPoint ? `${c.name} (proof point)` : c.name)} | ${escapeMarkdown(statusText(c.status))} | ${escapeMarkdown(c.frameworks.join('; '))} |`,
    ),
    '',
    '## Controls',
  );
  for (const control of report.controls) append(out, '', controlBlock(control));

  if (report.demo.length > 0) {
    out.push('', '## Live demo');
    for (const session of report.demo) append(out, '', demoSessionBlock(session));
  }

  out.push('', '## Red flags', '');
  if (report.redFlags.length === 0) out.push('None raised.');
  for (const flag of report.redFlags) append(out, redFlagBlock(flag), '');

  out.push('', '## Findings', '');
  if (report.findings.length === 0) out.push('No gaps found.');
  for (const f of report.findings) {
    out.push(`- ${escapeMarkdown(`[${f.priority}] ${f.title} (${FINDING_KIND_LABELS[f.kind]})`)}`);
  }

  if (report.reviewNote) append(out, '', '## Review note', '', markdownLines(report.reviewNote));

  out.push('', '## Sources', '');
  if (report.sources.length === 0) out.push('None.');
  for (const s of report.sources) {
    out.push(
      `- ${escapeMarkdown(s.title || s.url)}: ${markdownUrl(s.url)} (${escapeMarkdown(`${s.kind}, last read ${s.lastCapturedAt}`)})`,
    );
  }

  append(out, '', auditBlock(report));
  return `${out.join('\n')}\n`;
}

/** One finding as a ticket body (GitHub or GitLab issue). */
export function findingMarkdown(finding: Finding, report: Report): string {
  const out: string[] = [
    `**Gap:** ${escapeMarkdown(FINDING_KIND_LABELS[finding.kind])} · **Priority:** ${escapeMarkdown(finding.priority)}`,
    '',
    ...markdownLines(finding.summary),
  ];
  const { control, redFlag } = finding;
  if (control) {
    out.push('', `### ${escapeMarkdown(control.name)}: ${escapeMarkdown(statusText(control.status))}`);
    if (control.frameworks.length > 0) {
      out.push('', `Framework mappings: ${escapeMarkdown(control.frameworks.join('; '))}`);
    }
    if (control.note) append(out, '', '**Reviewer note:**', '', markdownLines(control.note));
    if (control.claims.length > 0) {
      out.push('', "### What the vendor's pages say");
      for (const claim of control.claims) append(out, '', claimBlock(claim));
    }
  }
  if (redFlag) append(out, '', `### Red flag: ${escapeMarkdown(redFlag.name)}`, '', redFlagBody(redFlag));
  append(
    out,
    '',
    '### Verdict context',
    '',
    verdictBlock(report),
    '',
    `From the vendor review of ${escapeMarkdown(titleText(report).replace(/^Vendor review: /, ''))}, exported ${escapeMarkdown(report.generatedAt)}${report.audit.headHash ? ` (audit trail head ${escapeMarkdown(report.audit.headHash)})` : ''}.`,
  );
  return `${out.join('\n')}\n`;
}

/** Verdict, the rule that decided it, the causes and any override. */
function verdictBlock(report: Report): string[] {
  const out = [
    `**Verdict: ${escapeMarkdown(verdictText(report))}**`,
    '',
    `Rule: ${escapeMarkdown(report.verdict.rule)}`,
  ];
  const causes = decidedByText(report);
  if (causes.length > 0)
    append(
      out,
      '',
      'Decided by:',
      '',
      causes.map((c) => `- ${escapeMarkdown(c)}`),
    );
  const override = overrideText(report);
  if (override) out.push('', `**Override:** ${escapeMarkdown(override)}`);
  return out;
}

function controlBlock(control: ReportControl): string[] {
  const out = [
    `### ${escapeMarkdown(control.name)}`,
    '',
    `Status: ${escapeMarkdown(statusText(control.status))}${control.proofPoint ? ' · proof point' : ''}`,
  ];
  if (control.frameworks.length > 0)
    out.push('', `Frameworks: ${escapeMarkdown(control.frameworks.join('; '))}`);
  if (control.note) append(out, '', '**Note:**', '', markdownLines(control.note));
  if (control.claims.length === 0) out.push('', 'No claims tagged.');
  for (const claim of control.claims) append(out, '', claimBlock(claim));
  return out;
}

/** A claim: assessment line, the quote, where it is, and the reviewer's note. */
function claimBlock(claim: ReportClaim): string[] {
  const where = claim.headingPath.length > 0 ? ` · under ${claim.headingPath.join(' › ')}` : '';
  const gated = claim.gated ? ' · behind request access / NDA' : '';
  const out = [
    `**${escapeMarkdown(assessmentText(claim.verdict))}** · ${escapeMarkdown(`tagged by ${claim.by} at ${claim.at}${where}${gated}`)}`,
    '',
    markdownQuote(claim.text),
    '',
    `Source: ${claim.demo ? escapeMarkdown(demoSourceText(claim.demo)) : markdownUrl(claim.url)}`,
  ];
  const changed = changedText(claim);
  if (changed) out.push('', `**${escapeMarkdown(changed)}**`);
  if (claim.deepLink) out.push('', markdownLink('Deep link (scrolls to the quote)', claim.deepLink));
  out.push('', `Captured at ${escapeMarkdown(claim.capturedAt)}`);
  if (claim.note) append(out, '', '**Note:**', '', markdownLines(claim.note));
  return out;
}

/** A demo session: its title and times, its entries as a table, then screenshots tied to no entry. */
function demoSessionBlock(session: ReportDemoSession): string[] {
  const out = [
    `### ${escapeMarkdown(session.title || 'Untitled demo')}`,
    '',
    escapeMarkdown(demoSessionText(session)),
  ];
  if (session.entries.length === 0) out.push('', 'No entries logged.');
  else {
    out.push('', `| ${DEMO_LOG_COLUMNS.join(' | ')} |`, `|${' --- |'.repeat(DEMO_LOG_COLUMNS.length)}`);
    for (const entry of session.entries) {
      out.push(`| ${demoEntryCells(entry).map(escapeMarkdown).join(' | ')} |`);
    }
  }
  if (session.screenshots.length > 0) {
    out.push('', 'Screenshots not tied to an entry:', '');
    for (const shot of session.screenshots) out.push(`- ${escapeMarkdown(screenshotText(shot))}`);
  }
  return out;
}

function redFlagBlock(flag: ReportRedFlag): string[] {
  return [
    `### ${escapeMarkdown(flag.name)} (${flag.resolved ? 'resolved' : 'stands'})`,
    '',
    ...redFlagBody(flag),
  ];
}

function redFlagBody(flag: ReportRedFlag): string[] {
  const out = [escapeMarkdown(`Raised by ${flag.by} at ${flag.at}.`)];
  if (flag.note.trim()) append(out, '', markdownLines(flag.note));
  if (flag.claim) {
    const { demo } = flag.claim;
    const source = demo ? escapeMarkdown(demoSourceText(demo)) : markdownUrl(flag.claim.url);
    out.push('', markdownQuote(flag.claim.text), '', `Source: ${source}`);
    if (flag.claim.deepLink)
      out.push('', markdownLink('Deep link (scrolls to the quote)', flag.claim.deepLink));
  }
  return out;
}

function auditBlock(report: Report): string[] {
  const { audit } = report;
  const out = [
    '## Audit trail',
    '',
    `Events: ${audit.events.length} · Head hash: ${escapeMarkdown(audit.headHash ?? 'none')} · Chain check: ${escapeMarkdown(chainText(audit.chain))}`,
  ];
  if (audit.events.length === 0) return out;
  out.push('', '| # | Time | Actor | Action | Target |', '| --- | --- | --- | --- | --- |');
  for (const e of audit.events) {
    out.push(
      `| ${e.seq} | ${escapeMarkdown(e.at)} | ${escapeMarkdown(e.actor)} | ${escapeMarkdown(e.action)} | ${escapeMarkdown(`${e.target.type} ${e.target.id}`)} |`,
    );
  }
  return out;
}
