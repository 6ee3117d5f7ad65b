import { useCallback, useRef, useState } from 'preact/hooks';
import type { Extraction } from '../core/claim.ts';
import { classifyClaims, type Suggestion } from '../core/classify/classify-claim.ts';
import { askBackground } from '../platform/messaging.ts';

/** The state of scanning the current page for claims. */
export type ScanState =
  | { status: 'idle' }
  | { status: 'scanning' }
  | { status: 'done'; extraction: Extraction; suggestions: Suggestion[] }
  | { status: 'error'; error: string };

/** Scans a tab through the background and classifies what comes back (in the panel, not the page). */
export function useScan(): [ScanState, (tabId: number) => Promise<void>, () => void] {
  const [state, setState] = useState<ScanState>({ status: 'idle' });
  const generation = useRef(0);
  const scan = useCallback(async (tabId: number) => {
    const mine = ++generation.current;
    setState({ status: 'scanning' });
    const reply = await askBackground({ type: 'scan-tab', tabId });
    if (mine !== generation.current) return;
    if (!reply.ok) return setState({ status: 'error', error: reply.error });
    setState({ status: 'done', extraction: reply.value, suggestions: classifyClaims(reply.value.claims) });
  }, []);
  const reset = useCallback(() => {
    generation.current++;
    setState({ status: 'idle' });
  }, []);
  return [state, scan, reset];
}
