// Issue 7, the app's write rules: reference data has one owner side (class 1), clones follow the
// create rules (class 4), verification is the fact-checker's act (class 5). Through the Content
// Manager, REST with API tokens and strapi.documents() from code; a refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, publishThroughWorkflow } from '../helpers/identities';
import { ARTICLE, QUOTE, snapshot } from '../helpers/workflow';

const PERSON = 'api::person.person';
const SOURCE = 'api::source.source';
const cm = (uid: string, rest = '') => `/content-manager/collection-types/${uid}${rest}`;

let app: Awaited<ReturnType<typeof startTestApp>>;
type Admin = Awaited<ReturnType<typeof createAdmin>>;
type Auth = Record<string, string>;
let author: Admin, editor: Admin, factChecker: Admin, chief: Admin, desk: Admin;
let fullToken: Auth, writerToken: Auth, approverToken: Auth;

/** A live story: one verified quote with a speaker and a source, the story naming both. */
let live: {
  documentId: string;
  quoteId: string;
  speakerId: string;
  sourceId: string;
  title: string;
};

const fullView = async (documentId: string) => {
  const res = await app.request.get(
    `/api/articles/${documentId}?locale=en&populate[quotes][populate][0]=speaker&populate[quotes][populate][1]=source&populate[0]=people&populate[1]=sources`
  );
  expect(res.status).toBe(200);
  return res.body.data;
};

/** Everything a refused write on reference data must leave alone. */
const referenceState = async () => ({
  story: await fullView(live.documentId),
  workflow: await snapshot(app, live.documentId),
  people: await app.strapi.db.query(PERSON).findMany({
    select: ['documentId', 'name'],
    populate: { quotes: { select: ['id'] }, articles: { select: ['id'] } },
    orderBy: { id: 'asc' },
  }),
  sources: await app.strapi.db.query(SOURCE).findMany({
    select: ['documentId', 'name'],
    populate: { quotes: { select: ['id'] }, articles: { select: ['id'] } },
    orderBy: { id: 'asc' },
  }),
});

const draftQuote = (documentId: string) =>
  app.strapi.db.query(QUOTE).findOne({ where: { documentId, locale: 'en', publishedAt: null } });

const expectRefused = (res: any, status: number, name: string, message: string | RegExp) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.data).toBeNull();
  expect(res.body.error.name).toBe(name);
  if (typeof message === 'string') expect(res.body.error.message).toContain(message);
  else expect(res.body.error.message).toMatch(message);
};

beforeAll(async () => {
  app = await startTestApp();
  author = await createAdmin(app, 'strapi-author', 'Alex Author');
  editor = await createAdmin(app, 'strapi-editor', 'Eddie Editor');
  factChecker = await createAdmin(app, 'Fact-checker', 'Fiona Factchecker');
  chief = await createAdmin(app, 'strapi-super-admin', 'Chief');

  // A role an administrator might make: every quote field in the Content Manager, no "Verify quotes".
  const roles = app.strapi.service('admin::role');
  const deskRole = await roles.create({ name: 'Desk', description: 'test' });
  const { actionProvider } = app.strapi.service('admin::permission');
  const quoteActions = ['create', 'read', 'update'].map((a) => ({
    ...actionProvider.get(`plugin::content-manager.explorer.${a}`),
    subjects: [QUOTE],
  }));
  const quotePermissions = app.strapi
    .service('admin::content-type')
    .getPermissionsWithNestedFields(quoteActions)
    .map((p: any) => ({ ...p, properties: { ...p.properties, locales: null } }));
  await roles.addPermissions(deskRole.id, quotePermissions);
  desk = await createAdmin(app, 'Desk', 'Dana Desk');

  fullToken = (await createApiToken(app, 'full-access')).auth;
  writerToken = (
    await createApiToken(app, 'custom', [
      'api::quote.quote.update',
      'api::quote.quote.create',
      'api::quote.quote.findOne',
      'api::person.person.update',
      'api::person.person.create',
      'api::person.person.delete',
      'api::source.source.update',
    ])
  ).auth;
  approverToken = (
    await createApiToken(app, 'custom', [
      'api::person.person.update',
      'plugin::editorial-workflow.state.transition',
    ])
  ).auth;

  const docs = app.strapi.documents.bind(app.strapi);
  const speaker = await docs(PERSON).create({ data: { name: 'Svetlana Tikhanovskaya' } });
  const source = await docs(SOURCE).create({ data: { name: 'Telegram channel' } });
  const title = 'Opposition leader rejects the talks';
  const story = await docs(ARTICLE).create({
    locale: 'en',
    data: { title, people: [speaker.documentId], sources: [source.documentId] },
  });
  const quote = await docs(QUOTE).create({
    locale: 'en',
    data: {
      text: '«All agreements signed with the illegitimate Lukashenko will be reviewed.»',
      verification: 'verified',
      speaker: speaker.documentId,
      source: source.documentId,
      article: { connect: [{ documentId: story.documentId, locale: 'en' }] },
    },
  });
  await publishThroughWorkflow(app, story.documentId);
  live = {
    documentId: story.documentId,
    quoteId: quote.documentId,
    speakerId: speaker.documentId,
    sourceId: source.documentId,
    title,
  };
});
afterAll(async () => {
  await app?.stop();
});

