import { describe, expect, test } from 'vitest';
import { RED_FLAG_IDS, RED_FLAG_NAMES } from '../../../src/core/classify/red-flag-cues.ts';
import type { ControlStatus } from '../../../src/core/control-status.ts';
import { CONTROL_IDS, CONTROLS, type ControlId, PROOF_POINTS } from '../../../src/core/controls.ts';
import {
  draftFollowUps,
  type FollowUp,
  type FollowUpInput,
  FROM_THE_DEMO,
  followUpMessage,
  QUOTE_MAX,
} from '../../../src/core/follow-up-questions.ts';

const proven: ControlStatus = { kind: 'proven', evidence: 1, marketing: 0, staleEvidence: 0 };
const stale: ControlStatus = { kind: 'stale', evidence: 1, marketing: 0, staleEvidence: 1 };
const claimedOnly: ControlStatus = { kind: 'claimed-only', evidence: 0, marketing: 2, staleEvidence: 0 };
const missing: ControlStatus = { kind: 'missing', evidence: 0, marketing: 0, staleEvidence: 0 };
const notApplicable: ControlStatus = { kind: 'not-applicable', reason: 'no AI features' };

/** Input with the given statuses and nothing else. */
function only(statuses: Partial<Record<ControlId, ControlStatus>>, extra: Partial<FollowUpInput> = {}) {
  return draftFollowUps({
    vendor: 'Acme',
    statuses: Object.entries(statuses).map(([control, status]) => ({
      control: control as ControlId,
      status: status as ControlStatus,
    })),
    redFlags: [],
    ...extra,
  });
}

describe('controls', () => {
  test('a missing proof point yields its request for evidence', () => {
    expect(only({ revocation: missing })).toEqual([
      {
        key: 'control:revocation',
        about: 'Revocation',
        control: 'revocation',
        question:
          'Please show how a customer admin revokes a compromised integration’s access without contacting your support, and how quickly it takes effect; a recording or the admin-console documentation would do.',
      },
    ]);
  });

  test('proven and not-applicable yield nothing', () => {
    expect(only({ revocation: proven, 'ai-guardrails': notApplicable })).toEqual([]);
  });

  test('every control has its own hand-written request, one sentence pair, polite', () => {
    const all = only(Object.fromEntries(CONTROL_IDS.map((c) => [c, missing])));
    expect(all.map((f) => f.control)).toEqual([...CONTROL_IDS]);
    expect(new Set(all.map((f) => f.question)).size).toBe(CONTROL_IDS.length);
    for (const f of all) {
      expect(f.question).toMatch(/^Please show .+; .+ would do.*\.$/);
      expect(f.about).toBe(CONTROLS[f.control as ControlId].name);
    }
  });

  test('the requests name what counts as evidence', () => {
    const q = (c: ControlId) => only({ [c]: missing })[0]?.question ?? '';
    expect(q('workload-identity')).toMatch(/SPIFFE\/SVID.*mTLS.*OIDC.*JWT/);
    expect(q('tenant-isolation')).toMatch(/querying, retrieving or influencing/);
    expect(q('jit-access')).toMatch(/per task or session/);
    expect(q('auditability')).toMatch(/actor, action, target, time and source/);
    expect(q('certifications')).toMatch(/SOC 2 Type II.*period and auditor/);
    expect(q('certifications')).toMatch(/badge alone/);
  });

  test('claimed-only quotes the vendor’s claim', () => {
    const [f] = only(
      { revocation: claimedOnly },
      { marketingQuotes: new Map([['revocation', ['Access can be revoked instantly.']]]) },
    );
    expect(f?.question).toBe(
      'You state “Access can be revoked instantly”; please share the evidence behind it: how a customer admin revokes a compromised integration’s access without contacting your support, and how quickly it takes effect; a recording or the admin-console documentation would do.',
    );
  });

  test('claimed-only quotes at most two distinct claims', () => {
    const [f] = only(
      { revocation: claimedOnly },
      {
        marketingQuotes: new Map([
          [
            'revocation',
            ['Revoke in one click.', 'Revoke  in one\nclick', 'Industry-leading revocation.', 'Third.'],
          ],
        ]),
      },
    );
    expect(f?.question).toMatch(
      /^You state “Revoke in one click” and “Industry-leading revocation”; please share the evidence behind them: how/,
    );
    expect(f?.question).not.toContain('Third');
  });

  test('claimed-only without quotes still asks for the evidence', () => {
    const [f] = only({ 'sso-provisioning': claimedOnly });
    expect(f?.question).toMatch(
      /^We found only general statements about SSO and provisioning; please share the evidence behind them: how our people sign in/,
    );
    const [g] = only(
      { 'workload-identity': claimedOnly },
      { marketingQuotes: new Map([['revocation', ['x']]]) },
    );
    expect(g?.question).toMatch(/^We found only general statements about workload identity;/);
  });

  test('stale asks the vendor to confirm', () => {
    const [f] = only({ auditability: stale });
    expect(f?.question).toBe(
      'The page where you documented auditability has changed since we captured it; please confirm that what we captured still holds, or point us to the current version.',
    );
  });

  test('proof points first, then other controls in checklist order, whatever the input order', () => {
    const statuses = [...CONTROL_IDS].reverse().map((control) => ({ control, status: missing }));
    const all = draftFollowUps({ vendor: 'Acme', statuses, redFlags: [] });
    expect(all.map((f) => f.control)).toEqual([...CONTROL_IDS]);
    expect(all.slice(0, 5).map((f) => f.control)).toEqual([...PROOF_POINTS]);
  });

  test('a control listed twice asks once (the first status counts)', () => {
    const all = draftFollowUps({
      vendor: 'Acme',
      statuses: [
        { control: 'revocation', status: missing },
        { control: 'revocation', status: proven },
      ],
      redFlags: [],
    });
    expect(all.map((f) => f.key)).toEqual(['control:revocation']);
  });

  test('a long quote is cut at a word with …', () => {
    const long = `${'word '.repeat(100)}end`;
    const [f] = only({ encryption: claimedOnly }, { marketingQuotes: new Map([['encryption', [long]]]) });
    const quoted = /“(.*?)”/.exec(f?.question ?? '')?.[1] ?? '';
    expect(quoted.endsWith('word…')).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(QUOTE_MAX + 1);
    expect(quoted.length).toBeGreaterThan(QUOTE_MAX * 0.9);
  });
});

