/**
 * Writing a backup: every review's rows exactly as stored, in the current format version, as one
 * compact JSON document. Not pretty-printed: an indent doubles a 10,000-claim backup and slows the
 * write several times over, and nobody reads a backup field by field.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup-schema.ts';
import type { ReviewSnapshot } from './report.ts';

/** The backup document for these snapshots (rows are shared, not copied). */
export function backupDocument(
  snapshots: ReviewSnapshot[],
  app: { name: string; version: string },
  now: Date = new Date(),
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    app: { name: app.name, version: app.version },
    reviews: snapshots,
  };
}

/** The backup as JSON text, ending with a newline; `parseBackup(backupJson(x))` gives back exactly x. */
export function backupJson(
  snapshots: ReviewSnapshot[],
  app: { name: string; version: string },
  now: Date = new Date(),
): string {
  return `${JSON.stringify(backupDocument(snapshots, app, now))}\n`;
}
