/**
 * The suggestion for a claim: ranked controls with scores, evidence / marketing / unclear, the
 * cues that produced it (as spans the panel can highlight), and red flags. Deterministic, local
 * and fast: hand-written regular expressions compiled once and a vocabulary looked up word by
 * word (`lexicon-matcher.ts`); no model, no network.
 */
import { CONTROL_IDS, type ControlId } from '../controls.ts';
import { CONTROL_CUES } from './control-cues.ts';
import { BADGE_ONLY, EVIDENCE_CUES, type KindCueLabel, MARKETING_CUES } from './kind-cues.ts';
import { lexiconHits } from './lexicon-matcher.ts';
import { RED_FLAG_CUES, RED_FLAG_IDS, type RedFlagId } from './red-flag-cues.ts';

/** The verdict on a claim's specificity. */
export type ClaimKind = 'evidence' | 'marketing' | 'unclear';

/** A span of the claim's text that produced part of the suggestion. */
export interface CueSpan {
  start: number;
  end: number;
  text: string;
  type: 'control' | 'evidence' | 'marketing' | 'red-flag';
  /** The control or red flag id, or the kind cue's label. */
  label: ControlId | RedFlagId | KindCueLabel;
}

/** The suggestion the panel shows beside a claim. */
export interface Suggestion {
  controls: Array<{ id: ControlId; score: number }>;
  kind: ClaimKind;
  cues: CueSpan[];
  redFlags: RedFlagId[];
}

/** What the classifier reads of a claim. */
export interface ClaimText {
  text: string;
  headingPath?: readonly string[];
  context?: string;
  flags?: { inCode?: boolean; gated?: boolean };
}

/** `source` as a whole word or phrase: no letter or digit right before or after it. */
const wholeWords = (source: string) => `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`;
const compile = (source: string) => new RegExp(wholeWords(source), 'giu');
/** A test for whether any of `sources` occurs, on the same word boundaries as `compile`. */
const anyOf = (sources: readonly string[]) =>
  new RegExp(wholeWords(sources.map((source) => `(?:${source})`).join('|')), 'iu');

/** What a lexicon word of strength 1 weighs beside the hand-written cues. */
const LEXICON_WEIGHT = 0.5;

const CONTROL_PATTERNS = CONTROL_IDS.map((id) => ({
  id,
  cues: CONTROL_CUES[id].map(([source, weight]) => ({ re: compile(source), weight })),
  // One pass that says whether any of the control's cues occurs: most sentences touch a few
  // controls, and the others' cues need not be run one by one.
  any: anyOf(CONTROL_CUES[id].map(([source]) => source)),
}));
const EVIDENCE = EVIDENCE_CUES.map(([source, weight, label]) => ({ re: compile(source), weight, label }));
const MARKETING = MARKETING_CUES.map(([source, weight, label]) => ({ re: compile(source), weight, label }));
const BADGE = compile(BADGE_ONLY);
/** A denial just before a superlative: "not a foolproof", "isn't a robust". */
const DENIED = /(?:\bnot|n't)(?: \w+){0,3} $/i;
/**
 * A code identifier in camelCase ("excludeTools", "logPrompts"): a setting or API named in the
 * prose. Case-sensitive, unlike the other cues, so it cannot be one of the kind-cue patterns.
 */
const CAMEL_CASE = /(?<![\p{L}\p{N}])\p{Ll}+(?:\p{Lu}\p{Ll}*)+\d*(?![\p{L}\p{N}])/gu;
const RED_FLAGS = RED_FLAG_IDS.map((id) => ({ id, res: RED_FLAG_CUES[id].map(compile) }));
const ANY_EVIDENCE = anyOf(EVIDENCE_CUES.map(([source]) => source));
const ANY_MARKETING = anyOf(MARKETING_CUES.map(([source]) => source));
const ANY_RED_FLAG = anyOf(RED_FLAG_IDS.flatMap((id) => RED_FLAG_CUES[id]));

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield m;
  }
}

