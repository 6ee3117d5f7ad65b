import { useCallback, useMemo, useState } from 'preact/hooks';
import type { ControlId } from '../../core/controls.ts';
import type { Attachment, ScreenshotTarget } from '../../core/demo-records.ts';
import { formatBytes, formatOffset } from '../../core/demo-time.ts';
import type { Review } from '../../core/review.ts';
import type { StoredClaim } from '../../core/review-records.ts';
import type { ScreenshotTaken } from '../../messages/protocol.ts';
import type { Reply } from '../../messages/reply.ts';
import { CAPTURE_SHORTCUT } from '../../platform/capture-error.ts';
import { database } from '../../store/db.ts';
import {
  defaultSessionTitle,
  latestRunning,
  removeScreenshot,
  setEntryBasis,
  setEntryControl,
  startDemo,
  stopDemo,
} from '../../store/demo.ts';
import { describeWriteError } from '../../store/storage-error.ts';
import type { ReviewData } from '../use-review-data.ts';
import { DemoClock } from './DemoClock.tsx';
import { DemoEntryLine } from './DemoEntryLine.tsx';
import { DemoLog } from './DemoLog.tsx';
import { ScreenshotViewer } from './ScreenshotViewer.tsx';

/**
 * Live demo capture: start and stop a session with a running clock, log entries as the vendor
 * talks, capture screenshots of the demo tab, and read back the log with its screenshots.
 */
