/**
 * A fast sentence splitter for documentation prose. It splits after `.`, `!` or `?` (optionally
 * followed by closing quotes or brackets) when whitespace and then a capital letter, digit,
 * quote or bracket follow — except after common abbreviations and single initials, so that
 * "e.g. SAML", "Inc. and", "TLS 1.2" and "fly.io" stay whole.
 */

import { charKind, SPACE } from './text-chars.ts';

/** `/\s/` as a char-code test (a regex per character showed in profiles). */
function isJsSpace(c: number): boolean {
  return c === 0xfeff || charKind(c) === SPACE;
}

const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'inc',
  'ltd',
  'llc',
  'co',
  'corp',
  'no',
  'nos',
  'fig',
  'figs',
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'approx',
  'incl',
  'dept',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'e.u',
  'a.m',
  'p.m',
  'cf',
  'al',
  'ca',
  'resp',
  'viz',
  'ver',
  'v',
  'sec',
  'art',
]);

const LONGEST_ABBREVIATION = 6;
/** Opening quotes and brackets stripped from the word before the punctuation. */
const OPENERS = `"'“‘([`;

// The lookbehind makes a run of punctuation match only from its start: without it, a run of
// 20,000 dots is retried from every dot (quadratic time on hostile or dot-leader text).
const BOUNDARY = /(?<![.!?])[.!?]+["'”’)\]]*\s+(?=["'“‘([]?[\p{Lu}\p{N}])/gu;

/** The start of a short answer after a question. */
const ANSWER = /^(yes|no|n\/a|not applicable|partially)(?![\p{L}\p{N}])/iu;

/** Half-open [start, end) ranges of the sentences in `text`, whitespace trimmed. */
export function splitSentences(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const dot = m.index;
    // The word before the punctuation: an abbreviation or a single initial does not end a sentence.
    let w = dot;
    while (w > start && !isJsSpace(text.charCodeAt(w - 1))) w--;
    let q = w;
    while (q < dot && OPENERS.includes(text[q] as string)) q++;
    // Longer than any abbreviation or single letter (lower-casing never shortens it): a sentence end.
    const after = m.index + m[0].length;
    if (dot - q <= LONGEST_ABBREVIATION && isNotSentenceEnd(text, w, dot, after)) continue;
    // A questionnaire's answer stays with its question: "Do you scan for vulnerabilities? No".
    if (text[dot] === '?' && ANSWER.test(text.slice(after, after + 16))) continue;
    const end = m.index + m[0].trimEnd().length;
    pushTrimmed(text, start, end, ranges);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, text.length, ranges);
  return ranges;
}

/** An abbreviation or a single initial before the punctuation at `dot`; `after` is where the next sentence would start. */
function isNotSentenceEnd(text: string, w: number, dot: number, after: number): boolean {
  const word = text
    .slice(w, dot)
    .toLowerCase()
    .replace(/^["'“‘([]+/, '');
  // "No. 5" abbreviates "number"; "No. We do not" is an answer that ends its sentence.
  if (word === 'no' || word === 'nos') return isDigit(text.charCodeAt(after));
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function pushTrimmed(text: string, start: number, end: number, out: Array<[number, number]>): void {
  let s = start;
  let e = end;
  while (s < e && isJsSpace(text.charCodeAt(s))) s++;
  while (e > s && isJsSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push([s, e]);
}
