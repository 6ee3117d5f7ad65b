import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { verifyChain } from '../core/audit-chain.ts';
import type { ControlId } from '../core/controls.ts';
import { CONTROLS } from '../core/controls.ts';
import type { Review } from '../core/review.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../export/export-formats.ts';
import { type ExportFile, exportReview } from '../export/export-review.ts';
import { database } from '../store/db.ts';
import { readSnapshot } from '../store/review-snapshot.ts';
import { ErrorLine } from '../ui/ErrorLine.tsx';
import { copyText, saveFile } from '../ui/save-file.ts';

type Job =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; file: ExportFile }
  | { kind: 'failed'; error: string };

const PREVIEW_CHARS = 200_000;

/**
 * Export the review: pick a format and, optionally, controls; preview; copy or save. Reads the
 * rows fresh from the database so the export is what is stored, not what the panel last drew.
 */
export function ExportSection({
  review,
  controls,
  staleClaims,
}: {
  review: Review;
  /** The checklist's controls, in order. */
  controls: readonly ControlId[];
  staleClaims: ReadonlySet<string>;
}) {
  const [format, setFormat] = useState<ExportFormat>('md');
  const [chosen, setChosen] = useState<ReadonlySet<ControlId> | null>(null);
  const [job, setJob] = useState<Job>({ kind: 'idle' });
  const [message, setMessage] = useState<string | null>(null);

  const build = async (): Promise<ExportFile | undefined> => {
    setJob({ kind: 'working' });
    setMessage(null);
    // Let the progress indicator paint before a large export holds the thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      const snapshot = await readSnapshot(database(), review.id);
      if (!snapshot) throw new Error('This review is no longer in the database.');
      // The snapshot's own events, so the check covers exactly what is exported.
      const chain = await verifyChain(snapshot.events);
      const manifest = browser.runtime.getManifest();
      const file = exportReview(snapshot, {
        format,
        ...(chosen && format !== 'json' ? { controls: controls.filter((c) => chosen.has(c)) } : {}),
        staleClaims,
        chain,
        app: { name: manifest.name, version: manifest.version },
      });
      setJob({ kind: 'done', file });
      return file;
    } catch (error) {
      setJob({
        kind: 'failed',
        error: `Could not export: ${error instanceof Error ? error.message : String(error)}`,
      });
      return undefined;
    }
  };

  const current = async () => (job.kind === 'done' ? job.file : build());

  const toggle = (control: ControlId, on: boolean) => {
    const next = new Set(chosen ?? controls);
    if (on) next.add(control);
    else next.delete(control);
    setChosen(next.size === controls.length ? null : next);
    setJob({ kind: 'idle' });
  };

  return (
    <section aria-labelledby="export-heading" id="export">
      <h2 id="export-heading">Export</h2>
      <div class="row">
        <label>
          Format{' '}
          <select
            id="export-format"
            value={format}
            onChange={(e) => {
              setFormat(e.currentTarget.value as ExportFormat);
              setJob({ kind: 'idle' });
            }}
          >
            {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => (
              <option key={f} value={f}>
                {EXPORT_FORMATS[f].label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {format !== 'json' && (
        <details id="export-controls">
          <summary>
            Controls: {chosen ? `${chosen.size} of ${controls.length}` : `all ${controls.length}`}
          </summary>
          {controls.map((control) => (
            <label key={control} class="row">
              <input
                type="checkbox"
                name={`export-${control}`}
                checked={!chosen || chosen.has(control)}
                onChange={(e) => toggle(control, e.currentTarget.checked)}
              />
              {CONTROLS[control].name}
            </label>
          ))}
        </details>
      )}
      <div class="row">
        <button type="button" id="export-preview" onClick={() => void build()}>
          Preview
        </button>
        <button
          type="button"
          id="export-copy"
          onClick={async () => {
            const file = await current();
            if (file) setMessage(await copyText(file.text, 'Copied to the clipboard.'));
          }}
        >
          Copy
        </button>
        <button
          type="button"
          class="primary"
          id="export-save"
          onClick={async () => {
            const file = await current();
            if (file) setMessage(saveFile(file));
          }}
        >
          Save file
        </button>
      </div>
      {job.kind === 'working' && (
        <p role="status">
          <progress /> Preparing the export…
        </p>
      )}
      <ErrorLine message={job.kind === 'failed' ? job.error : null} />
      {message && (
        <p role="status" id="export-status">
          {message}
        </p>
      )}
      {job.kind === 'done' && (
        <label>
          Preview of {job.file.filename} ({job.file.text.length.toLocaleString('en-GB')} characters
          {job.file.text.length > PREVIEW_CHARS ? ', first part shown' : ''})
          <textarea
            id="export-preview-text"
            readOnly
            rows={12}
            value={job.file.text.slice(0, PREVIEW_CHARS)}
          />
        </label>
      )}
    </section>
  );
}
