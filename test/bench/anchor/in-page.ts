/**
 * The re-anchoring benchmark's in-page bundle (built into one IIFE by `anchor-bench.ts`):
 * - `prepare` runs the real extraction once on the generated page, picks claims spread across it
 *   and then changes the page the way a vendor's page drifts: most claims untouched, some with a
 *   number edited, some removed (the claim's own element or text, or its whole section);
 * - `run` times, in this page and run, the real `drawHighlights` (index the page text, anchor every
 *   claim — position, then exact quote, then `findChangedText` — and register the highlights with
 *   CSS.highlights) against one bare TreeWalker text pass, and `indexPageText` alone beside them;
 * - `outcomes` checks what each claim came out as (`reanchorClaims`, the path drawHighlights
 *   takes, which also gives each claim's range) against what was planted, and times each claim's
 *   anchorQuote on its own and findChangedText, where it ran, with the place it was given;
 * - `probes` times the approximate and the exact search on pathological inputs.
 */
import { anchorQuote, flatOf } from '../../../content/anchor/anchor-quote.ts';
import { findChangedText } from '../../../content/anchor/approximate.ts';
import { indexPageText, rangeFor, type TextIndex } from '../../../content/anchor/page-text.ts';
import { reanchorClaims } from '../../../content/anchor/reanchor.ts';
import { type ClaimToDraw, drawHighlights } from '../../../content/highlights.ts';
import { extractPage } from '../../../content/read-page.ts';
import type { ExtractedClaim, QuoteSelector } from '../../../src/core/claim.ts';
import { normaliseText } from '../../../src/core/normalise-text.ts';
import { median, timeInTurn } from '../time-in-turn.ts';

/** What the benchmark did to a claim's place on the page. */
export type Planted = 'unchanged' | 'changed' | 'element-removed' | 'section-removed';
export const PLANTED: readonly Planted[] = ['unchanged', 'changed', 'element-removed', 'section-removed'];

export interface PrepareSummary {
  /** Page-text characters (the definition claim positions use) before and after the drift. */
  pageCharsBefore: number;
  pageCharsAfter: number;
  /** Claims the real extraction found, and those with a position in the page text. */
  extracted: number;
  positional: number;
  /** The extraction's page-text length agrees with `indexPageText`'s (positions mean the same). */
  textLengthAgrees: boolean;
  planted: Record<Planted, number>;
  /** Picked claims whose stored position held their quote before the drift (should be all). */
  positionsHeldBefore: number;
  /** Changed or removed claims whose old quote is still somewhere on the page (should be 0). */
  oldQuoteStillOnPage: number;
  /** Changed claims whose new text is not on the page (should be 0). */
  newTextMissing: number;
}

export interface RunFigures {
  /** Medians in ms. */
  walk: number;
  index: number;
  ours: number;
  /** Every sample in ms. */
  walkSamples: number[];
  indexSamples: number[];
  oursSamples: number[];
  /** Calls of drawHighlights in the warm-up (at least one). */
  oursWarmUpCalls: number;
}

export interface ClaimOutcome {
  planted: Planted;
  structure: string;
  status: 'anchored' | 'changed' | 'orphaned' | 'unchecked';
  method?: 'position' | 'quote';
  /** drawHighlights said the same as reanchorClaims run again on the same page. */
  agreesWithDraw: boolean;
  /** Anchored somewhere other than the claim's own (unchanged) text. */
  wrongPlace?: boolean;
  /** Changed: the reported current text is the text planted. */
  textRight?: boolean;
  exact: string;
  currentText?: string;
  expectedText?: string;
  /** One anchorQuote call on its own (the page's clock is 0.1 ms). */
  anchorMs: number;
  /** One findChangedText call (mean of calls repeated for at least 2 ms), when it ran. */
  approxMs?: number;
}

export interface ProbeFigure {
  name: string;
  /** Median of 3 samples, each the mean of calls repeated for at least 20 ms, after one warm-up call. */
  ms: number;
  /** Characters the search looked through: its region, or the whole page text. */
  chars: number;
  result: string;
}

