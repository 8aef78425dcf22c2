import { describe, expect, it } from 'vitest';
import { pinPopulateFiltersToPublished, pinRelationFiltersToPublished } from './reader-visibility';

const MODELS: Record<string, any> = {
  person: { attributes: { name: { type: 'string' }, quotes: { type: 'relation', target: 'quote' }, org: { type: 'relation', target: 'org' } } },
  quote: { options: { draftAndPublish: true }, attributes: { text: { type: 'string' }, speaker: { type: 'relation', target: 'person' } } },
  org: { attributes: { name: { type: 'string' } } },
};
const pin = (filters: unknown) => pinRelationFiltersToPublished((uid) => MODELS[uid], 'person', filters);
const published = { publishedAt: { $notNull: true } };

describe('pinRelationFiltersToPublished', () => {
  it('pins filters on a Draft & Publish relation to published rows', () => {
    expect(pin({ quotes: { text: { $contains: 'x' } } })).toEqual({
      quotes: { $and: [{ text: { $contains: 'x' } }, published] },
    });
  });
  it('walks $and/$or/$not and nested relations', () => {
    expect(pin({ $or: [{ name: 'a' }, { quotes: { speaker: { name: 'b' } } }] })).toEqual({
      $or: [{ name: 'a' }, { quotes: { $and: [{ speaker: { name: 'b' } }, published] } }],
    });
  });
  it('leaves relations without Draft & Publish and plain fields alone', () => {
    expect(pin({ name: 'a', org: { name: 'b' } })).toEqual({ name: 'a', org: { name: 'b' } });
  });
});

describe('pinPopulateFiltersToPublished', () => {
  const MODELS2: Record<string, any> = {
    article: { attributes: { people: { type: 'relation', target: 'person' }, title: { type: 'string' } } },
    ...MODELS,
  };
  const pinPopulate = (populate: unknown) => pinPopulateFiltersToPublished((uid) => MODELS2[uid], 'article', populate);
  it('pins relation filters inside populate, at any depth', () => {
    expect(pinPopulate({ people: { filters: { quotes: { text: 'x' } }, populate: { quotes: { filters: { speaker: { name: 'b' } } } } } })).toEqual({
      people: {
        filters: { quotes: { $and: [{ text: 'x' }, published] } },
        populate: { quotes: { filters: { speaker: { name: 'b' } } } },
      },
    });
  });
  it('leaves string, list and boolean forms alone', () => {
    expect(pinPopulate('*')).toBe('*');
    expect(pinPopulate(['people'])).toEqual(['people']);
    expect(pinPopulate({ people: true })).toEqual({ people: true });
  });
});
