// Settings → Response cache over HTTP: the statistics and the purge, who may use them (two admin
// permissions, granted to Editors on first boot), and that a purge really empties the cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bootStrapi,
  createTestDatabase,
  usingPostgres,
  type TestApp,
  type TestDatabase,
} from '../helpers/strapi';
import { createAdmin, publishThroughWorkflow } from '../helpers/identities';
import { createStory } from '../helpers/workflow';

const READ = 'plugin::editorial-workflow.cache-read';
const PURGE = 'plugin::editorial-workflow.cache-purge';
const STATS = '/editorial-workflow/cache';
const PURGE_URL = '/editorial-workflow/cache/purge';

let database: TestDatabase;
let app: TestApp;
type Admin = Awaited<ReturnType<typeof createAdmin>>;
let chief: Admin, editor: Admin, author: Admin, factChecker: Admin;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await bootStrapi(database);
  chief = await createAdmin(app, 'strapi-super-admin', 'Chief');
  editor = await createAdmin(app, 'strapi-editor', 'Eddie Editor');
  author = await createAdmin(app, 'strapi-author', 'Alex Author');
  factChecker = await createAdmin(app, 'Fact-checker', 'Fiona Factchecker');
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

/** A published story's public page, read once so that it is cached; its URL. */
const cachedStoryPage = async (title: string) => {
  const story = await createStory(app, title);
  await publishThroughWorkflow(app, story.documentId);
  const url = `/api/articles/${story.documentId}?locale=en`;
  expect((await app.request.get(url)).headers['x-cache']).toBe('MISS');
  expect((await app.request.get(url)).headers['x-cache']).toBe('HIT');
  return url;
};

const roleId = async (role: string) =>
  (
    await app.strapi.db
      .query('admin::role')
      .findOne({ where: role.startsWith('strapi-') ? { code: role } : { name: role } })
  ).id;

/** Which of the two cache permissions a role holds, as rows in the database. */
const cachePermissionsOf = async (role: string) =>
  (
    await app.strapi.db
      .query('admin::permission')
      .findMany({ where: { role: await roleId(role), action: { $in: [READ, PURGE] } } })
  )
    .map((p: any) => p.action)
    .sort();

describe('the permissions', () => {
  it('are listed for Settings → Roles, with their names', async () => {
    const res = await app.request.get('/admin/permissions').set(chief.auth);
    expect(res.status).toBe(200);
    const cache = res.body.data.sections.plugins.filter((p: any) =>
      [READ, PURGE].includes(p.action)
    );
    expect(
      cache.map(({ action, displayName, plugin }: any) => ({ action, displayName, plugin }))
    ).toEqual([
      {
        action: READ,
        displayName: 'Response cache: read statistics',
        plugin: 'editorial-workflow',
      },
      { action: PURGE, displayName: 'Response cache: purge', plugin: 'editorial-workflow' },
    ]);
  });

  it('are granted on first boot to Editors only (the Super Admin has every permission)', async () => {
    expect(await cachePermissionsOf('strapi-editor')).toEqual([PURGE, READ]);
    expect(await cachePermissionsOf('strapi-author')).toEqual([]);
    expect(await cachePermissionsOf('Fact-checker')).toEqual([]);
  });
});

describe('GET /editorial-workflow/cache', () => {
  it('answers this process’s statistics to the Super Admin and to an Editor', async () => {
    await cachedStoryPage('Stats story');
    for (const who of [chief, editor]) {
      const res = await app.request.get(STATS).set(who.auth);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        enabled: true,
        entries: expect.any(Number),
        bytes: expect.any(Number),
        maxBytes: 64 * 1024 * 1024,
        hits: expect.any(Number),
        misses: expect.any(Number),
        bypasses: expect.any(Number),
        hitRatio: expect.any(Number),
        stores: expect.any(Number),
        refused: expect.any(Number),
        evictions: expect.any(Number),
        invalidations: expect.any(Number),
        sync: usingPostgres() ? 'listening' : 'local',
        since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      const { entries, bytes, hits, misses, hitRatio } = res.body.data;
      expect(entries).toBeGreaterThanOrEqual(1);
      expect(bytes).toBeGreaterThan(0);
      expect(hits).toBeGreaterThanOrEqual(1);
      expect(hitRatio).toBeCloseTo(hits / (hits + misses), 10);
    }
  });
});