export interface AnchorBenchPage {
  prepare(want: { total: number; changed: number; removed: number }): PrepareSummary;
  run(runs: number): RunFigures;
  outcomes(): ClaimOutcome[];
  probes(): ProbeFigure[];
  /** The claims as drawHighlights gets them (after `prepare`). */
  claims(): ClaimToDraw[];
  /**
   * One call in a freshly loaded copy of the drifted page, in ms — what a reviewer's later visit
   * does: `walk`, the bare text pass; `ours`, drawHighlights for these claims, with the reports' counts.
   */
  firstCall(
    name: 'walk' | 'ours',
    claims: ClaimToDraw[],
  ): { ms: number; anchored: number; changed: number; orphaned: number };
}

interface Plant {
  claim: ClaimToDraw;
  planted: Planted;
  structure: string;
  expectedText?: string;
  /** Unchanged claims: a live range over the claim's text, which follows the DOM through the drift. */
  place?: Range;
}

let plants: Plant[] = [];
const noop = () => {};
const now = () => performance.now();

interface Candidate {
  claim: ExtractedClaim;
  start: number;
  end: number;
  section: Element | null;
}

function prepare(want: { total: number; changed: number; removed: number }): PrepareSummary {
  const extraction = extractPage(document, location.href, {
    maxClaims: 1e9,
    timeBudgetMs: 600_000,
    maxClaimChars: 2000,
  });
  const index = indexPageText(document);
  const flat = normaliseText(index.text);
  const cands: Candidate[] = [];
  for (const claim of extraction.claims) {
    const { start, end } = claim.selector;
    if (start === undefined || end === undefined) continue;
    const range = rangeFor(index, document, start, end);
    const host = range?.startContainer.parentElement ?? null;
    cands.push({ claim, start, end, section: host?.closest('section') ?? null });
  }
  const n = cands.length;
  const unique = new Map<number, boolean>();
  const isUnique = (i: number) => {
    let u = unique.get(i);
    if (u === undefined) {
      const exact = (cands[i] as Candidate).claim.selector.exact;
      const first = flat.indexOf(exact);
      u = first >= 0 && flat.indexOf(exact, first + 1) < 0;
      unique.set(i, u);
    }
    return u;
  };
  // findChangedText needs both surroundings (8 characters or more) to say "changed".
  const hasAffixes = (c: Candidate) =>
    c.claim.selector.prefix.length >= 8 && c.claim.selector.suffix.length >= 8;

  const used = new Set<number>();
  /** Sections near a planted change or removal: no other planted claim goes in them. */
  const reserved = new Set<Element>();
  /** Sections that hold a planted claim: no unchanged claim is picked from them. */
  const plantedSections = new Set<Element>();
  const nearest = (target: number, ok: (c: Candidate, i: number) => boolean): number => {
    for (let d = 0; d < n; d++) {
      for (const i of [target + d, target - d]) {
        if (i < 0 || i >= n || used.has(i)) continue;
        if (ok(cands[i] as Candidate, i)) return i;
      }
    }
    throw new Error(`no claim left near ${target} for the plan`);
  };
  const chosen: Array<{ i: number; planted: Planted }> = [];
  const reserve = (section: Element) => {
    reserved.add(section);
    plantedSections.add(section);
    if (section.previousElementSibling) reserved.add(section.previousElementSibling);
    if (section.nextElementSibling) reserved.add(section.nextElementSibling);
  };
  const plantable = (c: Candidate, i: number) =>
    c.section !== null && !reserved.has(c.section) && hasAffixes(c) && isUnique(i);
  for (let k = 0; k < want.removed; k++) {
    const i = nearest(Math.floor(((k + 0.75) * n) / want.removed), plantable);
    used.add(i);
    reserve((cands[i] as Candidate).section as Element);
    chosen.push({ i, planted: k % 2 === 0 ? 'element-removed' : 'section-removed' });
  }
  for (let k = 0; k < want.changed; k++) {
    const i = nearest(
      Math.floor(((k + 0.25) * n) / want.changed),
      (c, j) => /\d/.test(c.claim.selector.exact) && plantable(c, j),
    );
    used.add(i);
    reserve((cands[i] as Candidate).section as Element);
    chosen.push({ i, planted: 'changed' });
  }
  const unchanged = want.total - want.changed - want.removed;
  for (let k = 0; k < unchanged; k++) {
    const i = nearest(
      Math.floor(((k + 0.5) * n) / unchanged),
      (c) => c.section === null || !plantedSections.has(c.section),
    );
    used.add(i);
    chosen.push({ i, planted: 'unchanged' });
  }
  chosen.sort((a, b) => a.i - b.i);

  let positionsHeldBefore = 0;
  plants = chosen.map(({ i, planted }, k) => {
    const c = cands[i] as Candidate;
    if (normaliseText(index.text.slice(c.start, c.end)) === c.claim.selector.exact) positionsHeldBefore++;
    const tone = (['evidence', 'marketing', 'neutral'] as const)[k % 3] as ClaimToDraw['tone'];
    const plant: Plant = {
      claim: { id: `c${String(k).padStart(4, '0')}`, selector: { ...c.claim.selector }, tone },
      planted,
      structure: c.claim.structure,
    };
    if (planted === 'unchanged') plant.place = rangeFor(index, document, c.start, c.end) ?? undefined;
    return plant;
  });

  // The drift, last first: each change touches only text at or after its claim, so the index's
  // nodes and offsets still hold for the claims before it.
  const byClaim = new Map(plants.map((p, k) => [p, cands[(chosen[k] as { i: number }).i] as Candidate]));
  for (const plant of [...plants].reverse()) {
    const c = byClaim.get(plant) as Candidate;
    if (plant.planted === 'unchanged') continue;
    if (plant.planted === 'section-removed') {
      (c.section as Element).remove();
      continue;
    }
    const range = rangeFor(index, document, c.start, c.end);
    if (!range) throw new Error(`no range for ${plant.claim.id}`);
    if (plant.planted === 'element-removed') {
      const owner = range.startContainer.parentElement;
      const element =
        plant.structure === 'list-item'
          ? owner?.closest('li')
          : plant.structure === 'table-row'
            ? owner?.closest('tr')
            : null;
      if (element) element.remove();
      else range.deleteContents();
      continue;
    }
    // A number edited: the last number in the claim (within one text node), one up.
    const last = lastNumber(index, c.start, c.end);
    if (!last) throw new Error(`no number in ${plant.claim.id}`);
    const edited = String(Number(last.digits) + 1);
    last.node.replaceData(last.offset, last.digits.length, edited);
    const raw = index.text.slice(c.start, c.end);
    const at = last.at - c.start;
    plant.expectedText = normaliseText(raw.slice(0, at) + edited + raw.slice(at + last.digits.length));
  }

  const after = normaliseText(indexPageText(document).text);
  const planted = Object.fromEntries(PLANTED.map((p) => [p, 0])) as Record<Planted, number>;
  let oldQuoteStillOnPage = 0;
  let newTextMissing = 0;
  for (const p of plants) {
    planted[p.planted]++;
    if (p.planted !== 'unchanged' && after.includes(p.claim.selector.exact)) oldQuoteStillOnPage++;
    if (p.expectedText !== undefined && !after.includes(p.expectedText)) newTextMissing++;
  }
  return {
    pageCharsBefore: index.text.length,
    pageCharsAfter: indexPageText(document).text.length,
    extracted: extraction.claims.length,
    positional: n,
    textLengthAgrees: extraction.stats.textLength === index.text.length,
    planted,
    positionsHeldBefore,
    oldQuoteStillOnPage,
    newTextMissing,
  };
}

