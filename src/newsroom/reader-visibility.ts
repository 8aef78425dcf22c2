import type { Core } from '@strapi/strapi';
import { currentRequest, isReaderRequest } from './request-actor';
import { QUOTE } from '../content/types';
import type { PreviewTarget } from '../content/preview-token';

// Stock Strapi 5 serves drafts to anyone allowed to `find` who asks `?status=draft`. Readers (the
// public and logged-in end users) only ever see published content; API tokens may preview drafts.

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * What readers see of who verified a quote (`PUBLIC_VERIFIER`, config/newsroom.ts): `name`, the
 * verifier's display name ("Fiona Factchecker"), or `none`. API tokens and the admin always get it.
 */
export const PUBLIC_VERIFIER_MODES = ['name', 'none'] as const;
export type PublicVerifier = (typeof PUBLIC_VERIFIER_MODES)[number];

export const parsePublicVerifier = (value: unknown): PublicVerifier => {
  if ((PUBLIC_VERIFIER_MODES as readonly unknown[]).includes(value)) return value as PublicVerifier;
  throw new Error(
    `PUBLIC_VERIFIER must be ${PUBLIC_VERIFIER_MODES.map((m) => `"${m}"`).join(' or ')}, got ${JSON.stringify(value)}`
  );
};

/** Fields readers never get, by type: as if the type had none such (output, filters, sort). Pure. */
export const hiddenFieldsFor = (verifier: PublicVerifier): Record<string, readonly string[]> =>
  verifier === 'none' ? { [QUOTE]: ['verifiedBy'] } : {};

export const readerHiddenFields = (strapi: Core.Strapi) =>
  hiddenFieldsFor(parsePublicVerifier(strapi.config.get('newsroom.publicVerifier', 'name')));

/**
 * `data` (one entry, a list, or a Document Service result) without the hidden fields, at every
 * depth its relations were populated to: a story's quotes, a person's quotes. Pure; new objects.
 */
export const omitHiddenFields = (
  getModel: (uid: string) => any,
  uid: string,
  data: unknown,
  hidden: Record<string, readonly string[]>
): unknown => {
  if (Array.isArray(data)) return data.map((item) => omitHiddenFields(getModel, uid, item, hidden));
  if (!data || typeof data !== 'object' || data instanceof Date) return data;
  const attributes = getModel(uid)?.attributes ?? {};
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (hidden[uid]?.includes(key)) continue;
    const attribute = attributes[key];
    const target =
      attribute?.type === 'relation'
        ? attribute.target
        : attribute?.type === 'component'
          ? attribute.component
          : undefined;
    result[key] =
      target && value && typeof value === 'object'
        ? omitHiddenFields(getModel, target, value, hidden)
        : value;
  }
  return result;
};

const hasDraftAndPublish = (model: any) => Boolean(model?.options?.draftAndPublish);

/** How a filter object spells its logical operators and `$notNull`: REST and Document Service, or GraphQL. */
export interface FilterSpelling {
  and: string;
  or: string;
  not: string;
  notNull: string;
}
export const STRAPI_FILTERS: FilterSpelling = {
  and: '$and',
  or: '$or',
  not: '$not',
  notNull: '$notNull',
};
export const GRAPHQL_FILTERS: FilterSpelling = {
  and: 'and',
  or: 'or',
  not: 'not',
  notNull: 'notNull',
};

/**
 * A type without Draft & Publish links to both the draft and the published rows of a type with it,
 * so `filters[quotes][text][$contains]=…` on people would match draft text. Pin every such nested
 * filter to published rows. `spelling`: GraphQL arguments (`{ quotes: { text: { contains } } }`)
 * take the same rule in their own words.
 */
