/**
 * The quick-entry line of a live demo. The reviewer types one line per observation; prefix tokens
 * at its start (in any order) say what it is — kind, said or shown, control, red flag — and the
 * rest is the text, kept as typed. Hotkeys preset a mode that the tokens of a line override.
 */
import { RED_FLAG_IDS, RED_FLAG_NAMES, type RedFlagId } from '../classify/red-flag-cues.ts';
import { CONTROL_IDS, CONTROLS, type ControlId, PROOF_POINTS } from '../controls.ts';
import type { DemoBasis, DemoEntryKind } from '../demo-records.ts';

/** What the reviewer preset with hotkeys; the tokens of a line win over it. */
export interface EntryMode {
  kind?: DemoEntryKind;
  basis?: DemoBasis;
  control?: ControlId;
}

/** A parsed entry, ready to become a demo claim. */
export interface DemoEntryDraft {
  text: string;
  kind: DemoEntryKind;
  basis: DemoBasis;
  control?: ControlId;
  /** Only on red-flag entries that named one (`!manual`). */
  redFlag?: RedFlagId;
}

/** The result of parsing a line: the entry, or a plain sentence saying what to fix. */
export type ParsedEntry = { ok: true; entry: DemoEntryDraft } | { ok: false; error: string };

/**
 * Short aliases per control, beside its full id (which always works). Listed first is the one
 * help texts suggest. Any unambiguous prefix of three or more letters of an id or alias works too.
 */
export const CONTROL_ALIASES: Readonly<Record<ControlId, readonly string[]>> = {
  'workload-identity': ['wid', 'id', 'identity', 'workload'],
  'tenant-isolation': ['iso', 'tenant', 'isolation'],
  'jit-access': ['jit', 'lp', 'least-privilege'],
  revocation: ['rev', 'revoke'],
  auditability: ['aud', 'log', 'logs', 'audit'],
  'sso-provisioning': ['sso', 'scim', 'provisioning'],
  encryption: ['enc', 'kms', 'crypto'],
  'data-retention': ['ret', 'retention', 'deletion'],
  'model-training': ['train', 'training'],
  'data-residency': ['res', 'residency', 'region'],
  subprocessors: ['sub', 'subs', 'supply-chain'],
  certifications: ['cert', 'certs', 'soc2'],
  'vuln-management': ['vuln', 'pentest', 'bounty'],
  'incident-response': ['ir', 'incident', 'breach'],
  'ai-guardrails': ['ai', 'guardrails', 'injection'],
};

/** Short aliases per red flag, beside its full id; prefixes work as for controls. */
export const RED_FLAG_ALIASES: Readonly<Record<RedFlagId, readonly string[]>> = {
  'shared-identity': ['shared', 'shared-id', 'service-account'],
  'long-lived-keys': ['keys', 'long-lived', 'static-keys'],
  'opaque-tokens': ['opaque', 'tokens'],
  'unbound-background-jobs': ['jobs', 'background'],
  'data-outlives-session': ['cache', 'caching', 'outlives'],
  'logs-without-actor': ['logs', 'actor', 'no-actor'],
  'manual-revocation': ['manual', 'ticket'],
  'custom-engineering': ['custom', 'engineering'],
  'shared-tenancy-unproven': ['tenancy', 'shared-tenancy'],
};

/** One hotkey's effect on the mode. */
export type HotkeyEffect =
  | { set: 'kind'; kind: DemoEntryKind; basis: DemoBasis }
  | { set: 'control'; control: ControlId }
  | { set: 'clear-control' };

/** A hotkey of the demo panel: the key as `Alt+E`, what it sets, and how it reads. */
export interface DemoHotkey {
  key: string;
  effect: HotkeyEffect;
  label: string;
}

/** The demo panel's hotkeys: kinds, the five proof points in order (Alt+1…Alt+5), Alt+0 clears. */
export const DEMO_HOTKEYS: readonly DemoHotkey[] = [
  { key: 'Alt+E', effect: { set: 'kind', kind: 'evidence', basis: 'shown' }, label: 'Evidence (shown)' },
  { key: 'Alt+M', effect: { set: 'kind', kind: 'marketing', basis: 'said' }, label: 'Marketing (said)' },
  { key: 'Alt+Q', effect: { set: 'kind', kind: 'question', basis: 'said' }, label: 'Question' },
  { key: 'Alt+F', effect: { set: 'kind', kind: 'red-flag', basis: 'said' }, label: 'Red flag' },
  { key: 'Alt+N', effect: { set: 'kind', kind: 'note', basis: 'said' }, label: 'Note' },
  ...PROOF_POINTS.map(
    (control, i): DemoHotkey => ({
      key: `Alt+${i + 1}`,
      effect: { set: 'control', control },
      label: CONTROLS[control].name,
    }),
  ),
  { key: 'Alt+0', effect: { set: 'clear-control' }, label: 'No control' },
];