/** Whether one of `spans[from..to)` overlaps `start..end`. */
function overlapsAny(
  spans: readonly CueSpan[],
  from: number,
  to: number,
  start: number,
  end: number,
): boolean {
  for (let i = from; i < to; i++) {
    const span = spans[i] as CueSpan;
    if (span.start < end && start < span.end) return true;
  }
  return false;
}

/** Topic scores of a text, collecting the spans that scored. */
function topicScores(text: string, spans: CueSpan[]): Map<ControlId, number> {
  const scores = new Map<ControlId, number>();
  const lexicon = lexiconHits(text);
  for (const { id, cues, any } of CONTROL_PATTERNS) {
    const first = spans.length;
    let score = 0;
    if (any.test(text))
      for (const { re, weight } of cues) {
        let hits = 0;
        for (const m of matches(re, text)) {
          // Repeating a word says less each time.
          score += weight / (1 + hits);
          hits++;
          spans.push({ start: m.index, end: m.index + m[0].length, text: m[0], type: 'control', label: id });
        }
      }
    const cued = spans.length;
    // As with the cues, each further word of one strength says less.
    const hits = [0, 0, 0, 0];
    for (const hit of lexicon.get(id) ?? []) {
      const { strength } = hit;
      // Words a hand-written cue of the same control already counted count once.
      if (overlapsAny(spans, first, cued, hit.start, hit.end)) continue;
      score += (strength * LEXICON_WEIGHT) / (1 + (hits[strength] as number));
      hits[strength] = (hits[strength] as number) + 1;
      spans.push({ start: hit.start, end: hit.end, text: hit.text, type: 'control', label: id });
    }
    if (score > 0) scores.set(id, score);
  }
  return scores;
}

/** The span a kind cue's match covers. */
const kindSpan = (m: RegExpExecArray, type: 'evidence' | 'marketing', label: KindCueLabel): CueSpan => ({
  start: m.index,
  end: m.index + m[0].length,
  text: m[0],
  type,
  label,
});

/** Evidence and marketing weights of a text, with spans. */
function kindScores(text: string, spans: CueSpan[]): { evidence: number; marketing: number } {
  let evidence = 0;
  let marketing = 0;
  for (const { re, weight, label } of ANY_EVIDENCE.test(text) ? EVIDENCE : []) {
    for (const m of matches(re, text)) {
      evidence += weight;
      spans.push(kindSpan(m, 'evidence', label));
    }
  }
  for (const { re, weight, label } of ANY_MARKETING.test(text) ? MARKETING : []) {
    for (const m of matches(re, text)) {
      // "Not a foolproof boundary": a boast denied is a stated limit.
      if (label === 'superlative' && DENIED.test(text.slice(Math.max(0, m.index - 24), m.index))) {
        evidence += weight;
        spans.push(kindSpan(m, 'evidence', 'explicit scope or limit'));
      } else {
        marketing += weight;
        spans.push(kindSpan(m, 'marketing', label));
      }
    }
  }
  for (const m of matches(CAMEL_CASE, text)) {
    evidence += 2;
    spans.push(kindSpan(m, 'evidence', 'setting, command or API'));
  }
  for (const m of matches(BADGE, text)) {
    marketing += 2;
    spans.push(kindSpan(m, 'marketing', 'badge only'));
  }
  return { evidence, marketing };
}

/**
 * Scores already computed in one `classifyClaims` call, by text. A claim's text is read again as
 * its neighbours' context and for the page's topics, and a heading once per claim under it:
 * without the memo, 5,000 claims took twice as long.
 */
export interface ScoreMemo {
  topics: Map<string, { scores: Map<ControlId, number>; spans: CueSpan[] }>;
  kinds: Map<string, { evidence: number; marketing: number; spans: CueSpan[] }>;
}

