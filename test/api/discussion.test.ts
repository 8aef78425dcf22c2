// The discussion thread of a story (issue 10, part 3): notes on a document locale for the desk only,
// @mentions told by email, resolve/reopen, a move's comment in the thread, never in the public API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createReader, CHECKER } from '../helpers/identities';
import { ARTICLE, transitionUrl, workflowService } from '../helpers/workflow';

let app: Awaited<ReturnType<typeof startTestApp>>;
type Admin = Awaited<ReturnType<typeof createAdmin>>;
let alex: Admin, blake: Admin, editor: Admin, reviewer: Admin;
let story: string;

const CM = '/content-manager/collection-types';
const NOTE_UID = 'plugin::editorial-workflow.workflow-note';
const OUTBOX_UID = 'plugin::editorial-workflow.workflow-notification';
const notesUrl = (documentId: string, locale = 'en', query = '') =>
  `/editorial-workflow/notes/${ARTICLE}/${documentId}?locale=${locale}${query}`;

const noteCount = () => app.strapi.db.query(NOTE_UID).count({ where: { targetDocumentId: story } });
const post = (who: Admin, body: unknown, documentId = story) =>
  app.request
    .post(notesUrl(documentId))
    .set(who.auth)
    .send(body as object);
const list = (who: Admin, query = '') =>
  app.request.get(notesUrl(story, 'en', query)).set(who.auth);

/** A role that reads every article but edits none: may read the thread, may not edit the story. */
const readOnlyDesk = async () => {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name: 'Readers desk', description: 'reads only' });
  await roles.addPermissions(role.id, [
    { action: 'plugin::editorial-workflow.read', properties: {}, conditions: [] },
    {
      action: 'plugin::content-manager.explorer.read',
      subject: ARTICLE,
      properties: { fields: null, locales: null },
      conditions: [],
    },
  ]);
  return createAdmin(app, 'Readers desk', 'Rita Reviewer');
};

