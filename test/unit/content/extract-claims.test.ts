import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_LIMITS,
  type DomExtraction,
  type ExtractLimits,
  extractDomClaims,
} from '../../../content/extract/extract-claims.ts';
import { extractPage } from '../../../content/read-page.ts';
import { parseHtml } from '../../../src/cli/parse-html.ts';
import type { ExtractedClaim } from '../../../src/core/claim.ts';
import { normaliseText } from '../../../src/core/normalise-text.ts';

function page(body: string, title = 'Trust center'): Document {
  return parseHtml(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`);
}

function extract(body: string, limits: Partial<ExtractLimits> = {}): DomExtraction {
  return extractDomClaims(page(body), { ...DEFAULT_LIMITS, ...limits });
}

const texts = (r: DomExtraction) => r.claims.map((c) => c.text);

function claimWith(r: DomExtraction, fragment: string): ExtractedClaim {
  const claim = r.claims.find((c) => c.text.includes(fragment));
  if (!claim) throw new Error(`no claim with "${fragment}" in ${JSON.stringify(texts(r))}`);
  return claim;
}

/** Every positioned selector points at its quote in the page text, with its surroundings. */
function expectSelectorsPointIntoPage(r: DomExtraction): void {
  for (const claim of r.claims) {
    const { start, end, exact, prefix, suffix } = claim.selector;
    if (start === undefined || end === undefined) continue;
    expect(normaliseText(r.pageText.slice(start, end)), claim.text).toBe(exact);
    expect(prefix.length).toBeLessThanOrEqual(32);
    expect(suffix.length).toBeLessThanOrEqual(32);
    expect(normaliseText(r.pageText.slice(0, start)).endsWith(prefix), `prefix of ${claim.text}`).toBe(true);
    expect(normaliseText(r.pageText.slice(end)).startsWith(suffix), `suffix of ${claim.text}`).toBe(true);
  }
}

describe('what becomes a claim', () => {
  test('each sentence of a paragraph is its own claim', () => {
    const r = extract(
      '<p>Data is encrypted at rest with AES-256. Keys are rotated every 90 days. SSO uses SAML 2.0, e.g. with Okta.</p>',
    );
    expect(texts(r)).toEqual([
      'Data is encrypted at rest with AES-256.',
      'Keys are rotated every 90 days.',
      'SSO uses SAML 2.0, e.g. with Okta.',
    ]);
    expect(r.claims.every((c) => c.structure === 'sentence' && c.origin === 'dom')).toBe(true);
    expect(r.claims.every((c) => !c.flags.hidden && !c.flags.gated && !c.flags.inCode)).toBe(true);
    expectSelectorsPointIntoPage(r);
  });

  test('inline markup joins its sentence; fragments shorter than three words are dropped', () => {
    const r = extract(
      '<p>Keys live in <strong>AWS KMS</strong> and <a href="/hsm">FIPS 140-2 HSMs</a>.</p><p>Yes.</p>',
    );
    expect(texts(r)).toEqual(['Keys live in AWS KMS and FIPS 140-2 HSMs.']);
  });

  test('list items become list-item claims', () => {
    const r = extract(`
      <ul>
        <li>Access is reviewed every quarter.</li>
        <li>SSO is enforced for all staff accounts.</li>
      </ul>`);
    expect(r.claims.map((c) => [c.text, c.structure])).toEqual([
      ['Access is reviewed every quarter.', 'list-item'],
      ['SSO is enforced for all staff accounts.', 'list-item'],
    ]);
  });

  test('a list item of one short phrase is a claim; a short sentence inside a longer item is not', () => {
    const r = extract(`
      <p>Client secrets are hashed with one of these algorithms:</p>
      <ul>
        <li>scrypt</li>
        <li>bcrypt (Default)</li>
        <li><a href="/argon2">Argon2id</a></li>
        <li>Keys are rotated every 90 days. Yes.</li>
      </ul>`);
    expect(r.claims.map((c) => [c.text, c.structure])).toEqual([
      ['Client secrets are hashed with one of these algorithms:', 'sentence'],
      ['scrypt', 'list-item'],
      ['bcrypt (Default)', 'list-item'],
      ['Keys are rotated every 90 days.', 'list-item'],
    ]);
  });

  test('a table row joins its cells with " | " and carries the header cells as context', () => {
    const r = extract(
      '<table><thead><tr><th>Subprocessor</th><th>Purpose</th><th>Location</th></tr></thead>' +
        '<tbody><tr><td>Amazon Web Services</td><td>Cloud hosting</td><td>United States</td></tr>' +
        '<tr><td>Stripe</td><td>Payment processing</td><td>United States</td></tr></tbody></table>',
    );
    expect(r.claims.map((c) => [c.text, c.structure, c.context])).toEqual([
      [
        'Amazon Web Services | Cloud hosting | United States',
        'table-row',
        'Subprocessor | Purpose | Location',
      ],
      ['Stripe | Payment processing | United States', 'table-row', 'Subprocessor | Purpose | Location'],
    ]);
    expectSelectorsPointIntoPage(r);
  });

  test('a header row of th cells without a thead is context, not a claim', () => {
    const r = extract(
      '<table><tr><th>Control area</th><th>Status</th></tr><tr><td>Pen test by external firm</td><td>Passed</td></tr></table>',
    );
    expect(texts(r)).toEqual(['Pen test by external firm | Passed']);
    expect(r.claims[0]?.context).toBe('Control area | Status');
  });

  // BUG (content/extract/extract-claims.ts, flushRow): a row's `exact` joins only the cells'
  // text, while start/end span the whole row, including the whitespace text nodes between
  // pretty-printed <td>s. For the row below, exact is "AWSCloud hosting" but
  // normaliseText(pageText.slice(start, end)) is "AWS Cloud hosting", so neither the position
  // nor the quote (see anchor.test.ts) finds the row again.
  test('a pretty-printed table row still has a selector that points into the page text', () => {
    const r = extract(`
      <table>
        <thead><tr><th>Name</th><th>Purpose</th></tr></thead>
        <tbody>
          <tr>
            <td>AWS</td>
            <td>Cloud hosting</td>
          </tr>
        </tbody>
      </table>`);
    expect(texts(r)).toEqual(['AWS | Cloud hosting']);
    expectSelectorsPointIntoPage(r);
  });

  test('a definition list: the description is a claim, the term is its context', () => {
    const r = extract(
      '<dl><dt>Encryption</dt><dd>All data is encrypted at rest with AES-256.</dd>' +
        '<dt>Residency</dt><dd>Customer data is stored in the EU (Frankfurt).</dd></dl>',
    );
    expect(r.claims.map((c) => [c.text, c.structure, c.context])).toEqual([
      ['All data is encrypted at rest with AES-256.', 'definition', 'Encryption'],
      ['Customer data is stored in the EU (Frankfurt).', 'definition', 'Residency'],
    ]);
  });

  test('a collapsed <details> answer is a hidden accordion claim with the question as context', () => {
    const r = extract(
      '<details><summary>Do you train models on customer data?</summary>' +
        '<p>Customer prompts are never used for model training.</p></details>' +
        '<details open><summary>Where is data stored?</summary><p>Data is stored in AWS eu-central-1.</p></details>',
    );
    expect(r.claims.map((c) => [c.text, c.structure, c.context, c.flags.hidden])).toEqual([
      [
        'Customer prompts are never used for model training.',
        'accordion',
        'Do you train models on customer data?',
        true,
      ],
      ['Data is stored in AWS eu-central-1.', 'accordion', 'Where is data stored?', false],
    ]);
    // The question itself is not a claim.
    expect(texts(r).some((t) => t.includes('Do you train'))).toBe(false);
  });

  test('an ARIA accordion panel: hidden, accordion, the controlling button as context', () => {
    const r = extract(
      '<div class="faq">' +
        '<h3><button id="q1" aria-controls="a1" aria-expanded="false">How are backups protected?</button></h3>' +
        '<div id="a1" role="region" aria-labelledby="q1" hidden><p>Backups are encrypted with AES-256 and kept for 35 days.</p></div>' +
        '</div>',
    );
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({
      text: 'Backups are encrypted with AES-256 and kept for 35 days.',
      structure: 'accordion',
      context: 'How are backups protected?',
      flags: { hidden: true },
    });
  });

  test('callouts: div.callout and blockquote', () => {
    const r = extract(
      '<div class="callout warning"><p>API keys never expire unless you revoke them.</p></div>' +
        '<blockquote>We do not sell customer data to third parties.</blockquote>' +
        '<p>Plain paragraph stays a sentence.</p>',
    );
    expect(r.claims.map((c) => [c.text, c.structure])).toEqual([
      ['API keys never expire unless you revoke them.', 'callout'],
      ['We do not sell customer data to third parties.', 'callout'],
      ['Plain paragraph stays a sentence.', 'sentence'],
    ]);
  });

  test('a code block is one code claim, flagged inCode, not split into sentences', () => {
    const r = extract(
      '<pre><code>$ vendorctl tokens create --ttl 15m. Then run it.\n$ vendorctl audit export --since 7d</code></pre>',
    );
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]?.structure).toBe('code');
    expect(r.claims[0]?.flags.inCode).toBe(true);
    expect(r.claims[0]?.text).toBe(
      '$ vendorctl tokens create --ttl 15m. Then run it. $ vendorctl audit export --since 7d',
    );
    expectSelectorsPointIntoPage(r);
  });

  test('gated documents: "Request access" or "Available under NDA" in the card flags its claims', () => {
    const r = extract(
      '<div class="document-card"><h3>SOC 2 Type II</h3><p>Report covering the 2024 audit period.</p><button>Request access</button></div>' +
        '<div class="card"><p>Penetration test summary by an external firm.</p><span>Available under NDA</span></div>' +
        '<div class="card"><p>Our privacy policy is public for everyone.</p><a href="/privacy">Read</a></div>',
    );
    expect(claimWith(r, 'Report covering').flags.gated).toBe(true);
    expect(claimWith(r, 'Penetration test summary').flags.gated).toBe(true);
    expect(claimWith(r, 'privacy policy').flags.gated).toBe(false);
    // The button is not a claim itself.
    expect(texts(r).some((t) => /request access/i.test(t))).toBe(false);
  });

  test('gate words count only as words of their own: "mitigated", "delegated", "blocked" gate nothing', () => {
    const r = extract(
      '<div class="card"><p>Injection risks are mitigated by parameterised queries.</p></div>' +
        '<li>Admin rights are delegated per workspace and reviewed monthly.</li>' +
        '<div class="document-card"><p>The bridge letter is unlocked for every customer.</p></div>' +
        '<li>Requests from unknown networks are blocked at the edge.</li>' +
        "<li><strong>Blocked</strong> tokens cannot reach the organisation's resources.</li>" +
        '<div class="document-card"><p>The ISO 27001 certificate is shown here.</p><span>Gated</span></div>' +
        // The card's text runs title and badge together: "…Type IILocked" is still a gate.
        '<div class="document-card"><h4>SOC 2 Type II</h4><span>Locked</span><p>Covers the last twelve months.</p></div>',
    );
    expect(claimWith(r, 'Injection risks').flags.gated).toBe(false);
    expect(claimWith(r, 'Admin rights').flags.gated).toBe(false);
    expect(claimWith(r, 'bridge letter').flags.gated).toBe(false);
    expect(claimWith(r, 'unknown networks').flags.gated).toBe(false);
    expect(claimWith(r, 'organisation').flags.gated).toBe(false);
    expect(claimWith(r, 'ISO 27001').flags.gated).toBe(true);
    expect(claimWith(r, 'twelve months').flags.gated).toBe(true);
  });

  test('a bare "locked" or "gated" gates as a label, not as a verb in prose; a data subject access request gates nothing', () => {
    const r = extract(
      '<li>Access to the admin API is gated on an SSO identity provider.</li>' +
        '<li>The endpoint is locked down further with mutual TLS.</li>' +
        '<li>Deployments to production can be gated.</li>' +
        '<li>Locked down by default, the bucket allows no public reads.</li>' +
        '<li>The penetration test report is gated behind an NDA.</li>' +
        '<li>The bridge letter is available on request.</li>' +
        '<li>To exercise your rights, use the Data Subject Access Request form.</li>' +
        '<div class="document-card"><p>Quarterly access review evidence.</p><span>LOCKED</span></div>',
    );
    expect(claimWith(r, 'admin API').flags.gated).toBe(false);
    expect(claimWith(r, 'mutual TLS').flags.gated).toBe(false);
    expect(claimWith(r, 'can be gated').flags.gated).toBe(false);
    expect(claimWith(r, 'public reads').flags.gated).toBe(false);
    expect(claimWith(r, 'Data Subject').flags.gated).toBe(false);
    // A real gate said in prose still counts through its phrase ("NDA", "on request").
    expect(claimWith(r, 'penetration test report').flags.gated).toBe(true);
    expect(claimWith(r, 'bridge letter').flags.gated).toBe(true);
    expect(claimWith(r, 'access review evidence').flags.gated).toBe(true);
  });

  test('a gate phrase in a long container (a whole post in an article) flags only its own sentence', () => {
    const filler = '<p>Teams review access to production systems every quarter with the owners.</p>'.repeat(
      20,
    );
    const r = extract(
      `<article><p>The full penetration test report is available on request.</p>${filler}<p>Backups run nightly to a second region.</p></article>`,
    );
    expect(claimWith(r, 'penetration test report').flags.gated).toBe(true);
    expect(claimWith(r, 'Backups run nightly').flags.gated).toBe(false);
  });

  test('gates in nested containers: the nearest container decides, as `closest` finds it', () => {
    const r = extract(
      '<article><p>Encryption at rest uses AES-256 keys.</p><ul>' +
        '<li>Outer item about backups kept for 30 days.<ul><li>Inner item: the SOC 2 report, available on request.</li></ul></li>' +
        '<li>Another item about key rotation every 90 days.</li></ul></article>' +
        '<section class="report-list"><p>Quarterly reports are public for everyone.</p><div class="x-card"><p>The card text talks about retention.</p></div></section>' +
        '<table><tr><td>Penetration test results are shared.</td><td>Locked</td></tr><tr><td>Uptime is reported monthly.</td><td>Open</td></tr></table>',
    );
    // The article holds a gate phrase, so the list items are searched: only the inner one has it.
    expect(claimWith(r, 'Inner item').flags.gated).toBe(true);
    expect(claimWith(r, 'Outer item').flags.gated).toBe(true);
    expect(claimWith(r, 'Another item').flags.gated).toBe(false);
    expect(claimWith(r, 'Encryption at rest').flags.gated).toBe(true);
    expect(claimWith(r, 'Quarterly reports').flags.gated).toBe(false);
    expect(claimWith(r, 'card text').flags.gated).toBe(false);
    expect(claimWith(r, 'Penetration test').flags.gated).toBe(true);
    expect(claimWith(r, 'Uptime').flags.gated).toBe(false);
  });

  test('the heading path follows h1 › h2 › h3 and resets when a new h2 follows an h3', () => {
    const r = extract(
      '<h1>Security</h1><p>Security overview of the product.</p>' +
        '<h2>Encryption</h2><p>Data is encrypted at rest.</p>' +
        '<h3>Key management</h3><p>Keys are held in AWS KMS.</p>' +
        '<h2>Access control</h2><p>Access requires SSO for staff.</p>' +
        '<h1>Privacy</h1><p>We never sell personal data.</p>',
    );
    expect(r.claims.map((c) => [c.text, c.headingPath])).toEqual([
      ['Security overview of the product.', ['Security']],
      ['Data is encrypted at rest.', ['Security', 'Encryption']],
      ['Keys are held in AWS KMS.', ['Security', 'Encryption', 'Key management']],
      ['Access requires SSO for staff.', ['Security', 'Access control']],
      ['We never sell personal data.', ['Privacy']],
    ]);
    // Headings are context, never claims.
    expect(texts(r)).not.toContain('Key management');
  });
});

describe('what is left out', () => {
  test('navigation, page header/footer, cookie banners, asides, forms, buttons, scripts and styles', () => {
    const r = extract(`
      <header><p>Acme is the most secure platform on earth.</p></header>
      <nav><ul><li>Security overview and our policies</li><li>Compliance reports and audits</li></ul></nav>
      <div id="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept all cookies</button></div>
      <article>
        <header><p>This article header is part of the content.</p></header>
        <p>Data is encrypted at rest with AES-256.</p>
        <footer><p>This article footer is part of the content too.</p></footer>
      </article>
      <aside><p>Related: read our blog about security.</p></aside>
      <form><label>Your work email address here</label><input name="email"><button>Subscribe to updates now</button></form>
      <script>var claim = "Scripts are never claims at all.";</script>
      <style>.x::after { content: "Styles are never claims either."; }</style>
      <div role="navigation"><p>Skip to the main content now.</p></div>
      <footer><p>Copyright 2025 Acme Inc. All rights reserved.</p></footer>`);
    expect(texts(r)).toEqual([
      'This article header is part of the content.',
      'Data is encrypted at rest with AES-256.',
      'This article footer is part of the content too.',
    ]);
    // Script and style text is not even part of the page text that positions count in.
    expect(r.pageText).not.toContain('Scripts are never claims');
    expect(r.pageText).not.toContain('Styles are never claims');
    // Left-out text still counts for positions.
    expect(r.pageText).toContain('We use cookies');
    expectSelectorsPointIntoPage(r);
  });

  test('when the page has a <main>, only its content yields claims, but positions count the whole body', () => {
    const r = extract(
      '<div class="top"><p>Marketing banner sentence outside main.</p></div>' +
        '<main><p>Audit logs are retained for 400 days.</p></main>' +
        '<div><p>Another sentence after main content.</p></div>',
    );
    expect(texts(r)).toEqual(['Audit logs are retained for 400 days.']);
    const claim = r.claims[0];
    expect(claim?.selector.start).toBe('Marketing banner sentence outside main.'.length);
    expectSelectorsPointIntoPage(r);
  });

  test('role="main" counts as the main content too', () => {
    const r = extract(
      '<p>Outside of the main region here.</p><div role="main"><p>Inside of the main region here.</p></div>',
    );
    expect(texts(r)).toEqual(['Inside of the main region here.']);
  });

  test('a bare link is navigation, not a claim', () => {
    const r = extract(
      '<p><a href="/audit">Read more about audit logs</a></p><p>Audit logs are exported daily.</p>',
    );
    expect(texts(r)).toEqual(['Audit logs are exported daily.']);
  });
});

describe('selectors and fragments', () => {
  const body =
    '<h1>Security</h1><p>Intro text for the page.</p>' +
    '<p>Keys are rotated every 90 days. Backups are encrypted with AES-256.</p>' +
    '<ul><li>Access is logged with the actor and time.</li></ul>' +
    '<p>Keys are rotated every 90 days.</p>';

  test('start/end index into pageText; prefix and suffix are the ≤ 32 characters around', () => {
    const r = extract(body);
    expect(r.claims.length).toBeGreaterThanOrEqual(4);
    expectSelectorsPointIntoPage(r);
    const backups = claimWith(r, 'Backups');
    // Block texts follow each other without a separator in the page text (like textContent).
    expect(backups.selector.prefix).toBe(
      'Intro text for the page.Keys are rotated every 90 days.'.slice(-32),
    );
    expect(backups.selector.suffix).toBe('Access is logged with the actor and time.'.slice(0, 32));
    const intro = claimWith(r, 'Intro');
    expect(intro.selector.start).toBe('Security'.length);
    expect(intro.selector.prefix).toBe('Security');
  });

  test('a fragment only for a quote that is unique on the page', () => {
    const r = extract(body);
    const repeated = r.claims.filter((c) => c.text === 'Keys are rotated every 90 days.');
    expect(repeated).toHaveLength(2);
    for (const c of repeated) expect(c.fragment).toBeUndefined();
    expect(claimWith(r, 'Backups').fragment).toBe(':~:text=Backups%20are%20encrypted%20with%20AES%2D256.');
    expect(claimWith(r, 'Access is logged').fragment).toBeDefined();
  });

  test('a quote that also appears in navigation or a heading gets no fragment', () => {
    const r = extract(
      '<nav><a href="#x">Data is encrypted at rest with AES-256.</a></nav><p>Data is encrypted at rest with AES-256.</p>',
    );
    expect(texts(r)).toEqual(['Data is encrypted at rest with AES-256.']);
    expect(r.claims[0]?.fragment).toBeUndefined();
  });

  // BUG (content/extract/extract-claims.ts, finishSelectors, since 170192b): uniqueness is now
  // counted over whole claim texts (plus non-claim text), so a quote that also occurs *inside*
  // another claim — a longer sentence or a table row — still gets a fragment. Text fragments
  // match at word boundaries anywhere on the page, so the link below scrolls to the first
  // occurrence ("Summary: Data is encrypted …"), not to the claim. Expected: no fragment.
  test('a quote that also occurs inside another claim gets no fragment', () => {
    const r = extract(
      '<p>Summary: Data is encrypted at rest with AES-256.</p>' +
        '<table><tr><td>Encryption</td><td>Data is encrypted at rest with AES-256.</td></tr></table>' +
        '<p>Data is encrypted at rest with AES-256.</p>',
    );
    const alone = r.claims.find((c) => c.text === 'Data is encrypted at rest with AES-256.');
    expect(alone).toBeDefined();
    expect(alone?.fragment).toBeUndefined();
  });

  test('table rows never get a fragment (their cells are not one run of text)', () => {
    const r = extract('<table><tr><td>Unique row text</td><td>only here once</td></tr></table>');
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]?.fragment).toBeUndefined();
  });

  test('a hidden (non-details, non-accordion) block gets no fragment', () => {
    const r = extract('<div style="display: none"><p>Hidden tab text about retention policy.</p></div>');
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]?.flags.hidden).toBe(true);
    expect(r.claims[0]?.fragment).toBeUndefined();
  });
});

describe('hostile text', () => {
  test('markup written as text stays plain text', () => {
    const r = extract(
      '<p>Try &lt;script&gt;alert(1)&lt;/script&gt; in the name field.</p>' +
        '<p>An &lt;img src=x onerror="alert(2)"&gt; tag is stored as text.</p>',
    );
    expect(texts(r)).toEqual([
      'Try <script>alert(1)</script> in the name field.',
      'An <img src=x onerror="alert(2)"> tag is stored as text.',
    ]);
  });

  test('bidi overrides and zero-width characters are removed from claims and quotes', () => {
    const r = extract(
      '<p>Data is \u202Edetpyrcne\u202C at rest with AES\u200D-256.</p><p>SO\u200BC 2 Type\u00A0II report is\u2060 available.</p>',
    );
    expect(texts(r)).toEqual([
      'Data is detpyrcne at rest with AES-256.',
      'SOC 2 Type II report is available.',
    ]);
    for (const c of r.claims) {
      expect(c.text).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00A0]/);
      expect(c.selector.exact).toBe(c.text);
    }
    expectSelectorsPointIntoPage(r);
  });

  test('a lone surrogate (text a script put in the page) does not stop extraction; its fragment link encodes U+FFFD', () => {
    const doc = page('<p id="a">placeholder</p><p>Keys rotate every 90 days automatically.</p>');
    const p = doc.getElementById('a');
    if (!p) throw new Error('no paragraph');
    // The HTML parser turns `&#xD800;` into U+FFFD; only a script's text node keeps a lone surrogate.
    p.textContent = 'Tokens are signed \uD800 and expire after 1 hour.';
    const r = extractDomClaims(doc, DEFAULT_LIMITS);
    expect(texts(r)).toEqual([
      'Tokens are signed \uD800 and expire after 1 hour.',
      'Keys rotate every 90 days automatically.',
    ]);
    expect(claimWith(r, 'Tokens are signed').fragment).toContain('%EF%BF%BD');
  });
});

