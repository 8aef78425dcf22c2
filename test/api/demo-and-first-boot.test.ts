// Demo content, demo accounts and the defaults set on first boot, across restarts of one database.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bootStrapi,
  APP_DIR,
  createTestDatabase,
  DIST_DIR,
  type TestApp,
  type TestDatabase,
} from '../helpers/strapi';

const require = createRequire(import.meta.url);
const DEMO_PASSWORD = 'Demo-test-password-1';
const STORY = 'Lukashenko and Putin: negotiations amid protests';
const WAITING = 'Tens of thousands of Belarus protesters rally on eve of Putin-Lukashenko talks';
const POPULATE_STORY =
  '/api/articles?populate[quotes][populate][0]=speaker&populate[quotes][populate][1]=source&populate[0]=people&populate[1]=sources';

let database: TestDatabase;
let app: TestApp | null = null;

const boot = async (nodeEnv: string) => {
  await app?.stop();
  app = await bootStrapi(database, { NODE_ENV: nodeEnv, DEMO_PASSWORD });
  return app;
};

const counts = async (a: TestApp) =>
  Object.fromEntries(
    await Promise.all(
      ['api::article.article', 'api::quote.quote', 'api::person.person', 'api::source.source'].map(
        async (uid) => [uid, await a.strapi.db.query(uid).count()]
      )
    )
  );

const login = (a: TestApp, email: string) =>
  a.request.post('/admin/login').send({ email, password: DEMO_PASSWORD });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
  process.env.NODE_ENV = 'test';
});

