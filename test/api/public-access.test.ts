// What frontends read without credentials: published stories with their quotes, people and sources,
// and nothing unpublished, by any route or parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import { createApiToken, createReader, publishThroughWorkflow } from '../helpers/identities';

let app: Awaited<ReturnType<typeof startTestApp>>;
const SECRET = 'EMBARGOED';
const ids: Record<string, string> = {};

const docs = (uid: string) => app.strapi.documents(uid);

beforeAll(async () => {
  app = await startTestApp();
  const speaker = await docs('api::person.person').create({
    data: { name: 'Michelle Bachelet', country: 'CL' },
  });
  const source = await docs('api::source.source').create({
    data: { name: 'UN Human Rights Council', type: 'official' },
  });
  const other = await docs('api::person.person').create({
    data: { name: 'Svetlana Tikhanovskaya' },
  });
  ids.speaker = speaker.documentId;
  ids.other = other.documentId;

  const live = await docs('api::article.article').create({
    data: {
      title: 'Lukashenko and Putin: negotiations amid protests',
      people: [speaker.documentId],
      sources: [source.documentId],
    },
  });
  const quote = await docs('api::quote.quote').create({
    data: {
      text: '«All reports of torture must be documented and investigated.»',
      verification: 'verified',
      speaker: speaker.documentId,
      source: source.documentId,
      article: live.documentId,
    },
  });
  await publishThroughWorkflow(app, live.documentId);
  ids.live = live.documentId;
  ids.liveQuote = quote.documentId;

  // A published story whose working copy has unpublished edits.
  await docs('api::article.article').update({
    documentId: live.documentId,
    data: { standfirst: `${SECRET} standfirst edit` },
  });
  await docs('api::quote.quote').update({
    documentId: quote.documentId,
    data: { context: `${SECRET} context edit` },
  });

  // A story and quote never published, linked to the published person and source.
  const draft = await docs('api::article.article').create({
    data: {
      title: `${SECRET} draft story`,
      people: [other.documentId, speaker.documentId],
      sources: [source.documentId],
    },
  });
  const draftQuote = await docs('api::quote.quote').create({
    data: {
      text: `${SECRET} draft quote`,
      speaker: other.documentId,
      source: source.documentId,
      article: draft.documentId,
    },
  });
  ids.draft = draft.documentId;
  ids.draftQuote = draftQuote.documentId;
});

afterAll(async () => {
  await app?.stop();
});