/** The prefix cheat-sheet for the demo panel. */
export const PREFIX_HELP: ReadonlyArray<{ prefix: string; meaning: string }> = [
  { prefix: '+  or  shown:', meaning: 'The vendor showed it working (evidence unless you say otherwise)' },
  { prefix: '~  or  said:', meaning: 'The vendor only said it (marketing unless you say otherwise)' },
  { prefix: 'e:', meaning: 'Evidence' },
  { prefix: 'm:', meaning: 'Marketing' },
  { prefix: '?  or  q:', meaning: 'A question for the vendor (a line ending in ? is one too)' },
  { prefix: '!  or  rf:', meaning: 'A red flag; !manual, !keys, !shared… names which one' },
  { prefix: 'n:', meaning: 'A plain note' },
  {
    prefix: '#rev  #jit  #iso …',
    meaning: 'The control it speaks to (a full id or its first letters work too)',
  },
];

/**
 * Parses one quick-entry line. Only leading tokens count: a `#` or `!` further on is text. When
 * the line gives a kind, a basis or ends with `?`, the mode's kind and basis are ignored (the line
 * says what it is); the mode's control applies unless the line names one.
 */
export function parseDemoEntry(line: string, mode: EntryMode = {}): ParsedEntry {
  const tokens = readTokens(line);
  if (!tokens.ok) return tokens;
  const { kind: kindT, basis: basisT, control: controlT, redFlag, rest } = tokens;

  const text = rest.trim();
  if (!text) return { ok: false, error: 'Type what the vendor said or showed after the prefixes.' };

  const asks = /[?？]$/u.test(text);
  let kind: DemoEntryKind;
  let basis: DemoBasis;
  if (kindT || basisT || asks) {
    kind = kindT?.value ?? (asks ? 'question' : basisT?.value === 'shown' ? 'evidence' : 'marketing');
    basis = basisT?.value ?? basisFor(kind);
  } else {
    kind = mode.kind ?? (mode.basis ? kindFor(mode.basis) : 'note');
    basis = mode.basis ?? basisFor(kind);
  }

  const entry: DemoEntryDraft = { text, kind, basis };
  const control = controlT?.value ?? mode.control;
  if (control) entry.control = control;
  if (redFlag && kind === 'red-flag') entry.redFlag = redFlag.value;
  return { ok: true, entry };
}

/** The mode after pressing a hotkey (`Alt+E`, case-insensitive), or undefined for other keys. */
export function applyHotkey(mode: EntryMode, key: string): EntryMode | undefined {
  const wanted = key.trim().toLowerCase();
  const hotkey = DEMO_HOTKEYS.find((h) => h.key.toLowerCase() === wanted);
  if (!hotkey) return undefined;
  const { effect } = hotkey;
  if (effect.set === 'kind') return { ...mode, kind: effect.kind, basis: effect.basis };
  if (effect.set === 'control') return { ...mode, control: effect.control };
  const { control: _cleared, ...rest } = mode;
  return rest;
}

/**
 * The hotkey name (`Alt+E`) of a key press, from its physical key: on macOS, Option+E types `´`,
 * so `event.key` cannot be used. Undefined unless Alt alone is held.
 */
export function hotkeyOf(press: {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  code: string;
}): string | undefined {
  if (!press.altKey || press.ctrlKey || press.metaKey || press.shiftKey) return undefined;
  const m = /^(?:Key([A-Z])|Digit(\d)|Numpad(\d))$/.exec(press.code);
  const name = m ? `Alt+${m[1] ?? m[2] ?? m[3]}` : undefined;
  return DEMO_HOTKEYS.some((h) => h.key === name) ? name : undefined;
}

/** A value a token set, with the token as typed (for error messages). */
interface Said<T> {
  value: T;
  token: string;
}

interface Tokens {
  ok: true;
  kind?: Said<DemoEntryKind>;
  basis?: Said<DemoBasis>;
  control?: Said<ControlId>;
  redFlag?: Said<RedFlagId>;
  rest: string;
}

// A Map, not an object literal: a line starting with "constructor" must not hit the prototype.
const SIMPLE_TOKENS = new Map<string, { kind?: DemoEntryKind; basis?: DemoBasis }>([
  ['+', { basis: 'shown' }],
  ['shown:', { basis: 'shown' }],
  ['~', { basis: 'said' }],
  ['said:', { basis: 'said' }],
  ['e:', { kind: 'evidence' }],
  ['m:', { kind: 'marketing' }],
  ['?', { kind: 'question' }],
  ['q:', { kind: 'question' }],
  ['n:', { kind: 'note' }],
  ['!', { kind: 'red-flag' }],
  ['rf:', { kind: 'red-flag' }],
]);

