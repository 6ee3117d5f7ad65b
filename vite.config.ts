/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Two builds from one config:
 * - default mode: the extension pages (side panel, popup, options) and the background
 *   service worker as ES modules;
 * - `--mode content`: the content script as one classic IIFE file, because content
 *   scripts injected with `scripting.executeScript({ files })` cannot be modules.
 * `scripts/build.ts` runs both and writes the per-browser manifests.
 */
export default defineConfig(({ mode }) => {
  const outDir = process.env.VR_OUT_DIR ?? resolve(root, 'dist/chrome');
  if (mode === 'content') {
    return {
      publicDir: false,
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        sourcemap: false,
        lib: {
          entry: resolve(root, 'content/index.ts'),
          formats: ['iife'],
          name: 'vendorReviewContent',
          fileName: () => 'content.js',
        },
      },
    };
  }
  return {
    publicDir: resolve(root, 'public'),
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // Minified, but `npm run build` reproduces it from this source (Firefox review asks for that).
      minify: true,
      sourcemap: false,
      // The polyfill would fetch() module preloads; extension pages forbid connect-src.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: {
          sidepanel: resolve(root, 'src/sidepanel/index.html'),
          popup: resolve(root, 'popup/index.html'),
          options: resolve(root, 'src/options/index.html'),
          background: resolve(root, 'src/background/index.ts'),
        },
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js',
          // Libraries in chunks named after them, so a reviewer (and web-ext lint's report) can tell them apart.
          codeSplitting: {
            groups: [
              { name: 'preact', test: /node_modules[\\/]preact/ },
              { name: 'dexie', test: /node_modules[\\/]dexie/ },
              { name: 'valibot', test: /node_modules[\\/]valibot/ },
              { name: 'webextension-polyfill', test: /node_modules[\\/]webextension-polyfill/ },
            ],
          },
        },
      },
    },
    test: {
      include: ['test/unit/**/*.test.{ts,tsx}'],
      environment: 'node',
      // Worker threads start faster than forked processes: 37 s instead of 53 s for the unit suite here.
      pool: 'threads',
    },
  };
});
