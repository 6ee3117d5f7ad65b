// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { anchorQuote } from '../../../content/anchor/anchor-quote.ts';
import { indexPageText } from '../../../content/anchor/page-text.ts';
import { type DomExtraction, extractDomClaims } from '../../../content/extract/extract-claims.ts';
import { parseHtml } from '../../../src/cli/parse-html.ts';
import type { ExtractedClaim } from '../../../src/core/claim.ts';
import { normaliseText } from '../../../src/core/normalise-text.ts';

function claimWith(r: DomExtraction, text: string, nth = 0): ExtractedClaim {
  const found = r.claims.filter((c) => c.text.includes(text));
  const claim = found[nth];
  if (!claim)
    throw new Error(`no claim #${nth} with "${text}" in ${JSON.stringify(r.claims.map((c) => c.text))}`);
  return claim;
}

/** Anchors a selector in the current document. */
function anchor(claim: ExtractedClaim) {
  return anchorQuote(document, indexPageText(document), claim.selector);
}

/** The element a range starts in. */
function startElement(range: Range): Element | null {
  const node = range.startContainer;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

function insertBefore(html: string): void {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.insertBefore(div, document.body.firstChild);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('anchorQuote', () => {
  test('a claim is found again by its position', () => {
    document.body.innerHTML =
      '<h1>Security</h1><p>Intro sentence for the page.</p>' +
      '<p id="target">Keys are <strong>rotated</strong> every 90 days. Backups are encrypted.</p>';
    const claim = claimWith(extractDomClaims(document), 'Keys are rotated');
    const found = anchor(claim);
    expect(found?.method).toBe('position');
    expect(normaliseText(found?.range.toString() ?? '')).toBe('Keys are rotated every 90 days.');
    expect(startElement(found?.range as Range)?.id).toBe('target');
  });

  test('the extractor and the anchoring index count the same page text', () => {
    document.body.innerHTML =
      '<nav>Home Docs</nav><script>var x = "not text";</script><style>p{}</style>' +
      '<main><h2>Logs</h2><p>Audit logs are kept for 400 days.</p><template><p>Template text is inert.</p></template></main>' +
      '<footer>Footer text here</footer>';
    const r = extractDomClaims(document);
    expect(indexPageText(document).text).toBe(r.pageText);
  });

  describe('page text: a text node counts unless its parent hides its own text', () => {
    /** The page text as both sides count it, after they were checked to agree. */
    function agreedPageText(doc: Document = document): string {
      const r = extractDomClaims(doc);
      expect(indexPageText(doc).text).toBe(r.pageText);
      return r.pageText;
    }

    // Only SVG text here: this DOM (happy-dom) puts foreignObject's HTML in the SVG namespace and
    // MathML in the HTML one; the e2e page-text tests check both in real browsers.
    test('SVG text is left out, and a sentence around an icon stays one claim', () => {
      document.body.innerHTML =
        '<p>Download the report <svg><title>Copy icon</title><text>Chart label</text></svg> from the trust portal.</p>' +
        '<p>Audit logs are exported daily.</p>';
      const text = agreedPageText();
      expect(text).not.toContain('Copy icon');
      expect(text).not.toContain('Chart label');
      const r = extractDomClaims(document);
      expect(anchor(claimWith(r, 'Download the report from the trust portal.'))?.method).toBe('position');
      expect(anchor(claimWith(r, 'Audit logs'))?.method).toBe('position');
    });

    test("an object's nested fallback counts, its own text and a script's do not", () => {
      document.body.innerHTML =
        '<object>Own fallback text.<p>Nested fallback paragraph.</p></object>' +
        '<canvas>Canvas fallback.</canvas><script>var secret = 1;</script><noscript>Enable scripts.</noscript>' +
        '<p>Keys rotate every 90 days.</p>';
      const text = agreedPageText();
      expect(text).toContain('Nested fallback paragraph.');
      expect(text).not.toContain('Own fallback text.');
      expect(text).not.toContain('Canvas fallback.');
      expect(text).not.toContain('secret');
      expect(text).not.toContain('Enable scripts.');
      const claim = claimWith(extractDomClaims(document), 'Keys rotate');
      expect(anchor(claim)?.method).toBe('position');
    });

    test("a web component's light DOM counts where it stands and its claims anchor by position, in a table cell too", () => {
      document.body.innerHTML =
        '<table><tr><td><trust-badge id="cell-host">Host text. <span>Badge light text.</span></trust-badge> SOC 2 Type II</td></tr></table>' +
        '<key-card id="card"><p>Keys are rotated every 90 days by the platform.</p></key-card>' +
        '<p>Tenants are isolated per account.</p>';
      for (const id of ['cell-host', 'card']) {
        const host = document.getElementById(id);
        if (!host) throw new Error(`no #${id}`);
        host.attachShadow({ mode: 'open' }).innerHTML = '<b>Shadow badge</b><div><slot></slot></div>';
      }
      const text = agreedPageText();
      expect(text).toContain('Host text. Badge light text.');
      expect(text).not.toContain('Shadow badge');
      const r = extractDomClaims(document);
      expect(anchor(claimWith(r, 'Keys are rotated'))?.method).toBe('position');
      expect(anchor(claimWith(r, 'Tenants are isolated'))?.method).toBe('position');
    });
  });

  test('after text is inserted before it, the claim is found by its quote', () => {
    document.body.innerHTML =
      '<p>Intro sentence for the page.</p><p id="target">Audit logs record the actor and the source IP.</p>';
    const claim = claimWith(extractDomClaims(document), 'Audit logs');
    insertBefore('<p>A new announcement banner was added above everything.</p>');
    const found = anchor(claim);
    expect(found?.method).toBe('quote');
    expect(normaliseText(found?.range.toString() ?? '')).toBe(claim.selector.exact);
    expect(startElement(found?.range as Range)?.id).toBe('target');
  });

  test('a quote whose text holds invisible characters and odd spacing is still found after a shift', () => {
    document.body.innerHTML =
      '<p>Intro sentence for the page.</p><p id="target">SOC\u00A02 Type\u200B II\n   report is available.</p>';
    const claim = claimWith(extractDomClaims(document), 'SOC 2');
    expect(claim.selector.exact).toBe('SOC 2 Type II report is available.');
    expect(anchor(claim)?.method).toBe('position');
    insertBefore('<p>Shifted by a new paragraph.</p>');
    const found = anchor(claim);
    expect(found?.method).toBe('quote');
    expect(normaliseText(found?.range.toString() ?? '')).toBe('SOC 2 Type II report is available.');
  });

  test('with the same sentence twice, prefix and suffix pick the right one', () => {
    document.body.innerHTML =
      '<h2>Production</h2><p id="first">Keys are rotated every 90 days.</p><p>Applies to production keys.</p>' +
      '<h2>Staging</h2><p id="second">Keys are rotated every 90 days.</p><p>Applies to staging keys only.</p>';
    const r = extractDomClaims(document);
    const first = claimWith(r, 'Keys are rotated', 0);
    const second = claimWith(r, 'Keys are rotated', 1);
    expect(first.selector.exact).toBe(second.selector.exact);
    // Positions shift: only the quote and its surroundings are left to go by.
    insertBefore('<p>Cookie notice inserted late by a script.</p>');
    const a = anchor(second);
    const b = anchor(first);
    expect(a?.method).toBe('quote');
    expect(startElement(a?.range as Range)?.id).toBe('second');
    expect(b?.method).toBe('quote');
    expect(startElement(b?.range as Range)?.id).toBe('first');
  });

  test('with the same sentence twice and no positions, prefix and suffix still pick the right one', () => {
    document.body.innerHTML =
      '<p id="first">Keys are rotated every 90 days.</p><p>Production only.</p>' +
      '<p id="second">Keys are rotated every 90 days.</p><p>Staging only.</p>';
    const second = claimWith(extractDomClaims(document), 'Keys are rotated', 1);
    const { start: _start, end: _end, ...rest } = second.selector;
    const found = anchorQuote(document, indexPageText(document), rest);
    expect(found?.method).toBe('quote');
    expect(startElement(found?.range as Range)?.id).toBe('second');
  });

  test('a quote that no longer exists returns null, never a wrong place', () => {
    document.body.innerHTML =
      '<p>Intro sentence for the page.</p><p id="target">Keys are rotated every 90 days.</p>';
    const claim = claimWith(extractDomClaims(document), 'Keys are rotated');
    // The vendor changed the sentence in place: same length, same position, different words.
    const target = document.getElementById('target');
    if (!target) throw new Error('no target');
    target.textContent = 'Keys are rotated every 30 days.';
    expect(anchor(claim)).toBeNull();
    // Removed altogether.
    target.remove();
    expect(anchor(claim)).toBeNull();
    // An empty page.
    document.body.innerHTML = '';
    expect(anchor(claim)).toBeNull();
  });

  test('a position past the end of a shorter page falls back to the quote', () => {
    document.body.innerHTML = `<p>${'Long filler sentence number one. '.repeat(20)}</p><p id="target">Data is stored in the EU.</p>`;
    const claim = claimWith(extractDomClaims(document), 'stored in the EU');
    document.body.innerHTML = '<p id="target">Data is stored in the EU.</p>';
    const found = anchor(claim);
    expect(found?.method).toBe('quote');
    expect(startElement(found?.range as Range)?.id).toBe('target');
  });

  // A web component's light DOM is read for claims through its shadow root's slots (without
  // positions), and counted for positions where it stands: the two texts must still agree, or
  // every claim after the component is found only by its quote.
  test('positions agree with the anchoring index after a web component with slotted text', () => {
    document.body.innerHTML =
      '<trust-card id="host"><p>Slotted light text in the card.</p></trust-card><p id="after">Audit logs are exported daily.</p>';
    const host = document.getElementById('host');
    if (!host) throw new Error('no host');
    host.attachShadow({ mode: 'open' }).innerHTML = '<div><slot></slot></div>';
    const r = extractDomClaims(document);
    const claim = claimWith(r, 'Audit logs');
    expect(anchor(claim)?.method).toBe('position');
    expect(indexPageText(document).text).toBe(r.pageText);
  });

  // BUG (same pair of files): the extractor skips an iframe's own child nodes (its fallback
  // text, which HTML parsers keep as a text node), while indexPageText counts them, so claims
  // after an `<iframe>fallback</iframe>` are never found by position. (Parsed with linkedom:
  // happy-dom refuses to connect iframes without printing errors.)
  test('positions agree with the anchoring index after an iframe with fallback text', () => {
    const doc = parseHtml(
      '<html><body><iframe>Your browser does not support frames.</iframe><p>Audit logs are exported daily.</p></body></html>',
    );
    expect(indexPageText(doc).text).toBe(extractDomClaims(doc).pageText);
  });

  // BUG (content/extract/extract-claims.ts `flushRow`): a table row's `exact` joins the cells
  // without the whitespace between pretty-printed <td>s ("AWSCloud hosting"), so neither the
  // position check nor the quote search (which sees "AWS Cloud hosting") matches, and a
  // subprocessor row from ordinary HTML can never be shown again. Expected: found.
  test('a row of a pretty-printed table is found again', () => {
    document.body.innerHTML = `
      <table>
        <tbody>
          <tr id="row">
            <td>AWS</td>
            <td>Cloud hosting</td>
          </tr>
        </tbody>
      </table>`;
    const claim = claimWith(extractDomClaims(document), 'AWS | Cloud hosting');
    const found = anchor(claim);
    expect(found).not.toBeNull();
    expect(normaliseText(found?.range.toString() ?? '')).toBe('AWS Cloud hosting');
  });

  test('a row of a compact table is found again', () => {
    document.body.innerHTML =
      '<p>Subprocessors we use.</p><table><tbody><tr id="row"><td>AWS</td><td>Cloud hosting</td></tr></tbody></table>';
    const claim = claimWith(extractDomClaims(document), 'AWS | Cloud hosting');
    const found = anchor(claim);
    expect(found?.method).toBe('position');
    expect(found?.range.toString()).toBe('AWSCloud hosting');
  });
});
