/**
 * Data survives an extension reload in real Chromium, with the reviewer mid-sentence: a review
 * with a live-demo entry and a saved note, then more typed into the note and the extension
 * reloaded before the save (`Extensions.loadUnpacked` on the same folder, as chrome://extensions'
 * Reload does for an unpacked extension: same id, panel closed, new service worker). The reopened
 * panel shows every row as before, the sentence kept, and an intact audit trail.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type ChromiumSession, type ExtensionTarget, launchChromium } from './harness/chromium.ts';
import { openPanelFor } from './panel-actions.ts';
import { DIST_CHROME, SAMPLE_TRUST_CENTER } from './paths.ts';
import { DUMP_DATABASE, submitDemoEntry, textOf, visitless } from './probes.ts';

let server: StaticServer;
let browser: ChromiumSession;
let vendor: Page;

const SAVED = 'Asked for the pen-test summary.';
const TYPED = `${SAVED} Vendor promised it by Fri`;
const note = `document.querySelector('textarea[data-note-scope="review"]')`;

/** Types into the review note as a reviewer does: input events only, no blur (nothing forces a save). */
const typeNote = (panel: ExtensionTarget, value: string) =>
  panel.evaluate(`(() => {
    const area = ${note};
    area.focus();
    area.value = ${JSON.stringify(value)};
    area.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  })()`);

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  browser = await launchChromium({ extensionDir: DIST_CHROME });
  vendor = await browser.context.newPage();
  await vendor.goto(server.url);
  await vendor.waitForSelector('html[data-rendered="true"]');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an extension reload in Chromium', () => {
  test('every row is back, the sentence typed before the reload is kept, and the trail verifies', async () => {
    const panel = await openPanelFor(browser, vendor);
    await panel.waitFor(`document.querySelector('form button[type=submit]')`);
    await panel.evaluate(`document.querySelector('form button[type=submit]').click()`);
    await panel.waitFor(`document.querySelector('#demo-start')`);
    await panel.evaluate(`document.querySelector('#demo-start').click()`);
    await panel.waitFor(`document.querySelector('#demo-entry')`);
    await panel.evaluate(submitDemoEntry('+ #rev Revoked the token live; the next call failed'));
    await panel.waitFor(`document.querySelectorAll('#demo .demo-log li[data-entry]').length === 1`);
    await typeNote(panel, SAVED);
    await panel.evaluate(`${note}.blur()`);
    await panel.waitFor(`${textOf('textarea[data-note-scope="review"] + span')} === 'Saved'`);
    const before = await panel.evaluate<string>(DUMP_DATABASE);
    expect(JSON.parse(before).notes.map((n: { text: string }) => n.text)).toEqual([SAVED]);

    // Mid-sentence: typed, not yet saved (the save waits for a pause), and the extension reloads.
    await typeNote(panel, TYPED);
    await browser.reloadExtension();
    await expect
      .poll(
        async () =>
          await panel
            .evaluate('1')
            .then(() => 'open')
            .catch(() => 'closed'),
        { timeout: 10_000 },
      )
      .toBe('closed');

    const reopened = await openPanelFor(browser, vendor);
    await reopened.waitFor(
      `document.querySelectorAll('#demo .demo-log li[data-entry]').length === 1`,
      20_000,
    );
    await reopened.waitFor(`${note}?.value === ${JSON.stringify(TYPED)}`);
    await reopened.waitFor(`${textOf('textarea[data-note-scope="review"] + span')} === 'Saved'`);
    expect(await reopened.evaluate<string>(textOf('#checklist li[data-control="revocation"]'))).toMatch(
      /Proven/,
    );

    const after = visitless(await reopened.evaluate<string>(DUMP_DATABASE));
    const was = visitless(before);
    // Every table as it was, but for the note now holding the whole sentence and its save event.
    for (const table of Object.keys(was).filter((t) => t !== 'notes' && t !== 'events')) {
      expect(after[table], table).toEqual(was[table]);
    }
    expect(after.notes?.map((n) => n.text)).toEqual([TYPED]);
    // The dump sorts rows by id; the chain's order is its sequence number.
    const bySeq = (events: Array<Record<string, unknown>> = []) =>
      [...events].sort((a, b) => Number(a.seq) - Number(b.seq));
    const wasEvents = bySeq(was.events);
    expect(bySeq(after.events).slice(0, wasEvents.length)).toEqual(wasEvents);
    expect(
      bySeq(after.events)
        .slice(wasEvents.length)
        .map((e) => e.action),
    ).toEqual(['note.edit']);

    await reopened.evaluate(`document.querySelector('#verify-trail').click()`);
    await reopened.waitFor(`${textOf('#trail-check')}.includes('intact')`);
  });
});
