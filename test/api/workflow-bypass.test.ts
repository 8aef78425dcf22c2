// Publishing only through the workflow: every other way to publish or unpublish an article, or a
// quote linked to one, is refused with an error naming the workflow, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, publishThroughWorkflow } from '../helpers/identities';
import { ARTICLE, createStory, QUOTE, snapshot } from '../helpers/workflow';

let app: Awaited<ReturnType<typeof startTestApp>>;
let chief: Record<string, string>;
let token: Record<string, string>;
let draft: { documentId: string; quoteIds: string[] };
let live: { documentId: string; quoteIds: string[] };

const CM = '/content-manager/collection-types';
const WORKFLOW_MESSAGE = /only through the editorial workflow/;

const counts = async () => ({
  articles: await app.strapi.db
    .query(ARTICLE)
    .count({ where: { publishedAt: { $notNull: true } } }),
  quotes: await app.strapi.db.query(QUOTE).count({ where: { publishedAt: { $notNull: true } } }),
  allArticles: await app.strapi.db.query(ARTICLE).count(),
});

beforeAll(async () => {
  app = await startTestApp();
  chief = (await createAdmin(app, 'strapi-super-admin', 'Chief')).auth;
  token = (await createApiToken(app, 'full-access')).auth;
  draft = await createStory(app, 'Unapproved story', {
    quotes: [{ text: '«Unchecked»', verification: 'verified' }],
  });
  live = await createStory(app, 'Approved story', {
    quotes: [{ text: '«Checked»', verification: 'verified' }],
  });
  await publishThroughWorkflow(app, live.documentId);
});
afterAll(async () => {
  await app?.stop();
});

const expectRefused = (res: any) => {
  expect(res.status, JSON.stringify(res.body)).toBe(403);
  expect(res.body.data).toBeNull();
  expect(res.body.error.name).toBe('ForbiddenError');
  expect(res.body.error.message).toMatch(WORKFLOW_MESSAGE);
};

describe('HTTP routes', () => {
  const ROUTES: [string, () => Promise<any>][] = [
    [
      'Content Manager: Publish',
      () =>
        app.request
          .post(`${CM}/${ARTICLE}/${draft.documentId}/actions/publish?locale=en`)
          .set(chief)
          .send({}),
    ],
    [
      'Content Manager: create and publish',
      () =>
        app.request
          .post(`${CM}/${ARTICLE}/actions/publish?locale=en`)
          .set(chief)
          .send({ title: 'Sneaked in' }),
    ],
    [
      'Content Manager: Unpublish',
      () =>
        app.request
          .post(`${CM}/${ARTICLE}/${live.documentId}/actions/unpublish?locale=en`)
          .set(chief)
          .send({}),
    ],
    [
      'Content Manager: bulk publish',
      () =>
        app.request
          .post(`${CM}/${ARTICLE}/actions/bulkPublish?locale=en`)
          .set(chief)
          .send({ documentIds: [draft.documentId] }),
    ],
    [
      'Content Manager: bulk unpublish',
      () =>
        app.request
          .post(`${CM}/${ARTICLE}/actions/bulkUnpublish?locale=en`)
          .set(chief)
          .send({ documentIds: [live.documentId] }),
    ],
    [
      'Content Manager: publish a linked quote',
      () =>
        app.request
          .post(`${CM}/${QUOTE}/${draft.quoteIds[0]}/actions/publish?locale=en`)
          .set(chief)
          .send({}),
    ],
    [
      'Content Manager: unpublish a linked quote',
      () =>
        app.request
          .post(`${CM}/${QUOTE}/${live.quoteIds[0]}/actions/unpublish?locale=en`)
          .set(chief)
          .send({}),
    ],
    [
      'REST POST (published by default)',
      () =>
        app.request
          .post('/api/articles')
          .set(token)
          .send({ data: { title: 'Straight to readers' } }),
    ],
    [
      'REST POST ?status=published',
      () =>
        app.request
          .post('/api/articles?status=published')
          .set(token)
          .send({ data: { title: 'Straight to readers' } }),
    ],
    [
      'REST PUT (published by default)',
      () =>
        app.request
          .put(`/api/articles/${draft.documentId}`)
          .set(token)
          .send({ data: { title: 'Edited and out' } }),
    ],
    [
      'REST PUT of a linked quote',
      () =>
        app.request
          .put(`/api/quotes/${draft.quoteIds[0]}`)
          .set(token)
          .send({ data: { context: 'x' } }),
    ],
    [
      'REST POST of a quote linked at birth',
      () =>
        app.request
          .post('/api/quotes')
          .set(token)
          .send({
            data: {
              text: '«New»',
              article: { connect: [{ documentId: draft.documentId, locale: 'en' }] },
            },
          }),
    ],
  ];

  it.each(ROUTES)('%s is refused, nothing changes', async (_name, send) => {
    const before = [
      await counts(),
      await snapshot(app, draft.documentId),
      await snapshot(app, live.documentId),
    ];
    expectRefused(await send());
    expect([
      await counts(),
      await snapshot(app, draft.documentId),
      await snapshot(app, live.documentId),
    ]).toEqual(before);
  });

  it('deleting a live story is refused until it is retracted', async () => {
    const res = await app.request
      .delete(`${CM}/${ARTICLE}/${live.documentId}?locale=en`)
      .set(chief);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/is live: retract it through the editorial workflow/);
    const rest = await app.request.delete(`/api/articles/${live.documentId}`).set(token);
    expect(rest.status).toBe(403);
    expect((await snapshot(app, live.documentId)).published).toBe(1);
  });

  it('saving a draft is still fine: REST with ?status=draft and the Content Manager', async () => {
    const rest = await app.request
      .put(`/api/articles/${draft.documentId}?status=draft`)
      .set(token)
      .send({ data: { dateline: 'Minsk' } });
    expect(rest.status).toBe(200);
    const cm = await app.request
      .put(`${CM}/${ARTICLE}/${draft.documentId}?locale=en`)
      .set(chief)
      .send({ dateline: 'Sochi' });
    expect(cm.status).toBe(200);
  });
});

