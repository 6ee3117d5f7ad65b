/**
 * A review as one self-contained, printable HTML document: no scripts, no external resources, a
 * Content-Security-Policy that forbids both, so the file is safe to open from disk or attach to a
 * ticket. Every piece of text from the review goes through `html-escape.ts`.
 */

import type { AssessmentVerdict } from '../core/control-status.ts';
import { writeClaimTag } from './claim-tag.ts';
import { demoSectionHtml } from './demo-html.ts';
import { demoSourceText } from './demo-log.ts';
import { escapeHtml, htmlLink, htmlUrl, writeHtml, writeHtmlLinkTo } from './html-escape.ts';
import { deepLinkTarget } from './link-policy.ts';
import { textMemo } from './repeat-memo.ts';
import {
  claimDeepLink,
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

/** No script, no fetch, no external style or font; inline styles and data: images (screenshots) only. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; margin-top: 2rem; }
.meta, .muted { color: var(--muted); }
#verdict { border: 3px solid var(--ink); border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0; }
#verdict .label { font-size: 1.4rem; font-weight: 700; margin: 0; }
#verdict.verdict-enterprise-candidate { border-color: #1a7f37; background: #dafbe1; }
#verdict.verdict-governed-pilot { border-color: #9a6700; background: #fff8c5; }
#verdict.verdict-prototype { border-color: #cf222e; background: #ffebe9; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
blockquote { margin: 0.5rem 0; padding: 0.25rem 0.75rem; border-left: 4px solid var(--line); white-space: pre-wrap; }
.claim { margin: 0.75rem 0 1rem; }
.note { white-space: pre-wrap; }
a { color: #0969da; overflow-wrap: anywhere; }
.hash { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
figure.screenshot { margin: 0.75rem 0 1rem; }
figure.screenshot img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); }
figcaption, .tombstone { color: var(--muted); font-size: 0.9em; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; }
  h2 { break-after: avoid; }
  .claim, tr, #verdict, figure { break-inside: avoid; }
  #verdict { background: none !important; }
}
`;

/** The whole review as one printable HTML document. */
export function htmlReport(report: Report): string {
  const title = titleText(report);
  // Written in order to one TextWriter (see markdown-report.ts for why not an array joined at the
  // end); sections are separated by a line feed, and empty ones are left out.
  const w = new TextWriter();
  w.write(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>`);
  w.write(
    `\n<p class="meta">${escapeHtml(`Template: ${report.templateName} · Domains: ${report.domains.join(', ') || 'none'} · Review created ${report.createdAt} · Exported ${report.generatedAt}`)}</p>`,
  );
  w.write(`\n${verdictBox(report)}\n${checklist(report)}\n<h2>Controls</h2>`);
  // Claims link the same few pages thousands of times: each page's link made once per export.
  const sourceOf = textMemo(htmlUrl);
  for (const control of report.controls) controlSection(w, control, sourceOf);
  w.write(`\n${redFlags(report)}\n${findings(report)}`);
  if (report.reviewNote) {
    w.write(`\n<h2>Review note</h2><p class="note">${escapeHtml(report.reviewNote)}</p>`);
  }
  w.write(`\n${sources(report)}`);
  // Near the end, not beside the controls as in Markdown and Jira: the inline screenshots are
  // large, and the printed report reads better with verdict and controls first.
  const demo = demoSectionHtml(report.demo);
  if (demo) w.write(`\n${demo}`);
  w.write('\n');
  audit(w, report);
  w.write('\n</body>\n</html>\n');
  return w.text();
}

function verdictBox(report: Report): string {
  const causes = decidedByText(report);
  const override = overrideText(report);
  return [
    `<section id="verdict" class="verdict-${report.verdict.verdict}">`,
    `<p class="label">Verdict: ${escapeHtml(verdictText(report))}</p>`,
    `<p class="rule">${escapeHtml(report.verdict.rule)}</p>`,
    causes.length > 0
      ? `<p>Decided by:</p><ul>${causes.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`
      : '',
    override ? `<p class="override"><strong>Override:</strong> ${escapeHtml(override)}</p>` : '',
    '</section>',
  ].join('\n');
}

function checklist(report: Report): string {
  const rows = report.controls.map(
    (c) =>
      `<tr><td>${escapeHtml(c.name)}${c.proofPoint ? ' <span class="muted">(proof point)</span>' : ''}</td><td>${escapeHtml(statusText(c.status))}</td><td>${escapeHtml(c.frameworks.join('; '))}</td></tr>`,
  );
  return `<h2>Checklist</h2>
<table><thead><tr><th>Control</th><th>Status</th><th>Frameworks</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function controlSection(w: TextWriter, control: ReportControl, sourceOf: (url: string) => string): void {
  let head = `\n<section class="control" id="control-${control.id}">\n<h3>${escapeHtml(control.name)}</h3>\n<p>Status: ${escapeHtml(statusText(control.status))}${control.proofPoint ? ' · proof point' : ''}</p>`;
  if (control.frameworks.length > 0) {
    head += `\n<p class="muted">Frameworks: ${escapeHtml(control.frameworks.join('; '))}</p>`;
  }
  if (control.note) head += `\n<p class="note"><strong>Note:</strong> ${escapeHtml(control.note)}</p>`;
  if (control.claims.length === 0) head += '\n<p class="muted">No claims tagged.</p>';
  w.write(head);
  for (const claim of control.claims) claimBlock(w, claim, sourceOf);
  w.write('\n</section>');
}

/** A claim, after a line feed; written part by part: this runs for every claim of every control. */
function claimBlock(w: TextWriter, claim: ReportClaim, sourceOf: (url: string) => string): void {
  w.write(CLAIM_HEADS[claim.verdict]);
  writeClaimTag(w, claim, writeHtml);
  w.write('</p>\n<blockquote>');
  writeHtml(w, claim.text);
  w.write('</blockquote>');
  const changed = changedText(claim);
  if (changed) w.write(`\n<p class="changed"><strong>${escapeHtml(changed)}</strong></p>`);
  w.write('\n<p>Source: ');
  if (claim.demo) writeHtml(w, demoSourceText(claim.demo));
  else w.write(sourceOf(claim.url));
  w.write('</p>');
  if (claim.quote !== undefined) {
    w.write('\n<p>');
    writeHtmlLinkTo(w, DEEP_LINK, deepLinkTarget(claim.url, claim.quote));
    w.write('</p>');
  }
  w.write('\n<p class="muted">Captured at ');
  writeHtml(w, claim.capturedAt);
  w.write('</p>');
  if (claim.note) w.write(`\n<p class="note"><strong>Note:</strong> ${escapeHtml(claim.note)}</p>`);
  w.write('\n</div>');
}

/** What starts a claim block: its `div` and the assessment in bold. */
const CLAIM_HEADS: Record<AssessmentVerdict, string> = {
  evidence: claimHead('evidence'),
  marketing: claimHead('marketing'),
  'not-relevant': claimHead('not-relevant'),
};

function claimHead(verdict: AssessmentVerdict): string {
  return `\n<div class="claim claim-${verdict}">\n<p><strong>${escapeHtml(assessmentText(verdict))}</strong> · `;
}

/** The deep link's label, escaped once. */
const DEEP_LINK = escapeHtml('Deep link (scrolls to the quote)');

function redFlags(report: Report): string {
  if (report.redFlags.length === 0) return '<h2>Red flags</h2>\n<p>None raised.</p>';
  return `<h2>Red flags</h2>\n${report.redFlags.map(redFlag).join('\n')}`;
}

function redFlag(flag: ReportRedFlag): string {
  const link = flag.claim && claimDeepLink(flag.claim);
  return [
    `<section class="red-flag">`,
    `<h3>${escapeHtml(`${flag.name} (${flag.resolved ? 'resolved' : 'stands'})`)}</h3>`,
    `<p class="muted">${escapeHtml(`Raised by ${flag.by} at ${flag.at}.`)}</p>`,
    flag.note.trim() ? `<p class="note">${escapeHtml(flag.note)}</p>` : '',
    flag.claim ? `<blockquote>${escapeHtml(flag.claim.text)}</blockquote>` : '',
    flag.claim
      ? `<p>Source: ${flag.claim.demo ? escapeHtml(demoSourceText(flag.claim.demo)) : htmlUrl(flag.claim.url)}</p>`
      : '',
    link ? `<p>${htmlLink('Deep link (scrolls to the quote)', link)}</p>` : '',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

function findings(report: Report): string {
  if (report.findings.length === 0) return '<h2>Findings</h2>\n<p>No gaps found.</p>';
  const items = report.findings.map(
    (f) =>
      `<li><strong>${escapeHtml(f.priority)}</strong> · ${escapeHtml(f.title)} <span class="muted">(${escapeHtml(FINDING_KIND_LABELS[f.kind])})</span><br>${escapeHtml(f.summary)}</li>`,
  );
  return `<h2>Findings</h2>\n<ul>${items.join('\n')}</ul>`;
}

function sources(report: Report): string {
  if (report.sources.length === 0) return '<h2>Sources</h2>\n<p>None.</p>';
  const items = report.sources.map(
    (s) =>
      `<li>${escapeHtml(s.title || s.url)}: ${htmlUrl(s.url)} <span class="muted">(${escapeHtml(`${s.kind}, last read ${s.lastCapturedAt}`)})</span></li>`,
  );
  return `<h2>Sources</h2>\n<ul>${items.join('\n')}</ul>`;
}

function audit(w: TextWriter, report: Report): void {
  const { audit } = report;
  const summary = `<p>Events: ${audit.events.length} · Head hash: <span class="hash">${escapeHtml(audit.headHash ?? 'none')}</span> · Chain check: ${escapeHtml(chainText(audit.chain))}</p>`;
  if (audit.events.length === 0) {
    w.write(`<h2>Audit trail</h2>\n${summary}`);
    return;
  }
  w.write(`<h2>Audit trail</h2>
${summary}
<table><thead><tr><th>#</th><th>Time</th><th>Actor</th><th>Action</th><th>Target</th></tr></thead>
<tbody>`);
  let first = true;
  for (const e of audit.events) {
    w.write(
      `${first ? '' : '\n'}<tr><td>${e.seq}</td><td>${escapeHtml(e.at)}</td><td>${escapeHtml(e.actor)}</td><td>${escapeHtml(e.action)}</td><td>${escapeHtml(`${e.target.type} ${e.target.id}`)}</td></tr>`,
    );
    first = false;
  }
  w.write('</tbody></table>');
}
