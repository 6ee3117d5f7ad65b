import type { Attachment } from '../../core/demo-records.ts';
import { formatTimeOfDay } from '../../core/demo-time.ts';
import { useObjectUrl } from './use-object-url.ts';

/** A screenshot's preview as a button that opens the full view; a removed one shows its tombstone. */
export function ScreenshotThumb({ shot, onOpen }: { shot: Attachment; onOpen: (id: string) => void }) {
  const url = useObjectUrl(shot.thumb ?? shot.blob);
  const label = `Screenshot taken ${formatTimeOfDay(shot.capturedAt)}, SHA-256 ${shot.sha256.slice(0, 12)}…`;
  return (
    <button
      type="button"
      class={`shot${shot.removed ? ' removed' : ''}`}
      data-screenshot={shot.id}
      aria-label={shot.removed ? `${label} (removed)` : label}
      onClick={() => onOpen(shot.id)}
    >
      {url && !shot.removed ? (
        <img src={url} alt="" width={96} height={54} loading="lazy" decoding="async" />
      ) : (
        <span class="muted">removed</span>
      )}
      <code class="hash">{shot.sha256.slice(0, 12)}</code>
    </button>
  );
}
