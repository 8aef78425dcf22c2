// Editors' preview (README, "Preview for editors"): the Content Manager's preview URL carries a
// short-lived token that opens the working copy of one story locale through
// GET /api/articles/:documentId/preview, and nothing else, for nobody who may not read the story.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPreviewToken } from '../../src/content/preview-token';
import { createAdmin, createApiToken, publishThroughWorkflow } from '../helpers/identities';
import { startTestApp } from '../helpers/strapi';
import { ARTICLE, createStory, giveStoryTo, QUOTE } from '../helpers/workflow';

const SECRET = 'preview-test-secret-0123456789-abcdefghij';
const FRONTEND = 'https://news.example/site';
const TTL = 600;

type Admin = Awaited<ReturnType<typeof createAdmin>>;
let app: Awaited<ReturnType<typeof startTestApp>>;
let editor: Admin;
let ada: Admin;
let bob: Admin;

/** A story published as "Published title", whose working copy is now "Draft title" with a new quote. */
let live: { documentId: string; quoteIds: string[]; speakerId: string };
/** A story never published, whose every word is unapproved. */
let secret: { documentId: string; quoteIds: string[]; speakerId: string };
/** Ada's own story (Authors read only their own). */
let adas: { documentId: string; quoteIds: string[]; speakerId: string };
let strayQuote: string;
let sourceId: string;

const urlRoute = (uid: string, query: string) => `/content-manager/preview/url/${uid}?${query}`;
const previewPath = (documentId: string, locale = 'en') =>
  `/api/articles/${documentId}/preview?locale=${locale}`;
const withToken = (token: string) => ({ Authorization: `Preview ${token}` });
const tokenFor = (documentId: string, { locale = 'en', ttlSeconds = TTL, now = Date.now() } = {}) =>
  signPreviewToken({ uid: ARTICLE, documentId, locale }, SECRET, { ttlSeconds, now }).token;

/** The token in a preview URL the admin got. */
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

const expectError = (res: any, status: number, name: string, message: RegExp | string) => {
  expect(res.status).toBe(status);
  expect(res.body.data).toBeNull();
  expect(res.body.error.name).toBe(name);
  if (typeof message === 'string') expect(res.body.error.message).toBe(message);
  else expect(res.body.error.message).toMatch(message);
};

beforeAll(async () => {
  app = await startTestApp({
    PREVIEW_URL: `${FRONTEND}/`,
    PREVIEW_SECRET: SECRET,
    PREVIEW_TOKEN_TTL_SECONDS: String(TTL),
  });
  editor = await createAdmin(app, 'strapi-editor', 'Eddie');
  ada = await createAdmin(app, 'strapi-author', 'Ada');
  bob = await createAdmin(app, 'strapi-author', 'Bob');

  const source = await app.strapi
    .documents('api::source.source')
    .create({ data: { name: 'Preview Agency', reliability: 'A' } });
  sourceId = source.documentId;
  const person = await app.strapi
    .documents('api::person.person')
    .create({ data: { name: 'Named Person' } });

  live = await createStory(app, 'Published title');
  const approvedQuote = await app.strapi.documents(QUOTE).create({
    locale: 'en',
    data: {
      text: '«Approved words»',
      verification: 'verified',
      speaker: live.speakerId,
      source: sourceId,
      article: { connect: [{ documentId: live.documentId, locale: 'en' }] },
    },
  });
  live.quoteIds.push(approvedQuote.documentId);
  await app.strapi.documents(ARTICLE).update({
    documentId: live.documentId,
    locale: 'en',
    data: {
      people: [person.documentId],
      sources: [sourceId],
    },
  });
  await publishThroughWorkflow(app, live.documentId);
  // The working copy moves on: a new title and a new, unapproved quote by the same speaker.
  await app.strapi.documents(ARTICLE).update({
    documentId: live.documentId,
    locale: 'en',
    data: { title: 'Draft title', standfirst: 'Draft standfirst' },
  });
  await app.strapi.documents(QUOTE).create({
    locale: 'en',
    data: {
      text: '«Draft-only words»',
      speaker: live.speakerId,
      article: { connect: [{ documentId: live.documentId, locale: 'en' }] },
    },
  });

  // Another story, never published, sharing the speaker, the person and the source.
  secret = await createStory(app, 'Secret other story', {
    quotes: [{ text: '«Other story words»' }],
  });
  await app.strapi.documents(QUOTE).update({
    documentId: secret.quoteIds[0],
    locale: 'en',
    data: { speaker: live.speakerId, source: sourceId },
  });
  await app.strapi.documents(ARTICLE).update({
    documentId: secret.documentId,
    locale: 'en',
    data: { people: [person.documentId], sources: [sourceId], standfirst: 'Other standfirst' },
  });

  adas = await createStory(app, 'Ada story', { quotes: [{ text: '«Ada quote»' }] });
  await giveStoryTo(app, adas.documentId, ada.user.id);
  for (const id of adas.quoteIds) {
    const rows = await app.strapi.db.query(QUOTE).findMany({ where: { documentId: id } });
    for (const row of rows)
      await app.strapi.db
        .query(QUOTE)
        .update({ where: { id: row.id }, data: { createdBy: ada.user.id } });
  }
  strayQuote = (
    await app.strapi.documents(QUOTE).create({ locale: 'en', data: { text: '«In no story»' } })
  ).documentId;
}, 180_000);

