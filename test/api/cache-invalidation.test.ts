// The response cache's invalidation matrix (issue 9), one dependency kind at a time: warm the public
// answers until they are served from memory, make the change through the path named, and read again.
// The answer must be the new truth (its content, not only `X-Cache: MISS`), and answers that do not
// depend on the change must still be HITs with the same bytes (eviction is exact, not per type).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/strapi';
import {
  CHECKER,
  WRITER,
  createAdmin,
  createApiToken,
  createReader,
  publishThroughWorkflow,
} from '../helpers/identities';
import { ARTICLE, QUOTE, createStory, transitionUrl, workflowService } from '../helpers/workflow';
import { PERSON, SOURCE } from '../../src/content/types';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);
const CM = '/content-manager/collection-types';

let app: Awaited<ReturnType<typeof startTestApp>>;
let editor: Record<string, string>;
let chief: Record<string, string>;
let fullAccess: Record<string, string>;
let readOnly: Record<string, string>;
/** A live story no test changes: its cached page must survive every change below. */
let bystander: Awaited<ReturnType<typeof liveStory>>;

const cache = () => app.strapi.plugin('editorial-workflow').service('cache');

beforeAll(async () => {
  app = await startTestApp();
  editor = (await createAdmin(app, 'strapi-editor', 'Eddie')).auth;
  chief = (await createAdmin(app, 'strapi-super-admin', 'Chief')).auth;
  fullAccess = (await createApiToken(app, 'full-access')).auth;
  readOnly = (await createApiToken(app, 'read-only')).auth;
  bystander = await liveStory('Bystander: the weather');
});
afterAll(async () => {
  await app?.stop();
});

// ---------------------------------------------------------------------------------------------
// Reading

/** A story page as frontends ask for it: quotes with speaker and source, the cover's fields. */
const storyUrl = (documentId: string, locale = 'en') =>
  `/api/articles/${documentId}?locale=${locale}` +
  '&populate[quotes][populate][0]=speaker&populate[quotes][populate][1]=source' +
  '&populate[cover][fields][0]=alternativeText&populate[cover][fields][1]=name';
const listUrl = (extra = '', locale = 'en') =>
  `/api/articles?locale=${locale}&sort=id:desc&pagination[pageSize]=100${extra}`;

const get = (url: string) => app.request.get(url);

/** Reads until the answer comes from memory (the first read may already be one). */
const warm = async (url: string) => {
  const first = await get(url);
  expect(first.status, `${url}: ${first.text}`).toBe(200);
  if (first.headers['x-cache'] === 'HIT') return first;
  const second = await get(url);
  expect(second.headers['x-cache'], url).toBe('HIT');
  expect(second.text).toBe(first.text);
  return second;
};

/**
 * The truth, past the cache: the same query read with a read-only API token (credentials bypass
 * it), which sees what the public sees when it does not ask for drafts.
 */
const expectTruth = async (url: string, body: unknown) => {
  const truth = await get(url).set(readOnly);
  expect(truth.headers['x-cache']).toBeUndefined();
  expect(body, `${url} differs from an uncached read`).toEqual(truth.body);
};

/** Still served from memory, byte for byte what it was, and still true: not evicted, rightly. */
const expectStillCached = async (url: string, before: { text: string }) => {
  const res = await get(url);
  expect(res.headers['x-cache'], `${url} was evicted`).toBe('HIT');
  expect(res.text).toBe(before.text);
  await expectTruth(url, res.body);
};

/** Read after a change: computed again (never the old bytes), status 200, the truth. */
const fresh = async (url: string) => {
  const res = await get(url);
  expect(res.status, `${url}: ${res.text}`).toBe(200);
  expect(res.headers['x-cache'], `${url} was not evicted`).toBe('MISS');
  await expectTruth(url, res.body);
  return res;
};

const titles = (res: { body: any }) => res.body.data.map((a: any) => a.title);

// ---------------------------------------------------------------------------------------------
// Writing

const liveStory = async (title: string, options: Parameters<typeof createStory>[2] = {}) => {
  const story = await createStory(app, title, {
    quotes: [{ text: `Words in ${title}`, verification: 'verified' }],
    ...options,
  });
  await publishThroughWorkflow(app, story.documentId, options.locale ?? 'en');
  return story;
};