describe('class 1: reference data has one owner side', () => {
  it('regression: an Author creating a person connected to a live, verified quote is refused; the public story is unchanged', async () => {
    const before = await referenceState();
    const res = await app.request
      .post(cm(PERSON))
      .set(author.auth)
      .send({
        name: 'Impostor',
        quotes: { connect: [{ documentId: live.quoteId, locale: 'en' }] },
      });
    expectRefused(
      res,
      400,
      'ValidationError',
      "Link a quote to a person from the quote's speaker field"
    );
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['quotes']);
    expect(await referenceState()).toEqual(before);
    expect(before.story.quotes[0].speaker.name).toBe('Svetlana Tikhanovskaya');
  });

  it('every form of the inverse fields is refused, on create and update, in the Content Manager, REST and code', async () => {
    const spare = await app.strapi.documents(PERSON).create({ data: { name: 'Spare person' } });
    const spareSource = await app.strapi
      .documents(SOURCE)
      .create({ data: { name: 'Spare source' } });
    const quoteRow = await app.strapi.db
      .query(QUOTE)
      .findOne({ where: { documentId: live.quoteId, publishedAt: null } });
    const storyRow = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId: live.documentId, publishedAt: null } });
    const quoteForms = [
      [live.quoteId],
      [quoteRow.id],
      { connect: [live.quoteId] },
      { connect: [{ documentId: live.quoteId, locale: 'en', position: { end: true } }] },
      { disconnect: [{ id: quoteRow.id }] },
      { set: [{ documentId: live.quoteId, locale: 'en' }] },
    ];
    const before = await referenceState();

    for (const quotes of quoteForms) {
      const label = JSON.stringify(quotes);
      const cmUpdate = await app.request
        .put(cm(PERSON, `/${spare.documentId}`))
        .set(editor.auth)
        .send({ quotes });
      expectRefused(
        cmUpdate,
        400,
        'ValidationError',
        "Link a quote to a person from the quote's speaker field"
      );
      const rest = await app.request
        .put(`/api/people/${spare.documentId}`)
        .set(fullToken)
        .send({ data: { quotes } });
      expect(rest.status, label).toBe(400);
      expect(rest.body.error.name).toBe('ValidationError');
      const restCreate = await app.request
        .post('/api/people')
        .set(fullToken)
        .send({ data: { name: 'New', quotes } });
      expect(restCreate.status, label).toBe(400);
      await expect(
        app.strapi.documents(PERSON).update({ documentId: spare.documentId, data: { quotes } })
      ).rejects.toMatchObject({
        name: 'ValidationError',
        message: expect.stringContaining('speaker field'),
      });
    }
    const articleForms = [
      [live.documentId],
      [storyRow.id],
      { connect: [{ documentId: live.documentId, locale: 'en' }] },
    ];
    for (const articles of articleForms) {
      const onSource = await app.request
        .put(`/api/sources/${spareSource.documentId}`)
        .set(fullToken)
        .send({ data: { articles } });
      expectRefused(
        onSource,
        400,
        'ValidationError',
        "Cite a source in a story from the story's sources field"
      );
      const onPerson = await app.request
        .put(cm(PERSON, `/${spare.documentId}`))
        .set(chief.auth)
        .send({ articles });
      expectRefused(
        onPerson,
        400,
        'ValidationError',
        "Name a person in a story from the story's people field"
      );
    }
    const sourceQuotes = await app.request
      .put(`/api/sources/${spareSource.documentId}`)
      .set(fullToken)
      .send({ data: { quotes: [live.quoteId] } });
    expectRefused(
      sourceQuotes,
      400,
      'ValidationError',
      "Link a quote to a source from the quote's source field"
    );
    // Taking a live person's quotes away is a write of the same field.
    const unlink = await app.request
      .put(`/api/people/${live.speakerId}`)
      .set(fullToken)
      .send({ data: { quotes: [] } });
    expectRefused(unlink, 400, 'ValidationError', 'speaker field');
    expect(await referenceState()).toEqual(before);
  });

  it('the empty relation payloads the Content Manager sends are a no-op, not a refusal', async () => {
    const created = await app.request
      .post(cm(PERSON))
      .set(author.auth)
      .send({ name: 'Pavel Latushko', quotes: [], articles: { connect: [], disconnect: [] } });
    expect(created.status).toBe(201);
    const saved = await app.request
      .put(cm(PERSON, `/${created.body.data.documentId}`))
      .set(author.auth)
      .send({
        name: 'Pavel Latushka',
        quotes: { connect: [], disconnect: [] },
        articles: { connect: [], disconnect: [] },
      });
    expect(saved.status).toBe(200);
    expect(saved.body.data.name).toBe('Pavel Latushka');
    // Saving a live person with nothing changed in its links, as an editor.
    const liveSave = await app.request
      .put(cm(PERSON, `/${live.speakerId}`))
      .set(editor.auth)
      .send({ quotes: { connect: [], disconnect: [] } });
    expect(liveSave.status).toBe(200);
  });

  it('the inverse fields are hidden from the Content Manager and still readable over the API', async () => {
    const layout = await app.request
      .get(`/content-manager/content-types/${PERSON}/configuration`)
      .set(chief.auth);
    expect(layout.status).toBe(200);
    const edit = layout.body.data.contentType.layouts.edit.flat().map((f: any) => f.name);
    expect(edit).toContain('name');
    expect(edit).not.toContain('quotes');
    expect(edit).not.toContain('articles');
    const res = await app.request.get(
      `/api/people/${live.speakerId}?populate[0]=quotes&populate[1]=articles`
    );
    expect(res.status).toBe(200);
    expect(res.body.data.quotes.map((q: any) => q.documentId)).toEqual([live.quoteId]);
    expect(res.body.data.articles.map((a: any) => a.title)).toEqual([live.title]);
  });

  it('a person a live story shows is changed only by those who may approve stories', async () => {
    const before = await referenceState();
    const byAuthor = await app.request
      .put(cm(PERSON, `/${live.speakerId}`))
      .set(author.auth)
      .send({ name: 'Sviatlana' });
    expectRefused(byAuthor, 403, 'ForbiddenError', `«${live.title}» (en)`);
    expect(byAuthor.body.error.message).toContain(
      'Only those who may approve stories may change it'
    );
    const byToken = await app.request
      .put(`/api/people/${live.speakerId}`)
      .set(writerToken)
      .send({ data: { name: 'Sviatlana' } });
    expectRefused(byToken, 403, 'ForbiddenError', `«${live.title}» (en)`);
    const sourceByToken = await app.request
      .put(`/api/sources/${live.sourceId}`)
      .set(writerToken)
      .send({ data: { name: 'Telegram' } });
    expectRefused(sourceByToken, 403, 'ForbiddenError', `«${live.title}» (en)`);
    expect(await referenceState()).toEqual(before);

    // Fixing a misspelt name everywhere at once is what a newsroom wants: approvers may.
    for (const [name, send] of [
      [
        'Sviatlana Tsikhanouskaya',
        () =>
          app.request
            .put(cm(PERSON, `/${live.speakerId}`))
            .set(editor.auth)
            .send({ name: 'Sviatlana Tsikhanouskaya' }),
      ],
      [
        'Svetlana Tikhanovskaya',
        () =>
          app.request
            .put(`/api/people/${live.speakerId}`)
            .set(fullToken)
            .send({ data: { name: 'Svetlana Tikhanovskaya' } }),
      ],
      [
        'S. Tikhanovskaya',
        () =>
          app.request
            .put(`/api/people/${live.speakerId}`)
            .set(approverToken)
            .send({ data: { name: 'S. Tikhanovskaya' } }),
      ],
    ] as const) {
      const res = await send();
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((await fullView(live.documentId)).quotes[0].speaker.name).toBe(name);
    }
    const fromCode = await app.strapi
      .documents(PERSON)
      .update({ documentId: live.speakerId, data: { name: 'Svetlana Tikhanovskaya' } });
    expect(fromCode.name).toBe('Svetlana Tikhanovskaya');
  });

  it('deleting a person or source a live story shows is refused for everyone with 409, naming the story', async () => {
    const before = await referenceState();
    const byChief = await app.request.delete(cm(PERSON, `/${live.speakerId}`)).set(chief.auth);
    expectRefused(byChief, 409, 'ConflictError', `«${live.title}» (en)`);
    const byToken = await app.request.delete(`/api/sources/${live.sourceId}`).set(fullToken);
    expectRefused(
      byToken,
      409,
      'ConflictError',
      'cannot be deleted: live stories show this source'
    );
    await expect(
      app.strapi.documents(PERSON).delete({ documentId: live.speakerId })
    ).rejects.toMatchObject({ status: 409 });
    expect(await referenceState()).toEqual(before);
  });

  it('Authors read and pick every person and source, and edit those no live story shows', async () => {
    const other = await app.strapi.documents(PERSON).create({ data: { name: 'Created by code' } });
    const list = await app.request.get(cm(PERSON, '?pageSize=100')).set(author.auth);
    expect(list.status).toBe(200);
    expect(list.body.results.map((p: any) => p.documentId)).toEqual(
      expect.arrayContaining([other.documentId, live.speakerId])
    );
    const sources = await app.request.get(cm(SOURCE, '?pageSize=100')).set(author.auth);
    expect(sources.body.results.map((s: any) => s.documentId)).toContain(live.sourceId);
    const picker = await app.request
      .get(`/content-manager/relations/${QUOTE}/speaker?locale=en&pageSize=100`)
      .set(author.auth);
    expect(picker.status).toBe(200);
    expect(picker.body.results.map((p: any) => p.documentId)).toEqual(
      expect.arrayContaining([other.documentId, live.speakerId])
    );
    const picked = await app.request
      .post(cm(QUOTE, '?locale=en'))
      .set(author.auth)
      .send({
        text: '«Picked»',
        speaker: { connect: [{ documentId: live.speakerId }] },
        source: { connect: [{ documentId: live.sourceId }] },
      });
    expect(picked.status).toBe(201);
    const edited = await app.request
      .put(cm(PERSON, `/${other.documentId}`))
      .set(author.auth)
      .send({ role: 'Minister' });
    expect(edited.status).toBe(200);
    expect(edited.body.data.role).toBe('Minister');
  });

  it("a cloned person does not join its original's stories, and a clone body cannot link any", async () => {
    const before = await referenceState();
    const refused = await app.request
      .post(cm(PERSON, `/clone/${live.speakerId}`))
      .set(editor.auth)
      .send({ name: 'Copy', quotes: { connect: [{ documentId: live.quoteId, locale: 'en' }] } });
    expectRefused(refused, 400, 'ValidationError', "quote's speaker field");
    expect(await referenceState()).toEqual(before);

    const clone = await app.request
      .post(cm(PERSON, `/clone/${live.speakerId}`))
      .set(editor.auth)
      .send({ name: 'Copy of Svetlana' });
    expect(clone.status, JSON.stringify(clone.body)).toBe(200);
    const row = await app.strapi.db.query(PERSON).findOne({
      where: { documentId: clone.body.data.documentId },
      populate: ['quotes', 'articles'],
    });
    expect(row).toMatchObject({ name: 'Copy of Svetlana', quotes: [], articles: [] });
    expect(row.slug).toBe('copy-of-svetlana');
    const after = await referenceState();
    expect(after.story).toEqual(before.story);
    expect(after.workflow).toEqual(before.workflow);
  });
});

