import { useEffect, useState } from 'preact/hooks';
import { formatBytes } from '../core/demo-time.ts';

/**
 * Asks the browser to keep this extension's data under storage pressure (persistent storage) and
 * shows how much is used, so a reviewer can see the cost of screenshots and long reviews.
 */
export function StorageStatus() {
  const [state, setState] = useState<{ usage?: number; persisted?: boolean } | null>(null);
  useEffect(() => {
    const storage = navigator.storage;
    if (!storage?.estimate) return;
    void (async () => {
      const persisted =
        (await storage.persisted?.()) || (await storage.persist?.().catch(() => false)) || false;
      const { usage } = await storage.estimate();
      setState({ ...(usage !== undefined ? { usage } : {}), persisted });
    })();
  }, []);
  if (!state) return null;
  return (
    <p class="muted" id="storage-status">
      Stored in this browser: {state.usage !== undefined ? formatBytes(state.usage) : 'unknown size'} ·{' '}
      {state.persisted
        ? 'persistent (kept under storage pressure)'
        : 'best effort (the browser may clear it under storage pressure)'}
    </p>
  );
}
