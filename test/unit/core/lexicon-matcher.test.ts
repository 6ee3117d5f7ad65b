import { describe, expect, test } from 'vitest';
import { classifyClaim } from '../../../src/core/classify/classify-claim.ts';
import { CONTROL_LEXICON, type Lexicon } from '../../../src/core/classify/control-lexicon.ts';
import { lexiconFinder } from '../../../src/core/classify/lexicon-matcher.ts';
import { CONTROL_IDS, type ControlId } from '../../../src/core/controls.ts';

const none: Lexicon = { strong: [], typical: [], suggestive: [] };
/** A finder over a lexicon of a few phrases for two controls. */
const find = lexiconFinder({
  ...(Object.fromEntries(CONTROL_IDS.map((id) => [id, none])) as Record<ControlId, Lexicon>),
  'data-retention': {
    strong: ['retention period', 'zero data retention'],
    typical: ['retention', 'purge', 'policy'],
    suggestive: ['backup'],
  },
  'model-training': { strong: [], typical: ['fine-tune'], suggestive: ['zero data retention'] },
  encryption: { strong: ['tls 1.2+', 'x.509', 'ssl/tls'], typical: [], suggestive: [] },
  'incident-response': { strong: ['24/7', '99.9%'], typical: [], suggestive: [] },
});
/** What `find` found for a control, as [text, strength] pairs. */
const found = (text: string, id: ControlId) => (find(text).get(id) ?? []).map((h) => [h.text, h.strength]);

describe('lexicon phrases in a text', () => {
  test('the longest phrase starting at a word wins, and a phrase inside it is not counted again', () => {
    expect(found('The retention period is 30 days; retention is configurable.', 'data-retention')).toEqual([
      ['retention period', 3],
      ['retention', 2],
    ]);
  });

  test('spaces and hyphens between words are interchangeable or absent; case does not matter', () => {
    expect(found('Fine-tune, fine tune, FINETUNE', 'model-training')).toEqual([
      ['Fine-tune', 2],
      ['fine tune', 2],
      ['FINETUNE', 2],
    ]);
  });

  test('plurals match their singular phrase', () => {
    expect(found('Backups, purges and policies', 'data-retention')).toEqual([
      ['Backups', 1],
      ['purges', 2],
      ['policies', 2],
    ]);
  });

  test('only whole words: a phrase inside a longer word is not found', () => {
    expect(found('Repurged backupsets and a nonretention policy', 'data-retention')).toEqual([['policy', 2]]);
  });

  test('one phrase may point to two controls, each with its own strength', () => {
    const hits = find('We offer zero data retention.');
    expect(hits.get('data-retention')?.map((h) => h.strength)).toEqual([3]);
    expect(hits.get('model-training')?.map((h) => h.strength)).toEqual([1]);
  });

  test('phrases with dots, slashes and a trailing + or % are found as written', () => {
    expect(found('We require TLS 1.2+ with X.509 certificates over SSL/TLS.', 'encryption')).toEqual([
      ['TLS 1.2+', 3],
      ['X.509', 3],
      ['SSL/TLS', 3],
    ]);
    expect(found('Support is 24/7 and uptime 99.9%.', 'incident-response')).toEqual([
      ['24/7', 3],
      ['99.9%', 3],
    ]);
    // A comma is not one of the characters a phrase's words are joined by.
    expect(found('TLS, 1.2', 'encryption')).toEqual([]);
  });
});

describe('the lexicon in suggestions', () => {
  test('every control has a vocabulary of lowercase phrases', () => {
    for (const id of CONTROL_IDS) {
      const { strong, typical, suggestive } = CONTROL_LEXICON[id];
      expect(strong.length + typical.length + suggestive.length, id).toBeGreaterThan(50);
      for (const phrase of [...strong, ...typical, ...suggestive])
        expect(phrase, id).toBe(phrase.toLowerCase());
    }
  });

  test('a claim whose only topic words are in the lexicon gets that control, with the words as cues', () => {
    for (const [text, id, words] of [
      ['Break-glass access requires a second approver.', 'jit-access', ['Break-glass']],
      [
        'Standard contractual clauses cover transfers out of the EEA.',
        'data-residency',
        ['Standard contractual clauses'],
      ],
    ] as const) {
      const s = classifyClaim({ text });
      expect(s.controls[0]?.id, text).toBe(id);
      const cues = s.cues.filter((c) => c.type === 'control' && c.label === id).map((c) => c.text);
      for (const w of words) expect(cues, text).toContain(w);
    }
  });
});
