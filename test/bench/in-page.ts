/**
 * The benchmark's in-page bundle: our extraction, a bare TreeWalker text pass (the baseline), and
 * Mozilla Readability's parse, each timed in the same page in the same run.
 */
import { Readability } from '@mozilla/readability';
import { extractPage } from '../../content/read-page.ts';

/** One timed runner per contender; each returns something so the work cannot be skipped. */
const contenders = {
  walk(): number {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) chars += (n as Text).data.length;
    return chars;
  },
  ours(): number {
    return extractPage(document, location.href, {
      maxClaims: 1e9,
      timeBudgetMs: 600_000,
      maxClaimChars: 2000,
    }).claims.length;
  },
  readability(clone: Document): number {
    return new Readability(clone).parse()?.textContent?.length ?? 0;
  },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Times each contender `runs` times after a warm-up; returns medians in ms and the claim count. */
function run(runs: number): { walk: number; ours: number; readability: number; claims: number } {
  const time = (name: 'walk' | 'ours' | 'readability') => {
    const samples: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      // Readability changes the document it parses: give it a fresh clone, made outside the timing.
      const clone = name === 'readability' ? (document.cloneNode(true) as Document) : document;
      // The page's clock is coarse (0.1 ms): repeat a fast contender until a sample lasts 20 ms.
      let reps = 0;
      const t0 = performance.now();
      let elapsed = 0;
      do {
        contenders[name](name === 'readability' && reps > 0 ? (document.cloneNode(true) as Document) : clone);
        reps++;
        elapsed = performance.now() - t0;
      } while (elapsed < 20 && name !== 'readability');
      if (i > 0) samples.push(elapsed / reps);
    }
    return median(samples);
  };
  return {
    walk: time('walk'),
    ours: time('ours'),
    readability: time('readability'),
    claims: contenders.ours(),
  };
}

(globalThis as { __bench?: unknown }).__bench = { run };
(globalThis as { __ours?: unknown }).__ours = contenders.ours;
