/**
 * The walking skeleton in real Firefox: the extension installed, its real sidebar showing the
 * panel, and the round trip into the sample trust center once the reviewer has let the
 * extension read the vendor's site (the optional host permission, as "Read all of …" asks); the
 * claims and workspace flows in the sidebar; and the page-text rule on a page built to test it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveFolder } from '../../scripts/static-server.ts';
import { type FirefoxSession, launchFirefox } from './harness/firefox.ts';
import { expectPageText, PAGE_TEXT_FIXTURE, pageTextBundle } from './page-text/expect-page-text.ts';
import type { PageTextCheck } from './page-text/in-page.ts';
import { DIST_FIREFOX, resultsDir, SAMPLE_TITLE, SAMPLE_TRUST_CENTER } from './paths.ts';
import { CSP_REFUSES_ALL, cspProbe, textOf } from './probes.ts';
import { waitInSidebar } from './sidebar-wait.ts';

const text = textOf;

let server: StaticServer;
let firefox: FirefoxSession;
let vendorTab: string;

beforeAll(async () => {
  server = await serveFolder(SAMPLE_TRUST_CENTER);
  firefox = await launchFirefox({ extensionDir: DIST_FIREFOX });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Waits in the sidebar's page until the expression is truthy. */
const sidebarWaitFor = (expression: string, timeoutMs?: number) =>
  waitInSidebar(firefox, expression, timeoutMs);

describe('foundation in Firefox', () => {
  test('the extension installs and its panel shows in the real sidebar', async () => {
    // Firefox opens the sidebar on install, asynchronously.
    await sidebarWaitFor(`document.querySelector('h1')?.textContent === 'Vendor Review'`);
    expect(await firefox.isSidebarOpen()).toBe(true);
    expect(await firefox.sidebarEvaluate<string>('document.title')).toBe('Vendor Review');
  });

  test('extension pages refuse eval, new Function, inline scripts and network requests (CSP)', async () => {
    const options = await firefox.openTab(`${firefox.extensionBase}src/options/index.html`);
    const before = server.requests.length;
    expect(await firefox.evaluate(options, cspProbe(`${server.url}csp-probe`))).toEqual(CSP_REFUSES_ALL);
    expect(server.requests.slice(before)).not.toContain('/csp-probe');
  });

  test('a tab not yet granted gets a plain sentence', async () => {
    vendorTab = await firefox.openTab(server.url);
    await firefox.waitFor(vendorTab, `document.documentElement.dataset.rendered === 'true'`);
    await sidebarWaitFor(`${text('#page-unavailable')}.includes('has not been given access')`);
  });

  test('once the site is granted, the round trip reads the page', async () => {
    await firefox.grantHostPermissions(['http://127.0.0.1/*']);
    await firefox.sidebarEvaluate(`document.querySelector('#read-again').click()`);
    await sidebarWaitFor(`${text('#page-title')} === ${JSON.stringify(SAMPLE_TITLE)}`);
    expect(await firefox.sidebarEvaluate<string>(text('#page-url'))).toBe(server.url);
    const length = Number(
      (await firefox.sidebarEvaluate<string>(text('#page-text-length'))).replace(/\D/g, ''),
    );
    expect(length).toBeGreaterThan(2000);
  });

  test('the sidebar starts a review and records the page', async () => {
    await sidebarWaitFor(`document.querySelector('input[name=domain]')?.value === '127.0.0.1'`);
    await firefox.sidebarEvaluate(`document.querySelector('form button[type=submit]').click()`);
    await sidebarWaitFor(`${text('#review-heading')}.includes('Kestrel Meridian AI')`);
    await sidebarWaitFor(`document.querySelectorAll('#sources li').length === 1`);
    // Another page of the vendor's joins the same review.
    await firefox.navigate(vendorTab, `${server.url}docs.html`);
    await sidebarWaitFor(`document.querySelectorAll('#sources li').length === 2`);
    expect(await firefox.sidebarEvaluate<string>(text('#page-title'))).toBe(
      'Agent identity and access — Kestrel Agents docs',
    );
    await firefox.screenshot(vendorTab, `${resultsDir('firefox')}/vendor-tab.png`);
  });
});

