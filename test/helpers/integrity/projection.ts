// What a story looks like, the same shape whether read by the public or from the stored working
// copy, so the two can be compared. People and sources are projected by documentId only: approvers
// may rename reference data live, and that is not a change of the story.
import { ARTICLE, PERSON, QUOTE, SOURCE } from '../../../src/content/types';
import type { TestApp } from '../strapi';

export { ARTICLE, PERSON, QUOTE, SOURCE };

export interface QuoteView {
  documentId: string;
  text: string | null;
  speaker: string | null;
  source: string | null;
}

export interface StoryView {
  title: string | null;
  standfirst: string | null;
  cover: number | null;
  quotes: QuoteView[];
  people: string[];
  sources: string[];
}

/**
 * Texts this test writes carry a marker (`mk<run>n<k>x`) so a leak names the write it came from.
 * The closing `x` keeps one marker from being a prefix of another (`mk2n1x` is not in `mk2n11x`).
 */
export const MARKER = /mk\d+n\d+x/g;
export const markersIn = (value: unknown): string[] =>
  JSON.stringify(value ?? null).match(MARKER) ?? [];

const docId = (row: any): string | null =>
  row && typeof row === 'object' ? (row.documentId ?? null) : null;
const byDocId = (a: { documentId: string }, b: { documentId: string }) =>
  a.documentId.localeCompare(b.documentId);

export const toStoryView = (row: any): StoryView => ({
  title: row.title ?? null,
  standfirst: row.standfirst ?? null,
  cover: row.cover?.id ?? null,
  quotes: (row.quotes ?? [])
    .map((q: any) => ({
      documentId: q.documentId,
      text: q.text ?? null,
      speaker: docId(q.speaker),
      source: docId(q.source),
    }))
    .sort(byDocId),
  people: (row.people ?? []).map((p: any) => p.documentId).sort(),
  sources: (row.sources ?? []).map((s: any) => s.documentId).sort(),
});

export const PUBLIC_STORY_QUERY =
  'locale=en&populate[quotes][populate][speaker]=true&populate[quotes][populate][source]=true' +
  '&populate[people]=true&populate[sources]=true&populate[cover]=true';

/** The story as readers get it: its view, or null when it is not public (404). */
export const publicStoryUrl = (documentId: string) =>
  `/api/articles/${documentId}?${PUBLIC_STORY_QUERY}`;

/** What a withdrawn story's address shows instead of the story (issue 11). */
export interface NoticeView {
  title: string | null;
  note: string;
}

/**
 * What readers get at a story's address: the story (its view and its corrections log, newest
 * first), a retraction notice, or neither (404).
 */
/** The same story as GraphQL readers ask for it (lists up to 100: REST populates them whole). */
export const PUBLIC_STORY_GQL = `query($id: ID!) {
  article(documentId: $id, locale: "en") {
    title standfirst cover { documentId }
    quotes(pagination: { limit: 100 }) { documentId text speaker { documentId } source { documentId } }
    people(pagination: { limit: 100 }) { documentId }
    sources(pagination: { limit: 100 }) { documentId }
  }
}`;

/** A GraphQL answer's story as a view: GraphQL names files by documentId, the view by row id. */
export const graphqlStoryView = async (app: TestApp, article: any): Promise<StoryView | null> => {
  if (!article) return null;
  const cover = article.cover?.documentId
    ? await app.strapi.db
        .query('plugin::upload.file')
        .findOne({ where: { documentId: article.cover.documentId }, select: ['id'] })
    : null;
  return toStoryView({ ...article, cover });
};

export const readPublicStory = async (app: TestApp, documentId: string) => {
  const res = await app.request.get(publicStoryUrl(documentId));
  const data = res.status === 200 ? res.body?.data : null;
  const notice: NoticeView | null = data?.withdrawn
    ? { title: data.title ?? null, note: data.withdrawn.note }
    : null;
  return {
    res,
    view: data && !notice ? toStoryView(data) : null,
    notice,
    corrections:
      data && !notice ? ((data.corrections ?? []) as { note: string }[]).map((c) => c.note) : null,
  };
};