describe('shadow DOM (happy-dom)', () => {
  test('the content of an open shadow root is read, slotted light children too', () => {
    const window = new Window();
    const doc = window.document as unknown as Document;
    doc.body.innerHTML =
      '<p>Before the component comes this.</p><trust-card id="host"><p>Slotted light child text here.</p></trust-card>';
    const host = doc.getElementById('host');
    if (!host) throw new Error('no host');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div><p>Shadow text: tokens expire after 1 hour.</p><slot></slot></div>';
    const r = extractDomClaims(doc);
    expect(texts(r)).toEqual([
      'Before the component comes this.',
      'Shadow text: tokens expire after 1 hour.',
      'Slotted light child text here.',
    ]);
    // Shadow text is not part of the body's text, so it has no position.
    expect(claimWith(r, 'Shadow text').selector.start).toBeUndefined();
    window.close();
  });

  test('gate containers are looked for as `closest` does: not across the shadow root, slotted nodes in the light DOM', () => {
    const window = new Window();
    const doc = window.document as unknown as Document;
    doc.body.innerHTML =
      '<li><trust-box id="host"><div class="doc-card"><p>Light text about audit logs kept.</p></div><p>Plain light text about backups.</p></trust-box> Request access</li>';
    const host = doc.getElementById('host');
    if (!host) throw new Error('no host');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div><p>Shadow text about token expiry.</p><slot></slot></div>';
    const r = extractDomClaims(doc);
    // The host sits in a gated list item, but the search from the shadow paragraph stops at the root.
    expect(claimWith(r, 'Shadow text').flags.gated).toBe(false);
    // The slotted card is its own container, without a gate phrase; a slotted paragraph's
    // nearest container is the list item around the host.
    expect(claimWith(r, 'Light text').flags.gated).toBe(false);
    expect(claimWith(r, 'Plain light text').flags.gated).toBe(true);
    window.close();
  });
});

