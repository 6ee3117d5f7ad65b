/**
 * `npm test`: every check, in order, stopping at the first failure — typecheck, lint, unit tests,
 * build, e2e in real Chromium and Firefox, and web-ext lint on the Firefox build.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);

const steps: Array<[string, string, string[], Record<string, string>?]> = [
  ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['lint', bin('biome'), ['check', '.']],
  ['unit tests', bin('vitest'), ['run']],
  ['build', bin('tsx'), ['scripts/build.ts']],
  [
    'e2e (Chromium and Firefox)',
    bin('vitest'),
    ['run', '--config', 'vitest.e2e.config.ts'],
    { VR_BUILT: '1' },
  ],
  ['web-ext lint', bin('tsx'), ['scripts/lint-firefox.ts']],
];

let passed = 0;
const started = Date.now();
for (const [name, command, args, env] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.log(`\n✗ ${name} failed after ${seconds} s`);
    console.log(`steps: ${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed++;
  console.log(`✓ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`steps: ${passed} passed, 0 failed`);