/** The story's structured data as readers get it: headline and corrections, or null (404). */
export const readJsonLd = async (app: TestApp, documentId: string) => {
  const res = await app.request.get(`/api/articles/${documentId}/jsonld?locale=en`);
  const article = res.status === 200 ? res.body?.['@graph']?.[0] : null;
  return {
    res,
    view: article
      ? {
          headline: article.headline as string,
          corrections: [article.correction ?? []].flat().map((c: any) => c.text as string),
        }
      : null,
  };
};

export interface QuoteRow {
  documentId: string;
  text: string | null;
  originalText: string | null;
  originalLanguage: string | null;
  saidAt: string | null;
  url: string | null;
  speaker: string | null;
  source: string | null;
  verification: string | null;
  verificationNote: string | null;
  verifiedBy: string | null;
}

/** The stored working copies (draft rows, locale en) of everything the model follows. */
export interface Stored {
  stories: Map<string, StoryView & { slug: string | null }>;
  quotes: Map<string, QuoteRow>;
  people: Map<string, string>;
  sources: Map<string, string>;
  files: number[];
}

export const readStored = async (app: TestApp): Promise<Stored> => {
  const db = app.strapi.db;
  const articles = await db.query(ARTICLE).findMany({
    where: { publishedAt: null, locale: 'en' },
    populate: {
      quotes: { populate: { speaker: true, source: true } },
      people: true,
      sources: true,
      cover: true,
    },
  });
  const quotes = await db.query(QUOTE).findMany({
    where: { publishedAt: null, locale: 'en' },
    populate: { speaker: true, source: true },
  });
  const people = await db.query(PERSON).findMany({ select: ['documentId', 'name'] });
  const sources = await db.query(SOURCE).findMany({ select: ['documentId', 'name'] });
  const files = await db.query('plugin::upload.file').findMany({ select: ['id'] });
  return {
    stories: new Map(
      articles.map((a: any) => [a.documentId, { ...toStoryView(a), slug: a.slug ?? null }])
    ),
    quotes: new Map(
      quotes.map((q: any) => [
        q.documentId,
        {
          documentId: q.documentId,
          text: q.text ?? null,
          originalText: q.originalText ?? null,
          originalLanguage: q.originalLanguage ?? null,
          saidAt: q.saidAt ?? null,
          url: q.url ?? null,
          speaker: docId(q.speaker),
          source: docId(q.source),
          verification: q.verification ?? null,
          verificationNote: q.verificationNote ?? null,
          verifiedBy: q.verifiedBy ?? null,
        },
      ])
    ),
    people: new Map(people.map((p: any) => [p.documentId, p.name])),
    sources: new Map(sources.map((s: any) => [s.documentId, s.name])),
    files: files.map((f: any) => f.id),
  };
};

/** Fields whose change makes a quote's verification stale (issue 7, "Verification is the fact-checker's act"). */
export const QUOTE_CONTENT = [
  'text',
  'originalText',
  'originalLanguage',
  'saidAt',
  'url',
  'speaker',
  'source',
] as const;

export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Story content without what the fact-checker or a rename may change. */
export const storyContent = (view: StoryView | undefined | null) =>
  view ? JSON.stringify({ ...view, slug: undefined }) : null;

/** Empties the database between runs; join tables first, since `deleteMany` leaves them. */
export const RESET_UIDS = [
  ARTICLE,
  QUOTE,
  PERSON,
  SOURCE,
  'plugin::upload.file',
  'plugin::editorial-workflow.workflow-state',
  'plugin::editorial-workflow.workflow-history',
  'plugin::editorial-workflow.workflow-correction',
  'plugin::editorial-workflow.workflow-notice',
];

export const resetContent = async (app: TestApp) => {
  const db = app.strapi.db;
  for (const uid of RESET_UIDS) {
    const meta: any = db.metadata.get(uid);
    for (const attribute of Object.values<any>(meta.attributes)) {
      if (attribute.joinTable?.name) await db.connection(attribute.joinTable.name).del();
    }
  }
  for (const uid of RESET_UIDS) await db.query(uid).deleteMany({});
  // Raw deletes pass no Document Service middleware, so nothing announced them: start the next
  // run with an empty response cache, as a fresh database would.
  app.strapi.plugin('editorial-workflow').service('cache').store().flush();
};
