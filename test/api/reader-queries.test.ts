// Reader queries (the public and logged-in end users) never reach unpublished rows and never answer
// 5xx: leak-prone shapes are refused for readers, shapes Strapi cannot run are refused for everybody,
// and request bodies with prototype keys or a chosen id/documentId are refused (issue 7, classes 7, 8, 10).
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import {
  createAdmin,
  createApiToken,
  createReader,
  publishThroughWorkflow,
} from '../helpers/identities';

let app: Awaited<ReturnType<typeof startTestApp>>;
// Unique per run: draft text that must never appear in a reader's answer.
const SECRET = `NEVERPUBLISHED${crypto.randomBytes(4).toString('hex')}`;
const UNAPPROVED = `UNAPPROVED${crypto.randomBytes(4).toString('hex')}`;
const ids: Record<string, any> = {};
const auth: Record<string, Record<string, string>> = {};

const docs = (uid: string) => app.strapi.documents(uid);

beforeAll(async () => {
  app = await startTestApp();
  const file = await app.strapi.db.query('plugin::upload.file').create({
    data: {
      name: 'minsk-rally.jpg',
      hash: `minsk_rally_${crypto.randomBytes(3).toString('hex')}`,
      ext: '.jpg',
      mime: 'image/jpeg',
      size: 12.5,
      width: 800,
      height: 600,
      url: '/uploads/minsk_rally.jpg',
      provider: 'local',
    },
  });
  const speaker = await docs('api::person.person').create({
    data: { name: 'Sviatlana Tsikhanouskaya' },
  });
  const source = await docs('api::source.source').create({
    data: { name: 'Belta', type: 'news_agency' },
  });

  // A live story with a cover, whose working copy then gets an unapproved edit.
  const live = await docs('api::article.article').create({
    data: {
      title: 'Protesters rally in Minsk',
      cover: file.id,
      people: [speaker.documentId],
      sources: [source.documentId],
    },
  });
  await docs('api::quote.quote').create({
    data: {
      text: 'We will not give up.',
      verification: 'verified',
      speaker: speaker.documentId,
      source: source.documentId,
      article: live.documentId,
    },
  });
  await publishThroughWorkflow(app, live.documentId);
  await docs('api::article.article').update({
    documentId: live.documentId,
    data: { standfirst: `${UNAPPROVED} standfirst` },
  });

  // A never-published story using the same image, naming the same person and source.
  const draft = await docs('api::article.article').create({
    data: {
      title: `${SECRET} story`,
      cover: file.id,
      people: [speaker.documentId],
      sources: [source.documentId],
    },
  });
  await docs('api::quote.quote').create({
    data: {
      text: `${SECRET} quote`,
      speaker: speaker.documentId,
      source: source.documentId,
      article: draft.documentId,
    },
  });

  ids.live = live.documentId;
  ids.draft = draft.documentId;
  ids.draftRow = (
    await app.strapi.db
      .query('api::article.article')
      .findOne({ where: { documentId: draft.documentId } })
  ).id;
  ids.file = file.id;
  auth.public = {};
  auth.reader = (await createReader(app)).auth;
  auth.token = (await createApiToken(app, 'full-access')).auth;
  auth.admin = (await createAdmin(app, 'strapi-super-admin')).auth;
});

afterAll(async () => {
  await app?.stop();
});

const get = (url: string, who: string) =>
  app.request.get(url.replace(':live', ids.live)).set(auth[who]);

const expectRefused = (res: any, param: string) => {
  expect(res.status).toBe(400);
  expect(res.body.data).toBeNull();
  expect(res.body.error.name).toBe('ValidationError');
  expect(res.body.error.message).toContain(`\`${param}\``);
  expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(param);
};

const READERS = ['public', 'reader'];

describe('logged-in end users read published content', () => {
  it.each(READERS)('%s: the upload API (file `related`) stays closed to readers', async (who) => {
    const res = await get('/api/upload/files?populate=related', who);
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('ForbiddenError');
  });

  it('the Authenticated role may find and findOne the four types (granted on first boot)', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    for (const type of ['article', 'quote', 'person', 'source']) {
      for (const action of ['find', 'findOne']) {
        const count = await app.strapi.db
          .query('plugin::users-permissions.permission')
          .count({ where: { role: role.id, action: `api::${type}.${type}.${action}` } });
        expect(count).toBe(1);
      }
    }
    for (const url of [
      '/api/articles',
      '/api/quotes',
      '/api/people',
      '/api/sources',
      '/api/articles/:live',
    ]) {
      const res = await get(url, 'reader');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    }
  });
});

