import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { manifestFor, type SourceManifest } from '../../../scripts/manifest-for.ts';

const source = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../manifest.json'), 'utf8'),
) as SourceManifest;

/** The reviewed permission list: widening it must be a deliberate change to this test and the README. */
const REVIEWED_PERMISSIONS = [
  'activeTab',
  'contextMenus',
  'scripting',
  'sidePanel',
  'storage',
  'unlimitedStorage',
];

describe('per-browser manifests', () => {
  const chrome = manifestFor(source, 'chrome');
  const firefox = manifestFor(source, 'firefox');

  test('Chrome: a service worker and a side panel, no Firefox keys', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(chrome.side_panel).toBeDefined();
    expect(chrome.sidebar_action).toBeUndefined();
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.permissions).toEqual(REVIEWED_PERMISSIONS);
  });

  test('Firefox: background scripts, a sidebar, a gecko id, no Chrome-only permission', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'], type: 'module' });
    expect(firefox.side_panel).toBeUndefined();
    expect(firefox.sidebar_action).toBeDefined();
    expect(firefox.permissions).toEqual(REVIEWED_PERMISSIONS.filter((p) => p !== 'sidePanel'));
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: expect.stringContaining('@'),
        strict_min_version: expect.stringMatching(/^\d+\.\d+$/),
        data_collection_permissions: { required: ['none'] },
      },
    });
  });

  test('neither asks for host access at install, exposes resources, or accepts outside messages', () => {
    for (const m of [chrome, firefox]) {
      expect(m.host_permissions).toBeUndefined();
      expect(m.content_scripts).toBeUndefined();
      expect(m.web_accessible_resources).toBeUndefined();
      expect(m.externally_connectable).toBeUndefined();
      expect(JSON.stringify(m)).not.toContain('<all_urls>');
      expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    }
  });

  test('the extension pages CSP forbids everything but our own scripts, and all network', () => {
    const csp = (chrome.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  test('the source manifest is not modified', () => {
    expect(source.side_panel).toBeDefined();
    expect(source.sidebar_action).toBeDefined();
  });
});
