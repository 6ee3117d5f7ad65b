/** The line under a claim's assessment, written straight into a report (see `claimTagText`). */
import type { ReportClaim } from './report.ts';
import { HEADING_SEPARATOR } from './status-text.ts';
import type { TextWriter } from './text-writer.ts';

/** Writes text that follows other text on its line, escaped for one format. */
export type WriteInline = (w: TextWriter, text: string) => void;

/**
 * `claimTagText(claim)` escaped by `inline`, written to `w` part by part: each field escaped
 * alone gives what escaping the whole line gives, because every fixed part starts and ends with
 * a space and holds nothing any format escapes (a test checks each format against the whole).
 */
export function writeClaimTag(w: TextWriter, claim: ReportClaim, inline: WriteInline): void {
  w.write('tagged by ');
  inline(w, claim.by);
  w.write(' at ');
  inline(w, claim.at);
  const path = claim.headingPath;
  for (let i = 0; i < path.length; i++) {
    w.write(i === 0 ? ' · under ' : HEADING_SEPARATOR);
    inline(w, path[i] as string);
  }
  if (claim.gated) w.write(' · behind request access / NDA');
}
