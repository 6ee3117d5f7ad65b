/**
 * In-page bundle for the import benchmark: restoring a JSON backup through our validation and
 * `restoreBackup`, against a raw Dexie `bulkAdd` of the same rows, both into the page's real
 * IndexedDB, each into a fresh database.
 */
import { parseBackup } from '../../../src/export/backup-schema.ts';
import { ReviewDatabase } from '../../../src/store/db.ts';
import { restoreBackup } from '../../../src/store/restore.ts';

let counter = 0;

async function fresh(): Promise<ReviewDatabase> {
  const db = new ReviewDatabase(`bench-${Date.now()}-${counter++}`);
  await db.open();
  return db;
}

async function drop(db: ReviewDatabase): Promise<void> {
  db.close();
  await db.delete();
}

/** Times one restore of `text` in ms: parsing and validating (with the chain check), then writing. */
async function ours(text: string): Promise<{ parse: number; restore: number }> {
  const db = await fresh();
  const t0 = performance.now();
  const parsed = await parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const t1 = performance.now();
  await restoreBackup(db, parsed.backup, 'merge');
  const t2 = performance.now();
  const claims = await db.claims.count();
  await drop(db);
  if (claims === 0) throw new Error('nothing restored');
  return { parse: t1 - t0, restore: t2 - t1 };
}

/** Times a raw bulkAdd of the backup's rows (already parsed) in one transaction, in ms. */
async function bulkAdd(text: string): Promise<number> {
  const rows = JSON.parse(text) as { reviews: Array<Record<string, unknown[]> & { review: unknown }> };
  const db = await fresh();
  const t0 = performance.now();
  await db.transaction('rw', db.tables, async () => {
    for (const r of rows.reviews) {
      await db.reviews.add(r.review as never);
      await db.sources.bulkAdd(r.sources as never[]);
      await db.claims.bulkAdd(r.claims as never[]);
      await db.assessments.bulkAdd(r.assessments as never[]);
      await db.redFlags.bulkAdd(r.redFlags as never[]);
      await db.notes.bulkAdd(r.notes as never[]);
      await db.events.bulkAdd(r.events as never[]);
    }
  });
  const ms = performance.now() - t0;
  await drop(db);
  return ms;
}

(globalThis as unknown as { __importBench: unknown }).__importBench = { ours, bulkAdd };
