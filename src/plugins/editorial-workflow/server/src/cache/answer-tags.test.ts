import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MEDIA_UID,
  answerTags,
  changeTags,
  documentTag,
  listTag,
  queryTags,
  type GetTagModel,
  type TagModel,
} from './answer-tags';

// The app's four types (src/api/*/content-types/*/schema.json), cut down to a few scalars and
// every relation and media attribute, plus a component the app does not have yet.
const ARTICLE = 'api::article.article';
const QUOTE = 'api::quote.quote';
const PERSON = 'api::person.person';
const SOURCE = 'api::source.source';
const BOX = 'shared.fact-box';
const PULL_QUOTE = 'shared.pull-quote';

const relation = (target: string) => ({ type: 'relation', target });
const MODELS: Record<string, TagModel> = {
  [ARTICLE]: {
    info: { singularName: 'article', pluralName: 'articles' },
    attributes: {
      title: { type: 'string' },
      body: { type: 'blocks' },
      cover: { type: 'media' },
      quotes: relation(QUOTE),
      people: relation(PERSON),
      sources: relation(SOURCE),
      factBox: { type: 'component', component: BOX },
      blocks: { type: 'dynamiczone' },
    },
  },
  [QUOTE]: {
    info: { singularName: 'quote', pluralName: 'quotes' },
    attributes: {
      text: { type: 'text' },
      verification: { type: 'enumeration' },
      speaker: relation(PERSON),
      source: relation(SOURCE),
      article: relation(ARTICLE),
    },
  },
  [PERSON]: {
    info: { singularName: 'person', pluralName: 'people' },
    attributes: {
      name: { type: 'string' },
      aliases: { type: 'json' },
      quotes: relation(QUOTE),
      articles: relation(ARTICLE),
    },
  },
  [SOURCE]: {
    info: { singularName: 'source', pluralName: 'sources' },
    attributes: {
      name: { type: 'string' },
      quotes: relation(QUOTE),
      articles: relation(ARTICLE),
    },
  },
  [BOX]: { attributes: { heading: { type: 'string' }, source: relation(SOURCE) } },
  [PULL_QUOTE]: { attributes: { quote: relation(QUOTE) } },
  // The upload plugin's file: `related` is a morph relation (no one target).
  [MEDIA_UID]: { attributes: { name: { type: 'string' }, related: { type: 'relation' } } },
};
const getModel: GetTagModel = (uid) => MODELS[uid];

const person = (documentId: string) => ({ id: 1, documentId, name: `Person ${documentId}` });
const source = (documentId: string) => ({ id: 2, documentId, name: `Source ${documentId}` });

// A story as `GET /api/articles/:id?populate[quotes][populate]=*&populate[people]=true&...` sends it.
const story = {
  id: 10,
  documentId: 'a1',
  title: 'Protest in Minsk',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'documentId' }] }],
  cover: { id: 3, documentId: 'f1', url: '/uploads/minsk.jpg', name: 'minsk.jpg' },
  quotes: [
    { id: 4, documentId: 'q1', text: '…', speaker: person('p1'), source: source('s1') },
    { id: 5, documentId: 'q2', text: '…', speaker: null, source: source('s1') },
    { id: 6, documentId: 'q3', text: '…', speaker: person('p2') },
  ],
  people: [person('p2'), person('p3')],
  sources: [],
};

const sorted = (tags: Iterable<string>) => [...tags].sort();