describe('claims in Firefox', () => {
  test('the sidebar scans the late-rendered trust center and groups claims by control', async () => {
    await firefox.navigate(vendorTab, server.url);
    await sidebarWaitFor(`${text('#page-title')} === ${JSON.stringify(SAMPLE_TITLE)}`);
    await firefox.sidebarEvaluate(`document.querySelector('#scan-button').click()`);
    await sidebarWaitFor(`document.querySelector('#scan')?.dataset.state === 'done'`, 20_000);
    const summary = await firefox.sidebarEvaluate<string>(text('#scan-summary'));
    expect(Number(summary.match(/\d+/)?.[0])).toBeGreaterThan(60);
    const groups = await firefox.sidebarEvaluate<string[]>(
      `[...document.querySelectorAll('#scan-groups > li')].map((li) => li.dataset.control)`,
    );
    for (const id of ['workload-identity', 'tenant-isolation', 'jit-access', 'revocation', 'auditability']) {
      expect(groups).toContain(id);
    }
  });

  test('clicking a claim scrolls the page to it and flashes it', async () => {
    await firefox.evaluate(vendorTab, 'window.scrollTo(0, 0)');
    await firefox.sidebarEvaluate(`(() => {
      for (const b of document.querySelectorAll('.group-header[aria-expanded="false"]')) b.click();
      return true;
    })()`);
    await firefox.sidebarEvaluate(`(() => {
      const items = [...document.querySelectorAll('#scan-groups .claim')];
      const far = items.filter((li) => /contact our support team/i.test(li.textContent)).at(-1) ?? items.at(-1);
      far.querySelector('.claim-button').click();
      return true;
    })()`);
    await firefox.waitFor(vendorTab, 'window.scrollY > 300', 5000);
    expect(await firefox.evaluate<boolean>(vendorTab, `CSS.highlights.has('vendor-review-flash')`)).toBe(
      true,
    );
  });
});

