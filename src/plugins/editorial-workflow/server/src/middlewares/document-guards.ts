import type { Core } from '@strapi/strapi';
import { actorFromRequest } from '../services/actor';
import { forbidden } from '../services/errors';
import { isWorkflowRun } from '../services/workflow-context';
import { getService, HISTORY_UID, STATE_UID } from '../utils';

// Document Service middlewares: every write passes here, whichever route or code made it
// (Content Manager, REST, GraphQL, strapi.documents() calls).

const isPublishingWrite = (action: string, params: any) =>
  action === 'publish' ||
  action === 'unpublish' ||
  ((action === 'create' || action === 'update') && params?.status === 'published');

const refusal = (what: string) =>
  forbidden(
    `${what} are published and unpublished only through the editorial workflow: save a draft, then use its transitions (submit, approve, retract)`,
    { workflow: 'editorial-workflow' }
  );

export const registerDocumentGuards = (strapi: Core.Strapi) => {
  const definition = () => getService(strapi, 'definition');
  const store = () => getService(strapi, 'state-store');
  const workflow = () => getService(strapi, 'workflow');
  const isLocalized = (uid: string) => Boolean((strapi.getModel(uid as any) as any)?.pluginOptions?.i18n?.localized);
  const defaultLocale = (): Promise<string> => strapi.plugin('i18n').service('locales').getDefaultLocale();
  const localeOf = async (uid: string, locale: unknown) => (isLocalized(uid) ? (typeof locale === 'string' && locale) || defaultLocale() : '');
  const displayName = (uid: string) => (strapi.getModel(uid as any) as any).info.pluralName;
  const actor = () => actorFromRequest(strapi.requestContext.get());

  /** Managed documents that a related document (a quote) is linked to, in one locale or all. */
  const owners = async (uid: string, documentId: string, locale: string | null) => {
    const links = definition().relatedTypes().get(uid) ?? [];
    const found: { uid: string; documentId: string; locale: string }[] = [];
    for (const link of links) {
      if (!link.inverse) continue;
      const where: Record<string, unknown> = { documentId };
      if (locale && isLocalized(uid)) where.locale = locale;
      const rows = await strapi.db.query(uid as any).findMany({
        where,
        select: ['id', 'locale'],
        populate: { [link.inverse]: { select: ['documentId', 'locale'] } },
      });
      for (const row of rows) {
        const related = row[link.inverse];
        for (const owner of Array.isArray(related) ? related : related ? [related] : []) {
          found.push({ uid: link.ownerUid, documentId: owner.documentId, locale: isLocalized(link.ownerUid) ? owner.locale : '' });
        }
      }
    }
    return found;
  };

  // The workflow's own records are written by the plugin alone, through the database layer.
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== STATE_UID && ctx.uid !== HISTORY_UID) return next();
    if (['findOne', 'findMany', 'findFirst', 'count'].includes(ctx.action)) return next();
    throw forbidden('The editorial workflow history and states cannot be changed directly');
  });

  // Publish gate: only the workflow publishes or unpublishes managed documents and their quotes.
  strapi.documents.use(async (ctx, next) => {
    if (isWorkflowRun()) return next();
    const params = ctx.params as any;
    const managed = definition().isManaged(ctx.uid);
    const related = definition().relatedTypes().has(ctx.uid);
    if (!managed && !related) return next();

    if (managed && isPublishingWrite(ctx.action, params)) throw refusal(displayName(ctx.uid));
    if (related && isPublishingWrite(ctx.action, params)) {
      const linked =
        ctx.action === 'create'
          ? (definition().relatedTypes().get(ctx.uid) ?? []).some((l) => l.inverse && params.data?.[l.inverse])
          : (await owners(ctx.uid, params.documentId, null)).length > 0;
      if (linked) throw refusal(`${displayName(ctx.uid)} linked to a story`);
    }

    if (ctx.action === 'delete' && params.documentId) {
      // Deleting a live document would take it down past the workflow: retract it first.
      const where: Record<string, unknown> = { documentId: params.documentId, publishedAt: { $notNull: true } };
      if (isLocalized(ctx.uid) && params.locale !== '*') where.locale = await localeOf(ctx.uid, params.locale);
      const live = await strapi.db.query(ctx.uid as any).count({ where });
      if (live > 0 && (managed || (await owners(ctx.uid, params.documentId, null)).length > 0)) {
        throw forbidden(
          `This ${ctx.contentType.info.singularName} is live: retract it through the editorial workflow before deleting it`,
          { workflow: 'editorial-workflow' }
        );
      }
    }
    return next();
  });

  // State lifecycle and stale approvals.
  strapi.documents.use(async (ctx, next) => {
    const params = ctx.params as any;
    const managed = definition().isManaged(ctx.uid);
    const related = definition().relatedTypes().has(ctx.uid);
    if (!managed && !related) return next();
    if (!['create', 'update', 'delete'].includes(ctx.action)) return next();

    const result: any = await next();

    if (managed && ctx.action === 'create' && result?.documentId) {
      await store().ensure({ uid: ctx.uid, documentId: result.documentId, locale: await localeOf(ctx.uid, params.locale) }, actor());
    }
    if (managed && ctx.action === 'update' && result?.documentId) {
      await workflow().recordEdit({ uid: ctx.uid, documentId: result.documentId, locale: await localeOf(ctx.uid, params.locale) }, actor());
    }
    if (managed && ctx.action === 'delete' && params.documentId) {
      // States go with the document; the history stays, for good.
      await store().remove({
        uid: ctx.uid,
        documentId: params.documentId,
        ...(params.locale === '*' ? {} : { locale: await localeOf(ctx.uid, params.locale) }),
      });
    }
    if (related && (ctx.action === 'update' || ctx.action === 'create') && result?.documentId) {
      // Changing a quote changes the story it belongs to.
      for (const owner of await owners(ctx.uid, result.documentId, await localeOf(ctx.uid, params.locale))) {
        await workflow().recordEdit(owner, actor());
      }
    }
    return result;
  });
};
