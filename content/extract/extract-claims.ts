/**
 * Reads the claims of a vendor page in one pass over the DOM.
 *
 * The walk is iterative (a page nested 10,000 deep must not overflow the stack) and visits each
 * node once. Text nodes are appended to the "run" of the nearest block; a block's run becomes
 * claims (sentences, a list item, a table row …) when the block ends. Every text node of the
 * body also advances a position counter, so each claim carries its offsets in the page text —
 * the same definition the anchoring code uses to find it again.
 */
import type { ClaimFlags, ExtractedClaim, StructureKind } from '../../src/core/claim.ts';
import { occursOnce } from '../../src/core/count-occurrences.ts';
import { normaliseText } from '../../src/core/normalise-text.ts';
import { contextAfter, contextBefore } from '../../src/core/quote-context.ts';
import { splitSentences } from '../../src/core/split-sentences.ts';
import { textFragmentFor } from '../../src/core/text-fragment.ts';
import { forEachPageText } from '../page-text-rule.ts';
import {
  classifyElement,
  headingLevel,
  isAccordionPanel,
  isCallout,
  isGateContainer,
  isHiddenByAttribute,
} from './classify-element.ts';

/** Limits that keep extraction bounded on hostile or huge pages. */
export interface ExtractLimits {
  maxClaims: number;
  /** Milliseconds the walk may take before it stops and says so. */
  timeBudgetMs: number;
  /** Longest claim text kept, in characters. */
  maxClaimChars: number;
}

/** Defaults: generous for real trust centers, bounded for hostile pages. */
export const DEFAULT_LIMITS: ExtractLimits = { maxClaims: 5000, timeBudgetMs: 3000, maxClaimChars: 2000 };

/** The DOM pass's result, before platform adapters. */
export interface DomExtraction {
  claims: ExtractedClaim[];
  /** The page text claims' offsets refer to. */
  pageText: string;
  truncated?: string;
  elements: number;
}

const GATED =
  /request (?:access|a copy|the report)|(?:under|behind) (?:an )?nda|available (?:up)?on request|sign(?:ed)? (?:an )?nda|nda required|locked|gated|access request/gi;

/**
 * The longest container text whose gate phrase flags the claims inside: a document's card, a
 * table row or a list item. An `article` holding a whole blog post or docs page is not one
 * document behind a request, and "locked down" somewhere in it says nothing of its other claims.
 */
const MAX_GATE_CONTAINER_CHARS = 1_000;

function isLowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 97 && c <= 122;
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 0x20;
  return c >= 97 && c <= 122;
}

/**
 * Whether a bare "locked" or "gated" reads as a label: capitalised ("Locked", "GATED" on a
 * document card), not a verb in prose ("locked down further with mutual TLS", "gated on an SSO
 * provider", "tasks can be gated"), and not "Locked down" at a sentence's start either.
 */
function isGateLabel(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 65 && c <= 90 && !/^ down\b/i.test(text.slice(end, end + 6));
}

/**
 * Whether `text` holds a gate phrase as a word of its own. Not inside a word ("gated" in
 * "mitigated", "locked" in "blocked" or "Blocked"), but a container's text runs its parts
 * together, so a badge right after a title ("SOC 2 Type IILocked") must still count: a match
 * continues the word before it only when a letter precedes it and it starts in lowercase, and
 * the word after it only when a lowercase letter follows. A bare "locked" or "gated" counts only
 * as a label (`isGateLabel`).
 */
function hasGatePhrase(text: string): boolean {
  GATED.lastIndex = 0;
  for (let m = GATED.exec(text); m !== null; m = GATED.exec(text)) {
    const end = m.index + m[0].length;
    const joinsBefore = isLetterAt(text, m.index - 1) && isLowerAt(text, m.index);
    const word = m[0].toLowerCase();
    const bare = word === 'locked' || word === 'gated';
    // A GDPR "data subject access request" is a privacy right, not a document behind a gate.
    const dsar =
      word === 'access request' && /subject\s$/i.test(text.slice(Math.max(0, m.index - 8), m.index));
    if (!joinsBefore && !isLowerAt(text, end) && !dsar && (!bare || isGateLabel(text, m.index, end)))
      return true;
    GATED.lastIndex = m.index + 1;
  }
  return false;
}

