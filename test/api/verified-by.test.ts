// Who verified a quote, as readers see it: the migration that turns old stamps ("Name (admin #4)")
// into display names (database/migrations/), and PUBLIC_VERIFIER (name | none) on the reader path.
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createReader, publishThroughWorkflow } from '../helpers/identities';
import {
  bootInChildProcess,
  bootStrapi,
  createTestDatabase,
  DIST_DIR,
  type TestApp,
  type TestDatabase,
} from '../helpers/strapi';
import { ARTICLE, createStory, QUOTE } from '../helpers/workflow';

const require = createRequire(import.meta.url);
const MIGRATION = '2026.12.02T00.00.00.verified-by-display-names.js';
const FIONA = 'Fiona Factchecker';

let database: TestDatabase;
let app: TestApp;
let storyId: string;
let quoteIds: string[];

const boot = async (env: Record<string, string> = {}) => {
  await app?.stop();
  app = await bootStrapi(database, { PUBLIC_VERIFIER: 'name', ...env });
};
const knex = () => app.strapi.db.connection;
const stamps = async () =>
  Object.fromEntries(
    (
      await knex()('quotes')
        .select('document_id', 'published_at', 'verified_by', 'verified_by_actor')
        .orderBy('id')
    ).map((row: any) => [
      `${quoteIds.indexOf(row.document_id)}:${row.published_at ? 'published' : 'draft'}`,
      [
        row.verified_by,
        typeof row.verified_by_actor === 'string'
          ? JSON.parse(row.verified_by_actor)
          : row.verified_by_actor,
      ],
    ])
  );
const migrationRuns = async () =>
  (await knex()('strapi_migrations').where({ name: MIGRATION })).length;

