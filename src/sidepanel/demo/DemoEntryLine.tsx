import { useEffect, useRef, useState } from 'preact/hooks';
import { classifyClaim } from '../../core/classify/classify-claim.ts';
import { RED_FLAG_NAMES } from '../../core/classify/red-flag-cues.ts';
import { CONTROLS } from '../../core/controls.ts';
import {
  applyHotkey,
  DEMO_HOTKEYS,
  type EntryMode,
  hotkeyOf,
  PREFIX_HELP,
  parseDemoEntry,
} from '../../core/demo/parse-entry.ts';
import { DEMO_KIND_LABELS, type DemoSession } from '../../core/demo-records.ts';
import { formatOffset } from '../../core/demo-time.ts';
import { database } from '../../store/db.ts';
import { addDemoEntry } from '../../store/demo.ts';
import { describeWriteError } from '../../store/storage-error.ts';

/** Where the line's unsent text waits (synchronously, per keystroke) so a closed panel loses nothing. */
export const entryDraftKey = (sessionId: string): string => `vendor-review:demo-draft:${sessionId}`;

/** How the preset mode reads on its chip. */
function modeText(mode: EntryMode): string {
  const parts = [
    mode.kind ? DEMO_KIND_LABELS[mode.kind] : 'Note (or as prefixed)',
    mode.basis,
    mode.control ? CONTROLS[mode.control].name : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * The quick-entry line of a running demo: type, press Enter, and the entry is stamped with its
 * offset and wall time. Prefixes (`+ #rev …`) or hotkeys (Alt+E, Alt+1 …) say what it is.
 */
export function DemoEntryLine({ session, actor }: { session: DemoSession; actor: string }) {
  const key = entryDraftKey(session.id);
  const [text, setText] = useState(() => localStorage.getItem(key) ?? '');
  const [mode, setMode] = useState<EntryMode>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const busy = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [session.id]);

  const submit = async () => {
    if (busy.current) return;
    // The field's own value, not state: Enter right after a paste comes before the re-render.
    const parsed = parseDemoEntry(input.current?.value ?? text, mode);
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: parsed.error });
      return;
    }
    const { entry } = parsed;
    const suggestion = classifyClaim({ text: entry.text });
    const redFlag = entry.kind === 'red-flag' ? (entry.redFlag ?? suggestion.redFlags[0]) : undefined;
    if (entry.kind === 'red-flag' && !redFlag) {
      setMessage({
        kind: 'error',
        text: 'Which red flag is it? Start the line with one, e.g. “!manual”, “!keys” or “!shared” (see the prefixes below).',
      });
      return;
    }
    busy.current = true;
    try {
      const claim = await addDemoEntry(database(), actor, {
        session,
        entry: { ...entry, ...(redFlag ? { redFlag } : {}) },
        suggestion,
      });
      localStorage.removeItem(key);
      setText('');
      const flagText = redFlag ? ` — ${RED_FLAG_NAMES[redFlag]}` : '';
      setMessage({
        kind: 'done',
        text: `Logged at ${formatOffset(claim.demo?.offsetMs ?? 0)}: ${DEMO_KIND_LABELS[entry.kind]}${flagText}.`,
      });
    } catch (error) {
      // The line keeps its text (and its draft): nothing typed is lost.
      setMessage({ kind: 'error', text: describeWriteError(error) });
    } finally {
      busy.current = false;
    }
  };

  return (
    <div class="demo-entry stack">
      <label for="demo-entry">
        What the vendor says or shows <span class="muted">(Enter to log)</span>
      </label>
      <input
        id="demo-entry"
        ref={input}
        value={text}
        autocomplete="off"
        spellcheck={true}
        aria-describedby="demo-mode demo-entry-status"
        placeholder="+ #rev Admin revoked the token; the next call failed"
        onInput={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          if (value) localStorage.setItem(key, value);
          else localStorage.removeItem(key);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.isComposing) {
            e.preventDefault();
            void submit();
            return;
          }
          const hotkey = hotkeyOf(e);
          if (!hotkey) return;
          const next = applyHotkey(mode, hotkey);
          if (!next) return;
          e.preventDefault();
          setMode(next);
        }}
      />
      <p class="row">
        <span id="demo-mode" class="chip" aria-live="polite">
          Mode: {modeText(mode)}
        </span>
        {(mode.kind || mode.control) && (
          <button type="button" class="link" onClick={() => setMode({})}>
            Clear mode
          </button>
        )}
      </p>
      <p
        id="demo-entry-status"
        class={message?.kind === 'error' ? 'error' : 'muted'}
        role={message?.kind === 'error' ? 'alert' : 'status'}
      >
        {message?.text ?? ''}
      </p>
      <details class="muted">
        <summary>Prefixes and hotkeys</summary>
        <ul class="help">
          {PREFIX_HELP.map((h) => (
            <li key={h.prefix}>
              <code>{h.prefix}</code> {h.meaning}
            </li>
          ))}
          {DEMO_HOTKEYS.map((h) => (
            <li key={h.key}>
              <kbd>{h.key}</kbd> {h.label}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