/** An empty memo. */
export function scoreMemo(): ScoreMemo {
  return { topics: new Map(), kinds: new Map() };
}

/** `compute(text, spans)` with its spans, computed once per text in `results`. */
function remembered<T extends object>(
  results: Map<string, T & { spans: CueSpan[] }>,
  text: string,
  compute: (text: string, spans: CueSpan[]) => T,
): T & { spans: CueSpan[] } {
  let found = results.get(text);
  if (!found) {
    const spans: CueSpan[] = [];
    found = { ...compute(text, spans), spans };
    results.set(text, found);
  }
  return found;
}

const topicsOf = (text: string, memo: ScoreMemo) =>
  remembered(memo.topics, text, (t, spans) => ({ scores: topicScores(t, spans) }));
const kindsOf = (text: string, memo: ScoreMemo) => remembered(memo.kinds, text, kindScores);

/** What a claim is read with, beyond its own text and headings (all optional). */
export interface ClaimContext {
  /** The sentences around it in the same section. */
  neighbours?: readonly string[];
  /** Its section's topics (`pageTopics` of the claims under the same headings). */
  section?: ReadonlyMap<ControlId, number>;
  /** The whole page's topics (`pageTopics` of all its claims). */
  page?: ReadonlyMap<ControlId, number>;
  /** Scores already computed in the same scan. */
  memo?: ScoreMemo;
}

/**
 * Suggests controls, a kind and red flags for one claim. Its neighbours are the sentences around it
 * in the same section: a vague sentence made specific next door is "unclear", not marketing.
 */
export function classifyClaim(claim: ClaimText, context: ClaimContext = {}): Suggestion {
  const { neighbours = [], section, page, memo = scoreMemo() } = context;
  const own = topicsOf(claim.text, memo);
  // Copies: the memo's spans may serve another claim with the same text.
  const cues: CueSpan[] = own.spans.map((span) => ({ ...span }));
  const scores = new Map(own.scores);
  const addContext = (text: string | undefined, factor: number) => {
    if (!text) return;
    for (const [id, s] of topicsOf(text, memo).scores) scores.set(id, (scores.get(id) ?? 0) + s * factor);
  };
  // The section a claim sits in says what it is about; the nearest heading most. Since the lexicon
  // finds more topic words in headings, 0.6 and 0.3 (not 0.9 and 0.5) let a claim's own words
  // speak: top-1 rose on the corpus (0.906 → 0.918), the tuning pages (0.859 → 0.869) and the
  // first held-out set (0.765 → 0.774), alike for 0.2–0.6.
  const headings = claim.headingPath ?? [];
  for (const [i, h] of headings.entries()) addContext(h, i === headings.length - 1 ? 0.6 : 0.3);
  addContext(claim.context, 0.5);
  for (const n of neighbours) addContext(n, 0.15);
  // What its section and the whole page are about decide between weak cues, and name the topic of
  // a claim with none.
  if (section) for (const [id, s] of section) scores.set(id, (scores.get(id) ?? 0) + s * SECTION_WEIGHT);
  if (page) for (const [id, s] of page) scores.set(id, (scores.get(id) ?? 0) + s * PAGE_WEIGHT);

  const ranked = [...scores.entries()].sort(
    (a, b) => b[1] - a[1] || CONTROL_IDS.indexOf(a[0]) - CONTROL_IDS.indexOf(b[0]),
  );
  const top = ranked[0]?.[1] ?? 0;
  const controls = ranked
    .slice(0, 5)
    // A control far behind the first (a trace of the page's topics) is not worth suggesting.
    .filter(([, s]) => s >= top * 0.1)
    .map(([id, s]) => ({ id, score: Math.round((s / Math.max(top, 4)) * 100) / 100 }));

  const { evidence, marketing, spans } = kindsOf(claim.text, memo);
  for (const span of spans) cues.push({ ...span });
  let kind: ClaimKind;
  if (claim.flags?.inCode) kind = 'evidence';
  // A lone weak word ("secure", "privacy") is not enough to call a claim marketing.
  else if (marketing < 1.2) kind = 'evidence';
  else if (evidence > marketing) kind = 'evidence';
  else if (evidence === 0 && neighbours.some((n) => kindsOf(n, memo).evidence >= 4)) kind = 'unclear';
  else if (marketing > evidence) kind = 'marketing';
  else kind = 'unclear';

  const redFlags: RedFlagId[] = [];
  for (const { id, res } of ANY_RED_FLAG.test(claim.text) ? RED_FLAGS : []) {
    for (const re of res) {
      const m = matches(re, claim.text).next();
      if (!m.done) {
        redFlags.push(id);
        cues.push({
          start: m.value.index,
          end: m.value.index + m.value[0].length,
          text: m.value[0],
          type: 'red-flag',
          label: id,
        });
        break;
      }
    }
  }
  cues.sort((a, b) => a.start - b.start || b.end - a.end);
  return { controls, kind, cues, redFlags };
}

