// Structured data (issue 11): `GET /api/articles/:documentId/jsonld` and `?jsonld=true` on a story
// give schema.org NewsArticle + ClaimReview items from the published version only; 404 in
// Strapi's error shape for anything not published. The route bypasses the response cache; the
// `?jsonld=true` answer goes through it and is evicted by changes to the quotes and speakers it
// shows. On SQLite and PostgreSQL (TEST_DATABASE).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAdmin,
  createApiToken,
  createReader,
  publishThroughWorkflow,
  WRITER,
} from '../helpers/identities';
import { startTestApp } from '../helpers/strapi';
import { googleProblems } from '../helpers/structured-data';
import { ARTICLE, createStory, QUOTE, transitionUrl, workflowService } from '../helpers/workflow';

let app: Awaited<ReturnType<typeof startTestApp>>;
let editor: Awaited<ReturnType<typeof createAdmin>>;
const PERSON = 'api::person.person';

beforeAll(async () => {
  app = await startTestApp({
    PUBLISHER_NAME: 'Minsk Daily',
    PUBLISHER_URL: 'https://news.example',
    ARTICLE_URL_TEMPLATE: '{publisherUrl}/{locale}/stories/{slug}',
  });
  editor = await createAdmin(app, 'strapi-editor', 'Edna Editor');
});
afterAll(async () => {
  await app?.stop();
});

const jsonldUrl = (documentId: string, query = 'locale=en') =>
  `/api/articles/${documentId}/jsonld?${query}`;

/** The published row of a quote (to stand in for a story published before the workflow). */
const setPublishedVerdict = (documentId: string, verification: string, verificationNote: string) =>
  app.strapi.db.query(QUOTE).updateMany({
    where: { documentId, locale: 'en', publishedAt: { $notNull: true } },
    data: { verification, verificationNote },
  });

/**
 * A live story with three quotes: verified with a note, verified without, and one whose published
 * verdict is `disputed` (the approval guard wants every quote verified, so a disputed verdict in a
 * live story comes from before the workflow; it is written straight onto the published row here).
 */
const liveStory = async (title: string) => {
  const story = await createStory(app, title, {
    quotes: [
      { text: `Checked claim of ${title}`, verification: 'verified' },
      { text: `Plain quote of ${title}`, verification: 'verified' },
      { text: `Doubtful claim of ${title}`, verification: 'verified' },
    ],
  });
  await app.strapi.documents(ARTICLE).update({
    documentId: story.documentId,
    locale: 'en',
    data: { byline: 'By Jane Roe and John Doe', standfirst: 'What was said.' },
  });
  await app.strapi.documents(QUOTE).update({
    documentId: story.quoteIds[0],
    locale: 'en',
    data: { verificationNote: 'On video, 13 September.' },
  });
  await publishThroughWorkflow(app, story.documentId);
  await setPublishedVerdict(story.quoteIds[2], 'disputed', 'No record of this.');
  return story;
};

