import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The built extensions. */
export const DIST_CHROME = resolve(ROOT, 'dist/chrome');
export const DIST_FIREFOX = resolve(ROOT, 'dist/firefox');
/** The fictional vendor's trust center, our main fixture. */
export const SAMPLE_TRUST_CENTER = resolve(ROOT, 'test/fixtures/sample-trust-center');
/** The exact title of the sample trust center's home page. */
export const SAMPLE_TITLE = 'Kestrel Meridian AI — Trust Center';

/** A folder for screenshots the e2e writes (ignored by git). */
export function resultsDir(name: string): string {
  const dir = resolve(ROOT, 'test-results', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
