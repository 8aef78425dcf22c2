// Building blocks for the editorial-workflow API tests.
import { ARTICLE, PERSON, QUOTE } from '../../src/content/types';
import type { TestApp } from './strapi';

export { ARTICLE, QUOTE };

export const stateUrl = (documentId: string, locale = 'en') =>
  `/editorial-workflow/state/${ARTICLE}/${documentId}?locale=${locale}`;
export const transitionUrl = (documentId: string, locale = 'en') =>
  `/editorial-workflow/state/${ARTICLE}/${documentId}/transition?locale=${locale}`;

export const workflowService = (app: TestApp) =>
  app.strapi.plugin('editorial-workflow').service('workflow');

/** A story (draft) with optional quotes, created through the Document Service as `system`. */
export const createStory = async (
  app: TestApp,
  title: string,
  {
    quotes = [] as {
      text: string;
      verification?: string;
      verificationNote?: string;
      speaker?: boolean;
    }[],
    locale = 'en',
  } = {}
) => {
  const speaker = await app.strapi
    .documents(PERSON)
    .create({ data: { name: `Speaker of ${title}` } });
  const article = await app.strapi.documents(ARTICLE).create({ locale, data: { title } });
  const quoteIds: string[] = [];
  for (const quote of quotes) {
    const created = await app.strapi.documents(QUOTE).create({
      locale,
      data: {
        text: quote.text,
        verification: quote.verification ?? 'unverified',
        verificationNote: quote.verificationNote ?? null,
        speaker: quote.speaker === false ? null : speaker.documentId,
        article: { connect: [{ documentId: article.documentId, locale }] },
      },
    });
    quoteIds.push(created.documentId);
  }
  return {
    documentId: article.documentId as string,
    quoteIds,
    speakerId: speaker.documentId as string,
  };
};

/**
 * Makes every locale of a story created by `system` an admin user's: an Author reads and moves only
 * the stories they created (Content Manager `isCreator`).
 */
export const giveStoryTo = async (app: TestApp, documentId: string, userId: number) => {
  const rows = await app.strapi.db
    .query(ARTICLE)
    .findMany({ where: { documentId }, select: ['id'] });
  for (const { id } of rows)
    await app.strapi.db.query(ARTICLE).update({ where: { id }, data: { createdBy: userId } });
};

/** Rows that say what a refused request must not have changed. */
export const snapshot = async (app: TestApp, documentId: string) => {
  const state = await app.strapi.db
    .query('plugin::editorial-workflow.workflow-state')
    .findMany({ where: { targetDocumentId: documentId }, orderBy: { id: 'asc' } });
  const history = await app.strapi.db
    .query('plugin::editorial-workflow.workflow-history')
    .count({ where: { targetDocumentId: documentId } });
  const published = await app.strapi.db
    .query(ARTICLE)
    .count({ where: { documentId, publishedAt: { $notNull: true } } });
  return {
    states: state.map((s: any) => [s.targetLocale, s.stage, s.version]),
    history,
    published,
  };
};

export const publicStory = async (app: TestApp, documentId: string, locale = 'en') => {
  const res = await app.request.get(`/api/articles/${documentId}?locale=${locale}&populate=quotes`);
  return res.status === 200 ? res.body.data : null;
};
