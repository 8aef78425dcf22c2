import { isOperatorOfType } from '@strapi/utils';
import { describe, expect, it } from 'vitest';
import { FIELD_OPERATORS, readQueryProblems, type Model } from './reader-query';

// A slice of the newsroom schema: people (no Draft & Publish) → quotes (Draft & Publish) → article.
const MODELS: Record<string, Model> = {
  person: {
    attributes: {
      name: { type: 'string' },
      aliases: { type: 'json' },
      quotes: { type: 'relation', relation: 'oneToMany', target: 'quote' },
      articles: { type: 'relation', relation: 'manyToMany', target: 'article' },
    },
  },
  quote: {
    attributes: {
      text: { type: 'text' },
      saidAt: { type: 'date' },
      speaker: { type: 'relation', relation: 'manyToOne', target: 'person' },
      article: { type: 'relation', relation: 'manyToOne', target: 'article' },
    },
  },
  article: {
    attributes: {
      title: { type: 'string' },
      body: { type: 'blocks' },
      cover: { type: 'media' },
      quotes: { type: 'relation', relation: 'oneToMany', target: 'quote' },
      people: { type: 'relation', relation: 'manyToMany', target: 'person' },
    },
  },
  'plugin::upload.file': {
    attributes: {
      name: { type: 'string' },
      url: { type: 'string' },
      related: { type: 'relation', relation: 'morphToMany' },
    },
  },
};
const getModel = (uid: string) => MODELS[uid];
const problems = (uid: string, query: unknown, reader: boolean) =>
  readQueryProblems(getModel, uid, query, { reader });
const paths = (uid: string, query: unknown, reader = true) =>
  problems(uid, query, reader).map((p) => p.path);

describe('reader queries: relations are filtered by fields, never by value', () => {
  it.each([
    [{ quotes: '1' }],
    [{ quotes: { $eq: '1' } }],
    [{ quotes: { $in: ['1', '2'] } }],
    [{ quotes: { $null: 'true' } }],
    [{ quotes: { $notNull: 'true' } }],
    [{ quotes: ['1'] }],
    [{ quotes: [{ text: 'x' }] }],
    [{ quotes: { text: 'x', $eq: '1' } }],
  ])('refuses filters %j on people, naming filters.quotes', (filters) => {
    const found = problems('person', { filters }, true);
    expect(found.map((p) => p.path)).toEqual(['filters.quotes']);
    expect(found[0].message).toContain('`filters.quotes` is a relation');
  });

  it('refuses scalar relation filters at any depth', () => {
    expect(paths('person', { filters: { articles: { quotes: { $eq: '1' } } } })).toEqual([
      'filters.articles.quotes',
    ]);
    expect(paths('person', { filters: { $or: [{ name: 'a' }, { articles: '2' }] } })).toEqual([
      'filters.$or.1.articles',
    ]);
    expect(paths('article', { filters: { cover: '1' } })).toEqual(['filters.cover']);
  });

  it('accepts relation filters on the related fields, logical operators included', () => {
    expect(paths('person', { filters: { quotes: { text: { $contains: '' } } } })).toEqual([]);
    expect(
      paths('person', { filters: { quotes: { id: { $eq: '3' }, $not: { text: 'x' } } } })
    ).toEqual([]);
    expect(
      paths('person', {
        filters: { quotes: { $or: [{ text: 'a' }, { article: { title: 'b' } }] } },
      })
    ).toEqual([]);
    expect(paths('article', { filters: { cover: { id: { $null: 'true' } } } })).toEqual([]);
  });

  it('refuses the upload file`s polymorphic related in filters', () => {
    expect(paths('article', { filters: { cover: { related: { title: 'x' } } } })).toEqual([
      'filters.cover.related',
    ]);
  });
});

