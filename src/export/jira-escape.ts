/**
 * Escaping for Jira wiki markup (Jira Server/Data Center renderer, and Jira Cloud's wiki-markup
 * import): text from vendor pages and reviewers stays literal, never a macro (`{code}`), a link
 * (`[x|javascript:…]`), an image (`!x!`), a mention (`[~user]`), formatting or a table cell.
 */
import { encodeHref, linkableUrl } from './link-policy.ts';

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
  const trimmed = line.replace(/^[ \t]+/, '');
  // Most text has no backslash, `&` or `:`: then only the backslash-escapable characters can match,
  // and a plain replacement does the same as the callback below, several times faster.
  const escaped = RARE.test(trimmed)
    ? trimmed.replace(SPECIAL, (c) => (ESCAPABLE.has(c) ? `\\${c}` : entity(c)))
    : trimmed.replace(BACKSLASH_ESCAPABLE, '\\$&');
  return escaped.replace(/^(?:h[1-6]|bq)\./i, (m) => entity(m.charAt(0)) + m.slice(1));
}

/** The characters only the full pattern handles. */
const RARE = /[\\&:]/;

/** The characters in ESCAPABLE, as one class. */
const BACKSLASH_ESCAPABLE = /[-#*_+?^~|%{}[\]()!@]/g;

/** Escapes text for inline use (headings, list items, table cells): one line, every break a space. */
export function escapeJira(text: string): string {
  return escapeLine(text.split(LINE_BREAK).join(' '));
}

/** Escapes multi-line text as lines; blank lines stay blank (a paragraph break in Jira). */
export function jiraLines(text: string): string[] {
  return text.split(LINE_BREAK).map(escapeLine);
}

/** Multi-line text in a `{quote}` block. */
export function jiraQuote(text: string): string {
  return ['{quote}', ...jiraLines(text), '{quote}'].join('\n');
}

/** Characters percent-encoded in link targets: they would end the link or its alias. */
const HREF_UNSAFE = /[ |[\]{}<>\\"`^!]/g;

/** `[text|url]` for http(s) URLs; anything else as escaped plain text. */
export function jiraLink(text: string, url: string): string {
  const parsed = linkableUrl(url);
  const label = escapeJira(text) || escapeJira(url);
  if (!parsed) return label;
  return `[${label}|${encodeHref(parsed, HREF_UNSAFE)}]`;
}

/** A URL shown as itself: `[url]` (Jira shows the URL as the link text) when allowed, escaped text otherwise. */
export function jiraUrl(url: string): string {
  const parsed = linkableUrl(url);
  return parsed ? `[${encodeHref(parsed, HREF_UNSAFE)}]` : escapeJira(url);
}

/** A table row: `||a||b||` for a header, `|a|b|` otherwise. Cells are escaped here; empty cells get a space. */
export function jiraRow(cells: readonly string[], header = false): string {
  const sep = header ? '||' : '|';
  // An empty body cell would read as `||`, a header marker: give it a space.
  return `${sep}${cells.map((c) => escapeJira(c) || ' ').join(sep)}${sep}`;
}
