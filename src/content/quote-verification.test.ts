import { describe, expect, it } from 'vitest';
import { changedContentFields, changedVerificationFields } from './quote-verification';

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
