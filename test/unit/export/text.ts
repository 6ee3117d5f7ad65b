/** Helpers the export tests share: compare text the way a reader sees it. */

/** Whitespace runs as one space, trimmed; NUL as the parser shows it (`nul`). */
export function seen(text: string, nul = '\uFFFD'): string {
  return text.replace(/\0/g, nul).replace(/\s+/g, ' ').trim();
}

/** Undoes `escapeJira`: Jira's backslash escapes and numeric character references. */
export function unescapeJira(text: string): string {
  return text
    .replace(/\\([-#*_+?^~|%{}[\]()!@])/g, '$1')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