// Shapes that could reach unpublished rows: refused for readers only.
const LEAK_PRONE: [string, string][] = [
  ['/api/people?filters[quotes]=1', 'filters.quotes'],
  ['/api/people?filters[quotes][$eq]=1', 'filters.quotes'],
  ['/api/people?filters[quotes][$in][0]=1', 'filters.quotes'],
  ['/api/people?filters[quotes][$null]=true', 'filters.quotes'],
  ['/api/people?filters[quotes][$notNull]=true', 'filters.quotes'],
  ['/api/people?filters[articles]=:draftRow', 'filters.articles'],
  ['/api/sources?filters[articles][$eq]=:draftRow', 'filters.articles'],
  ['/api/articles?filters[people][$in][0]=1', 'filters.people'],
  [
    '/api/people?filters[$or][0][name]=x&filters[$or][1][quotes][$notNull]=true',
    'filters.$or.1.quotes',
  ],
  ['/api/people?sort=quotes.text:desc', 'sort'],
  ['/api/people?sort[0]=quotes.text:desc', 'sort.0'],
  ['/api/people?sort[quotes][text]=desc', 'sort'],
  ['/api/articles?sort=cover.name:asc', 'sort'],
  ['/api/articles/:live?populate[cover][populate][related]=true', 'populate.cover.populate'],
  ['/api/articles/:live?populate[cover][populate]=*', 'populate.cover.populate'],
  ['/api/articles?populate[cover][populate][0]=related', 'populate.cover.populate'],
  [
    '/api/articles?populate[quotes][populate][article][populate][cover][populate][related]=true',
    'populate.quotes.populate.article.populate.cover.populate',
  ],
  ['/api/articles?populate[people][filters][quotes][$eq]=1', 'populate.people.filters.quotes'],
];

// Shapes Strapi cannot run (500 on SQLite or PostgreSQL): refused for everybody.
const MALFORMED: [string, string][] = [
  ['/api/people?filters[$or]=x', 'filters.$or'],
  ['/api/people?filters[$and]=x', 'filters.$and'],
  ['/api/people?filters[$and][name]=x', 'filters.$and'],
  ['/api/people?filters[$not]=x', 'filters.$not'],
  ['/api/articles?filters[$and][0]=', 'filters.$and'],
  ['/api/people?filters[0]=x', 'filters.0'],
  ['/api/people?filters[name][$between][0]=a', 'filters.name.$between'],
  [
    '/api/people?filters[name][$between][0]=a&filters[name][$between][1]=b&filters[name][$between][2]=c',
    'filters.name.$between',
  ],
  ['/api/people?filters[name][$bogus]=x', 'filters.name.$bogus'],
  ['/api/people?filters[name][$in][0][a]=b', 'filters.name.$in.0'],
  ['/api/people?filters[name][$notIn][0][a]=b', 'filters.name.$notIn.0'],
  ['/api/articles?filters[title][$eq][$eq]=x', 'filters.title.$eq'],
  ['/api/articles?filters[title][$or][0][$eq]=a', 'filters.title.$or'],
  ['/api/people?filters[id]=abc', 'filters.id'],
  ['/api/people?filters[id][$eq]=99999999999999999999', 'filters.id.$eq'],
  ['/api/people?filters[aliases][$contains]=x', 'filters.aliases.$contains'],
  ['/api/articles?filters[body][$eq]=x', 'filters.body.$eq'],
  ['/api/people?filters[nope]=x', 'filters.nope'],
  ['/api/people?filters[quotes][text]=x&filters[quotes][$eq]=1', 'filters.quotes'],
  ['/api/people?filters[quotes][0][text]=x', 'filters.quotes'],
  ['/api/articles?sort[title][a]=asc', 'sort.title'],
  ['/api/articles?populate[people][sort]=quotes.text:desc', 'populate.people.sort'],
  ['/api/articles?populate[people][filters][$or]=x', 'populate.people.filters.$or'],
  ['/api/people?pagination[page]=x', 'pagination.page'],
  ['/api/people?pagination[limit]=abc', 'pagination.limit'],
  ['/api/people?pagination[pageSize]=0', 'pagination.pageSize'],
  ['/api/people?pagination[start]=99999999999999999999', 'pagination.start'],
  ['/api/articles?locale[a]=b', 'locale'],
  ['/api/articles?status=bogus', 'status'],
  ['/api/articles?_q[a]=b', '_q'],
  ['/api/articles/:live?filters[$or]=x', 'filters.$or'],
];

const withIds = (url: string) => url.replace(':draftRow', String(ids.draftRow));

