/**
 * Escaping for Jira wiki markup (Jira Server/Data Center renderer, and Jira Cloud's wiki-markup
 * import): text from vendor pages and reviewers stays literal, never a macro (`{code}`), a link
 * (`[x|javascript:…]`), an image (`!x!`), a mention (`[~user]`), formatting or a table cell.
 */
import { backslashEscape, charTable, writeBackslashEscaped } from './char-escape.ts';
import { encodeHref, type LinkTarget, linkableUrl, writeEncodedHref } from './link-policy.ts';
import type { TextWriter } from './text-writer.ts';

/**
 * Exactly the characters Jira's renderer un-escapes after a backslash
 * (com.atlassian.renderer BackslashEscapeRendererComponent: `- # * _ + ? ^ ~ | % { } [ ] ( ) ! @`).
 * A backslash before any other character stays visible, so nothing else is backslash-escaped.
 */
const ESCAPABLE = new Set('-#*_+?^~|%{}[]()!@');

/**
 * What needs escaping, in one pass (so one escape never feeds into another): the characters above,
 * and those Jira cannot backslash-escape, which become numeric character references (Jira renders
 * `&#NN;` as the character): a backslash (`\\` is Jira's forced line break), a `&` that would
 * start an entity, and a `:` that would start an autolink other than http(s) (`file://…`,
 * `mailto:…`) or an emoticon (`:P`, `:D`).
 */