/** Elements whose whole text says whether the claims inside are gated: as `isGateContainer`. */
const CONTAINERS = 'li, article, tr, [class*="card"], [class*="document"], [class*="report"]';
const MIN_WORDS = 3;

/** A text node's contribution to a run: its text and where it starts in the page text (-1: not in the body's text). */
interface Piece {
  text: string;
  start: number;
  link: boolean;
}

/** Ancestor facts tracked while walking. */
interface Scope {
  emit: boolean;
  inSection: boolean;
  inPre: boolean;
  hidden: 'no' | 'details' | 'attribute';
  structure: StructureKind | null;
  context: string | undefined;
  positional: boolean;
  inLink: boolean;
  /** Inside a table cell: everything below joins the cell's text. */
  inCell: boolean;
  /** Inside a table used for page layout (old sites): its cells are ordinary blocks. */
  layoutTable?: boolean;
  owner: Element | null;
  /**
   * The nearest gate container (`CONTAINERS`) at or above the element being read, and the one at
   * or above the owner, as `closest` would find them; undefined where the walk cannot know
   * (nodes a slot pulls in have other ancestors than the slot).
   */
  container: Element | null | undefined;
  ownerContainer: Element | null | undefined;
}

/** What to do once an element's subtree is read: nothing, turn the run into claims, or the row. */
type Exit = 0 | 1 | 2;
const NO_EXIT = 0;
const FLUSH_RUN = 1;
const FLUSH_ROW = 2;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function directText(el: Element): string {
  return normaliseText(el.textContent ?? '');
}

/** The FAQ question (summary or controlling button) of an accordion panel. */
function accordionQuestion(panel: Element): string | undefined {
  const labelledBy = panel.getAttribute('aria-labelledby');
  const doc = panel.ownerDocument;
  if (labelledBy && doc) {
    const label = doc.getElementById(labelledBy.split(' ')[0] ?? '');
    if (label) return directText(label).slice(0, 300);
  }
  const id = panel.getAttribute('id');
  if (id && doc) {
    const control = doc.querySelector(`[aria-controls="${CSS_escape(id)}"]`);
    if (control) return directText(control).slice(0, 300);
  }
  const prev = panel.previousElementSibling;
  return prev ? directText(prev).slice(0, 300) || undefined : undefined;
}