describe('answerTags', () => {
  it('tags a story with nested quotes: speakers, sources, people, media', () => {
    expect(sorted(answerTags(getModel, ARTICLE, story))).toEqual([
      'article:a1',
      'file:f1',
      'person:p1',
      'person:p2',
      'person:p3',
      'quote:q1',
      'quote:q2',
      'quote:q3',
      'source:s1',
    ]);
  });

  it('tags every story of a list answer', () => {
    const second = { id: 11, documentId: 'a2', title: 'Election night', cover: null, quotes: [] };
    expect(sorted(answerTags(getModel, ARTICLE, [story, second]))).toContain('article:a2');
    expect(sorted(answerTags(getModel, ARTICLE, [story, second]))).toHaveLength(10);
    expect(sorted(answerTags(getModel, ARTICLE, []))).toEqual([]);
  });

  it('follows relations back to the story from a quote', () => {
    const quote = { documentId: 'q1', speaker: person('p1'), article: { documentId: 'a1' } };
    expect(sorted(answerTags(getModel, QUOTE, quote))).toEqual([
      'article:a1',
      'person:p1',
      'quote:q1',
    ]);
  });

  it('tags several media of a multiple media field', () => {
    const withGallery = { documentId: 'a1', cover: [{ documentId: 'f1' }, { documentId: 'f2' }] };
    expect(sorted(answerTags(getModel, ARTICLE, withGallery))).toEqual([
      'article:a1',
      'file:f1',
      'file:f2',
    ]);
  });

  it('goes through components, which are not documents themselves', () => {
    const boxed = { documentId: 'a1', factBox: { id: 7, heading: 'Facts', source: source('s9') } };
    expect(sorted(answerTags(getModel, ARTICLE, boxed))).toEqual(['article:a1', 'source:s9']);
  });

  it('goes through a dynamic zone, each item by the component it names', () => {
    const zoned = {
      documentId: 'a1',
      blocks: [
        { __component: PULL_QUOTE, id: 1, quote: { documentId: 'q7', speaker: person('p7') } },
        { __component: BOX, id: 2, source: source('s8') },
        { id: 3, quote: { documentId: 'q-unnamed' } },
      ],
    };
    expect(sorted(answerTags(getModel, ARTICLE, zoned))).toEqual([
      'article:a1',
      'person:p7',
      'quote:q7',
      'source:s8',
    ]);
  });

  it('goes through a morph relation, each item by the type it names', () => {
    const file = {
      documentId: 'f1',
      related: [
        { __type: ARTICLE, documentId: 'a1' },
        { __type: QUOTE, documentId: 'q1', speaker: person('p1') },
      ],
    };
    expect(sorted(answerTags(getModel, MEDIA_UID, file))).toEqual([
      'article:a1',
      'file:f1',
      'person:p1',
      'quote:q1',
    ]);
  });

  it('does not take JSON, blocks or unknown fields holding a documentId for documents', () => {
    const odd = {
      documentId: 'p1',
      aliases: [{ documentId: 'not-a-document' }],
      extra: { documentId: 'nor-this' },
    };
    expect(sorted(answerTags(getModel, PERSON, odd))).toEqual(['person:p1']);
  });

  it('adds to the set it is given (the query tags), and ignores empty answers', () => {
    const into = new Set(['articles']);
    expect(answerTags(getModel, ARTICLE, { documentId: 'a1' }, into)).toBe(into);
    expect(sorted(into)).toEqual(['article:a1', 'articles']);
    expect(sorted(answerTags(getModel, ARTICLE, null))).toEqual([]);
    expect(sorted(answerTags(getModel, ARTICLE, 'text'))).toEqual([]);
  });
});

