import { useEffect, useState } from 'preact/hooks';

/** The current time, re-read every second while `running` (the demo clock); stops otherwise. */
export function useClock(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    // The first state already holds the time: no second render on mount, only on each tick.
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
