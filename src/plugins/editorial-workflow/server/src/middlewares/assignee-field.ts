import type { Core } from '@strapi/strapi';
import { ASSIGNEE_FIELD } from '../../../shared/assignment';
import { checkAssigneeFieldWrite } from '../domain/assignment';
import { toError } from '../services/errors';
import { getService, isLocalized } from '../utils';

const WITH_DATA = new Set(['create', 'update', 'clone']);

/**
 * No write body sets the assignee copy (ASSIGNEE_FIELD), whoever sends it: the plugin writes it
 * through the query engine when a story is assigned. An echo of the stored value is dropped; anything
 * else is a 400 naming the field (as for the stage copy, middlewares/stage-field.ts).
 */
export const registerAssigneeFieldGuard = (strapi: Core.Strapi) => {
  const storedValues = async (uid: string, documentId: string | undefined, locale: unknown) => {
    if (!documentId) return [];
    const rows = await strapi.db
      .query(uid as any)
      .findMany({ where: { documentId }, select: ['locale', ASSIGNEE_FIELD] });
    let own = rows;
    if (isLocalized(strapi, uid)) {
      const wanted =
        typeof locale === 'string' && locale
          ? locale
          : await strapi.plugin('i18n').service('locales').getDefaultLocale();
      own = rows.filter((r: any) => r.locale === wanted);
    }
    return [...new Set<number | null>(own.map((r: any) => r[ASSIGNEE_FIELD] ?? null))];
  };

  strapi.documents.use(async (ctx, next) => {
    if (!WITH_DATA.has(ctx.action) || !getService(strapi, 'definition').isManaged(ctx.uid))
      return next();
    const params = ctx.params as any;
    if (!params?.data || typeof params.data !== 'object' || !(ASSIGNEE_FIELD in params.data))
      return next();
    const stored =
      ctx.action === 'create' ? [] : await storedValues(ctx.uid, params.documentId, params.locale);
    const verdict = checkAssigneeFieldWrite(ASSIGNEE_FIELD, params.data, stored);
    if (verdict.kind === 'refused') throw toError(verdict.refusal);
    const { [ASSIGNEE_FIELD]: _echo, ...rest } = params.data;
    params.data = rest;
    return next();
  });
};
