/**
 * The page text that claim positions refer to (defined in `page-text-rule.ts`, which the
 * extractor counts with too), indexed: its text nodes and where each starts.
 */
import { forEachPageText } from '../page-text-rule.ts';
import type { FlatText } from './flat-text.ts';

/** The body's text nodes (positional ones) and where each starts in the page text. */
export interface TextIndex {
  nodes: Text[];
  starts: number[];
  text: string;
  /** The normalised text, once something needed it (`flatOf`). */
  flat?: FlatText;
}

/** Builds the text index of a document in one pass over its text nodes. */
export function indexPageText(doc: Document): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  const body = doc.body;
  if (!body) return { nodes, starts, text: '' };
  forEachPageText(body, (node) => {
    // One join at the end: appending builds a rope whose first search costs more than a join.
    const data = node.data;
    nodes.push(node);
    starts.push(offset);
    parts.push(data);
    offset += data.length;
  });
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