describe('answerTags: properties', () => {
  // Random stories built from a small pool of documents, and the tags expected from them computed
  // from the stories' shape, not by walking the models.
  const id = (prefix: string) => fc.integer({ min: 1, max: 6 }).map((n) => `${prefix}${n}`);
  const quoteArb = fc.record({
    documentId: id('q'),
    text: fc.string({ maxLength: 5 }),
    speaker: fc.option(id('p').map(person), { nil: null }),
    source: fc.option(id('s').map(source), { nil: undefined }),
  });
  const storyArb = fc.record({
    documentId: id('a'),
    cover: fc.option(
      id('f').map((documentId) => ({ documentId, url: '/u' })),
      { nil: null }
    ),
    quotes: fc.array(quoteArb, { maxLength: 4 }),
    people: fc.array(id('p').map(person), { maxLength: 3 }),
    sources: fc.option(fc.array(id('s').map(source), { maxLength: 3 }), { nil: undefined }),
  });
  type Story = typeof storyArb extends fc.Arbitrary<infer T> ? T : never;
  const expected = (stories: Story[]) => {
    const tags = new Set<string>();
    for (const s of stories) {
      tags.add(`article:${s.documentId}`);
      if (s.cover) tags.add(`file:${s.cover.documentId}`);
      for (const q of s.quotes) {
        tags.add(`quote:${q.documentId}`);
        if (q.speaker) tags.add(`person:${q.speaker.documentId}`);
        if (q.source) tags.add(`source:${q.source.documentId}`);
      }
      for (const p of s.people) tags.add(`person:${p.documentId}`);
      for (const src of s.sources ?? []) tags.add(`source:${src.documentId}`);
    }
    return sorted(tags);
  };

  it('names exactly the documents a list answer holds', () => {
    fc.assert(
      fc.property(fc.array(storyArb, { maxLength: 5 }), (stories) => {
        expect(sorted(answerTags(getModel, ARTICLE, stories))).toEqual(expected(stories));
      }),
      { numRuns: 300 }
    );
  });

  it('shares a tag with the change of any document the answer holds', () => {
    const uidOf: Record<string, string> = {
      article: ARTICLE,
      quote: QUOTE,
      person: PERSON,
      source: SOURCE,
      file: MEDIA_UID,
    };
    fc.assert(
      fc.property(fc.array(storyArb, { minLength: 1, maxLength: 3 }), (stories) => {
        const tags = answerTags(getModel, ARTICLE, stories);
        for (const tag of tags) {
          const [type, documentId] = tag.split(':');
          expect(changeTags(getModel, uidOf[type], [documentId])).toContain(tag);
        }
      }),
      { numRuns: 200 }
    );
  });
});

describe('queryTags', () => {
  const tags = (uid: string, query: Record<string, unknown> | undefined, kind: 'list' | 'one') =>
    sorted(queryTags(getModel, uid, query, kind));

  it('gives a list its type’s list tag, a single document none', () => {
    expect(tags(ARTICLE, undefined, 'list')).toEqual(['articles']);
    expect(tags(PERSON, {}, 'list')).toEqual(['people']);
    expect(tags(ARTICLE, { populate: '*', locale: 'ru' }, 'one')).toEqual([]);
  });

  it('adds nothing for filters on the type’s own fields', () => {
    const query = { filters: { title: { $containsi: 'minsk' }, $or: [{ title: 'a' }] } };
    expect(tags(ARTICLE, query, 'list')).toEqual(['articles']);
  });

  it('adds the list tag of each type a filter reaches through a relation', () => {
    expect(tags(ARTICLE, { filters: { people: { name: { $eq: 'Lukashenko' } } } }, 'list')).toEqual(
      ['articles', 'people']
    );
    // article → quotes → speaker: a renamed person can bring a story into the list.
    expect(tags(ARTICLE, { filters: { quotes: { speaker: { name: 'X' } } } }, 'list')).toEqual([
      'articles',
      'people',
      'quotes',
    ]);
    expect(tags(QUOTE, { filters: { speaker: { documentId: 'p1' } } }, 'one')).toEqual(['people']);
  });

  it('looks inside $and, $or and $not, and through media and components', () => {
    const query = {
      filters: {
        $and: [
          { $or: [{ sources: { name: 'Reuters' } }, { title: 'x' }] },
          { $not: { cover: { name: { $endsWith: '.png' } } } },
          { factBox: { source: { name: 'AP' } } },
        ],
      },
    };
    expect(tags(ARTICLE, query, 'list')).toEqual([
      'articles',
      'files',
      'shared.fact-box:list',
      'sources',
    ]);
  });

  it('adds the target of a filtered populate, and what its filters reach', () => {
    expect(
      tags(ARTICLE, { populate: { quotes: { filters: { verification: 'verified' } } } }, 'one')
    ).toEqual(['quotes']);
    expect(
      tags(ARTICLE, { populate: { quotes: { filters: { speaker: { name: 'X' } } } } }, 'one')
    ).toEqual(['people', 'quotes']);
    expect(
      tags(
        ARTICLE,
        { populate: { quotes: { populate: { speaker: { filters: { name: 'X' } } } } } },
        'one'
      )
    ).toEqual(['people']);
  });

  it('adds what the filtered branches of a dynamic zone or morph populate reach', () => {
    const zone = {
      populate: {
        blocks: {
          on: {
            [PULL_QUOTE]: { populate: { quote: { filters: { verification: 'verified' } } } },
            [BOX]: { populate: { source: true } },
          },
        },
      },
    };
    expect(tags(ARTICLE, zone, 'one')).toEqual(['quotes']);
    const morph = { populate: { related: { on: { [ARTICLE]: { filters: { title: 'x' } } } } } };
    expect(tags(MEDIA_UID, morph, 'one')).toEqual(['articles']);
  });

  it('adds nothing for unfiltered populates, in any form', () => {
    for (const populate of [
      '*',
      ['quotes', 'people'],
      { quotes: true },
      { quotes: { populate: '*' } },
    ])
      expect(tags(ARTICLE, { populate }, 'one')).toEqual([]);
  });

  it('ignores filters on unknown fields and malformed values', () => {
    expect(tags(ARTICLE, { filters: { nope: { x: 1 }, people: 'p1' } }, 'one')).toEqual(['people']);
    expect(tags(ARTICLE, { filters: 'title', populate: 'quotes' }, 'list')).toEqual(['articles']);
  });
});