describe.each(READERS)(
  '%s reader: refused shapes answer 400 ValidationError naming the parameter',
  (who) => {
    it.each([...LEAK_PRONE, ...MALFORMED])('GET %s → %s', async (url, param) => {
      const res = await get(withIds(url), who);
      expectRefused(res, param);
    });
  }
);

describe('API tokens', () => {
  it.each(MALFORMED)('malformed for everybody: GET %s → 400 naming %s', async (url, param) => {
    expectRefused(await get(url, 'token'), param);
  });

  it.each(LEAK_PRONE)('keep what they may do: GET %s → 200', async (url) => {
    expect((await get(withIds(url), 'token')).status).toBe(200);
  });

  it('still preview drafts with ?status=draft', async () => {
    const res = await get('/api/articles?status=draft', 'token');
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: any) => a.title)).toContain(`${SECRET} story`);
  });
});

describe.each(READERS)('%s reader: nothing unpublished in any answer', (who) => {
  // Harmless forms: answered, and published content only.
  it.each([
    '/api/articles?filters[quotes][text][$contains]=',
    '/api/articles?sort=title:asc',
    '/api/articles?populate[quotes][populate][speaker]=true',
    '/api/articles?populate=*',
    '/api/articles/:live?populate=*',
    '/api/articles/:live?populate[0]=cover',
    '/api/articles/:live?populate[cover]=true',
    '/api/articles/:live?populate[cover][fields][0]=url',
    '/api/articles?populate[people][populate]=*&populate[sources][populate]=*&populate[quotes][populate]=*',
    '/api/people?populate=*',
    '/api/people?populate[articles][populate]=*',
    '/api/sources?populate[quotes][populate]=*',
    '/api/people?sort=name:asc&filters[quotes][id][$notNull]=true',
    '/api/articles?status=draft&populate=*',
  ])('GET %s → 200', async (url) => {
    const res = await get(url, who);
    expect(res.status).toBe(200);
    const body = JSON.stringify(res.body);
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain(UNAPPROVED);
  });

  it('the live story`s cover is served with its own fields, without related entries', async () => {
    const res = await get('/api/articles/:live?populate=*', who);
    expect(res.body.data.cover.id).toBe(ids.file);
    expect(res.body.data.cover.url).toBe('/uploads/minsk_rally.jpg');
    expect(res.body.data.cover.related).toBeUndefined();
  });

  it.each([
    ['/api/people?filters[quotes][text][$contains]=' + 'SECRET'],
    ['/api/people?filters[articles][title][$contains]=' + 'SECRET'],
    [
      '/api/people?filters[quotes][$not][text][$contains]=' +
        'SECRET' +
        '&filters[quotes][$or][0][text][$contains]=' +
        'SECRET',
    ],
  ])('relation filters match published rows only: %s', async (url) => {
    const res = await get(url.replaceAll('SECRET', SECRET), who);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });

  it('relation filters inside populate match published rows only', async () => {
    const res = await get(
      `/api/articles/:live?populate[people][filters][quotes][text][$contains]=${SECRET}`,
      who
    );
    expect(res.status).toBe(200);
    expect(res.body.data.people).toEqual([]);
    const control = await get(
      '/api/articles/:live?populate[people][filters][quotes][text][$contains]=give up',
      who
    );
    expect(control.body.data.people.map((p: any) => p.name)).toEqual(['Sviatlana Tsikhanouskaya']);
  });
});

