/**
 * What the page text is — the text claim positions refer to, counted alike by the extractor and
 * the anchoring index, or positions drift: every text node under the body in document order
 * (light DOM: a web component's children count where they stand, as its slots show them),
 * except one whose parent element hides its own text: a skipped tag (script, style, template,
 * canvas …, see `skipsTag`), an iframe (its fallback text), or an SVG or MathML element.
 *
 * Only the parent is asked, so text nested deeper inside a skipped element (an `<object>`'s
 * fallback paragraphs, HTML in an SVG `foreignObject`) counts. That lets the index walk text
 * nodes alone and ask once per parent: walking elements too, to skip whole subtrees, made the
 * index twice as slow — a wrapper made and read for each of a page's elements (a 1 MB docs page
 * has some 26,000).
 */
import { skipsTag } from './extract/classify-element.ts';

const XHTML = 'http://www.w3.org/1999/xhtml';

const PLAIN = 0;
const HIDES = 1;
/** A lower-case name: an SVG or MathML element in an HTML document, any element in XHTML. */
const LOWER = 2;

/**
 * What a node name says, worked out once per name: one map lookup per parent. Capped, as a page
 * can make up any number of names.
 */
const kinds = new Map<string, number>();
const MAX_KINDS = 512;

function kindOf(name: string): number {
  let kind = kinds.get(name);
  if (kind === undefined) {
    const first = name.charCodeAt(0);
    // HTML documents upper-case the names of HTML elements only.
    if (first >= 97 && first <= 122) kind = LOWER;
    else kind = skipsTag(name) || name === 'IFRAME' ? HIDES : PLAIN;
    if (kinds.size < MAX_KINDS) kinds.set(name, kind);
  }
  return kind;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Per document: whether it names SVG elements in lower case, as browsers do (linkedom does not). */
const standardNames = new WeakMap<Document, boolean>();

function namesAsBrowsersDo(doc: Document): boolean {
  let standard = standardNames.get(doc);
  if (standard === undefined) {
    standard = doc.createElementNS(SVG, 'title').nodeName === 'title';
    standardNames.set(doc, standard);
  }
  return standard;
}

/** True when the text nodes directly inside `el` are not page text. */
function hidesOwnText(el: Element, standardNames: boolean): boolean {
  const kind = kindOf(el.nodeName);
  if (standardNames) {
    if (kind !== LOWER) return kind === HIDES;
    return el.namespaceURI === XHTML ? kindOf(el.nodeName.toUpperCase()) === HIDES : true;
  }
  // A DOM that upper-cases every name (linkedom, the CLI's): SVG and MathML told by ancestry, and
  // a template's children (which browsers keep out of the tree) left out, so that saved pages give
  // the CLI the claims the browser finds.
  if (kindOf(el.nodeName.toUpperCase()) === HIDES) return true;
  const foreign = el.closest('svg, math, foreignObject, template');
  return foreign !== null && (foreign === el || foreign.nodeName.toUpperCase() !== 'FOREIGNOBJECT');
}

/** Calls `visit` for each page-text node among `root`'s descendants, in document order. */
export function forEachPageText(root: Node, visit: (text: Text) => void): void {
  const doc = root.ownerDocument ?? (root as Document);
  // 4: text nodes only.
  const walker = doc.createTreeWalker(root, 4);
  const standard = namesAsBrowsersDo(doc);
  let parent: Node | null = null;
  let hidden = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Asked again only when the parent changes (a text node's parent is always an element here).
    const p = node.parentNode;
    if (p !== parent) {
      parent = p;
      hidden = p !== null && hidesOwnText(p as Element, standard);
    }
    if (!hidden) visit(node as Text);
  }
}
