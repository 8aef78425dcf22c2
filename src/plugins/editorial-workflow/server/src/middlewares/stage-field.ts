import type { Core } from '@strapi/strapi';
import { STAGE_FIELD } from '../../../shared/contracts';
import { checkStageFieldWrite } from '../domain/stage-field';
import { toError } from '../services/errors';
import { getService, isLocalized as isLocalizedType } from '../utils';

const WITH_DATA = new Set(['create', 'update', 'clone']);

/**
 * No write body sets the stage copy (STAGE_FIELD), whoever sends it (Content Manager, REST, code):
 * the plugin writes it through the query engine when a state moves. An echo of the stored value is
 * dropped; anything else is a 400 naming the field.
 */
export const registerStageFieldGuard = (strapi: Core.Strapi) => {
  const isLocalized = (uid: string) => isLocalizedType(strapi, uid);

  /** What the rows of this document locale hold; a new locale compares with the document's others. */
  const storedValues = async (
    uid: string,
    documentId: string | undefined,
    locale: unknown
  ): Promise<(string | null)[]> => {
    if (!documentId) return [];
    const rows = await strapi.db
      .query(uid as any)
      .findMany({ where: { documentId }, select: ['locale', STAGE_FIELD] });
    let own = rows;
    if (isLocalized(uid)) {
      const wanted =
        typeof locale === 'string' && locale
          ? locale
          : await strapi.plugin('i18n').service('locales').getDefaultLocale();
      own = rows.filter((r: any) => r.locale === wanted);
    }
    return [...new Set((own.length ? own : rows).map((r: any) => r[STAGE_FIELD] ?? null))];
  };

  strapi.documents.use(async (ctx, next) => {
    if (!WITH_DATA.has(ctx.action) || !getService(strapi, 'definition').isManaged(ctx.uid))
      return next();
    const params = ctx.params as any;
    if (!params?.data || typeof params.data !== 'object' || !(STAGE_FIELD in params.data))
      return next();

    const stored =
      ctx.action === 'create' ? [] : await storedValues(ctx.uid, params.documentId, params.locale);
    const current = stored.find((v): v is string => typeof v === 'string');
    const stageName = current
      ? getService(strapi, 'definition')
          .get()
          .stages.find((s) => s.id === current)?.name
      : undefined;
    const verdict = checkStageFieldWrite(STAGE_FIELD, params.data, stored, stageName);
    if (verdict.kind === 'refused') throw toError(verdict.refusal);
    const { [STAGE_FIELD]: _echo, ...rest } = params.data;
    params.data = rest;
    return next();
  });
};
