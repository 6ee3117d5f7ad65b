import { formatOffset } from '../../core/demo-time.ts';
import { useClock } from './use-clock.ts';

/** The running demo's clock; its own component, so each tick re-renders one line, not the log. */
export function DemoClock({ startedAt }: { startedAt: string }) {
  const now = useClock(true);
  return (
    <span id="demo-clock" class="clock" role="timer" aria-label="Time since the demo started">
      {formatOffset(now - Date.parse(startedAt))}
    </span>
  );
}
