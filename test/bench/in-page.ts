/**
 * The benchmark's in-page bundle: our extraction, a bare TreeWalker text pass (the baseline), and
 * Mozilla Readability's parse, each timed in the same page in the same run.
 */
import { Readability } from '@mozilla/readability';
import { extractPage } from '../../content/read-page.ts';

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Calls before timing, at least, and the time they may take at most. Our extraction reaches its
 * steady speed only after 30–40 calls (a 238 KB page: 150 ms first, 10–60 ms for the next 30, then
 * 6 ms), so 300 ms of warm-up (about ten calls) timed it mid-way through the JIT's tiering.
 */
const WARM_UP = { calls: 40, minMs: 300, maxMs: 10_000 };

/**
 * Warm figures: medians in ms of each contender at its steady speed, and the claim count. After
 * the warm-up, the samples go round the contenders in turn, so drift on a shared machine (and one
 * contender's garbage collected during another's sample) falls on all of them alike.
 */
function run(runs: number): Record<Contender, number> & { claims: number } {
  const names: Contender[] = ['walk', 'ours', 'readability'];
  for (const name of names) {
    const start = performance.now();
    for (let calls = 0; ; calls++) {
      const elapsed = performance.now() - start;
      if ((calls >= WARM_UP.calls && elapsed >= WARM_UP.minMs) || elapsed >= WARM_UP.maxMs) break;
      contenders[name](inputFor(name));
    }
  }
  const samples: Record<Contender, number[]> = { walk: [], ours: [], readability: [] };
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      // The page's clock is coarse (0.1 ms): repeat until a sample lasts 20 ms, and average it.
      let reps = 0;
      let elapsed = 0;
      do {
        const input = inputFor(name);
        const t0 = performance.now();
        contenders[name](input);
        elapsed += performance.now() - t0;
        reps++;
      } while (elapsed < 20);
      samples[name].push(elapsed / reps);
    }
  }
  return {
    walk: median(samples.walk),
    ours: median(samples.ours),
    readability: median(samples.readability),
    claims: contenders.ours(document),
  };
}

/**
 * One contender's first call in a freshly loaded tab, in ms: what a reviewer's browser does on
 * each page (the content script runs once, before the JIT has seen it).
 */
function cold(name: Contender): number {
  const input = inputFor(name);
  const t0 = performance.now();
  contenders[name](input);
  return performance.now() - t0;
}

(globalThis as { __bench?: unknown }).__bench = { run, cold };
