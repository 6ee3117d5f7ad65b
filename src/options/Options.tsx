import { useEffect, useState } from 'preact/hooks';
import { grantedOrigins, revokeOrigins } from '../platform/host-access.ts';
import { loadSettings, NO_TRACKERS, saveSettings, type TrackerSettings } from '../platform/settings.ts';
import { BackupRestore } from './BackupRestore.tsx';
import { TrackerFields, trackerProblem } from './TrackerFields.tsx';

/** The options page: who is reviewing (for the audit trail) and which sites the extension may read. */
export function Options() {
  const [name, setName] = useState('');
  const [trackers, setTrackers] = useState<TrackerSettings>(NO_TRACKERS);
  const [status, setStatus] = useState<string | null>(null);
  const [origins, setOrigins] = useState<string[] | null>(null);
  // The form appears only once the stored settings are in it: typed before then, a value would be
  // overwritten by the late load and the next save would store the old one.
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    loadSettings()
      .then(
        (s) => {
          setName(s.reviewerName);
          setTrackers(s.trackers);
        },
        (e: unknown) => setStatus(`Could not load settings: ${String(e)}`),
      )
      .finally(() => setLoaded(true));
    grantedOrigins().then(setOrigins, () => setOrigins([]));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const problem = trackerProblem(trackers);
      if (problem) {
        setStatus(problem);
        return;
      }
      await saveSettings({
        reviewerName: name.trim(),
        trackers: Object.fromEntries(
          Object.entries(trackers).map(([k, v]) => [k, v.trim()]),
        ) as unknown as TrackerSettings,
      });
      setStatus('Saved.');
    } catch (e) {
      setStatus(`Could not save: ${String(e)}`);
    }
  };

  const revoke = async (origin: string) => {
    await revokeOrigins([origin]);
    setOrigins(await grantedOrigins());
  };

  return (
    <main style={{ maxWidth: '640px' }}>
      <h1>Vendor Review — Options</h1>
      <section>
        <h2>Reviewer and issue trackers</h2>
        {!loaded && <p class="muted">Loading your settings…</p>}
        {loaded && (
          <form class="stack" onSubmit={save}>
            <label>
              Your name (recorded with each change in a review’s history)
              <input name="reviewer" value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </label>
            <TrackerFields value={trackers} onChange={setTrackers} />
            <div class="row">
              <button class="primary" type="submit">
                Save
              </button>
              {status && <span role="status">{status}</span>}
            </div>
          </form>
        )}
      </section>
      <section>
        <h2>Sites the extension may read</h2>
        <p class="muted">
          Without an entry here the extension reads only the tab you open it on. Everything it reads stays in
          this browser.
        </p>
        {origins?.length === 0 && <p>None.</p>}
        {origins && origins.length > 0 && (
          <ul id="granted-origins">
            {origins.map((o) => (
              <li key={o} class="row">
                <code>{o}</code>
                <button type="button" onClick={() => void revoke(o)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <BackupRestore />
    </main>
  );
}
