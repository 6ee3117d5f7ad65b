/**
 * The live-demo part of a report: each demo session (oldest first) with its entries in the order
 * they were logged, and the screenshots attached to them. Pure, like `buildReport` that calls it;
 * formats only render what this builds.
 */

import { RED_FLAG_NAMES, type RedFlagId } from '../core/classify/red-flag-cues.ts';
import { CONTROLS, type ControlId } from '../core/controls.ts';
import type {
  DemoBasis,
  DemoEntryKind,
  DemoSession,
  DemoStamp,
  ScreenshotMime,
} from '../core/demo-records.ts';
import { formatOffset } from '../core/demo-time.ts';
import type { StoredClaim } from '../core/review-records.ts';
import type { ExportedAttachment } from './report.ts';

/** A screenshot as exports show it; `data` (base64) is absent once removed. */
export interface ReportScreenshot {
  id: string;
  /** `screenshot-<first 12 hex of the SHA-256>.png|jpg`: how reports refer to it. */
  fileName: string;
  /** Lowercase hex SHA-256 of the image bytes. */
  sha256: string;
  mime: ScreenshotMime;
  size: number;
  capturedAt: string;
  by: string;
  control?: ControlId;
  /** The image as base64, unchecked: a format that inlines it validates it first. */
  data?: string;
  removed?: { at: string; by: string; reason: string };
}

/** One entry of a demo log (a claim with a demo stamp). */
export interface ReportDemoEntry {
  claimId: string;
  offsetMs: number;
  /** The offset as `+h:mm:ss`. */
  offset: string;
  /** Wall time: the claim's `capturedAt`. */
  at: string;
  kind: DemoEntryKind;
  basis: DemoBasis;
  control?: { id: ControlId; name: string };
  redFlag?: { id: RedFlagId; name: string };
  text: string;
  /** The reviewer's note on the entry's claim, if any. */
  note?: string;
  screenshots: ReportScreenshot[];
}

/** One demo session with its entries in offset order. */
export interface ReportDemoSession {
  id: string;
  title: string;
  startedAt: string;
  /** Absent while the demo runs. */
  stoppedAt?: string;
  by: string;
  entries: ReportDemoEntry[];
  /** Screenshots attached to the session but to none of its entries. */
  screenshots: ReportScreenshot[];
}

/** Where a demo claim came from, for the places that would show a page URL. */
export interface ReportDemoSource {
  sessionId: string;
  /** The session's title (empty when the session is not in the snapshot). */
  sessionTitle: string;
  /** `+h:mm:ss` */
  offset: string;
  basis: DemoBasis;
}

/** The file name a report gives a screenshot: `screenshot-<first 12 hex of sha256>.<png|jpg>`. */
export function screenshotFileName(shot: { sha256: string; mime: ScreenshotMime }): string {
  // Only hex digits reach a file name, whatever the record holds.
  const hex = shot.sha256
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '')
    .slice(0, 12);
  return `screenshot-${hex}.${shot.mime === 'image/jpeg' ? 'jpg' : 'png'}`;
}

/** How a demo claim's source reads, e.g. "live demo: Demo with Acme +0:03:07". */
export function demoSourceText(source: ReportDemoSource): string {
  return `live demo: ${source.sessionTitle || 'unknown session'} ${source.offset}`;
}

/** The demo source of a claim with a demo stamp. */
export function demoSourceOf(stamp: DemoStamp, sessions: ReadonlyMap<string, DemoSession>): ReportDemoSource {
  return {
    sessionId: stamp.sessionId,
    sessionTitle: sessions.get(stamp.sessionId)?.title ?? '',
    offset: formatOffset(stamp.offsetMs),
    basis: stamp.basis,
  };
}

