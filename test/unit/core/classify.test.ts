import { describe, expect, test } from 'vitest';
import {
  type ClaimText,
  classifyClaim,
  classifyClaims,
  pageTopics,
  type Suggestion,
} from '../../../src/core/classify/classify-claim.ts';
import { CONTROL_IDS } from '../../../src/core/controls.ts';

/** Checks what every suggestion must satisfy, then returns it. */
function suggest(text: string, extra: Omit<ClaimText, 'text'> = {}, neighbours: string[] = []): Suggestion {
  const s = classifyClaim({ text, ...extra }, { neighbours });
  expectWellFormed(text, s);
  return s;
}

function expectWellFormed(text: string, s: Suggestion): void {
  // Every cue is a span of the claim's own text, so the panel can highlight it.
  for (const cue of s.cues) {
    expect(cue.start).toBeGreaterThanOrEqual(0);
    expect(cue.end).toBeGreaterThan(cue.start);
    expect(text.slice(cue.start, cue.end), JSON.stringify(cue)).toBe(cue.text);
  }
  const starts = s.cues.map((c) => c.start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
  // Controls: known ids, no repeats, at most five, best first, scores in (0, 1].
  expect(s.controls.length).toBeLessThanOrEqual(5);
  expect(new Set(s.controls.map((c) => c.id)).size).toBe(s.controls.length);
  for (const c of s.controls) {
    expect(CONTROL_IDS).toContain(c.id);
    expect(c.score).toBeGreaterThan(0);
    expect(c.score).toBeLessThanOrEqual(1);
  }
  const scores = s.controls.map((c) => c.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  expect(new Set(s.redFlags).size).toBe(s.redFlags.length);
}

const ids = (s: Suggestion, n: number) => s.controls.slice(0, n).map((c) => c.id);
const cuesOf = (s: Suggestion, type: string) => s.cues.filter((c) => c.type === type);

describe('classifyClaim', () => {
  test('a per-tenant AES-256-GCM key in AWS KMS: encryption / tenant isolation, evidence', () => {
    const text = "Each tenant's data is encrypted with a per-tenant AES-256-GCM key held in AWS KMS.";
    const s = suggest(text);
    const top2 = ids(s, 2);
    expect(top2.includes('encryption') || top2.includes('tenant-isolation')).toBe(true);
    expect(s.kind).toBe('evidence');
    const evidence = cuesOf(s, 'evidence');
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.some((c) => /AES-256/.test(c.text))).toBe(true);
    expect(evidence.some((c) => c.label === 'named mechanism or standard')).toBe(true);
    expect(cuesOf(s, 'marketing')).toEqual([]);
    expect(s.redFlags).toEqual([]);
  });

  test('"we take security seriously … industry-leading, bank-grade": marketing, with its cues', () => {
    const text = 'We take security seriously and use industry-leading, bank-grade protection.';
    const s = suggest(text);
    expect(s.kind).toBe('marketing');
    const marketing = cuesOf(s, 'marketing');
    expect(marketing.map((c) => c.text)).toEqual(
      expect.arrayContaining(['We take security seriously', 'industry-leading', 'bank-grade']),
    );
    expect(marketing.find((c) => c.text === 'industry-leading')?.label).toBe('superlative');
    expect(cuesOf(s, 'evidence')).toEqual([]);
  });

  test('"Ory is SOC 2 compliant.": certifications, marketing (a badge only)', () => {
    const text = 'Ory is SOC 2 compliant.';
    const s = suggest(text);
    expect(ids(s, 1)).toEqual(['certifications']);
    expect(s.kind).toBe('marketing');
    expect(cuesOf(s, 'marketing')).toContainEqual(
      expect.objectContaining({ text: 'SOC 2 compliant', label: 'badge only' }),
    );
  });

  // BUG (src/core/classify/kind-cues.ts, the `(fly|flyctl|kubectl|…|hydra|ory)\s[a-z-]+` "setting,
  // command or API" cue): compiled case-insensitively, it reads the vendor's name followed by any
  // word as a CLI command. "Ory is SOC 2 compliant." gets the evidence cue "Ory is" (and "Fly is
  // fast", "AWS KMS" likewise), so the panel highlights a badge-only claim as partly checkable
  // and every sentence starting with the vendor's name gains 1.5 evidence weight.
  // Expected: no evidence cue in a sentence that names no command.
  test('a vendor name followed by a verb is not a CLI command cue', () => {
    expect(cuesOf(suggest('Ory is SOC 2 compliant.'), 'evidence')).toEqual([]);
    expect(cuesOf(suggest('Fly is fast and reliable for everyone.'), 'evidence')).toEqual([]);
  });

  test('a SOC 2 claim with report specifics is evidence', () => {
    const s = suggest(
      'Our SOC 2 Type II report covers March 2024 to February 2025 and was issued by Prescient Assurance.',
    );
    expect(ids(s, 1)).toEqual(['certifications']);
    expect(s.kind).toBe('evidence');
    expect(cuesOf(s, 'evidence').some((c) => c.label === 'report specifics')).toBe(true);
  });

  test('tokens valid for 20 years: access lifetime control, red flag long-lived-keys', () => {
    const text = 'Tokens are valid for 20 years by default.';
    const s = suggest(text);
    const top3 = ids(s, 3);
    expect(top3.includes('jit-access') || top3.includes('revocation')).toBe(true);
    expect(s.redFlags).toContain('long-lived-keys');
    const flag = s.cues.find((c) => c.type === 'red-flag' && c.label === 'long-lived-keys');
    expect(flag?.text).toMatch(/20 years/);
  });

  test('short-lived tokens raise no long-lived-keys flag', () => {
    const s = suggest('Access tokens expire after 15 minutes and cannot be renewed.');
    expect(ids(s, 1)).toEqual(['jit-access']);
    expect(s.redFlags).not.toContain('long-lived-keys');
    expect(s.kind).toBe('evidence');
  });

  test('revocation through support: revocation first, red flag manual-revocation', () => {
    const s = suggest('To revoke an integration, contact our support team.');
    expect(ids(s, 1)).toEqual(['revocation']);
    expect(s.redFlags).toContain('manual-revocation');
    expect(s.cues.find((c) => c.label === 'manual-revocation')?.text).toMatch(/contact our support/i);
  });

  test('self-service revocation raises no manual-revocation flag', () => {
    const s = suggest('Admins can revoke any API key instantly from Settings › API keys.');
    expect(ids(s, 1)).toEqual(['revocation']);
    expect(s.redFlags).not.toContain('manual-revocation');
  });

  test('background jobs under a shared service account: red flag shared-identity', () => {
    const s = suggest('Background sync jobs run under a shared service account.');
    expect(s.redFlags).toContain('shared-identity');
    expect(ids(s, 3)).toContain('workload-identity');
  });

  test('an audit log sentence: auditability first', () => {
    const s = suggest(
      'Audit logs record the actor, action, target, timestamp and source IP of every API call and can be streamed to your SIEM.',
    );
    expect(ids(s, 1)).toEqual(['auditability']);
    expect(s.controls[0]?.score).toBe(1);
    expect(s.kind).toBe('evidence');
  });

  test('a sentence with no topic words suggests no control (or only weak ones)', () => {
    for (const text of [
      'Our offices are open on weekdays.',
      'The quick brown fox jumps over the lazy dog.',
    ]) {
      const s = suggest(text);
      expect(
        s.controls.every((c) => c.score <= 0.5),
        text,
      ).toBe(true);
      expect(s.redFlags).toEqual([]);
    }
  });

  test('the heading a claim sits under steers its control', () => {
    const text = 'They are kept for 30 days.';
    const underRetention = suggest(text, { headingPath: ['Security', 'Data retention'] });
    expect(ids(underRetention, 1)).toEqual(['data-retention']);
    expect(ids(underRetention, 5)).not.toContain('auditability');
    const underLogs = suggest(text, { headingPath: ['Security', 'Audit logs'] });
    expect(ids(underLogs, 2)).toContain('auditability');
    // Context scores controls but adds no cue spans: cues are in the claim's own text only.
    expect(underLogs.cues).toEqual(underRetention.cues);
  });

  test('an agent action held for a person is an AI guardrail', () => {
    expect(suggest('HIGH: Action is paused, and user confirmation is requested.').controls[0]?.id).toBe(
      'ai-guardrails',
    );
  });

  test('revoked sessions that stay active until a cache expires: revocation first', () => {
    const s = suggest('Revoked sessions may remain active on other devices until the cookie cache expires.');
    expect(s.controls[0]?.id).toBe('revocation');
  });

  test("a claim's own words outweigh the topic of its heading", () => {
    // Under "Data retention", a sentence about roles is about access.
    const s = suggest('Admins can grant read-only roles to each member.', {
      headingPath: ['Data retention'],
    });
    expect(s.controls.map((c) => c.id).slice(0, 2)).toEqual(['jit-access', 'data-retention']);
  });

  test('a mutual TLS certificate is workload identity, not a compliance certification', () => {
    const s = suggest(
      'mTLS certificates: Mutual TLS authentication using client certificates issued by your CA.',
    );
    expect(s.controls[0]?.id).toBe('workload-identity');
    expect(s.controls.map((c) => c.id)).not.toContain('certifications');
  });

  test('a setting named in camelCase is evidence, even beside hedging words', () => {
    const s = suggest('The enableSandbox option is designed to keep tools safe.');
    expect(s.kind).toBe('evidence');
    expect(s.cues).toContainEqual(
      expect.objectContaining({ text: 'enableSandbox', type: 'evidence', label: 'setting, command or API' }),
    );
    // Not a capitalised word or an acronym.
    expect(suggest('The Sandbox option is designed to keep tools safe.').kind).toBe('marketing');
  });

  test('the month May is not a hedge; "may" is one, if a weak one', () => {
    const hedges = (text: string) =>
      suggest(text)
        .cues.filter((c) => c.label === 'hedge')
        .map((c) => c.text);
    expect(hedges('The report covers controls as of May 31st, 2024.')).toEqual([]);
    expect(hedges('Staff may access data to resolve a ticket.')).toEqual(['may']);
    // Alone it mostly grants, in documentation: not enough to call a claim marketing.
    expect(suggest('You may set an expiry date for each token.').kind).toBe('evidence');
  });

  test('a policy named and nothing more is a badge (marketing); a sentence about it is not', () => {
    for (const text of ['Incident Response Plan', 'Acceptable Use Policy', 'Code of Conduct']) {
      const s = suggest(text);
      expect(s.kind, text).toBe('marketing');
      expect(s.cues.map((c) => c.label)).toContain('badge only');
    }
    const s = suggest('The Incident Response Plan is tested every six months with a tabletop exercise.');
    expect(s.kind).toBe('evidence');
    expect(s.cues.map((c) => c.label)).not.toContain('badge only');
  });

  test('an intensifier without a measure is marketing', () => {
    const s = suggest('This makes it significantly more difficult for a user to bypass the settings.');
    expect(s.kind).toBe('marketing');
    expect(s.cues).toContainEqual(expect.objectContaining({ text: 'significantly', label: 'superlative' }));
  });

  test('a superlative denied is a stated limit, not a boast', () => {
    const s = suggest('These settings should not be considered a foolproof security boundary.');
    expect(s.kind).toBe('evidence');
    expect(s.cues).toContainEqual(
      expect.objectContaining({ text: 'foolproof', type: 'evidence', label: 'explicit scope or limit' }),
    );
    expect(suggest('Our foolproof settings keep every tenant apart.').kind).toBe('marketing');
  });

  test('a feature only planned is marketing, not evidence', () => {
    expect(suggest('Enterprise editions (planned for Q2) will include detailed audit logging.').kind).toBe(
      'marketing',
    );
  });

  test("no control far behind the first is suggested, not even a trace of the page's topics", () => {
    const page: ClaimText[] = [
      { text: 'Tokens are scoped to one project and expire after 15 minutes.' },
      { text: 'Audit logs record the actor, the action and the time.' },
      { text: 'Data is encrypted at rest with AES-256 and keys are held in a KMS.' },
      { text: 'Sessions time out after 30 minutes of inactivity.' },
    ];
    for (const s of classifyClaims(page)) {
      const first = s.controls[0]?.score ?? 0;
      for (const c of s.controls) expect(c.score).toBeGreaterThanOrEqual(0.1 * first - 0.01);
    }
  });

  test('a code block is evidence even when it contains marketing words', () => {
    const text = 'robust industry-leading best practices enabled by default';
    expect(suggest(text).kind).toBe('marketing');
    expect(suggest(text, { flags: { inCode: true } }).kind).toBe('evidence');
  });

  test('a lone weak word is not enough to call a claim marketing', () => {
    expect(suggest('Passwords are stored securely.').kind).toBe('evidence');
  });

  test('long runs of punctuation are read in time linear in their length', () => {
    // 64K characters, far past the extractor's 2,000-character claims: a cue that backtracks from
    // every position would take seconds here (an e-mail cue did, on dots, dashes and underscores).
    for (const c of ['.', '-', '_', '@', ' ', '/', '1', 'a.', 'a-']) {
      const text = c.repeat(65_536 / c.length);
      const started = performance.now();
      classifyClaims([{ text, headingPath: [text.slice(0, 512)] }]);
      expect(performance.now() - started, JSON.stringify(c)).toBeLessThan(500);
    }
  });

  test('the same input gives deep-equal output', () => {
    const claim: ClaimText = {
      text: 'We regularly rotate keys, e.g. every 90 days, using AWS KMS and contact support for revocation.',
      headingPath: ['Security', 'Encryption'],
      context: 'Key management',
    };
    const a = classifyClaim(claim, { neighbours: ['Keys are held in an HSM.'] });
    const b = classifyClaim(structuredClone(claim), { neighbours: ['Keys are held in an HSM.'] });
    expect(b).toEqual(a);
    // Repeated calls do not leak state between runs (the regexes are shared and global).
    classifyClaim({ text: 'AES-256 AES-256 AES-256 audit audit audit' });
    expect(classifyClaim(claim, { neighbours: ['Keys are held in an HSM.'] })).toEqual(a);
  });
});

describe('classifyClaims', () => {
  const vague = 'We regularly review access to our systems.';
  const specific = 'Access reviews run every 90 days in Okta and each review is signed off by the CISO.';

  test('a vague sentence made specific next door in the same section is unclear, not marketing', () => {
    expect(suggest(vague).kind).toBe('marketing');
    expect(suggest(specific).kind).toBe('evidence');
    const [a, b] = classifyClaims([
      { text: vague, headingPath: ['Security', 'Access'] },
      { text: specific, headingPath: ['Security', 'Access'] },
    ]);
    expect(a?.kind).toBe('unclear');
    expect(b?.kind).toBe('evidence');
  });

  test('the specific sentence must be in the same section', () => {
    const [a] = classifyClaims([
      { text: vague, headingPath: ['Security', 'Access'] },
      { text: specific, headingPath: ['Security', 'Logging'] },
    ]);
    expect(a?.kind).toBe('marketing');
  });

  test('a vague sentence next to another vague one stays marketing', () => {
    const [a, b] = classifyClaims([
      { text: vague, headingPath: ['Security'] },
      { text: 'We take security seriously and follow industry best practices.', headingPath: ['Security'] },
    ]);
    expect(a?.kind).toBe('marketing');
    expect(b?.kind).toBe('marketing');
  });

  test('each claim gets the suggestion classifyClaim gives it with its same-section neighbours, its section and the page', () => {
    const claims: ClaimText[] = [
      { text: 'Data is encrypted at rest with AES-256.', headingPath: ['Encryption'] },
      { text: vague, headingPath: ['Access'] },
      { text: specific, headingPath: ['Access'] },
      { text: 'Audit logs are kept for one year.', headingPath: ['Logging'] },
    ];
    const out = classifyClaims(claims);
    const page = pageTopics(claims);
    expect(out).toHaveLength(4);
    const access = pageTopics(claims.slice(1, 3));
    const alone = (claim: ClaimText) => ({ page, section: pageTopics([claim]) });
    expect(out[0]).toEqual(classifyClaim(claims[0] as ClaimText, alone(claims[0] as ClaimText)));
    expect(out[1]).toEqual(
      classifyClaim(claims[1] as ClaimText, { neighbours: [specific], section: access, page }),
    );
    expect(out[2]).toEqual(
      classifyClaim(claims[2] as ClaimText, { neighbours: [vague], section: access, page }),
    );
    expect(out[3]).toEqual(classifyClaim(claims[3] as ClaimText, alone(claims[3] as ClaimText)));
    expect(classifyClaims([])).toEqual([]);
  });

  test("a claim with no topic words of its own takes the page's main topic; its own cues still win", () => {
    const tokensPage: ClaimText[] = [
      { text: 'Tokens are scoped to one project and expire after 15 minutes.' },
      { text: 'Each token carries only the permissions its task needs.' },
      { text: 'Least privilege is enforced for every role.' },
      { text: 'This works the same way in every plan.' },
      { text: 'Data is encrypted at rest with AES-256.' },
    ];
    const page = pageTopics(tokensPage);
    expect(page.get('jit-access')).toBe(1);
    const out = classifyClaims(tokensPage);
    expect(classifyClaim(tokensPage[3] as ClaimText).controls).toEqual([]);
    expect(out[3]?.controls[0]?.id).toBe('jit-access');
    expect(out[4]?.controls[0]?.id).toBe('encryption');
  });

  test("a claim with no topic words of its own takes its section's topic before the page's", () => {
    const encryption = [
      'Data is encrypted at rest with AES-256.',
      'TLS 1.3 protects data in transit.',
      'Keys are held in an HSM and rotated yearly.',
      'Backups are encrypted with per-customer keys.',
    ].map((text) => ({ text, headingPath: ['Part one'] }));
    // The claim with no topic words is not next to the token claims: only its section ties them.
    const tokens = [
      'Tokens are scoped to one project and expire after 15 minutes.',
      'Each token carries only the permissions its task needs.',
      'The table below lists them.',
      'This works the same way in every plan.',
    ].map((text) => ({ text, headingPath: ['Part two'] }));
    const claims: ClaimText[] = [...encryption, ...tokens];
    const page = pageTopics(claims);
    expect(page.get('encryption')).toBe(1);
    const out = classifyClaims(claims);
    expect(out[7]?.controls[0]?.id).toBe('jit-access');
    // With the same neighbours and page but no section, the page's main topic is what it would take.
    const neighbours = [tokens[2]?.text as string];
    expect(classifyClaim(claims[7] as ClaimText, { neighbours, page }).controls[0]?.id).toBe('encryption');
  });

  // Speed is the benchmarks' job (a wall-clock bound here failed only when the machine was busy).
  test('is deterministic over 5,000 sentences', () => {
    const templates = [
      (i: number) => `Access tokens expire after ${i % 60} minutes and are scoped to one workspace.`,
      (i: number) => `We take security seriously and use industry-leading protection for customer ${i}.`,
      (i: number) =>
        `Audit logs for tenant ${i} record the actor, action and timestamp and stream to Splunk.`,
      (i: number) => `To revoke integration ${i}, contact our support team.`,
      (i: number) => `Backups are encrypted with AES-256-GCM and retained for ${i % 35} days in eu-west-1.`,
      (i: number) => `Ory is SOC 2 compliant and we regularly review vendor ${i}.`,
    ];
    const claims: ClaimText[] = Array.from({ length: 5000 }, (_, i) => ({
      text: (templates[i % templates.length] as (i: number) => string)(i),
      headingPath: ['Security', `Section ${Math.floor(i / 10)}`],
    }));
    const first = classifyClaims(claims);
    expect(first).toHaveLength(5000);
    expect(classifyClaims(claims)).toEqual(first);
  });
});
