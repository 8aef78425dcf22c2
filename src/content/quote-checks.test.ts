import { describe, expect, it } from 'vitest';
import { quoteProblems } from './quote-checks';

describe('quoteProblems', () => {
  it('passes verified quotes with a speaker, and a story without quotes', () => {
    expect(quoteProblems([{ text: '«x»', verification: 'verified', speaker: { id: 1 } }])).toEqual([]);
    expect(quoteProblems([])).toEqual([]);
  });
  it('names each unverified or speakerless quote by its opening words', () => {
    expect(
      quoteProblems([
        { text: '«All agreements signed with the illegitimate Lukashenko will be reviewed by the new government.»', verification: 'unverified', speaker: { id: 1 } },
        { text: 'Short', verification: 'disputed', speaker: null },
      ])
    ).toEqual([
      'The quote «All agreements signed with the illegitimate Lukashenko will…» is unverified: it must be verified.',
      'The quote «Short» is disputed: it must be verified.',
      'The quote «Short» has no speaker.',
    ]);
  });
});