const SPECIAL =
  /[-#*_+?^~|%{}[\]()!@\\]|&(?=#?[a-z0-9]+;)|(?<!(?:^|[^a-z0-9+.-])https?):(?=\/\/)|:(?=[pd]\b)|(?<=mailto):/gi;

function entity(c: string): string {
  return `&#${c.charCodeAt(0)};`;
}

/** Line breaks, which in Jira end a table row or start a new block. */
const LINE_BREAK = /\r\n|\r|\n/;

/** Escapes one line; a line-start `h1.` … `h6.` or `bq.` (heading, quote) gets its first letter as an entity. */
function escapeLine(line: string): string {
  let start = 0;
  while (start < line.length && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) start++;
  // Most text has none of the rare cases: then only the backslash-escapable characters can match,
  // and a table-driven pass does the same as the callback below, several times faster.
  const escaped = RARE.test(line)
    ? (start > 0 ? line.slice(start) : line).replace(SPECIAL, (c) =>
        ESCAPABLE.has(c) ? `\\${c}` : entity(c),
      )
    : backslashEscape(line, BACKSLASH_ESCAPABLE, start);
  // Only a line starting with h or b can be a heading or a quote: skip the pattern for the rest.
  const first = escaped.charCodeAt(0) | 0x20;
  return first === 0x68 || first === 0x62
    ? escaped.replace(BLOCK_START, (m) => entity(m.charAt(0)) + m.slice(1))
    : escaped;
}

/** A line-start heading (`h1.` … `h6.`) or quote (`bq.`). */
const BLOCK_START = /^(?:h[1-6]|bq)\./i;

/**
 * Where the full pattern can match something other than a backslash-escapable character: a
 * backslash, an entity-like `&`, a `:` before `//` or an emoticon letter, or after `mailto` (a
 * superset of SPECIAL's other branches). Without one, as in timestamps such as `09:00:15`, the
 * table-driven pass gives the same result.
 */
const RARE = /\\|&(?=#?[a-z0-9]+;)|:(?=\/\/|[pd]\b)|(?<=mailto):/i;

/** The characters in ESCAPABLE, as a table. */
const BACKSLASH_ESCAPABLE = charTable('-#*_+?^~|%{}[]()!@');

/** Any line break (a cheap test before splitting: most texts are one line). */
const HAS_LINE_BREAK = /[\r\n]/;

/** Escapes text for inline use (headings, list items, table cells): one line, every break a space. */
export function escapeJira(text: string): string {
  return escapeLine(HAS_LINE_BREAK.test(text) ? text.split(LINE_BREAK).join(' ') : text);
}

/** Escapes multi-line text as lines; blank lines stay blank (a paragraph break in Jira). */
export function jiraLines(text: string): string[] {
  return HAS_LINE_BREAK.test(text) ? text.split(LINE_BREAK).map(escapeLine) : [escapeLine(text)];
}

/** `jiraLines` as one string, every line ending in a line feed. */
export function jiraParagraph(text: string): string {
  if (!HAS_LINE_BREAK.test(text)) return `${escapeLine(text)}\n`;
  let out = '';
  for (const line of text.split(LINE_BREAK)) out += `${escapeLine(line)}\n`;
  return out;
}

/** Multi-line text in a `{quote}` block. */
export function jiraQuote(text: string): string {
  return `{quote}\n${jiraParagraph(text)}{quote}`;
}

/** Characters percent-encoded in link targets: they would end the link or its alias. */
const HREF_UNSAFE = charTable(' |[]{}<>\\"`^!');

/** `[text|url]` for http(s) URLs; anything else as escaped plain text. */
export function jiraLink(text: string, url: string): string {
  return jiraLinkEscaped(escapeJira(text), url);
}

/** `jiraLink` with its text already escaped: a fixed label is escaped once, not per link. */
export function jiraLinkEscaped(label: string, url: string): string {
  const parsed = linkableUrl(url);
  const shown = label || escapeJira(url);
  if (!parsed) return shown;
  return `[${shown}|${encodeHref(parsed, HREF_UNSAFE)}]`;
}

/** A URL shown as itself: `[url]` (Jira shows the URL as the link text) when allowed, escaped text otherwise. */
export function jiraUrl(url: string): string {
  const parsed = linkableUrl(url);
  return parsed ? `[${encodeHref(parsed, HREF_UNSAFE)}]` : escapeJira(url);
}

/** A table row: `||a||b||` for a header, `|a|b|` otherwise. Cells are escaped here; empty cells get a space. */
export function jiraRow(cells: readonly string[], header = false): string {
  const sep = header ? '||' : '|';
  return `${sep}${cells.map(jiraCell).join(sep)}${sep}`;
}

/** One table cell's text, escaped; a space when empty (an empty body cell would read as `||`, a header marker). */
export function jiraCell(text: string): string {
  return escapeJira(text) || ' ';
}

// Writing straight into a TextWriter: what the functions above return, without building it. A
// report writes a quote, a tag line and a link for each of 10,000s of claims this way.

/** `escapeLine(line)` written to `w`. */
function writeLine(w: TextWriter, line: string): void {
  if (RARE.test(line)) {
    w.write(escapeLine(line));
    return;
  }
  let start = 0;
  while (start < line.length && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) start++;
  // A heading or quote marker holds no backslash-escapable character: it reads the same escaped.
  if (BLOCK_START.test(start > 0 ? line.slice(start) : line)) {
    w.write(entity(line.charAt(start)));
    start++;
  }
  writeBackslashEscaped(w, line, BACKSLASH_ESCAPABLE, start);
}

/**
 * Text that follows other text on its line, escaped as `escapeJira` escapes it inside a longer
 * string whose other parts end and start with a space: leading spaces and a line-start marker
 * are harmless there, so they stay as they are.
 */
export function writeJiraInline(w: TextWriter, text: string): void {
  const line = HAS_LINE_BREAK.test(text) ? text.split(LINE_BREAK).join(' ') : text;
  if (RARE.test(line)) w.write(line.replace(SPECIAL, (c) => (ESCAPABLE.has(c) ? `\\${c}` : entity(c))));
  else writeBackslashEscaped(w, line, BACKSLASH_ESCAPABLE);
}

/** `jiraParagraph(text)` written to `w`. */
export function writeJiraParagraph(w: TextWriter, text: string): void {
  if (!HAS_LINE_BREAK.test(text)) {
    writeLine(w, text);
    w.write('\n');
    return;
  }
  for (const line of text.split(LINE_BREAK)) {
    writeLine(w, line);
    w.write('\n');
  }
}

/**
 * `jiraLinkEscaped(label, url)` written to `w`, given the URL as `linkableUrl` reads it (a deep
 * link's target is made without its text): `label`, escaped and not empty, alone when no target.
 */
export function writeJiraLinkTo(w: TextWriter, label: string, target: LinkTarget | undefined): void {
  if (!target) {
    w.write(label);
    return;
  }
  w.write('[');
  w.write(label);
  w.write('|');
  writeEncodedHref(w, target, HREF_UNSAFE);
  w.write(']');
}
