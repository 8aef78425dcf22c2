// Assignment over HTTP: who may assign whom (the `assign` permission, Editors at first boot), Take
// and Release by reviewers, the history entry, the assignee cleared when the story moves on, the
// queue's filters and sort, and the list view's hidden copy (editorialAssignee).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStrapi, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';
import { createAdmin } from '../helpers/identities';
import {
  ARTICLE,
  createStory,
  giveStoryTo,
  stateUrl,
  transitionUrl,
  workflowService,
} from '../helpers/workflow';

const ASSIGN = 'plugin::editorial-workflow.assign';
const APPROVE = 'plugin::editorial-workflow.transition.approve';
const FIELD = 'editorialAssignee';
const STATE = 'plugin::editorial-workflow.workflow-state';
const assignUrl = (documentId: string, locale = 'en') =>
  `/editorial-workflow/state/${ARTICLE}/${documentId}/assign?locale=${locale}`;

let database: TestDatabase;
let app: TestApp;
type Admin = Awaited<ReturnType<typeof createAdmin>>;
let chief: Admin, editor: Admin, author: Admin, fiona: Admin, gus: Admin;
const nameOf = (a: Admin) => `${a.user.firstname} Tester`;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await bootStrapi(database);
  chief = await createAdmin(app, 'strapi-super-admin', 'Chief');
  editor = await createAdmin(app, 'strapi-editor', 'Eddie');
  author = await createAdmin(app, 'strapi-author', 'Alex');
  fiona = await createAdmin(app, 'Fact-checker', 'Fiona');
  gus = await createAdmin(app, 'Fact-checker', 'Gus');
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

/** A story of the author's, submitted for fact-check by them. */
const submitted = async (title: string) => {
  const story = await createStory(app, title);
  await giveStoryTo(app, story.documentId, author.user.id);
  const res = await app.request
    .post(transitionUrl(story.documentId))
    .set(author.auth)
    .send({ transition: 'submit' });
  expect(res.status).toBe(200);
  return story.documentId;
};

/** What a refused request must not change: the state row, the history and the copies on the rows. */
const snapshot = async (documentId: string) => ({
  state: await app.strapi.db
    .query(STATE)
    .findOne({ where: { targetDocumentId: documentId, targetLocale: 'en' } })
    .then((s: any) => [s.stage, s.version, s.assignee, s.assigneeId]),
  history: await app.strapi.db
    .query('plugin::editorial-workflow.workflow-history')
    .count({ where: { targetDocumentId: documentId } }),
  copies: (
    await app.strapi.db.query(ARTICLE).findMany({ where: { documentId }, select: [FIELD] })
  ).map((r: any) => r[FIELD]),
});

const assign = (who: Admin, documentId: string, body: unknown) =>
  app.request
    .post(assignUrl(documentId))
    .set(who.auth)
    .send(body as object);

