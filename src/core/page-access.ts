/**
 * Why the extension cannot read a page, in words a reviewer can act on.
 * Checked before injecting (from the URL, when the browser lets us see it) and after a failed
 * injection (from the browser's error message).
 */

const GRANT_HINT =
  'Click the Vendor Review button in the toolbar while this page is open (or press Alt+Shift+R), then try again.';

/**
 * A reason the page cannot be read before we try, or `null` when it may be readable.
 * `justClicked`: the reviewer has just clicked our toolbar button on this tab (the popup is
 * open), which grants access to any page the browser lets extensions read — so a tab whose
 * address is still hidden is one of the browser's protected pages.
 */
export function pageAccessProblem(url: string | undefined, justClicked = false): string | null {
  if ((url === undefined || url === '') && justClicked) {
    return 'This is one of the browser’s protected pages (settings, extension stores, the PDF viewer …), which extensions cannot read. Open the vendor’s page in this tab.';
  }
  if (url === undefined || url === '') {
    // Without a grant the browser hides the tab's address, so we cannot tell which case this is.
    return `The extension has not been given access to this tab. ${GRANT_HINT} (Browser pages such as settings, extension stores and the PDF viewer cannot be read at all.)`;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This tab has no web address the extension can read.';
  }
  const { protocol, hostname, pathname } = parsed;
  if (protocol === 'chrome:' || protocol === 'edge:' || protocol === 'about:' || protocol === 'brave:') {
    return 'This is one of the browser’s own pages; extensions cannot read them. Open the vendor’s page in this tab.';
  }
  if (protocol === 'chrome-extension:' || protocol === 'moz-extension:' || protocol === 'extension:') {
    return 'This page belongs to an extension; extensions cannot read each other’s pages. Open the vendor’s page in this tab.';
  }
  if (
    protocol === 'view-source:' ||
    protocol === 'data:' ||
    protocol === 'blob:' ||
    protocol === 'javascript:'
  ) {
    return 'This kind of page cannot be read by extensions. Open the vendor’s page itself.';
  }
  if (
    hostname === 'chromewebstore.google.com' ||
    (hostname === 'chrome.google.com' && pathname.startsWith('/webstore')) ||
    hostname === 'microsoftedge.microsoft.com' ||
    hostname === 'addons.mozilla.org'
  ) {
    return 'Browser extension stores cannot be read by extensions; the browser forbids it.';
  }
  if (protocol === 'file:') {
    return 'Local files can be read only if you allow it: turn on “Allow access to file URLs” for Vendor Review on the browser’s extensions page, or serve the file over http(s).';
  }
  if (/\.pdf$/i.test(pathname)) {
    return 'This looks like a PDF shown in the browser’s PDF viewer, which extensions cannot read. Save the PDF and attach it to the review instead.';
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    return 'Only web pages (http and https) can be read.';
  }
  return null;
}

/** Turns a browser's injection error into a sentence for the reviewer. */
export function explainInjectionError(message: string, url: string | undefined): string {
  const known = pageAccessProblem(url);
  if (known) return known;
  const m = message.toLowerCase();
  if (m.includes('cannot access') || m.includes('permission') || m.includes('missing host')) {
    return `The extension has not been given access to this page. ${GRANT_HINT}`;
  }
  if (m.includes('gallery') || m.includes('webstore')) {
    return 'Browser extension stores cannot be read by extensions; the browser forbids it.';
  }
  if (m.includes('pdf') || m.includes('plugin')) {
    return 'This page is shown by a browser viewer (such as the PDF viewer) that extensions cannot read.';
  }
  if (m.includes('no tab') || m.includes('invalid tab')) {
    return 'That tab has closed. Open the vendor’s page and try again.';
  }
  if (
    m.includes('receiving end') ||
    m.includes('could not establish') ||
    m.includes('frame') ||
    m.includes('error page')
  ) {
    return 'The page changed while it was being read (it may still be loading, or it is an error page). Try again once it has loaded.';
  }
  return `The page could not be read: ${message}`;
}
