import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { UserAbility } from '../services/access';
import type { QueueQuery } from '../services/workflow';
import { getService, isLocalized } from '../utils';

// Request parsing shared by the admin and content-API controllers.

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const positiveInt = (value: unknown, name: string) => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw invalid(name, `${name} must be a positive integer`);
  return n;
};

const optionalString = (value: unknown, name: string) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(name, `${name} must be a single value`);
  return value;
};

export const parseQueueQuery = (strapi: Core.Strapi, query: Record<string, unknown>): QueueQuery => {
  const def = getService(strapi, 'definition').get();
  const stage = optionalString(query.stage, 'stage');
  if (stage && !def.stages.some((s) => s.id === stage)) {
    throw invalid('stage', `Unknown stage "${stage}" (known: ${def.stages.map((s) => s.id).join(', ')})`);
  }
  const uid = optionalString(query.uid, 'uid');
  if (uid && !def.contentTypes.includes(uid)) throw invalid('uid', `${uid} is not in the editorial workflow`);
  const pageSize = positiveInt(query.pageSize, 'pageSize');
  if (pageSize && pageSize > 100) throw invalid('pageSize', 'pageSize must be at most 100');
  return { stage, uid, locale: optionalString(query.locale, 'locale'), page: positiveInt(query.page, 'page'), pageSize };
};

/** `userAbility`: an admin user's, who must be allowed to read the document. */
export const targetFromRequest = (strapi: Core.Strapi, ctx: any, userAbility?: UserAbility) =>
  getService(strapi, 'workflow').resolveTarget(ctx.params.uid, ctx.params.documentId, optionalString(ctx.query.locale, 'locale'), userAbility);

export const parseStagesQuery = async (strapi: Core.Strapi, query: Record<string, unknown>) => {
  const uid = optionalString(query.uid, 'uid');
  if (!uid || !getService(strapi, 'definition').isManaged(uid)) throw invalid('uid', 'uid must name a content type in the editorial workflow');
  const ids = optionalString(query.documentIds, 'documentIds');
  const documentIds = (ids ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  if (documentIds.length === 0 || documentIds.length > 100) throw invalid('documentIds', 'documentIds must list 1 to 100 comma-separated documentIds');
  const localized = isLocalized(strapi, uid);
  const locale = localized
    ? optionalString(query.locale, 'locale') ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale())
    : '';
  return { uid, locale, documentIds };
};