describe('random text', () => {
  /** Surrogate halves, bidi and zero-width characters, controls, markup, and any other code point. */
  const anyText = fc.string({
    unit: fc.oneof(
      fc.constantFrom('\uD800', '\uDFFF', '\u202E', '\u200B', '\u00A0', '\n', '\t', ' ', '.', '<', '&', '-'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 80,
  });

  test('text set by a script, any text, is read without an error, every selector pointing into the page', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 6 }), (texts) => {
        const doc = page('<h2>Security</h2><main id="m"></main>');
        const main = doc.getElementById('m') as Element;
        for (const text of texts) {
          // Each random part inside a sentence long enough to be a claim.
          const p = doc.createElement('p');
          p.textContent = `Tokens are rotated ${text} every day for every tenant.`;
          main.append(p);
        }
        const r = extractDomClaims(doc, DEFAULT_LIMITS);
        expect(r.claims.length).toBeGreaterThan(0);
        expectSelectorsPointIntoPage(r);
      }),
      { numRuns: 100 },
    );
  });
});

describe('random pages', () => {
  const TAGS = [
    'div',
    'p',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'td',
    'th',
    'details',
    'summary',
  ]
    .concat([
      'dl',
      'dt',
      'dd',
      'h1',
      'h2',
      'h3',
      'section',
      'article',
      'nav',
      'header',
      'footer',
      'aside',
      'pre',
    ])
    .concat([
      'code',
      'span',
      'b',
      'a',
      'main',
      'blockquote',
      'figure',
      'figcaption',
      'button',
      'label',
      'script',
    ])
    .concat(['style', 'template', 'svg', 'noscript', 'textarea', 'select', 'option', 'form']);
  const word = fc.constantFrom(
    ...['Tokens', 'expire', 'after', '1', 'hour.', 'SOC', '2', 'Type', 'II', 'report', 'on', 'request'],
    ...['access', 'NDA', 'AES-256', 'keys', 'rotate', 'every', '90', 'days.', 'Request', 'Access', 'e.g.'],
    ...['\u00A0', '.', '?', '!', ';', ':', '\u202E', '\u200B', '\uD800'],
  );
  const text = fc.array(word, { maxLength: 14 }).map((words) => words.join(' '));
  type Tree = string | { tag: string; hidden: boolean; open: boolean; kids: Tree[] };
  const { tree } = fc.letrec<{ tree: Tree; element: Tree }>((tie) => ({
    tree: fc.oneof({ depthSize: 'medium' }, text, tie('element')),
    element: fc.record({
      tag: fc.constantFrom(...TAGS),
      hidden: fc.boolean(),
      open: fc.boolean(),
      kids: fc.array(tie('tree'), { maxLength: 5 }),
    }),
  }));
  const html = (t: Tree): string =>
    typeof t === 'string'
      ? t
      : `<${t.tag}${t.hidden ? ' hidden' : ''}${t.open ? ' open' : ''}>${t.kids.map(html).join('')}</${t.tag}>`;

  test('any nesting of content, chrome, hidden and skipped elements is read without an error', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), (trees) => {
        const r = extract(trees.map(html).join(''));
        for (const claim of r.claims) expect(claim.text).not.toBe('');
        expectSelectorsPointIntoPage(r);
      }),
      { numRuns: 300 },
    );
  });
});