describe('a development boot on an empty database', () => {
  it('loads the sample story: live with its two quotes, speakers and sources', async () => {
    const a = await boot('development');
    const res = await a.request.get(POPULATE_STORY);
    expect(res.status).toBe(200);
    expect(res.body.data.map((s: any) => s.title)).toEqual([STORY]);
    const story = res.body.data[0];
    expect(story.slug).toBe('lukashenko-and-putin-negotiations-amid-protests');
    expect(story.dateline).toBe('Sochi');
    const quotes = story.quotes.map((q: any) => [q.speaker.name, q.source.name, q.verification]);
    expect(quotes).toEqual(
      expect.arrayContaining([
        ['Michelle Bachelet', 'UN Human Rights Council', 'verified'],
        ['Svetlana Tikhanovskaya', "Svetlana Tikhanovskaya's Telegram channel", 'verified'],
      ])
    );
    expect(quotes).toHaveLength(2);
    expect(story.people.map((p: any) => p.name).sort()).toEqual(
      [
        'Alexander Lukashenko',
        'Emmanuel Macron',
        'Michelle Bachelet',
        'Mike Pompeo',
        'Svetlana Tikhanovskaya',
        'Vladimir Putin',
      ].sort()
    );
    expect(story.sources.map((s: any) => s.name).sort()).toEqual(
      [
        'Belarusian state media',
        'Interfax',
        'Reuters',
        "Svetlana Tikhanovskaya's Telegram channel",
        'UN Human Rights Council',
        'Voice of America',
      ].sort()
    );
    const text = JSON.stringify(story.body);
    expect(text).toContain('«Interfax»');
    expect(text).not.toMatch(/&#|\.\.|Subscribe|Similar articles/);
  });

  it('was imported from the raw sample by the importer, as the demo author; the overlay people and sources were matched, not created', async () => {
    const strapi = app!.strapi;
    const raw = readFileSync(
      path.join(APP_DIR, 'src', 'demo', 'wire', 'belarus-sochi-talks.txt'),
      'utf8'
    );
    const alex = await strapi.db
      .query('admin::user')
      .findOne({ where: { email: 'author@newsroom.example' } });
    const draft = await strapi.db.query('api::article.article').findOne({
      where: { title: STORY, publishedAt: null },
      populate: { createdBy: { select: ['id'] }, quotes: { orderBy: { id: 'asc' } } },
    });
    // Only the importer writes the original copy.
    expect(draft.wireOriginal).toBe(raw);
    expect(draft.wireHash).toMatch(/^[0-9a-f]{64}$/);
    expect(draft.createdBy.id).toBe(alex.id);
    // The importer's context (the sentence around the quote); the overlay's date and notes.
    expect(draft.quotes.map((q: any) => [q.context, String(q.saidAt), q.verificationNote])).toEqual(
      [
        [
          'Speaking at a meeting of the Human Rights Council, Bachelet said: «…»',
          '2020-09-14',
          'Matches the High Commissioner’s statement to the Council.',
        ],
        [
          'The leader of the Belarusian opposition Svetlana Tikhanovskaya, who was Lukashenko’s main rival in the elections, wrote in her Telegram channel: «…»',
          '2020-09-14',
          'Checked against the post in her Telegram channel.',
        ],
      ]
    );
    // One record each, with the overlay's facts: "Lukashenka" in the copy matched an alias.
    const people = await strapi.db.query('api::person.person').findMany({ orderBy: { id: 'asc' } });
    expect(people).toHaveLength(6);
    const lukashenko = people.find((p: any) => p.name === 'Alexander Lukashenko');
    expect(lukashenko).toMatchObject({ role: 'President of Belarus', country: 'BY' });
    expect(lukashenko.aliases).toContain('Lukashenka');
    expect(people.find((p: any) => p.name === 'Vladimir Putin').wikidataId).toBe('Q7747');
    const telegram = await strapi.db
      .query('api::source.source')
      .findOne({ where: { name: "Svetlana Tikhanovskaya's Telegram channel" } });
    expect(telegram).toMatchObject({ type: 'social_media', reliability: 'B' });
  });

  it('the second story is not public', async () => {
    const res = await app!.request.get(
      `/api/articles?status=draft&filters[title][$eq]=${encodeURIComponent(WAITING)}`
    );
    expect(res.body.data).toEqual([]);
    const draft = await app!.strapi.documents('api::article.article').findFirst({
      filters: { title: WAITING },
      fields: ['title', 'wireOriginal'],
      populate: { quotes: { populate: ['speaker', 'source'] } },
    });
    expect(draft.quotes.map((q: any) => [q.verification, q.speaker.name, q.source.name])).toEqual([
      ['unverified', 'Svetlana Tikhanovskaya', "Svetlana Tikhanovskaya's Telegram channel"],
    ]);
    // Imported from its own raw copy.
    expect(draft.wireOriginal).toBe(
      readFileSync(path.join(APP_DIR, 'src', 'demo', 'wire', 'belarus-eve-of-talks.txt'), 'utf8')
    );
  });

  it('went through the workflow: submitted by the demo author, approved by the demo fact-checker', async () => {
    const login = await app!.request
      .post('/admin/login')
      .send({ email: 'factchecker@newsroom.example', password: DEMO_PASSWORD });
    const auth = { Authorization: `Bearer ${login.body.data.token}` };
    const live = await app!.strapi
      .documents('api::article.article')
      .findFirst({ filters: { title: STORY }, populate: ['quotes'] });
    const state = await app!.request
      .get(`/editorial-workflow/state/api::article.article/${live.documentId}?locale=en`)
      .set(auth);
    expect(state.status).toBe(200);
    expect(state.body.data).toMatchObject({ stage: 'published', live: true });
    expect(state.body.data.history.map((h: any) => [h.transition, h.actor.name])).toEqual([
      ['approve', 'Fiona Factchecker'],
      ['submit', 'Alex Author'],
    ]);
    expect(live.quotes.map((q: any) => q.verifiedBy)).toEqual([
      'Fiona Factchecker',
      'Fiona Factchecker',
    ]);

    // The second story waits in fact-check; approving it meets the guard.
    const queue = await app!.request.get('/editorial-workflow/queue?stage=fact_check').set(auth);
    expect(queue.body.data.map((i: any) => [i.title, i.submittedBy.name])).toEqual([
      [WAITING, 'Alex Author'],
    ]);
    const attempt = await app!.request
      .post(
        `/editorial-workflow/state/api::article.article/${queue.body.data[0].documentId}/transition?locale=en`
      )
      .set(auth)
      .send({ transition: 'approve' });
    expect(attempt.status).toBe(400);
    expect(attempt.body.error.details.problems).toEqual([
      'The quote «All agreements signed with the illegitimate Lukashenko will…» is unverified: it must be verified.',
    ]);
  });

  it('creates demo accounts that can log in', async () => {
    for (const email of [
      'admin@newsroom.example',
      'editor@newsroom.example',
      'author@newsroom.example',
      'factchecker@newsroom.example',
    ]) {
      const res = await login(app!, email);
      expect(res.status, email).toBe(200);
      expect(res.body.data.token).toEqual(expect.any(String));
    }
  });

  it('grants public reads and adds the ru locale', async () => {
    const locales = await app!.strapi.plugin('i18n').service('locales').find();
    expect(locales.map((l: any) => l.code).sort()).toEqual(['en', 'ru']);
    expect((await app!.request.get('/api/people')).status).toBe(200);
  });
});

describe('the demo acts as its people (src/demo/act-as.ts)', () => {
  it("Document Service middlewares see the admin's request context Strapi's requestContext.run opened", async () => {
    const { actAs } = require(path.join(DIST_DIR, 'src', 'demo', 'act-as'));
    const strapi = app!.strapi;
    const fiona = await strapi.db
      .query('admin::user')
      .findOne({ where: { email: 'factchecker@newsroom.example' } });
    const seen: unknown[] = [];
    const remove = strapi.documents.use(async (ctx: any, next: () => Promise<unknown>) => {
      if (ctx.uid === 'api::person.person')
        seen.push(strapi.requestContext.get()?.state?.user?.id ?? null);
      return next();
    });
    try {
      const people = await actAs(strapi, fiona, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return strapi.db.transaction(() =>
          strapi.documents('api::person.person').findMany({ fields: ['name'] })
        );
      });
      expect(people).toHaveLength(6);
      await strapi.documents('api::person.person').count({});
    } finally {
      remove();
    }
    // Across an await and inside a transaction; nothing once the context is closed.
    expect(seen).toEqual([fiona.id, null]);
  });
});