const target = (documentId: string, locale = 'en') => ({ uid: ARTICLE, documentId, locale });
const retract = (documentId: string, locale = 'en') =>
  workflowService(app).transition(
    target(documentId, locale),
    { transition: 'retract', comment: 'taken down' },
    CHECKER,
    () => true
  );

/** A content edit resets the verdict: the fact-checker verifies the quote again (as code). */
const verify = (quoteId: string) =>
  app.strapi
    .documents(QUOTE)
    .update({ documentId: quoteId, locale: 'en', data: { verification: 'verified' } });

const upload = async (name: string) => {
  const res = await app.request.post('/upload').set(editor).attach('files', PNG, name);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body[0] as { id: number; documentId: string; name: string };
};

const expectError = (res: any, status: number, name: string) => {
  expect(res.status, res.text).toBe(status);
  expect(res.body.data).toBeNull();
  expect(res.body.error.status).toBe(status);
  expect(res.body.error.name).toBe(name);
};

// ---------------------------------------------------------------------------------------------

describe('a story approved or retracted', () => {
  it('approve: the list, a filtered list and the page count it at once; other pages stay cached', async () => {
    const first = await liveStory('Harbour strike: day one');
    const second = await createStory(app, 'Harbour strike: day two', {
      quotes: [{ text: 'We stay out.', verification: 'verified' }],
    });
    const ru = await liveStory('Забастовка в порту', { locale: 'ru' });
    const list = listUrl();
    const filtered = listUrl('&filters[title][$contains]=Harbour');
    const paged = '/api/articles?locale=en&sort=id:desc&pagination[pageSize]=1&pagination[page]=1';
    const ruList = listUrl('', 'ru');

    const before = await warm(list);
    expect(titles(before)).toContain('Harbour strike: day one');
    expect(titles(before)).not.toContain('Harbour strike: day two');
    expect(titles(await warm(filtered))).toEqual(['Harbour strike: day one']);
    const pagedBefore = await warm(paged);
    const total = pagedBefore.body.meta.pagination.total;
    const ruBefore = await warm(ruList);
    expect(titles(ruBefore)).toEqual(['Забастовка в порту']);
    const page = await warm(storyUrl(first.documentId));
    const other = await warm(storyUrl(bystander.documentId));
    await get(storyUrl(second.documentId)).expect(404);

    await publishThroughWorkflow(app, second.documentId);

    expect(titles(await fresh(list))[0]).toBe('Harbour strike: day two');
    expect(titles(await fresh(filtered))).toEqual([
      'Harbour strike: day two',
      'Harbour strike: day one',
    ]);
    const pagedAfter = await fresh(paged);
    expect(pagedAfter.body.meta.pagination).toMatchObject({ total: total + 1, pageSize: 1 });
    expect(titles(pagedAfter)).toEqual(['Harbour strike: day two']);
    const secondPage = await fresh(storyUrl(second.documentId));
    expect(secondPage.body.data.quotes.map((q: any) => q.text)).toEqual(['We stay out.']);
    // The Russian list holds none of this: its content is what it was. (List tags are per type,
    // not per locale, so it is computed again: correct, if not as exact as the pages below.)
    const ruAfter = await get(ruList);
    expect(ruAfter.status).toBe(200);
    expect(titles(ruAfter)).toEqual(titles(ruBefore));
    await expectStillCached(storyUrl(first.documentId), page);
    await expectStillCached(storyUrl(bystander.documentId), other);
    await expectStillCached(
      storyUrl(ru.documentId, 'ru'),
      await warm(storyUrl(ru.documentId, 'ru'))
    );
  });

  it('retract: the page is gone (404), lists drop it and count one less; other pages stay cached', async () => {
    const story = await liveStory('Minister resigns');
    const list = listUrl();
    const filtered = listUrl('&filters[title][$contains]=Minister');
    const paged = '/api/articles?locale=en&pagination[pageSize]=1';
    expect(titles(await warm(list))).toContain('Minister resigns');
    expect(titles(await warm(filtered))).toEqual(['Minister resigns']);
    const total = (await warm(paged)).body.meta.pagination.total;
    await warm(storyUrl(story.documentId));
    const quotePage = `/api/quotes/${story.quoteIds[0]}?locale=en`;
    expect((await warm(quotePage)).body.data.text).toBe('Words in Minister resigns');
    const other = await warm(storyUrl(bystander.documentId));

    await retract(story.documentId);

    const gone = await get(storyUrl(story.documentId));
    expectError(gone, 404, 'NotFoundError');
    expect(gone.headers['x-cache']).toBeUndefined();
    // Its quotes came down with it.
    expectError(await get(quotePage), 404, 'NotFoundError');
    expect(titles(await fresh(list))).not.toContain('Minister resigns');
    expect(titles(await fresh(filtered))).toEqual([]);
    expect((await fresh(paged)).body.meta.pagination.total).toBe(total - 1);
    await expectStillCached(storyUrl(bystander.documentId), other);
  });
});

