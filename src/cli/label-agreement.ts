/**
 * How far two labellers agree on the same claims: the ceiling a classifier can be held to. A
 * second labeller labels the claims of `labels/` blind, one for one and in the same order, in
 * `second-labels/`.
 */
import type { ControlId } from '../core/controls.ts';

/** One hand label, as the label files keep it. */
export interface Label {
  text: string;
  control: ControlId;
  also?: ControlId[];
  kind: 'evidence' | 'marketing';
}

/** Counts of claims two labellers agree on. */
export interface Agreement {
  claims: number;
  /** The second's control is the first's or one the first says the claim also bears on. */
  secondInFirst: number;
  /** The same, the other way round. */
  firstInSecond: number;
  /** The same control first. */
  sameControl: number;
  /** The same evidence / marketing call. */
  sameKind: number;
}

/** No claims yet. */
export function noAgreement(): Agreement {
  return { claims: 0, secondInFirst: 0, firstInSecond: 0, sameControl: 0, sameKind: 0 };
}

/**
 * Adds one page's two label lists to `tally`. They must label the same claims in the same order:
 * anything else is a broken fixture, and `page` names it.
 */
export function addAgreement(
  tally: Agreement,
  first: readonly Label[],
  second: readonly Label[],
  page: string,
): void {
  if (first.length !== second.length)
    throw new Error(`${page}: ${first.length} first labels but ${second.length} second labels`);
  first.forEach((a, i) => {
    const b = second[i] as Label;
    if (a.text !== b.text)
      throw new Error(`${page}: label ${i + 1} is for another claim in the second labels`);
    tally.claims++;
    if (a.control === b.control || a.also?.includes(b.control)) tally.secondInFirst++;
    if (a.control === b.control || b.also?.includes(a.control)) tally.firstInSecond++;
    if (a.control === b.control) tally.sameControl++;
    if (a.kind === b.kind) tally.sameKind++;
  });
}
