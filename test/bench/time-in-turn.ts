/**
 * How the in-page benchmarks time their contenders (extraction, re-anchoring): each at its steady
 * speed, with samples taken in turn. Runs in the page (bundled into each in-page script) and in Node.
 */

/** The middle value (upper middle for an even count); NaN when there is none. */
export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Calls before timing, at least, and the time they may take at most. Our code reaches its steady
 * speed only after 30–40 calls (extraction on a 238 KB page: 150 ms first, 10–60 ms for the next
 * 30, then 6 ms), so 300 ms of warm-up (about ten calls) timed it mid-way through the JIT's tiering.
 */
export const WARM_UP = { calls: 40, minMs: 300, maxMs: 10_000 };

/** Each contender's samples (ms per call) and how many warm-up calls it had. */
export interface InTurn<K extends string> {
  samples: Record<K, number[]>;
  warmUpCalls: Record<K, number>;
}

/**
 * Warms each contender up (`WARM_UP`), then takes `runs` samples of each, going round them in
 * turn so that drift on a shared machine, and one contender's garbage collected during another's
 * sample, fall on all of them alike. `timedCall(name)` makes one call and returns the ms it took
 * (preparation it leaves out of the timing, such as cloning a document, is not counted).
 */
export function timeInTurn<K extends string>(
  names: readonly K[],
  timedCall: (name: K) => number,
  runs: number,
  warmUp: typeof WARM_UP = WARM_UP,
): InTurn<K> {
  const samples = {} as Record<K, number[]>;
  const warmUpCalls = {} as Record<K, number>;
  for (const name of names) {
    const start = performance.now();
    let calls = 0;
    for (;;) {
      const elapsed = performance.now() - start;
      if ((calls >= warmUp.calls && elapsed >= warmUp.minMs) || elapsed >= warmUp.maxMs) break;
      timedCall(name);
      calls++;
    }
    warmUpCalls[name] = calls;
    samples[name] = [];
  }
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      // The page's clock is coarse (0.1 ms): repeat until a sample lasts 20 ms, and average it.
      let reps = 0;
      let elapsed = 0;
      do {
        elapsed += timedCall(name);
        reps++;
      } while (elapsed < 20);
      samples[name].push(elapsed / reps);
    }
  }
  return { samples, warmUpCalls };
}