describe('API tokens keep Strapi`s relation-by-id filters', () => {
  it.each([
    [{ quotes: '1' }],
    [{ quotes: { $eq: '1' } }],
    [{ quotes: { $in: ['1', '2'] } }],
    [{ quotes: { $null: 'true' } }],
    [{ quotes: ['1', '2'] }],
  ])('accepts %j', (filters) => expect(paths('person', { filters }, false)).toEqual([]));
  it('refuses the shapes the query builder cannot run', () => {
    expect(paths('person', { filters: { quotes: { text: 'x', $eq: '1' } } }, false)).toEqual([
      'filters.quotes',
    ]);
    expect(paths('person', { filters: { quotes: { $not: { text: 'x' } } } }, false)).toEqual([
      'filters.quotes.$not',
    ]);
    expect(paths('person', { filters: { quotes: 'abc' } }, false)).toEqual(['filters.quotes']);
    expect(paths('person', { filters: { quotes: [{ text: 'x' }] } }, false)).toEqual([
      'filters.quotes',
    ]);
  });
  it('does not check readers` rules', () => {
    expect(paths('person', { sort: 'quotes.text:desc' }, false)).toEqual([]);
    expect(
      paths('article', { populate: { cover: { populate: { related: true } } } }, false)
    ).toEqual([]);
  });
});

describe('malformed filters, for everybody', () => {
  it.each([
    [{ $or: 'x' }, 'filters.$or'],
    [{ $and: { name: 'x' } }, 'filters.$and'],
    [{ $and: ['x'] }, 'filters.$and'],
    [{ $not: 'x' }, 'filters.$not'],
    [{ $eq: 'x' }, 'filters.$eq'],
    [['x'], 'filters.0'],
    [{ name: { $between: ['a'] } }, 'filters.name.$between'],
    [{ name: { $between: ['a', 'b', 'c'] } }, 'filters.name.$between'],
    [{ name: { $between: 'a' } }, 'filters.name.$between'],
    [{ name: { $in: [{ a: 'b' }] } }, 'filters.name.$in.0'],
    [{ name: { $notIn: [{ a: 'b' }] } }, 'filters.name.$notIn.0'],
    [{ name: { $bogus: 'x' } }, 'filters.name.$bogus'],
    [{ name: { $and: [{ $eq: 'a' }] } }, 'filters.name.$and'],
    [{ name: { $jsonSupersetOf: 'a' } }, 'filters.name.$jsonSupersetOf'],
    [{ name: { $eq: { $eq: 'x' } } }, 'filters.name.$eq'],
    [{ name: [{ a: 'x' }] }, 'filters.name.0.a'],
    [{ nope: 'x' }, 'filters.nope'],
    [{ id: 'abc' }, 'filters.id'],
    [{ id: { $gt: '1.5' } }, 'filters.id.$gt'],
    [{ id: { $eq: '99999999999999999999' } }, 'filters.id.$eq'],
    [{ id: { $contains: '1' } }, 'filters.id.$contains'],
    [{ aliases: { $contains: 'x' } }, 'filters.aliases.$contains'],
    [{ aliases: 'x' }, 'filters.aliases'],
  ])('refuses %j', (filters, path) => {
    for (const reader of [true, false])
      expect(paths('person', { filters }, reader)).toEqual([path]);
  });

  it('accepts what Strapi runs', () => {
    const fine = [
      { name: 'x' },
      { name: ['a', 'b'] },
      { name: { $in: 'a' } },
      { name: { $not: { $eq: 'x' } } },
      { name: { $not: 'x' } },
      { name: { $between: ['a', 'b'] } },
      { name: { $null: 'true' } },
      { aliases: { $notNull: 'true' } },
      { id: { $in: ['1', '2'] }, documentId: 'abc' },
      { $and: [{ name: 'a' }], $not: { name: 'b' } },
      [{ name: 'a' }, { id: 1 }],
    ];
    for (const filters of fine) expect(paths('person', { filters })).toEqual([]);
  });

  it('knows only operators Strapi knows', () => {
    for (const op of FIELD_OPERATORS) expect(isOperatorOfType('where', op)).toBe(true);
  });
});

