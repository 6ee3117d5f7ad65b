import { useMemo, useState } from 'preact/hooks';
import type { ControlStatus } from '../core/control-status.ts';
import type { ControlId } from '../core/controls.ts';
import { draftFollowUps, followUpMessage } from '../core/follow-up-questions.ts';
import type { Review } from '../core/review.ts';
import { database } from '../store/db.ts';
import { describeWriteError } from '../store/storage-error.ts';
import { saveNote } from '../store/workspace.ts';
import { copyText, saveFile } from '../ui/save-file.ts';
import { NoteField } from './NoteField.tsx';
import type { ReviewData } from './use-review-data.ts';

/**
 * Questions for the vendor, drafted from every control that is missing, marketing-only or stale,
 * every standing red flag and every question logged in a demo — as one editable message. Once the
 * reviewer edits it, the edited message is kept (a note, with its audit events); "Draft again"
 * goes back to the live draft.
 */
export function FollowUpSection({
  review,
  statuses,
  data,
  actor,
}: {
  review: Review;
  statuses: ReadonlyArray<{ control: ControlId; status: ControlStatus }>;
  data: ReviewData | undefined;
  actor: string;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const followUps = useMemo(() => {
    const claims = new Map((data?.claims ?? []).map((c) => [c.id, c]));
    const marketingQuotes = new Map<ControlId, string[]>();
    for (const a of data?.assessments ?? []) {
      const text = claims.get(a.claimId)?.text;
      if (a.verdict !== 'marketing' || !text) continue;
      marketingQuotes.set(a.control, [...(marketingQuotes.get(a.control) ?? []), text]);
    }
    const demoQuestions = (data?.claims ?? [])
      .filter((c) => c.demo?.kind === 'question')
      .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt))
      .map((c) => c.text);
    return draftFollowUps({
      vendor: review.vendor,
      statuses,
      marketingQuotes,
      redFlags: (data?.redFlags ?? []).map((f) => {
        const quote = f.claimId ? claims.get(f.claimId)?.text : undefined;
        return { flag: f.flag, resolved: f.resolved, ...(quote ? { quote } : {}) };
      }),
      demoQuestions,
    });
  }, [review.vendor, statuses, data]);
  const drafted = useMemo(() => followUpMessage(review.vendor, followUps), [review.vendor, followUps]);
  const edited = data?.notes.find((n) => n.scope === 'follow-up')?.text ?? '';
  const current = () =>
    document.querySelector<HTMLTextAreaElement>('textarea[data-note-scope="follow-up"]')?.value ?? drafted;

  return (
    <section id="follow-ups" aria-labelledby="follow-ups-heading">
      <h2 id="follow-ups-heading">Follow-up questions</h2>
      {followUps.length === 0 ? (
        <p class="muted">
          No open questions: every control has current evidence or is not applicable, and no red flag stands.
        </p>
      ) : (
        <ol class="follow-up-list">
          {followUps.map((f) => (
            <li key={f.key} data-follow-up={f.key}>
              <span class="title">{f.about}:</span> {f.question}
            </li>
          ))}
        </ol>
      )}
      <NoteField
        reviewId={review.id}
        scope="follow-up"
        saved={edited.trim() ? edited : drafted}
        actor={actor}
        label={
          edited.trim() ? 'The message to send (edited by you)' : 'The message to send (drafted; edit freely)'
        }
        rows={8}
      />
      <p class="row">
        <button
          type="button"
          id="follow-up-copy"
          onClick={async () => setMessage(await copyText(current(), 'The message is on the clipboard.'))}
        >
          Copy message
        </button>
        <button
          type="button"
          onClick={() =>
            setMessage(
              saveFile({
                text: current(),
                filename: `${review.vendor || 'vendor'}-follow-up-questions.txt`.replace(/[^\w.-]+/g, '-'),
                mime: 'text/plain',
              }),
            )
          }
        >
          Save as text
        </button>
        {edited.trim() && (
          <button
            type="button"
            id="follow-up-redraft"
            onClick={async () => {
              try {
                await saveNote(database(), actor, review.id, 'follow-up', '');
                setMessage('Drafted again from the checklist, red flags and demo questions.');
              } catch (error) {
                setMessage(describeWriteError(error));
              }
            }}
          >
            Draft again
          </button>
        )}
        {message && <span role="status">{message}</span>}
      </p>
    </section>
  );
}
