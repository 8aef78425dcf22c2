// The stage on the document (`editorialStage`): a copy of the workflow state on every row of a
// document locale, kept exact on every move and path, written by nobody else, backfilled at boot, and
// what the Content Manager's list view filters and sorts by.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStrapi, startTestApp } from '../helpers/strapi';
import { CHECKER, createAdmin, createApiToken, WRITER } from '../helpers/identities';
import {
  ARTICLE,
  createStory,
  giveStoryTo,
  snapshot,
  transitionUrl,
  workflowService,
} from '../helpers/workflow';

const STAGE_FIELD = 'editorialStage';
const STATE_UID = 'plugin::editorial-workflow.workflow-state';
const CM = `/content-manager/collection-types/${ARTICLE}`;
const REFUSED =
  'editorialStage is set by the editorial workflow: stages move only through transitions';

let app: Awaited<ReturnType<typeof startTestApp>>;
type Admin = Awaited<ReturnType<typeof createAdmin>>;
let author: Admin, editor: Admin, chief: Admin;

beforeAll(async () => {
  app = await startTestApp();
  author = await createAdmin(app, 'strapi-author', 'Alex Author');
  editor = await createAdmin(app, 'strapi-editor', 'Eddie Editor');
  chief = await createAdmin(app, 'strapi-super-admin', 'Chief');
});
afterAll(async () => {
  await app?.stop();
});

const anyMove = () => true;
const moveAs = (
  actor: typeof WRITER,
  documentId: string,
  transition: string,
  locale = 'en',
  comment?: string
) =>
  workflowService(app).transition(
    { uid: ARTICLE, documentId, locale },
    { transition, comment },
    actor,
    anyMove
  );

/** Every row of the document: [locale, draft|published, stage copy], ordered. */
const rowsOf = async (documentId: string) => {
  const rows = await app.strapi.db
    .query(ARTICLE)
    .findMany({ where: { documentId }, select: ['locale', 'publishedAt', STAGE_FIELD] });
  return rows
    .map((r: any) => [r.locale, r.publishedAt ? 'published' : 'draft', r[STAGE_FIELD]])
    .sort((a: string[], b: string[]) => a.join().localeCompare(b.join()));
};
const stateOf = async (documentId: string, locale = 'en') =>
  (
    await app.strapi.db.query(STATE_UID).findOne({
      where: { targetUid: ARTICLE, targetDocumentId: documentId, targetLocale: locale },
    })
  )?.stage ?? null;

