import { describe, expect, it } from 'vitest';
import { normalizePopulate } from './normalize-populate';

describe('normalizePopulate', () => {
  it('folds numbered entries next to named ones into named ones', () => {
    expect(
      normalizePopulate({ quotes: { populate: ['speaker', 'source'] }, 0: 'people', 1: 'sources' })
    ).toEqual({ quotes: { populate: ['speaker', 'source'] }, people: true, sources: true });
  });
  it('leaves plain forms alone', () => {
    expect(normalizePopulate(['people', 'sources'])).toEqual(['people', 'sources']);
    expect(normalizePopulate('*')).toBe('*');
    expect(normalizePopulate({ 0: 'people' })).toEqual({ 0: 'people' });
  });
  it('does not override a named entry', () => {
    expect(normalizePopulate({ people: { fields: ['name'] }, 0: 'people' })).toEqual({
      people: { fields: ['name'] },
    });
  });
  it('recurses into nested populate objects', () => {
    expect(normalizePopulate({ quotes: { populate: { speaker: true, 0: 'source' } } })).toEqual({
      quotes: { populate: { speaker: true, source: true } },
    });
  });
});
