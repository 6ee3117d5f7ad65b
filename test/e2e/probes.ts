/**
 * Expressions evaluated inside extension pages by both browsers' e2e tests.
 */

/**
 * Tries what a strict CSP must refuse in an extension page — eval, new Function, an inline
 * script, a network request — and reports what happened to each.
 */
export function cspProbe(networkUrl: string): string {
  // The checks run in a later task: code evaluated by the automation protocol itself is exempt
  // from the page's CSP in both browsers, code the page runs afterwards is not.
  return `(async () => {
    const out = {};
    await new Promise((done) => setTimeout(() => {
      try { eval('1 + 1'); out.eval = 'ran'; } catch (e) { out.eval = e.name; }
      try { new Function('return 1')(); out.newFunction = 'ran'; } catch (e) { out.newFunction = e.name; }
      done();
    }, 0));
    window.__timerRan = false;
    setTimeout('window.__timerRan = true', 0);
    await new Promise((r) => setTimeout(r, 50));
    out.stringTimer = window.__timerRan ? 'ran' : 'blocked';
    window.__inlineRan = false;
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    out.inlineScript = window.__inlineRan ? 'ran' : 'blocked';
    try { await fetch(${JSON.stringify(networkUrl)}); out.fetch = 'ran'; } catch (e) { out.fetch = e.name; }
    return out;
  })()`;
}

/** What the probe must find in every extension page. */
export const CSP_REFUSES_ALL = {
  eval: 'EvalError',
  newFunction: 'EvalError',
  stringTimer: 'blocked',
  inlineScript: 'blocked',
  fetch: 'TypeError',
};

/** An expression for the text of the first element matching a selector ('' when there is none). */
export const textOf = (selector: string): string =>
  `(document.querySelector(${JSON.stringify(selector)})?.textContent ?? '')`;

/** An expression that types `line` into the live demo's entry field and presses Enter, as a reviewer does. */
export const submitDemoEntry = (line: string): string => `(() => {
  const input = document.querySelector('#demo-entry');
  input.focus();
  input.value = ${JSON.stringify(line)};
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
  return true;
})()`;

/** Every row of our database, table by table, sorted by id: two equal dumps are the same data. */
export const DUMP_DATABASE = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('vendor-review');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  // Keys sorted: the same rows written in another key order are the same data.
  const canon = (v) => Array.isArray(v) ? v.map(canon) : v && typeof v === 'object'
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])])) : v;
  const out = {};
  for (const name of [...db.objectStoreNames].sort()) {
    out[name] = await new Promise((resolve, reject) => {
      const r = db.transaction(name).objectStore(name).getAll();
      r.onsuccess = () => resolve(r.result.map(canon).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
      r.onerror = () => reject(r.error);
    });
  }
  db.close();
  return JSON.stringify(out);
})()`;

/**
 * A {@link DUMP_DATABASE} result without what a visit itself updates: the page's last read and its
 * length then (a reopened panel may read the page while it is still rendering), the review's
 * update time. Two dumps equal after this hold the same reviewer's work.
 */
export function visitless(dump: string): Record<string, Array<Record<string, unknown>>> {
  const all = JSON.parse(dump) as Record<string, Array<Record<string, unknown>>>;
  for (const r of all.reviews ?? []) delete r.updatedAt;
  for (const s of all.sources ?? []) {
    delete s.lastCapturedAt;
    delete s.textLength;
  }
  return all;
}

/** What {@link STORED_SCREENSHOTS} reports for each screenshot row. */
export interface StoredScreenshot {
  /** SHA-256 of the stored image bytes, computed now. */
  hash: string;
  /** The SHA-256 the row records. */
  recorded: string;
  type: string;
  size: number;
}

/** Every screenshot row with an image, its bytes hashed afresh in the page: the recorded hash must match. */
export const STORED_SCREENSHOTS = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('vendor-review');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const rows = await new Promise((resolve) => {
    const r = db.transaction('attachments').objectStore('attachments').getAll();
    r.onsuccess = () => resolve(r.result);
  });
  db.close();
  const out = [];
  for (const row of rows.filter((r) => r.blob)) {
    const bytes = await row.blob.arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    out.push({
      hash: [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''),
      recorded: row.sha256,
      type: row.blob.type,
      size: bytes.byteLength,
    });
  }
  return out;
})()`;

/**
 * Whether the panel lists the hostile page's sentence holding a lone surrogate, surrogate and
 * all. Asked in the panel: a lone surrogate does not survive the trip out as JSON.
 */
export const LONE_SURROGATE_CLAIM_SHOWN = `[...document.querySelectorAll('.claim-text')].some((e) => e.textContent.includes('Session keys are rotated \\uD800 every 24 hours'))`;
