import { useEffect, useRef, useState } from 'preact/hooks';
import type { NoteScope } from '../core/review-records.ts';
import { database } from '../store/db.ts';
import { describeStorageError } from '../store/storage-error.ts';
import { saveNote } from '../store/workspace.ts';

const SAVE_AFTER_MS = 700;
/** Where a note's unsaved draft waits in localStorage. */
export const draftKey = (reviewId: string, scope: NoteScope): string =>
  `vendor-review:draft:${reviewId}:${scope}`;

/**
 * A note saved as you type. Every keystroke is kept at once as a draft in this page's
 * localStorage (synchronous, so closing the panel mid-sentence loses nothing); the note itself
 * — and its audit event — is saved after a pause in typing, on blur, and when the panel hides.
 * A draft left by a closed panel is saved the next time the note is shown.
 */
export function NoteField({
  reviewId,
  scope,
  saved,
  actor,
  label,
  rows = 2,
}: {
  reviewId: string;
  scope: NoteScope;
  saved: string;
  actor: string;
  label: string;
  rows?: number;
}) {
  const key = draftKey(reviewId, scope);
  const [text, setText] = useState(() => localStorage.getItem(key) ?? saved);
  // A draft left by a closed panel is not saved yet: "Saving…" until it is, never "Saved" first.
  const [state, setState] = useState<{ kind: 'saved' | 'pending' | 'error'; message?: string }>({
    kind: text !== saved ? 'pending' : 'saved',
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(text);

  const flush = async () => {
    clearTimeout(timer.current);
    const value = latest.current;
    try {
      await saveNote(database(), actor, reviewId, scope, value);
      if (localStorage.getItem(key) === value) localStorage.removeItem(key);
      setState({ kind: 'saved' });
    } catch (error) {
      // The text stays on screen and in the draft: nothing typed is lost.
      setState({ kind: 'error', message: describeStorageError(error) });
    }
  };

  // A draft from a panel closed mid-sentence: save it now.
  useEffect(() => {
    if (localStorage.getItem(key) !== null && localStorage.getItem(key) !== saved) void flush();
    const onHide = () => {
      if (document.visibilityState === 'hidden' && localStorage.getItem(key) !== null) void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      if (localStorage.getItem(key) !== null) void flush();
    };
  }, [key]);

  // Another panel saved this note: show it unless we are mid-edit.
  useEffect(() => {
    if (localStorage.getItem(key) === null) {
      setText(saved);
      latest.current = saved;
    }
  }, [saved, key]);

  const onInput = (value: string) => {
    setText(value);
    latest.current = value;
    localStorage.setItem(key, value);
    setState({ kind: 'pending' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
  };

  return (
    <label class="note">
      {label}
      <textarea
        rows={rows}
        value={text}
        data-note-scope={scope}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={() => void flush()}
      />
      <span
        class={state.kind === 'error' ? 'error' : 'muted'}
        role={state.kind === 'error' ? 'alert' : 'status'}
      >
        {state.kind === 'saved' ? 'Saved' : state.kind === 'pending' ? 'Saving…' : state.message}
      </span>
    </label>
  );
}
