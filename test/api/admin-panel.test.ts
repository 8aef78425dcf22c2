// What the admin panel gets from the server: the favicon, and the locales the Content Manager's
// locale picker offers each newsroom role (i18n's admin builds it from `properties.locales` of the
// user's permissions, so those must name locales by code; see src/newsroom/role-locales.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../helpers/identities';
import { bootStrapi, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const QUOTE = 'api::quote.quote';
const NEWSROOM_ROLES = ['strapi-editor', 'strapi-author', 'Fact-checker'];
const EXPLORER = 'plugin::content-manager.explorer.';

let database: TestDatabase;
let app: TestApp;
type Admin = Awaited<ReturnType<typeof createAdmin>>;
let chief: Admin;

const reboot = async () => {
  await app.stop();
  app = await bootStrapi(database);
  chief = await createAdmin(app, 'strapi-super-admin', 'Chief');
};

const roleId = async (role: string) =>
  (
    await app.strapi.db
      .query('admin::role')
      .findOne({ where: role.startsWith('strapi-') ? { code: role } : { name: role } })
  ).id;

/** A role's Content Manager permissions on the localized types, as `action subject → locales`. */
const localizedPermissions = async (role: string) => {
  const rows: any[] = await app.strapi.db
    .query('admin::permission')
    .findMany({ where: { role: await roleId(role) } });
  return Object.fromEntries(
    rows
      .filter((p) => [ARTICLE, QUOTE].includes(p.subject) && p.action.startsWith(EXPLORER))
      .map((p) => [
        `${p.action.slice(EXPLORER.length)} ${p.subject}`,
        Array.isArray(p.properties?.locales)
          ? [...p.properties.locales].sort()
          : p.properties?.locales,
      ])
  );
};

/**
 * The locales the Content Manager's picker offers on the article list and create views: what
 * i18n's `useI18n` and `LocalePicker` compute from `/i18n/locales` and the user's permissions.
 */
const pickerLocales = async (who: Admin) => {
  const [locales, permissions] = await Promise.all([
    app.request.get('/i18n/locales').set(who.auth),
    app.request.get('/admin/users/me/permissions').set(who.auth),
  ]);
  expect(locales.status).toBe(200);
  expect(permissions.status).toBe(200);
  const mine = permissions.body.data.filter((p: any) => p.subject === ARTICLE);
  const can = (action: string) =>
    new Set(
      mine
        .filter((p: any) => p.action === `${EXPLORER}${action}`)
        .flatMap((p: any) => p.properties?.locales ?? [])
    );
  const [read, create] = [can('read'), can('create')];
  return locales.body
    .map((l: any) => l.code)
    .filter((code: string) => read.has(code) || create.has(code))
    .sort();
};

const addLocale = async (code: string, name: string) => {
  const res = await app.request
    .post('/i18n/locales')
    .set(chief.auth)
    .send({ code, name, isDefault: false });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ code });
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await bootStrapi(database);
  chief = await createAdmin(app, 'strapi-super-admin', 'Chief');
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

describe('GET /favicon.ico', () => {
  it('answers the project’s icon, not a 500', async () => {
    const res = await app.request
      .get('/favicon.ico')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
    const icon = res.body as Buffer;
    // ICONDIR: reserved 0, type 1 (icon), two images (16 and 32 px).
    expect([icon.readUInt16LE(0), icon.readUInt16LE(2), icon.readUInt16LE(4)]).toEqual([0, 1, 2]);
    expect([icon[6], icon[22]]).toEqual([16, 32]);
    expect((await app.request.head('/favicon.ico')).status).toBe(200);
  });
});

