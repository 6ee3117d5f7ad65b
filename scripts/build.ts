/**
 * `npm run build`: builds the extension once into dist/chrome, copies it to dist/firefox, and
 * writes each browser's manifest from the one source manifest.json.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { manifestFor, type SourceManifest, type Target } from './manifest-for.ts';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');

/**
 * Builds both browsers' extensions into dist/ (or `outDir`, for a build that must not touch the
 * one a running browser has loaded); returns their folders.
 */
export async function buildExtension(
  options: { quiet?: boolean; outDir?: string } = {},
): Promise<Record<Target, string>> {
  const logLevel = options.quiet ? 'warn' : 'info';
  const chrome = resolve(options.outDir ?? dist, 'chrome');
  const firefox = resolve(options.outDir ?? dist, 'firefox');
  // vite.config.ts reads the output folder from VR_OUT_DIR.
  const outEnv = process.env.VR_OUT_DIR;
  if (options.outDir) process.env.VR_OUT_DIR = chrome;
  // Vite lets NODE_ENV from the environment override the mode, and vitest sets it to "test": the
  // e2e's own build would then differ from `npm run build`. The shipped build is always production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: resolve(root, 'vite.config.ts'), mode: 'production', logLevel });
    await build({ root, configFile: resolve(root, 'vite.config.ts'), mode: 'content', logLevel });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    if (outEnv === undefined) delete process.env.VR_OUT_DIR;
    else process.env.VR_OUT_DIR = outEnv;
  }
  rmSync(firefox, { recursive: true, force: true });
  cpSync(chrome, firefox, { recursive: true });
  const source = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as SourceManifest;
  const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
  for (const [target, dir] of [
    ['chrome', chrome],
    ['firefox', firefox],
  ] as const) {
    writeFileSync(
      resolve(dir, 'manifest.json'),
      `${JSON.stringify(manifestFor(source, target, version), null, 2)}\n`,
    );
  }
  return { chrome, firefox };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dirs = await buildExtension();
  console.log(`built ${dirs.chrome} and ${dirs.firefox}`);
}
