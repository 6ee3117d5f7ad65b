/**
 * The page text that claim positions refer to: the body's text nodes in document order, with
 * the text of scripts, styles and other skipped elements left out — the same definition the
 * extractor counts with (see `classifyElement`'s "skip" and `hidesLightChildren`).
 */
import { skipsTag } from '../extract/classify-element.ts';
import type { FlatText } from './flat-text.ts';

/** The body's text nodes (positional ones) and where each starts in the page text. */
export interface TextIndex {
  nodes: Text[];
  starts: number[];
  text: string;
  /** The normalised text, once something needed it (`flatOf`). */
  flat?: FlatText;
}

/**
 * The only elements that can host a shadow root (besides custom elements, whose names hold a
 * dash): reading `shadowRoot` on the rest (li, td, a …, most of a page) is a DOM call for nothing.
 */
const SHADOW_HOSTS = new Set(
  'ARTICLE ASIDE BLOCKQUOTE BODY DIV FOOTER H1 H2 H3 H4 H5 H6 HEADER MAIN NAV P SECTION SPAN'.split(' '),
);

/** Elements whose subtree adds nothing to the page text (classifyElement's "skip", hidesLightChildren). */
function hidesText(el: Element): boolean {
  const tag = el.tagName;
  // Only the tag, and `shadowRoot` where one can be: the full classifyElement (attributes, roles)
  // per element made indexing a 1 MB page 30× a bare text pass, and only "skip" matters here.
  if (skipsTag(tag) || tag === 'IFRAME' || tag === 'iframe') return true;
  const upper = tag.charCodeAt(0) > 96 ? tag.toUpperCase() : tag;
  return (
    (SHADOW_HOSTS.has(upper) || tag.includes('-')) &&
    Boolean((el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot)
  );
}

/** Builds the text index of a document in one TreeWalker pass over elements and text. */
export function indexPageText(doc: Document): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  const body = doc.body;
  if (!body) return { nodes, starts, text: '' };
  // 1 | 4: elements and text nodes.
  const walker = doc.createTreeWalker(body, 5);
  /** The skipped element whose subtree the walk is in, if any. */
  let skipping: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (skipping) {
      if (skipping.contains(node)) continue;
      skipping = null;
    }
    if (node.nodeType === 3) {
      // One join at the end: appending builds a rope whose first search costs more than a join.
      const data = (node as Text).data;
      nodes.push(node as Text);
      starts.push(offset);
      parts.push(data);
      offset += data.length;
    } else if (hidesText(node as Element)) skipping = node;
  }
  return { nodes, starts, text: parts.join('') };
}

/** The DOM range for [start, end) of the page text, or null when out of range. */
export function rangeFor(index: TextIndex, doc: Document, start: number, end: number): Range | null {
  const a = locate(index, start, false);
  const b = locate(index, end, true);
  if (!a || !b) return null;
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** The text node and offset holding a page-text position (binary search). */
function locate(index: TextIndex, position: number, isEnd: boolean): { node: Text; offset: number } | null {
  const { starts, nodes } = index;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) < position || (!isEnd && (starts[mid] ?? 0) === position)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  const nodeStart = starts[lo];
  if (!node || nodeStart === undefined) return null;
  const offset = position - nodeStart;
  if (offset < 0 || offset > node.data.length) return null;
  return { node, offset };
}