describe('refusals', () => {
  it.each([
    ['an Author', () => author],
    ['a Fact-checker', () => factChecker],
  ])(
    '%s gets 403 ForbiddenError naming the missing permission, and purges nothing',
    async (_, who) => {
      const url = await cachedStoryPage(`Refused purge ${_}`);
      const stats = await app.request.get(STATS).set(who().auth);
      expect(stats.status).toBe(403);
      expect(stats.body).toEqual({
        data: null,
        error: {
          status: 403,
          name: 'ForbiddenError',
          message: `You may not read the response cache statistics (permission ${READ})`,
          details: { action: READ },
        },
      });
      const purge = await app.request.post(PURGE_URL).set(who().auth);
      expect(purge.status).toBe(403);
      expect(purge.body.error).toEqual({
        status: 403,
        name: 'ForbiddenError',
        message: `You may not purge the response cache (permission ${PURGE})`,
        details: { action: PURGE },
      });
      expect((await app.request.get(url)).headers['x-cache']).toBe('HIT');
    }
  );

  it('without a token both answer 401, and nothing is purged', async () => {
    const url = await cachedStoryPage('Anonymous purge');
    for (const res of [await app.request.get(STATS), await app.request.post(PURGE_URL)]) {
      expect(res.status).toBe(401);
      expect(res.body.error.name).toBe('UnauthorizedError');
    }
    expect((await app.request.get(url)).headers['x-cache']).toBe('HIT');
  });
});

describe('POST /editorial-workflow/cache/purge', () => {
  it('as an Editor empties the cache: the next public read is a MISS, then cached again', async () => {
    const url = await cachedStoryPage('Purged story');
    const list = '/api/articles?locale=en';
    await app.request.get(list);
    expect((await app.request.get(list)).headers['x-cache']).toBe('HIT');
    const before = (await app.request.get(STATS).set(editor.auth)).body.data;
    expect(before.entries).toBeGreaterThanOrEqual(2);

    const res = await app.request.post(PURGE_URL).set(editor.auth);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ enabled: true, entries: 0, bytes: 0 });
    expect(res.body.meta).toEqual({ removed: before.entries });
    expect(res.body.data.evictions).toBe(before.evictions + before.entries);

    expect((await app.request.get(url)).headers['x-cache']).toBe('MISS');
    expect((await app.request.get(list)).headers['x-cache']).toBe('MISS');
    expect((await app.request.get(url)).headers['x-cache']).toBe('HIT');
  });

  it('as the Super Admin too', async () => {
    const url = await cachedStoryPage('Chief purge');
    const res = await app.request.post(PURGE_URL).set(chief.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.entries).toBe(0);
    expect((await app.request.get(url)).headers['x-cache']).toBe('MISS');
  });
});

describe('first boot on a database from before the cache permissions', () => {
  it('grants them to Editors once; a revocation afterwards survives restarts', async () => {
    const editors = await roleId('strapi-editor');
    const where = { role: editors, action: { $in: [READ, PURGE] } };
    await app.strapi.db.query('admin::permission').deleteMany({ where });
    await app.strapi
      .store({ type: 'app', name: 'newsroom' })
      .delete({ key: 'first-boot:cache-roles' });

    await app.stop();
    app = await bootStrapi(database);
    expect(await cachePermissionsOf('strapi-editor')).toEqual([PURGE, READ]);
    expect(await cachePermissionsOf('strapi-author')).toEqual([]);
    expect(await cachePermissionsOf('Fact-checker')).toEqual([]);

    await app.strapi.db.query('admin::permission').deleteMany({ where });
    await app.stop();
    app = await bootStrapi(database);
    expect(await cachePermissionsOf('strapi-editor')).toEqual([]);
  });
});

describe('with the cache disabled', () => {
  afterAll(() => {
    delete process.env.RESPONSE_CACHE_ENABLED;
  });

  it('GET says so, and a purge is a 200 that changes nothing', async () => {
    // One Strapi per process at a time (admin actions are registered process-wide): a restart.
    await app.stop();
    app = await bootStrapi(database, { RESPONSE_CACHE_ENABLED: 'false' });
    const admin = await createAdmin(app, 'strapi-super-admin', 'Off Chief');
    const stats = await app.request.get(STATS).set(admin.auth);
    expect(stats.status).toBe(200);
    expect(stats.body.data).toMatchObject({ enabled: false, entries: 0, hits: 0, sync: 'local' });
    const purge = await app.request.post(PURGE_URL).set(admin.auth);
    expect(purge.status).toBe(200);
    expect(purge.body).toEqual({ data: stats.body.data, meta: { removed: 0 } });
    expect((await app.request.get('/api/articles')).headers['x-cache']).toBeUndefined();
  });
});
