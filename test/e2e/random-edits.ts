/**
 * Two panels on one review make random edits at once — tagging claims, raising and resolving red
 * flags — without waiting for each other; afterwards both show the same state, the database holds
 * one row per claim and per claim × control, every red flag raised is there, the stored tags are
 * what the audit trail says they are, and the chain verifies. Shared by the Chromium (two side
 * panels) and Firefox (two sidebars) runs; each panel has scanned the same page.
 */
import { expect } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import { textOf } from './probes.ts';

/** What the run needs of a panel: evaluate an expression in it, and wait for one to be truthy. */
export interface EditingPanel {
  evaluate<T = unknown>(expression: string): Promise<T>;
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
}

/** What a panel shows, in one comparable string: verdict, every control's status and counts, red flags. */
const SHOWN = `JSON.stringify({
  verdict: document.querySelector('#verdict')?.dataset.verdict,
  checklist: [...document.querySelectorAll('#checklist li[data-control]')].map((li) => li.dataset.control + ':' + li.dataset.status + ':' + li.querySelector('.counts')?.textContent),
  flags: [...document.querySelectorAll('#red-flag-list li')].map((li) => li.dataset.flag + ':' + li.dataset.resolved + ':' + li.textContent).sort(),
})`;

/** Every row of the review's tables, read from the panel's own IndexedDB. */
const READ_DB = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('vendor-review');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const all = (name) => new Promise((resolve, reject) => {
    const r = db.transaction(name).objectStore(name).getAll();
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const out = { claims: await all('claims'), assessments: await all('assessments'), redFlags: await all('redFlags'), events: await all('events') };
  db.close();
  return out;
})()`;

interface Rows {
  claims: Array<{ id: string; sourceId: string; selector: { exact: string } }>;
  assessments: Array<{ claimId: string; control: string; verdict: string }>;
  redFlags: Array<{ id: string; flag: string; resolved: boolean }>;
  events: Array<{
    seq: number;
    action: string;
    target: { id: string };
    after?: { control?: string; verdict?: string | null };
  }>;
}

/** Scans the page beside the panel and opens every control's group, so all claims can be tagged. */
export async function scanAndOpenAll(panel: EditingPanel): Promise<void> {
  await panel.evaluate(`document.querySelector('#scan-button').click()`);
  await panel.waitFor(`document.querySelector('#scan')?.dataset.state === 'done'`, 20_000);
  await panel.evaluate(`(() => {
    for (const b of document.querySelectorAll('#scan-groups .group-header[aria-expanded="false"]')) b.click();
  })()`);
  await panel.waitFor(`document.querySelectorAll('#scan-groups li.claim').length > 20`);
}

/** Runs `runMs` of random edits from both panels with the given seed, then checks the end state. */
export async function editAtOnce(
  panels: readonly EditingPanel[],
  seed: number,
  runMs: number,
): Promise<void> {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // The same 12 claims in both panels (the windows differ only in ?window=2), so the panels collide.
  const claimCount = Math.min(
    12,
    await (panels[0] as EditingPanel).evaluate<number>(
      `document.querySelectorAll('#scan-groups li.claim').length`,
    ),
  );
  let raised = 0;
  const actions: Record<string, number> = {};
  const started = Date.now();
  while (Date.now() - started < runMs) {
    const panel = pick(panels);
    const roll = next();
    let action: string;
    if (roll < 0.75) {
      const index = Math.floor(next() * claimCount);
      const verdict = pick(['evidence', 'marketing', 'not-relevant']);
      action = `tag-${verdict}`;
      // Not awaited past the click: the other panel's next action races this write.
      await panel.evaluate(
        `document.querySelectorAll('#scan-groups li.claim')[${index}]?.querySelector('[data-verdict="${verdict}"]')?.click()`,
      );
    } else if (roll < 0.88) {
      action = 'raise';
      await panel.evaluate(`(() => {
        const d = document.querySelector('#raise-red-flag');
        d.open = true;
        const select = d.querySelector('select[name=flag]');
        select.value = ${JSON.stringify(pick(['logs-without-actor', 'long-lived-keys', 'shared-identity']))};
        select.dispatchEvent(new Event('change', { bubbles: true }));
      })()`);
      await panel.evaluate(`document.querySelector('#raise-red-flag button[type=submit]').click()`);
      raised++;
    } else {
      action = 'resolve';
      await panel.evaluate(`(() => {
        const buttons = document.querySelectorAll('#red-flag-list li button');
        buttons[Math.floor(${next()} * buttons.length)]?.click();
      })()`);
    }
    actions[action] = (actions[action] ?? 0) + 1;
    // A fast reviewer in each window: an action every 0–300 ms (far faster than a person), never
    // waiting for the write. Faster than this only lengthens the queue the test then waits out.
    await new Promise((r) => setTimeout(r, next() * 300));
  }
  console.log(`concurrency seed ${seed}: ${JSON.stringify(actions)}`);
  // Enough racing writes to mean something: both panels together made at least one action per
  // 300 ms of the run (runs here made one per 216–244 ms).
  expect(Object.values(actions).reduce((a, b) => a + b, 0)).toBeGreaterThan(runMs / 300);

  // Every write issued is still queued or running: wait until the audit trail stops growing.
  const [a, b] = panels as [EditingPanel, EditingPanel];
  const settleStarted = Date.now();
  let events = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, 2000));
    const now = (await a.evaluate<Rows>(READ_DB)).events.length;
    if (now === events || Date.now() - settleStarted > 60_000) break;
    events = now;
  }
  console.log(`writes settled ${Date.now() - settleStarted} ms after the last action`);

  // Quiescence: both panels settle on the same picture.
  const deadline = Date.now() + 15_000;
  let shownA = '';
  let shownB = '';
  for (;;) {
    shownA = await a.evaluate<string>(SHOWN);
    shownB = await b.evaluate<string>(SHOWN);
    if (shownA === shownB || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(shownB).toBe(shownA);

  const rows = await a.evaluate<Rows>(READ_DB);
  // One stored claim per quote and page, one assessment per claim × control.
  const quotes = rows.claims.map((c) => `${c.sourceId}\u0000${c.selector.exact}`);
  expect(new Set(quotes).size).toBe(quotes.length);
  const pairs = rows.assessments.map((x) => `${x.claimId}\u0000${x.control}`);
  expect(new Set(pairs).size).toBe(pairs.length);
  // Every red flag raised by hand was stored, each with its event.
  expect(rows.redFlags.length).toBe(raised);
  expect(rows.events.filter((e) => e.action === 'redflag.raise').length).toBe(raised);
  // The stored tags are what the last tag event of each claim × control says.
  const replay = new Map<string, string | null>();
  for (const e of [...rows.events].sort((x, y) => x.seq - y.seq)) {
    if (e.action === 'claim.tag' || e.action === 'claim.untag') {
      replay.set(`${e.target.id}\u0000${e.after?.control}`, e.after?.verdict ?? null);
    }
  }
  const stored = new Map(rows.assessments.map((x) => [`${x.claimId}\u0000${x.control}`, x.verdict]));
  for (const [key, verdict] of replay) expect(stored.get(key) ?? null, key).toBe(verdict);
  expect(rows.assessments.length).toBe([...replay.values()].filter((v) => v !== null).length);

  for (const panel of panels) {
    await panel.evaluate(`document.querySelector('#verify-trail').click()`);
    await panel.waitFor(`${textOf('#trail-check')}.includes('intact')`);
  }
}
