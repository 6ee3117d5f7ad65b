// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { draftKey, NoteField } from '../../../src/sidepanel/NoteField.tsx';
import { database } from '../../../src/store/db.ts';
import { createReview } from '../../../src/store/reviews.ts';
import { saveNote } from '../../../src/store/workspace.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  localStorage.clear();
});

/** What IndexedDB reports when a transaction dies of a full disk: an AbortError whose cause is the quota. */
function quotaAbort(): Error {
  return Object.assign(new DOMException('The transaction was aborted.', 'AbortError'), {
    inner: new DOMException('Quota exceeded', 'QuotaExceededError'),
  });
}

test.each([
  ['a QuotaExceededError', () => new DOMException('Quota exceeded', 'QuotaExceededError')],
  ['a QuotaExceededError wrapped in an AbortError', quotaAbort],
])(
  'a note that cannot be saved (%s) says so, stays on screen and in the draft, and the saved note is intact',
  async (_, failure) => {
    const db = database();
    const review = await createReview(db, { vendor: 'Acme', domains: ['acme.example'] });
    await saveNote(db, 'Ada', review.id, 'review', 'Saved before the disk filled.');
    vi.spyOn(db.notes, 'put').mockRejectedValue(failure());

    render(
      <NoteField
        reviewId={review.id}
        scope="review"
        saved="Saved before the disk filled."
        actor="Ada"
        label="Notes"
      />,
    );
    const area = screen.getByLabelText(/^Notes/) as HTMLTextAreaElement;
    fireEvent.input(area, { target: { value: 'Typed while the disk was full' } });
    fireEvent.blur(area);

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('storage for this extension is full'),
    );
    expect(area.value).toBe('Typed while the disk was full');
    expect([...Object.keys(localStorage)].map((k) => localStorage.getItem(k))).toContain(
      'Typed while the disk was full',
    );
    vi.restoreAllMocks();
    const stored = await db.notes.where('[reviewId+scope]').equals([review.id, 'review']).first();
    expect(stored?.text).toBe('Saved before the disk filled.');
  },
);

test('a draft left by a closed panel reads "Saving…" until it is saved, then "Saved"', async () => {
  const db = database();
  const review = await createReview(db, { vendor: 'Acme', domains: ['acme.example'] });
  await saveNote(db, 'Ada', review.id, 'review', 'Asked for the pen-test summary');
  localStorage.setItem(
    draftKey(review.id, 'review'),
    'Asked for the pen-test summary; the bridge letter is missing',
  );
  render(
    <NoteField
      reviewId={review.id}
      scope="review"
      saved="Asked for the pen-test summary"
      actor="Ada"
      label="Notes"
    />,
  );
  const area = screen.getByLabelText(/^Notes/) as HTMLTextAreaElement;
  expect(area.value).toBe('Asked for the pen-test summary; the bridge letter is missing');
  // First render, before IndexedDB can have answered: not "Saved" yet.
  expect(screen.getByRole('status').textContent).toBe('Saving…');
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
  const stored = await db.notes.where('[reviewId+scope]').equals([review.id, 'review']).first();
  expect(stored?.text).toBe('Asked for the pen-test summary; the bridge letter is missing');
});