/**
 * How much the page's topics count beside a claim's own cues and headings. Chosen on the corpus
 * and tuning pages (top-1 rose on both, best at 0.75 of the 0–3 tried); on the held-out pages it
 * moved top-1 from 0.604 to 0.609 and top-3 from 0.759 to 0.789.
 */
const PAGE_WEIGHT = 0.75;

/**
 * How much the topics of a claim's section (the claims under the same headings) count. Chosen on
 * the corpus and tuning pages (0.5 of 0–1.5 tried: corpus top-1 0.896 → 0.903, top-3 0.970 →
 * 0.973; tuning 0.836 → 0.834, 0.959 → 0.968); on the held-out pages it moved top-1 from 0.609 to
 * 0.634 (top-3 0.796 → 0.794).
 */
const SECTION_WEIGHT = 0.5;

/** The page's topics: each control's share of all the claims' own topic scores, the largest as 1. */
export function pageTopics(
  claims: ReadonlyArray<ClaimText>,
  memo: ScoreMemo = scoreMemo(),
): Map<ControlId, number> {
  const totals = new Map<ControlId, number>();
  for (const claim of claims)
    for (const [id, s] of topicsOf(claim.text, memo).scores) totals.set(id, (totals.get(id) ?? 0) + s);
  const top = Math.max(0, ...totals.values());
  const shares = new Map<ControlId, number>();
  if (top > 0) for (const [id, s] of totals) shares.set(id, s / top);
  return shares;
}

/** A claim's section: the same key for claims under the same headings. */
function sectionKey(claim: ClaimText): string {
  return (claim.headingPath ?? []).join('\u0000');
}

/** Suggestions for a page's claims, each read with its neighbours, its section and the page. */
export function classifyClaims(claims: ReadonlyArray<ClaimText>): Suggestion[] {
  const memo = scoreMemo();
  const page = pageTopics(claims, memo);
  const keys = claims.map(sectionKey);
  const sections = new Map<string, ClaimText[]>();
  claims.forEach((claim, i) => {
    const list = sections.get(keys[i] as string);
    if (list) list.push(claim);
    else sections.set(keys[i] as string, [claim]);
  });
  const sectionTopics = new Map([...sections].map(([key, list]) => [key, pageTopics(list, memo)]));
  return claims.map((claim, i) => {
    const neighbours: string[] = [];
    for (const j of [i - 1, i + 1]) {
      const n = claims[j];
      if (n && keys[j] === keys[i]) neighbours.push(n.text);
    }
    return classifyClaim(claim, { neighbours, section: sectionTopics.get(keys[i] as string), page, memo });
  });
}

/** Whether the claim's own words name its first suggested control (a cue of the claim's text for it). */
export function namesItsControl(suggestion: Suggestion): boolean {
  const first = suggestion.controls[0]?.id;
  return suggestion.cues.some((cue) => cue.type === 'control' && cue.label === first);
}
