/**
 * What a review keeps beyond its pages: the claims the reviewer acted on, their assessments per
 * control, red flags, notes. (Reviews and sources are in `review.ts`.)
 */
import type { ExtractedClaim } from './claim.ts';
import type { Suggestion } from './classify/classify-claim.ts';
import type { RedFlagId } from './classify/red-flag-cues.ts';
import type { AssessmentVerdict } from './control-status.ts';
import type { ControlId } from './controls.ts';
import type { DemoStamp } from './demo-records.ts';

/** How a claim entered the review. */
export type ClaimOrigin = 'extracted' | 'selection' | 'demo';

/** A claim kept in a review: what the page said, where, when, and what was suggested for it. */
export interface StoredClaim {
  id: string;
  reviewId: string;
  sourceId: string;
  /** The page the claim is on (normalised URL). */
  url: string;
  text: string;
  headingPath: string[];
  structure: ExtractedClaim['structure'];
  context?: string;
  selector: ExtractedClaim['selector'];
  fragment?: string;
  flags: ExtractedClaim['flags'];
  origin: ClaimOrigin;
  suggestion?: Suggestion;
  capturedAt: string;
  /** How the claim fared the last time its page was re-read: stale evidence shows off the page too. */
  pageCheck?: PageCheck;
  /** For an entry logged during a live demo: its session, offset, kind and said/shown. */
  demo?: DemoStamp;
}

/** A claim re-anchored on a later visit: still there, changed (with the text now there), or gone. */
export interface PageCheck {
  status: 'anchored' | 'changed' | 'orphaned';
  currentText?: string;
  at: string;
}

export type { AssessmentVerdict };

/** One claim × control decision. */
export interface Assessment {
  id: string;
  reviewId: string;
  claimId: string;
  control: ControlId;
  verdict: AssessmentVerdict;
  by: string;
  at: string;
}

/** A red flag the reviewer raised, tied to the claim that shows it (if any). */
export interface RedFlagRecord {
  id: string;
  reviewId: string;
  claimId?: string;
  flag: RedFlagId;
  note: string;
  resolved: boolean;
  by: string;
  at: string;
}

/** Where a note belongs: the review, a control, a claim, or the follow-up questions drafted for the vendor. */
export type NoteScope = 'review' | 'follow-up' | `control:${ControlId}` | `claim:${string}`;

/** A note, saved as the reviewer types. */
export interface Note {
  id: string;
  reviewId: string;
  scope: NoteScope;
  text: string;
  at: string;
}

/** A stored claim seen as an extracted one (to list it with the scan's components). */
export function extractedOf(c: StoredClaim): ExtractedClaim {
  return {
    text: c.text,
    headingPath: c.headingPath,
    structure: c.structure,
    ...(c.context ? { context: c.context } : {}),
    selector: c.selector,
    ...(c.fragment ? { fragment: c.fragment } : {}),
    flags: c.flags,
    origin: 'dom',
  };
}