// `#` or `!` then a name; a trailing ':' or ',' is tolerated ("#rev: shows the console"). Anything
// else ("#", "!!!", "<img …>") is not a token and starts the text.
const NAMED_TOKEN = /^([#!])([\p{L}\p{N}][\p{L}\p{N}_-]*)[:,]?$/u;

const KIND_WORDS: Record<DemoEntryKind, string> = {
  evidence: 'evidence',
  marketing: 'marketing',
  question: 'a question',
  'red-flag': 'a red flag',
  note: 'a note',
};

function readTokens(line: string): Tokens | { ok: false; error: string } {
  const out: Tokens = { ok: true, rest: line };
  let pos = 0;
  for (;;) {
    const m = /^\s*(\S+)/u.exec(line.slice(pos));
    if (!m?.[1]) break;
    const token = m[1];
    const simple = SIMPLE_TOKENS.get(token.toLowerCase());
    const named = simple ? undefined : NAMED_TOKEN.exec(token);
    if (!simple && !named) break;

    let kind = simple?.kind;
    if (simple?.basis) {
      if (out.basis && out.basis.value !== simple.basis) {
        return fail(
          `This line is marked both ${out.basis.value} (${out.basis.token}) and ${simple.basis} (${token}); keep one.`,
        );
      }
      out.basis = { value: simple.basis, token };
    }
    if (named?.[1] === '#') {
      const found = findControl(named[2] ?? '', token);
      if (!found.ok) return found;
      if (out.control && out.control.value !== found.value) {
        return fail(
          `This line names two controls, ${out.control.token} and ${token}; an entry speaks to one control.`,
        );
      }
      out.control = { value: found.value, token };
    }
    if (named?.[1] === '!') {
      const found = findRedFlag(named[2] ?? '', token);
      if (!found.ok) return found;
      if (out.redFlag && out.redFlag.value !== found.value) {
        return fail(`This line names two red flags, ${out.redFlag.token} and ${token}; raise one per line.`);
      }
      out.redFlag = { value: found.value, token };
      kind = 'red-flag';
    }
    if (kind) {
      if (out.kind && out.kind.value !== kind) {
        return fail(
          `This line is marked both ${KIND_WORDS[out.kind.value]} (${out.kind.token}) and ${KIND_WORDS[kind]} (${token}); keep one.`,
        );
      }
      out.kind ??= { value: kind, token };
    }
    pos += m[0].length;
  }
  out.rest = line.slice(pos);
  return out;
}

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

type Found<T> = { ok: true; value: T } | { ok: false; error: string };

/** Every name (id and aliases, lowercase) of every target, with its target. */
function namesOf<T extends string>(ids: readonly T[], aliases: Readonly<Record<T, readonly string[]>>) {
  return ids.flatMap((id) => [id, ...aliases[id]].map((name) => [name.toLowerCase(), id] as const));
}

const CONTROL_NAMES = namesOf(CONTROL_IDS, CONTROL_ALIASES);
const RED_FLAG_NAMES_LOWER = namesOf(RED_FLAG_IDS, RED_FLAG_ALIASES);

/** An exact name wins; else a prefix of 3+ letters that fits names of one target only. */
function lookup<T extends string>(
  names: ReadonlyArray<readonly [string, T]>,
  typed: string,
): { found: T } | { candidates: T[] } {
  const alias = typed.toLowerCase();
  const exact = names.find(([name]) => name === alias);
  if (exact) return { found: exact[1] };
  if (alias.length < 3) return { candidates: [] };
  const candidates = [...new Set(names.filter(([name]) => name.startsWith(alias)).map(([, id]) => id))];
  return candidates.length === 1 && candidates[0] ? { found: candidates[0] } : { candidates };
}

function findControl(typed: string, token: string): Found<ControlId> {
  const r = lookup(CONTROL_NAMES, typed);
  if ('found' in r) return { ok: true, value: r.found };
  if (r.candidates.length === 0) {
    const tries = PROOF_POINTS.map((c) => `#${CONTROL_ALIASES[c][0]}`);
    return fail(`Unknown control ${token}. Try ${orList(tries)}, or a control’s full id.`);
  }
  const options = r.candidates.map((c) => `${CONTROLS[c].name} (#${CONTROL_ALIASES[c][0]})`);
  return fail(`${token} could be ${orList(options)}; type more letters.`);
}

function findRedFlag(typed: string, token: string): Found<RedFlagId> {
  const r = lookup(RED_FLAG_NAMES_LOWER, typed);
  if ('found' in r) return { ok: true, value: r.found };
  if (r.candidates.length === 0) {
    const tries = RED_FLAG_IDS.map((f) => `!${RED_FLAG_ALIASES[f][0]}`);
    return fail(`Unknown red flag ${token}. Try ${orList(tries)}.`);
  }
  const options = r.candidates.map((f) => `${RED_FLAG_NAMES[f]} (!${RED_FLAG_ALIASES[f][0]})`);
  return fail(`${token} could be ${orList(options)}; type more letters.`);
}

/** "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function basisFor(kind: DemoEntryKind): DemoBasis {
  // Only evidence implies the vendor showed it; everything else is taken as said unless marked.
  return kind === 'evidence' ? 'shown' : 'said';
}

function kindFor(basis: DemoBasis): DemoEntryKind {
  return basis === 'shown' ? 'evidence' : 'marketing';
}
