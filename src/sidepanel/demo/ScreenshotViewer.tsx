import { useEffect, useRef, useState } from 'preact/hooks';
import type { Attachment } from '../../core/demo-records.ts';
import { formatBytes } from '../../core/demo-time.ts';
import { describeWriteError } from '../../store/storage-error.ts';
import { useObjectUrl } from './use-object-url.ts';

/**
 * A screenshot at full size with what proves it — SHA-256, capture time, tab — and removal with a
 * required reason (the record and the reason stay in the audit trail).
 */
export function ScreenshotViewer({
  shot,
  onClose,
  onRemove,
}: {
  shot: Attachment;
  onClose: () => void;
  onRemove: (reason: string) => Promise<void>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const url = useObjectUrl(shot.blob);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} id="screenshot-viewer" aria-label="Screenshot" onClose={onClose}>
      {url && !shot.removed && <img src={url} alt="Screenshot of the demo" class="full-shot" />}
      <dl class="facts">
        <dt>SHA-256</dt>
        <dd>
          <code id="screenshot-sha256">{shot.sha256}</code>
        </dd>
        <dt>Captured</dt>
        <dd>
          {new Date(shot.capturedAt).toLocaleString()} by {shot.by || 'unknown reviewer'}
        </dd>
        <dt>Size</dt>
        <dd>
          {formatBytes(shot.size)}
          {shot.width && shot.height ? ` · ${shot.width}×${shot.height}` : ''}
        </dd>
        {shot.tabTitle && (
          <>
            <dt>Tab</dt>
            <dd>{shot.tabTitle}</dd>
          </>
        )}
        {shot.removed && (
          <>
            <dt>Removed</dt>
            <dd>
              {new Date(shot.removed.at).toLocaleString()} by {shot.removed.by || 'unknown reviewer'}:{' '}
              {shot.removed.reason}
            </dd>
          </>
        )}
      </dl>
      {!shot.removed && (
        <form
          class="row"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await onRemove(reason);
              dialog.current?.close();
            } catch (err) {
              setError(describeWriteError(err));
            }
          }}
        >
          <label>
            Reason to remove
            <input
              id="screenshot-remove-reason"
              value={reason}
              required
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
          <button type="submit" id="screenshot-remove">
            Remove image
          </button>
        </form>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