describe('code', () => {
  const documents = () => app.strapi.documents(ARTICLE);
  const CALLS: [string, () => Promise<unknown>][] = [
    [
      'documents().publish()',
      () => documents().publish({ documentId: draft.documentId, locale: 'en' }),
    ],
    [
      'documents().publish() every locale',
      () => documents().publish({ documentId: draft.documentId, locale: '*' }),
    ],
    [
      'documents().unpublish()',
      () => documents().unpublish({ documentId: live.documentId, locale: 'en' }),
    ],
    [
      'documents().create({ status: published })',
      () => documents().create({ data: { title: 'From code' }, status: 'published' }),
    ],
    [
      'documents().update({ status: published })',
      () =>
        documents().update({
          documentId: draft.documentId,
          data: { title: 'x' },
          status: 'published',
        }),
    ],
    [
      'a linked quote: publish()',
      () => app.strapi.documents(QUOTE).publish({ documentId: draft.quoteIds[0], locale: 'en' }),
    ],
    [
      'a linked quote: unpublish()',
      () => app.strapi.documents(QUOTE).unpublish({ documentId: live.quoteIds[0], locale: 'en' }),
    ],
  ];

  it.each(CALLS)('%s is refused, nothing changes', async (_name, call) => {
    const before = await counts();
    await expect(call()).rejects.toThrow(WORKFLOW_MESSAGE);
    expect(await counts()).toEqual(before);
  });

  it('a quote in no story is published only through the workflow too: nobody approved it', async () => {
    const quote = await app.strapi.documents(QUOTE).create({ data: { text: '«Standalone»' } });
    await expect(
      app.strapi.documents(QUOTE).publish({ documentId: quote.documentId })
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(WORKFLOW_MESSAGE),
    });
    const rest = await app.request
      .post('/api/quotes')
      .set(token)
      .send({ data: { text: '«Standalone, over REST»' } });
    expectRefused(rest);
    expect(
      await app.strapi.db
        .query(QUOTE)
        .count({ where: { documentId: quote.documentId, publishedAt: { $notNull: true } } })
    ).toBe(0);
  });
});

describe('all or nothing', () => {
  it('if publishing fails half-way, the move is rolled back: no state change, no history, nothing live', async () => {
    const story = await createStory(app, 'Half-way', {
      quotes: [
        { text: '«a»', verification: 'verified' },
        { text: '«b»', verification: 'verified' },
      ],
    });
    const workflow = app.strapi.plugin('editorial-workflow').service('workflow');
    const target = { uid: ARTICLE, documentId: story.documentId, locale: 'en' };
    await workflow.transition(
      target,
      { transition: 'submit' },
      { type: 'system', id: null, name: 'w' },
      () => true
    );
    let failOn: string | null = story.quoteIds[1];
    app.strapi.documents.use(async (ctx: any, next: any) => {
      if (ctx.action === 'publish' && ctx.params.documentId === failOn)
        throw new Error('disk full');
      return next();
    });
    const before = await snapshot(app, story.documentId);
    await expect(
      workflow.transition(
        target,
        { transition: 'approve' },
        { type: 'system', id: null, name: 'c' },
        () => true
      )
    ).rejects.toThrow('disk full');
    expect(await snapshot(app, story.documentId)).toEqual(before);
    expect(
      await app.strapi.db
        .query(QUOTE)
        .count({ where: { documentId: story.quoteIds[0], publishedAt: { $notNull: true } } })
    ).toBe(0);
    failOn = null;
    await workflow.transition(
      target,
      { transition: 'approve' },
      { type: 'system', id: null, name: 'c' },
      () => true
    );
    expect((await snapshot(app, story.documentId)).published).toBe(1);
  });
});
