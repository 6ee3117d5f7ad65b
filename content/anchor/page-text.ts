/**
 * The page text that claim positions refer to: the body's text nodes in document order, with
 * the text of scripts, styles and other skipped elements left out — the same definition the
 * extractor counts with (see `classifyElement`'s "skip" and `hidesLightChildren`).
 */
import { skipsTag } from '../extract/classify-element.ts';

/** The body's text nodes (positional ones) and where each starts in the page text. */
export interface TextIndex {
  nodes: Text[];
  starts: number[];
  text: string;
}

/** Elements whose subtree adds nothing to the page text. */
function hidesText(el: Element): boolean {
  const tag = el.tagName;
  // Only the tag and `shadowRoot` are read: the full classifyElement (attributes, roles) made
  // indexing a 1 MB page 30× a bare text pass, and only its "skip" answer matters here.
  return (
    skipsTag(tag) ||
    tag === 'IFRAME' ||
    tag === 'iframe' ||
    Boolean((el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot)
  );
}

/**
 * Builds the text index of a document in one walk over `firstChild`/`nextSibling` (no stack, no
 * per-node string work: the text is joined once at the end).
 */
export function indexPageText(doc: Document): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  const body = doc.body;
  if (!body) return { nodes, starts, text: '' };
  let node: Node | null = body.firstChild;
  while (node) {
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      nodes.push(node as Text);
      starts.push(offset);
      parts.push(data);
      offset += data.length;
    } else if (type === 1 && !hidesText(node as Element)) {
      const first: Node | null = node.firstChild;
      if (first) {
        node = first;
        continue;
      }
    }
    let next: Node | null = node.nextSibling;
    while (!next) {
      node = node.parentNode;
      if (!node || node === body) return { nodes, starts, text: parts.join('') };
      next = node.nextSibling;
    }
    node = next;
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
