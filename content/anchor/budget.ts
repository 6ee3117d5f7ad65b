/**
 * The work re-anchoring may do on the page's main thread: a deadline and a count of characters
 * the searches may still look through. Once either runs out, the claims not reached are reported
 * "unchecked" instead of blocking the tab.
 */

/** A shared budget of time and characters compared. */
export interface Budget {
  /** Takes `chars` from the budget; false (and nothing taken) when that would overdraw it or time is up. */
  spend(chars: number): boolean;
  /** True once the deadline has passed or a spend was refused. */
  readonly exhausted: boolean;
}

/** Reading the clock costs about a microsecond: it is read on every 16th question only. */
const CLOCK_EVERY = 16;

/** A budget of `ms` from now and `chars` characters. */
export function createBudget(ms: number, chars: number, now: () => number = () => performance.now()): Budget {
  const deadline = now() + ms;
  let left = chars;
  let out = false;
  let asked = 0;
  // The first question reads it too: a budget that is already spent says so at once.
  const late = () => ++asked % CLOCK_EVERY === 1 && now() > deadline;
  return {
    spend(n) {
      if (out || n > left || late()) {
        out = true;
        return false;
      }
      left -= n;
      return true;
    },
    get exhausted() {
      if (!out && late()) out = true;
      return out;
    },
  };
}

/** A budget that never runs out (single lookups, tests). */
export const UNBOUNDED: Budget = { spend: () => true, exhausted: false };