describe('the stage copy follows the state on every row', () => {
  it('is hidden, not configurable and private in the schema', () => {
    expect(app.strapi.getModel(ARTICLE).attributes[STAGE_FIELD]).toEqual({
      type: 'string',
      configurable: false,
      visible: false,
      writable: true,
      private: true,
    });
  });

  it('a new story, a submit, an approval, an edit after approval and a retraction', async () => {
    const created = await app.request
      .post(`${CM}?locale=en`)
      .set(author.auth)
      .send({ title: 'Stage copy lifecycle' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect(created.body.data[STAGE_FIELD]).toBe('draft');
    expect(await rowsOf(id)).toEqual([['en', 'draft', 'draft']]);

    await moveAs(WRITER, id, 'submit');
    expect(await rowsOf(id)).toEqual([['en', 'draft', 'fact_check']]);

    await moveAs(CHECKER, id, 'approve');
    expect(await rowsOf(id)).toEqual([
      ['en', 'draft', 'published'],
      ['en', 'published', 'published'],
    ]);

    // The Content Manager's form sends every schema field it loaded back (its documentId too, not its
    // id): the echo is dropped, and the answer carries the stage the edit sent the story back to, for
    // the next save.
    const form = (data: any, change: object) => ({
      documentId: data.documentId,
      title: data.title,
      [STAGE_FIELD]: data[STAGE_FIELD],
      ...change,
    });
    const loaded = await app.request.get(`${CM}/${id}?locale=en`).set(editor.auth);
    expect(loaded.status).toBe(200);
    expect(loaded.body.data[STAGE_FIELD]).toBe('published');
    const edited = await app.request
      .put(`${CM}/${id}?locale=en`)
      .set(editor.auth)
      .send(form(loaded.body.data, { title: 'Stage copy lifecycle, edited' }));
    expect(edited.body.error).toBeUndefined();
    expect(edited.status).toBe(200);
    expect(edited.body.data[STAGE_FIELD]).toBe('draft');
    expect(await stateOf(id)).toBe('draft');
    expect(await rowsOf(id)).toEqual([
      ['en', 'draft', 'draft'],
      ['en', 'published', 'draft'],
    ]);
    const again = await app.request
      .put(`${CM}/${id}?locale=en`)
      .set(editor.auth)
      .send(form(edited.body.data, { standfirst: 'Saved twice from the same form' }));
    expect(again.status).toBe(200);

    await moveAs(WRITER, id, 'submit');
    await moveAs(CHECKER, id, 'approve');
    await moveAs(CHECKER, id, 'retract', 'en', 'Wrong figures');
    expect(await rowsOf(id)).toEqual([['en', 'draft', 'draft']]);
  });

  it('a clone starts with its own initial stage; the original keeps its own', async () => {
    const { documentId } = await createStory(app, 'Stage copy clone source');
    await moveAs(WRITER, documentId, 'submit');
    const res = await app.request
      .post(`${CM}/clone/${documentId}?locale=en`)
      .set(editor.auth)
      .send({ title: 'Stage copy clone' });
    expect(res.status).toBe(200);
    const cloneId = res.body.data.documentId;
    expect(cloneId).not.toBe(documentId);
    expect(await stateOf(cloneId)).toBe('draft');
    expect(await rowsOf(cloneId)).toEqual([['en', 'draft', 'draft']]);
    expect(await rowsOf(documentId)).toEqual([['en', 'draft', 'fact_check']]);
  });

  it('a new locale gets its own initial stage; deleting it leaves the other alone', async () => {
    const { documentId } = await createStory(app, 'Stage copy locales');
    await moveAs(WRITER, documentId, 'submit');
    const ru = await app.request
      .put(`${CM}/${documentId}?locale=ru`)
      .set(editor.auth)
      .send({ title: 'Копия стадии' });
    expect(ru.status).toBe(200);
    expect(ru.body.data[STAGE_FIELD]).toBe('draft');
    expect(await rowsOf(documentId)).toEqual([
      ['en', 'draft', 'fact_check'],
      ['ru', 'draft', 'draft'],
    ]);
    await moveAs(WRITER, documentId, 'submit', 'ru');
    expect(await rowsOf(documentId)).toEqual([
      ['en', 'draft', 'fact_check'],
      ['ru', 'draft', 'fact_check'],
    ]);
    const removed = await app.request.delete(`${CM}/${documentId}?locale=ru`).set(chief.auth);
    expect(removed.body.error).toBeUndefined();
    expect(removed.status).toBe(200);
    expect(await rowsOf(documentId)).toEqual([['en', 'draft', 'fact_check']]);
    expect(await stateOf(documentId, 'ru')).toBeNull();
  });

  it('discarding the draft of a story edited after approval keeps every row on the stored stage', async () => {
    const { documentId } = await createStory(app, 'Stage copy discard');
    await moveAs(WRITER, documentId, 'submit');
    await moveAs(CHECKER, documentId, 'approve');
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId, locale: 'en', data: { standfirst: 'An edit after approval' } });
    expect(await stateOf(documentId)).toBe('draft');
    const res = await app.request
      .post(`${CM}/${documentId}/actions/discard?locale=en`)
      .set(editor.auth)
      .send({});
    expect(res.status).toBe(200);
    const stage = await stateOf(documentId);
    expect(res.body.data[STAGE_FIELD]).toBe(stage);
    expect(await rowsOf(documentId)).toEqual([
      ['en', 'draft', stage],
      ['en', 'published', stage],
    ]);
  });
});