/** The last run of digits inside [start, end) of the page text that sits in one text node. */
function lastNumber(
  index: TextIndex,
  start: number,
  end: number,
): { node: Text; offset: number; digits: string; at: number } | null {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((index.starts[mid] ?? 0) <= start) lo = mid;
    else hi = mid - 1;
  }
  let found: { node: Text; offset: number; digits: string; at: number } | null = null;
  for (let k = lo; k < index.nodes.length && (index.starts[k] ?? end) < end; k++) {
    const node = index.nodes[k] as Text;
    const nodeStart = index.starts[k] as number;
    const from = Math.max(0, start - nodeStart);
    const to = Math.min(node.data.length, end - nodeStart);
    for (const m of node.data.slice(from, to).matchAll(/\d+/g)) {
      const offset = from + (m.index ?? 0);
      found = { node, offset, digits: m[0], at: nodeStart + offset };
    }
  }
  return found;
}

const contenders = {
  walk(): number {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) chars += (n as Text).data.length;
    return chars;
  },
  index(): number {
    return indexPageText(document).text.length;
  },
  ours(): number {
    return drawHighlights(
      document,
      plants.map((p) => p.claim),
      noop,
    ).length;
  },
};

function run(runs: number): RunFigures {
  const { samples, warmUpCalls } = timeInTurn(
    ['walk', 'index', 'ours'] as const,
    (name) => {
      const t0 = now();
      contenders[name]();
      return now() - t0;
    },
    runs,
  );
  return {
    walk: median(samples.walk),
    index: median(samples.index),
    ours: median(samples.ours),
    walkSamples: samples.walk,
    indexSamples: samples.index,
    oursSamples: samples.ours,
    oursWarmUpCalls: warmUpCalls.ours,
  };
}

