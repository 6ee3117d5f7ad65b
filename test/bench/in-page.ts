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
    const fresh = () => (name === 'readability' ? (document.cloneNode(true) as Document) : document);
    // Warm up for 300 ms first: the JIT needs many calls before code runs at its steady speed.
    for (const until = performance.now() + 300; performance.now() < until; ) contenders[name](fresh());
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      // The page's clock is coarse (0.1 ms): repeat until a sample lasts 20 ms, and average it.
      // Readability changes the document it parses, so each of its calls gets a fresh clone;
      // cloning is not timed.
      let reps = 0;
      let elapsed = 0;
      do {
        const input = fresh();
        const t0 = performance.now();
        contenders[name](input);
        elapsed += performance.now() - t0;
        reps++;
      } while (elapsed < 20);
      samples.push(elapsed / reps);
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