const byTimeThenId = <T extends { id: string }>(time: (row: T) => string) => {
  return (a: T, b: T) => {
    const x = time(a);
    const y = time(b);
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
};

function reportScreenshot(a: ExportedAttachment): ReportScreenshot {
  const out: ReportScreenshot = {
    id: a.id,
    fileName: screenshotFileName(a),
    sha256: a.sha256,
    mime: a.mime,
    size: a.size,
    capturedAt: a.capturedAt,
    by: a.by,
  };
  if (a.control) out.control = a.control;
  // A removed screenshot's image is never shown, even if a damaged row still carries it.
  if (a.removed) out.removed = { ...a.removed };
  else if (a.data !== undefined) out.data = a.data;
  return out;
}

/** What `demoLog` reads. */
export interface DemoLogInput {
  sessions: readonly DemoSession[];
  claims: readonly StoredClaim[];
  attachments: readonly ExportedAttachment[];
  /** Note text by note scope (`claim:<id>`). */
  notes: ReadonlyMap<string, string>;
  /** With a control filter: keep entries and screenshots for these controls, or for none. */
  controls?: ReadonlySet<ControlId>;
}

/**
 * Every demo session, oldest first, with its entries in offset order and its screenshots. A
 * screenshot goes under the entry (claim) it shows, else under its session; one with neither is
 * in the backup only.
 */
export function demoLog(input: DemoLogInput): ReportDemoSession[] {
  const { controls } = input;
  const inScope = (control: ControlId | undefined) => !controls || !control || controls.has(control);

  const shotsByClaim = new Map<string, ReportScreenshot[]>();
  const shotsBySession = new Map<string, ReportScreenshot[]>();
  const entryClaims = new Set<string>();
  for (const c of input.claims) if (c.demo) entryClaims.add(c.id);
  const attachments = [...input.attachments].sort(byTimeThenId((a) => a.capturedAt));
  for (const a of attachments) {
    if (!inScope(a.control)) continue;
    const [map, key] =
      a.claimId !== undefined && entryClaims.has(a.claimId)
        ? [shotsByClaim, a.claimId]
        : [shotsBySession, a.sessionId];
    if (key === undefined) continue;
    const list = map.get(key);
    if (list) list.push(reportScreenshot(a));
    else map.set(key, [reportScreenshot(a)]);
  }

  const entriesBySession = new Map<string, ReportDemoEntry[]>();
  for (const claim of input.claims) {
    const stamp = claim.demo;
    if (!stamp || !inScope(stamp.control)) continue;
    const entry: ReportDemoEntry = {
      claimId: claim.id,
      offsetMs: stamp.offsetMs,
      offset: formatOffset(stamp.offsetMs),
      at: claim.capturedAt,
      kind: stamp.kind,
      basis: stamp.basis,
      text: claim.text,
      screenshots: shotsByClaim.get(claim.id) ?? [],
    };
    if (stamp.control) entry.control = { id: stamp.control, name: CONTROLS[stamp.control].name };
    if (stamp.redFlag) entry.redFlag = { id: stamp.redFlag, name: RED_FLAG_NAMES[stamp.redFlag] };
    const note = input.notes.get(`claim:${claim.id}`);
    if (note) entry.note = note;
    const list = entriesBySession.get(stamp.sessionId);
    if (list) list.push(entry);
    else entriesBySession.set(stamp.sessionId, [entry]);
  }

  return [...input.sessions].sort(byTimeThenId((s) => s.startedAt)).map((session) => {
    const entries = (entriesBySession.get(session.id) ?? []).sort(
      (a, b) =>
        a.offsetMs - b.offsetMs ||
        (a.at < b.at ? -1 : a.at > b.at ? 1 : a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0),
    );
    const out: ReportDemoSession = {
      id: session.id,
      title: session.title,
      startedAt: session.startedAt,
      by: session.by,
      entries,
      screenshots: shotsBySession.get(session.id) ?? [],
    };
    if (session.stoppedAt) out.stoppedAt = session.stoppedAt;
    return out;
  });
}
