import type { Core } from '@strapi/strapi';
import type { UserAbility } from '../services/access';
import type { QueueQuery } from '../services/workflow';
import { getService, isLocalized } from '../utils';
import {
  parseLocaleQuery,
  parseQueueQuery as parseQueue,
  parseStagesQuery as parseStages,
} from '../validation';

// Request parsing shared by the admin and content-API controllers; the schemas are in validation.ts.

export const parseQueueQuery = (strapi: Core.Strapi, query: unknown): QueueQuery =>
  parseQueue(getService(strapi, 'definition').get(), query);

/** `userAbility`: an admin user's, who must be allowed to read the document. */
export const targetFromRequest = (strapi: Core.Strapi, ctx: any, userAbility?: UserAbility) =>
  getService(strapi, 'workflow').resolveTarget(
    ctx.params.uid,
    ctx.params.documentId,
    parseLocaleQuery(ctx.query),
    userAbility
  );

export const parseStagesQuery = async (strapi: Core.Strapi, query: unknown) => {
  const { uid, locale, documentIds } = parseStages(getService(strapi, 'definition').get(), query);
  const localized = isLocalized(strapi, uid);
  return {
    uid,
    locale: localized
      ? (locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale()))
      : '',
    documentIds,
  };
};
