// The quote checklist of the workflow panel: quotes named by their text in the Content Manager, the
// checklist route, verdicts through the Content Manager's own route, source warnings (warn | block),
// and the reasons (`blockedBy`) an allowed move would be refused now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, WRITER } from '../helpers/identities';
import { bootInChildProcess, startTestApp } from '../helpers/strapi';
import {
  ARTICLE,
  giveStoryTo,
  QUOTE,
  stateUrl,
  transitionUrl,
  workflowService,
} from '../helpers/workflow';

type Admin = Awaited<ReturnType<typeof createAdmin>>;
let app: Awaited<ReturnType<typeof startTestApp>>;
let editor: Admin;
let author: Admin;
let checker: Admin;

const checklistUrl = (documentId: string, locale = 'en', uid = ARTICLE) =>
  `/editorial-workflow/checklist/${uid}/${documentId}?locale=${locale}`;
const quoteUrl = (documentId: string, locale = 'en') =>
  `/content-manager/collection-types/${QUOTE}/${documentId}?locale=${locale}`;

/** A story with quotes whose source, URL and date are given; quotes start unverified. */
const createSourcedStory = async (
  title: string,
  quotes: { text: string; source: string; url?: string | null; saidAt?: string | null }[]
) => {
  const speaker = await app.strapi
    .documents('api::person.person')
    .create({ data: { name: `Speaker of ${title}` } });
  const article = await app.strapi.documents(ARTICLE).create({ locale: 'en', data: { title } });
  const quoteIds: string[] = [];
  for (const quote of quotes) {
    const created = await app.strapi.documents(QUOTE).create({
      locale: 'en',
      data: {
        text: quote.text,
        url: quote.url === undefined ? 'https://example.org/said' : quote.url,
        saidAt: quote.saidAt === undefined ? '2026-11-30' : quote.saidAt,
        speaker: speaker.documentId,
        source: quote.source,
        article: { connect: [{ documentId: article.documentId, locale: 'en' }] },
      },
    });
    quoteIds.push(created.documentId);
  }
  return { documentId: article.documentId as string, quoteIds };
};

const submit = (documentId: string) =>
  workflowService(app).transition(
    { uid: ARTICLE, documentId, locale: 'en' },
    { transition: 'submit' },
    WRITER,
    () => true
  );

let agency: string;
let rumours: string;
let wire: string;

beforeAll(async () => {
  app = await startTestApp({ SOURCE_WARNINGS: 'warn' });
  editor = await createAdmin(app, 'strapi-editor', 'Eddie');
  author = await createAdmin(app, 'strapi-author', 'Ada');
  checker = await createAdmin(app, 'Fact-checker', 'Fiona');
  const source = (name: string, reliability: string) =>
    app.strapi.documents('api::source.source').create({ data: { name, reliability } });
  agency = (await source('Agency', 'A')).documentId;
  rumours = (await source('Rumour mill', 'E')).documentId;
  wire = (await source('Wire', 'B')).documentId;
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

describe('quotes display by their text in the Content Manager', () => {
  it('sets the quote main field and the relation fields that point at quotes', async () => {
    const quote = await app.request
      .get(`/content-manager/content-types/${QUOTE}/configuration`)
      .set(editor.auth);
    expect(quote.status).toBe(200);
    expect(quote.body.data.contentType.settings.mainField).toBe('text');
    const article = await app.request
      .get(`/content-manager/content-types/${ARTICLE}/configuration`)
      .set(editor.auth);
    expect(article.body.data.contentType.metadatas.quotes.edit.mainField).toBe('text');
  });

  it('labels a story’s quotes by their text in the relation endpoint', async () => {
    const story = await createSourcedStory('Labelled quotes', [
      { text: '«Words one»', source: agency },
      { text: '«Words two»', source: wire },
    ]);
    const res = await app.request
      .get(`/content-manager/relations/${ARTICLE}/${story.documentId}/quotes?locale=en`)
      .set(editor.auth);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => r.text).sort()).toEqual(['«Words one»', '«Words two»']);
  });

  it('keeps an administrator’s later choice across restarts (one first-boot step)', async () => {
    const done = await app.strapi
      .store({ type: 'app', name: 'newsroom' })
      .get({ key: 'first-boot:quote-main-field' });
    expect(done).toMatchObject({ doneAt: expect.any(String) });
  });
});

