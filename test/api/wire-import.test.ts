// Importing wire copy (issue 12): the preview (review screen) and create routes of the admin, the
// content-API route for tokens, what is created (a draft story in stage draft, owned by the
// importer, its quotes unverified, new people and sources, all linked, the original copy kept in
// private fields), bad input refused with nothing created, a failure half-way leaving nothing
// behind, and the same copy imported twice.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { errors } from '@strapi/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKER, createAdmin, createApiToken, createReader, WRITER } from '../helpers/identities';
import { startTestApp } from '../helpers/strapi';
import { ARTICLE, QUOTE, stateUrl, workflowService } from '../helpers/workflow';

const PERSON = 'api::person.person';
const SOURCE = 'api::source.source';
const STATE = 'plugin::editorial-workflow.workflow-state';
const IMPORT_ACTION = 'plugin::editorial-workflow.import';

type Admin = Awaited<ReturnType<typeof createAdmin>>;
let app: Awaited<ReturnType<typeof startTestApp>>;
let editor: Admin;
let author: Admin;
let checker: Admin;
let importToken: { auth: Record<string, string> };
let readToken: { auth: Record<string, string> };
let lukashenko: string;
let reuters: string;

const previewUrl = (uid = ARTICLE) => `/editorial-workflow/import/${uid}/preview`;
const createUrl = (uid = ARTICLE) => `/editorial-workflow/import/${uid}`;
const apiUrl = (uid = ARTICLE) => `/api/editorial-workflow/import/${uid}`;

// Copy as it arrives: a repeated headline, a second story's headline run in, a broken entity, a
// doubled full stop, a known person under another spelling, an agency as a source only.
let serial = 0;
const wireCopy = (tag = `${++serial}`) => `Lukashenka meets envoys in Minsk ${tag}

Lukashenka meets envoys in Minsk ${tag}

President Alexander Lukashenka received European envoys in Minsk on Tuesday, state media reported..
Speaking after the meeting, Lukashenka said: «We will not hand our sovereignty to anyone, whatever they offer.».
According to Reuters, the talks lasted about three hours.
Opposition organiser Maria Novak wrote in her Telegram channel: «The strikes will go on until every detainee is released.».

Farmers block roads near Brest ${tag}

Farmers blocked two roads near Brest on Wednesday. «We have nothing left to lose», farmer Pavel Zhuk told the &# 171;Brest Courier&# 187;.
`;

const counts = async () => {
  const count = (uid: string) => app.strapi.db.query(uid).count();
  return {
    articles: await count(ARTICLE),
    quotes: await count(QUOTE),
    people: await count(PERSON),
    sources: await count(SOURCE),
    states: await count(STATE),
  };
};

const expectError = (res: any, status: number, name: string, message?: string | RegExp) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.data).toBeNull();
  expect(res.body.error).toMatchObject({ status, name });
  if (message) expect(res.body.error.message).toMatch(message);
};

const preview = (who: Admin, body: object) =>
  app.request.post(previewUrl()).set(who.auth).send(body);
const create = (who: Admin, body: object) => app.request.post(createUrl()).set(who.auth).send(body);

const draftRow = (documentId: string, locale = 'en') =>
  app.strapi.db.query(ARTICLE).findOne({
    where: { documentId, locale, publishedAt: null },
    populate: {
      createdBy: { select: ['id'] },
      people: { select: ['documentId', 'name'] },
      sources: { select: ['documentId', 'name'] },
      quotes: {
        orderBy: { id: 'asc' },
        populate: {
          speaker: { select: ['documentId', 'name'] },
          source: { select: ['documentId', 'name'] },
        },
      },
    },
  });

