/** The data model shared by the store, the panel and exports (see ARCHITECTURE.md). */

import type { ControlId } from './controls.ts';
import type { Verdict } from './verdict.ts';

/** Which controls a review's checklist covers. */
export type TemplateId = 'ai-readiness' | 'full';

/** One vendor review. */
export interface Review {
  id: string;
  /** The vendor's name as the reviewer wrote it. */
  vendor: string;
  /** Product under review, optional. */
  product: string;
  /** Registrable domains whose pages belong to this review (trust.vendor.com and docs.vendor.com → vendor.com). */
  domains: string[];
  template: TemplateId;
  createdAt: string;
  updatedAt: string;
  /** Controls the reviewer marked not applicable, with the reason. */
  notApplicable?: Partial<Record<ControlId, string>>;
  /** The reviewer's override of the computed verdict, with the required reason. */
  verdictOverride?: { verdict: Verdict; reason: string; by: string; at: string };
}

/** What kind of page a source is. */
export type SourceKind = 'trust-center' | 'docs' | 'policy' | 'other';

/** A page of the vendor's that the review has read. */
export interface Source {
  id: string;
  reviewId: string;
  /** Normalised URL: no fragment, no tracking parameters. */
  url: string;
  title: string;
  kind: SourceKind;
  firstCapturedAt: string;
  lastCapturedAt: string;
  /** Amount of visible text the last time it was read, in characters. */
  textLength: number;
}

/** What the content script reports about a page. */
export interface PageInfo {
  title: string;
  url: string;
  textLength: number;
}

/** A guess at a source's kind from its URL and title; the reviewer can change it. */
export function guessSourceKind(url: string, title: string): SourceKind {
  const text = `${url} ${title}`.toLowerCase();
  if (/trust|security|compliance|safebase|vanta|conveyor|whistic|drata/.test(text)) return 'trust-center';
  if (/privacy|policy|terms|legal|dpa|gdpr|retention/.test(text)) return 'policy';
  if (/docs?\b|documentation|guide|reference|api/.test(text)) return 'docs';
  return 'other';
}
