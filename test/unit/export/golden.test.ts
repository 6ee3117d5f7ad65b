/**
 * Every export format, byte for byte, on the pinned cases of `golden-cases.ts`: the SHA-256 and
 * length of each output must match `golden/exports.json`, captured before the exporters were
 * tuned for speed. A deliberate change of output regenerates it: `UPDATE_GOLDEN=1 npx vitest run
 * test/unit/export/golden.test.ts`, and the diff of that file shows which outputs moved.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { goldenCases } from './golden-cases.ts';
import { goldenOutputs } from './golden-outputs.ts';

const FILE = new URL('./golden/exports.json', import.meta.url);

type Pinned = Record<string, { sha256: string; chars: number }>;

const cases = await goldenCases();
const actual: Pinned = {};
for (const [name, c] of Object.entries(cases)) {
  for (const [output, text] of Object.entries(goldenOutputs(c))) {
    actual[`${name} ${output}`] = {
      sha256: createHash('sha256').update(text).digest('hex'),
      chars: text.length,
    };
  }
}
if (process.env.UPDATE_GOLDEN === '1') writeFileSync(FILE, `${JSON.stringify(actual, null, 2)}\n`);
const pinned: Pinned = JSON.parse(readFileSync(FILE, 'utf8'));

describe('golden exports', () => {
  test('pins the same outputs', () => {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(pinned).sort());
  });
  test.each(Object.keys(pinned))('%s is unchanged', (key) => {
    expect(actual[key]).toEqual(pinned[key]);
  });
});
