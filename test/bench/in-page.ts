/**
 * The benchmark's in-page bundle: our extraction, a bare TreeWalker text pass (the baseline), and
 * Mozilla Readability's parse, each timed in the same page in the same run.
 */
import { Readability } from '@mozilla/readability';
import { extractPage } from '../../content/read-page.ts';
import { median, timeInTurn } from './time-in-turn.ts';

type Contender = 'walk' | 'ours' | 'readability';

/** One timed runner per contender; each returns something so the work cannot be skipped. */
const contenders: Record<Contender, (doc: Document) => number> = {
  walk(doc) {
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) chars += (n as Text).data.length;
    return chars;
  },
  ours(doc) {
    return extractPage(doc, location.href, {
      maxClaims: 1e9,
      timeBudgetMs: 600_000,
      maxClaimChars: 2000,
    }).claims.length;
  },
  readability(clone) {
    return new Readability(clone).parse()?.textContent?.length ?? 0;
  },
};

/** Readability changes the document it parses: each of its calls gets a fresh clone (not timed). */
const inputFor = (name: Contender) =>
  name === 'readability' ? (document.cloneNode(true) as Document) : document;

/** One call of a contender, in ms; the clone Readability gets is made before the clock starts. */
function timedCall(name: Contender): number {
  const input = inputFor(name);
  const t0 = performance.now();
  contenders[name](input);
  return performance.now() - t0;
}

/** Warm figures: medians in ms of each contender at its steady speed (`timeInTurn`), and the claim count. */
function run(runs: number): Record<Contender, number> & { claims: number } {
  const { samples } = timeInTurn(['walk', 'ours', 'readability'] as const, timedCall, runs);
  return {
    walk: median(samples.walk),
    ours: median(samples.ours),
    readability: median(samples.readability),
    claims: contenders.ours(document),
  };
}

// `cold`: one call, made first thing in a freshly loaded tab by the bench — what a reviewer's
// browser does on each page (the content script runs once, before the JIT has seen it).
(globalThis as { __bench?: unknown }).__bench = { run, cold: timedCall };
