import { describe, expect, it } from 'vitest';
import {
  hiddenFieldsFor,
  isPreviewRead,
  omitHiddenFields,
  parsePublicVerifier,
  pinPopulateFiltersToPublished,
  pinRelationFiltersToPublished,
  GRAPHQL_FILTERS,
} from './reader-visibility';

const MODELS: Record<string, any> = {
  person: {
    attributes: {
      name: { type: 'string' },
      quotes: { type: 'relation', target: 'quote' },
      org: { type: 'relation', target: 'org' },
    },
  },
  quote: {
    options: { draftAndPublish: true },
    attributes: { text: { type: 'string' }, speaker: { type: 'relation', target: 'person' } },
  },
  org: { attributes: { name: { type: 'string' } } },
};
const pin = (filters: unknown) =>
  pinRelationFiltersToPublished((uid) => MODELS[uid], 'person', filters);
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
  it('speaks GraphQL`s filter words when asked', () => {
    expect(
      pinRelationFiltersToPublished(
        (uid) => MODELS[uid],
        'person',
        { or: [{ name: { eq: 'a' } }, { quotes: { text: { contains: 'x' } } }] },
        GRAPHQL_FILTERS
      )
    ).toEqual({
      or: [
        { name: { eq: 'a' } },
        { quotes: { and: [{ text: { contains: 'x' } }, { publishedAt: { notNull: true } }] } },
      ],
    });
  });
  it('leaves relations without Draft & Publish and plain fields alone', () => {
    expect(pin({ name: 'a', org: { name: 'b' } })).toEqual({ name: 'a', org: { name: 'b' } });
  });
});

describe('pinPopulateFiltersToPublished', () => {
  const MODELS2: Record<string, any> = {
    article: {
      attributes: { people: { type: 'relation', target: 'person' }, title: { type: 'string' } },
    },
    ...MODELS,
  };
  const pinPopulate = (populate: unknown) =>
    pinPopulateFiltersToPublished((uid) => MODELS2[uid], 'article', populate);
  it('pins relation filters inside populate, at any depth', () => {
    expect(
      pinPopulate({
        people: {
          filters: { quotes: { text: 'x' } },
          populate: { quotes: { filters: { speaker: { name: 'b' } } } },
        },
      })
    ).toEqual({
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

describe('PUBLIC_VERIFIER', () => {
  it('is name or none; anything else is refused, naming the setting', () => {
    expect(parsePublicVerifier('name')).toBe('name');
    expect(parsePublicVerifier('none')).toBe('none');
    expect(() => parsePublicVerifier('Name')).toThrow(
      'PUBLIC_VERIFIER must be "name" or "none", got "Name"'
    );
    expect(hiddenFieldsFor('name')).toEqual({});
    expect(hiddenFieldsFor('none')).toEqual({ 'api::quote.quote': ['verifiedBy'] });
  });
});

describe('omitHiddenFields', () => {
  const MODELS3: Record<string, any> = {
    'api::article.article': {
      attributes: {
        title: { type: 'string' },
        quotes: { type: 'relation', target: 'api::quote.quote' },
      },
    },
    'api::quote.quote': {
      attributes: {
        text: { type: 'string' },
        verifiedBy: { type: 'string' },
        speaker: { type: 'relation', target: 'api::person.person' },
      },
    },
    'api::person.person': {
      attributes: {
        name: { type: 'string' },
        quotes: { type: 'relation', target: 'api::quote.quote' },
      },
    },
  };
  const hidden = hiddenFieldsFor('none');
  const omit = (uid: string, data: unknown) =>
    omitHiddenFields((u) => MODELS3[u], uid, data, hidden);
  const quote = { text: 'x', verifiedBy: 'Fiona', verifiedAt: '2026-01-01' };

  it('drops the field from a quote, a list of them, and quotes populated at any depth', () => {
    expect(omit('api::quote.quote', quote)).toEqual({ text: 'x', verifiedAt: '2026-01-01' });
    expect(omit('api::quote.quote', [quote, null])).toEqual([
      { text: 'x', verifiedAt: '2026-01-01' },
      null,
    ]);
    const story = { title: 't', quotes: [{ ...quote, speaker: { name: 'p', quotes: [quote] } }] };
    expect(omit('api::article.article', story)).toEqual({
      title: 't',
      quotes: [
        {
          text: 'x',
          verifiedAt: '2026-01-01',
          speaker: { name: 'p', quotes: [{ text: 'x', verifiedAt: '2026-01-01' }] },
        },
      ],
    });
    expect(story.quotes[0].verifiedBy).toBe('Fiona'); // new objects: the input is untouched
  });

  it('leaves other types, counts and empty results alone', () => {
    expect(omit('api::person.person', { name: 'verifiedBy', verifiedBy: 'kept' })).toEqual({
      name: 'verifiedBy',
      verifiedBy: 'kept',
    });
    expect(omit('api::quote.quote', 3)).toBe(3);
    expect(omit('api::quote.quote', null)).toBeNull();
  });
});

describe('isPreviewRead', () => {
  const grant = { uid: 'api::article.article', documentId: 'doc1', locale: 'en' };
  const read = { documentId: 'doc1', locale: 'en', status: 'draft', populate: { quotes: true } };

  it('allows the one working copy the token names', () => {
    expect(isPreviewRead(grant, 'findOne', grant.uid, read)).toBe(true);
  });

  it.each([
    ['no grant', undefined, 'findOne', grant.uid, read],
    ['a list', grant, 'findMany', grant.uid, read],
    ['a first match', grant, 'findFirst', grant.uid, read],
    ['another type', grant, 'findOne', 'api::quote.quote', read],
    ['another document', grant, 'findOne', grant.uid, { ...read, documentId: 'doc2' }],
    ['another locale', grant, 'findOne', grant.uid, { ...read, locale: 'ru' }],
    ['no locale', grant, 'findOne', grant.uid, { ...read, locale: undefined }],
    ['the published version', grant, 'findOne', grant.uid, { ...read, status: 'published' }],
    ['a filtered read', grant, 'findOne', grant.uid, { ...read, filters: { title: 'x' } }],
  ])('refuses %s', (_name, g, action, uid, params) => {
    expect(isPreviewRead(g as any, action as string, uid as string, params)).toBe(false);
  });
});
