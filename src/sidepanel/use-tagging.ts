import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { ExtractedClaim } from '../core/claim.ts';
import type { Suggestion } from '../core/classify/classify-claim.ts';
import type { RedFlagId } from '../core/classify/red-flag-cues.ts';
import type { ControlId } from '../core/controls.ts';
import type { PageInfo, Review } from '../core/review.ts';
import type { AssessmentVerdict, StoredClaim } from '../core/review-records.ts';
import { normaliseSourceUrl } from '../core/source-url.ts';
import { database } from '../store/db.ts';
import { recordSource } from '../store/reviews.ts';
import { describeStorageError } from '../store/storage-error.ts';
import { keepClaim, raiseRedFlag, setAssessment } from '../store/workspace.ts';
import type { ReviewData } from './use-review-data.ts';

/** What the scan list needs to show and change a claim's tags. */
export interface Tagging {
  /** The reviewer's tags of a scanned claim, by control. */
  tagsOf(claim: ExtractedClaim): ReadonlyMap<ControlId, AssessmentVerdict>;
  /** Red flags raised on a scanned claim (standing ones). */
  flagsOf(claim: ExtractedClaim): readonly RedFlagId[];
  tag(
    claim: ExtractedClaim,
    suggestion: Suggestion,
    control: ControlId,
    verdict: AssessmentVerdict | null,
  ): Promise<void>;
  raise(claim: ExtractedClaim, suggestion: Suggestion, flag: RedFlagId): Promise<void>;
  /** Undoes the last tag change made in this panel; false when there is nothing to undo. */
  undo(): Promise<boolean>;
  canUndo: boolean;
  error: string | null;
}

/** Tagging scanned claims of the current page into a review, with undo of the last change. */
export function useTagging(
  review: Review,
  page: PageInfo,
  data: ReviewData | undefined,
  actor: string,
): Tagging {
  const undoStack = useRef<
    Array<{ claim: StoredClaim; control: ControlId; previous: AssessmentVerdict | null }>
  >([]);
  const [canUndo, setCanUndo] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = normaliseSourceUrl(page.url);

  const stored = useMemo(() => {
    const byExact = new Map<string, StoredClaim>();
    for (const c of data?.claims ?? []) if (c.url === url) byExact.set(c.selector.exact, c);
    return byExact;
  }, [data, url]);
  const byClaim = useMemo(() => {
    const tags = new Map<string, Map<ControlId, AssessmentVerdict>>();
    for (const a of data?.assessments ?? []) {
      const m = tags.get(a.claimId) ?? new Map<ControlId, AssessmentVerdict>();
      m.set(a.control, a.verdict);
      tags.set(a.claimId, m);
    }
    return tags;
  }, [data]);

  const keep = useCallback(
    async (claim: ExtractedClaim, suggestion: Suggestion) => {
      const db = database();
      const source = await recordSource(db, review.id, page);
      return keepClaim(db, actor, {
        reviewId: review.id,
        sourceId: source.id,
        url: source.url,
        claim,
        suggestion,
        origin: 'extracted',
      });
    },
    [review.id, page, actor],
  );

  const guard = async (work: () => Promise<void>) => {
    try {
      await work();
      setError(null);
    } catch (e) {
      setError(describeStorageError(e));
    }
  };

  return {
    tagsOf: (claim) => byClaim.get(stored.get(claim.selector.exact)?.id ?? '') ?? new Map(),
    flagsOf: (claim) => {
      const id = stored.get(claim.selector.exact)?.id;
      return (data?.redFlags ?? []).filter((f) => f.claimId === id && !f.resolved).map((f) => f.flag);
    },
    tag: (claim, suggestion, control, verdict) =>
      guard(async () => {
        const kept = await keep(claim, suggestion);
        const previous = await setAssessment(database(), actor, kept, control, verdict);
        if (previous !== verdict) {
          undoStack.current.push({ claim: kept, control, previous });
          setCanUndo(true);
        }
      }),
    raise: (claim, suggestion, flag) =>
      guard(async () => {
        const kept = await keep(claim, suggestion);
        await raiseRedFlag(database(), actor, { reviewId: review.id, flag, claimId: kept.id });
      }),
    undo: async () => {
      const last = undoStack.current.pop();
      setCanUndo(undoStack.current.length > 0);
      if (!last) return false;
      await guard(async () => {
        await setAssessment(database(), actor, last.claim, last.control, last.previous);
      });
      return true;
    },
    canUndo,
    error,
  };
}