describe('assigning', () => {
  it('an Editor assigns a fact-checker: state, history, panel state and the row copy', async () => {
    const id = await submitted('Assigned by the editor');
    const res = await assign(editor, id, { assignee: fiona.user.id });
    expect(res.status).toBe(200);
    expect(res.body.data.assignee).toEqual({ id: fiona.user.id, name: nameOf(fiona) });
    expect(res.body.data.history[0]).toMatchObject({
      transition: 'assign',
      from: 'fact_check',
      to: 'fact_check',
      actor: { type: 'admin', id: editor.user.id },
      assignee: { id: fiona.user.id, name: nameOf(fiona) },
    });
    const state = await app.request.get(stateUrl(id)).set(fiona.auth);
    expect(state.body.data.assignee).toEqual({ id: fiona.user.id, name: nameOf(fiona) });
    expect((await snapshot(id)).copies).toEqual([fiona.user.id]);
    // Unassigning is recorded too.
    const un = await assign(editor, id, { assignee: null });
    expect(un.status).toBe(200);
    expect(un.body.data.assignee).toBeNull();
    expect(un.body.data.history[0]).toMatchObject({ transition: 'assign', assignee: null });
    expect((await snapshot(id)).copies).toEqual([null]);
  });

  it('a fact-checker takes and releases a story without the assign permission', async () => {
    const id = await submitted('Taken by Fiona');
    const take = await assign(fiona, id, { assignee: fiona.user.id });
    expect(take.status).toBe(200);
    expect(take.body.data.assignee.id).toBe(fiona.user.id);
    // Someone else's story is not theirs to release or hand over.
    const before = await snapshot(id);
    for (const body of [{ assignee: null }, { assignee: editor.user.id }]) {
      const res = await assign(gus, id, body);
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('ForbiddenError');
      expect(res.body.error.message).toBe(
        `You may not assign stories to others or unassign them (permission ${ASSIGN})`
      );
    }
    expect(await snapshot(id)).toEqual(before);
    // Taking over is a reviewer's own call, like taking.
    const over = await assign(gus, id, { assignee: gus.user.id });
    expect(over.status).toBe(200);
    expect(over.body.data.assignee.id).toBe(gus.user.id);
    const back = await assign(fiona, id, { assignee: fiona.user.id });
    expect(back.status).toBe(200);
    const release = await assign(fiona, id, { assignee: null });
    expect(release.status).toBe(200);
    expect(release.body.data.assignee).toBeNull();
  });

  it('permissions per default role', async () => {
    const id = await submitted('Who may assign');
    // Author: may not assign anyone, may not take (no approve permission).
    const before = await snapshot(id);
    const other = await assign(author, id, { assignee: fiona.user.id });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(`(permission ${ASSIGN})`);
    const self = await assign(author, id, { assignee: author.user.id });
    expect(self.status).toBe(403);
    expect(self.body.error.message).toBe(
      `You may not take this story: reviewers of "Fact-check" hold permission ${APPROVE}`
    );
    // Fact-checker: may not assign someone else.
    const fc = await assign(fiona, id, { assignee: gus.user.id });
    expect(fc.status).toBe(403);
    expect(await snapshot(id)).toEqual(before);
    // Editor and Super Admin may.
    expect((await assign(editor, id, { assignee: gus.user.id })).status).toBe(200);
    expect((await assign(chief, id, { assignee: fiona.user.id })).status).toBe(200);
    // The permission is listed for Settings → Roles, and granted to Editors only.
    const perms = await app.request.get('/admin/permissions').set(chief.auth);
    expect(perms.body.data.sections.plugins.map((p: any) => p.action)).toContain(ASSIGN);
    const holders = await app.strapi.db
      .query('admin::permission')
      .findMany({ where: { action: ASSIGN }, populate: ['role'] });
    const codes = holders.map((p: any) => p.role.code);
    expect(codes).toContain('strapi-editor');
    expect(codes).not.toContain('strapi-author');
    const factCheckers = holders.filter((p: any) => p.role.name === 'Fact-checker');
    expect(factCheckers).toEqual([]);
  });

  it('refuses bad input with a 4xx that names the problem, changing nothing', async () => {
    const id = await submitted('Bad assignments');
    const before = await snapshot(id);
    const cases: [Admin, unknown, number, string, string][] = [
      [
        editor,
        {},
        400,
        'ValidationError',
        'assignee must be an admin user id (a positive integer) or null',
      ],
      [
        editor,
        { assignee: 'fiona' },
        400,
        'ValidationError',
        'assignee must be an admin user id (a positive integer) or null',
      ],
      [
        editor,
        { assignee: 1.5 },
        400,
        'ValidationError',
        'assignee must be an admin user id (a positive integer) or null',
      ],
      [
        editor,
        { assignee: fiona.user.id, extra: 1 },
        400,
        'ValidationError',
        'Unknown key "extra" (expected assignee, expectedVersion)',
      ],
      [
        editor,
        { assignee: fiona.user.id, expectedVersion: 0 },
        400,
        'ValidationError',
        'expectedVersion must be a positive integer',
      ],
      [
        editor,
        { assignee: 999999 },
        400,
        'ValidationError',
        'User 999999 cannot be assigned: no active admin user has that id',
      ],
      [
        editor,
        { assignee: author.user.id },
        400,
        'ValidationError',
        `${nameOf(author)} cannot be assigned: assignees of "Fact-check" hold permission ${APPROVE}`,
      ],
      [
        editor,
        { assignee: fiona.user.id, expectedVersion: 1 },
        409,
        'ConflictError',
        'The document changed meanwhile (version 2, expected 1): reload and try again',
      ],
    ];
    for (const [who, body, status, name, message] of cases) {
      const res = await assign(who, id, body);
      expect({
        status: res.status,
        name: res.body.error?.name,
        message: res.body.error?.message,
      }).toEqual({ status, name, message });
      expect(res.body.data).toBeNull();
    }
    expect(await snapshot(id)).toEqual(before);

    const unknown = await app.request
      .post(`/editorial-workflow/state/${ARTICLE}/nope/assign?locale=en`)
      .set(editor.auth)
      .send({ assignee: fiona.user.id });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.name).toBe('NotFoundError');
    const unauth = await app.request.post(assignUrl(id)).send({ assignee: fiona.user.id });
    expect(unauth.status).toBe(401);

    // A draft takes no assignee.
    const draft = await createStory(app, 'Still a draft');
    const res = await assign(editor, draft.documentId, { assignee: fiona.user.id });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Stories in "Draft" take no assignee (only stages with assignTo do)'
    );
  });

  it('an Author cannot assign on a story they may not read (403, nothing changed)', async () => {
    const id = await submitted('Not Alex');
    const other = await createStory(app, 'Someone else’s');
    await workflowService(app).transition(
      { uid: ARTICLE, documentId: other.documentId, locale: 'en' },
      { transition: 'submit' },
      { type: 'system', id: null, name: 'x' },
      () => true
    );
    const res = await assign(author, other.documentId, { assignee: author.user.id });
    expect(res.status).toBe(403);
    expect(id).toBeTruthy();
  });

  it('the assignee keeps the story through a round and lets go when it is published', async () => {
    const id = await submitted('Sent back');
    expect((await assign(editor, id, { assignee: fiona.user.id })).status).toBe(200);
    const back = await app.request
      .post(transitionUrl(id))
      .set(fiona.auth)
      .send({ transition: 'request_changes', comment: 'Source?' });
    expect(back.status).toBe(200);
    // Changes requested: still Fiona's to check again when it comes back.
    expect(back.body.data.assignee).toEqual({ id: fiona.user.id, name: expect.any(String) });
    const during = await snapshot(id);
    expect(during.state).toEqual([
      'draft',
      expect.any(Number),
      { id: fiona.user.id, name: expect.any(String) },
      fiona.user.id,
    ]);
    expect(during.copies).toEqual([fiona.user.id]);

    const again = await app.request
      .post(transitionUrl(id))
      .set(author.auth)
      .send({ transition: 'submit' });
    expect(again.status).toBe(200);
    expect(again.body.data.assignee?.id).toBe(fiona.user.id);
    await app.strapi
      .plugin('editorial-workflow')
      .service('workflow')
      .transition(
        { uid: ARTICLE, documentId: id, locale: 'en' },
        { transition: 'approve' },
        { type: 'system', id: null, name: 'approver' },
        () => true
      );
    const after = await snapshot(id);
    expect(after.state).toEqual(['published', expect.any(Number), null, null]);
    expect(after.copies.every((c: unknown) => c === null)).toBe(true);
  });

  it('an edit that sends a story back keeps the assignee', async () => {
    const id = await submitted('Edited back');
    expect((await assign(editor, id, { assignee: fiona.user.id })).status).toBe(200);
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId: id, locale: 'en', data: { title: 'Edited back again' } });
    const after = await snapshot(id);
    expect(after.state[0]).toBe('draft');
    expect(after.state[3]).toBe(fiona.user.id);
    expect(after.copies).toEqual([fiona.user.id]);
  });
});