describe('loading the demo again', () => {
  it('creates no duplicates (seed script path and restarts alike): the importer finds the copy it imported', async () => {
    const before = await counts(app!);
    expect(before).toEqual({
      // en draft + published rows: 2 stories → 3 rows; 3 quotes → 5 rows.
      'api::article.article': 3,
      'api::quote.quote': 5,
      'api::person.person': 6,
      'api::source.source': 6,
    });
    const { loadDemoContent } = require(path.join(DIST_DIR, 'src', 'demo'));
    await loadDemoContent(app!.strapi);
    await loadDemoContent(app!.strapi);
    expect(await counts(app!)).toEqual(before);
    await boot('development');
    expect(await counts(app!)).toEqual(before);
  });
});

describe('first-boot defaults', () => {
  it('workflow permissions are not re-granted after an administrator revokes them', async () => {
    const author = await app!.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'strapi-author' } });
    const where = { role: author.id, action: 'plugin::editorial-workflow.transition.submit' };
    expect(await app!.strapi.db.query('admin::permission').count({ where })).toBe(1);
    await app!.strapi.db.query('admin::permission').deleteMany({ where });
    await boot('development');
    expect(await app!.strapi.db.query('admin::permission').count({ where })).toBe(0);
    const factCheckers = await app!.strapi.db
      .query('admin::role')
      .count({ where: { name: 'Fact-checker' } });
    expect(factCheckers).toBe(1);
  });

  it('are not re-applied over an administrator’s change', async () => {
    const role = await app!.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    await app!.strapi.db
      .query('plugin::users-permissions.permission')
      .deleteMany({ where: { role: role.id, action: { $startsWith: 'api::person.person.' } } });
    await boot('development');
    const res = await app!.request.get('/api/people');
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('ForbiddenError');
    expect((await app!.request.get('/api/articles')).status).toBe(200);
  });
});

describe('a production boot', () => {
  it('removes the demo accounts', async () => {
    const a = await boot('production');
    const res = await login(a, 'editor@newsroom.example');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ApplicationError');
    expect(
      await a.strapi.db
        .query('admin::user')
        .count({ where: { email: { $endsWith: '@newsroom.example' } } })
    ).toBe(0);
    // Content stays.
    expect((await a.request.get('/api/articles')).body.data).toHaveLength(1);
  });
});
