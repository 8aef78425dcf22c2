import { describe, expect, it } from 'vitest';
import {
  changedContentFields,
  changedVerificationFields,
  verdictNoteProblem,
} from './quote-verification';

describe('changedContentFields', () => {
  const base = {
    text: '«a»',
    originalText: null,
    originalLanguage: 'ru',
    saidAt: '2020-09-14',
    url: null,
    speaker: 'p1',
    source: 's1',
  };
  it('ignores a version that says the same thing (null, empty and absent are alike)', () => {
    expect(changedContentFields(base, { ...base, originalText: '', url: undefined })).toEqual([]);
    expect(
      changedContentFields(base, { ...base, saidAt: new Date('2020-09-14T00:00:00Z') })
    ).toEqual([]);
  });
  it('names each changed field, relations by documentId', () => {
    expect(
      changedContentFields(base, {
        ...base,
        text: '«b»',
        speaker: 'p2',
        source: null,
        saidAt: '2020-09-15',
      })
    ).toEqual(['text', 'saidAt', 'speaker', 'source']);
  });
});

describe('changedVerificationFields', () => {
  it('compares with what is stored, so resending it changes nothing', () => {
    const stored = { verification: 'verified', verificationNote: 'ok' };
    expect(
      changedVerificationFields(
        { verification: 'verified', verificationNote: 'ok', text: 'x' },
        stored
      )
    ).toEqual([]);
    expect(changedVerificationFields({ verification: 'disputed' }, stored)).toEqual([
      'verification',
    ]);
    expect(changedVerificationFields({ verificationNote: null }, stored)).toEqual([
      'verificationNote',
    ]);
  });
  it('treats a new quote as unverified with no note', () => {
    expect(
      changedVerificationFields({ verification: 'unverified', verificationNote: '' }, null)
    ).toEqual([]);
    expect(changedVerificationFields({ verification: null }, null)).toEqual([]);
    expect(
      changedVerificationFields({ verification: 'verified', verificationNote: 'x' }, null)
    ).toEqual(['verification', 'verificationNote']);
  });
});

describe('verdictNoteProblem', () => {
  const problem = (verdict: string, value: unknown = null) => ({
    path: ['verificationNote'],
    message: `verificationNote is required when verification is ${verdict}: say why`,
    value,
  });

  it('asks a note for disputed, misattributed and unverifiable, on a new quote or a stored one', () => {
    for (const verdict of ['disputed', 'misattributed', 'unverifiable']) {
      expect(verdictNoteProblem({ verification: verdict }, null)).toEqual(problem(verdict));
      expect(verdictNoteProblem({ verification: verdict }, { verification: 'verified' })).toEqual(
        problem(verdict)
      );
    }
  });

  it('counts a blank note as none, and takes a stored note or one given in the same write', () => {
    expect(verdictNoteProblem({ verification: 'disputed', verificationNote: '  ' }, null)).toEqual(
      problem('disputed', '  ')
    );
    expect(
      verdictNoteProblem(
        { verification: 'disputed', verificationNote: 'Tape says otherwise' },
        null
      )
    ).toBeNull();
    expect(
      verdictNoteProblem(
        { verification: 'misattributed' },
        { verification: 'verified', verificationNote: 'Said by her deputy' }
      )
    ).toBeNull();
  });

  it('refuses clearing the note of a verdict that needs one', () => {
    const stored = { verification: 'unverifiable', verificationNote: 'No recording' };
    expect(verdictNoteProblem({ verificationNote: '' }, stored)).toEqual(
      problem('unverifiable', '')
    );
    expect(verdictNoteProblem({ verificationNote: null }, stored)).toEqual(problem('unverifiable'));
  });

  it('needs nothing for verified or unverified', () => {
    expect(verdictNoteProblem({ verification: 'verified' }, null)).toBeNull();
    expect(
      verdictNoteProblem(
        { verification: 'unverified', verificationNote: null },
        {
          verification: 'disputed',
          verificationNote: 'x',
        }
      )
    ).toBeNull();
  });

  it('judges only a write that changes the verdict or its note: older quotes keep saving', () => {
    const legacy = { verification: 'disputed', verificationNote: null };
    expect(verdictNoteProblem({ text: '«New words»' }, legacy)).toBeNull();
    expect(verdictNoteProblem({ verification: 'disputed' }, legacy)).toBeNull();
    // A null verdict in the data keeps the stored one (as Strapi does).
    expect(verdictNoteProblem({ verification: null, verificationNote: '' }, legacy)).toBeNull();
    expect(verdictNoteProblem({ verification: null, verificationNote: ' ' }, legacy)).toEqual(
      problem('disputed', ' ')
    );
  });
});