describe('class 4: a clone follows the create rules', () => {
  const cloneQuote = (who: Auth, body: object) =>
    app.request
      .post(cm(QUOTE, `/clone/${live.quoteId}?locale=en`))
      .set(who)
      .send(body);

  it('regression: a cloned quote is unverified with no verifier, whatever the body says', async () => {
    const res = await cloneQuote(editor.auth, {
      verification: 'verified',
      verificationNote: 'forged',
      verifiedBy: 'Fiona Factchecker',
      verifiedAt: '2001-01-01T00:00:00.000Z',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const row = await draftQuote(res.body.data.documentId);
    expect(row).toMatchObject({
      verification: 'unverified',
      verificationNote: null,
      verifiedBy: null,
      verifiedAt: null,
      verifiedByActor: null,
    });
    expect(row.text).toBe(
      '«All agreements signed with the illegitimate Lukashenko will be reviewed.»'
    );
    // The original keeps its verdict, live and draft.
    expect((await draftQuote(live.quoteId)).verification).toBe('verified');

    const byAuthor = await cloneQuote(author.auth, {});
    expect(byAuthor.status).toBe(200);
    expect(await draftQuote(byAuthor.body.data.documentId)).toMatchObject({
      verification: 'unverified',
      verifiedBy: null,
    });

    const fromCode = await app.strapi
      .documents(QUOTE)
      .clone({ documentId: live.quoteId, locale: 'en', data: { verification: 'verified' } as any });
    expect(await draftQuote(fromCode.documentId)).toMatchObject({
      verification: 'unverified',
      verifiedBy: null,
      verifiedAt: null,
    });
  });

  it('regression: a cloned quote with a javascript: URL is refused and nothing is created', async () => {
    const before = await app.strapi.db.query(QUOTE).count();
    const res = await cloneQuote(editor.auth, { url: 'javascript:alert(1)' });
    expectRefused(res, 400, 'ValidationError', 'url must be an http or https URL');
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['url']);
    const empty = await cloneQuote(editor.auth, { text: '  ' });
    expectRefused(empty, 400, 'ValidationError', 'text is required');
    expect(await app.strapi.db.query(QUOTE).count()).toBe(before);
  });

  it('regression: a cloned story gets a fresh unique slug; a taken one is refused', async () => {
    const draftQuotes = async () =>
      (
        await app.strapi.db.query(ARTICLE).findOne({
          where: { documentId: live.documentId, publishedAt: null },
          populate: ['quotes'],
        })
      ).quotes
        .map((q: any) => q.documentId)
        .sort();
    const original = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId: live.documentId, publishedAt: null } });
    const quotesBefore = await draftQuotes();
    const clone = await app.request
      .post(cm(ARTICLE, `/clone/${live.documentId}?locale=en`))
      .set(editor.auth)
      .send({ title: original.title, slug: original.slug });
    expect(clone.status, JSON.stringify(clone.body)).toBe(200);
    expect(clone.body.data.slug).toBe(`${original.slug}-2`);
    // The copy starts without quotes: Strapi would otherwise take them from the original.
    expect(await draftQuotes()).toEqual(quotesBefore);
    expect((await fullView(live.documentId)).quotes.map((q: any) => q.documentId)).toEqual([
      live.quoteId,
    ]);

    const before = await app.strapi.db.query(ARTICLE).count();
    const taken = await app.request
      .post(cm(ARTICLE, `/clone/${live.documentId}?locale=en`))
      .set(editor.auth)
      .send({ slug: `${original.slug}-2` });
    expectRefused(
      taken,
      400,
      'ValidationError',
      `slug "${original.slug}-2" is already used in locale en`
    );
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(before);

    const fromCode = await app.strapi
      .documents(ARTICLE)
      .clone({ documentId: live.documentId, locale: 'en', data: {} });
    expect(
      (await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: fromCode.documentId } }))
        .slug
    ).toBe(`${original.slug}-3`);
  });
});

