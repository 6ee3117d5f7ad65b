import { useMemo, useState } from 'preact/hooks';
import type { ExtractedClaim } from '../core/claim.ts';
import type { Suggestion } from '../core/classify/classify-claim.ts';
import { RED_FLAG_NAMES } from '../core/classify/red-flag-cues.ts';
import { CONTROL_IDS, CONTROLS, type ControlId } from '../core/controls.ts';
import { ClaimText } from './ClaimText.tsx';

type Group = {
  id: ControlId | 'none';
  items: Array<{ claim: ExtractedClaim; suggestion: Suggestion; index: number }>;
};

const KIND_LABEL = { evidence: 'Evidence', marketing: 'Marketing', unclear: 'Unclear' } as const;

/** The scan grouped by suggested control, with counts; a claim clicked is shown on the page. */
export function ScanResults({
  claims,
  suggestions,
  onShow,
}: {
  claims: readonly ExtractedClaim[];
  suggestions: readonly Suggestion[];
  onShow: (claim: ExtractedClaim) => void;
}) {
  const groups = useMemo(() => {
    const map = new Map<ControlId | 'none', Group>();
    claims.forEach((claim, index) => {
      const suggestion = suggestions[index];
      if (!suggestion) return;
      const id = suggestion.controls[0]?.id ?? 'none';
      const group = map.get(id) ?? { id, items: [] };
      group.items.push({ claim, suggestion, index });
      map.set(id, group);
    });
    const order = (id: ControlId | 'none') => (id === 'none' ? 99 : CONTROL_IDS.indexOf(id));
    return [...map.values()].sort((a, b) => order(a.id) - order(b.id));
  }, [claims, suggestions]);
  const [open, setOpen] = useState<Set<string>>(new Set());

  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <ul id="scan-groups" class="groups">
      {groups.map((group) => {
        const count = (kind: string) => group.items.filter((i) => i.suggestion.kind === kind).length;
        const name = group.id === 'none' ? 'No control suggested' : CONTROLS[group.id].name;
        const isOpen = open.has(group.id);
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
                {group.items.map(({ claim, suggestion, index }) => (
                  <li key={index} class={`claim claim-${suggestion.kind}`} data-claim-index={index}>
                    <button
                      type="button"
                      class="claim-button"
                      onClick={() => onShow(claim)}
                      title="Show on the page"
                    >
                      <ClaimText text={claim.text} cues={suggestion.cues} />
                    </button>
                    <div class="claim-meta">
                      <span class={`badge badge-${suggestion.kind}`}>{KIND_LABEL[suggestion.kind]}</span>
                      {suggestion.controls.slice(1, 3).map((c) => (
                        <span key={c.id} class="badge" title={`score ${c.score}`}>
                          also {CONTROLS[c.id].name.toLowerCase()}
                        </span>
                      ))}
                      {claim.flags.gated && <span class="badge">gated</span>}
                      {claim.flags.hidden && <span class="badge">collapsed</span>}
                      {claim.flags.inCode && <span class="badge">code</span>}
                      {suggestion.redFlags.map((f) => (
                        <span key={f} class="badge badge-red-flag">
                          red flag: {RED_FLAG_NAMES[f]}
                        </span>
                      ))}
                      {claim.headingPath.length > 0 && (
                        <span class="url">{claim.headingPath.join(' › ')}</span>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