function CSS_escape(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

/** Reads the claims of a document. */
export function extractDomClaims(doc: Document, limits: ExtractLimits = DEFAULT_LIMITS): DomExtraction {
  const started = now();
  const claims: ExtractedClaim[] = [];
  const pageParts: string[] = [];
  let offset = 0;
  let elements = 0;
  let truncated: string | undefined;
  const headings: Array<{ level: number; text: string }> = [];
  /** Whether a container's text holds a gate phrase. */
  const phraseCache = new Map<Element, boolean>();
  /** Containers that hold one and are short enough to be one document's card. */
  const gatedContainers = new Set<Element>();

  const body = doc.body;
  if (!body) return { claims, pageText: '', elements: 0 };
  // Claims come from the main content when the page marks it; positions count the whole body.
  const mainRoot = doc.querySelector('main, [role="main"]');

  let run: Piece[] = [];
  let runScope: Scope | null = null;
  let tableRow: { cells: Piece[][]; scope: Scope; header: string | undefined } | null = null;

  // The path array is shared by every claim under the same headings (rebuilt only when they change).
  let pathCache: string[] | null = null;
  const headingPath = () => {
    pathCache ??= headings.map((h) => h.text);
    return pathCache;
  };

  // Whether a claim's container (list item, card, row …) mentions a gate is asked once per
  // container, found by the walk itself: `closest` per owner block showed in profiles.
  const outerContainer = new Map<Element, Element | null>();
  /** Where a shadow host's light text nodes stand in the page text: its slots show them. */
  const slottedAt = new Map<Text, number>();
  const isGated = (text: string, scope: Scope): boolean => {
    const container =
      scope.ownerContainer !== undefined ? scope.ownerContainer : scope.owner?.closest(CONTAINERS);
    return (container ? containerGated(container) : false) || hasGatePhrase(text);
  };
  const containerGated = (container: Element): boolean => {
    // A container's text is part of the text of any container around it, so when that one has
    // no gate phrase neither has this one: only outermost containers (and those inside one with a
    // phrase) have their text searched. Iterative, outermost first: nesting can be deep.
    const unknown: Element[] = [];
    let outerPhrase = true;
    for (let c: Element | null = container; c; ) {
      const known = phraseCache.get(c);
      if (known !== undefined) {
        outerPhrase = known;
        break;
      }
      unknown.push(c);
      const outer = outerContainer.get(c);
      c = outer !== undefined ? outer : (c.parentElement?.closest(CONTAINERS) ?? null);
    }
    for (let i = unknown.length - 1; i >= 0; i--) {
      const c = unknown[i] as Element;
      const text = outerPhrase ? (c.textContent ?? '') : '';
      outerPhrase = outerPhrase && hasGatePhrase(text);
      phraseCache.set(c, outerPhrase);
      if (outerPhrase && text.length <= MAX_GATE_CONTAINER_CHARS) gatedContainers.add(c);
    }
    return gatedContainers.has(container);
  };

  const addClaim = (
    text: string,
    exact: string,
    start: number | undefined,
    end: number | undefined,
    scope: Scope,
    structure: StructureKind,
    context: string | undefined,
  ) => {
    if (claims.length >= limits.maxClaims) {
      truncated ??= `stopped after ${limits.maxClaims} claims`;
      return;
    }
    const clipped = text.length > limits.maxClaimChars ? `${text.slice(0, limits.maxClaimChars)}…` : text;
    const flags: ClaimFlags = {
      inCode: scope.inPre,
      gated: isGated(text, scope),
      hidden: scope.hidden !== 'no',
    };
    claims.push({
      text: clipped,
      headingPath: headingPath(),
      structure,
      ...(context ? { context } : {}),
      selector: {
        exact: exact.slice(0, limits.maxClaimChars),
        prefix: '',
        suffix: '',
        ...(start !== undefined && end !== undefined ? { start, end } : {}),
      },
      flags,
      origin: 'dom',
    });
  };

  /** Turns the current run into claims. */
  const flushRun = () => {
    const scope = runScope;
    const pieces = run;
    run = [];
    runScope = null;
    if (!scope || pieces.length === 0 || !scope.emit) return;
    const raw = pieces.length === 1 ? (pieces[0]?.text ?? '') : pieces.map((p) => p.text).join('');
    let linkChars = 0;
    for (const p of pieces) if (p.link) linkChars += p.text.trim().length;
    if (linkChars > 0) {
      // A bare link ("Audit logs", "Read more") is navigation, not a claim.
      const whole = normaliseText(raw);
      if (linkChars >= whole.length * 0.8 && wordCount(whole) < 8) return;
    }
    const first = pieces[0];
    // A run read through a shadow root has positions where it shows slotted light DOM.
    const positional = first !== undefined && first.start >= 0;
    const base = positional && first ? first.start : 0;
    const structure: StructureKind = scope.inPre ? 'code' : (scope.structure ?? 'sentence');
    if (structure === 'code') {
      const whole = normaliseText(raw);
      if (wordCount(whole) >= MIN_WORDS)
        addClaim(
          whole,
          whole,
          positional ? base : undefined,
          positional ? base + raw.length : undefined,
          scope,
          'code',
          scope.context,
        );
      return;
    }
    const sentences = splitSentences(raw);
    // A list item of one short phrase ("scrypt", "AWS Bedrock") is a claim: its list says what it is.
    const item = structure === 'list-item' && sentences.length === 1;
    for (const [s, e] of sentences) {
      const sentence = normaliseText(raw.slice(s, e));
      if (item ? !sentence : sentence.length < 12 || wordCount(sentence) < MIN_WORDS) continue;
      addClaim(
        sentence,
        sentence,
        positional ? base + s : undefined,
        positional ? base + e : undefined,
        scope,
        structure,
        scope.context,
      );
    }
  };

  const flushRow = () => {
    const row = tableRow;
    tableRow = null;
    if (!row?.scope.emit) return;
    const cells = row.cells
      .map((c) => normaliseText(c.map((p) => p.text).join('')))
      .filter((c) => c.length > 0);
    if (cells.length === 0) return;
    const text = cells.join(' | ');
    if (wordCount(text) < 2) return;
    const all = row.cells.flat();
    const first = all.find((p) => p.start >= 0);
    const last = [...all].reverse().find((p) => p.start >= 0);
    const positional = row.scope.positional && first !== undefined && last !== undefined;
    const exact = normaliseText(all.map((p) => p.text).join(''));
    addClaim(
      text,
      exact,
      positional && first ? first.start : undefined,
      positional && last ? last.start + last.text.length : undefined,
      row.scope,
      'table-row',
      row.header,
    );
  };

  const bodyContainer = body.closest(CONTAINERS);
  const rootScope: Scope = {
    emit: mainRoot === null,
    inSection: false,
    inPre: false,
    hidden: 'no',
    structure: null,
    context: undefined,
    positional: true,
    inLink: false,
    inCell: false,
    owner: body,
    container: bodyContainer,
    ownerContainer: bodyContainer,
  };

  // The walk goes down by firstChild and along by nextSibling; one level per element being read
  // (parallel arrays, not an object per level): where it is in the level, the scope its nodes are
  // read in, and what to do once the level is done. A slot's assigned nodes are not siblings, so
  // that level walks an array instead.
  const levelNext: Array<Node | null> = [];
  const levelList: Array<readonly Node[] | null> = [];
  const levelIndex: number[] = [];
  const levelScope: Scope[] = [];
  const levelExit: Exit[] = [];
  let depth = -1;
  /** Reads `first` and its siblings next, in `scope`; `exit` runs after the last of them. */
  const descend = (first: Node | null, scope: Scope, exit: Exit) => {
    if (first === null) {
      runExit(exit);
      return;
    }
    depth++;
    levelNext[depth] = first;
    levelList[depth] = null;
    levelScope[depth] = scope;
    levelExit[depth] = exit;
  };
  const descendList = (nodes: readonly Node[], scope: Scope, exit: Exit) => {
    depth++;
    levelNext[depth] = null;
    levelList[depth] = nodes;
    levelIndex[depth] = 0;
    levelScope[depth] = scope;
    levelExit[depth] = exit;
  };
  const runExit = (exit: Exit) => {
    if (exit === FLUSH_RUN) flushRun();
    else if (exit === FLUSH_ROW) flushRow();
  };
  descend(body.firstChild, rootScope, NO_EXIT);

  while (depth >= 0) {
    let node: Node | null;
    const list = levelList[depth];
    if (list) {
      const i = levelIndex[depth] as number;
      node = i < list.length ? (list[i] as Node) : null;
      levelIndex[depth] = i + 1;
    } else {
      node = levelNext[depth] as Node | null;
      if (node !== null) levelNext[depth] = node.nextSibling;
    }
    if (node === null) {
      const exit = levelExit[depth] as Exit;
      depth--;
      runExit(exit);
      continue;
    }
    const scope = levelScope[depth] as Scope;
    if (node.nodeType === 3) {
      const text = (node as Text).data;
      const start = scope.positional ? offset : (slottedAt.get(node as Text) ?? -1);
      if (scope.positional) {
        pageParts.push(text);
        offset += text.length;
      }
      if (!scope.emit) continue;
      const piece = { text, start, link: scope.inLink };
      if (scope.inCell) {
        tableRow?.cells.at(-1)?.push(piece);
      } else if (tableRow === null || scope.owner?.tagName.toUpperCase() !== 'TR') {
        if (runScope === null) runScope = scope;
        run.push(piece);
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    elements++;
    if ((elements & 255) === 0 && now() - started > limits.timeBudgetMs) {
      truncated = `stopped after ${limits.timeBudgetMs} ms (${elements} elements read)`;
      break;
    }
    if (claims.length >= limits.maxClaims) {
      truncated ??= `stopped after ${limits.maxClaims} claims`;
      break;
    }
    const tag = el.tagName.toUpperCase();
    const role = classifyElement(el, scope.inSection, tag);
    if (role === 'skip' || (scope.inCell && tag === 'IFRAME')) {
      // Page text nested in a skipped element (an SVG foreignObject's HTML, an object's fallback
      // paragraphs) is not read for claims: no claim runs across it, or its quote would hold a
      // gap that the page text fills.
      if (scope.positional && countPageTextIn(el) > 0) flushRun();
      continue;
    }
    if (scope.inCell && role !== 'leave-out') {
      // A cell's paragraphs, lists and spans all belong to the cell's text.
      descendShadowOrChildren(el, tag, tag === 'A' ? { ...scope, inLink: true } : scope, NO_EXIT);
      continue;
    }

    let child: Scope = scope;
    if (el === mainRoot) child = { ...child, emit: true };
    if (role === 'leave-out') {
      flushRun();
      child = { ...child, emit: false };
    }
    if (tag === 'ARTICLE' || tag === 'SECTION' || tag === 'MAIN') child = { ...child, inSection: true };
    if (tag === 'A') child = { ...child, inLink: true };
    if (tag === 'PRE') child = { ...child, inPre: true };
    if (isGateContainer(el, tag)) {
      if (child.container !== undefined) outerContainer.set(el, child.container);
      child = { ...child, container: el };
    }
    if (tag === 'IFRAME') {
      flushRun();
      if (child.positional) countPageTextIn(el);
      let inner: Document | null = null;
      try {
        inner = (el as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null; // cross-origin: not ours to read
      }
      if (inner?.body && child.emit) {
        const container = inner.body.closest(CONTAINERS);
        const innerScope = {
          ...child,
          positional: false,
          owner: inner.body,
          container,
          ownerContainer: container,
        };
        descend(inner.body.firstChild, innerScope, NO_EXIT);
      }
      continue;
    }
    if (child.hidden === 'no' && isHiddenByAttribute(el)) child = { ...child, hidden: 'attribute' };

    if (role === 'heading') {
      flushRun();
      if (child.emit) {
        const level = headingLevel(el);
        while (headings.length > 0 && (headings.at(-1)?.level ?? 0) >= level) headings.pop();
        const text = directText(el).slice(0, 200);
        if (text) headings.push({ level, text });
        pathCache = null;
      }
      // The heading's text still counts for positions, but is not a claim.
      descend(el.firstChild, { ...child, emit: false }, NO_EXIT);
      continue;
    }

    if (role === 'block') {
      flushRun();
      child = { ...child, owner: el, ownerContainer: child.container };
      if (tag === 'LI')
        child = { ...child, structure: child.structure === 'accordion' ? 'accordion' : 'list-item' };
      else if (tag === 'DD' || tag === 'DT') {
        const term = tag === 'DD' ? previousTerm(el) : undefined;
        child = { ...child, structure: 'definition', context: term ?? child.context };
      } else if (tag === 'DETAILS') {
        const summary = el.querySelector(':scope > summary');
        child = {
          ...child,
          structure: 'accordion',
          context: summary ? directText(summary).slice(0, 300) : child.context,
          hidden: el.hasAttribute('open') || child.hidden !== 'no' ? child.hidden : 'details',
        };
      } else if (tag === 'SUMMARY') {
        child = { ...child, emit: false, hidden: 'no' };
      } else if (isAccordionPanel(el)) {
        child = { ...child, structure: 'accordion', context: accordionQuestion(el) ?? child.context };
      } else if (child.structure === null && isCallout(el)) {
        child = { ...child, structure: 'callout' };
      }
      if (tag === 'TABLE') child = { ...child, context: tableHeader(el), layoutTable: isLayoutTable(el) };
      if (tag === 'TR' && child.emit && !child.layoutTable) {
        flushRow();
        const header = child.context;
        if (isHeaderRow(el)) {
          child = { ...child, emit: false };
        } else {
          tableRow = { cells: [], scope: child, header };
          descend(el.firstChild, child, FLUSH_ROW);
          continue;
        }
      }
      if ((tag === 'TD' || tag === 'TH') && tableRow) {
        tableRow.cells.push([]);
        descend(
          el.firstChild,
          { ...child, owner: el, ownerContainer: child.container, inCell: true },
          NO_EXIT,
        );
        continue;
      }
      descendShadowOrChildren(el, tag, child, FLUSH_RUN);
      continue;
    }

    // Inline (or left out): its text joins the surrounding run.
    descendShadowOrChildren(el, tag, child, role === 'leave-out' ? FLUSH_RUN : NO_EXIT);
  }
  flushRun();
  flushRow();

  function descendShadowOrChildren(el: Element, tag: string, scope: Scope, exit: Exit) {
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow) {
      // An open shadow root renders instead of the light DOM; slots pull light children in.
      if (scope.positional) countPageTextIn(el, slottedAt);
      descend(shadow.firstChild, { ...scope, positional: false, container: null }, exit);
      return;
    }
    if (tag === 'SLOT') {
      const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      if (assigned.length > 0) {
        descendList(assigned, { ...scope, container: undefined }, exit);
        return;
      }
    }
    descend(el.firstChild, scope, exit);
  }

  /**
   * The page text inside an element the walk does not read in place (skipped, an iframe, a shadow
   * host's light DOM), counted as `page-text-rule.ts` defines it: the index counts it, so positions
   * after it must too. `at` keeps where each text node stands (a host's, for its slots). Returns
   * the characters counted.
   */
  function countPageTextIn(el: Element, at?: Map<Text, number>): number {
    const before = offset;
    forEachPageText(el, (text) => {
      at?.set(text, offset);
      pageParts.push(text.data);
      offset += text.data.length;
    });
    return offset - before;
  }

  const pageText = pageParts.join('');
  finishSelectors(claims, pageText);
  return { claims, pageText, elements, ...(truncated ? { truncated } : {}) };
}

/** Words in normalised text (single spaces), without allocating an array. */
function wordCount(text: string): number {
  let n = text.length > 0 ? 1 : 0;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

function previousTerm(dd: Element): string | undefined {
  for (let p = dd.previousElementSibling; p; p = p.previousElementSibling) {
    if (p.tagName.toUpperCase() === 'DT') return directText(p).slice(0, 300);
  }
  return undefined;
}

/** A table that lays out a page rather than holding data: nested tables, headings in cells, or role=presentation. */
function isLayoutTable(table: Element): boolean {
  const role = table.getAttribute('role');
  if (role === 'presentation' || role === 'none') return true;
  return table.querySelector('td table, td h1, td h2, td h3, td h4, th table') !== null;
}

/** A row of column headers: in a `thead`, or the table's first row made only of `th` cells. */
function isHeaderRow(tr: Element): boolean {
  if (tr.parentElement?.tagName.toUpperCase() === 'THEAD') return true;
  const cells = Array.from(tr.children);
  const table = tr.closest('table');
  return (
    cells.length > 0 &&
    cells.every((c) => c.tagName.toUpperCase() === 'TH') &&
    table?.querySelector('tr') === tr
  );
}

function tableHeader(table: Element): string | undefined {
  const row = table.querySelector('thead tr') ?? table.querySelector('tr');
  if (!row) return undefined;
  const cells = Array.from(row.children);
  if (!cells.every((c) => c.tagName.toUpperCase() === 'TH')) return undefined;
  return cells
    .map((c) => directText(c))
    .join(' | ')
    .slice(0, 500);
}

/**
 * Exact quotes of table rows, prefix, suffix and fragment links, once the whole page text is
 * known. A fragment link goes to the first place its text occurs, so a quote gets one only when
 * it occurs exactly once in the whole page text; only quotes that could get a link are searched.
 */
function finishSelectors(claims: ExtractedClaim[], pageText: string): void {
  const linkable: ExtractedClaim[] = [];
  for (const claim of claims) {
    const { start, end } = claim.selector;
    if (start === undefined || end === undefined) continue;
    // A row's cells are separate text nodes, often with whitespace between them: quote the page.
    if (claim.structure === 'table-row') claim.selector.exact = normaliseText(pageText.slice(start, end));
    claim.selector.prefix = contextBefore(pageText, Math.max(0, start - 96), start, 32);
    claim.selector.suffix = contextAfter(pageText, end, Math.min(pageText.length, end + 96), 32);
    // A hidden panel (not a details element, which find-in-page opens) cannot be scrolled to.
    const reachable =
      !(claim.flags.hidden && claim.structure !== 'accordion') && claim.structure !== 'table-row';
    if (reachable) linkable.push(claim);
  }
  if (linkable.length === 0) return;
  const once = occursOnce(
    normaliseText(pageText),
    linkable.map((c) => c.selector.exact),
  );
  for (let i = 0; i < linkable.length; i++) {
    const claim = linkable[i] as ExtractedClaim;
    if (once[i]) claim.fragment = textFragmentFor(claim.selector.exact);
  }
}
