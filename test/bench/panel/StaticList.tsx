/**
 * The baseline of the panel benchmark: the same groups and the same rows as the scan list — the
 * claim text with its cues, the badges, the tag bar with its control picker, buttons and red
 * flags — rendered with Preact in one go, every row, no windowing. Its buttons work as the
 * real ones do, and "e" tags the focused row (for the latency reference); the markup matches
 * `ClaimItem` element for element (the benchmark checks that).
 */
import type { ExtractedClaim } from '../../../src/core/claim.ts';
import { namesItsControl, type Suggestion } from '../../../src/core/classify/classify-claim.ts';
import { RED_FLAG_NAMES } from '../../../src/core/classify/red-flag-cues.ts';
import { CONTROL_IDS, CONTROLS, type ControlId } from '../../../src/core/controls.ts';
import { ClaimText } from '../../../src/sidepanel/ClaimText.tsx';
import type { Tagging } from '../../../src/sidepanel/use-tagging.ts';

const KIND_LABEL = { evidence: 'Evidence', marketing: 'Marketing', unclear: 'Unclear' } as const;

export function StaticList({
  claims,
  suggestions,
  tagging,
  onShow,
}: {
  claims: readonly ExtractedClaim[];
  suggestions: readonly Suggestion[];
  tagging: Tagging;
  onShow: (claim: ExtractedClaim) => void;
}) {
  const chosen = new Map<number, ControlId>();
  const groups = new Map<ControlId | 'none', number[]>();
  suggestions.forEach((s, i) => {
    const id = s.controls[0]?.id ?? 'none';
    groups.set(id, [...(groups.get(id) ?? []), i]);
  });
  const order = (id: ControlId | 'none') => (id === 'none' ? 99 : CONTROL_IDS.indexOf(id));
  const onKeyDown = (event: KeyboardEvent) => {
    const li = (event.target as HTMLElement).closest?.('li.claim') as HTMLElement | null;
    if (!li || event.key !== 'e') return;
    const index = Number(li.dataset.claimIndex);
    const claim = claims[index] as ExtractedClaim;
    const suggestion = suggestions[index] as Suggestion;
    const control = suggestion.controls[0]?.id;
    if (control) void tagging.tag(claim, suggestion, control, 'evidence');
    event.preventDefault();
  };
  return (
    <ul id="scan-groups" class="groups" onKeyDown={onKeyDown}>
      {[...groups]
        .sort(([a], [b]) => order(a) - order(b))
        .map(([id, indices]) => {
          const count = (kind: string) =>
            indices.filter((i) => (suggestions[i] as Suggestion).kind === kind).length;
          return (
            <li key={id} data-control={id}>
              <button type="button" class="group-header" aria-expanded={true}>
                <span class="title">{id === 'none' ? 'No control suggested' : CONTROLS[id].name}</span>
                <span class="counts">
                  <span class="badge">{indices.length}</span>
                  <span class="badge badge-evidence">{count('evidence')} evidence</span>
                  <span class="badge badge-marketing">{count('marketing')} marketing</span>
                  {count('unclear') > 0 && <span class="badge">{count('unclear')} unclear</span>}
                </span>
              </button>
              <ul class="claims">
                {indices.map((index) => {
                  const claim = claims[index] as ExtractedClaim;
                  const suggestion = suggestions[index] as Suggestion;
                  const control = suggestion.controls[0]?.id;
                  const current = control ? tagging.tagsOf(claim).get(control) : undefined;
                  const raised = tagging.flagsOf(claim);
                  return (
                    <li
                      key={index}
                      class={`claim claim-${suggestion.kind}${current ? ` claim-tagged-${current}` : ''}`}
                      data-claim-index={index}
                      // biome-ignore lint/a11y/noNoninteractiveTabindex: as in the scan list.
                      tabIndex={0}
                      data-tag={current ?? ''}
                    >
                      <button
                        type="button"
                        class="claim-button"
                        onClick={() => onShow(claim)}
                        title="Show on the page"
                      >
                        <ClaimText text={claim.text} cues={suggestion.cues} />
                      </button>
                      <div class="claim-meta">
                        <span class={`badge badge-${suggestion.kind}`}>
                          Suggested: {KIND_LABEL[suggestion.kind]}
                        </span>
                        {suggestion.controls[0] && !namesItsControl(suggestion) && (
                          <span class="badge" title="No word of this claim names the control">
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
                        {claim.headingPath.length > 0 && (
                          <span class="url">{claim.headingPath.join(' › ')}</span>
                        )}
                      </div>
                      <div class="tag-bar">
                        <select
                          aria-label="Control to tag"
                          value={control}
                          onChange={(e) => chosen.set(index, e.currentTarget.value as ControlId)}
                        >
                          {CONTROL_IDS.map((c) => (
                            <option key={c} value={c}>
                              {CONTROLS[c].name}
                            </option>
                          ))}
                        </select>
                        <button
                          type="button"
                          onClick={() =>
                            control &&
                            suggestion.kind !== 'unclear' &&
                            void tagging.tag(claim, suggestion, control, suggestion.kind)
                          }
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
                              control &&
                              void tagging.tag(claim, suggestion, control, current === v ? null : v)
                            }
                          >
                            {v === 'not-relevant'
                              ? 'Not relevant'
                              : v === 'evidence'
                                ? 'Evidence'
                                : 'Marketing'}
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
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
    </ul>
  );
}
