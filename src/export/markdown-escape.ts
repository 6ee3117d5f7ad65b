/**
 * Escaping for GitHub-flavoured Markdown (CommonMark + GFM, as GitHub and GitLab render it): text
 * from vendor pages and reviewers must come out as the same literal text, never as a link, an
 * image, raw HTML, a code fence or a table cell boundary.
 */
import { backslashEscape, charTable, writeBackslashEscaped } from './char-escape.ts';
import { encodeHref, type LinkTarget, linkableUrl, writeEncodedHref } from './link-policy.ts';
import type { TextWriter } from './text-writer.ts';

/**
 * ASCII punctuation with a meaning in Markdown. Beyond the usual set: `=` (setext heading
 * underline), `&` (entity references such as `&lt;`) and `$` (GitHub math). CommonMark lets every
 * ASCII punctuation character be backslash-escaped, so each of these renders as itself.
 */
const SPECIAL = charTable('\\`*_{}[]()#+-.!|<>~=&$');

/** Line breaks as CommonMark counts them. */
const LINE_BREAK = /\r\n|\r|\n/;

/** Escapes one line of text: the characters above, and a leading `/` (a GitLab quick action such as `/close`). */
function escapeLine(line: string): string {
  // Leading spaces and tabs could turn the line into an indented code block or nested list item.
  let start = 0;
  while (start < line.length && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) start++;
  const escaped = backslashEscape(line, SPECIAL, start);
  return escaped.charCodeAt(0) === 47 ? `\\${escaped}` : escaped;
}

/** Any line break (a cheap test before splitting: most texts are one line). */
const HAS_LINE_BREAK = /[\r\n]/;

/** Escapes text for inline use (headings, list items, table cells): one line, every break a space. */
export function escapeMarkdown(text: string): string {
  return escapeLine(HAS_LINE_BREAK.test(text) ? text.split(LINE_BREAK).join(' ') : text);
}

/** Escapes multi-line text as lines (paragraph or blockquote body); blank lines stay blank. */
export function markdownLines(text: string): string[] {
  return HAS_LINE_BREAK.test(text) ? text.split(LINE_BREAK).map(escapeLine) : [escapeLine(text)];
}

/** `markdownLines` as one string, every line ending in a line feed. */
export function markdownParagraph(text: string): string {
  // Most texts are one line: no array to build and join.
  if (!HAS_LINE_BREAK.test(text)) return `${escapeLine(text)}\n`;
  let out = '';
  for (const line of text.split(LINE_BREAK)) out += `${escapeLine(line)}\n`;
  return out;
}

/** One escaped line as a blockquote line: `>` alone when blank. */
function quoteLine(line: string): string {
  return line === '' ? '>' : `> ${line}`;
}

/** Multi-line text as a blockquote. */
export function markdownQuote(text: string): string {
  if (!HAS_LINE_BREAK.test(text)) return quoteLine(escapeLine(text));
  return text
    .split(LINE_BREAK)
    .map((line) => quoteLine(escapeLine(line)))
    .join('\n');
}

/** Characters that would end or alter a link destination: percent-encoded in hrefs. */
const HREF_UNSAFE = charTable(' ()<>\\"`');

/**
 * `[text](url)` for http(s) and mailto URLs; anything else (javascript:, data:, relative…) as
 * plain escaped text, so it can be read but not clicked.
 */
export function markdownLink(text: string, url: string): string {
  return markdownLinkEscaped(escapeMarkdown(text), url);
}

/** `markdownLink` with its text already escaped: a fixed label is escaped once, not per link. */
export function markdownLinkEscaped(label: string, url: string): string {
  const parsed = linkableUrl(url, ['http:', 'https:', 'mailto:']);
  const shown = label || escapeMarkdown(url);
  if (!parsed) return shown;
  return `[${shown}](${encodeHref(parsed, HREF_UNSAFE)})`;
}

/**
 * A URL shown as itself: an autolink `<url>` when allowed (readable in the raw text, and backslash
 * escapes do not apply inside it), escaped text otherwise.
 */
export function markdownUrl(url: string): string {
  const parsed = linkableUrl(url, ['http:', 'https:', 'mailto:']);
  return parsed ? `<${encodeHref(parsed, HREF_UNSAFE)}>` : escapeMarkdown(url);
}

// Writing straight into a TextWriter: what the functions above return, without building it. A
// report writes a quote, a tag line, links and dates for each of 10,000s of claims this way.

/** First character of `line` that is not a space or tab (where `escapeLine` starts). */
function lineStart(line: string): number {
  let start = 0;
  while (start < line.length && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) start++;
  return start;
}

/** `escapeLine(line)` written to `w`. */
function writeLine(w: TextWriter, line: string): void {
  const start = lineStart(line);
  if (line.charCodeAt(start) === 47) w.write('\\');
  writeBackslashEscaped(w, line, SPECIAL, start);
}

/** `escapeMarkdown(text)` written to `w`. */
export function writeMarkdown(w: TextWriter, text: string): void {
  writeLine(w, HAS_LINE_BREAK.test(text) ? text.split(LINE_BREAK).join(' ') : text);
}

/**
 * Text that follows other text on its line, escaped as `escapeMarkdown` escapes it inside a longer
 * string: leading spaces and a leading `/` are harmless there, so they stay as they are.
 */
export function writeMarkdownInline(w: TextWriter, text: string): void {
  writeBackslashEscaped(w, HAS_LINE_BREAK.test(text) ? text.split(LINE_BREAK).join(' ') : text, SPECIAL);
}

/** `markdownQuote(text)` written to `w`. */
export function writeMarkdownQuote(w: TextWriter, text: string): void {
  if (!HAS_LINE_BREAK.test(text)) {
    writeQuoteLine(w, text);
    return;
  }
  const lines = text.split(LINE_BREAK);
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) w.write('\n');
    writeQuoteLine(w, lines[i] as string);
  }
}

/** `quoteLine(escapeLine(line))` written to `w`: `>` alone when the escaped line is empty. */
function writeQuoteLine(w: TextWriter, line: string): void {
  // escapeLine drops leading spaces and tabs and keeps everything else: empty only when nothing else.
  if (lineStart(line) === line.length) {
    w.write('>');
    return;
  }
  w.write('> ');
  writeLine(w, line);
}

/**
 * `markdownLinkEscaped(label, url)` written to `w`, given the URL as `linkableUrl` reads it (a deep
 * link's target is made without its text): `label`, escaped and not empty, alone when no target.
 */
export function writeMarkdownLinkTo(w: TextWriter, label: string, target: LinkTarget | undefined): void {
  if (!target) {
    w.write(label);
    return;
  }
  w.write('[');
  w.write(label);
  w.write('](');
  writeEncodedHref(w, target, HREF_UNSAFE);
  w.write(')');
}
