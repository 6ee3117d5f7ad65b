/**
 * The panel benchmark's scan: `count` claims made from the hand-labelled corpus sentences (real
 * lengths and wording, so rows wrap and carry cues, badges and red flags as they would), each
 * made unique, with the real classifier's suggestions. Deterministic.
 */
import type { ExtractedClaim } from '../../../src/core/claim.ts';
import { classifyClaims, type Suggestion } from '../../../src/core/classify/classify-claim.ts';
import type { ControlId } from '../../../src/core/controls.ts';

/** A sentence from the corpus labels and the page it came from. */
export interface SourceSentence {
  text: string;
  page: string;
}

/** How the claims fall into groups: all under one control, or by the classifier's suggestion. */
export type Scenario = 'one-group' | 'spread';

export interface BenchScan {
  claims: ExtractedClaim[];
  suggestions: Record<Scenario, Suggestion[]>;
}

/** The control every claim is put under in the one-group scenario. */
export const ONE_GROUP: ControlId = 'workload-identity';

export function makeScan(sentences: readonly SourceSentence[], count: number): BenchScan {
  const claims: ExtractedClaim[] = [];
  for (let i = 0; i < count; i++) {
    const s = sentences[i % sentences.length] as SourceSentence;
    const text = `${s.text} (item ${i + 1})`;
    claims.push({
      text,
      headingPath: [s.page, `Section ${(i % 37) + 1}`],
      structure: 'sentence',
      selector: {
        exact: text,
        prefix: `before ${i} `,
        suffix: ` after ${i}`,
        start: i * 140,
        end: i * 140 + text.length,
      },
      flags: { inCode: i % 53 === 0, gated: i % 97 === 0, hidden: i % 31 === 0 },
      origin: 'dom',
    });
  }
  const spread = classifyClaims(claims);
  const oneGroup = spread.map((s) => ({
    ...s,
    controls: [{ id: ONE_GROUP, score: 99 }, ...s.controls.filter((c) => c.id !== ONE_GROUP)],
  }));
  return { claims, suggestions: { 'one-group': oneGroup, spread } };
}