describe('the locale picker of the newsroom roles', () => {
  it('every Content Manager permission of Editor, Author and Fact-checker names en and ru', async () => {
    for (const role of NEWSROOM_ROLES) {
      const permissions = await localizedPermissions(role);
      expect(Object.keys(permissions).length, role).toBeGreaterThan(0);
      for (const [permission, locales] of Object.entries(permissions))
        expect(locales, `${role}: ${permission}`).toEqual(['en', 'ru']);
    }
    // The Fact-checker's grants, by name, among them.
    expect(await localizedPermissions('Fact-checker')).toMatchObject({
      [`read ${ARTICLE}`]: ['en', 'ru'],
      [`update ${ARTICLE}`]: ['en', 'ru'],
      [`update ${QUOTE}`]: ['en', 'ru'],
    });
  });

  it('offers English and Russian to each of them, as the Content Manager computes it', async () => {
    for (const role of NEWSROOM_ROLES) {
      const who = await createAdmin(app, role);
      expect(await pickerLocales(who), role).toEqual(['en', 'ru']);
    }
  });

  it('a locale added later joins every permission that had all the others', async () => {
    await addLocale('fr', 'French (fr)');
    for (const role of NEWSROOM_ROLES) {
      for (const [permission, locales] of Object.entries(await localizedPermissions(role))) {
        expect(locales, `${role}: ${permission}`).toEqual(['en', 'fr', 'ru']);
      }
      expect(await pickerLocales(await createAdmin(app, role)), role).toEqual(['en', 'fr', 'ru']);
    }
  });

  it('an administrator’s narrowing is kept: a new locale does not widen it, a reboot does not undo it', async () => {
    // As Settings → Roles saves it: Author may read stories in English and French only.
    const author = await roleId('strapi-author');
    const roles = app.strapi.service('admin::role');
    const current: any[] = await app.strapi
      .service('admin::permission')
      .findMany({ where: { role: { id: author } } });
    await roles.assignPermissions(
      author,
      current.map(({ action, actionParameters, subject, properties, conditions }) => ({
        action,
        actionParameters,
        subject,
        conditions,
        properties:
          action === `${EXPLORER}read` && subject === ARTICLE
            ? { ...properties, locales: ['en', 'fr'] }
            : properties,
      }))
    );

    await addLocale('de', 'German (de)');
    const after = await localizedPermissions('strapi-author');
    expect(after[`read ${ARTICLE}`]).toEqual(['en', 'fr']);
    expect(after[`update ${ARTICLE}`]).toEqual(['de', 'en', 'fr', 'ru']);
    expect(after[`read ${QUOTE}`]).toEqual(['de', 'en', 'fr', 'ru']);

    await reboot();
    expect(await localizedPermissions('strapi-author')).toEqual(after);
    expect((await localizedPermissions('strapi-editor'))[`read ${ARTICLE}`]).toEqual([
      'de',
      'en',
      'fr',
      'ru',
    ]);
  });

  it('a database from before the fix (locales: null) is repaired once, on the next boot', async () => {
    // What the app wrote before: `null` ("every locale" to the server, an empty picker in the admin).
    for (const role of ['strapi-editor', 'Fact-checker']) {
      const rows: any[] = await app.strapi.db
        .query('admin::permission')
        .findMany({ where: { role: await roleId(role) } });
      for (const row of rows.filter((p) => [ARTICLE, QUOTE].includes(p.subject))) {
        await app.strapi.db.query('admin::permission').update({
          where: { id: row.id },
          data: { properties: { ...row.properties, locales: null } },
        });
      }
    }
    expect(await pickerLocales(await createAdmin(app, 'strapi-editor'))).toEqual([]);
    await app.strapi
      .store({ type: 'app', name: 'newsroom' })
      .delete({ key: 'first-boot:role-locales' });

    await reboot();
    for (const role of ['strapi-editor', 'Fact-checker']) {
      for (const [permission, locales] of Object.entries(await localizedPermissions(role))) {
        expect(locales, `${role}: ${permission}`).toEqual(['de', 'en', 'fr', 'ru']);
      }
    }
    expect(await pickerLocales(await createAdmin(app, 'strapi-editor'))).toEqual([
      'de',
      'en',
      'fr',
      'ru',
    ]);
    // The Author's narrowed read stays narrowed.
    expect((await localizedPermissions('strapi-author'))[`read ${ARTICLE}`]).toEqual(['en', 'fr']);
  });
});
