/** What extraction produces: claims found on a vendor page, with everything needed to find them again. */

/** The structure a claim came from on the page. */
export type StructureKind =
  | 'sentence'
  | 'list-item'
  | 'table-row'
  | 'definition'
  | 'accordion'
  | 'callout'
  | 'code'
  | 'structured';

/** A quote selector: the exact text and its surroundings (and, when known, its position in the page text). */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets in the page's text (the document body's text nodes, scripts and styles left out). */
  start?: number;
  end?: number;
}

/** Facts about where a claim sits that change how a reviewer reads it. */
export interface ClaimFlags {
  /** Inside a code block (`pre`): an example or a log line, not prose. */
  inCode: boolean;
  /** Behind "request access", an NDA or "available on request": a badge, not the report. */
  gated: boolean;
  /** Not visible until opened (a collapsed accordion, a hidden tab). */
  hidden: boolean;
}

/** Where a claim came from: the page's DOM, or a trust-center platform's structured data. */
export type ClaimOrigin = 'dom' | 'safebase' | 'conveyor';

/** A claim found on a page. */
export interface ExtractedClaim {
  /** Normalised text. */
  text: string;
  /** h1 › h2 › h3 above the claim. */
  headingPath: string[];
  structure: StructureKind;
  /** The table's header cells, the FAQ question, or the defined term the claim answers. */
  context?: string;
  selector: QuoteSelector;
  /** A `:~:text=` directive, present only when the quote is unique on the page. */
  fragment?: string;
  flags: ClaimFlags;
  origin: ClaimOrigin;
}

/** The trust-center platform a page shows, if any. */
export type Platform = 'safebase' | 'conveyor' | 'vanta' | 'generic';

/** The result of reading one page. */
export interface Extraction {
  url: string;
  title: string;
  platform: Platform;
  claims: ExtractedClaim[];
  /** Why extraction stopped early (too many claims, time budget), if it did. */
  truncated?: string;
  /** Whether the page had stopped changing before it was read (or the wait hit its bound). */
  settled?: boolean;
  stats: { elements: number; textLength: number; ms: number };
}
