/**
 * Plain-text wording of the live-demo section, shared by Markdown, Jira and HTML so they say the
 * same thing. Everything here returns unescaped text: each format escapes it for its own syntax.
 */
import { DEMO_KIND_LABELS, type DemoBasis } from '../core/demo-records.ts';
import type { ReportDemoEntry, ReportDemoSession, ReportScreenshot } from './demo-log.ts';

/** A demo entry's kind, for people. */
export { DEMO_KIND_LABELS };

/** Whether the vendor said it or showed it, for people. */
export const DEMO_BASIS_LABELS: Record<DemoBasis, string> = { said: 'Said', shown: 'Shown' };

/** The column headings of a demo log table, in order (see `demoEntryCells`). */
export const DEMO_LOG_COLUMNS = [
  'Offset',
  'Wall time',
  'Kind',
  'Said/shown',
  'Control',
  'Entry',
  'Note',
  'Screenshots',
] as const;

/** A session's times in one line, e.g. "Started … · stopped … · run by Dana". */
export function demoSessionText(session: ReportDemoSession): string {
  const stop = session.stoppedAt ? `stopped ${session.stoppedAt}` : 'still running at export';
  const count = session.entries.length === 1 ? '1 entry' : `${session.entries.length} entries`;
  return `Started ${session.startedAt} · ${stop} · run by ${session.by || 'unknown reviewer'} · ${count}`;
}

/** An entry's kind, with the red flag it raised, e.g. "Red flag: Long-lived API keys". */
export function demoKindText(entry: ReportDemoEntry): string {
  const label = DEMO_KIND_LABELS[entry.kind];
  return entry.redFlag ? `${label}: ${entry.redFlag.name}` : label;
}

/** How a report refers to a screenshot: file name and full SHA-256, and the removal if removed. */
export function screenshotText(shot: ReportScreenshot): string {
  const ref = `${shot.fileName} (SHA-256 ${shot.sha256})`;
  if (!shot.removed) return ref;
  const { by, at, reason } = shot.removed;
  return `${ref} removed by ${by || 'unknown reviewer'} at ${at}: ${reason}`;
}

/** A screenshot's capture line, e.g. "Captured 2025-… by Dana · 183,204 bytes". */
export function screenshotCaptureText(shot: ReportScreenshot): string {
  return `Captured ${shot.capturedAt} by ${shot.by || 'unknown reviewer'} · ${shot.size.toLocaleString('en')} bytes`;
}

/** One entry's cells, in the order of `DEMO_LOG_COLUMNS`. */
export function demoEntryCells(entry: ReportDemoEntry): string[] {
  return [
    entry.offset,
    entry.at,
    demoKindText(entry),
    DEMO_BASIS_LABELS[entry.basis],
    entry.control?.name ?? '',
    entry.text,
    entry.note ?? '',
    entry.screenshots.map(screenshotText).join('; '),
  ];
}
