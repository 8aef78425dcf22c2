import { describe, expect, it } from 'vitest';
import { graphqlReadProblems, publicationArgProblems } from './graphql-reads';
import type { Model } from './reader-query';

const MODELS: Record<string, Model> = {
  person: {
    attributes: {
      name: { type: 'string' },
      quotes: { type: 'relation', relation: 'oneToMany', target: 'quote' },
    },
  },
  quote: {
    attributes: {
      text: { type: 'text' },
      speaker: { type: 'relation', relation: 'manyToOne', target: 'person' },
    },
  },
};
const getModel = (uid: string) => MODELS[uid];
// What the GraphQL plugin's mapper does to the operators these tests use.
const toStrapi = (filters: unknown): unknown =>
  JSON.parse(JSON.stringify(filters).replace(/"(between|contains|eq|and|or)":/g, '"$$$1":'));

describe('publicationArgProblems', () => {
  it('refuses a reader every argument that selects drafts', () => {
    expect(
      publicationArgProblems(
        {
          status: 'draft',
          publicationFilter: 'never-published-document',
          hasPublishedVersion: false,
        },
        true
      ).map((p) => p.path)
    ).toEqual(['status', 'publicationFilter', 'hasPublishedVersion']);
  });
  it('lets readers ask for published rows, and tokens for anything', () => {
    expect(publicationArgProblems({ status: 'published', publicationFilter: null }, true)).toEqual(
      []
    );
    expect(publicationArgProblems({ status: 'draft', hasPublishedVersion: true }, false)).toEqual(
      []
    );
  });
});

describe('graphqlReadProblems', () => {
  const reader = { reader: true };
  it('applies the REST rules to GraphQL filters, sort and pagination', () => {
    const found = graphqlReadProblems(
      getModel,
      'person',
      {
        filters: { name: { between: ['a'] } },
        sort: ['quotes.text:desc'],
        pagination: { page: 0 },
        status: 'draft',
      },
      reader,
      toStrapi
    );
    expect(found.map((p) => p.path)).toEqual([
      'status',
      'filters.name.$between',
      'sort.0',
      'pagination.page',
    ]);
  });
  it('accepts what REST accepts', () => {
    expect(
      graphqlReadProblems(
        getModel,
        'person',
        {
          filters: { or: [{ quotes: { text: { contains: 'x' } } }, { name: { eq: 'y' } }] },
          sort: ['name:asc'],
          pagination: { page: 2, pageSize: 10 },
          status: 'published',
        },
        reader,
        toStrapi
      )
    ).toEqual([]);
  });
  it('leaves absent arguments alone (no mapper call)', () => {
    expect(
      graphqlReadProblems(getModel, 'quote', {}, { reader: false, nested: true }, () => {
        throw new Error('mapper called without filters');
      })
    ).toEqual([]);
  });
});
