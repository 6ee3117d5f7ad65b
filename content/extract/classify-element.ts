/**
 * How the extractor treats each element: skipped entirely, left out of claims (navigation,
 * banners, forms …), a heading, a block (its text is a unit of claims) or inline (its text joins
 * the surrounding block's). By tag name and a few attributes only: no computed style, so it is
 * fast and behaves the same in the browser and in the CLI's DOM.
 */

/** Elements whose text is never claims, and whose own text nodes are not page text (`page-text-rule.ts`). */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'OBJECT',
  'EMBED',
  'MATH',
  'HEAD',
]);

/** Elements that never hold claims (their text still counts for positions). */
const LEAVE_OUT = new Set([
  'NAV',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'LABEL',
  'DIALOG',
  'MENU',
]);

const LEAVE_OUT_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'button',
  'tablist',
  'dialog',
  'alertdialog',
]);

const COOKIE = /cookie|consent|gdpr-?banner|onetrust|cookiebot|cc-window|truste|privacy-banner/i;
const CALLOUT = /\b(callout|admonition|alert|note|warning|tip|important|notice|caution|info-?box)\b/i;
const ACCORDION = /accordion|faq|collaps|disclosure/i;

const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'FIGCAPTION',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'DETAILS',
  'SUMMARY',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'TD',
  'TH',
  'CAPTION',
  'HR',
  'ADDRESS',
  'CENTER',
  'BODY',
  'HTML',
  'IFRAME',
  'FIELDSET',
  'LEGEND',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HGROUP',
  'SEARCH',
]);

/** True for a tag (as `tagName` gives it) in SKIP: its subtree is never read for claims. */
export function skipsTag(tag: string): boolean {
  // HTML tag names come upper-case; SVG and MathML roots (`svg`, `math`) do not.
  return SKIP.has(tag) || (tag.charCodeAt(0) > 96 && SKIP.has(tag.toUpperCase()));
}

/** The treatment of one element. */
export type ElementRole = 'skip' | 'leave-out' | 'heading' | 'block' | 'inline';

function attr(el: Element, name: string): string {
  return el.getAttribute(name) ?? '';
}

/** Class and id text, for the few class-name conventions we recognise. */
export function nameText(el: Element): string {
  return `${attr(el, 'class')} ${attr(el, 'id')}`;
}

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** The tags cookie banners and callouts are built from: only these have their class/id read. */
const NAMED_CONTAINERS = new Set(['DIV', 'SECTION', 'ASIDE']);

/**
 * Decides how the extractor treats an element. `inSection`: inside an article or section.
 * Hot path: most elements have no attributes, and those are decided by tag alone.
 */
export function classifyElement(
  el: Element,
  inSection: boolean,
  tag: string = el.tagName.toUpperCase(),
): ElementRole {
  if (skipsTag(tag)) return 'skip';
  if (LEAVE_OUT.has(tag)) return 'leave-out';
  if ((tag === 'HEADER' || tag === 'FOOTER') && !inSection) return 'leave-out';
  const plain = !el.hasAttributes();
  if (!plain) {
    const role = attr(el, 'role');
    if (role) {
      if (LEAVE_OUT_ROLES.has(role)) return 'leave-out';
      if (role === 'heading' && tag !== 'SUMMARY') return 'heading';
    }
    if (attr(el, 'aria-hidden') === 'true') return 'leave-out';
    if (NAMED_CONTAINERS.has(tag)) {
      const names = nameText(el);
      if (names.length > 1 && COOKIE.test(names)) return 'leave-out';
      if (tag === 'ASIDE' && !CALLOUT.test(names) && role !== 'note') return 'leave-out';
    }
  } else if (tag === 'ASIDE') {
    return 'leave-out';
  }
  if (HEADING_TAGS.has(tag)) return 'heading';
  if (BLOCK.has(tag) || tag.includes('-')) return 'block';
  return 'inline';
}

/**
 * True for an element whose whole text says whether the claims inside are gated: a list item,
 * an article, a table row, a card, document or report box — the walk's own test for the
 * selector `li, article, tr, [class*="card"], [class*="document"], [class*="report"]`.
 */
export function isGateContainer(el: Element, tag: string): boolean {
  if (tag === 'LI' || tag === 'ARTICLE' || tag === 'TR') return true;
  if (!el.hasAttributes()) return false;
  const names = el.getAttribute('class');
  return names !== null && (names.includes('card') || names.includes('document') || names.includes('report'));
}

/** The heading level of a heading element (1–6). */
export function headingLevel(el: Element): number {
  const tag = el.tagName.toUpperCase();
  if (/^H[1-6]$/.test(tag)) return Number(tag[1]);
  const level = Number(attr(el, 'aria-level'));
  return level >= 1 && level <= 6 ? level : 2;
}

/** True for an element styled as a callout/admonition box. */
export function isCallout(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'BLOCKQUOTE' || tag === 'ASIDE') return true;
  const role = attr(el, 'role');
  if (role === 'note' || role === 'alert' || role === 'status') return true;
  return tag === 'DIV' && CALLOUT.test(nameText(el));
}

/** True for a collapsible panel that is part of an accordion (not a `details`). */
export function isAccordionPanel(el: Element): boolean {
  const role = attr(el, 'role');
  if (role === 'region' && el.hasAttribute('aria-labelledby')) return true;
  if (role === 'tabpanel') return true;
  return el.hasAttribute('hidden') && ACCORDION.test(nameText(el));
}

/** True when the element is hidden until the reader opens something. */
export function isHiddenByAttribute(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const raw = el.getAttribute('style');
  if (!raw) return false; // most elements: no rewriting of an empty string per element
  const style = raw.replace(/\s/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}