/** The anchor lies within the claim's own place (which may carry whitespace at its ends). */
const within = (anchor: Range, place: Range) =>
  place.compareBoundaryPoints(Range.START_TO_START, anchor) <= 0 &&
  place.compareBoundaryPoints(Range.END_TO_END, anchor) >= 0;

/** Repeats a call until `minMs` have passed; the mean per call in ms. */
function meanOf(fn: () => unknown, minMs: number): number {
  let reps = 0;
  let elapsed = 0;
  do {
    const t0 = now();
    fn();
    elapsed += now() - t0;
    reps++;
  } while (elapsed < minMs);
  return elapsed / reps;
}

function outcomes(): ClaimOutcome[] {
  const reports = drawHighlights(
    document,
    plants.map((p) => p.claim),
    noop,
  );
  // The same path drawHighlights takes, so each claim's range can be checked against its place.
  const index = indexPageText(document);
  const results = reanchorClaims(
    document,
    index,
    plants.map((p) => p.claim.selector),
  );
  const flat = flatOf(index).text;
  return plants.map((plant, k) => {
    const { selector } = plant.claim;
    const t0 = now();
    anchorQuote(document, index, selector);
    const anchorMs = now() - t0;
    const base = { planted: plant.planted, structure: plant.structure, exact: selector.exact, anchorMs };
    const report = reports[k];
    const r = results[k] ?? { status: 'unchecked' as const };
    const place = r.changedPlace;
    const approxMs = place ? meanOf(() => findChangedText(flat, selector, place), 2) : undefined;
    const timing = approxMs !== undefined ? { approxMs } : {};
    if (r.status === 'anchored' && r.range) {
      return {
        ...base,
        status: 'anchored' as const,
        ...(r.method ? { method: r.method } : {}),
        agreesWithDraw: report?.status === 'anchored' && report.method === r.method,
        wrongPlace: plant.place ? !within(r.range, plant.place) : true,
      };
    }
    if (r.status !== 'changed')
      return { ...base, status: r.status, agreesWithDraw: report?.status === r.status, ...timing };
    const currentText = (r.currentText ?? '').slice(0, 2000);
    return {
      ...base,
      status: 'changed' as const,
      agreesWithDraw: report?.status === 'changed' && report.currentText === currentText,
      currentText,
      ...(plant.expectedText !== undefined ? { expectedText: plant.expectedText } : {}),
      textRight: currentText === plant.expectedText,
      ...timing,
    };
  });
}

/** Median of 3 samples (each repeated for at least 20 ms) after one warm-up call. */
function timeProbe(fn: () => unknown): number {
  fn();
  return median([meanOf(fn, 20), meanOf(fn, 20), meanOf(fn, 20)]);
}