describe('eligible assignees', () => {
  it('lists the holders of the approve permission, by story or by stage', async () => {
    const id = await submitted('Who can check');
    const byStory = await app.request
      .get(`/editorial-workflow/assignees?uid=${ARTICLE}&documentId=${id}&locale=en`)
      .set(editor.auth);
    expect(byStory.status).toBe(200);
    const ids = byStory.body.data.map((u: any) => u.id);
    expect(ids).toEqual(
      expect.arrayContaining([fiona.user.id, gus.user.id, editor.user.id, chief.user.id])
    );
    expect(ids).not.toContain(author.user.id);
    expect(byStory.body.data.find((u: any) => u.id === fiona.user.id)).toEqual({
      id: fiona.user.id,
      name: nameOf(fiona),
    });
    const byStage = await app.request
      .get('/editorial-workflow/assignees?stage=fact_check')
      .set(fiona.auth);
    expect(byStage.body.data).toEqual(byStory.body.data);
  });

  it('refuses bad queries by name', async () => {
    const cases: [string, number, string][] = [
      ['', 400, 'Give a stage, or a story by uid and documentId'],
      ['?stage=draft', 400, 'Stories in "Draft" take no assignee (only stages with assignTo do)'],
      ['?stage=nope', 400, 'Unknown stage "nope" (known: draft, fact_check, scheduled, published)'],
      ['?uid=api::article.article', 400, 'uid and documentId go together'],
      ['?uid=api::article.article&documentId=nope', 404, `No document nope in ${ARTICLE}`],
    ];
    for (const [query, status, message] of cases) {
      const res = await app.request.get(`/editorial-workflow/assignees${query}`).set(editor.auth);
      expect({ status: res.status, message: res.body.error?.message }).toEqual({ status, message });
    }
  });
});