describe('list membership', () => {
  it('a speaker’s stories (filtered through quotes) gain a newly approved story and lose a retracted one', async () => {
    const first = await liveStory('Mayor speaks');
    const next = await createStory(app, 'Mayor speaks again');
    await app.strapi.documents(QUOTE).create({
      locale: 'en',
      data: {
        text: 'I will run again.',
        verification: 'verified',
        speaker: first.speakerId,
        article: { connect: [{ documentId: next.documentId, locale: 'en' }] },
      },
    });
    const list = listUrl(`&filters[quotes][speaker][documentId][$eq]=${first.speakerId}`);
    const quotes = `/api/quotes?locale=en&filters[speaker][documentId][$eq]=${first.speakerId}`;
    expect(titles(await warm(list))).toEqual(['Mayor speaks']);
    expect((await warm(quotes)).body.meta.pagination.total).toBe(1);
    const other = await warm(storyUrl(bystander.documentId));

    await publishThroughWorkflow(app, next.documentId);
    expect(titles(await fresh(list))).toEqual(['Mayor speaks again', 'Mayor speaks']);
    const both = await fresh(quotes);
    expect(both.body.meta.pagination.total).toBe(2);
    expect(both.body.data.map((q: any) => q.text).sort()).toEqual([
      'I will run again.',
      'Words in Mayor speaks',
    ]);
    await expectStillCached(storyUrl(bystander.documentId), other);

    await retract(first.documentId);
    expect(titles(await fresh(list))).toEqual(['Mayor speaks again']);
    expect((await fresh(quotes)).body.data.map((q: any) => q.text)).toEqual(['I will run again.']);
    await expectStillCached(storyUrl(bystander.documentId), other);
  });

  it('a new person appears in the cached people list at once', async () => {
    const list = '/api/people?sort=id:desc&pagination[pageSize]=1';
    const before = await warm(list);
    const other = await warm(storyUrl(bystander.documentId));
    const person = await app.strapi.documents(PERSON).create({ data: { name: 'Newcomer' } });
    const after = await fresh(list);
    expect(after.body.data.map((p: any) => p.name)).toEqual(['Newcomer']);
    expect(after.body.meta.pagination.total).toBe(before.body.meta.pagination.total + 1);
    expect(after.body.data[0].documentId).toBe(person.documentId);
    await expectStillCached(storyUrl(bystander.documentId), other);
  });
});

