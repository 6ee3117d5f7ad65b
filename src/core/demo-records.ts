/**
 * What a live demo keeps: the session (start, stop), the stamp each entry carries on the claim it
 * became, and the screenshots attached to entries. Entries are claims (`origin: 'demo'`) so they
 * reach the checklist, the verdict and every export the same way a page's claims do.
 */
import type { RedFlagId } from './classify/red-flag-cues.ts';
import type { ControlId } from './controls.ts';

/** A live demo inside a review: a running clock from `startedAt` until `stoppedAt`. */
export interface DemoSession {
  id: string;
  reviewId: string;
  /** How the reviewer names it, e.g. "Demo with Acme, 26 Nov". */
  title: string;
  startedAt: string;
  /** Absent while the demo runs. */
  stoppedAt?: string;
  by: string;
}

/** What a demo entry is: a claim for a control (evidence or marketing), a question, a red flag, or a plain note. */
export type DemoEntryKind = 'evidence' | 'marketing' | 'question' | 'red-flag' | 'note';

/** How each entry kind reads, for people. */
export const DEMO_KIND_LABELS: Readonly<Record<DemoEntryKind, string>> = {
  evidence: 'Evidence',
  marketing: 'Marketing',
  question: 'Question',
  'red-flag': 'Red flag',
  note: 'Note',
};

/** Whether the vendor only said it (a promise) or showed it working. */
export type DemoBasis = 'said' | 'shown';

/** The stamp a demo entry carries on its claim; the wall time is the claim's `capturedAt`. */
export interface DemoStamp {
  sessionId: string;
  /** Milliseconds from the session's start to the entry. */
  offsetMs: number;
  kind: DemoEntryKind;
  basis: DemoBasis;
  /** The control the entry speaks to (evidence and marketing entries are assessed for it). */
  control?: ControlId;
  /** For a red-flag entry: which red flag it raised. */
  redFlag?: RedFlagId;
}

/** Image types a screenshot is stored as. */
export type ScreenshotMime = 'image/png' | 'image/jpeg';

/**
 * A screenshot kept as evidence: the image Blob with its SHA-256 and capture time, attached to a
 * demo entry and control. Removing one drops the image but keeps this record (hash, who, why):
 * a removal is an audit event, never a silent delete.
 */
export interface Attachment {
  id: string;
  reviewId: string;
  sessionId?: string;
  /** The entry (claim) it shows. */
  claimId?: string;
  control?: ControlId;
  mime: ScreenshotMime;
  /** Bytes of the image. */
  size: number;
  /** Lowercase hex SHA-256 of the image bytes. */
  sha256: string;
  capturedAt: string;
  by: string;
  /** The captured tab's title and URL, when the browser told us (it does for tabs we may read). */
  tabTitle?: string;
  tabUrl?: string;
  width?: number;
  height?: number;
  /** The image; absent once removed. */
  blob?: Blob;
  /** A small preview for lists (absent when it could not be made: the list then shows the image). */
  thumb?: Blob;
  removed?: { at: string; by: string; reason: string };
}

/** Where a new screenshot goes: the review, and the demo entry and control it shows. */
export interface ScreenshotTarget {
  reviewId: string;
  sessionId?: string;
  claimId?: string;
  control?: ControlId;
}