beforeAll(async () => {
  app = await startTestApp();
  alex = await createAdmin(app, 'strapi-author', 'Alex Author');
  blake = await createAdmin(app, 'strapi-author', 'Blake Author');
  editor = await createAdmin(app, 'strapi-editor', 'Eddie Editor');
  reviewer = await readOnlyDesk();
  const res = await app.request
    .post(`${CM}/${ARTICLE}?locale=en`)
    .set(alex.auth)
    .send({ title: 'Alex files from Minsk' });
  expect(res.status).toBe(201);
  story = res.body.data.documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('a move with a comment', () => {
  it('puts the comment into the thread, marked with its transition', async () => {
    const res = await app.request
      .post(transitionUrl(story))
      .set(alex.auth)
      .send({ transition: 'submit', comment: 'Ready for a check' });
    expect(res.status).toBe(200);
    const thread = await list(alex);
    expect(thread.status).toBe(200);
    expect(thread.body.data).toHaveLength(1);
    expect(thread.body.data[0]).toMatchObject({
      body: 'Ready for a check',
      transition: 'submit',
      author: { type: 'admin', id: alex.user.id },
      resolvedAt: null,
    });
  });
});

describe('reading the thread', () => {
  it('the Author reads the thread of their own story; another Author gets 403', async () => {
    expect((await list(alex)).status).toBe(200);
    const other = await list(blake);
    expect(other.status).toBe(403);
    expect(other.body.error.name).toBe('ForbiddenError');
  });

  it('an Editor and a read-only desk read it', async () => {
    expect((await list(editor)).status).toBe(200);
    expect((await list(reviewer)).status).toBe(200);
  });

  it('an unknown document is 404, a bad `resolved` is 400', async () => {
    const missing = await app.request.get(notesUrl('nosuchdocument')).set(editor.auth);
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');
    const bad = await list(editor, '&resolved=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      name: 'ValidationError',
      message: 'resolved must be true or false',
    });
  });

  it('without a token: 401', async () => {
    expect((await app.request.get(notesUrl(story))).status).toBe(401);
  });
});

describe('posting a note', () => {
  it('bad bodies are 400 naming the field, and create nothing', async () => {
    const before = await noteCount();
    const cases: [unknown, string, string][] = [
      [{}, 'body', 'body must be a string'],
      [{ body: 42 }, 'body', 'body must be a string'],
      [{ body: '   ' }, 'body', 'body must not be empty'],
      [{ body: 'x'.repeat(5001) }, 'body', 'body must be at most 5000 characters'],
      [{ body: 'hi', mentions: 'alex' }, 'mentions', 'mentions must be a list of admin user ids'],
      [{ body: 'hi', mentions: [1.5] }, 'mentions', 'mentions must be a list of admin user ids'],
    ];
    for (const [body, path, message] of cases) {
      const res = await post(editor, body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.body.data).toBeNull();
      expect(res.body.error).toMatchObject({ name: 'ValidationError', message });
      expect(res.body.error.details.errors[0].path).toEqual([path]);
    }
    expect(await noteCount()).toBe(before);
  });

  it('a mention of an unknown user, or of one who may not read the story, is 400 naming them', async () => {
    const before = await noteCount();
    for (const id of [999999, blake.user.id]) {
      const res = await post(editor, { body: '@Someone look', mentions: [id] });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toBe(
        `mentions: user ${id} is not an active admin user who may read this story`
      );
    }
    expect(await noteCount()).toBe(before);
  });

  it('a note with a mention is stored and emails the mentioned user, never the author', async () => {
    const res = await post(editor, {
      body: '@Alex Author please source the second quote',
      mentions: [alex.user.id, editor.user.id],
    });
    expect(res.status).toBe(201);
    const note = res.body.data;
    expect(note).toMatchObject({
      body: '@Alex Author please source the second quote',
      mentions: [alex.user.id, editor.user.id],
      transition: null,
      author: { type: 'admin', id: editor.user.id },
    });
    const rows = await app.strapi.db
      .query(OUTBOX_UID)
      .findMany({ where: { eventKey: { $startsWith: `mentioned:${note.id}:` } } });
    expect(rows.map((r: any) => r.eventKey)).toEqual([`mentioned:${note.id}:${alex.user.id}`]);
    const thread = await list(alex);
    expect(thread.body.data.map((n: any) => n.id)).toContain(note.id);
    // Oldest first.
    expect(thread.body.data[0].transition).toBe('submit');
  });

  it('another Author may not post on a story they cannot read (403), nothing created', async () => {
    const before = await noteCount();
    const res = await post(blake, { body: 'hello' });
    expect(res.status).toBe(403);
    expect(await noteCount()).toBe(before);
  });
});

describe('the mention picker', () => {
  const picker = (who: Admin, q: string, documentId = story) =>
    app.request
      .get(
        `/editorial-workflow/mentionable?uid=${ARTICLE}&documentId=${documentId}&locale=en&q=${q}`
      )
      .set(who.auth);

  it('offers who may read the story, by name prefix', async () => {
    const res = await picker(editor, 'Alex');
    expect(res.status).toBe(200);
    expect(res.body.data).toContainEqual({ id: alex.user.id, name: 'Alex Author Tester' });
    const blakes = await picker(editor, 'Blake');
    expect(blakes.body.data.map((u: any) => u.id)).not.toContain(blake.user.id);
  });

  it('needs uid and documentId (400), and the right to read the story (403)', async () => {
    const res = await app.request.get('/editorial-workflow/mentionable?q=a').set(editor.auth);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('uid is required');
    expect((await picker(blake, 'A')).status).toBe(403);
  });
});

describe('resolve and reopen', () => {
  let reviewerNote: number, editorNote: number;
  beforeAll(async () => {
    reviewerNote = (await post(reviewer, { body: 'Is the date right?' })).body.data.id;
    editorNote = (await post(editor, { body: 'Headline too long' })).body.data.id;
  });
  const act = (who: Admin, id: number | string, what: 'resolve' | 'reopen') =>
    app.request.post(`/editorial-workflow/notes/${id}/${what}`).set(who.auth).send({});

  it('the note author may resolve their own note without editing rights', async () => {
    const res = await act(reviewer, reviewerNote, 'resolve');
    expect(res.status).toBe(200);
    expect(res.body.data.resolvedBy).toMatchObject({ id: reviewer.user.id });
    expect(res.body.data.resolvedAt).not.toBeNull();
    const open = await list(editor, '&resolved=false');
    expect(open.body.data.map((n: any) => n.id)).not.toContain(reviewerNote);
    expect((await act(reviewer, reviewerNote, 'reopen')).body.data.resolvedAt).toBeNull();
  });

  it("someone without editing rights may not resolve another's note (403), nothing changes", async () => {
    const res = await act(reviewer, editorNote, 'resolve');
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('ForbiddenError');
    const row = await app.strapi.db.query(NOTE_UID).findOne({ where: { id: editorNote } });
    expect(row.resolvedAt).toBeNull();
  });

  it("who may edit the story (its Author) resolves anyone's note; another Author may not", async () => {
    expect((await act(blake, editorNote, 'resolve')).status).toBe(403);
    const res = await act(alex, editorNote, 'resolve');
    expect(res.status).toBe(200);
    expect(res.body.data.resolvedBy).toMatchObject({ id: alex.user.id });
  });

  it('an unknown note is 404', async () => {
    const res = await act(editor, 99999999, 'resolve');
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });
});

describe('never in the public API', () => {
  it('no content-API route answers with notes, for any caller', async () => {
    const readOnly = await createApiToken(app, 'read-only');
    const full = await createApiToken(app, 'full-access');
    const reader = await createReader(app);
    const callers: Record<string, string>[] = [{}, readOnly.auth, full.auth, reader.auth];
    const paths = [
      '/api/workflow-notes',
      '/api/editorial-workflow/notes',
      `/api/editorial-workflow/notes/${ARTICLE}/${story}`,
      '/api/editorial-workflow/mentionable',
      `/api/editorial-workflow/workflow-notes`,
    ];
    for (const auth of callers)
      for (const path of paths) {
        const res = await app.request.get(path).set(auth);
        expect([403, 404], `${path} ${JSON.stringify(auth).slice(0, 20)}`).toContain(res.status);
        expect(JSON.stringify(res.body)).not.toContain('Headline too long');
      }
  });

  it('no article answer carries notes', async () => {
    // Submitted by Alex above: the approval is the publish.
    await workflowService(app).transition(
      { uid: ARTICLE, documentId: story, locale: 'en' },
      { transition: 'approve' },
      CHECKER,
      () => true
    );
    const one = await app.request.get(`/api/articles/${story}?locale=en&populate=*`);
    expect(one.status).toBe(200);
    const many = await app.request.get('/api/articles?locale=en&populate=*');
    for (const text of [JSON.stringify(one.body), JSON.stringify(many.body)]) {
      expect(text).not.toContain('Headline too long');
      expect(text).not.toContain('Is the date right?');
      expect(text).not.toMatch(/"notes"/);
    }
  });
});
