import { RED_FLAG_NAMES } from '../../core/classify/red-flag-cues.ts';
import type { ControlId } from '../../core/controls.ts';
import { type Attachment, DEMO_KIND_LABELS, type DemoSession } from '../../core/demo-records.ts';
import { formatOffset, formatTimeOfDay } from '../../core/demo-time.ts';
import type { StoredClaim } from '../../core/review-records.ts';
import { memoComponent } from '../../ui/memo-component.ts';
import { EntryControlPicker } from './EntryControlPicker.tsx';
import { ScreenshotThumb } from './ScreenshotThumb.tsx';

const NO_SHOTS: readonly Attachment[] = [];

/** What the reviewer can do to an entry from the log (stable functions: the rows are memoised). */
interface EntryActions {
  /** Choose the entry the next screenshot attaches to. */
  onSelect: (claimId: string) => void;
  onBasis: (claimId: string, basis: 'said' | 'shown') => void;
  onControl: (claimId: string, control: ControlId | null) => void;
  onOpenShot: (id: string) => void;
}

/**
 * One entry: offset, wall time, kind, said/shown, control, text and screenshots. Memoised: the
 * log re-renders for each new entry or tag, and unchanged rows (with stable callbacks) are skipped.
 */
const DemoEntryRow = memoComponent(function DemoEntryRow({
  entry: c,
  shots,
  selected,
  onSelect,
  onBasis,
  onControl,
  onOpenShot,
}: {
  entry: StoredClaim;
  shots: readonly Attachment[];
  selected: boolean;
} & EntryActions) {
  const stamp = c.demo;
  if (!stamp) return null;
  return (
    <li
      data-entry={c.id}
      data-kind={stamp.kind}
      aria-current={selected ? 'true' : undefined}
      class={selected ? 'selected' : undefined}
    >
      <div class="row">
        <button
          type="button"
          class="link offset"
          title="Attach the next screenshot to this entry"
          onClick={() => onSelect(c.id)}
        >
          {formatOffset(stamp.offsetMs)}
        </button>
        <time class="muted" dateTime={c.capturedAt}>
          {formatTimeOfDay(c.capturedAt)}
        </time>
        <span class={`badge badge-${stamp.kind}`}>{DEMO_KIND_LABELS[stamp.kind]}</span>
        {stamp.redFlag && <span class="badge badge-red-flag">{RED_FLAG_NAMES[stamp.redFlag]}</span>}
        <button
          type="button"
          class="basis"
          aria-pressed={stamp.basis === 'shown'}
          title={
            stamp.basis === 'shown'
              ? 'Shown working (evidence). Click if it was only said.'
              : 'Only said (a promise: marketing). Click if they showed it working.'
          }
          onClick={() => onBasis(c.id, stamp.basis === 'shown' ? 'said' : 'shown')}
        >
          {stamp.basis === 'shown' ? 'Shown' : 'Said'}
        </button>
        <EntryControlPicker
          control={stamp.control}
          suggested={c.suggestion?.controls[0]?.id}
          onPick={(control) => onControl(c.id, control)}
        />
      </div>
      <p class="entry-text">{c.text}</p>
      {shots.length > 0 && (
        <div class="shots">
          {shots.map((s) => (
            <ScreenshotThumb key={s.id} shot={s} onOpen={onOpenShot} />
          ))}
        </div>
      )}
    </li>
  );
});

/** A session's entries in the order they were logged, each with its screenshots. */
export function DemoLog({
  session,
  entries,
  shots,
  selected,
  onSelect,
  onBasis,
  onControl,
  onOpenShot,
}: {
  session: DemoSession;
  entries: readonly StoredClaim[];
  /** Screenshots by entry id ('' for those attached to no entry). */
  shots: ReadonlyMap<string, readonly Attachment[]>;
  selected: string | null;
} & EntryActions) {
  const loose = shots.get('') ?? [];
  if (entries.length === 0 && loose.length === 0)
    return <p class="muted">Nothing logged yet in “{session.title}”.</p>;
  return (
    <>
      <ol class="demo-log" aria-label={`Entries of ${session.title}`}>
        {entries.map((c) => (
          <DemoEntryRow
            key={c.id}
            entry={c}
            shots={shots.get(c.id) ?? NO_SHOTS}
            selected={selected === c.id}
            onSelect={onSelect}
            onBasis={onBasis}
            onControl={onControl}
            onOpenShot={onOpenShot}
          />
        ))}
      </ol>
      {loose.length > 0 && (
        <>
          <p class="muted">Screenshots not attached to an entry:</p>
          <div class="shots">
            {loose.map((s) => (
              <ScreenshotThumb key={s.id} shot={s} onOpen={onOpenShot} />
            ))}
          </div>
        </>
      )}
    </>
  );
}