export function DemoSection({
  review,
  data,
  actor,
  capture: captureTab,
}: {
  review: Review;
  data: ReviewData | undefined;
  actor: string;
  /** Captures the tab beside the panel into the review (the panel passes `captureBesidePanel`). */
  capture: (target: ScreenshotTarget) => Promise<Reply<ScreenshotTaken>>;
}) {
  const db = database();
  const sessions = data?.demoSessions ?? [];
  const running = latestRunning(sessions);
  const [title, setTitle] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [openShot, setOpenShot] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: 'error' | 'done' | 'busy'; text: string } | null>(null);

  const { entriesBySession, shotsByEntry, totalBytes, shotCount } = useMemo(() => {
    const entriesBySession = new Map<string, StoredClaim[]>();
    for (const c of data?.claims ?? []) {
      if (!c.demo) continue;
      const list = entriesBySession.get(c.demo.sessionId) ?? [];
      list.push(c);
      entriesBySession.set(c.demo.sessionId, list);
    }
    for (const list of entriesBySession.values())
      list.sort((a, b) => (a.demo?.offsetMs ?? 0) - (b.demo?.offsetMs ?? 0));
    const shotsByEntry = new Map<string, Map<string, Attachment[]>>();
    let totalBytes = 0;
    let shotCount = 0;
    for (const a of data?.attachments ?? []) {
      if (!a.removed) {
        totalBytes += a.size;
        shotCount++;
      }
      const session = a.sessionId ?? '';
      const bySession = shotsByEntry.get(session) ?? new Map<string, Attachment[]>();
      const list = bySession.get(a.claimId ?? '') ?? [];
      list.push(a);
      bySession.set(a.claimId ?? '', list);
      shotsByEntry.set(session, bySession);
    }
    for (const bySession of shotsByEntry.values())
      for (const list of bySession.values()) list.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
    return { entriesBySession, shotsByEntry, totalBytes, shotCount };
  }, [data]);

  const act = useCallback(async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      setStatus({ kind: 'error', text: describeWriteError(error) });
    }
  }, []);
  // Stable callbacks: the log's rows are memoised and re-render only when their own props change.
  const onBasis = useCallback(
    (id: string, basis: 'said' | 'shown') => void act(() => setEntryBasis(db, actor, id, basis)),
    [db, actor, act],
  );
  const onControl = useCallback(
    (id: string, control: ControlId | null) => void act(() => setEntryControl(db, actor, id, control)),
    [db, actor, act],
  );
  const noSelect = useCallback(() => undefined, []);

  const capture = async () => {
    if (!running) return;
    const entries = entriesBySession.get(running.id) ?? [];
    const entry = entries.find((c) => c.id === selected) ?? entries.at(-1);
    setStatus({ kind: 'busy', text: 'Capturing the tab beside this panel…' });
    const reply = await captureTab({
      reviewId: review.id,
      sessionId: running.id,
      ...(entry ? { claimId: entry.id } : {}),
      ...(entry?.demo?.control ? { control: entry.demo.control } : {}),
    });
    setStatus(
      reply.ok
        ? {
            kind: 'done',
            text: `Screenshot kept (${formatBytes(reply.value.size)}), SHA-256 ${reply.value.sha256}${entry ? `, on the entry at ${formatOffset(entry.demo?.offsetMs ?? 0)}` : ''}.`,
          }
        : { kind: 'error', text: reply.error },
    );
  };

  const shot = openShot ? data?.attachments.find((a) => a.id === openShot) : undefined;
  const past = sessions
    .filter((s) => s.id !== running?.id)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));

  return (
    <section id="demo" aria-labelledby="demo-heading">
      <h2 id="demo-heading">Live demo</h2>
      {running ? (
        <div class="stack">
          <p class="row">
            <span class="title">{running.title}</span>
            <DemoClock startedAt={running.startedAt} />
            <button type="button" id="demo-stop" onClick={() => act(() => stopDemo(db, actor, running.id))}>
              Stop demo
            </button>
          </p>
          <DemoEntryLine session={running} actor={actor} />
          <p class="row">
            <button type="button" id="demo-capture" onClick={() => void capture()}>
              Capture screenshot
            </button>
            <span class="muted">
              of the tab beside this panel; for a call in another window, press <kbd>{CAPTURE_SHORTCUT}</kbd>{' '}
              there.
            </span>
          </p>
        </div>
      ) : (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await startDemo(db, actor, {
                reviewId: review.id,
                title: title.trim() || defaultSessionTitle(review.vendor, new Date()),
              });
              setTitle('');
            });
          }}
        >
          <label>
            Demo title
            <input
              id="demo-title"
              value={title}
              placeholder={defaultSessionTitle(review.vendor, new Date())}
              onInput={(e) => setTitle(e.currentTarget.value)}
            />
          </label>
          <button type="submit" id="demo-start">
            Start demo
          </button>
        </form>
      )}
      {status && (
        <p
          id="demo-status"
          class={status.kind === 'error' ? 'error' : 'muted'}
          role={status.kind === 'error' ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
      {running && (
        <DemoLog
          session={running}
          entries={entriesBySession.get(running.id) ?? []}
          shots={shotsByEntry.get(running.id) ?? new Map()}
          selected={selected}
          onSelect={setSelected}
          onBasis={onBasis}
          onControl={onControl}
          onOpenShot={setOpenShot}
        />
      )}
      {past.map((s) => (
        <details key={s.id} class="past-demo" data-session={s.id}>
          <summary>
            {s.title} · {new Date(s.startedAt).toLocaleString()} · {(entriesBySession.get(s.id) ?? []).length}{' '}
            entries
          </summary>
          <DemoLog
            session={s}
            entries={entriesBySession.get(s.id) ?? []}
            shots={shotsByEntry.get(s.id) ?? new Map()}
            selected={null}
            onSelect={noSelect}
            onBasis={onBasis}
            onControl={onControl}
            onOpenShot={setOpenShot}
          />
        </details>
      ))}
      {sessions.length === 0 && (
        <p class="muted">
          During a vendor’s live demo, log what they say and show as it happens; each entry is stamped and
          counts on the checklist.
        </p>
      )}
      <p class="muted" id="demo-storage">
        {shotCount} screenshot{shotCount === 1 ? '' : 's'} · {formatBytes(totalBytes)}
      </p>
      {shot && (
        <ScreenshotViewer
          shot={shot}
          onClose={() => setOpenShot(null)}
          onRemove={(reason) => removeScreenshot(db, actor, shot.id, reason)}
        />
      )}
    </section>
  );
}