export const pinRelationFiltersToPublished = (
  getModel: (uid: string) => any,
  uid: string,
  filters: unknown,
  spelling: FilterSpelling = STRAPI_FILTERS
): unknown => {
  if (Array.isArray(filters))
    return filters.map((f) => pinRelationFiltersToPublished(getModel, uid, f, spelling));
  if (!filters || typeof filters !== 'object') return filters;
  const model = getModel(uid);
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    if (key === spelling.and || key === spelling.or || key === spelling.not) {
      result[key] = pinRelationFiltersToPublished(getModel, uid, value, spelling);
      continue;
    }
    const attribute = model?.attributes?.[key];
    if (attribute?.type === 'relation' && attribute.target && value && typeof value === 'object') {
      const nested = pinRelationFiltersToPublished(
        getModel,
        attribute.target,
        value,
        spelling
      ) as Record<string, unknown>;
      const target = getModel(attribute.target);
      result[key] =
        hasDraftAndPublish(target) && !Array.isArray(nested)
          ? { [spelling.and]: [nested, { publishedAt: { [spelling.notNull]: true } }] }
          : nested;
      continue;
    }
    result[key] = value;
  }
  return result;
};

/** The same pin for `filters` inside populate (`populate[people][filters][quotes][text]=…`). */
export const pinPopulateFiltersToPublished = (
  getModel: (uid: string) => any,
  uid: string,
  populate: unknown
): unknown => {
  if (!populate || typeof populate !== 'object' || Array.isArray(populate)) return populate;
  const model = getModel(uid);
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(populate as Record<string, unknown>)) {
    const attribute = model?.attributes?.[key];
    const target =
      attribute?.type === 'relation'
        ? attribute.target
        : attribute?.type === 'component'
          ? attribute.component
          : undefined;
    if (!target || !value || typeof value !== 'object' || Array.isArray(value)) {
      result[key] = value;
      continue;
    }
    const options = { ...(value as Record<string, unknown>) };
    if (options.filters)
      options.filters = pinRelationFiltersToPublished(getModel, target, options.filters);
    if (options.populate)
      options.populate = pinPopulateFiltersToPublished(getModel, target, options.populate);
    result[key] = options;
  }
  return result;
};

/** Where the preview route (src/newsroom/preview.ts) puts the story locale a verified token opens. */
export const PREVIEW_GRANT = 'newsroomPreviewGrant';

/**
 * The one read a verified preview token allows (src/newsroom/preview.ts): `findOne` of the working
 * copy of exactly the story locale it names, unfiltered. Every other read in that request, and
 * every read in any other request, stays on published rows. Pure.
 */
export const isPreviewRead = (
  grant: PreviewTarget | undefined,
  action: string,
  uid: string,
  params: any
): boolean =>
  Boolean(grant) &&
  action === 'findOne' &&
  uid === grant!.uid &&
  params?.documentId === grant!.documentId &&
  (params?.locale ?? '') === grant!.locale &&
  params?.status === 'draft' &&
  params?.filters === undefined;

export const registerReaderVisibility = (strapi: Core.Strapi) => {
  // A misspelt setting stops the boot rather than showing names the newsroom meant to hide.
  const hidden = readerHiddenFields(strapi);
  const hides = Object.keys(hidden).length > 0;

  strapi.documents.use(async (ctx, next) => {
    if (!READ_ACTIONS.has(ctx.action)) return next();
    const request = currentRequest(strapi);
    if (!isReaderRequest(request)) return next();

    const params = ctx.params as any;
    const getModel = (uid: string) => strapi.getModel(uid as any);
    if (!isPreviewRead(request.state?.[PREVIEW_GRANT], ctx.action, ctx.uid, params)) {
      params.status = 'published';
      if (params.filters)
        params.filters = pinRelationFiltersToPublished(getModel, ctx.uid, params.filters);
      if (params.populate)
        params.populate = pinPopulateFiltersToPublished(getModel, ctx.uid, params.populate);
    }
    const result = await next();
    return hides && ctx.action !== 'count'
      ? (omitHiddenFields(getModel, ctx.uid, result, hidden) as typeof result)
      : result;
  });
};
