/** How demo times read: offsets from the session's start as `+h:mm:ss`. */

/** `+0:01:35` for 95,000 ms; never negative. */
export function formatOffset(ms: number): string {
  const total = Math.floor(Math.max(0, Number.isFinite(ms) ? ms : 0) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `+${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Bytes as people read them: `512 B`, `34.1 KB`, `3.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A wall time as the reviewer's locale shows a time of day (one shared formatter: logs repeat it). */
export function formatTimeOfDay(iso: string): string {
  const at = Date.parse(iso);
  return Number.isFinite(at) ? TIME.format(at) : iso;
}
