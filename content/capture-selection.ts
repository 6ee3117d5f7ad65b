/**
 * Turns the reviewer's selection on the vendor page into a claim: its text, a quote selector
 * (position in the page text, prefix, suffix), a fragment link when unique, and the headings
 * above it — also on pages that were never scanned.
 */
import type { ExtractedClaim } from '../src/core/claim.ts';
import { countOccurrences } from '../src/core/count-occurrences.ts';
import { normaliseText } from '../src/core/normalise-text.ts';
import { textFragmentFor } from '../src/core/text-fragment.ts';
import { indexPageText, type TextIndex } from './anchor/page-text.ts';

const MAX_CHARS = 2000;

/** The page-text offset of a DOM boundary point (a text node and offset), or undefined. */
function offsetOf(index: TextIndex, node: Node, offset: number): number | undefined {
  if (node.nodeType === 3) {
    const i = index.nodes.indexOf(node as Text);
    return i >= 0 ? (index.starts[i] ?? 0) + offset : undefined;
  }
  // An element boundary: the first text node at or after that child.
  const child = node.childNodes[offset] ?? null;
  for (let i = 0; i < index.nodes.length; i++) {
    const text = index.nodes[i] as Text;
    const position = child ? child.compareDocumentPosition(text) : node.compareDocumentPosition(text);
    if (
      child === text ||
      position & Node.DOCUMENT_POSITION_FOLLOWING ||
      position & Node.DOCUMENT_POSITION_CONTAINED_BY
    ) {
      return index.starts[i];
    }
  }
  return index.text.length;
}

/** The headings (h1 › h2 › h3 …) that precede a node, as a path. */
function headingPathBefore(doc: Document, node: Node): string[] {
  const path: Array<{ level: number; text: string }> = [];
  for (const h of Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    if (!(h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    const level = Number(h.tagName[1]);
    while (path.length > 0 && (path.at(-1)?.level ?? 0) >= level) path.pop();
    const text = normaliseText(h.textContent ?? '').slice(0, 200);
    if (text) path.push({ level, text });
  }
  return path.map((p) => p.text);
}

/** The current selection as a claim, or null when nothing (or only whitespace) is selected. */
export function captureSelection(doc: Document): ExtractedClaim | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const text = normaliseText(selection.toString()).slice(0, MAX_CHARS);
  if (text.length === 0) return null;
  const index = indexPageText(doc);
  const start = offsetOf(index, range.startContainer, range.startOffset);
  const end = offsetOf(index, range.endContainer, range.endOffset);
  const positional = start !== undefined && end !== undefined && end > start;
  const exact = positional ? normaliseText(index.text.slice(start, end)).slice(0, MAX_CHARS) : text;
  const unique = countOccurrences(normaliseText(index.text), [exact])[0] === 1;
  const element =
    range.startContainer.nodeType === 1
      ? (range.startContainer as Element)
      : range.startContainer.parentElement;
  return {
    text,
    headingPath: headingPathBefore(doc, range.startContainer),
    structure: 'sentence',
    selector: {
      exact,
      prefix: positional ? normaliseText(index.text.slice(Math.max(0, start - 96), start)).slice(-32) : '',
      suffix: positional ? normaliseText(index.text.slice(end, end + 96)).slice(0, 32) : '',
      ...(positional ? { start, end } : {}),
    },
    ...(unique ? { fragment: textFragmentFor(exact) } : {}),
    flags: { inCode: Boolean(element?.closest('pre')), gated: false, hidden: false },
    origin: 'dom',
  };
}
