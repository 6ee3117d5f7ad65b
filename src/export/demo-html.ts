/**
 * The live-demo section of the HTML report: per session a table of the log, then its screenshots
 * inline as `data:` images (the report's CSP allows those and nothing else), each with its hash and
 * capture time under it. A removed screenshot shows its tombstone, never an image.
 *
 * The image data comes from a backup or the database, so it is checked before it goes into an
 * attribute: the type must be one of the two we store and the data plain base64. Anything else is
 * left out with a line saying so: a crafted `mime` or `data` must not become markup.
 */
import type { ScreenshotMime } from '../core/demo-records.ts';
import { isBase64 } from './base64.ts';
import type { ReportDemoEntry, ReportDemoSession, ReportScreenshot } from './demo-log.ts';
import {
  DEMO_LOG_COLUMNS,
  demoEntryCells,
  demoSessionText,
  screenshotCaptureText,
  screenshotText,
} from './demo-text.ts';
import { escapeHtml } from './html-escape.ts';

/** The only image types inlined, whatever a record claims. */
const INLINE_MIMES: ReadonlySet<string> = new Set<ScreenshotMime>(['image/png', 'image/jpeg']);

/** `data:<mime>;base64,<data>` when the screenshot's type and data are safe to inline, else undefined. */
export function inlineImageSrc(shot: Pick<ReportScreenshot, 'mime' | 'data'>): string | undefined {
  if (!INLINE_MIMES.has(shot.mime) || shot.data === undefined || !isBase64(shot.data)) return undefined;
  return `data:${shot.mime};base64,${shot.data}`;
}

/** The "Live demo" section, or '' when the review has no demo. */
export function demoSectionHtml(sessions: readonly ReportDemoSession[]): string {
  if (sessions.length === 0) return '';
  return `<h2>Live demo</h2>\n${sessions.map(sessionHtml).join('\n')}`;
}

function sessionHtml(session: ReportDemoSession): string {
  const figures = [
    ...session.entries.flatMap((entry) => entry.screenshots.map((shot) => figure(shot, entry))),
    ...session.screenshots.map((shot) => figure(shot, undefined)),
  ];
  return [
    '<section class="demo-session">',
    `<h3>${escapeHtml(session.title || 'Untitled demo')}</h3>`,
    `<p class="muted">${escapeHtml(demoSessionText(session))}</p>`,
    session.entries.length === 0 ? '<p>No entries logged.</p>' : logTable(session.entries),
    figures.length > 0 ? `<h4>Screenshots</h4>\n${figures.join('\n')}` : '',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

function logTable(entries: readonly ReportDemoEntry[]): string {
  const head = DEMO_LOG_COLUMNS.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const rows = entries.map(
    (entry) =>
      `<tr>${demoEntryCells(entry)
        .map((cell) => `<td>${escapeHtml(cell)}</td>`)
        .join('')}</tr>`,
  );
  return `<table class="demo-log"><thead><tr>${head}</tr></thead>\n<tbody>${rows.join('\n')}</tbody></table>`;
}

/** One screenshot: the image (or its tombstone, or why it is left out), with hash and time under it. */
function figure(shot: ReportScreenshot, entry: ReportDemoEntry | undefined): string {
  const of = entry ? ` of the entry at ${entry.offset}` : ' tied to no entry';
  const caption = `<figcaption>${escapeHtml(`${shot.fileName}${of}`)}<br>SHA-256 <span class="hash">${escapeHtml(shot.sha256)}</span><br>${escapeHtml(screenshotCaptureText(shot))}</figcaption>`;
  if (shot.removed) {
    return `<figure class="screenshot removed"><p class="tombstone">${escapeHtml(`Image removed: ${screenshotText(shot)}`)}</p>${caption}</figure>`;
  }
  const src = inlineImageSrc(shot);
  if (!src) {
    const why =
      shot.data === undefined
        ? 'The image was not kept.'
        : 'The image is left out: its stored type or data is not a PNG or JPEG in base64.';
    return `<figure class="screenshot missing"><p class="tombstone">${escapeHtml(why)}</p>${caption}</figure>`;
  }
  const alt = `Screenshot ${shot.fileName}${of}`;
  return `<figure class="screenshot"><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">${caption}</figure>`;
}
