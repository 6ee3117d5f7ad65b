import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExtractedClaim } from '../core/claim.ts';
import { namesItsControl, type Suggestion } from '../core/classify/classify-claim.ts';
import { RED_FLAG_NAMES } from '../core/classify/red-flag-cues.ts';
import { CONTROL_IDS, CONTROLS, type ControlId } from '../core/controls.ts';
import type { AssessmentVerdict } from '../core/review-records.ts';
import { ClaimText } from './ClaimText.tsx';
import type { Tagging } from './use-tagging.ts';
import { VirtualList } from './VirtualList.tsx';
import { HeightCache } from './virtual-window.ts';

type Item = { claim: ExtractedClaim; suggestion: Suggestion; index: number };
type Group = { id: ControlId | 'none'; items: Item[]; counts: Record<Suggestion['kind'], number> };

/** Open lists with up to this many claims in all are rendered whole; longer ones are windowed. */
export const FULL_RENDER_LIMIT = 200;
const keyOfItem = (item: Item) => item.index;

const KIND_LABEL = { evidence: 'Evidence', marketing: 'Marketing', unclear: 'Unclear' } as const;
const VERDICT_KEYS: Record<string, AssessmentVerdict> = { e: 'evidence', m: 'marketing', n: 'not-relevant' };

/**
 * The scan grouped by suggested control, with counts. A claim clicked is shown on the page.
 * With a review open, each claim can be tagged — by mouse, or from the keyboard:
 * ↑/↓ (or k/j) move, a accepts the suggestion, e/m/n tag evidence/marketing/not relevant for the
 * chosen control, 1–5 choose among the suggested controls, u undoes the last change.
 * Past `FULL_RENDER_LIMIT` open claims the lists are windowed (`VirtualList`): only the rows near
 * the viewport are in the DOM; moving onto a row that is not renders it, focuses it and scrolls
 * to it, and the focused row stays rendered when it scrolls away.
 */
