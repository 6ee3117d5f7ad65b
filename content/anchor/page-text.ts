/**
 * The page text that claim positions refer to: the body's text nodes in document order, with
 * the text of scripts, styles and other skipped elements left out — the same definition the
 * extractor counts with (see `classifyElement`'s "skip").
 */
import { classifyElement, hidesLightChildren } from '../extract/classify-element.ts';

/** The body's text nodes (positional ones) and where each starts in the page text. */
export interface TextIndex {
  nodes: Text[];
  starts: number[];
  text: string;
}

/** Builds the text index of a document in one walk. */
export function indexPageText(doc: Document): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  const body = doc.body;
  if (!body) return { nodes, starts, text: '' };
  const stack: Node[] = [];
  for (let c = body.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      const t = node as Text;
      nodes.push(t);
      starts.push(offset);
      parts.push(t.data);
      offset += t.data.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    if (classifyElement(node as Element, false) === 'skip' || hidesLightChildren(node as Element)) continue;
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
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
