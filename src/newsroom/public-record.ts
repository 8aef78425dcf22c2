import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE, PERSON, QUOTE } from '../content/types';
import {
  CACHE_DOCUMENTS_STATE,
  type CorrectionEntry,
  type RetractionNotice,
} from '../plugins/editorial-workflow/shared/contracts';
import { buildJsonLd, parsePublisherSettings, type PublisherSettings } from './jsonld';

// What the article's content-API answers add to the story (src/api/article/controllers): the
// corrections log, the retraction notice of a withdrawn story, and JSON-LD. The log and the notices
// are the editorial-workflow plugin's (written by its moves); the JSON-LD is built in ./jsonld.ts
// from the published version only.

/** The publisher settings (config/newsroom.ts), checked: a wrong one stops the boot, naming it. */
export const publisherSettings = (strapi: Core.Strapi): PublisherSettings =>
  parsePublisherSettings(strapi.config.get('newsroom.publisher'));

const publicRecord = (strapi: Core.Strapi) =>
  strapi.plugin('editorial-workflow')?.service('public-record') ?? null;

const defaultLocale = (strapi: Core.Strapi): Promise<string> =>
  strapi.plugin('i18n').service('locales').getDefaultLocale();

/** `?locale=`: one code, or the default locale when absent. */
export const requestedLocale = async (strapi: Core.Strapi, query: any): Promise<string> => {
  const locale = query?.locale;
  if (locale === undefined || locale === '') return defaultLocale(strapi);
  if (typeof locale !== 'string')
    throw new errors.ValidationError('`locale` must be one locale code (`locale=ru`).', {
      errors: [
        { path: ['locale'], message: '`locale` must be one locale code', name: 'ValidationError' },
      ],
    });
  return locale;
};

/** `?jsonld=true|false` on a story: whether its answer carries `jsonld`. */
export const jsonLdAsked = (query: any): boolean => {
  const value = query?.jsonld;
  if (value === undefined || value === 'false' || value === false) return false;
  if (value === 'true' || value === true) return true;
  const message = '`jsonld` must be `true` or `false`.';
  throw new errors.ValidationError(message, {
    errors: [{ path: ['jsonld'], message, name: 'ValidationError' }],
  });
};

/** `filters[slug][$eq]=…` or `filters[slug]=…` alone: a frontend looking a story up by its address. */
export const slugLookup = (filters: unknown): string | null => {
  if (!filters || typeof filters !== 'object' || Array.isArray(filters)) return null;
  const keys = Object.keys(filters);
  if (keys.length !== 1 || keys[0] !== 'slug') return null;
  const value = (filters as Record<string, unknown>).slug;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const ops = Object.keys(value);
    const eq = (value as Record<string, unknown>).$eq;
    if (ops.length === 1 && typeof eq === 'string') return eq;
  }
  return null;
};

/** Each entry (an object or a list of them) gains `corrections`, its log newest first: one query. */
export const withCorrections = async (
  strapi: Core.Strapi,
  data: unknown,
  fallbackLocale: string
) => {
  const record = publicRecord(strapi);
  const entries = (Array.isArray(data) ? data : data ? [data] : []).filter(
    (e): e is Record<string, any> => Boolean(e) && typeof e.documentId === 'string'
  );
  if (!record || entries.length === 0) return;
  const keys = entries.map((e) => ({
    documentId: e.documentId as string,
    locale: (e.locale as string | undefined) ?? fallbackLocale,
  }));
  const logs: Map<string, CorrectionEntry[]> = await record.corrections(ARTICLE, keys);
  entries.forEach((entry, i) => {
    entry.corrections = logs.get(record.keyOf(ARTICLE, keys[i].documentId, keys[i].locale)) ?? [];
  });
};

/** A withdrawn story's notice, as its address answers it (no body, no quotes, no people). */
export const noticeAnswer = (notice: RetractionNotice) => ({
  documentId: notice.documentId,
  locale: notice.locale,
  title: notice.title,
  slug: notice.slug,
  withdrawn: { date: notice.withdrawnAt, note: notice.note },
});

export const findNotice = async (
  strapi: Core.Strapi,
  documentId: string,
  locale: string
): Promise<RetractionNotice | null> =>
  (await publicRecord(strapi)?.notice(ARTICLE, documentId, locale)) ?? null;

export const findNoticesBySlug = async (
  strapi: Core.Strapi,
  slug: string,
  locale: string
): Promise<RetractionNotice[]> =>
  (await publicRecord(strapi)?.noticesBySlug(ARTICLE, slug, locale)) ?? [];

const iso = (value: unknown) =>
  value instanceof Date
    ? value.toISOString()
    : value
      ? new Date(String(value)).toISOString()
      : null;

/**
 * The published story's JSON-LD and the documents it shows (for the response cache), or null when
 * this locale has no published version.
 */
export const storyJsonLd = async (strapi: Core.Strapi, documentId: string, locale: string) => {
  const story: any = await strapi.documents(ARTICLE as any).findOne({
    documentId,
    locale,
    status: 'published',
    populate: { quotes: { populate: { speaker: true } } },
  } as any);
  if (!story) return null;
  const record = publicRecord(strapi);
  const target = { uid: ARTICLE, documentId, locale };
  const [logs, first] = await Promise.all([
    record ? record.corrections(ARTICLE, [{ documentId, locale }]) : new Map(),
    record ? record.firstPublishedAt(target) : null,
  ]);
  const quotes: any[] = [...(story.quotes ?? [])].sort((a, b) => a.id - b.id);
  const graph = buildJsonLd(
    {
      documentId,
      locale,
      title: story.title,
      slug: story.slug ?? null,
      standfirst: story.standfirst ?? null,
      byline: story.byline ?? null,
      section: story.section ?? null,
      dateline: story.dateline ?? null,
      // A story that predates the workflow has no approval in the history: its publication stands in.
      datePublished: first ?? iso(story.publishedAt)!,
      dateModified: iso(story.publishedAt)!,
      corrections: record ? (logs.get(record.keyOf(ARTICLE, documentId, locale)) ?? []) : [],
      quotes: quotes.map((q) => ({
        documentId: q.documentId,
        text: q.text,
        verification: q.verification ?? null,
        verificationNote: q.verificationNote ?? null,
        verifiedAt: iso(q.verifiedAt),
        url: q.url ?? null,
        saidAt: q.saidAt ?? null,
        speaker: q.speaker
          ? { name: q.speaker.name, wikidataId: q.speaker.wikidataId ?? null }
          : null,
      })),
    },
    publisherSettings(strapi)
  );
  const shows = [
    ...quotes.map((q) => ({ uid: QUOTE, documentId: q.documentId as string })),
    ...quotes
      .filter((q) => q.speaker)
      .map((q) => ({ uid: PERSON, documentId: q.speaker.documentId as string })),
  ];
  return { graph, shows };
};

/** Tells the response cache about documents an answer shows outside `data` (their changes evict it). */
export const cacheAlsoShows = (ctx: any, shows: { uid: string; documentId: string }[]) => {
  ctx.state[CACHE_DOCUMENTS_STATE] = [...(ctx.state[CACHE_DOCUMENTS_STATE] ?? []), ...shows];
};