describe('quotes and reference data', () => {
  it('a re-approved story shows its edited quote; the draft edit alone changes nothing public', async () => {
    const story = await liveStory('Budget vote');
    const page = storyUrl(story.documentId);
    const quotePage = `/api/quotes/${story.quoteIds[0]}?locale=en`;
    const cached = await warm(page);
    await warm(quotePage);
    const other = await warm(storyUrl(bystander.documentId));

    await app.strapi.documents(QUOTE).update({
      documentId: story.quoteIds[0],
      locale: 'en',
      data: { text: 'The budget passed by two votes.' },
    });
    await verify(story.quoteIds[0]);
    // A draft is nobody's answer: the live page is still the cached one.
    await expectStillCached(page, cached);

    await publishThroughWorkflow(app, story.documentId);
    const after = await fresh(page);
    expect(after.body.data.quotes.map((q: any) => q.text)).toEqual([
      'The budget passed by two votes.',
    ]);
    expect((await fresh(quotePage)).body.data.text).toBe('The budget passed by two votes.');
    await expectStillCached(storyUrl(bystander.documentId), other);
  });

  it('a quote taken out of a story on re-approval: its page, the quote list and the story say so', async () => {
    const story = await createStory(app, 'Council split', {
      quotes: [
        { text: 'We stand together.', verification: 'verified' },
        { text: 'I walk out.', verification: 'verified' },
      ],
    });
    await publishThroughWorkflow(app, story.documentId);
    const [kept, dropped] = story.quoteIds;
    const page = storyUrl(story.documentId);
    const quotePage = `/api/quotes/${dropped}?locale=en&populate=article`;
    const inStory = `/api/quotes?locale=en&filters[article][documentId][$eq]=${story.documentId}`;
    expect((await warm(page)).body.data.quotes).toHaveLength(2);
    expect((await warm(quotePage)).body.data.article.documentId).toBe(story.documentId);
    expect((await warm(inStory)).body.meta.pagination.total).toBe(2);
    const other = await warm(storyUrl(bystander.documentId));

    await app.strapi.documents(ARTICLE).update({
      documentId: story.documentId,
      locale: 'en',
      data: { quotes: { disconnect: [{ documentId: dropped, locale: 'en' }] } },
    });
    await publishThroughWorkflow(app, story.documentId);

    const after = await fresh(page);
    expect(after.body.data.quotes.map((q: any) => q.documentId)).toEqual([kept]);
    const list = await fresh(inStory);
    expect(list.body.data.map((q: any) => q.documentId)).toEqual([kept]);
    // Whatever the quote's own page now is (gone, or a quote in no story), it is the truth.
    const quote = await get(quotePage);
    expect(quote.headers['x-cache']).not.toBe('HIT');
    const truth = await get(quotePage).set(readOnly);
    expect(quote.status).toBe(truth.status);
    expect(quote.body).toEqual(truth.body);
    expect(quote.body.data?.article ?? null).toBeNull();
    await expectStillCached(storyUrl(bystander.documentId), other);
  });

  it('a source rename shows on the story page, the source page and the quotes list', async () => {
    const source = await app.strapi.documents(SOURCE).create({ data: { name: 'Harbour Radio' } });
    const story = await createStory(app, 'Ferry delayed', {
      quotes: [{ text: 'Two hours late.', verification: 'verified' }],
    });
    await app.strapi.documents(QUOTE).update({
      documentId: story.quoteIds[0],
      locale: 'en',
      data: { source: source.documentId },
    });
    await verify(story.quoteIds[0]);
    await publishThroughWorkflow(app, story.documentId);
    const page = storyUrl(story.documentId);
    const sourcePage = `/api/sources/${source.documentId}`;
    const quotes = `/api/quotes?locale=en&populate=source&filters[text][$eq]=Two hours late.`;
    expect((await warm(page)).body.data.quotes[0].source.name).toBe('Harbour Radio');
    expect((await warm(sourcePage)).body.data.name).toBe('Harbour Radio');
    expect((await warm(quotes)).body.data[0].source.name).toBe('Harbour Radio');
    const other = await warm(storyUrl(bystander.documentId));

    await app.strapi
      .documents(SOURCE)
      .update({ documentId: source.documentId, data: { name: 'Harbour FM' } });

    expect((await fresh(page)).body.data.quotes[0].source.name).toBe('Harbour FM');
    expect((await fresh(sourcePage)).body.data.name).toBe('Harbour FM');
    expect((await fresh(quotes)).body.data[0].source.name).toBe('Harbour FM');
    await expectStillCached(storyUrl(bystander.documentId), other);
  });

  it.each([
    ['person', PERSON, 'people'],
    ['source', SOURCE, 'sources'],
  ])(
    'deleting a %s nothing live shows: its page is 404, its list drops it, stories stay cached',
    async (_kind, uid, plural) => {
      const doomed = await app.strapi
        .documents(uid as any)
        .create({ data: { name: `Nobody ${plural}` } as any });
      const single = `/api/${plural}/${doomed.documentId}`;
      const list = `/api/${plural}?sort=id:desc&pagination[pageSize]=100`;
      expect((await warm(single)).body.data.name).toBe(`Nobody ${plural}`);
      expect((await warm(list)).body.data.map((p: any) => p.documentId)).toContain(
        doomed.documentId
      );
      const other = await warm(storyUrl(bystander.documentId));

      await app.strapi.documents(uid as any).delete({ documentId: doomed.documentId });

      expectError(await get(single), 404, 'NotFoundError');
      expect((await fresh(list)).body.data.map((p: any) => p.documentId)).not.toContain(
        doomed.documentId
      );
      await expectStillCached(storyUrl(bystander.documentId), other);
    }
  );
});