describe('GET /api/articles/:id/jsonld', () => {
  it('answers the published story as NewsArticle and ClaimReviews that pass Google’s checks', async () => {
    const { documentId, quoteIds, speakerId } = await liveStory('Sochi talks');
    const res = await app.request.get(jsonldUrl(documentId));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    // Not a cached route: answered afresh every time.
    expect(res.headers['x-cache']).toBeUndefined();
    const { '@context': context, '@graph': graph } = res.body;
    expect(context).toBe('https://schema.org');
    const [article, ...reviews] = graph;
    const url = 'https://news.example/en/stories/sochi-talks';
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      url,
      headline: 'Sochi talks',
      description: 'What was said.',
      inLanguage: 'en',
      author: [
        { '@type': 'Person', name: 'Jane Roe' },
        { '@type': 'Person', name: 'John Doe' },
      ],
      publisher: { '@type': 'Organization', name: 'Minsk Daily', url: 'https://news.example' },
    });
    const live = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId, locale: 'en', publishedAt: { $notNull: true } } });
    expect(article.dateModified).toBe(new Date(live.publishedAt).toISOString());
    expect(Date.parse(article.datePublished)).toBeLessThanOrEqual(Date.parse(article.dateModified));
    expect(article).not.toHaveProperty('correction');

    expect(reviews.map((r: any) => [r.url, r.reviewRating.alternateName])).toEqual([
      [`${url}#quote-${quoteIds[0]}`, 'Verified'],
      [`${url}#quote-${quoteIds[2]}`, 'Disputed'],
    ]);
    expect(reviews[1]).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'Doubtful claim of Sochi talks',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Speaker of Sochi talks' },
      },
      author: { '@type': 'Organization', name: 'Minsk Daily' },
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'Disputed',
        ratingExplanation: 'No record of this.',
      },
    });
    for (const node of graph) expect(googleProblems(node)).toEqual([]);
    expect(speakerId).toBeTruthy();
  });

  it('uses the published version only: draft edits and draft verdicts never show', async () => {
    const { documentId, quoteIds } = await liveStory('Draft stays private');
    await app.strapi.documents(ARTICLE).update({
      documentId,
      locale: 'en',
      data: { title: 'UNREVIEWED TITLE' },
    });
    await app.strapi.documents(QUOTE).update({
      documentId: quoteIds[1],
      locale: 'en',
      data: { verification: 'misattributed', verificationNote: 'UNREVIEWED VERDICT' },
    });
    await app.strapi.documents(QUOTE).update({
      documentId: quoteIds[0],
      locale: 'en',
      data: { text: 'UNREVIEWED TEXT' },
    });
    const res = await app.request.get(jsonldUrl(documentId));
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/UNREVIEWED/);
    expect(res.body['@graph'][0].headline).toBe('Draft stays private');
    expect(res.body['@graph'].map((n: any) => n.reviewRating?.alternateName)).toEqual([
      undefined,
      'Verified',
      'Disputed',
    ]);
  });

  it('shows the corrections log as CorrectionComments, newest first', async () => {
    const { documentId } = await liveStory('Corrected story');
    for (const note of ['First fix.', 'Second fix.']) {
      await app.strapi
        .documents(ARTICLE)
        .update({ documentId, locale: 'en', data: { section: note } });
      await workflowService(app).transition(
        { uid: ARTICLE, documentId, locale: 'en' },
        { transition: 'submit' },
        WRITER,
        () => true
      );
      const res = await app.request
        .post(transitionUrl(documentId))
        .set(editor.auth)
        .send({ transition: 'approve', correction: { note } });
      expect(res.status).toBe(200);
    }
    const [article] = (await app.request.get(jsonldUrl(documentId))).body['@graph'];
    expect(article.correction.map((c: any) => [c['@type'], c.text])).toEqual([
      ['CorrectionComment', 'Second fix.'],
      ['CorrectionComment', 'First fix.'],
    ]);
    expect(googleProblems(article)).toEqual([]);
    // The same log as the story's own answer.
    const story = await app.request.get(`/api/articles/${documentId}?locale=en`);
    expect(story.body.data.corrections.map((c: any) => [c.date, c.note])).toEqual(
      article.correction.map((c: any) => [c.datePublished, c.text])
    );
  });

  it('answers 404 in Strapi’s shape for drafts, unknown stories, other locales and retracted stories', async () => {
    const draft = await createStory(app, 'Only a draft', {
      quotes: [{ text: 'Draft words', verification: 'verified' }],
    });
    const retracted = await liveStory('Soon retracted');
    const retract = await app.request
      .post(transitionUrl(retracted.documentId))
      .set(editor.auth)
      .send({ transition: 'retract', comment: 'wrong' });
    expect(retract.status).toBe(200);
    for (const url of [
      jsonldUrl(draft.documentId),
      jsonldUrl('nosuchdocument000000000'),
      jsonldUrl(retracted.documentId),
      jsonldUrl((await liveStory('English only')).documentId, 'locale=ru'),
    ]) {
      const res = await app.request.get(url);
      expect(res.status, url).toBe(404);
      expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
      expect(res.body.error.message).toMatch(/^No published article /);
      expect(res.text).not.toContain('Draft words');
    }
    // Not even an API token's ?status=draft reaches the working copy.
    const token = await app.strapi.service('admin::api-token').create({
      name: 'jsonld-reader',
      type: 'read-only',
      lifespan: null,
    });
    const asToken = await app.request
      .get(jsonldUrl(draft.documentId, 'locale=en&status=draft'))
      .set('Authorization', `Bearer ${token.accessKey}`);
    expect(asToken.status).toBe(404);
  });

  it('refuses a malformed locale with 400', async () => {
    const { documentId } = await liveStory('Bad locale');
    const res = await app.request.get(jsonldUrl(documentId, 'locale[a]=en'));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError' });
    expect(res.body.error.details.errors[0].path).toEqual(['locale']);
  });

  it('is readable by the public, logged-in readers and read-only API tokens (a findOne)', async () => {
    const { documentId } = await liveStory('Readable by all');
    const reader = await createReader(app);
    const token = await createApiToken(app, 'read-only');
    expect((await app.request.get(jsonldUrl(documentId))).status).toBe(200);
    expect((await app.request.get(jsonldUrl(documentId)).set(reader.auth)).status).toBe(200);
    const asToken = await app.request.get(jsonldUrl(documentId)).set(token.auth);
    expect(asToken.status).toBe(200);
    expect(asToken.body['@graph'][0].headline).toBe('Readable by all');
  });
});

describe('?jsonld=true on a story', () => {
  it('adds the same graph to the story, through the response cache, evicted by a speaker’s change', async () => {
    const { documentId, speakerId } = await liveStory('Cached structured data');
    const url = `/api/articles/${documentId}?locale=en&jsonld=true`;
    const first = await app.request.get(url);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    const route = await app.request.get(jsonldUrl(documentId));
    expect(first.body.data.jsonld).toEqual(route.body);
    expect(first.body.data.title).toBe('Cached structured data');
    expect((await app.request.get(url)).headers['x-cache']).toBe('HIT');
    // Without it, no jsonld.
    expect(
      (await app.request.get(`/api/articles/${documentId}?locale=en`)).body.data
    ).not.toHaveProperty('jsonld');

    // A live person renamed (reference data is live by design): the cached graph must not keep the old name.
    await app.strapi
      .documents(PERSON)
      .update({ documentId: speakerId, data: { name: 'Renamed Speaker' } });
    const after = await app.request.get(url);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(
      after.body.data.jsonld['@graph'].filter((n: any) => n['@type'] === 'ClaimReview')[0]
        .itemReviewed.author.name
    ).toBe('Renamed Speaker');
  });

  it('refuses a jsonld that is not true or false with 400', async () => {
    const { documentId } = await liveStory('Bad flag');
    const res = await app.request.get(`/api/articles/${documentId}?locale=en&jsonld=yes`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: '`jsonld` must be `true` or `false`.',
      },
    });
    expect(res.body.error.details.errors[0].path).toEqual(['jsonld']);
  });
});
