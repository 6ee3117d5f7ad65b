/**
 * `npm test`: every check, in order, stopping at the first failure — typecheck, lint, unit tests,
 * build, e2e in real Chromium and Firefox, and web-ext lint on the Firefox build.
 *
 * The e2e files run as two processes at once, one per browser: most of an e2e test is waiting
 * (for a debounce, a 20-second two-panel run, a page to settle), so two browsers share the cores
 * well, and the whole run takes about half as long as one file after another. Each process's
 * output is printed whole when it ends, so the two never interleave.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);

/** A command to run: its name, program, arguments and extra environment. */
type Command = [name: string, command: string, args: string[], env?: Record<string, string>];

const e2e = (browser: string, filters: string[]): Command => [
  `e2e in ${browser}`,
  bin('vitest'),
  ['run', '--config', 'vitest.e2e.config.ts', ...filters],
  { VR_BUILT: '1' },
];

/** Steps in order; a step that is a list runs its commands at the same time. */
const steps: Array<Command | Command[]> = [
  ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['lint', bin('biome'), ['check', '.']],
  ['unit tests', bin('vitest'), ['run']],
  ['build', bin('tsx'), ['scripts/build.ts']],
  // File-name filters: `.chromium.` and `.firefox.` files, and the browser-free build check with Firefox.
  [e2e('Chromium', ['.chromium.']), e2e('Firefox', ['.firefox.', 'built-bundles'])],
  ['web-ext lint', bin('tsx'), ['scripts/lint-firefox.ts']],
];

// Every e2e file must fall in one of the two processes: a file in neither would silently not run.
const E2E_GROUPS = ['.chromium.', '.firefox.', 'built-bundles'];
const unrun = readdirSync(resolve(root, 'test/e2e')).filter(
  (f) => f.endsWith('.e2e.test.ts') && !E2E_GROUPS.some((g) => f.includes(g)),
);
if (unrun.length > 0) {
  console.log(
    `✗ e2e files in no browser's process (name them *.chromium.* or *.firefox.*): ${unrun.join(', ')}`,
  );
  process.exit(1);
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

/** Runs one command with its output on the terminal; returns whether it passed. */
function runShown([name, command, args, env]: Command): boolean {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(ok ? `✓ ${name} (${seconds(t0)} s)` : `\n✗ ${name} failed after ${seconds(t0)} s`);
  return ok;
}

/** Runs one command with its output held back, then printed whole; resolves to whether it passed. */
function runHeld([name, command, args, env]: Command): Promise<boolean> {
  const t0 = Date.now();
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0', ...env },
    });
    const output: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => output.push(b));
    child.stderr.on('data', (b: Buffer) => output.push(b));
    child.on('close', (code) => {
      console.log(`\n▶ ${name}`);
      process.stdout.write(Buffer.concat(output));
      const ok = code === 0;
      console.log(ok ? `✓ ${name} (${seconds(t0)} s)` : `\n✗ ${name} failed after ${seconds(t0)} s`);
      done(ok);
    });
  });
}

let passed = 0;
let failed = 0;
const started = Date.now();
for (const step of steps) {
  if (typeof step[0] === 'string') {
    if (runShown(step as Command)) passed++;
    else failed++;
  } else {
    const group = step as Command[];
    console.log(
      `\n▶ ${group.map(([name]) => name).join(' and ')}, at the same time (output shown as each ends)`,
    );
    for (const ok of await Promise.all(group.map(runHeld))) {
      if (ok) passed++;
      else failed++;
    }
  }
  if (failed > 0) {
    console.log(`steps: ${passed} passed, ${failed} failed`);
    process.exit(1);
  }
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`steps: ${passed} passed, 0 failed`);
