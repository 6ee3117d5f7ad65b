import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { backupJson } from '../export/backup.ts';
import { parseBackup } from '../export/backup-schema.ts';
import { exportFilename } from '../export/export-review.ts';
import { loadSettings } from '../platform/settings.ts';
import { database } from '../store/db.ts';
import { type RestoreReport, restoreBackup } from '../store/restore.ts';
import { readAllSnapshots } from '../store/review-snapshot.ts';
import { ErrorLine } from '../ui/ErrorLine.tsx';
import { saveFile } from '../ui/save-file.ts';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'working'; what: string }
  | { kind: 'failed'; error: string }
  | { kind: 'saved'; message: string }
  | { kind: 'restored'; report: RestoreReport; warnings: string[]; migratedFrom?: number };

/** Back up every review to one JSON file, and restore one: merged by id, or as a copy. */
export function BackupRestore() {
  const [mode, setMode] = useState<'merge' | 'copy'>('merge');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const backUp = async () => {
    setOutcome({ kind: 'working', what: 'Writing the backup…' });
    try {
      const snapshots = await readAllSnapshots(database());
      const manifest = browser.runtime.getManifest();
      const now = new Date();
      const text = backupJson(snapshots, { name: manifest.name, version: manifest.version }, now);
      const filename = exportFilename('all-vendors', 'json', now);
      setOutcome({
        kind: 'saved',
        message: `${saveFile({ text, filename, mime: 'application/json' })} ${snapshots.length} review(s).`,
      });
    } catch (error) {
      setOutcome({ kind: 'failed', error: `Could not write the backup: ${String(error)}` });
    }
  };

  const restore = async (event: Event) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem(
      'backup-file',
    ) as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) {
      setOutcome({ kind: 'failed', error: 'Choose a backup file first.' });
      return;
    }
    setOutcome({ kind: 'working', what: `Reading ${file.name}…` });
    try {
      const parsed = await parseBackup(await file.text());
      if (!parsed.ok) {
        setOutcome({
          kind: 'failed',
          error: `${file.name} was not restored, nothing changed: ${parsed.error}`,
        });
        return;
      }
      const { reviewerName } = await loadSettings();
      const report = await restoreBackup(database(), parsed.backup, mode, new Date(), reviewerName);
      setOutcome({
        kind: 'restored',
        report,
        warnings: parsed.warnings,
        ...(parsed.migratedFrom ? { migratedFrom: parsed.migratedFrom } : {}),
      });
    } catch (error) {
      setOutcome({
        kind: 'failed',
        error: `${file.name} was not restored, nothing changed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      <p class="muted">
        A backup is one JSON file with every review, its claims, notes, red flags and audit trail. Restoring
        checks the whole file first and writes all of it or nothing.
      </p>
      <button type="button" id="backup-all" onClick={() => void backUp()}>
        Back up all reviews
      </button>
      <form class="stack" id="restore-form" onSubmit={restore}>
        <label>
          Backup file
          <input type="file" name="backup-file" accept=".json,application/json" />
        </label>
        <fieldset>
          <legend>When a review in the backup is already here</legend>
          <label class="row">
            <input
              type="radio"
              name="mode"
              value="merge"
              checked={mode === 'merge'}
              onChange={() => setMode('merge')}
            />
            Merge by id: the newer version of each record wins
          </label>
          <label class="row">
            <input
              type="radio"
              name="mode"
              value="copy"
              checked={mode === 'copy'}
              onChange={() => setMode('copy')}
            />
            Restore as a copy beside what is here
          </label>
        </fieldset>
        <div class="row">
          <button type="submit" class="primary" id="restore-submit">
            Restore
          </button>
        </div>
      </form>
      {outcome.kind === 'working' && (
        <p role="status">
          <progress /> {outcome.what}
        </p>
      )}
      <ErrorLine message={outcome.kind === 'failed' ? outcome.error : null} />
      {outcome.kind === 'saved' && <p role="status">{outcome.message}</p>}
      {outcome.kind === 'restored' && <RestoreSummary {...outcome} />}
    </section>
  );
}

function RestoreSummary({
  report,
  warnings,
  migratedFrom,
}: {
  report: RestoreReport;
  warnings: string[];
  migratedFrom?: number;
}) {
  return (
    <div role="status" id="restore-report" class="notice">
      <p>
        Restored ({report.mode === 'merge' ? 'merged by id' : 'as a copy'})
        {migratedFrom ? `, upgraded from backup version ${migratedFrom}` : ''}.
      </p>
      <ul>
        {report.reviews.map((line) => (
          <li key={line.reviewId}>
            {restoreLine(line)}
            {line.notes.map((n) => (
              <div key={n} class="muted">
                {n}
              </div>
            ))}
          </li>
        ))}
      </ul>
      {warnings.map((w) => (
        <p key={w} class="error">
          {w}
        </p>
      ))}
    </div>
  );
}

function restoreLine(line: RestoreReport['reviews'][number]): string {
  return `${line.vendor}: ${line.added} added, ${line.updated} updated, ${line.skipped} skipped`;
}
