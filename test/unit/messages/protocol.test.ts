import { describe, expect, test } from 'vitest';
import { parseMessage } from '../../../src/messages/parse-message.ts';
import {
  BackgroundToContent,
  MAX_MESSAGE_CHARS,
  PageInfoSchema,
  PageToBackground,
  replySchema,
} from '../../../src/messages/protocol.ts';
import { isFromExtensionPage, isFromOurContentScript } from '../../../src/messages/sender.ts';

describe('parseMessage', () => {
  test('accepts each known request', () => {
    expect(parseMessage(PageToBackground, { type: 'inspect-tab', tabId: 3 })).toEqual({
      ok: true,
      message: { type: 'inspect-tab', tabId: 3 },
    });
    expect(parseMessage(BackgroundToContent, { type: 'page-info' }).ok).toBe(true);
  });

  test('a screenshot request names a review, and optionally its session, entry and a known control', () => {
    const ok = {
      type: 'capture-screenshot',
      windowId: 2,
      reviewId: 'r1',
      sessionId: 's1',
      claimId: 'c1',
      control: 'revocation',
    };
    expect(parseMessage(PageToBackground, ok).ok).toBe(true);
    expect(parseMessage(PageToBackground, { type: 'capture-screenshot', reviewId: 'r1' }).ok).toBe(true);
    for (const bad of [
      { type: 'capture-screenshot' },
      { ...ok, control: 'everything' },
      { ...ok, reviewId: '' },
      { ...ok, reviewId: 'x'.repeat(65) },
      { ...ok, windowId: 1.5 },
      { ...ok, dataUrl: 'data:image/png;base64,AAAA' },
    ])
      expect(parseMessage(PageToBackground, bad).ok, JSON.stringify(bad).slice(0, 80)).toBe(false);
  });

  test.each([
    ['unknown type', { type: 'delete-everything' }],
    ['missing field', { type: 'inspect-tab' }],
    ['wrong type', { type: 'inspect-tab', tabId: '3' }],
    ['negative id', { type: 'inspect-tab', tabId: -1 }],
    ['extra field', { type: 'inspect-tab', tabId: 1, code: 'alert(1)' }],
    ['not an object', 'inspect-tab'],
    ['null', null],
  ])('rejects %s with a reason', (_, raw) => {
    const result = parseMessage(PageToBackground, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/invalid message/);
  });

  test('rejects an oversized message before looking at its shape', () => {
    const result = parseMessage(PageToBackground, {
      type: 'inspect-tab',
      tabId: 1,
      pad: 'x'.repeat(MAX_MESSAGE_CHARS),
    });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('too large') });
  });

  test('rejects what cannot be serialised', () => {
    const loop: Record<string, unknown> = { type: 'inspect-tab' };
    loop.self = loop;
    expect(parseMessage(PageToBackground, loop).ok).toBe(false);
  });

  test('validates replies from the content script', () => {
    const schema = replySchema(PageInfoSchema);
    expect(
      parseMessage(schema, { ok: true, value: { title: 't', url: 'https://v.com/', textLength: 10 } }).ok,
    ).toBe(true);
    expect(parseMessage(schema, { ok: false, error: 'no' }).ok).toBe(true);
    expect(parseMessage(schema, { ok: true, value: { title: 't', url: 'u', textLength: -5 } }).ok).toBe(
      false,
    );
    expect(
      parseMessage(schema, { ok: true, value: { title: 'x'.repeat(5000), url: 'u', textLength: 1 } }).ok,
    ).toBe(false);
  });
});

describe('sender checks', () => {
  const id = 'abc';
  const origin = 'chrome-extension://abc/';
  test('extension pages: our id and our origin', () => {
    expect(isFromExtensionPage({ id, url: `${origin}src/sidepanel/index.html` }, id, origin)).toBe(true);
    expect(
      isFromExtensionPage({ id, url: 'https://vendor.com/', tab: { id: 1 }, frameId: 0 }, id, origin),
    ).toBe(false);
    expect(isFromExtensionPage({ id: 'other', url: 'chrome-extension://other/x.html' }, id, origin)).toBe(
      false,
    );
    expect(isFromExtensionPage({ id, url: 'chrome-extension://abcd/x.html' }, id, origin)).toBe(false);
    // Both must hold: another extension's id with our URL (or only our origin) is not us either.
    expect(isFromExtensionPage({ id: 'other', url: `${origin}x.html` }, id, origin)).toBe(false);
    expect(isFromExtensionPage({ id: 'other', origin: 'chrome-extension://abc' }, id, origin)).toBe(false);
    expect(isFromExtensionPage({}, id, origin)).toBe(false);
    // Chrome's service worker may send only its origin.
    expect(isFromExtensionPage({ id, origin: 'chrome-extension://abc' }, id, origin)).toBe(true);
    expect(isFromExtensionPage({ id, origin: 'https://vendor.com' }, id, origin)).toBe(false);
    expect(isFromExtensionPage({ id, origin: 'chrome-extension://abcd' }, id, origin)).toBe(false);
  });
  test('content scripts: our id, a tab, the top frame', () => {
    expect(isFromOurContentScript({ id, tab: { id: 4 }, frameId: 0 }, id)).toBe(true);
    expect(isFromOurContentScript({ id, tab: { id: 4 }, frameId: 2 }, id)).toBe(false);
    expect(isFromOurContentScript({ id }, id)).toBe(false);
    expect(isFromOurContentScript({ id: 'other', tab: { id: 4 }, frameId: 0 }, id)).toBe(false);
  });
});