describe('the queue', () => {
  it('filters by assigned=me|none and sorts by waiting time', async () => {
    const first = await submitted('Queue one');
    const second = await submitted('Queue two');
    const third = await submitted('Queue three');
    expect((await assign(editor, second, { assignee: gus.user.id })).status).toBe(200);
    expect((await assign(editor, third, { assignee: gus.user.id })).status).toBe(200);
    const q = (who: Admin, query: string) =>
      app.request
        .get(`/editorial-workflow/queue?stage=fact_check&pageSize=100${query}`)
        .set(who.auth);
    const ours = (res: any) =>
      res.body.data
        .map((i: any) => i.documentId)
        .filter((d: string) => [first, second, third].includes(d));
    const mine = await q(gus, '&assigned=me');
    expect(mine.status).toBe(200);
    expect(ours(mine)).toEqual([second, third]);
    expect(mine.body.data.every((i: any) => i.assignee?.id === gus.user.id)).toBe(true);
    expect(mine.body.data.find((i: any) => i.documentId === second).assignee).toEqual({
      id: gus.user.id,
      name: nameOf(gus),
    });
    const newest = await q(gus, '&assigned=me&sort=newest');
    expect(ours(newest)).toEqual([third, second]);
    const none = await q(editor, '&assigned=none');
    const noneIds = none.body.data.map((i: any) => i.documentId);
    expect(noneIds).toContain(first);
    expect(noneIds).not.toContain(second);
    expect(none.body.data.every((i: any) => i.assignee === null)).toBe(true);
    for (const [query, message] of [
      ['&assigned=them', 'Unknown assigned "them" (known: me, none)'],
      ['&sort=oldest', 'Unknown sort "oldest" (known: waiting, newest)'],
    ]) {
      const res = await q(editor, query);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ name: 'ValidationError', message });
    }
  });
});

describe('the list view copy (editorialAssignee)', () => {
  it('filters the Content Manager list, is refused in write bodies and hidden from the content API', async () => {
    const id = await submitted('Listed for Fiona');
    expect((await assign(editor, id, { assignee: fiona.user.id })).status).toBe(200);
    const list = await app.request
      .get(
        `/content-manager/collection-types/${ARTICLE}?page=1&pageSize=100&locale=en&filters[$and][0][${FIELD}][$eq]=${fiona.user.id}`
      )
      .set(fiona.auth);
    expect(list.status).toBe(200);
    expect(list.body.results.map((r: any) => r.documentId)).toContain(id);
    expect(list.body.results.every((r: any) => r[FIELD] === fiona.user.id)).toBe(true);

    const write = await app.request
      .put(`/content-manager/collection-types/${ARTICLE}/${id}?locale=en`)
      .set(editor.auth)
      .send({ title: 'Reassigned by hand', [FIELD]: gus.user.id });
    expect(write.status).toBe(400);
    expect(write.body.error).toMatchObject({
      name: 'ValidationError',
      message: `${FIELD} is set by the editorial workflow: assign stories from the workflow panel`,
    });
    expect((await snapshot(id)).copies).toEqual([fiona.user.id]);
    // An echo of the stored value is fine (the edit form sends back what it loaded).
    const echo = await app.request
      .put(`/content-manager/collection-types/${ARTICLE}/${id}?locale=en`)
      .set(editor.auth)
      .send({ title: 'Listed for Fiona', [FIELD]: fiona.user.id });
    expect(echo.status).toBe(200);

    const publicRead = await app.request.get(
      `/api/articles?filters[${FIELD}][$eq]=${fiona.user.id}`
    );
    expect(publicRead.status).toBe(400);
    expect(JSON.stringify((await app.request.get('/api/articles')).body)).not.toContain(FIELD);
  });
});