describe('request bodies', () => {
  const count = () => app.strapi.db.query('api::person.person').count();

  it.each([
    ['{"data":{"name":"A","constructor":{"prototype":{"polluted":1}}}}', 'data.constructor'],
    ['{"data":{"name":"A","__proto__":{"polluted":1}}}', 'data.__proto__'],
    ['{"data":{"name":"A","aliases":[{"prototype":1}]}}', 'data.aliases.0.prototype'],
  ])('REST %s → 400 naming %s, nothing written', async (body, param) => {
    const before = await count();
    const res = await app.request
      .post('/api/people')
      .set(auth.token)
      .set('content-type', 'application/json')
      .send(body);
    expectRefused(res, param);
    expect(await count()).toBe(before);
    expect(({} as any).polluted).toBeUndefined();
  });

  it('a public route under /api/ refuses them too', async () => {
    const res = await app.request
      .post('/api/auth/local')
      .set('content-type', 'application/json')
      .send('{"identifier":"x","password":"y","constructor":{"prototype":{"polluted":1}}}');
    expectRefused(res, 'constructor');
  });

  it.each([
    ['{"name":"B","constructor":{"prototype":{"polluted":1}}}', 'constructor'],
    ['{"name":"B","__proto__":{"polluted":1}}', '__proto__'],
    ['{"name":"B","id":1}', 'id'],
    ['{"name":"B","id":999}', 'id'],
    ['{"name":"B","documentId":"chosen-by-client"}', 'documentId'],
  ])('Content Manager create %s → 400 naming %s, nothing written', async (body, param) => {
    const before = await count();
    const res = await app.request
      .post('/content-manager/collection-types/api::person.person')
      .set(auth.admin)
      .set('content-type', 'application/json')
      .send(body);
    expectRefused(res, param);
    expect(await count()).toBe(before);
  });

  it('Content Manager update and clone may not rewrite a document`s id or documentId', async () => {
    const person = await docs('api::person.person').create({ data: { name: 'Roman Protasevich' } });
    const base = '/content-manager/collection-types/api::person.person';
    const update = await app.request
      .put(`${base}/${person.documentId}`)
      .set(auth.admin)
      .send({ name: 'Raman Pratasevich', documentId: 'hijacked' });
    expectRefused(update, 'documentId');
    const clone = await app.request
      .post(`${base}/clone/${person.documentId}`)
      .set(auth.admin)
      .send({ name: 'Copy', id: 1 });
    expectRefused(clone, 'id');
    const stored = await app.strapi.db
      .query('api::person.person')
      .findOne({ where: { id: person.id } });
    expect(stored).toMatchObject({ documentId: person.documentId, name: 'Roman Protasevich' });
  });

  it('the Content Manager form’s own save, which carries the edited document’s documentId, goes through', async () => {
    const person = await docs('api::person.person').create({ data: { name: 'Maria Kalesnikava' } });
    const res = await app.request
      .put(`/content-manager/collection-types/api::person.person/${person.documentId}`)
      .set(auth.admin)
      .send({ name: 'Maria Kolesnikova', role: null, documentId: person.documentId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: person.documentId,
      name: 'Maria Kolesnikova',
    });
  });

  it('REST create with id or documentId stays a 400 (Strapi refuses unknown keys)', async () => {
    for (const data of [
      { name: 'C', id: 1 },
      { name: 'C', documentId: 'x' },
    ]) {
      const res = await app.request.post('/api/people').set(auth.token).send({ data });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toContain(Object.keys(data)[1]);
    }
  });

  it('an ordinary Content Manager create still works', async () => {
    const res = await app.request
      .post('/content-manager/collection-types/api::person.person')
      .set(auth.admin)
      .send({ name: 'Maria Kalesnikava', aliases: ['Maryia Kalesnikava'] });
    expect(res.status).toBe(201);
    expect(res.body.data.name).toBe('Maria Kalesnikava');
  });
});

describe.each(READERS)(
  '%s reader: the stage copy on the document (`editorialStage`, private) tells nothing',
  (who) => {
    // The live story's working copy waits in draft after an unapproved edit: a reader who could filter
    // or sort on the stage copy would learn that. Private fields are refused in queries and never shown.
    it.each([
      ['/api/articles?filters[editorialStage][$eq]=draft', 'filters.editorialStage'],
      ['/api/articles?filters[editorialStage][$eq]=published', 'filters.editorialStage'],
      [
        '/api/articles?filters[$and][0][editorialStage][$eq]=draft',
        'filters.$and.0.editorialStage',
      ],
      ['/api/articles?filters[editorialStage][$null]=true', 'filters.editorialStage'],
      [
        '/api/people?filters[articles][editorialStage][$eq]=draft',
        'filters.articles.editorialStage',
      ],
      ['/api/articles?sort=editorialStage:asc', 'sort.editorialStage'],
      ['/api/articles?sort[0]=editorialStage', 'sort.editorialStage'],
      ['/api/articles?fields[0]=editorialStage', 'fields.editorialStage'],
    ])('GET %s → refused', async (url) => {
      const res = await get(url, who);
      expect(res.status).toBe(400);
      expect(res.body.data).toBeNull();
      expect(res.body.error.name).toBe('ValidationError');
      expect(JSON.stringify(res.body)).not.toMatch(/Protesters rally|draft|fact_check/i);
    });

    it('is never part of an answer', async () => {
      for (const url of [
        '/api/articles',
        '/api/articles/:live',
        '/api/articles/:live?populate=*',
        '/api/people?populate=*',
      ]) {
        const res = await get(url, who);
        expect(res.status).toBe(200);
        expect(JSON.stringify(res.body)).not.toContain('editorialStage');
      }
    });
  }
);