describe('the workspace in Firefox', () => {
  test('a claim tagged with the keyboard proves its control, is highlighted on the page, and the audit trail verifies', async () => {
    await firefox.sidebarEvaluate(`(() => {
      const li = [...document.querySelectorAll('#scan-groups li.claim')].find((el) => /X\\.509 SPIFFE SVID/.test(el.textContent));
      li.focus();
      li.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true }));
      return true;
    })()`);
    await sidebarWaitFor(
      `document.querySelector('#checklist li[data-control="workload-identity"]')?.dataset.status === 'proven'`,
    );
    await firefox.waitFor(vendorTab, `CSS.highlights.has('vendor-review-evidence')`, 10_000);
    await firefox.sidebarEvaluate(`document.querySelector('#verify-trail').click()`);
    await sidebarWaitFor(`${text('#trail-check')}.includes('intact')`);
  });

  test('a review note is saved as it is typed', async () => {
    await firefox.sidebarEvaluate(`(() => {
      const area = document.querySelector('textarea[data-note-scope="review"]');
      area.value = 'Asked for the SOC 2 bridge letter';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    })()`);
    await sidebarWaitFor(`${text('textarea[data-note-scope="review"] + span')} === 'Saved'`);
  });

  test('raising the "contact support to revoke" red flag from its suggestion makes it a prototype', async () => {
    await firefox.sidebarEvaluate(`(() => {
      for (const b of document.querySelectorAll('#scan-groups .group-header[aria-expanded="false"]')) b.click();
      return true;
    })()`);
    await sidebarWaitFor(`[...document.querySelectorAll('#scan-groups li.claim')]
      .some((li) => /contact our support team/i.test(li.textContent))`);
    await firefox.sidebarEvaluate(`[...document.querySelectorAll('#scan-groups li.claim')]
      .find((li) => /contact our support team/i.test(li.textContent))
      .querySelector('[data-raise="manual-revocation"]').click()`);
    await sidebarWaitFor(`document.querySelector('#verdict').dataset.verdict === 'prototype'`);
    expect(await firefox.sidebarEvaluate<string>(text('#verdict-decided-by'))).toContain(
      'Revocation depends on manual vendor intervention',
    );
  });

  test('a claim whose text changed on the page is "changed since capture" and its evidence goes stale', async () => {
    await firefox.evaluate(
      vendorTab,
      `(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.data.includes('X.509 SPIFFE SVID')) n.data = n.data.replace(/expires? after \\d+ minutes/, 'expires after 24 hours');
        }
        return true;
      })()`,
    );
    await firefox.sidebarEvaluate(`document.querySelector('#read-again').click()`);
    await sidebarWaitFor(
      `document.querySelector('#checklist li[data-control="workload-identity"]')?.dataset.status === 'stale'`,
      15_000,
    );
    // The control's claims show when it is opened.
    await firefox.sidebarEvaluate(`(() => {
      const header = document.querySelector('#checklist li[data-control="workload-identity"] .group-header');
      if (header.getAttribute('aria-expanded') !== 'true') header.click();
      return true;
    })()`);
    await sidebarWaitFor(`document.querySelector('#checklist li[data-anchor="changed"]')`);
    expect(await firefox.sidebarEvaluate<string>(text('#checklist li[data-anchor="changed"]'))).toMatch(
      /Changed since capture\. Now: .*24 hours/,
    );
  });

  test('after a reload of the page the highlights return and the evidence is proven again', async () => {
    await firefox.navigate(vendorTab, server.url);
    await firefox.waitFor(vendorTab, `document.documentElement.dataset.rendered === 'true'`);
    await firefox.waitFor(vendorTab, `CSS.highlights.has('vendor-review-evidence')`, 15_000);
    await sidebarWaitFor(
      `document.querySelector('#checklist li[data-control="workload-identity"]')?.dataset.status === 'proven'`,
      15_000,
    );
    await firefox.sidebarEvaluate(`document.querySelector('#verify-trail').click()`);
    await sidebarWaitFor(`${text('#trail-check')}.includes('intact')`);
  });

  test('a single-page-app navigation offers a rescan, which reads the new page', async () => {
    await firefox.evaluate(
      vendorTab,
      `document.querySelector('a[href="/subprocessors"][data-route]').click()`,
    );
    await firefox.waitFor(vendorTab, `location.pathname === '/subprocessors'`);
    await firefox.waitFor(vendorTab, `document.documentElement.dataset.rendered === 'true'`);
    await sidebarWaitFor(`document.querySelector('#scan-stale') !== null`, 10_000);
    await firefox.sidebarEvaluate(`document.querySelector('#scan-button').click()`);
    await sidebarWaitFor(
      `document.querySelector('#scan')?.dataset.state === 'done' && !document.querySelector('#scan-stale')`,
      20_000,
    );
    await firefox.sidebarEvaluate(
      `(() => { for (const b of document.querySelectorAll('.group-header[aria-expanded="false"]')) b.click(); return true; })()`,
    );
    await sidebarWaitFor(
      `[...document.querySelectorAll('#scan-groups .claim-text')].some((e) => e.textContent.includes('Amazon Web Services'))`,
    );
  });
});

describe('page text in Firefox', () => {
  test('the extractor and the anchoring index agree, and claims anchor by position', async () => {
    const fixture = await serveFolder(PAGE_TEXT_FIXTURE);
    try {
      const bundle = await pageTextBundle();
      const tab = await firefox.openTab(fixture.url);
      await firefox.waitFor(tab, `document.getElementById('host')?.shadowRoot != null`);
      // The bundle defines its global when evaluated in the page's realm, as a script tag would.
      await firefox.evaluate(tab, `${bundle}; 0`);
      const json = await firefox.evaluate<string>(tab, 'JSON.stringify(globalThis.__pageText.check())');
      expectPageText(JSON.parse(json) as PageTextCheck);
    } finally {
      await fixture.close();
    }
  });
});