describe('GET /editorial-workflow/checklist/:uid/:documentId', () => {
  let story: { documentId: string; quoteIds: string[] };
  beforeAll(async () => {
    story = await createSourcedStory('Checked story', [
      { text: '«Solid words»', source: agency },
      { text: '«Shaky words»', source: rumours, url: null },
      { text: '«Undated words»', source: wire, saidAt: null },
    ]);
  });

  it('lists every quote of the draft with its source, grade and verdict, and the warnings', async () => {
    const res = await app.request.get(checklistUrl(story.documentId)).set(editor.auth);
    expect(res.status).toBe(200);
    const { items, progress, warnings, blocking, canVerify } = res.body.data;
    expect(progress).toEqual({ done: 0, total: 3 });
    expect(blocking).toBe(false);
    expect(canVerify).toBe(true);
    expect(items.map((i: any) => i.documentId)).toEqual(story.quoteIds);
    expect(items[0]).toEqual({
      uid: QUOTE,
      documentId: story.quoteIds[0],
      locale: 'en',
      text: '«Solid words»',
      speaker: 'Speaker of Checked story',
      source: { name: 'Agency', reliability: 'A' },
      saidAt: '2026-11-30',
      url: 'https://example.org/said',
      verification: 'unverified',
      verificationNote: null,
      verifiedBy: null,
      verifiedAt: null,
    });
    expect(warnings).toEqual([
      {
        code: 'low-reliability',
        message: 'The quote «Shaky words» rests on Rumour mill, graded E.',
        documentId: story.quoteIds[1],
      },
      {
        code: 'missing-url',
        message: 'The quote «Shaky words» has no URL.',
        documentId: story.quoteIds[1],
      },
      {
        code: 'missing-date',
        message: 'The quote «Undated words» has no date.',
        documentId: story.quoteIds[2],
      },
    ]);
  });

  it('warns when all quotes rest on one source', async () => {
    const single = await createSourcedStory('One voice', [
      { text: '«First»', source: wire },
      { text: '«Second»', source: wire },
    ]);
    const res = await app.request.get(checklistUrl(single.documentId)).set(checker.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.warnings).toEqual([
      { code: 'single-source', message: 'All 2 quotes rest on one source, Wire.' },
    ]);
  });

  it('answers 404 for an unmanaged type, an unknown document or locale; 400 for a malformed locale', async () => {
    const unmanaged = await app.request
      .get(checklistUrl(story.documentId, 'en', QUOTE))
      .set(editor.auth);
    expect(unmanaged.status).toBe(404);
    expect(unmanaged.body.error).toMatchObject({
      name: 'NotFoundError',
      message: `${QUOTE} is not in the editorial workflow`,
    });
    const unknown = await app.request.get(checklistUrl('nosuchdocument')).set(editor.auth);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(`No document nosuchdocument in ${ARTICLE}`);
    const noLocale = await app.request.get(checklistUrl(story.documentId, 'xx')).set(editor.auth);
    expect(noLocale.status).toBe(404);
    expect(noLocale.body.error.message).toBe('Unknown locale "xx"');
    const malformed = await app.request
      .get(`/editorial-workflow/checklist/${ARTICLE}/${story.documentId}?locale=en&locale=ru`)
      .set(editor.auth);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.name).toBe('ValidationError');
  });

  it('per default role: Editor and Fact-checker read it; an Author only for their own story', async () => {
    expect((await app.request.get(checklistUrl(story.documentId)).set(checker.auth)).status).toBe(
      200
    );
    const foreign = await app.request.get(checklistUrl(story.documentId)).set(author.auth);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.name).toBe('ForbiddenError');
    const own = await createSourcedStory('Ada’s story', [{ text: '«Mine»', source: agency }]);
    await giveStoryTo(app, own.documentId, author.user.id);
    expect((await app.request.get(checklistUrl(own.documentId)).set(author.auth)).status).toBe(200);
    expect((await app.request.get(checklistUrl(own.documentId))).status).toBe(401);
  });
});