describe('red flags', () => {
  test('a standing red flag yields its request, quoting the claim', () => {
    expect(
      only(
        {},
        { redFlags: [{ flag: 'manual-revocation', resolved: false, quote: 'Contact support to revoke.' }] },
      ),
    ).toEqual([
      {
        key: 'red-flag:manual-revocation',
        about: RED_FLAG_NAMES['manual-revocation'],
        redFlag: 'manual-revocation',
        question:
          'You state “Contact support to revoke”. Please explain whether a customer admin can revoke access immediately, without opening a ticket; if revocation depends on your staff, tell us the guaranteed response time, including outside business hours.',
      },
    ]);
  });

  test('every red flag has its own request; without a quote it stands alone', () => {
    const all = only({}, { redFlags: RED_FLAG_IDS.map((flag) => ({ flag, resolved: false })) });
    expect(all.map((f) => f.redFlag)).toEqual([...RED_FLAG_IDS]);
    expect(new Set(all.map((f) => f.question)).size).toBe(RED_FLAG_IDS.length);
    for (const f of all) expect(f.question).toMatch(/^Please (explain|tell us|show|confirm) .+\.$/);
  });

  test('resolved red flags yield nothing', () => {
    expect(
      only({}, { redFlags: [{ flag: 'long-lived-keys', resolved: true, quote: 'Keys never expire.' }] }),
    ).toEqual([]);
  });

  test('the same red flag twice → one question quoting both; resolved ones are not quoted', () => {
    const all = only(
      {},
      {
        redFlags: [
          { flag: 'long-lived-keys', resolved: false, quote: 'Keys never expire.' },
          { flag: 'long-lived-keys', resolved: true, quote: 'Old wording.' },
          { flag: 'long-lived-keys', resolved: false, quote: 'Keys are valid for 5 years.' },
          { flag: 'long-lived-keys', resolved: false, quote: 'Keys never expire' },
          { flag: 'long-lived-keys', resolved: false, quote: 'A third quote.' },
        ],
      },
    );
    expect(all).toHaveLength(1);
    expect(all[0]?.question).toMatch(
      /^You state “Keys never expire” and “Keys are valid for 5 years”\. Please tell/,
    );
    expect(all[0]?.question).not.toContain('Old wording');
    expect(all[0]?.question).not.toContain('third');
  });
});

describe('demo questions and order', () => {
  test('demo questions come last, trimmed, duplicates once', () => {
    const all = only(
      { revocation: missing, encryption: missing },
      {
        redFlags: [{ flag: 'shared-identity', resolved: false }],
        demoQuestions: [
          '  Can we see the SCIM logs? ',
          'can we see the  SCIM logs?',
          '',
          '   ',
          'Who hosts inference?',
        ],
      },
    );
    expect(all.map((f) => f.key)).toEqual([
      'control:revocation',
      'control:encryption',
      'red-flag:shared-identity',
      'demo:1',
      'demo:2',
    ]);
    expect(all.slice(3)).toEqual([
      { key: 'demo:1', about: FROM_THE_DEMO, question: 'Can we see the SCIM logs?' },
      { key: 'demo:2', about: FROM_THE_DEMO, question: 'Who hosts inference?' },
    ]);
  });

  test('keys are unique', () => {
    const all = only(Object.fromEntries(CONTROL_IDS.map((c) => [c, missing])), {
      redFlags: RED_FLAG_IDS.map((flag) => ({ flag, resolved: false })),
      demoQuestions: ['a?', 'b?'],
    });
    expect(new Set(all.map((f) => f.key)).size).toBe(all.length);
  });
});

