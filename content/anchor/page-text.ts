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

const PLAIN = 0;
const HIDES = 1;
const MAY_HOST = 2;
/**
 * What a tag name says about an element's subtree, worked out once per tag name: one map lookup
 * per element instead of three set lookups. Capped, as a page can make up any number of names.
 */
const tagKinds = new Map<string, number>();
const MAX_TAG_KINDS = 512;

/** PLAIN, HIDES or MAY_HOST for a tag name. */
function kindOf(tag: string): number {
  let kind = tagKinds.get(tag);
  if (kind === undefined) {
    const upper = tag.toUpperCase();
    kind =
      skipsTag(tag) || upper === 'IFRAME'
        ? HIDES
        : SHADOW_HOSTS.has(upper) || tag.includes('-')
          ? MAY_HOST
          : PLAIN;
    if (tagKinds.size < MAX_TAG_KINDS) tagKinds.set(tag, kind);
  }
  return kind;
}

/** Elements whose subtree adds nothing to the page text (classifyElement's "skip", hidesLightChildren). */
function hidesText(el: Element): boolean {
  // Only the tag, and `shadowRoot` where one can be: the full classifyElement (attributes, roles)
  // per element made indexing a 1 MB page 30× a bare text pass, and only "skip" matters here.
  const kind = kindOf(el.tagName);
  return (
    kind === HIDES ||
    (kind === MAY_HOST && Boolean((el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot))
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
  if (a < 0 || b < 0) return null;
  const range = doc.createRange();
  range.setStart(index.nodes[a] as Text, start - (index.starts[a] as number));
  range.setEnd(index.nodes[b] as Text, end - (index.starts[b] as number));
  return range;
}

/** The text node holding a page-text position (binary search), or -1 when out of range. */
function locate(index: TextIndex, position: number, isEnd: boolean): number {
  const { starts } = index;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] as number;
    if (s < position || (!isEnd && s === position)) lo = mid;
    else hi = mid - 1;
  }
  const nodeStart = starts[lo];
  if (nodeStart === undefined || position < nodeStart) return -1;
  // The node's length from the index, not `node.data` (a DOM call and a string per lookup).
  const nodeEnd = lo + 1 < starts.length ? (starts[lo + 1] as number) : index.text.length;
  return position <= nodeEnd ? lo : -1;
}