describe('no write body sets it', () => {
  let id: string;
  beforeAll(async () => {
    ({ documentId: id } = await createStory(app, 'Stage copy refusals'));
    await moveAs(WRITER, id, 'submit');
  });

  const expectRefused = (res: any) => {
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toBe(`${REFUSED} (it is in "Fact-check" now; reload to see it)`);
    expect(res.body.error.details.errors[0].path).toEqual([STAGE_FIELD]);
  };

  it('Content Manager update, create and clone, by an editor and an administrator', async () => {
    const before = [await snapshot(app, id), await rowsOf(id)];
    for (const who of [editor, chief]) {
      expectRefused(
        await app.request
          .put(`${CM}/${id}?locale=en`)
          .set(who.auth)
          .send({ title: 'Moved by hand', [STAGE_FIELD]: 'published' })
      );
      expectRefused(
        await app.request
          .post(`${CM}/clone/${id}?locale=en`)
          .set(who.auth)
          .send({ [STAGE_FIELD]: 'published' })
      );
      const create = await app.request
        .post(`${CM}?locale=en`)
        .set(who.auth)
        .send({ title: 'Born published', [STAGE_FIELD]: 'published' });
      expect(create.status).toBe(400);
      expect(create.body.error.name).toBe('ValidationError');
      expect(create.body.error.message).toBe(REFUSED);
    }
    expect([await snapshot(app, id), await rowsOf(id)]).toEqual(before);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { title: 'Born published' } })).toBe(
      0
    );
  });

  it('an echo of the stored value is dropped, an author included', async () => {
    await giveStoryTo(app, id, author.user.id);
    const res = await app.request
      .put(`${CM}/${id}?locale=en`)
      .set(author.auth)
      .send({ title: 'Stage copy refusals', [STAGE_FIELD]: 'fact_check' });
    expect(res.status).toBe(200);
    expect(await rowsOf(id)).toEqual([['en', 'draft', 'fact_check']]);
    // An author's non-echo is refused too.
    expectRefused(
      await app.request
        .put(`${CM}/${id}?locale=en`)
        .set(author.auth)
        .send({ [STAGE_FIELD]: 'draft' })
    );
  });

  it('REST with a full-access token', async () => {
    const { auth } = await createApiToken(app, 'full-access');
    const before = await rowsOf(id);
    const put = await app.request
      .put(`/api/articles/${id}?status=draft&locale=en`)
      .set(auth)
      .send({ data: { [STAGE_FIELD]: 'published' } });
    expect(put.status).toBe(400);
    expect(put.body.error.name).toBe('ValidationError');
    expect(put.body.error.message).toMatch(/editorialStage/);
    const post = await app.request
      .post('/api/articles?status=draft')
      .set(auth)
      .send({ data: { title: 'REST born published', [STAGE_FIELD]: 'published' } });
    expect(post.status).toBe(400);
    expect(post.body.error.name).toBe('ValidationError');
    expect(post.body.error.message).toMatch(/editorialStage/);
    expect(await rowsOf(id)).toEqual(before);
    // Nor does the field show to a token.
    const read = await app.request.get(`/api/articles/${id}?status=draft&locale=en`).set(auth);
    expect(read.status).toBe(200);
    expect(read.body.data).not.toHaveProperty(STAGE_FIELD);
  });

  it('code through the Document Service', async () => {
    const before = await rowsOf(id);
    await expect(
      app.strapi
        .documents(ARTICLE)
        .update({ documentId: id, locale: 'en', data: { [STAGE_FIELD]: 'published' } })
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: `${REFUSED} (it is in "Fact-check" now; reload to see it)`,
    });
    await expect(
      app.strapi
        .documents(ARTICLE)
        .create({ locale: 'en', data: { title: 'Code born published', [STAGE_FIELD]: 'draft' } })
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: REFUSED,
    });
    expect(await rowsOf(id)).toEqual(before);
  });

  it('a transition through the admin route still moves it', async () => {
    const res = await app.request
      .post(transitionUrl(id))
      .set(editor.auth)
      .send({ transition: 'request_changes', comment: 'Sources, please' });
    expect(res.status).toBe(200);
    expect(await rowsOf(id)).toEqual([['en', 'draft', 'draft']]);
  });
});