describe('followUpMessage', () => {
  const followUps = only(
    { revocation: missing, 'tenant-isolation': claimedOnly, encryption: missing, subprocessors: proven },
    {
      marketingQuotes: new Map([['tenant-isolation', ['Your data is isolated using best practices.']]]),
      redFlags: [{ flag: 'manual-revocation', resolved: false, quote: 'Email support to revoke.' }],
      demoQuestions: ['Which region hosts EU customers?'],
    },
  );
  const message = followUpMessage('Acme', followUps);
  const lines = message.split('\n');

  test('greeting, intro, headings, continuous numbering, closing', () => {
    expect(lines[0]).toBe('Hello Acme team,');
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^As part of our security review, we would be grateful/);
    const headings = lines.filter((l) =>
      ['Proof points', 'Other controls', 'Red flags we need explained', 'From the demo'].includes(l),
    );
    expect(headings).toEqual([
      'Proof points',
      'Other controls',
      'Red flags we need explained',
      'From the demo',
    ]);
    const numbered = lines.filter((l) => /^\d+\. /.test(l));
    expect(numbered.map((l) => l.split('.')[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(numbered[0]).toMatch(
      /^1\. Tenant isolation: You state “Your data is isolated using best practices”;/,
    );
    expect(numbered[1]).toMatch(/^2\. Revocation: Please show how a customer admin/);
    expect(numbered[2]).toMatch(/^3\. Encryption and key management: Please show which algorithms/);
    expect(numbered[3]).toMatch(
      /^4\. Revocation depends on manual vendor intervention: You state “Email support to revoke”\./,
    );
    expect(numbered[4]).toBe('5. Which region hosts EU customers?');
    expect(lines.at(-1)).toBe('Thank you in advance; we look forward to your answers.');
    expect(lines.at(-2)).toBe('');
  });

  test('each heading follows a blank line and precedes its questions', () => {
    const i = lines.indexOf('Red flags we need explained');
    expect(lines[i - 1]).toBe('');
    expect(lines[i + 1]).toMatch(/^4\. /);
  });

  test('empty groups have no heading', () => {
    const m = followUpMessage('Acme', only({ revocation: missing }));
    expect(m).toContain('Proof points');
    expect(m).not.toContain('Other controls');
    expect(m).not.toContain('Red flags');
    expect(m).not.toContain('From the demo');
  });

  test('no follow-ups → a message saying there are no open questions', () => {
    const m = followUpMessage('Acme', []);
    expect(m.split('\n')[0]).toBe('Hello Acme team,');
    expect(m).toMatch(/no open questions/);
    expect(m).not.toMatch(/^\d+\. /m);
  });

  test('no vendor name → a plain greeting; a name with line breaks stays on one line', () => {
    expect(followUpMessage('  ', []).split('\n')[0]).toBe('Hello,');
    expect(followUpMessage('Acme\nCorp', []).split('\n')[0]).toBe('Hello Acme Corp team,');
  });

  test('a question with line breaks stays on its numbered line', () => {
    const f: FollowUp = { key: 'demo:1', about: FROM_THE_DEMO, question: 'Line one\nline two?' };
    expect(followUpMessage('Acme', [f])).toContain('\n1. Line one line two?\n');
  });

  test('hostile quotes and questions stay literal text', () => {
    const hostile = '=HYPERLINK("http://evil") <img src=x onerror=alert(1)> [x](javascript:alert(1))';
    const all = only(
      { revocation: claimedOnly },
      {
        marketingQuotes: new Map([['revocation', [hostile]]]),
        redFlags: [{ flag: 'opaque-tokens', resolved: false, quote: '<script>alert(1)</script>' }],
        demoQuestions: ["=cmd|' /C calc'!A0"],
      },
    );
    const m = followUpMessage('<b>Acme</b>', all);
    expect(m).toContain(`“${hostile}”`);
    expect(m).toContain('“<script>alert(1)</script>”');
    expect(m).toContain("3. =cmd|' /C calc'!A0");
    expect(m.split('\n')[0]).toBe('Hello <b>Acme</b> team,');
    expect(m).not.toContain('&lt;');
  });
});