describe('a speaker renamed (live reference data), through every write path', () => {
  const paths: [string, (documentId: string, name: string) => Promise<unknown>][] = [
    [
      'the Document Service in code',
      (documentId, name) => app.strapi.documents(PERSON).update({ documentId, data: { name } }),
    ],
    [
      'the Content Manager admin API (an Editor, who may approve)',
      async (documentId, name) => {
        const res = await app.request
          .put(`${CM}/${PERSON}/${documentId}`)
          .set(editor)
          .send({ name });
        expect(res.status, res.text).toBe(200);
      },
    ],
    [
      'REST with a full-access token',
      async (documentId, name) => {
        const res = await app.request
          .put(`/api/people/${documentId}`)
          .set(fullAccess)
          .send({ data: { name } });
        expect(res.status, res.text).toBe(200);
      },
    ],
  ];

  it.each(paths)(
    '%s: the story page, /api/people/:id and /api/quotes?populate=speaker show the new name',
    async (how, rename) => {
      const story = await liveStory(`Speaker story via ${how}`);
      const page = storyUrl(story.documentId);
      const person = `/api/people/${story.speakerId}`;
      const quotes = `/api/quotes?locale=en&populate=speaker&sort=id:desc&pagination[pageSize]=100`;
      // The speaker populated with one field only: the answer must still know whom it holds.
      const slim = `/api/articles/${story.documentId}?locale=en&fields[0]=title&populate[quotes][fields][0]=text&populate[quotes][populate][speaker][fields][0]=name`;
      const oldName = `Speaker of Speaker story via ${how}`;
      const newName = `Renamed via ${how}`;
      // Lists filtered through the relation: which stories match changes with the name.
      const bySpeaker = (name: string) =>
        listUrl(`&filters[quotes][speaker][name][$eq]=${encodeURIComponent(name)}`);
      expect(titles(await warm(bySpeaker(oldName)))).toEqual([`Speaker story via ${how}`]);
      expect(titles(await warm(bySpeaker(newName)))).toEqual([]);
      expect((await warm(page)).body.data.quotes[0].speaker.name).toBe(oldName);
      expect((await warm(slim)).body.data.quotes[0].speaker.name).toBe(oldName);
      expect((await warm(person)).body.data.name).toBe(oldName);
      expect((await warm(quotes)).body.data.map((q: any) => q.speaker?.name)).toContain(oldName);
      const other = await warm(storyUrl(bystander.documentId));

      await rename(story.speakerId, newName);

      expect(titles(await fresh(bySpeaker(oldName)))).toEqual([]);
      expect(titles(await fresh(bySpeaker(newName)))).toEqual([`Speaker story via ${how}`]);
      expect((await fresh(page)).body.data.quotes[0].speaker.name).toBe(newName);
      expect((await fresh(slim)).body.data.quotes[0].speaker.name).toBe(newName);
      expect((await fresh(person)).body.data.name).toBe(newName);
      const names = (await fresh(quotes)).body.data.map((q: any) => q.speaker?.name);
      expect(names).toContain(newName);
      expect(names).not.toContain(oldName);
      await expectStillCached(storyUrl(bystander.documentId), other);
    }
  );

  it('a workflow transition over HTTP (an Editor approves a retitled story): the page and list show it', async () => {
    const story = await liveStory('Vote count begins');
    const page = storyUrl(story.documentId);
    const list = listUrl();
    await warm(page);
    expect(titles(await warm(list))).toContain('Vote count begins');
    const other = await warm(storyUrl(bystander.documentId));
    await app.strapi.documents(ARTICLE).update({
      documentId: story.documentId,
      locale: 'en',
      data: { title: 'Vote count ends' },
    });
    await workflowService(app).transition(
      target(story.documentId),
      { transition: 'submit' },
      WRITER,
      () => true
    );

    const res = await app.request
      .post(transitionUrl(story.documentId))
      .set(editor)
      .send({ transition: 'approve' });
    expect(res.status, res.text).toBe(200);

    expect((await fresh(page)).body.data.title).toBe('Vote count ends');
    const after = titles(await fresh(list));
    expect(after).toContain('Vote count ends');
    expect(after).not.toContain('Vote count begins');
    await expectStillCached(storyUrl(bystander.documentId), other);
  });
});

