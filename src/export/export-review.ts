/**
 * One review to one file, in any format: the single entry point the panel and the CLI share,
 * so both produce byte-for-byte the same export from the same rows.
 */
import type { ChainCheck } from '../core/audit-chain.ts';
import type { ControlId } from '../core/controls.ts';
import { backupJson } from './backup.ts';
import { EXPORT_FORMATS, type ExportFormat, renderReport } from './export-formats.ts';
import { buildReport, type ReviewSnapshot } from './report.ts';

/** An export ready to copy or save. */
export interface ExportFile {
  text: string;
  filename: string;
  mime: string;
}

/** What to export and how. */
export interface ExportRequest {
  format: ExportFormat;
  /** Only these controls (not for JSON, which is a backup of everything). */
  controls?: readonly ControlId[];
  staleClaims?: ReadonlySet<string>;
  chain?: ChainCheck;
  app: { name: string; version: string };
  now?: Date;
}

/** A file name from the vendor's name: letters, digits and dashes only, never empty. */
export function exportFilename(vendor: string, format: ExportFormat, now: Date): string {
  const slug =
    vendor
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'vendor';
  const day = now.toISOString().slice(0, 10);
  const suffix = format === 'json' ? '-backup' : format === 'jira-csv' ? '-jira' : '';
  return `${slug}-review-${day}${suffix}.${EXPORT_FORMATS[format].extension}`;
}

/** Renders one review in the requested format. */
export function exportReview(snapshot: ReviewSnapshot, request: ExportRequest): ExportFile {
  const now = request.now ?? new Date();
  const text =
    request.format === 'json'
      ? backupJson([snapshot], request.app, now)
      : renderReport(
          request.format,
          buildReport(snapshot, {
            now,
            ...(request.controls ? { controls: request.controls } : {}),
            ...(request.staleClaims ? { staleClaims: request.staleClaims } : {}),
            ...(request.chain ? { chain: request.chain } : {}),
          }),
        );
  return {
    text,
    filename: exportFilename(snapshot.review.vendor, request.format, now),
    mime: EXPORT_FORMATS[request.format].mime,
  };
}
