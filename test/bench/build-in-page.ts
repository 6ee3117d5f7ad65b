/** The benchmarks' in-page bundles: one entry built with vite into one classic IIFE script. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');

/**
 * Builds `entry` (relative to the repository root) minified into `outDir/fileName` as an IIFE
 * named `name`, and returns the script's text for `page.addScriptTag`.
 */
export async function buildInPageBundle(
  entry: string,
  outDir: string,
  name: string,
  fileName: string,
): Promise<string> {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    // Preact and Dexie pick their production paths, as in the extension's own build.
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      lib: { entry: resolve(root, entry), formats: ['iife'], name, fileName: () => fileName },
    },
  });
  return readFileSync(join(outDir, fileName), 'utf8');
}