describe('media', () => {
  it('a cover’s alternative text changed, the file replaced, a file nothing live shows deleted', async () => {
    const cover = await upload('harbour.png');
    const spare = await upload('unused.png');
    const story = await createStory(app, 'Harbour at dawn', {
      quotes: [{ text: 'Quiet now.', verification: 'verified' }],
    });
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId: story.documentId, locale: 'en', data: { cover: cover.id } });
    await publishThroughWorkflow(app, story.documentId);
    const page = storyUrl(story.documentId);
    const warmed = await warm(page);
    expect(warmed.body.data.cover).toMatchObject({ id: cover.id, name: 'harbour.png' });
    expect(warmed.headers['cache-tag'].split(',')).toContain(`file:${cover.documentId}`);
    const other = await warm(storyUrl(bystander.documentId));
    // A list filtered through the cover, which it does not populate: it holds no `file:` tag,
    // yet which stories match changes with the file's fields.
    const byAlt = (text: string) =>
      listUrl(`&filters[cover][alternativeText][$eq]=${encodeURIComponent(text)}`);
    expect(titles(await warm(byAlt('Cranes at first light')))).toEqual([]);

    const info = await app.request
      .put(`/upload/files/${cover.id}`)
      .set(editor)
      .send({ fileInfo: { alternativeText: 'Cranes at first light' } });
    expect(info.status, info.text).toBe(200);
    expect((await fresh(page)).body.data.cover.alternativeText).toBe('Cranes at first light');
    expect(titles(await fresh(byAlt('Cranes at first light')))).toEqual(['Harbour at dawn']);
    await expectStillCached(storyUrl(bystander.documentId), other);

    await warm(page);
    const replaced = await app.request
      .post(`/upload/files/${cover.id}/replace`)
      .set(editor)
      .attach('files', PNG, 'harbour-retouched.png');
    expect(replaced.status, replaced.text).toBe(200);
    expect((await fresh(page)).body.data.cover).toMatchObject({
      id: cover.id,
      name: 'harbour-retouched.png',
    });
    await expectStillCached(storyUrl(bystander.documentId), other);

    // No public answer holds the spare file: deleting it evicts nothing.
    const cachedPage = await warm(page);
    const removed = await app.request.delete(`/upload/files/${spare.id}`).set(editor);
    expect(removed.status, removed.text).toBe(200);
    await expectStillCached(page, cachedPage);
    await expectStillCached(storyUrl(bystander.documentId), other);
  });
});

describe('credentials: never cached, never served from the cache', () => {
  const identities: [string, () => Promise<Record<string, string>>][] = [
    ['a read-only API token', async () => (await createApiToken(app, 'read-only')).auth],
    ['a full-access API token', async () => fullAccess],
    ['an end user’s JWT (/api/auth/local)', async () => (await createReader(app)).auth],
    ['an admin JWT', async () => editor],
  ];

  it.each(identities)(
    '%s: private, no-store, no X-Cache; the next anonymous read is a MISS',
    async (_who, auth) => {
      const credentials = await auth();
      const story = await liveStory(`Credentialed read ${Object.values(credentials)[0].slice(-6)}`);
      const page = storyUrl(story.documentId);
      const stores = cache().stats().stores;
      const res = await get(page).set(credentials);
      // An admin JWT is no content-API credential (401); the others read the story.
      expect([200, 401]).toContain(res.status);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['x-cache']).toBeUndefined();
      expect(cache().stats().stores).toBe(stores);
      expect((await get(page)).headers['x-cache']).toBe('MISS');
      // A cached public answer is not what a credentialed read gets either.
      expect((await get(page)).headers['x-cache']).toBe('HIT');
      const again = await get(page).set(credentials);
      expect(again.headers['x-cache']).toBeUndefined();
      expect(again.headers['cache-control']).toBe('private, no-store');
    }
  );

  it('the end user JWT reads the story (200), the admin JWT is refused (401)', async () => {
    const story = await liveStory('Who reads what');
    const reader = (await createReader(app)).auth;
    const asReader = await get(storyUrl(story.documentId)).set(reader);
    expect(asReader.status).toBe(200);
    expect(asReader.body.data.title).toBe('Who reads what');
    expectError(await get(storyUrl(story.documentId)).set(editor), 401, 'UnauthorizedError');
  });

  it('a token’s ?status=draft read never lands in the public cache', async () => {
    const story = await liveStory('Live headline');
    await app.strapi.documents(ARTICLE).update({
      documentId: story.documentId,
      locale: 'en',
      data: { title: 'Unapproved headline' },
    });
    const draftUrl = `/api/articles/${story.documentId}?locale=en&status=draft`;
    const token = (await createApiToken(app, 'read-only')).auth;
    const asToken = await get(draftUrl).set(token);
    expect(asToken.status).toBe(200);
    expect(asToken.body.data.title).toBe('Unapproved headline');
    expect(asToken.headers['x-cache']).toBeUndefined();

    const anonymous = await get(draftUrl);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers['x-cache']).toBe('MISS');
    expect(anonymous.body.data.title).toBe('Live headline');
    const cached = await get(draftUrl);
    expect(cached.headers['x-cache']).toBe('HIT');
    expect(cached.body.data.title).toBe('Live headline');
    // And the token still gets the draft, not the cached public answer.
    expect((await get(draftUrl).set(token)).body.data.title).toBe('Unapproved headline');
  });
});

