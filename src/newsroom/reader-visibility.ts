import type { Core } from '@strapi/strapi';
import { currentRequest, isReaderRequest } from './request-actor';

// Stock Strapi 5 serves drafts to anyone allowed to `find` who asks `?status=draft`. Readers (the
// public and logged-in end users) only ever see published content; API tokens may preview drafts.

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

const hasDraftAndPublish = (model: any) => Boolean(model?.options?.draftAndPublish);

/**
 * A type without Draft & Publish links to both the draft and the published rows of a type with it,
 * so `filters[quotes][text][$contains]=…` on people would match draft text. Pin every such nested
 * filter to published rows.
 */
export const pinRelationFiltersToPublished = (
  getModel: (uid: string) => any,
  uid: string,
  filters: unknown
): unknown => {
  if (Array.isArray(filters)) return filters.map((f) => pinRelationFiltersToPublished(getModel, uid, f));
  if (!filters || typeof filters !== 'object') return filters;
  const model = getModel(uid);
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    if (key === '$and' || key === '$or' || key === '$not') {
      result[key] = pinRelationFiltersToPublished(getModel, uid, value);
      continue;
    }
    const attribute = model?.attributes?.[key];
    if (attribute?.type === 'relation' && attribute.target && value && typeof value === 'object') {
      const nested = pinRelationFiltersToPublished(getModel, attribute.target, value) as Record<string, unknown>;
      const target = getModel(attribute.target);
      result[key] =
        hasDraftAndPublish(target) && !Array.isArray(nested)
          ? { $and: [nested, { publishedAt: { $notNull: true } }] }
          : nested;
      continue;
    }
    result[key] = value;
  }
  return result;
};

export const registerReaderVisibility = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (!READ_ACTIONS.has(ctx.action)) return next();
    if (!isReaderRequest(currentRequest(strapi))) return next();

    const params = ctx.params as any;
    params.status = 'published';
    if (params.filters) {
      params.filters = pinRelationFiltersToPublished((uid) => strapi.getModel(uid as any), ctx.uid, params.filters);
    }
    return next();
  });
};
