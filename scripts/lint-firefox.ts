/**
 * `web-ext lint` on dist/firefox: fails on any error, and on any warning not explained below.
 * Each explained warning says why it is acceptable; a new warning must be fixed or explained here.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
}

/** Warnings we accept, each with the reason (shown in the output and the README). */
const EXPLAINED: Array<{ code: string; file: RegExp; why: string }> = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^assets\/preact-[\w-]+\.js$/,
    why: 'Preact’s renderer contains the innerHTML path for dangerouslySetInnerHTML; our code never uses it (Biome’s noDangerouslySetInnerHtml rule is an error), so page text never reaches it.',
  },
];

const root = resolve(import.meta.dirname, '..');
const bin = resolve(root, 'node_modules/.bin/web-ext');
let output: string;
try {
  output = execFileSync(
    bin,
    ['lint', '--source-dir', resolve(root, 'dist/firefox'), '--output', 'json', '--self-hosted'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
} catch (error) {
  // web-ext exits non-zero when it finds errors; its JSON is still on stdout.
  output = (error as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(output) as {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
};
const unexplained = report.warnings.filter(
  (w) => !EXPLAINED.some((e) => e.code === w.code && e.file.test(w.file ?? '')),
);
for (const w of report.warnings) {
  const why = EXPLAINED.find((e) => e.code === w.code && e.file.test(w.file ?? ''))?.why;
  console.log(
    `web-ext lint warning ${w.code} in ${w.file ?? '?'}: ${why ? `explained — ${why}` : 'NOT EXPLAINED'}`,
  );
}
for (const e of report.errors)
  console.log(`web-ext lint ERROR ${e.code} in ${e.file ?? '?'}: ${e.message} ${e.description ?? ''}`);
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${unexplained.length} unexplained), ${report.notices.length} notices`,
);
process.exit(report.errors.length === 0 && unexplained.length === 0 ? 0 : 1);