describe('published stories', () => {
  it('are listed with quotes, speakers, sources and people (bracket populate)', async () => {
    const res = await app.request.get(
      '/api/articles?filters[slug][$eq]=lukashenko-and-putin-negotiations-amid-protests' +
        '&populate[quotes][populate][0]=speaker&populate[quotes][populate][1]=source&populate[0]=people&populate[1]=sources'
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const story = res.body.data[0];
    expect(story.title).toBe('Lukashenko and Putin: negotiations amid protests');
    expect(story.quotes).toHaveLength(1);
    expect(story.quotes[0].speaker.name).toBe('Michelle Bachelet');
    expect(story.quotes[0].source.name).toBe('UN Human Rights Council');
    expect(story.people.map((p: any) => p.name)).toEqual(['Michelle Bachelet']);
    expect(story.sources.map((s: any) => s.name)).toEqual(['UN Human Rights Council']);
  });

  it('are listed with the nested populate form too', async () => {
    const res = await app.request.get('/api/articles').query({
      filters: { slug: { $eq: 'lukashenko-and-putin-negotiations-amid-protests' } },
      populate: {
        quotes: { populate: { speaker: true, source: true } },
        people: true,
        sources: true,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data[0].quotes[0].speaker.name).toBe('Michelle Bachelet');
    expect(res.body.data[0].quotes[0].source.name).toBe('UN Human Rights Council');
  });

  it('by documentId', async () => {
    const res = await app.request.get(`/api/articles/${ids.live}?populate=quotes`);
    expect(res.status).toBe(200);
    expect(res.body.data.quotes[0].documentId).toBe(ids.liveQuote);
  });
});

describe('nothing unpublished is readable without credentials', () => {
  const PROBES = [
    '/api/articles',
    '/api/articles?status=draft',
    '/api/articles?status=draft&populate=*',
    '/api/articles?status=draft&locale=*',
    '/api/articles?publicationState=preview',
    '/api/articles?status=draft&publicationFilter=never-published',
    '/api/articles?status=draft&hasPublishedVersion=false',
    '/api/articles?populate[quotes][filters][text][$contains]=EMBARGOED',
    '/api/articles?filters[title][$contains]=EMBARGOED&status=draft',
    '/api/quotes',
    '/api/quotes?status=draft',
    '/api/quotes?status=draft&populate=*',
    '/api/quotes?filters[text][$contains]=EMBARGOED&status=draft',
    '/api/people?populate=*',
    '/api/people?populate=*&status=draft',
    '/api/people?populate[quotes][populate]=article&status=draft',
    '/api/people?populate[articles]=true',
    '/api/sources?populate[articles][populate]=quotes&status=draft',
    '/api/sources?populate=*',
    '/api/sources?populate=*&status=draft',
    '/api/sources?populate[quotes][populate]=article',
  ];

  it.each(PROBES)('GET %s', async (url) => {
    const res = await app.request.get(url);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });

  it.each([
    ['articles', 'draft'],
    ['quotes', 'draftQuote'],
  ])(
    'GET /api/%s/:id of a never-published document is 404, with ?status=draft too',
    async (plural, key) => {
      for (const query of ['', '?status=draft']) {
        const res = await app.request.get(`/api/${plural}/${ids[key]}${query}`);
        expect(res.status).toBe(404);
        expect(res.body.error.name).toBe('NotFoundError');
      }
    }
  );

  it('the published version is served, not the edited working copy', async () => {
    const res = await app.request.get(`/api/articles/${ids.live}?status=draft&populate=quotes`);
    expect(res.status).toBe(200);
    expect(res.body.data.standfirst).toBeNull();
    expect(res.body.data.quotes[0].context).toBeNull();
  });

  it.each([
    ['/api/people?filters[quotes][text][$contains]=EMBARGOED', 'people'],
    ['/api/people?filters[articles][title][$contains]=EMBARGOED', 'people'],
    ['/api/sources?filters[quotes][text][$contains]=EMBARGOED', 'sources'],
    ['/api/sources?filters[articles][title][$contains]=EMBARGOED', 'sources'],
    [
      '/api/people?filters[$or][0][quotes][context][$contains]=EMBARGOED&filters[$or][1][name][$eq]=nobody',
      'people',
    ],
  ])('filters through relations cannot probe draft text: %s', async (url) => {
    const res = await app.request.get(url);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    expect(res.body.meta.pagination.total).toBe(0);
  });

  it('a logged-in reader sees only published content too', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    for (const action of ['api::article.article.find', 'api::quote.quote.find']) {
      await app.strapi.db
        .query('plugin::users-permissions.permission')
        .create({ data: { action, role: role.id } });
    }
    const reader = await createReader(app);
    for (const url of ['/api/articles?status=draft', '/api/quotes?status=draft&populate=*']) {
      const res = await app.request.get(url).set(reader.auth);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    }
  });

  it('an API token may preview drafts (frontend preview)', async () => {
    const { auth } = await createApiToken(app, 'read-only');
    const res = await app.request.get('/api/articles?status=draft').set(auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: any) => a.title)).toContain(`${SECRET} draft story`);
  });
});

describe('the public can write nothing', () => {
  const WRITES: [string, string, () => string][] = [
    ['post', '/api/articles', () => ''],
    ['put', '/api/articles/', () => ids.live],
    ['delete', '/api/articles/', () => ids.live],
    ['post', '/api/quotes', () => ''],
    ['put', '/api/quotes/', () => ids.liveQuote],
    ['delete', '/api/quotes/', () => ids.liveQuote],
    ['post', '/api/people', () => ''],
    ['put', '/api/people/', () => ids.speaker],
    ['delete', '/api/people/', () => ids.speaker],
    ['post', '/api/sources', () => ''],
  ];

  it.each(WRITES)('%s %s → 403', async (method, path, id) => {
    const counts = async () =>
      Promise.all(
        [
          'api::article.article',
          'api::quote.quote',
          'api::person.person',
          'api::source.source',
        ].map((uid) => app.strapi.db.query(uid).count())
      );
    const before = await counts();
    const res = await (app.request as any)
      [method](`${path}${id()}`)
      .send({ data: { title: 'x', text: 'x', name: 'x' } });
    expect(res.status).toBe(403);
    expect(res.body.data).toBeNull();
    expect(res.body.error.name).toBe('ForbiddenError');
    expect(await counts()).toEqual(before);
  });
});
