/**
 * Two sidebars in two Firefox windows edit one review at once for 20 seconds of random actions
 * (see random-edits.ts for what is done and checked). The seed is printed so a failure can be
 * replayed (VR_SEED=…).
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type FirefoxSession, launchFirefox } from './harness/firefox.ts';
import { DIST_FIREFOX, SAMPLE_TITLE, SAMPLE_TRUST_CENTER } from './paths.ts';
import { textOf } from './probes.ts';
import { type EditingPanel, editAtOnce, scanAndOpenAll } from './random-edits.ts';
import { waitInSidebar } from './sidebar-wait.ts';

const RUN_MS = 20_000;
const SEED = Number(process.env.VR_SEED ?? Date.now() % 2 ** 31);

let server: StaticServer;
let firefox: FirefoxSession;
let panels: EditingPanel[];

/** The sidebar of the window holding `tab`, as a panel the random run can drive. */
function sidebarOf(tab: string): EditingPanel {
  return {
    evaluate: (expression) => firefox.sidebarEvaluate(expression, tab),
    waitFor: (expression, timeoutMs) => waitInSidebar(firefox, expression, timeoutMs, tab),
  };
}

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  firefox = await launchFirefox({ extensionDir: DIST_FIREFOX });
  await waitInSidebar(firefox, `document.querySelector('h1')?.textContent === 'Vendor Review'`);
  const firstTab = await firefox.openTab(server.url);
  await firefox.waitFor(firstTab, `document.documentElement.dataset.rendered === 'true'`);
  await firefox.grantHostPermissions(['http://127.0.0.1/*']);
  const first = sidebarOf(firstTab);
  await first.evaluate(`document.querySelector('#read-again')?.click()`);
  await first.waitFor(`${textOf('#page-title')} === ${JSON.stringify(SAMPLE_TITLE)}`);
  await first.evaluate(`document.querySelector('form button[type=submit]').click()`);
  await first.waitFor(`document.querySelector('#verdict')`);
  // The same page in a second window, with its own sidebar on the same review.
  const secondTab = await firefox.openWindow(`${server.url}?window=2`);
  await firefox.waitFor(secondTab, `document.documentElement.dataset.rendered === 'true'`);
  await firefox.openSidebar(secondTab);
  const second = sidebarOf(secondTab);
  await second.waitFor(`document.querySelector('#verdict')`, 15_000);
  panels = [first, second];
  for (const panel of panels) await scanAndOpenAll(panel);
}, 90_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('two Firefox sidebars, one review, 20 seconds of random edits', () => {
  test(`both sidebars end identical, nothing is lost, the chain verifies (seed ${SEED})`, async () => {
    await editAtOnce(panels, SEED, RUN_MS);
  }, 120_000);
});