describe('HTTP caching', () => {
  it('If-None-Match: the exact tag, weak form, a list, * → 304 with an empty body; another → 200', async () => {
    const story = await liveStory('Validators');
    const page = storyUrl(story.documentId);
    const { etag } = (await warm(page)).headers;
    expect(etag).toMatch(/^"[\w-]+"$/);
    for (const header of [etag, `W/${etag}`, `"nope", ${etag}`, `W/"nope", W/${etag}`, '*']) {
      const res = await get(page).set('If-None-Match', header);
      expect(res.status, header).toBe(304);
      expect(res.text).toBe('');
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['x-cache']).toBe('HIT');
    }
    const other = await get(page).set('If-None-Match', '"nope", W/"other"');
    expect(other.status).toBe(200);
    expect(other.body.data.title).toBe('Validators');
    // A changed answer has a new tag: the old one no longer matches.
    await app.strapi
      .documents(PERSON)
      .update({ documentId: story.speakerId, data: { name: 'New validator' } });
    const changed = await get(page).set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.data.quotes[0].speaker.name).toBe('New validator');
  });

  it('HEAD: the headers of the GET, no body', async () => {
    const story = await liveStory('Heads up');
    const page = storyUrl(story.documentId);
    const got = await warm(page);
    const head = await app.request.head(page);
    expect(head.status).toBe(200);
    expect(head.headers['x-cache']).toBe('HIT');
    expect(head.headers.etag).toBe(got.headers.etag);
    expect(head.headers['cache-tag']).toBe(got.headers['cache-tag']);
    expect(head.text ?? '').toBe('');

    // A HEAD that misses fills the cache with the whole answer: the GET after it has the body.
    const other = storyUrl(story.documentId, 'en') + '&fields[0]=title';
    const headMiss = await app.request.head(other);
    expect(headMiss.status).toBe(200);
    expect(headMiss.headers['x-cache']).toBe('MISS');
    expect(headMiss.text ?? '').toBe('');
    const after = await get(other);
    expect(after.status).toBe(200);
    expect(after.body.data.title).toBe('Heads up');
    expect(after.headers.etag).toBe(headMiss.headers.etag);
  });

  it('Cache-Tag and Surrogate-Key list exactly the documents in the answer, and its lists', async () => {
    const a = await liveStory('Tagged alpha');
    const b = await liveStory('Tagged beta');
    const url = listUrl('&filters[title][$startsWith]=Tagged&populate[quotes][populate]=speaker');
    const res = await warm(url);
    expect(titles(res)).toEqual(['Tagged beta', 'Tagged alpha']);
    const expected = [
      ...[a, b].flatMap((s) => [
        `article:${s.documentId}`,
        `quote:${s.quoteIds[0]}`,
        `person:${s.speakerId}`,
      ]),
      'articles',
    ].sort();
    expect(res.headers['cache-tag'].split(',').sort()).toEqual(expected);
    expect(res.headers['surrogate-key'].split(' ').sort()).toEqual(expected);
    // One story: its page names it alone, and no list.
    const page = await warm(`/api/articles/${a.documentId}?locale=en`);
    expect(page.headers['cache-tag']).toBe(`article:${a.documentId}`);
  });

  it('non-200 answers are never stored: 404 and 400 are computed each time', async () => {
    const stores = cache().stats().stores;
    for (let i = 0; i < 2; i++) {
      const missing = await get('/api/articles/no-such-story?locale=en');
      expectError(missing, 404, 'NotFoundError');
      expect(missing.headers['x-cache']).toBeUndefined();
      const bad = await get('/api/articles?sort=nosuchfield:desc');
      expectError(bad, 400, 'ValidationError');
      expect(bad.headers['x-cache']).toBeUndefined();
    }
    expect(cache().stats().stores).toBe(stores);
  });
});

