import { useState } from 'preact/hooks';
import { draftKey, NoteField } from './NoteField.tsx';

/** A claim's own note, folded away until asked for; the summary says when there is one. */
export function ClaimNote({
  reviewId,
  claimId,
  saved,
  actor,
}: {
  reviewId: string;
  claimId: string;
  saved: string;
  actor: string;
}) {
  // Opened by default when a draft or a note exists, so the reviewer sees there is one.
  const [open, setOpen] = useState(
    () => saved !== '' || localStorage.getItem(draftKey(reviewId, `claim:${claimId}`)) !== null,
  );
  return (
    <details class="claim-note" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{saved ? 'Note' : 'Add a note'}</summary>
      {open && (
        <NoteField
          reviewId={reviewId}
          scope={`claim:${claimId}`}
          saved={saved}
          actor={actor}
          label="Note on this claim"
        />
      )}
    </details>
  );
}
