// Workflow reads and moves follow Content Manager rights (issue 7, class 10): the queue, a document's
// state and history, and the list view's stages show a user only the document locales they may read
// in the Content Manager (`explorer.read`, its conditions such as `isCreator`, its `locales`); a move
// also needs `explorer.update` on that document locale. Reading what one may not read is 403, as the
// Content Manager itself answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import { createAdmin } from '../helpers/identities';
import { ARTICLE, snapshot, stateUrl, transitionUrl } from '../helpers/workflow';

let app: Awaited<ReturnType<typeof startTestApp>>;
type Admin = Awaited<ReturnType<typeof createAdmin>>;
let alex: Admin,
  blake: Admin,
  editor: Admin,
  factChecker: Admin,
  englishDesk: Admin,
  copyDesk: Admin;
/** Stories: Alex's (in fact-check), Blake's (in fact-check), Blake's draft, the editor's en + ru (both in fact-check). */
let alexStory: string, blakeStory: string, blakeDraft: string, bilingual: string;

const CM = '/content-manager/collection-types';
const READ_RIGHT = (locale: string) =>
  `permission plugin::content-manager.explorer.read on ${ARTICLE}, locale ${locale}`;
const UPDATE_RIGHT = (locale: string) =>
  `permission plugin::content-manager.explorer.update on ${ARTICLE}, locale ${locale}`;

const move = (who: Admin, documentId: string, body: object, locale = 'en') =>
  app.request.post(transitionUrl(documentId, locale)).set(who.auth).send(body);
const queue = (who: Admin, query = '') =>
  app.request.get(`/editorial-workflow/queue?stage=fact_check&pageSize=100${query}`).set(who.auth);
const queued = (res: any) => res.body.data.map((i: any) => `${i.documentId}/${i.locale}`).sort();
const key = (documentId: string, locale = 'en') => `${documentId}/${locale}`;

const write = async (who: Admin, title: string) => {
  const res = await app.request.post(`${CM}/${ARTICLE}?locale=en`).set(who.auth).send({ title });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};

/** A role with the workflow's read and submit, and the given Content Manager rights on articles. */
const deskRole = async (
  name: string,
  readLocales: string[] | null,
  updateLocales: string[] | null
) => {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name, description: name });
  const cm = (action: string, locales: string[] | null) => ({
    action,
    subject: ARTICLE,
    properties: { fields: null, locales },
    conditions: [],
  });
  await roles.addPermissions(role.id, [
    { action: 'plugin::editorial-workflow.read', properties: {}, conditions: [] },
    { action: 'plugin::editorial-workflow.transition.submit', properties: {}, conditions: [] },
    cm('plugin::content-manager.explorer.read', readLocales),
    cm('plugin::content-manager.explorer.update', updateLocales),
  ]);
  return createAdmin(app, name);
};

beforeAll(async () => {
  app = await startTestApp();
  alex = await createAdmin(app, 'strapi-author', 'Alex Author');
  blake = await createAdmin(app, 'strapi-author', 'Blake Author');
  editor = await createAdmin(app, 'strapi-editor', 'Eddie Editor');
  factChecker = await createAdmin(app, 'Fact-checker', 'Fiona Factchecker');
  englishDesk = await deskRole('English desk', ['en'], ['en']);
  copyDesk = await deskRole('Copy desk', null, ['en']);

  alexStory = await write(alex, 'Alex files from Minsk');
  blakeStory = await write(blake, 'Blake files from Kyiv');
  blakeDraft = await write(blake, 'Blake drafts a profile');
  bilingual = await write(editor, 'Talks in Sochi');
  const ru = await app.request
    .put(`${CM}/${ARTICLE}/${bilingual}?locale=ru`)
    .set(editor.auth)
    .send({ title: 'Переговоры в Сочи' });
  expect(ru.status).toBe(200);
  for (const [who, id, locale] of [
    [alex, alexStory, 'en'],
    [blake, blakeStory, 'en'],
    [editor, bilingual, 'en'],
    [editor, bilingual, 'ru'],
  ] as const) {
    expect((await move(who, id, { transition: 'submit' }, locale)).status).toBe(200);
  }
});
afterAll(async () => {
  await app?.stop();
});