afterAll(async () => {
  await app?.stop();
});

describe('the Content Manager preview URL', () => {
  it('gives an editor the frontend page with a token for the working copy', async () => {
    const res = await app.request
      .get(urlRoute(ARTICLE, `documentId=${live.documentId}&locale=en&status=draft`))
      .set(editor.auth);
    expect(res.status).toBe(200);
    const url = new URL(res.body.data.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${FRONTEND}/preview`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      uid: ARTICLE,
      documentId: live.documentId,
      locale: 'en',
      status: 'draft',
      token: expect.stringMatching(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/),
    });
    // It lives PREVIEW_TOKEN_TTL_SECONDS.
    const payload = JSON.parse(
      Buffer.from(tokenOf(res.body.data.url).split('.')[0], 'base64url').toString()
    );
    expect(payload.exp * 1000 - Date.now()).toBeGreaterThan((TTL - 30) * 1000);
    expect(payload.exp * 1000 - Date.now()).toBeLessThanOrEqual(TTL * 1000);
  });

  it('opens the live page without a token for the published version', async () => {
    const res = await app.request
      .get(urlRoute(ARTICLE, `documentId=${live.documentId}&locale=en&status=published`))
      .set(editor.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.url).toBe(
      `${FRONTEND}/preview?uid=api%3A%3Aarticle.article&documentId=${live.documentId}&locale=en&status=published`
    );
  });

  it('previews a quote as the story it belongs to, and a quote in no story not at all', async () => {
    const quote = await app.request
      .get(urlRoute(QUOTE, `documentId=${live.quoteIds[0]}&locale=en&status=draft`))
      .set(editor.auth);
    expect(quote.status).toBe(200);
    const url = new URL(quote.body.data.url);
    expect(url.searchParams.get('uid')).toBe(ARTICLE);
    expect(url.searchParams.get('documentId')).toBe(live.documentId);
    const stray = await app.request
      .get(urlRoute(QUOTE, `documentId=${strayQuote}&locale=en&status=draft`))
      .set(editor.auth);
    expect(stray.status).toBe(204);
  });

  it('gives no URL for people and sources (they have no preview page)', async () => {
    const res = await app.request
      .get(urlRoute('api::source.source', `documentId=${sourceId}`))
      .set(editor.auth);
    expect(res.status).toBe(204);
  });

  it('refuses an Author a story they may not read, and gives them their own', async () => {
    const other = await app.request
      .get(urlRoute(ARTICLE, `documentId=${live.documentId}&locale=en&status=draft`))
      .set(ada.auth);
    expectError(
      other,
      403,
      'ForbiddenError',
      'You may not read this document, so you may not preview it (permission plugin::content-manager.explorer.read on api::article.article, locale en)'
    );
    expect(other.body.error.details).toEqual({
      permission: 'plugin::content-manager.explorer.read',
      uid: ARTICLE,
      locale: 'en',
    });
    const quoteOfOther = await app.request
      .get(urlRoute(QUOTE, `documentId=${live.quoteIds[0]}&locale=en`))
      .set(ada.auth);
    expect(quoteOfOther.status).toBe(403);
    const own = await app.request
      .get(urlRoute(ARTICLE, `documentId=${adas.documentId}&locale=en&status=draft`))
      .set(ada.auth);
    expect(own.status).toBe(200);
    expect(tokenOf(own.body.data.url)).toBeTruthy();
    const notBobs = await app.request
      .get(urlRoute(ARTICLE, `documentId=${adas.documentId}&locale=en&status=draft`))
      .set(bob.auth);
    expect(notBobs.status).toBe(403);
  });

  it('answers 404 for a document locale that does not exist, 401 without a login', async () => {
    expectError(
      await app.request
        .get(urlRoute(ARTICLE, `documentId=${live.documentId}&locale=ru`))
        .set(editor.auth),
      404,
      'NotFoundError',
      'No such document in this locale'
    );
    expect(
      (
        await app.request
          .get(urlRoute(ARTICLE, 'documentId=nosuchdocument&locale=en'))
          .set(editor.auth)
      ).status
    ).toBe(404);
    const anonymous = await app.request.get(
      urlRoute(ARTICLE, `documentId=${live.documentId}&locale=en`)
    );
    expect(anonymous.status).toBe(401);
  });

  it('lets the admin frame the frontend (CSP frame-src from PREVIEW_URL)', async () => {
    const res = await app.request.get('/admin/init');
    expect(res.headers['content-security-policy']).toMatch(/frame-src[^;]*https:\/\/news\.example/);
  });
});

describe('GET /api/articles/:documentId/preview', () => {
  let token: string;
  beforeAll(async () => {
    const res = await app.request
      .get(urlRoute(ARTICLE, `documentId=${live.documentId}&locale=en&status=draft`))
      .set(editor.auth);
    token = tokenOf(res.body.data.url);
  });

  it('returns the working copy populated like a published read, private and uncached', async () => {
    const res = await app.request.get(previewPath(live.documentId)).set(withToken(token));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.headers['x-robots-tag']).toBe('noindex');
    const story = res.body.data;
    expect(story).toMatchObject({
      documentId: live.documentId,
      locale: 'en',
      title: 'Draft title',
      standfirst: 'Draft standfirst',
      publishedAt: null,
      people: [{ name: 'Named Person' }],
      sources: [{ name: 'Preview Agency' }],
      cover: null,
    });
    expect(story.quotes.map((q: any) => q.text).sort()).toEqual([
      '«Approved words»',
      '«Draft-only words»',
    ]);
    const approved = story.quotes.find((q: any) => q.text === '«Approved words»');
    expect(approved.speaker).toMatchObject({ documentId: live.speakerId });
    expect(approved.source).toMatchObject({ name: 'Preview Agency' });
    // Private fields stay private; nothing of the other draft story comes through its relations.
    for (const field of ['editorialStage', 'editorialAssignee', 'createdBy', 'updatedBy'])
      expect(story).not.toHaveProperty(field);
    expect(approved).not.toHaveProperty('verifiedByActor');
    expect(res.text).not.toMatch(/Secret other story|Other story words|Other standfirst/);
    expect(res.body.meta.preview.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    // Readers still get the approved version.
    const published = await app.request.get(`/api/articles/${live.documentId}?locale=en`);
    expect(published.body.data.title).toBe('Published title');
  });

  it('is never stored in or served from the response cache', async () => {
    const cache = app.strapi.plugin('editorial-workflow').service('cache');
    const before = cache.stats().stores;
    for (let i = 0; i < 2; i += 1) {
      const res = await app.request.get(previewPath(live.documentId)).set(withToken(token));
      expect(res.status).toBe(200);
      expect(res.headers['x-cache']).toBeUndefined();
    }
    expect(cache.stats().stores).toBe(before);
    // And a later request without the token is not answered from anything the preview left.
    const without = await app.request.get(previewPath(live.documentId));
    expect(without.status).toBe(401);
  });

  it('shows the working copy as it is now, not as it was when the token was made', async () => {
    await app.strapi.documents(ARTICLE).update({
      documentId: live.documentId,
      locale: 'en',
      data: { title: 'Draft title, edited' },
    });
    const res = await app.request.get(previewPath(live.documentId)).set(withToken(token));
    expect(res.body.data.title).toBe('Draft title, edited');
    await app.strapi.documents(ARTICLE).update({
      documentId: live.documentId,
      locale: 'en',
      data: { title: 'Draft title' },
    });
  });

  it('opens its own story only: another story or locale is 403', async () => {
    expectError(
      await app.request.get(previewPath(secret.documentId)).set(withToken(token)),
      403,
      'ForbiddenError',
      'This preview token opens another story or locale'
    );
    expectError(
      await app.request.get(previewPath(live.documentId, 'ru')).set(withToken(token)),
      403,
      'ForbiddenError',
      'This preview token opens another story or locale'
    );
    // No locale means the default one, as everywhere in the API: a Russian token does not open it.
    const ru = tokenFor(live.documentId, { locale: 'ru' });
    expect(
      (await app.request.get(`/api/articles/${live.documentId}/preview`).set(withToken(ru))).status
    ).toBe(403);
    expect(
      (await app.request.get(`/api/articles/${live.documentId}/preview`).set(withToken(token)))
        .status
    ).toBe(200);
  });

  it('refuses an expired token with 401, saying when it expired', async () => {
    const now = Date.now();
    const expired = tokenFor(live.documentId, { ttlSeconds: 60, now: now - 61_000 });
    const res = await app.request.get(previewPath(live.documentId)).set(withToken(expired));
    expectError(
      res,
      401,
      'UnauthorizedError',
      /^This preview token expired at \d{4}-\d\d-\d\dT[\d:.]+Z: open the preview again from the admin panel$/
    );
    expect(res.body.error.details).toEqual({
      reason: 'expired',
      expiredAt: expect.any(String),
    });
    expect(Date.parse(res.body.error.details.expiredAt)).toBeLessThan(now);
    expect(res.headers['cache-control']).toBe('private, no-store');
    // One second left still opens it.
    const fresh = tokenFor(live.documentId, { ttlSeconds: 60, now: now - 58_000 });
    expect((await app.request.get(previewPath(live.documentId)).set(withToken(fresh))).status).toBe(
      200
    );
  });

  it('refuses tampered, forged and malformed tokens with 401', async () => {
    const [payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        documentId: secret.documentId,
      })
    ).toString('base64url');
    expectError(
      await app.request
        .get(previewPath(secret.documentId))
        .set(withToken(`${forgedPayload}.${signature}`)),
      401,
      'UnauthorizedError',
      'Invalid preview token'
    );
    const otherSecret = signPreviewToken(
      { uid: ARTICLE, documentId: live.documentId, locale: 'en' },
      'some-other-secret-that-is-long-enough-too',
      { ttlSeconds: TTL }
    ).token;
    expectError(
      await app.request.get(previewPath(live.documentId)).set(withToken(otherSecret)),
      401,
      'UnauthorizedError',
      'Invalid preview token'
    );
    for (const bad of ['nonsense', `${payload}.`, `${payload}.${signature}.x`, 'a'.repeat(3000)])
      expectError(
        await app.request.get(previewPath(live.documentId)).set(withToken(bad)),
        401,
        'UnauthorizedError',
        'Malformed preview token'
      );
  });

  it('needs the token in `Authorization: Preview`: none, Bearer or the query string is 401', async () => {
    const message = 'A preview token is required: send it as `Authorization: Preview <token>`';
    expectError(
      await app.request.get(previewPath(live.documentId)),
      401,
      'UnauthorizedError',
      message
    );
    expectError(
      await app.request.get(previewPath(live.documentId)).set({ Authorization: `Bearer ${token}` }),
      401,
      'UnauthorizedError',
      message
    );
    const full = await createApiToken(app, 'full-access');
    expectError(
      await app.request.get(previewPath(live.documentId)).set(full.auth),
      401,
      'UnauthorizedError',
      message
    );
    const inQuery = await app.request.get(`${previewPath(live.documentId)}&token=${token}`);
    expectError(inQuery, 400, 'ValidationError', /token is not allowed/);
  });

  it('takes no other parameter (400 naming it): the answer has one shape', async () => {
    const res = await app.request
      .get(`${previewPath(live.documentId)}&populate[quotes][populate][article]=true&status=draft`)
      .set(withToken(token));
    expectError(
      res,
      400,
      'ValidationError',
      'A preview takes only ?locale=: populate, status is not allowed'
    );
    expect(res.body.error.details.errors.map((e: any) => e.path)).toEqual([
      ['populate'],
      ['status'],
    ]);
  });

  it('grants nothing on any other route', async () => {
    const header = withToken(token);
    const list = await app.request.get('/api/articles?status=draft&populate=*').set(header);
    expect(list.status).toBe(200);
    expect(list.body.data.map((a: any) => a.title)).toEqual(['Published title']);
    const one = await app.request
      .get(`/api/articles/${live.documentId}?status=draft&locale=en&populate=*`)
      .set(header);
    expect(one.status).toBe(200);
    expect(one.body.data.title).toBe('Published title');
    expect(one.text).not.toMatch(/Draft-only words/);
    const other = await app.request
      .get(`/api/articles/${secret.documentId}?status=draft&locale=en`)
      .set(header);
    expect(other.status).toBe(404);
    const quotes = await app.request.get('/api/quotes?status=draft&populate=*').set(header);
    expect(quotes.text).not.toMatch(/Draft-only words|Other story words|In no story/);
    const people = await app.request
      .get('/api/people?populate[quotes][populate]=*&populate[articles]=*')
      .set(header);
    expect(people.text).not.toMatch(/Draft title|Draft-only words|Secret other story/);
    const admin = await app.request
      .get(`/content-manager/collection-types/${ARTICLE}/${live.documentId}?locale=en`)
      .set(header);
    expect(admin.status).toBe(401);
    const state = await app.request
      .get(`/editorial-workflow/state/${ARTICLE}/${live.documentId}?locale=en`)
      .set(header);
    expect(state.status).toBe(401);
  });

  it('answers 404 when the story has no working copy any more', async () => {
    const gone = await createStory(app, 'Short-lived story');
    const goneToken = tokenFor(gone.documentId);
    await app.strapi.documents(ARTICLE).delete({ documentId: gone.documentId, locale: '*' });
    expectError(
      await app.request.get(previewPath(gone.documentId)).set(withToken(goneToken)),
      404,
      'NotFoundError',
      'This story has no working copy in this locale'
    );
  });
});

describe('preview off', () => {
  it('answers 404 on the preview route and gives no URL', async () => {
    const settings = app.strapi.config.get('newsroom.preview');
    app.strapi.config.set('newsroom.preview', { ...settings, enabled: false });
    try {
      expectError(
        await app.request
          .get(previewPath(live.documentId))
          .set(withToken(tokenFor(live.documentId))),
        404,
        'NotFoundError',
        'Preview is not enabled on this server (PREVIEW_URL)'
      );
      const url = await app.request
        .get(urlRoute(ARTICLE, `documentId=${live.documentId}&locale=en&status=draft`))
        .set(editor.auth);
      expect(url.status).toBe(204);
    } finally {
      app.strapi.config.set('newsroom.preview', settings);
    }
  });
});
