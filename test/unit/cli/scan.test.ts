import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { htmlFiles, scanFile } from '../../../src/cli/scan.ts';

const root = resolve(import.meta.dirname, '../../..');

test('scanFile produces the documented JSON shape with ranked controls', () => {
  const page = scanFile(resolve(root, 'test/fixtures/sample-trust-center/docs.html'));
  expect(page.title).toBe('Agent identity and access — Kestrel Agents docs');
  expect(page.claims.length).toBeGreaterThan(20);
  for (const claim of page.claims) {
    expect(Object.keys(claim).sort()).toEqual([
      'controls',
      'cues',
      'headingPath',
      'kind',
      'redFlags',
      'text',
    ]);
    expect(['evidence', 'marketing', 'unclear']).toContain(claim.kind);
    const scores = claim.controls.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  }
  const manual = page.claims.find((c) => c.text.includes('open a support ticket'));
  expect(manual?.controls[0]?.id).toBe('revocation');
  expect(manual?.redFlags).toContain('manual-revocation');
});

test('folders expand to their HTML files, sorted', () => {
  const files = htmlFiles([resolve(root, 'test/fixtures/sample-trust-center')]);
  expect(files.map((f) => f.split('/').pop())).toEqual(['docs.html', 'index.html']);
});

test('the command prints one JSON document for several files, and refuses a missing path', () => {
  const out = execFileSync(
    resolve(root, 'node_modules/.bin/tsx'),
    [
      'src/cli/scan.ts',
      '--json',
      'test/fixtures/corpus/pages/ory-security-policy.html',
      'test/fixtures/sample-trust-center/docs.html',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  const pages = JSON.parse(out) as Array<{ file: string; claims: unknown[] }>;
  expect(pages).toHaveLength(2);
  expect(pages[0]?.claims.length).toBeGreaterThan(10);
  expect(() =>
    execFileSync(resolve(root, 'node_modules/.bin/tsx'), ['src/cli/scan.ts', 'no/such/file.html'], {
      cwd: root,
      stdio: 'pipe',
    }),
  ).toThrow(/Cannot read/);
}, 30_000);