beforeAll(async () => {
  database = await createTestDatabase();
  await boot();
  const story = await createStory(app, 'Verdicts from before display names', {
    quotes: [
      { text: '«First words»', verification: 'verified' },
      { text: '«Second words»', verification: 'verified' },
      { text: '«Third words»', verification: 'verified' },
    ],
  });
  ({ documentId: storyId, quoteIds } = story);
  await publishThroughWorkflow(app, storyId);
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

describe('the verifiedBy migration', () => {
  it('ran on the new database (nothing to rewrite) and is recorded once', async () => {
    expect(await migrationRuns()).toBe(1);
  });

  it('rewrites old stamps to the display name on the next boot, draft and published rows alike', async () => {
    // A database from before the migration: old-style stamps, no verifiedByActor, no record of it.
    const write = (documentId: string, verifiedBy: string) =>
      knex()('quotes')
        .where({ document_id: documentId })
        .update({ verified_by: verifiedBy, verified_by_actor: null });
    await write(quoteIds[0], `${FIONA} (admin #4)`);
    await write(quoteIds[1], 'API token "Wire desk" (api-token #2)');
    await write(quoteIds[2], 'Dana (Desk) Smith');
    await knex()('strapi_migrations').where({ name: MIGRATION }).del();

    await boot();
    const fiona = [FIONA, { type: 'admin', id: 4, name: FIONA }];
    const token = [
      'API token "Wire desk"',
      { type: 'api-token', id: 2, name: 'API token "Wire desk"' },
    ];
    expect(await stamps()).toEqual({
      '0:draft': fiona,
      '0:published': fiona,
      '1:draft': token,
      '1:published': token,
      // Not an old stamp: left alone.
      '2:draft': ['Dana (Desk) Smith', null],
      '2:published': ['Dana (Desk) Smith', null],
    });
    expect(await migrationRuns()).toBe(1);
  });

  it('is idempotent: run again over its own output, it changes nothing', async () => {
    const before = await stamps();
    const migration = require(path.join(DIST_DIR, 'database', 'migrations', MIGRATION));
    await app.strapi.db.transaction(({ trx }: any) => migration.up(trx, app.strapi.db));
    expect(await stamps()).toEqual(before);
    // A verifiedByActor already recorded is never replaced by one read from a stamp.
    await knex()('quotes')
      .where({ document_id: quoteIds[2] })
      .update({ verified_by: 'Dana Desk (admin #9)' });
    await app.strapi.db.transaction(({ trx }: any) => migration.up(trx, app.strapi.db));
    expect((await stamps())['2:draft']).toEqual([
      'Dana Desk',
      { type: 'admin', id: 9, name: 'Dana Desk' },
    ]);
  });

  it('runs once: Strapi’s migrations table keeps a later boot from running it again', async () => {
    await knex()('quotes')
      .where({ document_id: quoteIds[2] })
      .update({ verified_by: 'Late Stamp (admin #5)' });
    await boot();
    expect((await stamps())['2:draft'][0]).toBe('Late Stamp (admin #5)');
    expect(await migrationRuns()).toBe(1);
    // Back to a display name for the reader tests below.
    await knex()('quotes').where({ document_id: quoteIds[2] }).update({ verified_by: FIONA });
    await knex()('quotes').where({ document_id: quoteIds[1] }).update({ verified_by: FIONA });
  });
});

/** Every place a reader meets a quote: list, single, populated through a story and a person. */
const readerViews = async (auth: Record<string, string> = {}) => {
  const get = async (url: string) => {
    const res = await app.request.get(url).set(auth);
    expect(res.status, url).toBe(200);
    return res.body.data;
  };
  const list = await get('/api/quotes?sort=id');
  const single = await get(`/api/quotes/${quoteIds[0]}`);
  const story = await get(`/api/articles/${storyId}?populate[quotes][populate][0]=speaker`);
  const stories = await get('/api/articles?populate=quotes');
  const people = await get(
    '/api/people?populate[quotes][fields][0]=text&populate[quotes][fields][1]=verifiedBy'
  );
  return {
    list: list.map((q: any) => q.verifiedBy),
    single: single.verifiedBy,
    story: story.quotes.map((q: any) => q.verifiedBy),
    stories: stories.flatMap((s: any) => s.quotes.map((q: any) => q.verifiedBy)),
    people: people.flatMap((p: any) => p.quotes.map((q: any) => q.verifiedBy)),
    verifiedAt: list.every((q: any) => typeof q.verifiedAt === 'string'),
  };
};

describe('PUBLIC_VERIFIER', () => {
  it('name (the default): readers see the verifier’s display name everywhere', async () => {
    const seen = await readerViews();
    expect(seen).toEqual({
      list: [FIONA, FIONA, FIONA],
      single: FIONA,
      story: [FIONA, FIONA, FIONA],
      stories: [FIONA, FIONA, FIONA],
      people: [FIONA, FIONA, FIONA],
      verifiedAt: true,
    });
    expect(
      (await app.request.get(`/api/quotes?filters[verifiedBy][$eq]=${encodeURIComponent(FIONA)}`))
        .body.data
    ).toHaveLength(3);
  });

  it('none: readers never see it, by any route; API tokens still do', async () => {
    await boot({ PUBLIC_VERIFIER: 'none' });
    const hidden = {
      list: [undefined, undefined, undefined],
      single: undefined,
      story: [undefined, undefined, undefined],
    };
    expect(await readerViews()).toEqual({
      ...hidden,
      stories: hidden.story,
      people: hidden.story,
      verifiedAt: true,
    });
    const reader = await createReader(app);
    expect(await readerViews(reader.auth)).toMatchObject(hidden);
    const res = await app.request.get(`/api/quotes/${quoteIds[0]}`);
    expect(Object.keys(res.body.data)).not.toContain('verifiedBy');

    const token = await createApiToken(app, 'read-only');
    expect((await readerViews(token.auth)).single).toBe(FIONA);
  });

  it('none: filtering or sorting by it is refused, as for a field readers do not have', async () => {
    const name = encodeURIComponent(FIONA);
    for (const [url, at] of [
      [`/api/quotes?filters[verifiedBy][$eq]=${name}`, ['filters', 'verifiedBy']],
      ['/api/quotes?sort=verifiedBy:asc', ['sort']],
      [
        `/api/articles?populate[quotes][filters][verifiedBy][$startsWith]=F`,
        ['populate', 'quotes', 'filters', 'verifiedBy'],
      ],
      [`/api/people?filters[quotes][verifiedBy][$eq]=${name}`, ['filters', 'quotes', 'verifiedBy']],
    ] as const) {
      const res = await app.request.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.name, url).toBe('ValidationError');
      expect(
        res.body.error.details.errors.map((e: any) => e.path),
        url
      ).toContainEqual(at);
    }
    // Nor does the search text find quotes by their verifier.
    const search = await app.request.get(`/api/quotes?_q=${encodeURIComponent('Factchecker')}`);
    expect(search.status).toBe(200);
    expect(search.body.data).toEqual([]);
    expect((await app.request.get('/api/quotes?_q=Second')).body.data).toHaveLength(1);
  });

  it('none: over GraphQL too, at every depth; API tokens still get it', async () => {
    const query = `{
      quotes { verifiedBy }
      quote(documentId: "${quoteIds[0]}") { verifiedBy }
      articles { quotes { verifiedBy } }
      people { quotes { verifiedBy } }
    }`;
    const read = (auth: Record<string, string> = {}) =>
      app.request.post('/graphql').set(auth).send({ query });
    const verifiers = (body: any) =>
      [
        ...body.data.quotes,
        body.data.quote,
        ...body.data.articles.flatMap((a: any) => a.quotes),
        ...body.data.people.flatMap((p: any) => p.quotes),
      ].map((q: any) => q.verifiedBy);
    const reader = await createReader(app);
    for (const auth of [{}, reader.auth]) {
      const res = await read(auth);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(verifiers(res.body)).toEqual(Array(10).fill(null));
    }
    const token = await createApiToken(app, 'read-only');
    expect(verifiers((await read(token.auth)).body)).toEqual(Array(10).fill(FIONA));

    for (const refused of [
      `{ quotes(filters: { verifiedBy: { eq: "${FIONA}" } }) { text } }`,
      '{ quotes(sort: "verifiedBy") { text } }',
      `{ articles { quotes(filters: { verifiedBy: { startsWith: "F" } }) { text } } }`,
    ]) {
      const res = await app.request.post('/graphql').send({ query: refused });
      expect(res.body.errors[0].extensions.code, refused).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].message, refused).toMatch(/verifiedBy/);
    }
  });

  it('a value other than name or none stops the boot, naming the setting', () => {
    const result = bootInChildProcess(
      { ...database.env, PUBLIC_VERIFIER: 'initials' },
      undefined,
      'register'
    );
    expect(result.status).toBe(3);
    expect(result.output).toContain('PUBLIC_VERIFIER must be "name" or "none", got "initials"');
  });
});

// Quotes stay readable as a whole under both settings: the story is live with all three.
describe('the story', () => {
  it('is live with its quotes', async () => {
    const res = await app.request.get(`/api/articles/${storyId}?populate=quotes`);
    expect(res.status).toBe(200);
    expect(res.body.data.quotes.map((q: any) => q.text).sort()).toEqual([
      '«First words»',
      '«Second words»',
      '«Third words»',
    ]);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { documentId: storyId } })).toBe(2);
    expect(
      await app.strapi.db.query(QUOTE).count({ where: { documentId: { $in: quoteIds } } })
    ).toBe(6);
  });
});
