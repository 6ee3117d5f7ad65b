import { useMemo, useRef, useState } from 'preact/hooks';
import type { ExtractedClaim } from '../core/claim.ts';
import type { Suggestion } from '../core/classify/classify-claim.ts';
import { RED_FLAG_NAMES } from '../core/classify/red-flag-cues.ts';
import { CONTROL_IDS, CONTROLS, type ControlId } from '../core/controls.ts';
import type { AssessmentVerdict } from '../core/review-records.ts';
import { ClaimText } from './ClaimText.tsx';
import type { Tagging } from './use-tagging.ts';

type Item = { claim: ExtractedClaim; suggestion: Suggestion; index: number };
type Group = { id: ControlId | 'none'; items: Item[] };

const KIND_LABEL = { evidence: 'Evidence', marketing: 'Marketing', unclear: 'Unclear' } as const;
const VERDICT_KEYS: Record<string, AssessmentVerdict> = { e: 'evidence', m: 'marketing', n: 'not-relevant' };

/**
 * The scan grouped by suggested control, with counts. A claim clicked is shown on the page.
 * With a review open, each claim can be tagged — by mouse, or from the keyboard:
 * ↑/↓ (or k/j) move, a accepts the suggestion, e/m/n tag evidence/marketing/not relevant for the
 * chosen control, 1–5 choose among the suggested controls, u undoes the last change.
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
      const group = map.get(id) ?? { id, items: [] };
      group.items.push({ claim, suggestion, index });
      map.set(id, group);
    });
    const order = (id: ControlId | 'none') => (id === 'none' ? 99 : CONTROL_IDS.indexOf(id));
    return [...map.values()].sort((a, b) => order(a.id) - order(b.id));
  }, [claims, suggestions, filter]);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [chosen, setChosen] = useState<Map<number, ControlId>>(new Map());
  const list = useRef<HTMLUListElement>(null);

  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const controlOf = (item: Item): ControlId | undefined =>
    chosen.get(item.index) ?? item.suggestion.controls[0]?.id;
  const byIndex = new Map(groups.flatMap((g) => g.items.map((i) => [i.index, i] as const)));

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
    const all = [...(list.current?.querySelectorAll<HTMLElement>('li.claim') ?? [])];
    const at = all.indexOf(li);
    const key = event.key;
    if (key === 'ArrowDown' || key === 'j') all[at + 1]?.focus();
    else if (key === 'ArrowUp' || key === 'k') all[at - 1]?.focus();
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
    <ul id="scan-groups" class="groups" ref={list} onKeyDown={onKeyDown}>
      {groups.map((group) => {
        const count = (kind: string) => group.items.filter((i) => i.suggestion.kind === kind).length;
        const name = group.id === 'none' ? 'No control suggested' : CONTROLS[group.id].name;
        const isOpen = expanded || open.has(group.id) || filter.trim() !== '';
        return (
          <li key={group.id} data-control={group.id}>
            <button
              type="button"
              class="group-header"
              aria-expanded={isOpen}
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
            {isOpen && (
              <ul class="claims">
                {group.items.map((item) => (
                  <ClaimItem
                    key={item.index}
                    item={item}
                    control={controlOf(item)}
                    onChoose={(c) => setChosen((m) => new Map(m).set(item.index, c))}
                    onShow={onShow}
                    onAccept={() => accept(item)}
                    tagging={tagging}
                  />
                ))}
              </ul>
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
}: {
  item: Item;
  control: ControlId | undefined;
  onChoose: (control: ControlId) => void;
  onShow: (claim: ExtractedClaim) => void;
  onAccept: () => void;
  tagging?: Tagging;
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
    >
      <button type="button" class="claim-button" onClick={() => onShow(claim)} title="Show on the page">
        <ClaimText text={claim.text} cues={suggestion.cues} />
      </button>
      <div class="claim-meta">
        <span class={`badge badge-${suggestion.kind}`}>Suggested: {KIND_LABEL[suggestion.kind]}</span>
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