describe('the list view filters and sorts by it, through the Content Manager route', () => {
  const prefix = `Listed ${Date.now()}`;
  const stories: Record<string, string> = {};
  beforeAll(async () => {
    for (const [name, moves] of Object.entries({
      a: [],
      b: ['submit'],
      c: ['submit', 'approve'],
      d: ['submit'],
    })) {
      const { documentId } = await createStory(app, `${prefix} ${name}`);
      for (const t of moves) await moveAs(t === 'approve' ? CHECKER : WRITER, documentId, t);
      stories[name] = documentId;
    }
    await giveStoryTo(app, stories.b, author.user.id);
    await giveStoryTo(app, stories.a, author.user.id);
  });

  const list = (who: Admin, query: string) =>
    app.request
      .get(
        `${CM}?page=1&pageSize=100&filters[$and][0][title][$startsWith]=${encodeURIComponent(prefix)}&${query}`
      )
      .set(who.auth);
  const titles = (res: any) => res.body.results.map((r: any) => r.title.slice(prefix.length + 1));

  it('an editor filters by stage', async () => {
    const res = await list(
      editor,
      'filters[$and][1][editorialStage][$eq]=fact_check&sort=title:ASC'
    );
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(['b', 'd']);
    expect(res.body.pagination.total).toBe(2);
    expect(res.body.results.map((r: any) => r[STAGE_FIELD])).toEqual(['fact_check', 'fact_check']);
    const published = await list(editor, 'filters[$and][1][editorialStage][$eq]=published');
    expect(titles(published)).toEqual(['c']);
  });

  it('an editor sorts by stage (the stage id: draft < fact_check < published)', async () => {
    const asc = await list(editor, 'sort[0]=editorialStage:ASC&sort[1]=title:ASC');
    expect(asc.status).toBe(200);
    expect(titles(asc)).toEqual(['a', 'b', 'd', 'c']);
    const desc = await list(editor, 'sort=editorialStage:DESC');
    expect(desc.body.results.map((r: any) => r[STAGE_FIELD])).toEqual([
      'published',
      'fact_check',
      'fact_check',
      'draft',
    ]);
  });

  it('an author filters and sorts only their own stories', async () => {
    const res = await list(author, 'filters[$and][1][editorialStage][$eq]=fact_check');
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(['b']);
    const sorted = await list(author, 'sort=editorialStage:DESC');
    expect(titles(sorted)).toEqual(['b', 'a']);
  });
});

describe('backfill at bootstrap', () => {
  it('rows whose copy was emptied get it back from the state table after a restart', async () => {
    const { documentId } = await createStory(app, 'Stage copy backfill');
    await moveAs(WRITER, documentId, 'submit');
    await moveAs(CHECKER, documentId, 'approve');
    const table = app.strapi.db.metadata.get(ARTICLE).tableName;
    const expected = await app.strapi.db
      .connection(table)
      .select('id', 'editorial_stage')
      .orderBy('id');
    expect(expected.every((r: any) => typeof r.editorial_stage === 'string')).toBe(true);
    await app.strapi.db.connection(table).update({ editorial_stage: null });

    const database = app.database;
    await app.strapi.destroy();
    const restarted = await bootStrapi(database);
    app = {
      ...restarted,
      database,
      stop: async () => (await restarted.stop(), await database.drop()),
    } as typeof app;
    expect(
      await app.strapi.db.connection(table).select('id', 'editorial_stage').orderBy('id')
    ).toEqual(expected);
    expect(
      await app.strapi
        .plugin('editorial-workflow')
        .service('state-store')
        .backfillStageField(ARTICLE)
    ).toBe(0);
  });

  it('the list view`s index is declared with the model, so schema sync keeps it across restarts', async () => {
    const knex = app.strapi.db.connection;
    const columns =
      app.strapi.db.dialect.client === 'sqlite'
        ? (await knex.raw(`PRAGMA index_info('articles_editorial_stage_idx')`)).map(
            (c: any) => c.name
          )
        : (
            await knex.raw(
              `SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
               WHERE c.relname = 'articles_editorial_stage_idx' ORDER BY array_position(i.indkey, a.attnum)`
            )
          ).rows.map((r: any) => r.attname);
    expect(columns).toEqual(['locale', 'editorial_stage', 'id', 'published_at']);
  });
});
