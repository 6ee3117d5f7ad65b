import { expect, test } from 'vitest';
import { addAgreement, type Label, noAgreement } from '../../../src/cli/label-agreement.ts';

const first: Label[] = [
  { text: 'Keys expire after 15 minutes.', control: 'jit-access', also: ['revocation'], kind: 'evidence' },
  { text: 'Data is encrypted with AES-256.', control: 'encryption', kind: 'evidence' },
  { text: 'We take security seriously.', control: 'certifications', kind: 'marketing' },
];

test('counts each way of agreeing: second in first, first in second, same control, same kind', () => {
  const second: Label[] = [
    { text: first[0]?.text as string, control: 'revocation', kind: 'evidence' },
    { text: first[1]?.text as string, control: 'tenant-isolation', also: ['encryption'], kind: 'marketing' },
    { text: first[2]?.text as string, control: 'certifications', kind: 'marketing' },
  ];
  const tally = noAgreement();
  addAgreement(tally, first, second, 'page.json');
  expect(tally).toEqual({ claims: 3, secondInFirst: 2, firstInSecond: 2, sameControl: 1, sameKind: 2 });
});

test('second labels for other claims, or a different number of them, name the page', () => {
  const shifted = [first[1], first[0], first[2]] as Label[];
  expect(() => addAgreement(noAgreement(), first, shifted, 'zulip.json')).toThrow(/zulip\.json: label 1 /);
  expect(() => addAgreement(noAgreement(), first, first.slice(1), 'zulip.json')).toThrow(
    /zulip\.json: 3 first labels but 2 second labels/,
  );
});