describe('canVerify: whether the panel offers verdict buttons, decided by the server', () => {
  const canVerify = async (auth: Record<string, string>, documentId: string) => {
    const res = await app.request.get(checklistUrl(documentId)).set(auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data.canVerify;
  };

  it('is true for Editor and Fact-checker, false for an Author, and for a role without the verdict fields', async () => {
    const story = await createSourcedStory('Who may judge', [{ text: '«Judge me»', source: wire }]);
    await giveStoryTo(app, story.documentId, author.user.id);
    expect(await canVerify(checker.auth, story.documentId)).toBe(true);
    expect(await canVerify(editor.auth, story.documentId)).toBe(true);
    // The Author reads their own story's checklist, and may not verify.
    expect(await canVerify(author.auth, story.documentId)).toBe(false);

    // Verify quotes, but the Content Manager would leave the verdict fields out of their writes.
    const roles = app.strapi.service('admin::role');
    const role = await roles.create({ name: 'Proofreader', description: 'test' });
    const factChecker = await app.strapi.db
      .query('admin::role')
      .findOne({ where: { name: 'Fact-checker' } });
    const permissions = await app.strapi.db
      .query('admin::permission')
      .findMany({ where: { role: factChecker.id } });
    await roles.addPermissions(
      role.id,
      permissions.map((p: any) => ({
        action: p.action,
        subject: p.subject,
        conditions: p.conditions,
        properties:
          p.subject === QUOTE && Array.isArray(p.properties?.fields)
            ? {
                ...p.properties,
                fields: p.properties.fields.filter(
                  (f: string) => !['verification', 'verificationNote'].includes(f)
                ),
              }
            : p.properties,
      }))
    );
    expect(permissions.map((p: any) => p.action)).toContain('api::newsroom.verify-quotes');
    const proofreader = await createAdmin(app, 'Proofreader', 'Pat');
    expect(await canVerify(proofreader.auth, story.documentId)).toBe(false);
  });
});

describe('verdicts through the Content Manager’s update route', () => {
  it('a Fact-checker sets a verdict with a note (partial update), stamped with their name', async () => {
    const story = await createSourcedStory('Verdict story', [
      { text: '«Check me»', source: agency },
    ]);
    const res = await app.request
      .put(quoteUrl(story.quoteIds[0]))
      .set(checker.auth)
      .send({ verification: 'disputed', verificationNote: 'The transcript says otherwise' });
    expect(res.status).toBe(200);
    const list = await app.request.get(checklistUrl(story.documentId)).set(checker.auth);
    expect(list.body.data.items[0]).toMatchObject({
      text: '«Check me»',
      verification: 'disputed',
      verificationNote: 'The transcript says otherwise',
      verifiedBy: 'Fiona Tester',
    });
    expect(Date.now() - Date.parse(list.body.data.items[0].verifiedAt)).toBeLessThan(60_000);

    const back = await app.request
      .put(quoteUrl(story.quoteIds[0]))
      .set(editor.auth)
      .send({ verification: 'verified' });
    expect(back.status).toBe(200);
    const after = await app.request.get(checklistUrl(story.documentId)).set(editor.auth);
    expect(after.body.data.items[0]).toMatchObject({
      verification: 'verified',
      verifiedBy: 'Eddie Tester',
    });
    expect(after.body.data.progress).toEqual({ done: 1, total: 1 });
  });

  it('an Author’s verdict does not take: their field permissions leave verification out (nothing changes)', async () => {
    const story = await createSourcedStory('Author verdict', [
      { text: '«Not yours»', source: agency },
    ]);
    await giveStoryTo(app, story.documentId, author.user.id);
    // Their own quote too: the refusal is the verdict's, not the Content Manager's isCreator.
    await app.strapi.db.query(QUOTE).updateMany({
      where: { documentId: story.quoteIds[0] },
      data: { createdBy: author.user.id },
    });
    const res = await app.request
      .put(quoteUrl(story.quoteIds[0]))
      .set(author.auth)
      .send({ verification: 'verified' });
    // Measured: the Content Manager drops fields a role may not write (field-level permissions)
    // before any Document Service rule sees them, so the answer is 200 with the verdict unchanged.
    expect(res.status).toBe(200);
    expect(res.body.data.verification).toBe('unverified');
    const row = await app.strapi.db
      .query(QUOTE)
      .findOne({ where: { documentId: story.quoteIds[0], publishedAt: null } });
    expect(row.verification).toBe('unverified');
    expect(row.verifiedBy).toBeNull();
  });
});

describe('blockedBy and SOURCE_WARNINGS=block', () => {
  it('names what stands in approval’s way before it is pressed, and clears when it is mended', async () => {
    const story = await createSourcedStory('Blocked story', [
      { text: '«Pending»', source: agency },
    ]);
    await submit(story.documentId);
    const approve = async () =>
      (
        await app.request.get(stateUrl(story.documentId)).set(checker.auth)
      ).body.data.allowedTransitions.find((t: any) => t.id === 'approve');
    expect((await approve()).blockedBy).toEqual([
      'The quote «Pending» is unverified: it must be verified.',
    ]);
    await app.request
      .put(quoteUrl(story.quoteIds[0]))
      .set(checker.auth)
      .send({ verification: 'verified' })
      .expect(200);
    expect((await approve()).blockedBy).toBeUndefined();
  });

  it('in block mode refuses approval with the warnings (400, nothing changed); warn mode lets it through', async () => {
    const story = await createSourcedStory('Weak sources', [
      { text: '«Rumoured»', source: rumours },
    ]);
    await app.request
      .put(quoteUrl(story.quoteIds[0]))
      .set(checker.auth)
      .send({ verification: 'verified' })
      .expect(200);
    await submit(story.documentId);
    app.strapi.config.set('newsroom.sourceWarnings', 'block');
    try {
      const listed = await app.request.get(checklistUrl(story.documentId)).set(checker.auth);
      expect(listed.body.data.blocking).toBe(true);
      const state = await app.request.get(stateUrl(story.documentId)).set(checker.auth);
      expect(
        state.body.data.allowedTransitions.find((t: any) => t.id === 'approve').blockedBy
      ).toEqual(['The quote «Rumoured» rests on Rumour mill, graded E.']);
      const refused = await app.request
        .post(transitionUrl(story.documentId))
        .set(checker.auth)
        .send({ transition: 'approve' });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        name: 'ValidationError',
        message:
          '"Approve and publish" is not possible yet: The quote «Rumoured» rests on Rumour mill, graded E.',
      });
      const after = await app.request.get(stateUrl(story.documentId)).set(checker.auth);
      expect(after.body.data).toMatchObject({ stage: 'fact_check', live: false });
    } finally {
      app.strapi.config.set('newsroom.sourceWarnings', 'warn');
    }
    const approved = await app.request
      .post(transitionUrl(story.documentId))
      .set(checker.auth)
      .send({ transition: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.data.stage).toBe('published');
  });

  it('a bad SOURCE_WARNINGS stops the boot, naming it', () => {
    const { status, output } = bootInChildProcess(
      { SOURCE_WARNINGS: 'loud' },
      undefined,
      'register'
    );
    expect(status).toBe(3);
    expect(output).toContain('SOURCE_WARNINGS must be "warn" or "block", got "loud"');
  }, 90_000);
});