export function ScanResults({
  claims,
  suggestions,
  onShow,
  tagging,
  filter,
  expanded = false,
}: {
  claims: readonly ExtractedClaim[];
  suggestions: readonly Suggestion[];
  onShow: (claim: ExtractedClaim) => void;
  tagging?: Tagging;
  filter: string;
  /** Every group open (for short lists). */
  expanded?: boolean;
}) {
  const groups = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const map = new Map<ControlId | 'none', Group>();
    claims.forEach((claim, index) => {
      const suggestion = suggestions[index];
      if (!suggestion) return;
      if (needle && !claim.text.toLowerCase().includes(needle)) return;
      const id = suggestion.controls[0]?.id ?? 'none';
      const group = map.get(id) ?? { id, items: [], counts: { evidence: 0, marketing: 0, unclear: 0 } };
      group.items.push({ claim, suggestion, index });
      group.counts[suggestion.kind]++;
      map.set(id, group);
    });
    const order = (id: ControlId | 'none') => (id === 'none' ? 99 : CONTROL_IDS.indexOf(id));
    return [...map.values()].sort((a, b) => order(a.id) - order(b.id));
  }, [claims, suggestions, filter]);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [chosen, setChosen] = useState<Map<number, ControlId>>(new Map());
  const list = useRef<HTMLUListElement>(null);
  const [heights] = useState(() => new HeightCache());
  /** The claim the keyboard is moving to when its row is not rendered yet. */
  const [pending, setPending] = useState<number | null>(null);
  /** The claim whose row (or a control in it) has focus: its row stays rendered. */
  const focused = useRef<number | null>(null);

  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const controlOf = (item: Item): ControlId | undefined =>
    chosen.get(item.index) ?? item.suggestion.controls[0]?.id;
  const filtering = filter.trim() !== '';
  const isOpen = (group: Group) => expanded || open.has(group.id) || filtering;
  const byIndex = useMemo(
    () => new Map(groups.flatMap((g) => g.items.map((i) => [i.index, i] as const))),
    [groups],
  );
  // The claims in the order the keyboard walks them: down the open groups.
  const walk = useMemo(() => {
    const order = groups
      .filter((g) => expanded || open.has(g.id) || filtering)
      .flatMap((g) => g.items.map((i) => i.index));
    return { order, at: new Map(order.map((index, i) => [index, i])) };
  }, [groups, expanded, open, filtering]);
  const windowed = walk.order.length > FULL_RENDER_LIMIT;
  const pinned = () => [pending, focused.current].filter((i): i is number => i !== null);

  const rowOf = (index: number) =>
    list.current?.querySelector<HTMLElement>(`li.claim[data-claim-index="${index}"]`) ?? null;
  const focusRow = (li: HTMLElement) => {
    li.focus({ preventScroll: true });
    li.scrollIntoView?.({ block: 'nearest' });
  };
  /** Focuses a claim's row; one not rendered (windowed away) is rendered first, then focused. */
  const moveTo = (index: number | undefined) => {
    if (index === undefined) return;
    const li = rowOf(index);
    if (li) focusRow(li);
    else setPending(index);
  };
  // Runs after the lists' own layout effects, so the row asked for is in the DOM by now.
  useLayoutEffect(() => {
    if (pending === null) return;
    const li = rowOf(pending);
    if (li) focusRow(li);
    setPending(null);
  }, [pending]);

  const accept = (item: Item) => {
    const control = item.suggestion.controls[0]?.id;
    if (!tagging || !control || item.suggestion.kind === 'unclear') return;
    void tagging.tag(item.claim, item.suggestion, control, item.suggestion.kind);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const li = (event.target as HTMLElement).closest?.('li.claim') as HTMLElement | null;
    if (!li || (event.target as HTMLElement).tagName === 'SELECT') return;
    const item = byIndex.get(Number(li.dataset.claimIndex));
    if (!item) return;
    const at = walk.at.get(item.index) ?? -1;
    const key = event.key;
    if (key === 'ArrowDown' || key === 'j') moveTo(at < 0 ? undefined : walk.order[at + 1]);
    else if (key === 'ArrowUp' || key === 'k') moveTo(at < 0 ? undefined : walk.order[at - 1]);
    else if (key === 'a') accept(item);
    else if (key === 'u' || ((event.ctrlKey || event.metaKey) && key === 'z')) void tagging?.undo();
    else if (key in VERDICT_KEYS) {
      const control = controlOf(item);
      if (tagging && control)
        void tagging.tag(item.claim, item.suggestion, control, VERDICT_KEYS[key] as AssessmentVerdict);
    } else if (/^[1-5]$/.test(key)) {
      const pick = item.suggestion.controls[Number(key) - 1]?.id;
      if (pick) setChosen((m) => new Map(m).set(item.index, pick));
    } else return;
    event.preventDefault();
  };

  return (
    <ul
      id="scan-groups"
      class="groups"
      ref={list}
      onKeyDown={onKeyDown}
      onFocusCapture={(event: FocusEvent) => {
        const li = (event.target as HTMLElement).closest?.('li.claim') as HTMLElement | null;
        focused.current = li ? Number(li.dataset.claimIndex) : null;
      }}
      onBlurCapture={(event: FocusEvent) => {
        const next = event.relatedTarget as Node | null;
        if (!next || !list.current?.contains(next)) focused.current = null;
      }}
    >
      {groups.map((group) => {
        const count = (kind: Suggestion['kind']) => group.counts[kind];
        const name = group.id === 'none' ? 'No control suggested' : CONTROLS[group.id].name;
        const groupOpen = isOpen(group);
        return (
          <li key={group.id} data-control={group.id}>
            <button
              type="button"
              class="group-header"
              aria-expanded={groupOpen}
              onClick={() => toggle(group.id)}
            >
              <span class="title">{name}</span>
              <span class="counts">
                <span class="badge">{group.items.length}</span>
                <span class="badge badge-evidence">{count('evidence')} evidence</span>
                <span class="badge badge-marketing">{count('marketing')} marketing</span>
                {count('unclear') > 0 && <span class="badge">{count('unclear')} unclear</span>}
              </span>
            </button>
            {groupOpen && (
              <VirtualList
                class="claims"
                items={group.items}
                keyOf={keyOfItem}
                windowed={windowed}
                heights={heights}
                pinned={pinned}
                renderRow={(item, position) => (
                  <ClaimItem
                    key={item.index}
                    item={item}
                    control={controlOf(item)}
                    onChoose={(c) => setChosen((m) => new Map(m).set(item.index, c))}
                    onShow={onShow}
                    onAccept={() => accept(item)}
                    tagging={tagging}
                    {...(windowed ? { setSize: group.items.length, posInSet: position + 1 } : {})}
                  />
                )}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ClaimItem({
  item,
  control,
  onChoose,
  onShow,
  onAccept,
  tagging,
  setSize,
  posInSet,
}: {
  item: Item;
  control: ControlId | undefined;
  onChoose: (control: ControlId) => void;
  onShow: (claim: ExtractedClaim) => void;
  onAccept: () => void;
  tagging?: Tagging;
  /** In a windowed list: the group's size and this row's place in it (1-based), for assistive tech. */
  setSize?: number;
  posInSet?: number;
}) {
  const { claim, suggestion, index } = item;
  const tags = tagging?.tagsOf(claim) ?? new Map<ControlId, AssessmentVerdict>();
  const current = control ? tags.get(control) : undefined;
  const raised = tagging?.flagsOf(claim) ?? [];
  const tagClass = current ? ` claim-tagged-${current}` : '';
  return (
    // A roving list item: focusable so the keyboard flow can move between claims.
    <li
      class={`claim claim-${suggestion.kind}${tagClass}`}
      data-claim-index={index}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the claims list is navigated with the keyboard.
      tabIndex={0}
      data-tag={current ?? ''}
      aria-setsize={setSize}
      aria-posinset={posInSet}
    >
      <button type="button" class="claim-button" onClick={() => onShow(claim)} title="Show on the page">
        <ClaimText text={claim.text} cues={suggestion.cues} />
      </button>
      <div class="claim-meta">
        <span class={`badge badge-${suggestion.kind}`}>Suggested: {KIND_LABEL[suggestion.kind]}</span>
        {suggestion.controls[0] && !namesItsControl(suggestion) && (
          <span class="badge" data-basis="context" title="No word of this claim names the control">
            control from its headings and page
          </span>
        )}
        {suggestion.controls.slice(1, 3).map((c) => (
          <span key={c.id} class="badge" title={`score ${c.score}`}>
            also {CONTROLS[c.id].name.toLowerCase()}
          </span>
        ))}
        {claim.flags.gated && <span class="badge">gated</span>}
        {claim.flags.hidden && <span class="badge">collapsed</span>}
        {claim.flags.inCode && <span class="badge">code</span>}
        {claim.headingPath.length > 0 && <span class="url">{claim.headingPath.join(' › ')}</span>}
      </div>
      {tagging && (
        <div class="tag-bar">
          <select
            aria-label="Control to tag"
            value={control}
            onChange={(e) => onChoose(e.currentTarget.value as ControlId)}
          >
            {CONTROL_IDS.map((id) => (
              <option key={id} value={id}>
                {CONTROLS[id].name}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={onAccept}
            disabled={suggestion.kind === 'unclear' || !suggestion.controls[0]}
            title="Accept the suggestion (a)"
          >
            Accept
          </button>
          {(['evidence', 'marketing', 'not-relevant'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={current === v}
              data-verdict={v}
              onClick={() =>
                control && void tagging.tag(claim, suggestion, control, current === v ? null : v)
              }
            >
              {v === 'not-relevant' ? 'Not relevant' : v === 'evidence' ? 'Evidence' : 'Marketing'}
            </button>
          ))}
          {suggestion.redFlags.map((flag) =>
            raised.includes(flag) ? (
              <span key={flag} class="badge badge-red-flag">
                red flag raised: {RED_FLAG_NAMES[flag]}
              </span>
            ) : (
              <button
                key={flag}
                type="button"
                class="badge-red-flag"
                data-raise={flag}
                onClick={() => void tagging.raise(claim, suggestion, flag)}
              >
                Raise red flag: {RED_FLAG_NAMES[flag]}
              </button>
            ),
          )}
        </div>
      )}
      {!tagging &&
        suggestion.redFlags.map((f) => (
          <span key={f} class="badge badge-red-flag">
            red flag: {RED_FLAG_NAMES[f]}
          </span>
        ))}
    </li>
  );
}
