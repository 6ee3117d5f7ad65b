/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Unit test files that set up browser state — a fake IndexedDB or a happy-dom environment — found
 * by reading them, so a new one cannot be left out by mistake.
 */
const BROWSER_STATE_TESTS = readdirSync(resolve(root, 'test/unit'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.test\.tsx?$/.test(f))
  .filter((f) =>
    /fake-indexeddb|@vitest-environment/.test(readFileSync(resolve(root, 'test/unit', f), 'utf8')),
  )
  .map((f) => `test/unit/${f}`);

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
      environment: 'node',
      // Worker threads start faster than forked processes: 37 s instead of 53 s for the unit suite here.
      pool: 'threads',
      projects: [
        {
          extends: true,
          // Tests that set up browser state: each file in a fresh module graph, so none sees
          // another's database or globals.
          test: { name: 'browser-state', include: BROWSER_STATE_TESTS },
        },
        {
          extends: true,
          // The rest is pure: its files share their workers' loaded modules, which cut the unit run
          // from about 49 s to 31–45 s here (most of the 49 s was starting workers and importing).
          test: {
            name: 'pure',
            include: ['test/unit/**/*.test.{ts,tsx}'],
            exclude: BROWSER_STATE_TESTS,
            isolate: false,
          },
        },
      ],
    },
  };
});