describe('sort', () => {
  it.each([
    ['quotes.text:desc'],
    [['quotes.text:desc']],
    [{ quotes: { text: 'desc' } }],
    [[{ quotes: { text: 'desc' } }]],
    ['name:asc,articles.title'],
  ])('readers may not sort %j through a relation', (sort) => {
    const found = problems('person', { sort }, true);
    expect(found).toHaveLength(1);
    expect(found[0].path).toMatch(/^sort/);
    expect(found[0].message).toContain("this type's own fields");
  });
  it('readers sort by their type`s own fields', () => {
    expect(paths('person', { sort: 'name:asc,id:desc' })).toEqual([]);
    expect(paths('person', { sort: [{ name: 'asc' }, 'id'] })).toEqual([]);
  });
  it('refuses a direction that is an object, for everybody', () => {
    expect(paths('article', { sort: { title: { a: 'asc' } } }, false)).toEqual(['sort.title']);
  });
  it('refuses relation sorts inside populate for everybody (a 500 in Strapi)', () => {
    expect(paths('article', { populate: { people: { sort: 'quotes.text:desc' } } }, false)).toEqual(
      ['populate.people.sort']
    );
    expect(paths('article', { populate: { people: { sort: 'name:asc' } } }, false)).toEqual([]);
  });
  it('refuses relation sorts of a nested list for everybody (GraphQL `Article.quotes(sort:)`)', () => {
    for (const reader of [true, false]) {
      const found = readQueryProblems(
        getModel,
        'quote',
        { sort: ['speaker.name:asc'] },
        { reader, nested: true }
      );
      expect(found).toEqual([
        {
          path: 'sort.0',
          message:
            "`sort.0` of a nested list may name only the listed type's own fields (speaker.name goes through a relation).",
        },
      ]);
    }
    expect(
      readQueryProblems(getModel, 'quote', { sort: ['text:asc'] }, { reader: false, nested: true })
    ).toEqual([]);
  });
});

describe('populate', () => {
  it.each([
    [{ cover: { populate: { related: true } } }, 'populate.cover.populate'],
    [{ cover: { populate: '*' } }, 'populate.cover.populate'],
    [{ cover: { populate: ['related'] } }, 'populate.cover.populate'],
    [{ cover: { filters: { name: 'x' } } }, 'populate.cover.filters'],
    [
      {
        quotes: { populate: { article: { populate: { cover: { populate: { related: true } } } } } },
      },
      'populate.quotes.populate.article.populate.cover.populate',
    ],
    ['cover.related', 'populate'],
    [['quotes', 'cover.related'], 'populate.1'],
  ])('readers may not go past a media field`s own fields: %j', (populate, path) => {
    const found = problems('article', { populate }, true);
    expect(found.map((p) => p.path)).toEqual([path]);
    expect(found[0].message).toContain('related');
  });
  it('readers may populate media fields and relations', () => {
    for (const populate of [
      '*',
      'cover',
      ['cover'],
      { cover: true },
      { cover: { fields: ['url'] } },
      { quotes: { populate: { speaker: true } } },
      'quotes.speaker',
    ]) {
      expect(paths('article', { populate })).toEqual([]);
    }
  });
  it('checks filters inside populate like top-level filters', () => {
    expect(
      paths('article', { populate: { people: { filters: { quotes: { $eq: '1' } } } } })
    ).toEqual(['populate.people.filters.quotes']);
    expect(paths('article', { populate: { people: { filters: { $or: 'x' } } } }, false)).toEqual([
      'populate.people.filters.$or',
    ]);
    expect(
      paths('article', { populate: { people: { filters: { quotes: { text: 'x' } } } } })
    ).toEqual([]);
  });
});