describe('the Public role’s permissions', () => {
  const setPublicFind = async (enabled: boolean) => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const current = await app.request.get(`/users-permissions/roles/${role.id}`).set(chief);
    expect(current.status, current.text).toBe(200);
    const { permissions } = current.body.role;
    permissions['api::article'].controllers.article.find.enabled = enabled;
    const res = await app.request.put(`/users-permissions/roles/${role.id}`).set(chief).send({
      name: current.body.role.name,
      description: current.body.role.description,
      permissions,
    });
    expect(res.status, res.text).toBe(200);
  };

  it('revoking find on articles: the cached list is not served (403); granting it back: 200', async () => {
    await liveStory('Permission story');
    const list = listUrl();
    expect(titles(await warm(list))).toContain('Permission story');
    const person = await warm(`/api/people/${bystander.speakerId}`);
    expect(person.body.data.name).toBe('Speaker of Bystander: the weather');
    try {
      await setPublicFind(false);
      const refused = await get(list);
      expectError(refused, 403, 'ForbiddenError');
      expect(refused.headers['x-cache']).toBeUndefined();
      // Other permissions are untouched: the person still reads.
      const still = await get(`/api/people/${bystander.speakerId}`);
      expect(still.status).toBe(200);
      expect(still.body).toEqual(person.body);
    } finally {
      await setPublicFind(true);
    }
    const back = await fresh(list);
    expect(titles(back)).toContain('Permission story');
  });
});

describe('locales', () => {
  it('adding a locale flushes; changing the default locale changes what a locale-less list returns', async () => {
    await liveStory('Default-locale story');
    await liveStory('История на русском', { locale: 'ru' });
    const page = storyUrl(bystander.documentId);
    const bare = '/api/articles?sort=id:desc&pagination[pageSize]=100';
    await warm(page);
    expect(titles(await warm(bare))).toContain('Default-locale story');

    const added = await app.request
      .post('/i18n/locales')
      .set(chief)
      .send({ code: 'de', name: 'German (de)', isDefault: false });
    expect(added.status, added.text).toBe(200);
    // Every answer is computed again (a locale can change what any query means).
    expect((await fresh(page)).body.data.title).toBe('Bystander: the weather');
    await warm(bare);

    const locales = await app.request.get('/i18n/locales').set(chief);
    const byCode = (code: string) => locales.body.find((l: any) => l.code === code);
    const makeDefault = (code: string) =>
      app.request
        .put(`/i18n/locales/${byCode(code).id}`)
        .set(chief)
        .send({ isDefault: true });
    try {
      expect((await makeDefault('ru')).status).toBe(200);
      const ruDefault = titles(await fresh(bare));
      expect(ruDefault).toContain('История на русском');
      expect(ruDefault).not.toContain('Default-locale story');
    } finally {
      expect((await makeDefault('en')).status).toBe(200);
    }
    const enDefault = titles(await fresh(bare));
    expect(enDefault).toContain('Default-locale story');
    expect(enDefault).not.toContain('История на русском');
  });

  it('deleting a locale takes its live stories down (past the Document Service): not served from memory', async () => {
    const story = await liveStory('Немецкий выпуск', { locale: 'ru' });
    const page = storyUrl(story.documentId, 'ru');
    const ruList = listUrl('', 'ru');
    expect((await warm(page)).body.data.title).toBe('Немецкий выпуск');
    expect(titles(await warm(ruList))).toContain('Немецкий выпуск');
    const locales = await app.request.get('/i18n/locales').set(chief);
    const ru = locales.body.find((l: any) => l.code === 'ru');

    const removed = await app.request.delete(`/i18n/locales/${ru.id}`).set(chief);
    expect(removed.status, removed.text).toBe(200);

    for (const url of [page, ruList]) {
      const res = await get(url);
      expect(res.headers['x-cache'], url).not.toBe('HIT');
      const truth = await get(url).set(readOnly);
      expect(res.status).toBe(truth.status);
      expect(res.body).toEqual(truth.body);
      expect(res.status === 200 ? res.body.data : []).not.toContainEqual(
        expect.objectContaining({ title: 'Немецкий выпуск' })
      );
    }
  });
});
