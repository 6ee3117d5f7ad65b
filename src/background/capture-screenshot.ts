/**
 * Screenshots kept as evidence: the background captures the visible tab of a window (the browser
 * allows it after a user gesture on that tab, see `describeCaptureError`), hashes the bytes, makes a
 * small preview, and stores it on the review — from the panel's button or from the keyboard
 * command, which attaches it to the latest entry of the running demo even when no panel is open.
 */
import browser from 'webextension-polyfill';
import type { ScreenshotMime, ScreenshotTarget } from '../core/demo-records.ts';
import { sha256Hex } from '../core/sha256.ts';
import type { ScreenshotTaken } from '../messages/protocol.ts';
import { fail, ok, type Reply } from '../messages/reply.ts';
import { describeCaptureError } from '../platform/capture-error.ts';
import { broadcast } from '../platform/messaging.ts';
import { loadSettings } from '../platform/settings.ts';
import { database } from '../store/db.ts';
import { addScreenshot, latestRunning } from '../store/demo.ts';
import { describeStorageError } from '../store/storage-error.ts';

/** JPEG at this quality keeps text on screen legible at about a fifth of a PNG's size. */
const JPEG_QUALITY = 90;
const THUMB_WIDTH = 240;

/** Decodes a `data:` URL the browser returned into bytes. */
function bytesOf(dataUrl: string): { bytes: Uint8Array<ArrayBuffer>; mime: ScreenshotMime } {
  const comma = dataUrl.indexOf(',');
  const mime: ScreenshotMime = dataUrl.startsWith('data:image/png') ? 'image/png' : 'image/jpeg';
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { bytes, mime };
}

/** The image's size and a small preview; nothing when the browser cannot decode here. */
async function preview(blob: Blob): Promise<{ width?: number; height?: number; thumb?: Blob }> {
  try {
    const bitmap = await createImageBitmap(blob);
    const { width, height } = bitmap;
    const scale = Math.min(1, THUMB_WIDTH / width);
    const canvas = new OffscreenCanvas(
      Math.max(1, Math.round(width * scale)),
      Math.max(1, Math.round(height * scale)),
    );
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const thumb = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
    return { width, height, thumb };
  } catch {
    return {};
  }
}

/** Captures the visible tab of a window (the current one when undefined) and keeps it on the review. */
export async function captureScreenshot(
  windowId: number | undefined,
  target: ScreenshotTarget,
): Promise<Reply<ScreenshotTaken>> {
  let dataUrl: string;
  try {
    dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality: JPEG_QUALITY });
  } catch (error) {
    return fail(describeCaptureError(error));
  }
  const capturedAt = new Date().toISOString();
  const { bytes, mime } = bytesOf(dataUrl);
  const blob = new Blob([bytes], { type: mime });
  const [sha256, shape, tab] = await Promise.all([
    sha256Hex(bytes),
    preview(blob),
    // Title and URL are visible only for tabs we may read; otherwise the screenshot has neither.
    browser.tabs
      .query(windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId })
      .then((tabs) => tabs[0])
      .catch(() => undefined),
  ]);
  const { reviewerName } = await loadSettings();
  try {
    const stored = await addScreenshot(database(), reviewerName, {
      reviewId: target.reviewId,
      ...(target.sessionId ? { sessionId: target.sessionId } : {}),
      ...(target.claimId ? { claimId: target.claimId } : {}),
      ...(target.control ? { control: target.control } : {}),
      mime,
      size: bytes.byteLength,
      sha256,
      capturedAt,
      ...(tab?.title ? { tabTitle: tab.title.slice(0, 512) } : {}),
      ...(tab?.url && /^https?:/i.test(tab.url) ? { tabUrl: tab.url.slice(0, 2048) } : {}),
      ...shape,
      blob,
    });
    broadcast({ type: 'data-changed' });
    return ok({ id: stored.id, sha256, size: stored.size, capturedAt });
  } catch (error) {
    return fail(`The screenshot was taken but not saved: ${describeStorageError(error)}`);
  }
}

/**
 * The keyboard command: captures the tab in front of the reviewer into the running demo, attached
 * to its latest entry. Without a running demo it says so (there is no review to put it in).
 */
export async function captureForRunningDemo(windowId: number | undefined): Promise<Reply<ScreenshotTaken>> {
  const db = database();
  const session = latestRunning(await db.demoSessions.toArray());
  if (!session) return fail('No demo is running. Start one in the review panel, then capture.');
  const entries = await db.claims.where('reviewId').equals(session.reviewId).toArray();
  let latest: (typeof entries)[number] | undefined;
  for (const c of entries)
    if (c.demo?.sessionId === session.id && (!latest || (latest.demo?.offsetMs ?? 0) <= c.demo.offsetMs))
      latest = c;
  return captureScreenshot(windowId, {
    reviewId: session.reviewId,
    sessionId: session.id,
    ...(latest ? { claimId: latest.id } : {}),
    ...(latest?.demo?.control ? { control: latest.demo.control } : {}),
  });
}
