import { useEffect, useRef, useState } from 'preact/hooks';
import { CONTROL_IDS, CONTROLS, type ControlId } from '../../core/controls.ts';

/**
 * An entry's control as a button; the list of fifteen controls is mounted only while picking. A
 * select on every entry of a long demo log was most of the log's render time (the demo bench).
 */
export function EntryControlPicker({
  control,
  suggested,
  onPick,
}: {
  control: ControlId | undefined;
  suggested: ControlId | undefined;
  onPick: (control: ControlId | null) => void;
}) {
  const [picking, setPicking] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (picking) select.current?.focus();
  }, [picking]);
  const label = control ? CONTROLS[control].name : 'No control';
  if (!picking)
    return (
      <button
        type="button"
        class="control-pick"
        aria-haspopup="listbox"
        title="Change the control this entry speaks to"
        onClick={() => setPicking(true)}
      >
        {label} ▾
      </button>
    );
  return (
    <select
      ref={select}
      aria-label="Control"
      value={control ?? ''}
      onChange={(e) => {
        onPick((e.currentTarget.value || null) as ControlId | null);
        setPicking(false);
      }}
      onBlur={() => setPicking(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setPicking(false);
      }}
    >
      <option value="">
        {suggested ? `No control (suggested: ${CONTROLS[suggested].name})` : 'No control'}
      </option>
      {CONTROL_IDS.map((id) => (
        <option key={id} value={id}>
          {CONTROLS[id].name}
        </option>
      ))}
    </select>
  );
}