function probes(): ProbeFigure[] {
  const index = indexPageText(document);
  const text = index.text;
  const mid = Math.floor(text.length / 2);
  const out: ProbeFigure[] = [];
  const changedResult = (r: { text: string } | null) =>
    r ? `changed, current text ${JSON.stringify(r.text.slice(0, 40))}…` : 'orphaned';
  // findChangedText reads normalised page text: the real page's, or a string already normalised.
  const approx = (name: string, pageText: string, selector: QuoteSelector) => {
    const ms = timeProbe(() => findChangedText(pageText, selector));
    // The characters its searches looked through, as charged to its budget.
    let chars = 0;
    const counting = {
      spend: (n: number) => {
        chars += n;
        return true;
      },
      exhausted: false,
    };
    const result = changedResult(findChangedText(pageText, selector, undefined, counting));
    out.push({ name, ms, chars, result });
  };
  // Every section's table starts with the same header, so this prefix has a near-match in every section.
  const header = normaliseText(text).match(/Credential\s*Lifetime\s*Revocation\s*Token/)?.[0] ?? 'Credential';
  const flat = flatOf(index).text;
  approx('approximate: prefix in every section, suffix nowhere', flat, {
    exact: 'A sentence that is no longer on the page at all.',
    prefix: header,
    suffix: 'a suffix that is on no page anywhere',
    start: mid,
    end: mid + 48,
  });
  approx('approximate: the largest selector the protocol allows (4096/256/256)', flat, {
    exact: 'x'.repeat(4096),
    prefix: normaliseText(text.slice(mid - 2000, mid)).slice(-256),
    suffix: 'z'.repeat(256),
    start: mid,
    end: mid + 4096,
  });
  const as = 'a'.repeat(1 << 20);
  approx('approximate: 1 MB of "a", adversarial suffix "a…ab" (256)', as, {
    exact: 'a'.repeat(4096),
    prefix: 'a'.repeat(256),
    suffix: `${'a'.repeat(255)}b`,
    start: as.length >> 1,
    end: (as.length >> 1) + 4096,
  });

  const exactProbe = (name: string, idx: TextIndex, selector: QuoteSelector) => {
    const ms = timeProbe(() => anchorQuote(document, idx, selector));
    const a = anchorQuote(document, idx, selector);
    const flatText = normaliseText(idx.text);
    let occurrences = 0;
    for (let at = flatText.indexOf(selector.exact); at >= 0; at = flatText.indexOf(selector.exact, at + 1))
      occurrences++;
    out.push({
      name,
      ms,
      chars: idx.text.length,
      result: `${a ? `anchored (${a.method})` : 'not found'}; ${occurrences.toLocaleString('en')} places hold the quote`,
    });
  };
  const repeated = 'Access tokens expire after 60 minutes and can be revoked from Settings › API tokens.';
  exactProbe('exact: a quote in every section, no position, affixes nowhere (real page)', index, {
    exact: repeated,
    prefix: 'a prefix that is on no page at all',
    suffix: 'a suffix that is on no page at all',
  });
  const words = 'a '.repeat(1 << 19);
  const node = document.createTextNode(words);
  exactProbe(
    'exact: 1 MB of "a a a…", a 13-character quote that matches everywhere',
    {
      nodes: [node],
      starts: [0],
      text: words,
    },
    { exact: 'a a a a a a a', prefix: 'b b b b', suffix: 'c c c c' },
  );
  return out;
}

function firstCall(name: 'walk' | 'ours', claims: ClaimToDraw[]) {
  let reports: ReturnType<typeof drawHighlights> = [];
  const t0 = now();
  if (name === 'ours') reports = drawHighlights(document, claims, noop);
  else contenders.walk();
  const ms = now() - t0;
  const count = (status: string) => reports.filter((r) => r.status === status).length;
  return { ms, anchored: count('anchored'), changed: count('changed'), orphaned: count('orphaned') };
}

const api: AnchorBenchPage = {
  prepare,
  run,
  outcomes,
  probes,
  claims: () => plants.map((p) => p.claim),
  firstCall,
};
(globalThis as { __anchorBench?: AnchorBenchPage }).__anchorBench = api;