describe('bounds on hostile or huge pages', () => {
  test('100,000 list items stop at 5000 claims and say why', { timeout: 20_000 }, () => {
    const items = Array.from({ length: 100_000 }, (_, i) => `<li>Control number ${i} is in place.</li>`);
    const doc = page(`<ul>${items.join('')}</ul>`);
    const r = extractDomClaims(doc, { ...DEFAULT_LIMITS, timeBudgetMs: 60_000 });
    expect(r.claims.length).toBeLessThanOrEqual(5000);
    expect(r.claims.length).toBeGreaterThan(4000);
    expect(r.truncated).toMatch(/5000 claims/);
  });

  test('a maxClaims limit is honoured exactly', () => {
    const items = Array.from({ length: 50 }, (_, i) => `<li>Control number ${i} is in place.</li>`);
    const r = extract(`<ul>${items.join('')}</ul>`, { maxClaims: 10 });
    expect(r.claims).toHaveLength(10);
    expect(r.claims.at(-1)?.text).toBe('Control number 9 is in place.');
    expect(r.truncated).toMatch(/10 claims/);
  });

  test('10,000 nested divs do not overflow the stack', { timeout: 20_000 }, () => {
    const doc = page('');
    let parent: Element = doc.body;
    for (let i = 0; i < 10_000; i++) {
      const div = doc.createElement('div');
      parent.appendChild(div);
      parent = div;
    }
    const p = doc.createElement('p');
    p.textContent = 'Deeply nested claim is still read.';
    parent.appendChild(p);
    let r: DomExtraction | undefined;
    expect(() => {
      r = extractDomClaims(doc);
    }).not.toThrow();
    expect(r && texts(r)).toEqual(['Deeply nested claim is still read.']);
  });

  test('1 MB of text without a space finishes and yields a clipped claim', () => {
    const r = extract(`<p>Our key is ${'A'.repeat(1_000_000)}</p>`);
    expect(r.claims).toHaveLength(1);
    const claim = r.claims[0] as ExtractedClaim;
    expect(claim.text.length).toBeLessThanOrEqual(2001);
    expect(claim.text.startsWith('Our key is AAAA')).toBe(true);
    expect(claim.text.endsWith('…')).toBe(true);
    expect(claim.selector.exact.length).toBeLessThanOrEqual(2000);
    expect(r.pageText.length).toBeGreaterThan(1_000_000);
  });

  // BUG (src/core/split-sentences.ts BOUNDARY regex, reached from flushRun): a run of
  // punctuation without spaces is split in super-linear time, and the time budget is only
  // checked between elements, so one paragraph of dots (~0.6 s for 20,000, minutes for 1 MB)
  // blocks the content script regardless of timeBudgetMs. Expected: stops within the budget.
  test('a paragraph of 20,000 dots stays within a 50 ms budget', () => {
    const started = performance.now();
    extract(`<p>Table of contents ${'.'.repeat(20_000)}5</p>`, { timeBudgetMs: 50 });
    expect(performance.now() - started).toBeLessThan(150);
  });

  test('a small time budget on a big page stops and says so in ms', { timeout: 20_000 }, () => {
    const paragraphs = Array.from(
      { length: 30_000 },
      (_, i) => `<div><p>Paragraph ${i} says that data is encrypted.</p></div>`,
    );
    const doc = page(paragraphs.join(''));
    const r = extractDomClaims(doc, { maxClaims: 1_000_000, timeBudgetMs: 1, maxClaimChars: 2000 });
    expect(r.truncated).toMatch(/\bms\b/);
    expect(r.claims.length).toBeLessThan(30_000);
  });
});

describe('extractPage', () => {
  test('wraps the DOM pass: url, title, platform, truncated and stats', () => {
    const items = Array.from({ length: 20 }, (_, i) => `<li>Control number ${i} is in place.</li>`);
    const doc = page(`<ul>${items.join('')}</ul>`, 'Acme Trust Center');
    const limits = { ...DEFAULT_LIMITS, maxClaims: 5 };
    const r = extractPage(doc, 'https://trust.acme.test/', limits);
    expect(r.url).toBe('https://trust.acme.test/');
    expect(r.title).toBe('Acme Trust Center');
    expect(r.platform).toBe('generic');
    expect(r.claims).toHaveLength(5);
    expect(r.truncated).toMatch(/5 claims/);
    expect(r.stats.elements).toBeGreaterThan(5);
    expect(r.stats.textLength).toBe(extractDomClaims(doc, limits).pageText.length);
    expect(r.claims).toEqual(extractDomClaims(doc, limits).claims);
  });

  test('an untruncated page has no truncated field', () => {
    const r = extractPage(page('<p>Data is encrypted at rest.</p>'), 'https://x.test/');
    expect(r.claims).toHaveLength(1);
    expect(r).not.toHaveProperty('truncated');
  });
});