describe('the contract with Strapi (services/access.ts relies on exactly this)', () => {
  const ability = (who: Admin) =>
    app.strapi.service('admin::permission').engine.generateUserAbility(who.user);
  const access = () => app.strapi.plugin('editorial-workflow').service('access');
  const checker = async (who: Admin) =>
    app.strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: await ability(who), model: ARTICLE });
  const draft = (documentId: string, locale = 'en') =>
    app.strapi.db.query(ARTICLE).findOne({
      where: { documentId, locale, publishedAt: null },
      populate: ['createdBy', 'updatedBy'],
    });

  it('an unconditional read is `{}` from getQuery: the fast path, no entity needed', async () => {
    // `locales: null` (every locale, present and future: what code may grant) is no condition at all.
    expect(access().readScope(await ability(copyDesk), ARTICLE)).toEqual({ all: true });
    expect((await checker(copyDesk)).requiresEntity.read()).toBe(false);
    // The newsroom roles name their locales (the admin's locale picker offers only those): a
    // locale-only scope, answered from the state's own locale without a row.
    expect(access().readScope(await ability(editor), ARTICLE)).toEqual({ locales: ['en', 'ru'] });
    expect(access().readScope(await ability(factChecker), ARTICLE)).toEqual({
      locales: ['en', 'ru'],
    });
  });

  it('isCreator and locales become a where over the rows, and need the entity for can/cannot', async () => {
    const authorScope = access().readScope(await ability(alex), ARTICLE);
    expect(JSON.stringify(authorScope)).toContain(`"createdBy":{"id":${alex.user.id}}`);
    // i18n's `locales` property becomes a locale-only where, which the workflow answers from its own
    // `targetLocale` without listing documents (the fast path for every role that lists its locales).
    const manager = app.strapi
      .service('admin::permission')
      .createPermissionsManager({ ability: await ability(englishDesk), model: ARTICLE });
    expect(JSON.stringify(manager.getQuery('plugin::content-manager.explorer.read'))).toContain(
      '"locale":{"$in":["en"]}'
    );
    expect(access().readScope(await ability(englishDesk), ARTICLE)).toEqual({ locales: ['en'] });
    const cm = await checker(alex);
    expect(cm.requiresEntity.read()).toBe(true);
    expect(cm.can.read(await draft(alexStory))).toBe(true);
    expect(cm.can.read(await draft(blakeStory))).toBe(false);
    expect(cm.cannot.update(await draft(blakeStory))).toBe(true);
    expect(cm.cannot.update(await draft(alexStory))).toBe(false);
  });

  it('no read at all is null from getQuery', async () => {
    await app.strapi
      .service('admin::role')
      .create({ name: 'No articles', description: 'workflow read only' });
    const outsider = await createAdmin(app, 'No articles');
    expect(access().readScope(await ability(outsider), ARTICLE)).toEqual({ none: true });
  });

  it('the query and the per-entity check agree on every article locale, for every role', async () => {
    const rows = await app.strapi.db
      .query(ARTICLE)
      .findMany({ where: { publishedAt: null }, populate: ['createdBy', 'updatedBy'] });
    for (const who of [alex, blake, editor, factChecker, englishDesk, copyDesk]) {
      const userAbility = await ability(who);
      const listed = new Set(
        (await access().readableKeys(userAbility, ARTICLE)).map((k: any) =>
          key(k.documentId, k.locale)
        )
      );
      const cm = await checker(who);
      const checked = new Set(
        rows.filter((r: any) => cm.can.read(r)).map((r: any) => key(r.documentId, r.locale))
      );
      expect([...listed].sort()).toEqual([...checked].sort());
    }
  });
});

describe('the queue lists only what the user may read, totals included', () => {
  it('an Author sees their own story, not other authors’', async () => {
    const res = await queue(alex);
    expect(res.status).toBe(200);
    expect(queued(res)).toEqual([key(alexStory)]);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 100, pageCount: 1, total: 1 });
    expect(JSON.stringify(res.body)).not.toContain('Blake files from Kyiv');
    expect(queued(await queue(blake))).toEqual([key(blakeStory)]);
  });

  it('pagination counts readable documents only', async () => {
    const page = await app.request
      .get('/editorial-workflow/queue?stage=fact_check&pageSize=1&page=2')
      .set(alex.auth);
    expect(page.status).toBe(200);
    expect(page.body.data).toEqual([]);
    expect(page.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 1, total: 1 });
  });

  it('the Editor and the Fact-checker see every story and locale', async () => {
    const all = [key(alexStory), key(blakeStory), key(bilingual), key(bilingual, 'ru')].sort();
    for (const who of [editor, factChecker]) {
      const res = await queue(who);
      expect(queued(res)).toEqual(all);
      expect(res.body.meta.pagination.total).toBe(4);
    }
  });

  it('a role limited to en never sees the ru locale', async () => {
    const res = await queue(englishDesk);
    expect(queued(res)).toEqual([key(alexStory), key(blakeStory), key(bilingual)].sort());
    expect(res.body.meta.pagination.total).toBe(3);
    expect(JSON.stringify(res.body)).not.toContain('Переговоры');
    const ru = await queue(englishDesk, '&locale=ru');
    expect(ru.body).toEqual({
      data: [],
      meta: { pagination: { page: 1, pageSize: 100, pageCount: 0, total: 0 } },
    });
  });
});