beforeAll(async () => {
  app = await startTestApp();
  editor = await createAdmin(app, 'strapi-editor', 'Eddie');
  author = await createAdmin(app, 'strapi-author', 'Ada');
  checker = await createAdmin(app, 'Fact-checker', 'Fiona');
  importToken = await createApiToken(app, 'custom', ['plugin::editorial-workflow.importer.run']);
  readToken = await createApiToken(
    app,
    'custom',
    ['article', 'quote', 'person'].flatMap((t) => [`api::${t}.${t}.find`, `api::${t}.${t}.findOne`])
  );
  lukashenko = (
    await app.strapi
      .documents(PERSON)
      .create({ data: { name: 'Alexander Lukashenko', aliases: ['Lukashenka'] } })
  ).documentId;
  reuters = (
    await app.strapi.documents(SOURCE).create({ data: { name: 'Reuters', type: 'news_agency' } })
  ).documentId;
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

describe('the import permission', () => {
  it('is granted at first boot to Editor and Author, not to the Fact-checker', async () => {
    const holders = await app.strapi.db
      .query('admin::permission')
      .findMany({ where: { action: IMPORT_ACTION }, populate: { role: { select: ['name'] } } });
    // The Super Admin holds every registered action.
    expect(holders.map((p: any) => p.role.name).sort()).toEqual([
      'Author',
      'Editor',
      'Super Admin',
    ]);
  });

  it('refuses a Fact-checker with a 403 that names it; nothing is created', async () => {
    const before = await counts();
    for (const url of [previewUrl(), createUrl()]) {
      const res = await app.request
        .post(url)
        .set(checker.auth)
        .send({ content: wireCopy(), locale: 'en' });
      expectError(
        res,
        403,
        'ForbiddenError',
        /import wire copy \(permission plugin::editorial-workflow\.import\)/
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a request without credentials', async () => {
    const res = await app.request.post(previewUrl()).send({ content: wireCopy() });
    expect(res.status).toBe(401);
  });
});

describe('what an import creates, the Content Manager must allow', () => {
  const CM_CREATE = 'plugin::content-manager.explorer.create';
  // Copy whose only person and source exist already (Lukashenka, Reuters): it creates a story and a quote.
  const knownOnlyCopy = (tag: string) => `Lukashenka speaks in Minsk ${tag}

President Alexander Lukashenka spoke to reporters in Minsk on Tuesday.
According to Reuters, Lukashenka said: «We will not hand our sovereignty to anyone ${tag}.».
`;
  let roleSerial = 0;
  /** A role with the import permission and the given Content Manager create rights (uid → locales). */
  const importerWith = async (creates: Record<string, string[] | null>) => {
    const name = `Importer ${++roleSerial}`;
    const roles = app.strapi.service('admin::role');
    const role = await roles.create({
      name,
      description: 'imports; creates only what it is given',
    });
    await roles.addPermissions(role.id, [
      { action: IMPORT_ACTION, properties: {}, conditions: [] },
      ...Object.entries(creates).map(([subject, locales]) => ({
        action: CM_CREATE,
        subject,
        properties: locales ? { fields: null, locales } : { fields: null },
        conditions: [],
      })),
    ]);
    return createAdmin(app, name, `Imogen ${roleSerial}`);
  };
  const refusedCreate = async (who: Admin, body: object, uid: string, locale: string) => {
    const before = await counts();
    const res = await create(who, body);
    const where = locale ? `${uid}, locale ${locale}` : uid;
    expectError(
      res,
      403,
      'ForbiddenError',
      `This import creates ${uid} documents, which you may not create (permission ${CM_CREATE} on ${where})`
    );
    expect(res.body.error.details).toEqual({ permission: CM_CREATE, uid, locale });
    expect(await counts()).toEqual(before);
  };

  it('import alone: the preview answers, creating is refused naming the Article create permission', async () => {
    const imogen = await importerWith({});
    const body = { content: wireCopy(), locale: 'en' };
    const seen = await preview(imogen, body);
    expect(seen.status).toBe(200);
    await refusedCreate(imogen, body, ARTICLE, 'en');
  });

  it('create in another locale only: refused in this one', async () => {
    const imogen = await importerWith({ [ARTICLE]: ['ru'], [QUOTE]: ['ru'] });
    await refusedCreate(imogen, { content: knownOnlyCopy('ru-only'), locale: 'en' }, ARTICLE, 'en');
  });

  it('stories but not quotes: refused naming the Quote create permission', async () => {
    const imogen = await importerWith({ [ARTICLE]: ['en'] });
    await refusedCreate(imogen, { content: knownOnlyCopy('no-quotes'), locale: 'en' }, QUOTE, 'en');
  });

  it('stories and quotes, no people or sources: refused when the copy brings new ones, allowed when all match', async () => {
    const imogen = await importerWith({ [ARTICLE]: ['en'], [QUOTE]: ['en'] });
    // Maria Novak and Pavel Zhuk are new people.
    await refusedCreate(imogen, { content: wireCopy(), locale: 'en' }, PERSON, '');

    const imported = await create(imogen, { content: knownOnlyCopy('known'), locale: 'en' });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.data.people).toEqual([]);
    expect(imported.body.data.sources).toEqual([]);
    const row = await draftRow(imported.body.data.stories[0].documentId);
    expect(row.createdBy.id).toBe(imogen.user.id);
    expect(row.quotes.map((q: any) => [q.speaker.documentId, q.source.documentId])).toEqual([
      [lukashenko, reuters],
    ]);
  });

  it('people but not sources: refused naming the Source create permission', async () => {
    const imogen = await importerWith({ [ARTICLE]: ['en'], [QUOTE]: ['en'], [PERSON]: null });
    await refusedCreate(imogen, { content: wireCopy(), locale: 'en' }, SOURCE, '');
  });
});

describe('preview: the review screen’s proposal', () => {
  it('cleans the copy, proposes quotes with speakers and sources, matched or new; saves nothing', async () => {
    const before = await counts();
    const res = await preview(author, { content: wireCopy('P'), locale: 'en' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const proposal = res.body.data;
    expect(proposal).toMatchObject({
      uid: ARTICLE,
      locale: 'en',
      format: 'text',
      title: 'Lukashenka meets envoys in Minsk P',
      duplicates: [],
      secondStory: { title: 'Farmers block roads near Brest P' },
    });
    expect(proposal.paragraphs.join('\n')).not.toMatch(/\.\.|&# 171;/);
    expect(proposal.removed.map((r: any) => r.reason)).toContain('repeated-headline');
    // The known person under another spelling is matched; Reuters is matched as a source.
    const luka = proposal.people.find((p: any) => p.match?.documentId === lukashenko);
    expect(luka).toBeDefined();
    expect(proposal.sources.find((s: any) => s.match?.documentId === reuters)).toBeDefined();
    const sovereignty = proposal.quotes.find((q: any) => q.text.includes('sovereignty'));
    expect(sovereignty).toMatchObject({ speaker: luka.key, index: expect.any(Number) });
    const strikes = proposal.quotes.find((q: any) => q.text.includes('strikes'));
    const novak = proposal.people.find((p: any) => p.key === strikes.speaker);
    expect(novak).toMatchObject({ name: 'Maria Novak', match: null });
    expect(await counts()).toEqual(before);
  });
});

describe('create: one transaction, a draft owned by the importer', () => {
  let story: any;
  let body: any;
  const content = wireCopy('C');

  beforeAll(async () => {
    const res = await create(author, { content, locale: 'en' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    body = res.body.data;
    story = await draftRow(body.stories[0].documentId);
  });

  it('answers what it created', () => {
    expect(body.stories).toHaveLength(1);
    expect(body.stories[0]).toMatchObject({
      uid: ARTICLE,
      locale: 'en',
      title: 'Lukashenka meets envoys in Minsk C',
      quotes: expect.any(Array),
    });
    expect(body.stories[0].quotes.length).toBeGreaterThanOrEqual(2);
    expect(body.people.length).toBeGreaterThanOrEqual(1);
  });

  it('creates a draft only, owned by the importing admin, in stage draft', async () => {
    expect(story.createdBy.id).toBe(author.user.id);
    const published = await app.strapi.db
      .query(ARTICLE)
      .count({ where: { documentId: story.documentId, publishedAt: { $notNull: true } } });
    expect(published).toBe(0);
    const state = await app.request.get(stateUrl(story.documentId)).set(author.auth);
    expect(state.status).toBe(200);
    expect(state.body.data).toMatchObject({ stage: 'draft', live: false });
    // The workflow's creator is the author: they may submit it (and the Content Manager shows it to them).
    expect(state.body.data.allowedTransitions.map((t: any) => t.id)).toContain('submit');
    const cm = await app.request
      .get(`/content-manager/collection-types/${ARTICLE}/${story.documentId}?locale=en`)
      .set(author.auth);
    expect(cm.status).toBe(200);
  });

  it('creates the quotes unverified, with their context, language, speaker, source and story', () => {
    expect(story.quotes.length).toBe(body.stories[0].quotes.length);
    for (const quote of story.quotes) {
      expect(quote.verification).toBe('unverified');
      expect(quote.publishedAt).toBeNull();
      expect(quote.context.trim().length).toBeGreaterThan(10);
      expect(quote.originalLanguage).toBe('en');
    }
    const sovereignty = story.quotes.find((q: any) => q.text.includes('sovereignty'));
    expect(sovereignty.speaker.documentId).toBe(lukashenko);
    // The sentence around the quote, the quote itself elided.
    expect(sovereignty.context).toBe('Speaking after the meeting, Lukashenka said: «…»');
    const strikes = story.quotes.find((q: any) => q.text.includes('strikes'));
    expect(strikes.speaker.name).toBe('Maria Novak');
    expect(body.people).toContain(strikes.speaker.documentId);
  });

  it('links the story to its people and sources', () => {
    const people = story.people.map((p: any) => p.documentId);
    expect(people).toContain(lukashenko);
    for (const quote of story.quotes)
      if (quote.speaker) expect(people).toContain(quote.speaker.documentId);
    const sources = story.sources.map((s: any) => s.documentId);
    for (const quote of story.quotes)
      if (quote.source) expect(sources).toContain(quote.source.documentId);
  });

  it('keeps the original copy with the story, for the admin only', async () => {
    expect(story.wireOriginal).toBe(content);
    expect(story.wireHash).toMatch(/^[0-9a-f]{16,64}$/);
    const cm = await app.request
      .get(`/content-manager/collection-types/${ARTICLE}/${story.documentId}?locale=en`)
      .set(editor.auth);
    expect(cm.body.data.wireOriginal).toBe(story.wireOriginal);
  });

  it('cannot be rewritten: the Content Manager and REST leave the original as imported', async () => {
    const cm = await app.request
      .put(`/content-manager/collection-types/${ARTICLE}/${story.documentId}?locale=en`)
      .set(editor.auth)
      .send({ documentId: story.documentId, wireOriginal: 'forged', wireHash: 'forged' });
    expect(cm.status, JSON.stringify(cm.body)).toBe(200);
    const token = await createApiToken(app, 'full-access');
    const rest = await app.request
      .put(`/api/articles/${story.documentId}?locale=en&status=draft`)
      .set(token.auth)
      .send({ data: { wireOriginal: 'forged' } });
    expect(rest.status).toBeLessThan(500);
    const row = await draftRow(story.documentId);
    expect(row.wireOriginal).toBe(content);
    expect(row.wireHash).toBe(story.wireHash);
  });

  it('is invisible to the public and to readers', async () => {
    const reader = await createReader(app);
    for (const headers of [{}, reader.auth]) {
      const one = await app.request.get(`/api/articles/${story.documentId}?locale=en`).set(headers);
      expect(one.status).toBe(404);
      const drafts = await app.request.get('/api/articles?status=draft&locale=en').set(headers);
      expect(JSON.stringify(drafts.body)).not.toContain(story.documentId);
      const quotes = await app.request.get('/api/quotes?status=draft&locale=en').set(headers);
      expect(JSON.stringify(quotes.body)).not.toContain('sovereignty');
    }
  });
});

const fixture = (file: string) =>
  readFileSync(path.resolve(__dirname, '../fixtures/wire', file), 'utf8');

describe('the sample and the agencies’ formats', () => {
  it('imports the sample: both quotes with their speakers, Lukashenko matched, the debris listed', async () => {
    const content = fixture('belarus-sochi-talks.txt');
    const proposal = (await preview(editor, { content, locale: 'en' })).body.data;
    expect(proposal.removed.length).toBeGreaterThan(0);
    expect(proposal.secondStory?.title).toMatch(/Tens of thousands of Belarus protesters/);
    expect(proposal.flagged.map((f: any) => f.text)).toEqual(
      expect.arrayContaining(['«Interfax»', '«Slavic brotherhood»'])
    );
    expect(proposal.people.find((p: any) => p.match?.documentId === lukashenko)).toBeDefined();
    const res = await create(editor, { content, locale: 'en' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const row = await draftRow(res.body.data.stories[0].documentId);
    const speakers = row.quotes.map((q: any) => q.speaker?.name);
    expect(speakers).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Bachelet/),
        expect.stringMatching(/Tikhanovskaya/),
      ])
    );
    expect(row.quotes.every((q: any) => q.verification === 'unverified')).toBe(true);
    expect(row.people.map((p: any) => p.documentId)).toContain(lukashenko);
  });

  it.each([
    ['dpa-merkel.ninjs.json', 'ninjs'],
    ['reuters-kuleba.nitf.xml', 'nitf'],
    ['voa-tsikhanouskaya-vilnius.html', 'html'],
  ])('reads %s as %s', async (file, format) => {
    const res = await preview(author, { content: fixture(file), locale: 'en' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.format).toBe(format);
    expect(res.body.data.title.length).toBeGreaterThan(0);
    expect(res.body.data.paragraphs.length).toBeGreaterThan(0);
  });
});

describe('the review’s corrections', () => {
  it('merges a proposed person into an existing one, drops a quote, edits the story, splits the second story', async () => {
    const content = wireCopy('R');
    const { body: proposed } = await preview(editor, { content, locale: 'en' });
    const proposal = proposed.data;
    const strikes = proposal.quotes.find((q: any) => q.text.includes('strikes'));
    const farmer = proposal.quotes.find((q: any) => q.text.includes('nothing left'));
    const sovereignty = proposal.quotes.find((q: any) => q.text.includes('sovereignty'));
    const before = await counts();
    const res = await create(editor, {
      content,
      locale: 'en',
      review: {
        title: 'Envoys in Minsk (edited)',
        standfirst: 'A standfirst written at the desk.',
        // Maria Novak is someone the newsroom knows as Lukashenko, for the sake of the test.
        people: { [strikes.speaker]: { documentId: lukashenko } },
        quotes: [
          { index: sovereignty.index, drop: true },
          { index: strikes.index, source: { documentId: reuters } },
        ],
        secondStory: 'split',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [main, second] = res.body.data.stories;
    expect(res.body.data.stories).toHaveLength(2);
    expect(main.title).toBe('Envoys in Minsk (edited)');
    expect(second.title).toBe('Farmers block roads near Brest R');
    const mainRow = await draftRow(main.documentId);
    expect(mainRow.standfirst).toBe('A standfirst written at the desk.');
    expect(mainRow.quotes.map((q: any) => q.text)).toEqual([strikes.text]);
    expect(mainRow.quotes[0].speaker.documentId).toBe(lukashenko);
    expect(mainRow.quotes[0].source.documentId).toBe(reuters);
    expect(JSON.stringify(mainRow.body)).not.toContain('Farmers blocked');
    const secondRow = await draftRow(second.documentId);
    expect(JSON.stringify(secondRow.body)).toContain('Farmers blocked');
    expect(secondRow.quotes.map((q: any) => q.text)).toEqual(farmer ? [farmer.text] : []);
    expect(secondRow.createdBy.id).toBe(editor.user.id);
    // Novak merged: no person created for her.
    const after = await counts();
    expect(after.articles - before.articles).toBe(2);
    expect(
      await app.strapi.db.query(PERSON).count({ where: { name: 'Maria Novak' } })
    ).toBeLessThanOrEqual(
      1 // created once by the earlier import of the same person, never again here
    );
    expect(res.body.data.people).not.toContain(
      (await app.strapi.db.query(PERSON).findOne({ where: { name: 'Maria Novak' } }))?.documentId
    );
  });

  it('creates a new speaker given by name, and drops the second headline (its paragraphs stay)', async () => {
    const content = wireCopy('N');
    const proposal = (await preview(author, { content, locale: 'en' })).body.data;
    const strikes = proposal.quotes.find((q: any) => q.text.includes('strikes'));
    const res = await create(author, {
      content,
      locale: 'en',
      review: {
        quotes: [
          {
            index: strikes.index,
            speaker: { new: { name: 'Maryia Novak-Test', role: 'Organiser' } },
          },
        ],
        secondStory: 'drop',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.stories).toHaveLength(1);
    const row = await draftRow(res.body.data.stories[0].documentId);
    expect(JSON.stringify(row.body)).toContain('Farmers blocked');
    expect(JSON.stringify(row.body)).not.toContain('Farmers block roads');
    const quote = row.quotes.find((q: any) => q.text.includes('strikes'));
    expect(quote.speaker.name).toBe('Maryia Novak-Test');
    const person = await app.strapi.db
      .query(PERSON)
      .findOne({ where: { name: 'Maryia Novak-Test' } });
    expect(person.role).toBe('Organiser');
  });
});

describe('bad input: a clear 4xx, nothing created', () => {
  const refused = async (
    request: () => Promise<any>,
    status: number,
    name: string,
    message: RegExp,
    path?: string[]
  ) => {
    const before = await counts();
    const res = await request();
    expectError(res, status, name, message);
    if (path) expect(res.body.error.details.errors[0].path).toEqual(path);
    expect(await counts()).toEqual(before);
    return res;
  };

  it.each([
    ['empty text', { content: '', locale: 'en' }, /empty/i, ['content']],
    ['blank text', { content: '  \n\t ', locale: 'en' }, /empty/i, ['content']],
    [
      'binary content',
      { content: 'PK\u0003\u0004\u0000\u0000binary\u0000', locale: 'en' },
      /binary|NUL/i,
      ['content'],
    ],
    [
      'malformed ninjs',
      { content: '{"headline": "x", "body_text":', format: 'ninjs', locale: 'en' },
      /ninjs|JSON/i,
      ['content'],
    ],
    [
      'malformed NITF',
      { content: '<nitf><body><body.content><p>x</body></nitf>', format: 'nitf', locale: 'en' },
      /NITF|XML/i,
      ['content'],
    ],
    [
      'an unknown locale',
      { content: wireCopy(), locale: 'xx' },
      /locale "xx" is not one of the configured locales/,
      ['locale'],
    ],
    [
      'an unknown format',
      { content: wireCopy(), format: 'pdf' },
      /format must be one of/,
      ['format'],
    ],
    ['no content', { locale: 'en' }, /content must be the copy/, ['content']],
    [
      'an unknown key',
      { content: wireCopy(), publish: true },
      /Unknown key "publish"/,
      ['publish'],
    ],
    [
      'a bad secondStory choice',
      { content: wireCopy(), review: { secondStory: 'keep' } },
      /secondStory must be "split" or "drop"/,
      ['review', 'secondStory'],
    ],
    [
      'dryRun on an admin route',
      { content: wireCopy(), dryRun: false },
      /dryRun belongs to the content API/,
      ['dryRun'],
    ],
  ])('%s', async (_what, body, message, path) => {
    await refused(() => create(editor, body), 400, 'ValidationError', message, path);
    await refused(() => preview(editor, body), 400, 'ValidationError', message, path);
  });

  it('a text longer than 200,000 characters', async () => {
    await refused(
      () => create(editor, { content: 'a'.repeat(200_001), locale: 'en' }),
      400,
      'ValidationError',
      /longer than 200000 characters/,
      ['content']
    );
  });

  it('a 10 MB text: refused by the body limit, still in Strapi’s error shape', async () => {
    const res = await refused(
      () =>
        app.request
          .post(createUrl())
          .set(editor.auth)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify({ content: 'wire copy '.repeat(1_000_000), locale: 'en' })),
      413,
      'PayloadTooLargeError',
      /too large/i
    );
    expect(res.headers['content-type']).toMatch(/json/);
  });

  it('an unknown content type: 404', async () => {
    await refused(
      () =>
        app.request
          .post(createUrl('api::quote.quote'))
          .set(editor.auth)
          .send({ content: wireCopy() }),
      404,
      'NotFoundError',
      /Nothing imports into "api::quote\.quote"/
    );
  });

  it('a speaker documentId that does not exist', async () => {
    await refused(
      () =>
        create(editor, {
          content: wireCopy(),
          locale: 'en',
          review: { quotes: [{ index: 0, speaker: { documentId: 'no-such-person' } }] },
        }),
      400,
      'ValidationError',
      /No person has the documentId "no-such-person"/,
      ['review', 'quotes', '0', 'speaker', 'documentId']
    );
  });

  it('a quote index out of range, a person key that names nobody', async () => {
    await refused(
      () =>
        create(editor, { content: wireCopy(), review: { quotes: [{ index: 99, drop: true }] } }),
      400,
      'ValidationError',
      /No quote has the index 99/
    );
    await refused(
      () => create(editor, { content: wireCopy(), review: { people: { nobody: { skip: true } } } }),
      400,
      'ValidationError',
      /No proposed person has the key "nobody"/
    );
  });
});

describe('a failure half-way leaves nothing behind', () => {
  it('an invalid second quote (too long for the field): the story, people and first quote are rolled back', async () => {
    const content = wireCopy('H');
    const proposal = (await preview(editor, { content, locale: 'en' })).body.data;
    const [, secondQuote] = proposal.quotes;
    const before = await counts();
    const res = await create(editor, {
      content,
      locale: 'en',
      review: { quotes: [{ index: secondQuote.index, text: `«${'x'.repeat(2_100)}»` }] },
    });
    expectError(res, 400, 'ValidationError', /2000/);
    expect(await counts()).toEqual(before);
    // Retrying the corrected import is not taken for a duplicate.
    const again = await preview(editor, { content, locale: 'en' });
    expect(again.body.data.duplicates).toEqual([]);
  });

  it('a failure injected after the second quote is written', async () => {
    let quotesWritten = 0;
    let armed = true;
    app.strapi.documents.use(async (ctx: any, next: () => Promise<unknown>) => {
      const result = await next();
      if (armed && ctx.uid === QUOTE && ctx.action === 'create' && ++quotesWritten === 2) {
        throw new errors.ApplicationError('Injected failure after the second quote');
      }
      return result;
    });
    try {
      const before = await counts();
      const res = await create(author, { content: wireCopy('I'), locale: 'en' });
      expectError(res, 400, 'ApplicationError', /Injected failure/);
      expect(quotesWritten).toBe(2);
      expect(await counts()).toEqual(before);
    } finally {
      armed = false;
    }
  });
});

describe('the same copy twice', () => {
  it('preview warns, create refuses with 409 naming the story, unless allowDuplicate', async () => {
    const content = wireCopy('D');
    const first = await create(author, { content, locale: 'en' });
    expect(first.status).toBe(201);
    const story = first.body.data.stories[0];
    const warned = await preview(editor, { content, locale: 'en' });
    expect(warned.body.data.duplicates).toEqual([
      { documentId: story.documentId, title: story.title, locale: 'en' },
    ]);
    const before = await counts();
    const again = await create(editor, { content, locale: 'en' });
    expectError(
      again,
      409,
      'ConflictError',
      new RegExp(`imported before: «${story.title}» \\(en, ${story.documentId}\\)`)
    );
    expect(again.body.error.details.duplicates).toEqual([
      { documentId: story.documentId, title: story.title, locale: 'en' },
    ]);
    expect(await counts()).toEqual(before);
    const allowed = await create(editor, { content, locale: 'en', allowDuplicate: true });
    expect(allowed.status).toBe(201);
    expect(allowed.body.data.stories[0].documentId).not.toBe(story.documentId);
  });
});

describe('the content API, for API tokens', () => {
  it('answers the proposal by default (dryRun), creating nothing', async () => {
    const before = await counts();
    const res = await app.request
      .post(apiUrl())
      .set(importToken.auth)
      .send({ content: wireCopy('T'), format: 'text', locale: 'en' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.meta).toEqual({ dryRun: true });
    expect(res.body.data).toMatchObject({
      uid: ARTICLE,
      title: 'Lukashenka meets envoys in Minsk T',
    });
    expect(await counts()).toEqual(before);
  });

  it('creates the draft with dryRun: false, taking the proposals as they are', async () => {
    const content = wireCopy('T');
    const proposal = (await app.request.post(apiUrl()).set(importToken.auth).send({ content })).body
      .data;
    const res = await app.request
      .post(apiUrl())
      .set(importToken.auth)
      .send({ content, format: 'text', locale: 'en', dryRun: false });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.meta).toEqual({ dryRun: false });
    const [story] = res.body.data.stories;
    const row = await draftRow(story.documentId);
    expect(row.createdBy).toBeNull();
    expect(row.quotes.map((q: any) => q.text)).toEqual(proposal.quotes.map((q: any) => q.text));
    const state = await app.strapi.db
      .query(STATE)
      .findOne({ where: { targetDocumentId: story.documentId } });
    expect(state).toMatchObject({ stage: 'draft', author: { type: 'api-token' } });
    const again = await app.request
      .post(apiUrl())
      .set(importToken.auth)
      .send({ content, dryRun: false });
    expectError(again, 409, 'ConflictError', /imported before/);
  });

  it('refuses a token without the permission, and the public', async () => {
    const before = await counts();
    const denied = await app.request
      .post(apiUrl())
      .set(readToken.auth)
      .send({ content: wireCopy(), dryRun: false });
    expectError(denied, 403, 'ForbiddenError');
    const anonymous = await app.request.post(apiUrl()).send({ content: wireCopy(), dryRun: false });
    expect([401, 403]).toContain(anonymous.status);
    expect(anonymous.body.data).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input the same way', async () => {
    const before = await counts();
    const res = await app.request
      .post(apiUrl())
      .set(importToken.auth)
      .send({ content: '\u0000\u0001\u0002', dryRun: false });
    expectError(res, 400, 'ValidationError');
    expect(await counts()).toEqual(before);
  });
});

describe('the original copy is never in a public answer', () => {
  let live: string;
  const ORIGINAL_MARK = 'Brest Courier&# 187;';

  beforeAll(async () => {
    const res = await create(author, { content: wireCopy('L'), locale: 'en' });
    live = res.body.data.stories[0].documentId;
    // The fact-checker verifies every quote in the Content Manager; then submit and approve.
    for (const quoteId of res.body.data.stories[0].quotes) {
      const verified = await app.request
        .put(`/content-manager/collection-types/${QUOTE}/${quoteId}?locale=en`)
        .set(checker.auth)
        .send({ verification: 'verified', verificationNote: 'Checked against the agency feed' });
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    }
    const workflow = workflowService(app);
    const target = { uid: ARTICLE, documentId: live, locale: 'en' };
    await workflow.transition(target, { transition: 'submit' }, WRITER, () => true);
    await workflow.transition(target, { transition: 'approve' }, CHECKER, () => true);
  });

  it('the live story is read without it, however it is asked for', async () => {
    const reader = await createReader(app);
    for (const headers of [{}, reader.auth, readToken.auth]) {
      for (const url of [
        `/api/articles/${live}?locale=en`,
        `/api/articles/${live}?locale=en&populate=*`,
        `/api/articles?locale=en&populate[quotes][populate]=*`,
        `/api/quotes?locale=en&populate[article]=true`,
        `/api/people?populate=*`,
      ]) {
        const res = await app.request.get(url).set(headers);
        expect(res.status, `${url} ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
        const text = JSON.stringify(res.body);
        expect(text).not.toContain('wireOriginal');
        expect(text).not.toContain('wireHash');
        expect(text).not.toContain(ORIGINAL_MARK);
      }
      const story = await app.request.get(`/api/articles/${live}?locale=en`).set(headers);
      expect(story.body.data.title).toBe('Lukashenka meets envoys in Minsk L');
    }
  });

  it.each([
    '/api/articles?filters[wireOriginal][$contains]=Brest',
    '/api/articles?filters[wireHash][$notNull]=true',
    '/api/articles?filters[$or][0][wireOriginal][$null]=false',
    '/api/quotes?filters[article][wireOriginal][$contains]=Brest',
    '/api/quotes?populate[article][filters][wireOriginal][$contains]=Brest',
    '/api/articles?sort=wireHash:asc',
    '/api/articles?sort[0]=wireOriginal',
    '/api/articles?fields[0]=wireOriginal',
    '/api/articles?fields[0]=title&fields[1]=wireHash',
  ])('GET %s is refused for readers and tokens, telling nothing', async (url) => {
    const reader = await createReader(app);
    for (const headers of [{}, reader.auth, readToken.auth]) {
      const res = await app.request.get(url).set(headers);
      expectError(res, 400, 'ValidationError');
      expect(JSON.stringify(res.body)).not.toContain(ORIGINAL_MARK);
    }
  });
});