describe('changeTags', () => {
  it('evicts the document and its type’s lists', () => {
    expect(sorted(changeTags(getModel, ARTICLE, ['a1']))).toEqual(['article:a1', 'articles']);
  });

  it('evicts the documents it is linked to: a quote’s story and speaker', () => {
    const linked = [
      { uid: ARTICLE, documentId: 'a1' },
      { uid: PERSON, documentId: 'p1' },
      { uid: SOURCE, documentId: 's1' },
    ];
    expect(sorted(changeTags(getModel, QUOTE, ['q9'], linked))).toEqual([
      'article:a1',
      'person:p1',
      'quote:q9',
      'quotes',
      'source:s1',
    ]);
  });

  it('reaches a story answer that does not hold the new quote yet', () => {
    const before = answerTags(getModel, ARTICLE, story);
    const added = changeTags(getModel, QUOTE, ['q-new'], [{ uid: ARTICLE, documentId: 'a1' }]);
    expect(added.some((tag) => before.has(tag))).toBe(true);
  });

  it('names each tag once, for several documents (a bulk write)', () => {
    const tags = changeTags(
      getModel,
      PERSON,
      ['p1', 'p2', 'p1'],
      [{ uid: PERSON, documentId: 'p2' }]
    );
    expect(sorted(tags)).toEqual(['people', 'person:p1', 'person:p2']);
  });

  it('tags media as `file:` and their lists as `files`', () => {
    expect(sorted(changeTags(getModel, MEDIA_UID, ['f1']))).toEqual(['file:f1', 'files']);
    expect(documentTag(getModel, MEDIA_UID, 'f1')).toBe('file:f1');
    expect(listTag(getModel, MEDIA_UID)).toBe('files');
  });

  it('falls back to the uid for a type it has no model of', () => {
    expect(documentTag(getModel, 'api::gone.gone', 'x')).toBe('api::gone.gone:x');
    expect(listTag(getModel, 'api::gone.gone')).toBe('api::gone.gone:list');
  });
});
