import { describe, expect, test } from 'vitest';
import { RED_FLAG_IDS } from '../../../src/core/classify/red-flag-cues.ts';
import { CONTROL_IDS, PROOF_POINTS } from '../../../src/core/controls.ts';
import {
  applyHotkey,
  CONTROL_ALIASES,
  DEMO_HOTKEYS,
  type EntryMode,
  hotkeyOf,
  type ParsedEntry,
  PREFIX_HELP,
  parseDemoEntry,
  RED_FLAG_ALIASES,
} from '../../../src/core/demo/parse-entry.ts';

/** The entry of a line that must parse. */
function entry(line: string, mode?: EntryMode) {
  const r = parseDemoEntry(line, mode);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(line)} to parse, got: ${r.error}`);
  return r.entry;
}

/** The error of a line that must not parse. */
function error(line: string, mode?: EntryMode): string {
  const r: ParsedEntry = parseDemoEntry(line, mode);
  if (r.ok) throw new Error(`expected ${JSON.stringify(line)} to fail, got: ${JSON.stringify(r.entry)}`);
  return r.error;
}

describe('basis and kind tokens', () => {
  test.each([
    ['+ admin console revokes the key', 'evidence', 'shown'],
    ['shown: admin console revokes the key', 'evidence', 'shown'],
    ['~ revocation is instant', 'marketing', 'said'],
    ['said: revocation is instant', 'marketing', 'said'],
    ['e: admin console revokes the key', 'evidence', 'shown'],
    ['m: revocation is instant', 'marketing', 'said'],
    ['? how long do tokens live', 'question', 'said'],
    ['q: how long do tokens live', 'question', 'said'],
    ['n: demo ran long', 'note', 'said'],
    ['! keys never expire', 'red-flag', 'said'],
    ['rf: keys never expire', 'red-flag', 'said'],
  ] as const)('%j → %s, %s', (line, kind, basis) => {
    const e = entry(line);
    expect(e.kind).toBe(kind);
    expect(e.basis).toBe(basis);
    expect(e.text).not.toMatch(/^(\+|~|\?|!|[a-z]+:)\s/);
  });

  test('an explicit basis beats the kind’s default basis', () => {
    expect(entry('e: ~ they say the console has it')).toMatchObject({ kind: 'evidence', basis: 'said' });
    expect(entry('m: + the slide showed it')).toMatchObject({ kind: 'marketing', basis: 'shown' });
    expect(entry('+ q: can we see the log export')).toMatchObject({ kind: 'question', basis: 'shown' });
    expect(entry('! + the key page shows no expiry')).toMatchObject({ kind: 'red-flag', basis: 'shown' });
    expect(entry('n: shown: a diagram')).toMatchObject({ kind: 'note', basis: 'shown' });
  });

  test('tokens come in any order and may repeat when they agree', () => {
    expect(entry('#rev + e: console')).toEqual(entry('e: + #rev console'));
    expect(entry('+ shown: e: #rev #revocation console')).toEqual({
      text: 'console',
      kind: 'evidence',
      basis: 'shown',
      control: 'revocation',
    });
  });

  test('a line ending with ? is a question unless a kind token says otherwise', () => {
    expect(entry('Do tokens expire?')).toEqual({
      text: 'Do tokens expire?',
      kind: 'question',
      basis: 'said',
    });
    expect(entry('#jit do tokens expire?')).toMatchObject({ kind: 'question', control: 'jit-access' });
    expect(entry('~ is SCIM supported?')).toMatchObject({ kind: 'question', basis: 'said' });
    expect(entry('e: they answered what we asked?')).toMatchObject({ kind: 'evidence' });
    expect(entry('n: why?')).toMatchObject({ kind: 'note' });
  });

  test('nothing said at all → note, said', () => {
    expect(entry('the demo starts')).toEqual({ text: 'the demo starts', kind: 'note', basis: 'said' });
  });

  test('case-insensitive', () => {
    expect(entry('SHOWN: E: #REV console')).toMatchObject({ kind: 'evidence', control: 'revocation' });
    expect(entry('Said: #Jit scoped tokens')).toMatchObject({ kind: 'marketing', control: 'jit-access' });
    expect(entry('!MANUAL email support')).toMatchObject({ kind: 'red-flag', redFlag: 'manual-revocation' });
    expect(error('RF: Q: oops')).toMatch(/both a red flag \(RF:\) and a question \(Q:\)/);
  });
});

describe('red-flag tokens', () => {
  test.each([
    ['!shared', 'shared-identity'],
    ['!keys', 'long-lived-keys'],
    ['!opaque', 'opaque-tokens'],
    ['!jobs', 'unbound-background-jobs'],
    ['!cache', 'data-outlives-session'],
    ['!logs', 'logs-without-actor'],
    ['!manual', 'manual-revocation'],
    ['!custom', 'custom-engineering'],
    ['!tenancy', 'shared-tenancy-unproven'],
  ] as const)('%s → %s', (token, flag) => {
    expect(entry(`${token} they said so`)).toEqual({
      text: 'they said so',
      kind: 'red-flag',
      basis: 'said',
      redFlag: flag,
    });
  });

  test('every red flag is reachable by its full id and its first alias', () => {
    for (const flag of RED_FLAG_IDS) {
      expect(entry(`!${flag} x`).redFlag).toBe(flag);
      expect(entry(`!${RED_FLAG_ALIASES[flag][0]} x`).redFlag).toBe(flag);
    }
  });

  test('a red flag with a control and basis', () => {
    expect(entry('!manual #rev + they opened a ticket live')).toEqual({
      text: 'they opened a ticket live',
      kind: 'red-flag',
      basis: 'shown',
      control: 'revocation',
      redFlag: 'manual-revocation',
    });
  });

  test('unambiguous prefixes; ambiguous ones name the candidates', () => {
    expect(entry('!lon x').redFlag).toBe('long-lived-keys');
    expect(entry('!man x').redFlag).toBe('manual-revocation');
    expect(entry('!unbound x').redFlag).toBe('unbound-background-jobs');
    const e = error('!sha they share one key');
    expect(e).toContain('!sha could be');
    expect(e).toContain('Shared service account or identity shared across tenants (!shared)');
    expect(e).toContain('Shared tenancy without demonstrated isolation (!tenancy)');
  });

  test('an exact alias wins over being a prefix of another', () => {
    // "shared" is a prefix of "shared-tenancy" too, but names shared-identity exactly.
    expect(entry('!shared x').redFlag).toBe('shared-identity');
  });

  test('unknown red flag', () => {
    expect(error('!foo they said so')).toBe(
      'Unknown red flag !foo. Try !shared, !keys, !opaque, !jobs, !cache, !logs, !manual, !custom or !tenancy.',
    );
    expect(error('!ke x')).toMatch(/^Unknown red flag !ke\./); // under three letters: no prefix lookup
  });

  test('two different red flags', () => {
    expect(error('!manual !keys x')).toBe(
      'This line names two red flags, !manual and !keys; raise one per line.',
    );
    expect(entry('!manual !manual-revocation x').redFlag).toBe('manual-revocation');
  });
});

describe('control tokens', () => {
  test.each([
    ['#wid', 'workload-identity'],
    ['#id', 'workload-identity'],
    ['#iso', 'tenant-isolation'],
    ['#tenant', 'tenant-isolation'],
    ['#jit', 'jit-access'],
    ['#rev', 'revocation'],
    ['#aud', 'auditability'],
    ['#log', 'auditability'],
    ['#sso', 'sso-provisioning'],
    ['#enc', 'encryption'],
    ['#ret', 'data-retention'],
    ['#train', 'model-training'],
    ['#res', 'data-residency'],
    ['#sub', 'subprocessors'],
    ['#cert', 'certifications'],
    ['#vuln', 'vuln-management'],
    ['#ir', 'incident-response'],
    ['#ai', 'ai-guardrails'],
  ] as const)('%s → %s', (token, control) => {
    expect(entry(`${token} text`).control).toBe(control);
  });

  test('every control is reachable by its full id and by every alias', () => {
    for (const control of CONTROL_IDS) {
      expect(entry(`#${control} x`).control).toBe(control);
      for (const alias of CONTROL_ALIASES[control]) expect(entry(`#${alias} x`).control).toBe(control);
    }
  });

  test('aliases are unique, lowercase and never the same as another target’s id', () => {
    const names = CONTROL_IDS.flatMap((c) => [c, ...CONTROL_ALIASES[c]]);
    expect(new Set(names).size).toBe(names.length);
    const flagNames = RED_FLAG_IDS.flatMap((f) => [f, ...RED_FLAG_ALIASES[f]]);
    expect(new Set(flagNames).size).toBe(flagNames.length);
    for (const n of [...names, ...flagNames]) expect(n).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  test('unambiguous prefixes of ids and aliases (3+ letters)', () => {
    expect(entry('#revo x').control).toBe('revocation');
    expect(entry('#work x').control).toBe('workload-identity');
    expect(entry('#ide x').control).toBe('workload-identity');
    expect(entry('#isol x').control).toBe('tenant-isolation');
    expect(entry('#incid x').control).toBe('incident-response');
    expect(entry('#sub x').control).toBe('subprocessors');
    expect(entry('#subproc x').control).toBe('subprocessors');
    expect(entry('#data-ret x').control).toBe('data-retention');
    expect(entry('#tra x').control).toBe('model-training');
  });

  test('ambiguous prefix names the candidates', () => {
    expect(error('#dat x')).toBe(
      '#dat could be Data retention and deletion (#ret) or Data residency and hosting regions (#res); type more letters.',
    );
    expect(error('#data-re x')).toMatch(/^#data-re could be Data retention .* or Data residency/);
  });

  test('unknown control', () => {
    expect(error('#foo the thing')).toBe(
      'Unknown control #foo. Try #wid, #iso, #jit, #rev or #aud, or a control’s full id.',
    );
    expect(error('#re x')).toMatch(/^Unknown control #re\./); // too short to be a prefix
  });

  test('two different controls; the same one twice is fine', () => {
    expect(error('#rev #jit x')).toBe(
      'This line names two controls, #rev and #jit; an entry speaks to one control.',
    );
    expect(entry('#rev #REVOCATION #revo x').control).toBe('revocation');
  });

  test('a trailing colon or comma after the alias is tolerated', () => {
    expect(entry('#rev: console shows it')).toMatchObject({
      control: 'revocation',
      text: 'console shows it',
    });
    expect(entry('#rev, #rev: x').control).toBe('revocation');
  });
});

describe('errors', () => {
  test.each([[''], ['   '], ['+'], ['e: #rev'], ['!manual   '], ['#rev ~ q:']])(
    'empty text after the prefixes: %j',
    (line) => {
      expect(error(line)).toBe('Type what the vendor said or showed after the prefixes.');
    },
  );

  test('contradicting kinds', () => {
    expect(error('e: m: x')).toBe('This line is marked both evidence (e:) and marketing (m:); keep one.');
    expect(error('? ! x')).toBe('This line is marked both a question (?) and a red flag (!); keep one.');
    expect(error('n: !keys x')).toBe(
      'This line is marked both a note (n:) and a red flag (!keys); keep one.',
    );
  });

  test('contradicting bases', () => {
    expect(error('+ ~ x')).toBe('This line is marked both shown (+) and said (~); keep one.');
  });

  test('the first problem is the one reported', () => {
    expect(error('#foo e: m:')).toMatch(/^Unknown control #foo/);
  });
});

describe('mode (hotkeys) vs tokens', () => {
  test('with no tokens the mode decides', () => {
    expect(
      entry('console revokes the key', { kind: 'evidence', basis: 'shown', control: 'revocation' }),
    ).toEqual({ text: 'console revokes the key', kind: 'evidence', basis: 'shown', control: 'revocation' });
    expect(entry('keys last a year', { kind: 'red-flag', basis: 'said' })).toMatchObject({
      kind: 'red-flag',
    });
  });

  test('a partial mode fills in with the same defaults', () => {
    expect(entry('x', { basis: 'shown' })).toMatchObject({ kind: 'evidence', basis: 'shown' });
    expect(entry('x', { basis: 'said' })).toMatchObject({ kind: 'marketing', basis: 'said' });
    expect(entry('x', { kind: 'evidence' })).toMatchObject({ kind: 'evidence', basis: 'shown' });
    expect(entry('x', { kind: 'marketing' })).toMatchObject({ kind: 'marketing', basis: 'said' });
    expect(entry('x', { kind: 'question' })).toMatchObject({ kind: 'question', basis: 'said' });
    expect(entry('x', { control: 'jit-access' })).toEqual({
      text: 'x',
      kind: 'note',
      basis: 'said',
      control: 'jit-access',
    });
  });

  test('a kind or basis in the line replaces the mode’s kind and basis', () => {
    const evidenceMode: EntryMode = { kind: 'evidence', basis: 'shown', control: 'revocation' };
    expect(entry('~ it is instant', evidenceMode)).toEqual({
      text: 'it is instant',
      kind: 'marketing',
      basis: 'said',
      control: 'revocation',
    });
    expect(entry('q: how fast', evidenceMode)).toMatchObject({ kind: 'question', basis: 'said' });
    expect(entry('how fast is it?', evidenceMode)).toMatchObject({ kind: 'question', basis: 'said' });
    expect(entry('+ it was shown', { kind: 'marketing', basis: 'said' })).toMatchObject({
      kind: 'evidence',
      basis: 'shown',
    });
  });

  test('a control in the line replaces the mode’s control, and keeps the mode’s kind', () => {
    expect(entry('#jit scoped', { kind: 'evidence', basis: 'shown', control: 'revocation' })).toEqual({
      text: 'scoped',
      kind: 'evidence',
      basis: 'shown',
      control: 'jit-access',
    });
  });

  test('red-flag mode without a named flag', () => {
    expect(entry('x', { kind: 'red-flag' })).toEqual({ text: 'x', kind: 'red-flag', basis: 'said' });
  });
});

describe('text', () => {
  test('trimmed, internal whitespace kept', () => {
    expect(entry('  e:   #rev   two  spaces\there  ').text).toBe('two  spaces\there');
  });

  test('tokens in the middle of the text are text', () => {
    expect(entry('n: see #rev and !manual + ~ e: later')).toEqual({
      text: 'see #rev and !manual + ~ e: later',
      kind: 'note',
      basis: 'said',
    });
    expect(entry('they said #foo is fine')).toMatchObject({ text: 'they said #foo is fine', kind: 'note' });
  });

  test('a token glued to the text is text', () => {
    expect(entry('+1 for SCIM')).toEqual({ text: '+1 for SCIM', kind: 'note', basis: 'said' });
    expect(entry('~5 minutes to revoke')).toMatchObject({ text: '~5 minutes to revoke', kind: 'note' });
    expect(entry('e:console')).toMatchObject({ text: 'e:console', kind: 'note' });
  });

  test('a # or ! not followed by a name starts the text', () => {
    expect(entry('# of tenants: 3')).toMatchObject({ text: '# of tenants: 3', kind: 'note' });
    expect(entry('!!! keys never expire')).toMatchObject({ text: '!!! keys never expire', kind: 'note' });
  });

  test('hostile text stays literal', () => {
    expect(entry("e: =cmd|' /C calc'!A0").text).toBe("=cmd|' /C calc'!A0");
    expect(entry('<img src=x onerror=alert(1)>')).toEqual({
      text: '<img src=x onerror=alert(1)>',
      kind: 'note',
      basis: 'said',
    });
    expect(entry('#rev <script>alert(1)</script>').text).toBe('<script>alert(1)</script>');
    expect(entry('constructor __proto__')).toMatchObject({ text: 'constructor __proto__', kind: 'note' });
    expect(entry('#__proto__ x')).toMatchObject({ text: '#__proto__ x', kind: 'note' });
    expect(error('#constructor x')).toMatch(/^Unknown control #constructor\./);
  });
});

describe('hotkeys', () => {
  test('the table', () => {
    expect(DEMO_HOTKEYS.map((h) => h.key)).toEqual([
      'Alt+E',
      'Alt+M',
      'Alt+Q',
      'Alt+F',
      'Alt+N',
      'Alt+1',
      'Alt+2',
      'Alt+3',
      'Alt+4',
      'Alt+5',
      'Alt+0',
    ]);
    expect(DEMO_HOTKEYS.slice(5, 10).map((h) => h.effect)).toEqual(
      PROOF_POINTS.map((control) => ({ set: 'control', control })),
    );
    expect(DEMO_HOTKEYS.slice(5, 10).map((h) => h.label)).toEqual([
      'Workload identity',
      'Tenant isolation',
      'Just-in-time access and least privilege',
      'Revocation',
      'Auditability',
    ]);
    for (const h of DEMO_HOTKEYS) expect(h.label).not.toBe('');
  });

  test('kind hotkeys set kind and basis, keep the control', () => {
    const mode: EntryMode = { control: 'revocation' };
    expect(applyHotkey(mode, 'Alt+E')).toEqual({ kind: 'evidence', basis: 'shown', control: 'revocation' });
    expect(applyHotkey(mode, 'Alt+M')).toEqual({ kind: 'marketing', basis: 'said', control: 'revocation' });
    expect(applyHotkey(mode, 'Alt+Q')).toEqual({ kind: 'question', basis: 'said', control: 'revocation' });
    expect(applyHotkey(mode, 'Alt+F')).toEqual({ kind: 'red-flag', basis: 'said', control: 'revocation' });
    expect(applyHotkey(mode, 'Alt+N')).toEqual({ kind: 'note', basis: 'said', control: 'revocation' });
  });

  test('digit hotkeys set the proof point, keep the kind; Alt+0 clears the control', () => {
    const mode: EntryMode = { kind: 'evidence', basis: 'shown' };
    PROOF_POINTS.forEach((control, i) => {
      expect(applyHotkey(mode, `Alt+${i + 1}`)).toEqual({ ...mode, control });
    });
    expect(applyHotkey({ ...mode, control: 'revocation' }, 'Alt+0')).toEqual(mode);
    expect(applyHotkey({ ...mode, control: 'revocation' }, 'Alt+0')).not.toHaveProperty('control');
  });

  test('case-insensitive; not a hotkey → undefined; the mode is not mutated', () => {
    const mode: EntryMode = { kind: 'note' };
    expect(applyHotkey(mode, 'alt+e')).toMatchObject({ kind: 'evidence' });
    expect(mode).toEqual({ kind: 'note' });
    expect(applyHotkey(mode, 'Alt+X')).toBeUndefined();
    expect(applyHotkey(mode, 'Alt+6')).toBeUndefined();
    expect(applyHotkey(mode, 'E')).toBeUndefined();
    expect(applyHotkey(mode, '')).toBeUndefined();
  });

  test('a mode from hotkeys feeds the parser', () => {
    const mode = applyHotkey(applyHotkey({}, 'Alt+E') ?? {}, 'Alt+4') ?? {};
    expect(entry('console button', mode)).toEqual({
      text: 'console button',
      kind: 'evidence',
      basis: 'shown',
      control: 'revocation',
    });
  });

  test('hotkeyOf reads the physical key, Alt alone', () => {
    const press = { altKey: true, ctrlKey: false, metaKey: false, shiftKey: false };
    expect(hotkeyOf({ ...press, code: 'KeyE' })).toBe('Alt+E');
    expect(hotkeyOf({ ...press, code: 'Digit3' })).toBe('Alt+3');
    expect(hotkeyOf({ ...press, code: 'Numpad0' })).toBe('Alt+0');
    expect(hotkeyOf({ ...press, code: 'KeyX' })).toBeUndefined();
    expect(hotkeyOf({ ...press, code: 'Digit9' })).toBeUndefined();
    expect(hotkeyOf({ ...press, ctrlKey: true, code: 'KeyE' })).toBeUndefined();
    expect(hotkeyOf({ ...press, shiftKey: true, code: 'KeyE' })).toBeUndefined();
    expect(hotkeyOf({ ...press, altKey: false, code: 'KeyE' })).toBeUndefined();
  });
});

test('the prefix cheat-sheet covers every simple token', () => {
  const all = PREFIX_HELP.map((h) => h.prefix).join(' ');
  for (const t of ['+', 'shown:', '~', 'said:', 'e:', 'm:', '?', 'q:', 'n:', '!', 'rf:', '#rev']) {
    expect(all).toContain(t);
  }
  for (const h of PREFIX_HELP) expect(h.meaning).not.toBe('');
});
