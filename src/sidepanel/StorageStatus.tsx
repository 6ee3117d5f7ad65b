import { useEffect, useState } from 'preact/hooks';

/** Formats bytes for people. */
function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

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
      Stored in this browser: {state.usage !== undefined ? size(state.usage) : 'unknown size'} ·{' '}
      {state.persisted
        ? 'persistent (kept under storage pressure)'
        : 'best effort (the browser may clear it under storage pressure)'}
    </p>
  );
}
