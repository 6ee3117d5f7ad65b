/**
 * `npm run scan -- <file.html|folder>... [--json]`: pre-scans saved pages with the same
 * extraction and classifier the extension runs in the browser, over a DOM parsed from each file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { extractPage } from '../../content/read-page.ts';
import { classifyClaims } from '../core/classify/classify-claim.ts';
import { CONTROLS } from '../core/controls.ts';
import { parseHtml } from './parse-html.ts';

/** One page's scan, in the documented JSON shape. */
export interface ScannedPage {
  file: string;
  title: string;
  claims: Array<{
    text: string;
    headingPath: string[];
    kind: 'evidence' | 'marketing' | 'unclear';
    controls: Array<{ id: string; score: number }>;
    cues: Array<{ text: string; type: string; label: string }>;
    redFlags: string[];
  }>;
  truncated?: string;
}

/** Scans one HTML file. */
export function scanFile(file: string): ScannedPage {
  const doc = parseHtml(readFileSync(file, 'utf8'));
  const extraction = extractPage(doc, `file://${file}`);
  const suggestions = classifyClaims(extraction.claims);
  return {
    file,
    title: extraction.title,
    claims: extraction.claims.map((claim, i) => {
      const s = suggestions[i];
      return {
        text: claim.text,
        headingPath: claim.headingPath,
        kind: s?.kind ?? 'unclear',
        controls: s?.controls ?? [],
        cues: (s?.cues ?? []).map((c) => ({ text: c.text, type: c.type, label: c.label })),
        redFlags: s?.redFlags ?? [],
      };
    }),
    ...(extraction.truncated ? { truncated: extraction.truncated } : {}),
  };
}

/** The HTML files named on the command line, folders expanded (sorted). */
export function htmlFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) {
        const full = join(p, f);
        if (statSync(full).isDirectory()) out.push(...htmlFiles([full]));
        else if (['.html', '.htm'].includes(extname(f).toLowerCase())) out.push(full);
      }
    } else out.push(p);
  }
  return out;
}

function printSummary(page: ScannedPage): void {
  console.log(
    `\n${page.file} — ${page.title || '(untitled)'}: ${page.claims.length} claims${page.truncated ? ` (${page.truncated})` : ''}`,
  );
  const byControl = new Map<string, ScannedPage['claims']>();
  for (const c of page.claims) {
    const id = c.controls[0]?.id ?? 'not relevant';
    byControl.set(id, [...(byControl.get(id) ?? []), c]);
  }
  for (const [id, claims] of [...byControl.entries()].sort((a, b) => b[1].length - a[1].length)) {
    const name = id in CONTROLS ? CONTROLS[id as keyof typeof CONTROLS].name : id;
    const ev = claims.filter((c) => c.kind === 'evidence').length;
    const mk = claims.filter((c) => c.kind === 'marketing').length;
    console.log(`  ${name}: ${claims.length} (${ev} evidence, ${mk} marketing)`);
    for (const c of claims.filter((c) => c.redFlags.length > 0))
      console.log(`    red flag ${c.redFlags.join(', ')}: ${c.text.slice(0, 100)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const paths = args.filter((a) => a !== '--json');
  if (paths.length === 0) {
    console.error('Usage: npm run scan -- <file.html|folder>... [--json]');
    process.exit(2);
  }
  let files: string[];
  try {
    files = htmlFiles(paths);
  } catch (error) {
    console.error(`Cannot read ${paths.join(', ')}: ${(error as Error).message}`);
    process.exit(2);
  }
  const pages = files.map(scanFile);
  if (json) process.stdout.write(`${JSON.stringify(pages, null, 2)}\n`);
  else for (const p of pages) printSummary(p);
}