describe('state and history of what one may not read are refused', () => {
  it('an Author reads their own story’s state and history', async () => {
    const res = await app.request.get(stateUrl(alexStory)).set(alex.auth);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      stage: 'fact_check',
      history: [{ transition: 'submit', actor: { id: alex.user.id } }],
    });
  });

  it('another author’s story is 403, naming the read right; nothing of it is returned', async () => {
    for (const id of [blakeStory, blakeDraft]) {
      const res = await app.request.get(stateUrl(id)).set(alex.auth);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        data: null,
        error: {
          name: 'ForbiddenError',
          message: `You may not read this document (${READ_RIGHT('en')})`,
        },
      });
      expect(JSON.stringify(res.body)).not.toContain('history');
    }
  });

  it('a document that does not exist is still 404', async () => {
    const res = await app.request.get(stateUrl('nosuchdocument0000000000')).set(alex.auth);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      name: 'NotFoundError',
      message: `No document nosuchdocument0000000000 in ${ARTICLE}`,
    });
  });

  it('a role limited to en gets 403 on the ru locale, 200 on en', async () => {
    const ru = await app.request.get(stateUrl(bilingual, 'ru')).set(englishDesk.auth);
    expect(ru.status).toBe(403);
    expect(ru.body.error).toMatchObject({
      name: 'ForbiddenError',
      message: `You may not read this document (${READ_RIGHT('ru')})`,
    });
    expect((await app.request.get(stateUrl(bilingual, 'en')).set(englishDesk.auth)).status).toBe(
      200
    );
  });

  it('without the right to edit a locale, its state offers no move', async () => {
    const draftId = await write(editor, 'A copy-desk draft');
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId: draftId, locale: 'ru', data: { title: 'Черновик' } });
    const en = await app.request.get(stateUrl(draftId, 'en')).set(copyDesk.auth);
    const ru = await app.request.get(stateUrl(draftId, 'ru')).set(copyDesk.auth);
    expect([en.status, ru.status]).toEqual([200, 200]);
    expect(en.body.data.allowedTransitions.map((t: any) => t.id)).toEqual(['submit']);
    expect(ru.body.data.allowedTransitions).toEqual([]);
  });
});

describe('a move needs the right to edit that document locale', () => {
  it('an Author may not submit another author’s story: 403, nothing changes', async () => {
    const before = await snapshot(app, blakeDraft);
    const res = await move(alex, blakeDraft, { transition: 'submit' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      data: null,
      error: {
        name: 'ForbiddenError',
        message: `You may not read this document (${READ_RIGHT('en')})`,
      },
    });
    expect(await snapshot(app, blakeDraft)).toEqual(before);
    expect(before.states).toEqual([['en', 'draft', 1]]);
  });

  it('reading without editing: 403 naming the update right, nothing changes', async () => {
    const draftId = await write(editor, 'Copy desk may read, not edit, ru');
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId: draftId, locale: 'ru', data: { title: 'Только чтение' } });
    const before = await snapshot(app, draftId);
    const res = await move(copyDesk, draftId, { transition: 'submit' }, 'ru');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      data: null,
      error: {
        name: 'ForbiddenError',
        message: `You may not edit this document, so you may not move it (${UPDATE_RIGHT('ru')})`,
      },
    });
    expect(await snapshot(app, draftId)).toEqual(before);
    expect((await move(copyDesk, draftId, { transition: 'submit' }, 'en')).status).toBe(200);
  });

  it('the Editor and the Fact-checker still move every story and locale', async () => {
    expect((await move(factChecker, alexStory, { transition: 'approve' })).status).toBe(200);
    expect(
      (await move(editor, blakeStory, { transition: 'request_changes', comment: 'Second source?' }))
        .status
    ).toBe(200);
    expect(
      (
        await move(
          factChecker,
          bilingual,
          { transition: 'request_changes', comment: 'Check the date' },
          'ru'
        )
      ).status
    ).toBe(200);
    expect((await move(editor, blakeDraft, { transition: 'submit' })).status).toBe(200);
    const state = await app.request.get(stateUrl(alexStory)).set(editor.auth);
    expect([state.body.data.stage, state.body.data.live]).toEqual(['published', true]);
  });
});

describe('the list view’s stages omit what one may not read', () => {
  const stages = (who: Admin, ids: string[], locale = 'en') =>
    app.request
      .get(
        `/editorial-workflow/stages?uid=${ARTICLE}&locale=${locale}&documentIds=${ids.join(',')}`
      )
      .set(who.auth);
  const ids = (res: any) => res.body.data.map((s: any) => s.documentId).sort();

  it('an Author gets only their own documents', async () => {
    const res = await stages(alex, [alexStory, blakeStory, blakeDraft, bilingual]);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([alexStory]);
  });

  it('the Editor gets all; a role limited to en gets en, and nothing for ru', async () => {
    const all = [alexStory, blakeStory, blakeDraft, bilingual];
    expect(ids(await stages(editor, all))).toEqual([...all].sort());
    expect(ids(await stages(englishDesk, all))).toEqual([...all].sort());
    const ru = await stages(englishDesk, [bilingual], 'ru');
    expect(ru.status).toBe(200);
    expect(ru.body.data).toEqual([]);
    expect(ids(await stages(editor, [bilingual], 'ru'))).toEqual([bilingual]);
  });
});