describe('pagination, locale, status, fields, _q', () => {
  it.each([
    [{ pagination: { page: 'x' } }, 'pagination.page'],
    [{ pagination: { page: '0' } }, 'pagination.page'],
    [{ pagination: { page: '1.5' } }, 'pagination.page'],
    [{ pagination: { pageSize: '-1' } }, 'pagination.pageSize'],
    [{ pagination: { start: '99999999999999999999' } }, 'pagination.start'],
    [{ pagination: { limit: 'abc' } }, 'pagination.limit'],
    [{ pagination: { start: '1e3' } }, 'pagination.start'],
    [{ pagination: { page: { a: 'b' } } }, 'pagination.page'],
    [{ pagination: 'x' }, 'pagination'],
    [{ locale: { a: 'b' } }, 'locale'],
    [{ locale: ['en'] }, 'locale'],
    [{ status: 'bogus' }, 'status'],
    [{ status: ['draft'] }, 'status'],
    [{ fields: [{ a: 'b' }] }, 'fields'],
    [{ _q: { a: 'b' } }, '_q'],
  ])('refuses %j for everybody', (query, path) => {
    for (const reader of [true, false]) expect(paths('person', query, reader)).toEqual([path]);
  });
  it('says what each parameter must be, and reports every one that is wrong', () => {
    expect(
      problems(
        'person',
        { pagination: { page: '0', limit: '-2' }, locale: ['en'], status: 'bogus', _q: 1 },
        true
      )
    ).toEqual([
      {
        path: 'pagination.page',
        message: '`pagination.page` must be a whole number from 1 to 2147483647.',
      },
      {
        path: 'pagination.limit',
        message: '`pagination.limit` must be a whole number from 1 to 2147483647 (or -1).',
      },
      { path: 'locale', message: '`locale` must be one locale code (`locale=ru`) or `*`.' },
      { path: 'status', message: '`status` must be `draft` or `published`.' },
      { path: '_q', message: '`_q` must be a search text.' },
    ]);
    expect(problems('person', { pagination: ['1'] }, false)).toEqual([
      {
        path: 'pagination',
        message:
          '`pagination` must be an object: pagination[page], pagination[pageSize], pagination[start], pagination[limit].',
      },
    ]);
  });
  it('accepts ordinary values', () => {
    expect(
      paths('person', { pagination: { page: 2, pageSize: ' 100 ', start: 0, limit: 2147483647 } })
    ).toEqual([]);
    expect(paths('person', { pagination: { page: 2.5, limit: 2147483648 } })).toEqual([
      'pagination.page',
      'pagination.limit',
    ]);
    const query = {
      pagination: { page: '2', pageSize: '100' },
      locale: 'ru',
      status: 'draft',
      fields: ['name'],
      _q: 'x',
    };
    expect(paths('person', query)).toEqual([]);
    expect(
      paths('person', { pagination: { start: '0', limit: '-1', withCount: 'false' } })
    ).toEqual([]);
  });
});

describe('hidden fields (PUBLIC_VERIFIER=none)', () => {
  const WITH_VERIFIER: Record<string, Model> = {
    ...MODELS,
    quote: {
      ...MODELS.quote,
      uid: 'quote',
      attributes: { ...MODELS.quote.attributes, verifiedBy: { type: 'string' } },
    },
  };
  const check = (
    uid: string,
    query: unknown,
    hidden: Record<string, string[]> = { quote: ['verifiedBy'] }
  ) =>
    readQueryProblems((u) => WITH_VERIFIER[u], uid, query, { reader: true, hidden }).map(
      (p) => p.path
    );

  it('refuses filters and sorts naming a hidden field, at any depth, as naming no field', () => {
    expect(check('quote', { filters: { verifiedBy: { $eq: 'Fiona' } } })).toEqual([
      'filters.verifiedBy',
    ]);
    expect(check('person', { filters: { quotes: { verifiedBy: 'Fiona' } } })).toEqual([
      'filters.quotes.verifiedBy',
    ]);
    expect(
      check('article', { populate: { quotes: { filters: { verifiedBy: { $null: true } } } } })
    ).toEqual(['populate.quotes.filters.verifiedBy']);
    expect(check('quote', { sort: 'verifiedBy:asc' })).toEqual(['sort']);
    expect(check('quote', { sort: ['text', 'verifiedBy'] })).toEqual(['sort.1']);
    expect(check('quote', { sort: { verifiedBy: 'desc' } })).toEqual(['sort.verifiedBy']);
  });

  it('accepts them when nothing is hidden', () => {
    expect(
      check('quote', { filters: { verifiedBy: { $eq: 'Fiona' } }, sort: 'verifiedBy:asc' }, {})
    ).toEqual([]);
  });
});