describe("class 5: verification is the fact-checker's act", () => {
  /** A quote the author wrote in the Content Manager (Authors edit only their own). */
  const newQuote = async (text: string) => {
    const person = await app.strapi.documents(PERSON).create({ data: { name: `Speaker ${text}` } });
    const res = await app.request
      .post(cm(QUOTE, '?locale=en'))
      .set(author.auth)
      .send({ text, speaker: { connect: [{ documentId: person.documentId }] } });
    expect(res.status).toBe(201);
    return res.body.data.documentId as string;
  };

  it('regression: only holders of "Verify quotes" may set a verdict, over every API', async () => {
    const id = await newQuote('«Only checkers verify»');
    const refuse = 'Only holders of the "Verify quotes" permission (api::newsroom.verify-quotes)';

    // Authors: the fields are not theirs in the Content Manager, so the verdict stays put.
    const byAuthor = await app.request
      .put(cm(QUOTE, `/${id}?locale=en`))
      .set(author.auth)
      .send({ verification: 'verified', text: '«Only checkers verify»' });
    expect(byAuthor.status).toBe(200);
    expect(byAuthor.body.data.verification).toBe('unverified');
    const authorForm = await app.request
      .get(`/content-manager/content-types/${QUOTE}/configuration`)
      .set(author.auth);
    expect(authorForm.status).toBe(200);
    const permissions = await app.strapi.db.query('admin::permission').findMany({
      where: {
        role: { code: 'strapi-author' },
        subject: QUOTE,
        action: {
          $in: [
            'plugin::content-manager.explorer.create',
            'plugin::content-manager.explorer.update',
          ],
        },
      },
    });
    expect(permissions).toHaveLength(2);
    for (const p of permissions) {
      expect(p.properties.fields).toContain('text');
      expect(p.properties.fields).not.toContain('verification');
      expect(p.properties.fields).not.toContain('verificationNote');
    }

    // A role given the fields but not the permission, and a custom token: 403 naming it.
    const byDesk = await app.request
      .put(cm(QUOTE, `/${id}?locale=en`))
      .set(desk.auth)
      .send({ verification: 'verified' });
    expectRefused(byDesk, 403, 'ForbiddenError', refuse);
    const noteByDesk = await app.request
      .put(cm(QUOTE, `/${id}?locale=en`))
      .set(desk.auth)
      .send({ verificationNote: 'Looks fine' });
    expectRefused(noteByDesk, 403, 'ForbiddenError', 'verificationNote');
    const createByDesk = await app.request
      .post(cm(QUOTE, '?locale=en'))
      .set(desk.auth)
      .send({ text: '«x»', verification: 'verified' });
    expectRefused(createByDesk, 403, 'ForbiddenError', refuse);
    const cloneByDesk = await app.request
      .post(cm(QUOTE, `/clone/${id}?locale=en`))
      .set(desk.auth)
      .send({ verification: 'verified' });
    expectRefused(cloneByDesk, 403, 'ForbiddenError', refuse);
    const byToken = await app.request
      .put(`/api/quotes/${id}?status=draft`)
      .set(writerToken)
      .send({ data: { verification: 'verified' } });
    expectRefused(byToken, 403, 'ForbiddenError', refuse);
    const createByToken = await app.request
      .post('/api/quotes?status=draft')
      .set(writerToken)
      .send({ data: { text: '«y»', verification: 'disputed' } });
    expectRefused(createByToken, 403, 'ForbiddenError', refuse);
    expect(await draftQuote(id)).toMatchObject({
      verification: 'unverified',
      verificationNote: null,
      verifiedBy: null,
    });
    // Sending the stored verdict again is not a change.
    const resend = await app.request
      .put(`/api/quotes/${id}?status=draft`)
      .set(writerToken)
      .send({ data: { verification: 'unverified', context: 'At a rally' } });
    expect(resend.status).toBe(200);

    // The fact-checker may; who verified is recorded as an identity, shown as a name only.
    const byChecker = await app.request
      .put(cm(QUOTE, `/${id}?locale=en`))
      .set(factChecker.auth)
      .send({ verification: 'verified', verificationNote: 'Video checked' });
    expect(byChecker.status).toBe(200);
    expect(byChecker.body.data).toMatchObject({
      verification: 'verified',
      verifiedBy: 'Fiona Factchecker Tester',
    });
    expect((await draftQuote(id)).verifiedByActor).toEqual({
      type: 'admin',
      id: factChecker.user.id,
      name: 'Fiona Factchecker Tester',
    });
    const read = await app.request.get(`/api/quotes/${id}?status=draft`).set(fullToken);
    expect(read.body.data.verifiedBy).toBe('Fiona Factchecker Tester');
    expect(read.body.data).not.toHaveProperty('verifiedByActor');

    // Editors hold it by default; full-access tokens and code may too.
    const byEditor = await app.request
      .put(cm(QUOTE, `/${id}?locale=en`))
      .set(editor.auth)
      .send({ verification: 'disputed', verificationNote: 'The date is wrong' });
    expect(byEditor.body.data).toMatchObject({
      verification: 'disputed',
      verifiedBy: 'Eddie Editor Tester',
    });
    const byFull = await app.request
      .put(`/api/quotes/${id}?status=draft`)
      .set(fullToken)
      .send({ data: { verification: 'verified' } });
    expect(byFull.status).toBe(200);
    expect(byFull.body.data.verifiedBy).toMatch(/^API token "test-full-access-[0-9a-f]+"$/);
    const fromCode = await app.strapi.documents(QUOTE).update({
      documentId: id,
      locale: 'en',
      data: { verification: 'unverifiable', verificationNote: 'No recording exists' },
    });
    expect(fromCode.verifiedBy).toBe('system');

    const granted = await app.strapi.db
      .query('admin::permission')
      .findMany({ where: { action: 'api::newsroom.verify-quotes' }, populate: ['role'] });
    expect(granted.map((p: any) => p.role.name).sort()).toEqual([
      'Editor',
      'Fact-checker',
      'Super Admin',
    ]);
  });

  it('a verdict against the quote (disputed, misattributed, unverifiable) needs a note, over every API', async () => {
    const id = await newQuote('«Say why»');
    const needsNote = (verdict: string) =>
      `verificationNote is required when verification is ${verdict}: say why`;
    const expectNoteRefusal = (res: any, verdict: string) => {
      expectRefused(res, 400, 'ValidationError', needsNote(verdict));
      expect(res.body.error.details.errors).toEqual([
        expect.objectContaining({
          path: ['verificationNote'],
          message: needsNote(verdict),
          name: 'ValidationError',
        }),
      ]);
    };
    const untouched = { verification: 'unverified', verificationNote: null, verifiedBy: null };

    // The Content Manager (the panel's route), without a note or with a blank one.
    expectNoteRefusal(
      await app.request
        .put(cm(QUOTE, `/${id}?locale=en`))
        .set(factChecker.auth)
        .send({ verification: 'disputed' }),
      'disputed'
    );
    expectNoteRefusal(
      await app.request
        .put(cm(QUOTE, `/${id}?locale=en`))
        .set(factChecker.auth)
        .send({ verification: 'misattributed', verificationNote: '   ' }),
      'misattributed'
    );
    // REST, update and create; code.
    expectNoteRefusal(
      await app.request
        .put(`/api/quotes/${id}?status=draft`)
        .set(fullToken)
        .send({ data: { verification: 'unverifiable' } }),
      'unverifiable'
    );
    const quotes = await app.strapi.db.query(QUOTE).count();
    expectNoteRefusal(
      await app.request
        .post('/api/quotes?status=draft')
        .set(fullToken)
        .send({ data: { text: '«New and doubtful»', verification: 'disputed' } }),
      'disputed'
    );
    await expect(
      app.strapi
        .documents(QUOTE)
        .update({ documentId: id, locale: 'en', data: { verification: 'misattributed' } })
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: needsNote('misattributed'),
      details: { errors: [expect.objectContaining({ path: ['verificationNote'] })] },
    });
    expect(await app.strapi.db.query(QUOTE).count()).toBe(quotes);
    expect(await draftQuote(id)).toMatchObject(untouched);

    // With a note it is written; the note cannot then be emptied while the verdict stands.
    const withNote = await app.request
      .put(cm(QUOTE, `/${id}?locale=en`))
      .set(factChecker.auth)
      .send({ verification: 'disputed', verificationNote: 'The video has other words' });
    expect(withNote.status).toBe(200);
    expectNoteRefusal(
      await app.request
        .put(cm(QUOTE, `/${id}?locale=en`))
        .set(factChecker.auth)
        .send({ verificationNote: '' }),
      'disputed'
    );
    expect(await draftQuote(id)).toMatchObject({
      verification: 'disputed',
      verificationNote: 'The video has other words',
    });
    // Verified or back to unverified needs none.
    const verified = await app.request
      .put(cm(QUOTE, `/${id}?locale=en`))
      .set(factChecker.auth)
      .send({ verification: 'verified', verificationNote: '' });
    expect(verified.status).toBe(200);

    // A clone starts unverified, so a disputed original clones without a word.
    await app.strapi.documents(QUOTE).update({
      documentId: id,
      locale: 'en',
      data: { verification: 'disputed', verificationNote: 'Wrong date' },
    });
    const clone = await app.request
      .post(cm(QUOTE, `/clone/${id}?locale=en`))
      .set(editor.auth)
      .send({});
    expect(clone.status, JSON.stringify(clone.body)).toBe(200);
    expect(await draftQuote(clone.body.data.documentId)).toMatchObject(untouched);

    // A quote disputed before the rule, without a note, still saves; the next verdict needs one.
    await app.strapi.db
      .query(QUOTE)
      .updateMany({ where: { documentId: id }, data: { verificationNote: null } });
    const context = await app.request
      .put(cm(QUOTE, `/${id}?locale=en`))
      .set(factChecker.auth)
      .send({ context: 'At a press conference', verification: 'disputed' });
    expect(context.status, JSON.stringify(context.body)).toBe(200);
    expect(context.body.data).toMatchObject({ verification: 'disputed', verificationNote: null });
    expectNoteRefusal(
      await app.request
        .put(cm(QUOTE, `/${id}?locale=en`))
        .set(factChecker.auth)
        .send({ verification: 'unverifiable' }),
      'unverifiable'
    );
  });

  it('regression: a verified quote whose content changes goes back to unverified (draft only), recording who', async () => {
    const otherPerson = await app.strapi
      .documents(PERSON)
      .create({ data: { name: 'Someone else' } });
    const otherSource = await app.strapi
      .documents(SOURCE)
      .create({ data: { name: 'Another source' } });
    const changes: [string, Record<string, unknown>][] = [
      ['text', { text: '«Reworded»' }],
      ['originalText', { originalText: 'Все соглашения' }],
      ['originalLanguage', { originalLanguage: 'be' }],
      ['saidAt', { saidAt: '2020-09-14' }],
      ['url', { url: 'https://t.me/tsikhanouskaya/1' }],
      ['speaker by connect', { speaker: { connect: [{ documentId: otherPerson.documentId }] } }],
      ['source by connect', { source: { connect: [{ documentId: otherSource.documentId }] } }],
      [
        'speaker by disconnect',
        { speaker: { disconnect: [{ documentId: otherPerson.documentId }] } },
      ],
    ];
    const id = await newQuote('«Words to check»');
    for (const [label, data] of changes) {
      await app.strapi
        .documents(QUOTE)
        .update({ documentId: id, locale: 'en', data: { verification: 'verified' } });
      const res = await app.request
        .put(cm(QUOTE, `/${id}?locale=en`))
        .set(author.auth)
        .send(data);
      expect(res.status, label).toBe(200);
      expect(res.body.data.verification, label).toBe('unverified');
      const row = await draftQuote(id);
      expect(row, label).toMatchObject({
        verification: 'unverified',
        verifiedBy: 'Alex Author Tester',
        verifiedByActor: { type: 'admin', id: author.user.id },
      });
      expect(Date.now() - Date.parse(row.verifiedAt), label).toBeLessThan(60_000);
    }

    // By REST and code too; a write that changes nothing keeps the verdict.
    await app.strapi
      .documents(QUOTE)
      .update({ documentId: id, locale: 'en', data: { verification: 'verified' } });
    const same = await app.request
      .put(`/api/quotes/${id}?status=draft`)
      .set(writerToken)
      .send({ data: { text: '«Reworded»' } });
    expect(same.body.data.verification).toBe('verified');
    const changed = await app.request
      .put(`/api/quotes/${id}?status=draft`)
      .set(writerToken)
      .send({ data: { text: '«Reworded again»' } });
    expect(changed.body.data.verification).toBe('unverified');
    await app.strapi
      .documents(QUOTE)
      .update({ documentId: id, locale: 'en', data: { verification: 'verified' } });
    const fromCode = await app.strapi
      .documents(QUOTE)
      .update({ documentId: id, locale: 'en', data: { speaker: otherPerson.documentId } });
    expect(fromCode.verification).toBe('unverified');

    // The Content Manager sends the stored verdict with every save: that is not a new verdict.
    await app.strapi
      .documents(QUOTE)
      .update({ documentId: id, locale: 'en', data: { verification: 'verified' } });
    const editorSave = await app.request
      .put(cm(QUOTE, `/${id}?locale=en`))
      .set(editor.auth)
      .send({ text: '«Edited by the editor»', verification: 'verified' });
    expect(editorSave.body.data.verification).toBe('unverified');
    // A verify holder who changes the words and gives a new verdict in one write means it.
    const explicit = await app.request
      .put(cm(QUOTE, `/${id}?locale=en`))
      .set(factChecker.auth)
      .send({ verification: 'disputed', verificationNote: 'Not what the tape says' });
    expect(explicit.status).toBe(200);
    const both = await app.request
      .put(cm(QUOTE, `/${id}?locale=en`))
      .set(editor.auth)
      .send({ text: '«Final words»', verification: 'verified' });
    expect(both.body.data).toMatchObject({
      verification: 'verified',
      verifiedBy: 'Eddie Editor Tester',
    });
  });

  it("regression (model, seed 72026): deleting a quote's speaker or source sends its draft back to unverified, recording who", async () => {
    const docs = app.strapi.documents.bind(app.strapi);
    // The author's own person (Authors delete what they created).
    const created = await app.request
      .post(cm(PERSON))
      .set(author.auth)
      .send({ name: 'Speaker to be deleted' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const speaker = created.body.data;
    const source = await docs(SOURCE).create({ data: { name: 'Source to be deleted' } });
    const bystander = await docs(PERSON).create({ data: { name: 'Speaker who stays' } });
    const story = await docs(ARTICLE).create({
      locale: 'en',
      data: { title: 'Taken down, then its speaker deleted' },
    });
    const quote = await docs(QUOTE).create({
      locale: 'en',
      data: {
        text: '«Words whose speaker goes away»',
        verification: 'verified',
        speaker: speaker.documentId,
        source: source.documentId,
        article: { connect: [{ documentId: story.documentId, locale: 'en' }] },
      },
    });
    const other = await docs(QUOTE).create({
      locale: 'en',
      data: {
        text: '«Words of someone who stays»',
        verification: 'verified',
        speaker: bystander.documentId,
      },
    });
    // Live: the speaker cannot go (409, the existing rule); taken down, the author may delete it.
    await publishThroughWorkflow(app, story.documentId);
    const refused = await app.request.delete(cm(PERSON, `/${speaker.documentId}`)).set(author.auth);
    expectRefused(
      refused,
      409,
      'ConflictError',
      'cannot be deleted: live stories show this person'
    );
    await app.strapi
      .plugin('editorial-workflow')
      .service('workflow')
      .transition(
        { uid: ARTICLE, documentId: story.documentId, locale: 'en' },
        { transition: 'retract', comment: 'Taken down for the test' },
        { type: 'system', id: null, name: 'test editor' },
        () => true
      );

    const deleted = await app.request.delete(cm(PERSON, `/${speaker.documentId}`)).set(author.auth);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    const afterPerson = await app.strapi.db.query(QUOTE).findOne({
      where: { documentId: quote.documentId, locale: 'en', publishedAt: null },
      populate: ['speaker', 'source'],
    });
    expect(afterPerson).toMatchObject({
      speaker: null,
      verification: 'unverified',
      verifiedBy: 'Alex Author Tester',
      verifiedByActor: { type: 'admin', id: author.user.id },
    });
    expect(afterPerson.source).toMatchObject({ documentId: source.documentId });
    expect(Date.now() - Date.parse(afterPerson.verifiedAt)).toBeLessThan(60_000);
    // A quote that names someone else keeps its verdict.
    expect((await draftQuote(other.documentId)).verification).toBe('verified');

    // Over REST (a full-access token) for the source, after a fact-checker's new verdict.
    await docs(QUOTE).update({
      documentId: quote.documentId,
      locale: 'en',
      data: { verification: 'verified' },
    });
    const viaRest = await app.request.delete(`/api/sources/${source.documentId}`).set(fullToken);
    expect(viaRest.status, JSON.stringify(viaRest.body)).toBe(204);
    expect(await draftQuote(quote.documentId)).toMatchObject({
      verification: 'unverified',
      verifiedBy: expect.stringContaining('API token'),
    });

    // And from code.
    await docs(PERSON).delete({ documentId: bystander.documentId });
    expect(await draftQuote(other.documentId)).toMatchObject({ verification: 'unverified' });
  });

  it('the live version of an edited quote keeps its approved verdict until the next approval', async () => {
    const res = await app.request
      .put(cm(QUOTE, `/${live.quoteId}?locale=en`))
      .set(editor.auth)
      .send({ text: '«Unreviewed rewording»' });
    expect(res.status).toBe(200);
    expect((await draftQuote(live.quoteId)).verification).toBe('unverified');
    const published = await app.strapi.db.query(QUOTE).findOne({
      where: { documentId: live.quoteId, locale: 'en', publishedAt: { $notNull: true } },
    });
    expect(published).toMatchObject({
      verification: 'verified',
      text: '«All agreements signed with the illegitimate Lukashenko will be reviewed.»',
    });
    const story = await fullView(live.documentId);
    expect(story.quotes[0]).toMatchObject({ verification: 'verified', text: published.text });

    // Discarding the draft brings back the approved words with the approved verdict and its stamp.
    const discard = await app.request
      .post(cm(QUOTE, `/${live.quoteId}/actions/discard?locale=en`))
      .set(editor.auth)
      .send({});
    expect(discard.status, JSON.stringify(discard.body)).toBe(200);
    expect(await draftQuote(live.quoteId)).toMatchObject({
      text: published.text,
      verification: 'verified',
      verifiedBy: published.verifiedBy,
    });
  });

  it('regression: the quotes-verified guard does not count a verification by a participant of the round', async () => {
    const story = await app.strapi
      .documents(ARTICLE)
      .create({ locale: 'en', data: { title: 'Self-checked story' } });
    const person = await app.strapi
      .documents(PERSON)
      .create({ data: { name: 'Self-checked speaker' } });
    const quote = await app.strapi.documents(QUOTE).create({
      locale: 'en',
      data: {
        text: '«Checked by my own writer»',
        speaker: person.documentId,
        article: { connect: [{ documentId: story.documentId, locale: 'en' }] },
      },
    });
    const verify = await app.request
      .put(cm(QUOTE, `/${quote.documentId}?locale=en`))
      .set(editor.auth)
      .send({ verification: 'verified' });
    expect(verify.status).toBe(200);
    const guards = app.strapi.plugin('editorial-workflow').service('guards');
    const target = { uid: ARTICLE, documentId: story.documentId, locale: 'en' };
    const editorTookPart = (actor: { type: string; id: number | null }) =>
      actor.type === 'admin' && actor.id === editor.user.id;
    expect(
      await guards.run(['quotes-verified'], { ...target, isParticipant: editorTookPart })
    ).toEqual([
      'The quote «Checked by my own writer» was verified by its own writer/submitter (Eddie Editor Tester): another fact-checker must verify it.',
    ]);
    expect(
      await guards.run(['quotes-verified'], { ...target, isParticipant: () => false })
    ).toEqual([]);
    expect(await guards.run(['quotes-verified'], target)).toEqual([]);
  });

  it('regression: through the workflow, a story whose writer verified its quote is not approved until another checker confirms it', async () => {
    const person = await app.strapi.documents(PERSON).create({ data: { name: 'Round speaker' } });
    const story = await app.request
      .post(cm(ARTICLE, '?locale=en'))
      .set(editor.auth)
      .send({ title: 'Written and checked by one editor' });
    expect(story.status).toBe(201);
    const storyId = story.body.data.documentId;
    const quote = await app.request
      .post(cm(QUOTE, '?locale=en'))
      .set(editor.auth)
      .send({
        text: '«My own words, checked by me»',
        verification: 'verified',
        speaker: { connect: [{ documentId: person.documentId }] },
        article: { connect: [{ documentId: storyId, locale: 'en' }] },
      });
    expect(quote.status).toBe(201);
    expect(quote.body.data.verifiedBy).toBe('Eddie Editor Tester');
    const url = `/editorial-workflow/state/${ARTICLE}/${storyId}/transition?locale=en`;
    expect(
      (await app.request.post(url).set(editor.auth).send({ transition: 'submit' })).status
    ).toBe(200);

    const before = await snapshot(app, storyId);
    const refused = await app.request
      .post(url)
      .set(factChecker.auth)
      .send({ transition: 'approve' });
    expectRefused(refused, 400, 'ValidationError', 'verified by its own writer/submitter');
    expect(refused.body.error.details.problems).toEqual([
      'The quote «My own words, checked by me» was verified by its own writer/submitter (Eddie Editor Tester): another fact-checker must verify it.',
    ]);
    expect(await snapshot(app, storyId)).toEqual(before);

    // The fact-checker confirms it with a note of their own (verdict work: the round stays as it is).
    const confirm = await app.request
      .put(cm(QUOTE, `/${quote.body.data.documentId}?locale=en`))
      .set(factChecker.auth)
      .send({ verificationNote: 'Checked against the recording' });
    expect(confirm.body.data).toMatchObject({
      verification: 'verified',
      verifiedBy: 'Fiona Factchecker Tester',
    });
    const approved = await app.request
      .post(url)
      .set(factChecker.auth)
      .send({ transition: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.data.stage).toBe('published');
  });
});
