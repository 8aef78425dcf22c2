import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FIELD_FORMATS, findContentProblems, type AttributeSpec } from '../content/rules';
import { firstFreeSlug, toSlug } from '../content/slug';
import { currentActor, describeActor } from './request-actor';

// Newsroom rules for every write that goes through the Document Service (REST, Content Manager,
// code): validation, slugs and the quote verification stamp.

const SLUG_SOURCE: Record<string, string> = {
  'api::article.article': 'title',
  'api::person.person': 'name',
  'api::source.source': 'name',
};
const SLUG_FALLBACK: Record<string, string> = {
  'api::article.article': 'article',
  'api::person.person': 'person',
  'api::source.source': 'source',
};
const QUOTE = 'api::quote.quote';

export const NEWSROOM_TYPES = Object.keys(FIELD_FORMATS);

const isLocalized = (contentType: any) => Boolean(contentType.pluginOptions?.i18n?.localized);
const hasDraftAndPublish = (contentType: any) => Boolean(contentType.options?.draftAndPublish);

const defaultLocale = async (strapi: Core.Strapi): Promise<string> =>
  strapi.plugin('i18n').service('locales').getDefaultLocale();

/** The stored row this write will change: the draft of this locale, or null if it is new. */
const loadStored = async (strapi: Core.Strapi, uid: string, contentType: any, documentId: string, locale: string) => {
  const where: Record<string, unknown> = { documentId };
  if (isLocalized(contentType)) where.locale = locale;
  if (hasDraftAndPublish(contentType)) where.publishedAt = null;
  return strapi.db.query(uid as any).findOne({ where });
};

const slugTaken = async (
  strapi: Core.Strapi,
  uid: string,
  contentType: any,
  slug: string,
  locale: string,
  documentId: string | undefined
) => {
  const where: Record<string, unknown> = { slug };
  if (isLocalized(contentType)) where.locale = locale;
  if (documentId) where.documentId = { $ne: documentId };
  return (await strapi.db.query(uid as any).count({ where })) > 0;
};

const toValidationError = (problems: { path: string[]; message: string; value?: unknown }[]) =>
  new errors.ValidationError(
    problems.map((p) => p.message).join('; '),
    { errors: problems.map((p) => ({ ...p, name: 'ValidationError' })) }
  );

export const registerContentGuards = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.action !== 'create' && ctx.action !== 'update') return next();
    if (!NEWSROOM_TYPES.includes(ctx.uid)) return next();

    const params = ctx.params as any;
    const data: Record<string, any> = { ...(params.data ?? {}) };
    const contentType = ctx.contentType as any;
    const locale = isLocalized(contentType) ? params.locale ?? (await defaultLocale(strapi)) : undefined;
    const documentId: string | undefined = ctx.action === 'update' ? params.documentId : undefined;
    const stored = documentId ? await loadStored(strapi, ctx.uid, contentType, documentId, locale) : null;

    const slugSource = SLUG_SOURCE[ctx.uid];
    const problems = findContentProblems(
      contentType.attributes as Record<string, AttributeSpec>,
      FIELD_FORMATS[ctx.uid],
      data,
      stored,
      slugSource ? ['slug'] : []
    );

    if (slugSource && problems.length === 0) {
      const wanted = typeof data.slug === 'string' ? data.slug.trim() : '';
      if (wanted) {
        if (await slugTaken(strapi, ctx.uid, contentType, wanted, locale, documentId)) {
          problems.push({
            path: ['slug'],
            message: `slug "${wanted}" is already used${locale ? ` in locale ${locale}` : ''}`,
            value: wanted,
          });
        }
      } else if (!stored?.slug || 'slug' in data) {
        // Generated once, when empty: renaming a story later must not move its URL.
        const base = toSlug(String(data[slugSource] ?? stored?.[slugSource] ?? '')) || SLUG_FALLBACK[ctx.uid];
        data.slug = await firstFreeSlug(base, (candidate) =>
          slugTaken(strapi, ctx.uid, contentType, candidate, locale, documentId)
        );
      }
    }

    if (problems.length > 0) throw toValidationError(problems);

    if (ctx.uid === QUOTE) {
      // Who verified a quote and when is the server's to say, never the writer's.
      delete data.verifiedBy;
      delete data.verifiedAt;
      const before = stored?.verification ?? null;
      const after = 'verification' in data ? data.verification : before;
      if (after !== before && after !== undefined && !(before === null && after === 'unverified')) {
        data.verifiedBy = describeActor(currentActor(strapi));
        data.verifiedAt = new Date();
      }
    }

    params.data = data;
    return next();
  });
};
