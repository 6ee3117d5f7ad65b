import type { CueSpan } from '../core/classify/classify-claim.ts';

/**
 * A claim's text with the cues that produced its suggestion marked. Page text is rendered as
 * text nodes (Preact escapes it); overlapping cues are merged so each character is marked once.
 */
export function ClaimText({ text, cues }: { text: string; cues: readonly CueSpan[] }) {
  const parts: Array<{ text: string; cue?: CueSpan }> = [];
  let at = 0;
  for (const cue of cues) {
    if (cue.start < at || cue.end > text.length) continue;
    if (cue.start > at) parts.push({ text: text.slice(at, cue.start) });
    parts.push({ text: text.slice(cue.start, cue.end), cue });
    at = cue.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return (
    <span class="claim-text">
      {parts.map((p, i) =>
        p.cue ? (
          <mark key={i} class={`cue cue-${p.cue.type}`} title={String(p.cue.label)}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
