import type { Core } from '@strapi/strapi';
import { STAGE_FIELD } from '../../../shared/contracts';
import { actorFromRequest } from '../services/actor';
import { conflict, forbidden } from '../services/errors';
import type { Target } from '../services/state-store';
import { isWorkflowRun } from '../services/workflow-context';
import {
  CORRECTION_UID,
  getService,
  HISTORY_UID,
  isLocalized as isLocalizedType,
  NOTICE_UID,
  STATE_UID,
} from '../utils';
import { mentionedTargets } from './relation-input';

// Document Service middlewares: every write passes here, whichever route or code made it
// (Content Manager, REST, GraphQL, strapi.documents() calls).

const isPublishingWrite = (action: string, params: any) =>
  action === 'publish' ||
  action === 'unpublish' ||
  ((action === 'create' || action === 'update') && params?.status === 'published');

/** Writes that change a working copy (or create or remove one). */
const WRITES = new Set(['create', 'update', 'delete', 'clone', 'discardDraft']);

/** Fields that are bookkeeping, never content a writer changes (the stage copy is the workflow's). */
const SYSTEM_FIELDS = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
  STAGE_FIELD,
]);

// PostgreSQL gives up on one of two transactions that wait on each other; the loser may simply retry.
const isTransactionConflict = (error: any) => error?.code === '40P01' || error?.code === '40001';

const refusal = (what: string) =>
  forbidden(
    `${what} are published and unpublished only through the editorial workflow: save a draft, then use its transitions (submit, approve, retract)`,
    { workflow: 'editorial-workflow' }
  );

const keyOf = (t: Target) => `${t.uid}#${t.documentId}#${t.locale}`;

export const registerDocumentGuards = (strapi: Core.Strapi) => {
  const definition = () => getService(strapi, 'definition');
  const store = () => getService(strapi, 'state-store');
  const workflow = () => getService(strapi, 'workflow');
  const model = (uid: string) => strapi.getModel(uid as any) as any;
  const isLocalized = (uid: string) => isLocalizedType(strapi, uid);
  const defaultLocale = (): Promise<string> =>
    strapi.plugin('i18n').service('locales').getDefaultLocale();
  const localeOf = async (uid: string, locale: unknown) =>
    isLocalized(uid) ? (typeof locale === 'string' && locale) || defaultLocale() : '';
  const displayName = (uid: string) => model(uid).info.pluralName;
  const actor = () => actorFromRequest(strapi.requestContext.get());

  /** Locales a write addresses: one, or every locale of the document for `locale: '*'`. */
  const localesOf = async (uid: string, documentId: string, locale: unknown): Promise<string[]> => {
    if (!isLocalized(uid)) return [''];
    if (locale !== '*') return [await localeOf(uid, locale)];
    const rows = await strapi.db
      .query(uid as any)
      .findMany({ where: { documentId }, select: ['locale'] });
    return [...new Set(rows.map((r: any) => r.locale as string))];
  };

  /** Managed documents whose working copy (draft row) holds this related document (a quote). */
  const owners = async (
    uid: string,
    documentId: string,
    locale: string | null
  ): Promise<Target[]> => {
    const found: Target[] = [];
    for (const link of definition().relatedTypes().get(uid) ?? []) {
      if (!link.inverse) continue;
      const where: Record<string, unknown> = { documentId, publishedAt: null };
      if (locale !== null && isLocalized(uid)) where.locale = locale;
      const rows = await strapi.db.query(uid as any).findMany({
        where,
        select: ['id'],
        populate: { [link.inverse]: { select: ['documentId', 'locale'] } },
      });
      for (const row of rows) {
        for (const owner of [row[link.inverse]].flat().filter(Boolean)) {
          found.push({
            uid: link.ownerUid,
            documentId: owner.documentId,
            locale: isLocalized(link.ownerUid) ? owner.locale : '',
          });
        }
      }
    }
    return found;
  };

  const populateFor = (uid: string, depth: number): Record<string, unknown> => {
    const populate: Record<string, unknown> = {};
    const published = definition().get().publishWith[uid] ?? [];
    for (const [name, attribute] of Object.entries<any>(model(uid).attributes)) {
      if (SYSTEM_FIELDS.has(name)) continue;
      if (attribute.type === 'media') populate[name] = { select: ['id'] };
      else if (attribute.type === 'component' || attribute.type === 'dynamiczone')
        populate[name] = true;
      else if (attribute.type === 'relation') {
        populate[name] =
          depth === 0 && published.includes(name)
            ? { populate: populateFor(attribute.target, 1) }
            : { select: ['documentId'] };
      }
    }
    return populate;
  };

  /** What a reviewer reviews: content fields, links by documentId, and the related documents' content. */
  const contentOf = (uid: string, row: any): unknown => {
    const review = new Set(definition().get().reviewFields[uid] ?? []);
    const published = definition().get().publishWith[uid] ?? [];
    const content: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries<any>(model(uid).attributes)) {
      if (SYSTEM_FIELDS.has(name) || review.has(name) || attribute.writable === false) continue;
      const value = row[name];
      if (attribute.type === 'relation') {
        const list = [value].flat().filter(Boolean);
        content[name] = published.includes(name)
          ? list.map((related: any) => [related.documentId, contentOf(attribute.target, related)])
          : list.map((related: any) => related.documentId);
      } else if (attribute.type === 'media') {
        content[name] = [value]
          .flat()
          .filter(Boolean)
          .map((file: any) => file.id);
      } else {
        content[name] = value ?? null;
      }
    }
    return content;
  };

  /** The working copy as a comparable string, or null when this locale has no draft. */
  const snapshot = async (target: Target) => {
    const where: Record<string, unknown> = { documentId: target.documentId, publishedAt: null };
    if (isLocalized(target.uid)) where.locale = target.locale;
    const row = await strapi.db
      .query(target.uid as any)
      .findOne({ where, populate: populateFor(target.uid, 0) });
    return row ? JSON.stringify(contentOf(target.uid, row)) : null;
  };

  /** Managed documents whose working copy this write may change, before it runs. */
  const affectedBefore = async (
    action: string,
    uid: string,
    params: any,
    managed: boolean
  ): Promise<Target[]> => {
    const targets: Target[] = [];
    if (managed) {
      if (action !== 'create' && params.documentId) {
        for (const locale of await localesOf(uid, params.documentId, params.locale))
          targets.push({ uid, documentId: params.documentId, locale });
      }
      // A related document moved in from another story changes that story too.
      const locale = await localeOf(uid, params.locale);
      for (const field of definition().get().publishWith[uid] ?? []) {
        if (!params.data || !(field in params.data)) continue;
        const relatedUid = model(uid).attributes[field].target;
        for (const documentId of await mentionedTargets(strapi, relatedUid, params.data[field])) {
          targets.push(
            ...(await owners(relatedUid, documentId, isLocalized(relatedUid) ? locale : null))
          );
        }
      }
    } else if (action !== 'create' && params.documentId) {
      targets.push(
        ...(await owners(
          uid,
          params.documentId,
          params.locale === '*' ? null : await localeOf(uid, params.locale)
        ))
      );
    }
    return targets;
  };

  /**
   * Rows this write made (a clone, a new locale, a discarded draft) carry the stage of their own
   * document locale, and so does the answer (an edit may just have sent the story back to draft):
   * the Content Manager's form sends it back on the next save.
   */
  const syncStageCopies = async (action: string, uid: string, params: any, result: any) => {
    const entries: any[] = action === 'clone' ? (result.entries ?? []) : [result];
    const locales =
      action === 'clone'
        ? entries.map((e) => (isLocalized(uid) ? e.locale : ''))
        : action === 'discardDraft'
          ? await localesOf(uid, result.documentId, params.locale)
          : [isLocalized(uid) ? (result.locale ?? (await localeOf(uid, params.locale))) : ''];
    const stages = new Map<string, string>();
    for (const locale of new Set(locales)) {
      const state = await store().find({ uid, documentId: result.documentId, locale });
      if (!state) continue;
      await store().writeStageField({ uid, documentId: result.documentId, locale }, state.stage);
      await store().writeAssigneeField(
        { uid, documentId: result.documentId, locale },
        state.assignee?.id ?? null
      );
      stages.set(locale, state.stage);
    }
    for (const entry of entries) {
      const stage = stages.get(isLocalized(uid) ? (entry?.locale ?? locales[0]) : '');
      if (entry && typeof entry === 'object' && STAGE_FIELD in entry && stage)
        entry[STAGE_FIELD] = stage;
    }
  };

  // The workflow's own records are written by the plugin alone, through the database layer: what
  // readers are told (corrections, notices) included.
  const OWN_RECORDS = new Set([STATE_UID, HISTORY_UID, CORRECTION_UID, NOTICE_UID]);
  strapi.documents.use(async (ctx, next) => {
    if (!OWN_RECORDS.has(ctx.uid)) return next();
    if (['findOne', 'findMany', 'findFirst', 'count'].includes(ctx.action)) return next();
    throw forbidden(
      'The editorial workflow history and states cannot be changed directly, nor its corrections log and notices'
    );
  });

  // Publish gate: only the workflow publishes or unpublishes managed documents and the documents
  // published with them (quotes), linked to a story or not: nothing reaches readers unapproved.
  strapi.documents.use(async (ctx, next) => {
    if (isWorkflowRun()) return next();
    const params = ctx.params as any;
    const managed = definition().isManaged(ctx.uid);
    const related = definition().relatedTypes().has(ctx.uid);
    if (!managed && !related) return next();

    if (isPublishingWrite(ctx.action, params)) throw refusal(displayName(ctx.uid));

    if (ctx.action === 'delete' && params.documentId) {
      // Deleting a live document would take it down past the workflow: retract it first.
      const where: Record<string, unknown> = {
        documentId: params.documentId,
        publishedAt: { $notNull: true },
      };
      if (isLocalized(ctx.uid) && params.locale !== '*')
        where.locale = await localeOf(ctx.uid, params.locale);
      if ((await strapi.db.query(ctx.uid as any).count({ where })) > 0) {
        throw forbidden(
          managed
            ? `This ${ctx.contentType.info.singularName} is live: retract it through the editorial workflow before deleting it`
            : `This ${ctx.contentType.info.singularName} is live in a story: take it out of the story and approve the story again (or retract it) before deleting it`,
          { workflow: 'editorial-workflow' }
        );
      }
    }
    return next();
  });

  // Working copies: a write and what it means for the workflow (a new state, back to draft, the
  // round's contributors) commit together or not at all.
  strapi.documents.use(async (ctx, next) => {
    if (!WRITES.has(ctx.action) || isWorkflowRun()) return next();
    const params = ctx.params as any;
    const managed = definition().isManaged(ctx.uid);
    const related = definition().relatedTypes().has(ctx.uid);
    if (!managed && !related) return next();
    const who = actor();
    if (managed && ctx.action === 'clone') {
      // Strapi's clone re-points one-story relations (a story's quotes) at the copy, stripping them from
      // the original. A copy starts without them unless the request names some.
      params.data = { ...(params.data ?? {}) };
      for (const field of definition().get().publishWith[ctx.uid] ?? []) {
        if (!(field in params.data)) params.data[field] = { set: [] };
      }
    }

    try {
      return await strapi.db.transaction(async () => {
        const before = new Map<string, { target: Target; content: string | null }>();
        const targets = await affectedBefore(ctx.action, ctx.uid, params, managed);
        await store().lock(targets);
        for (const target of targets)
          before.set(keyOf(target), { target, content: await snapshot(target) });

        const result: any = await next();

        if (managed && ctx.action === 'delete' && params.documentId) {
          // States go with the document; the history stays, for good.
          const removed = {
            uid: ctx.uid,
            documentId: params.documentId,
            ...(params.locale === '*' ? {} : { locale: await localeOf(ctx.uid, params.locale) }),
          };
          await store().remove(removed);
          // A deleted story's address answers 404, not its retraction notice.
          await getService(strapi, 'public-record').removeNotices(removed);
          for (const key of [...before.keys()])
            if (before.get(key)!.target.documentId === params.documentId) before.delete(key);
        }
        if (managed && (ctx.action === 'create' || ctx.action === 'clone') && result?.documentId) {
          const entries: any[] = ctx.action === 'clone' ? (result.entries ?? []) : [result];
          for (const entry of entries) {
            await store().ensure(
              {
                uid: ctx.uid,
                documentId: result.documentId,
                locale: isLocalized(ctx.uid) ? entry.locale : '',
              },
              who
            );
          }
        }

        // Stories that now hold the written document (a quote created in or moved into a story).
        const changed = new Map<string, Target>();
        if (related && ctx.action !== 'delete' && result?.documentId) {
          const locale =
            ctx.action === 'create' || params.locale !== '*'
              ? await localeOf(ctx.uid, params.locale)
              : null;
          for (const owner of await owners(ctx.uid, result.documentId, locale)) {
            if (!before.has(keyOf(owner))) changed.set(keyOf(owner), owner);
          }
        }
        for (const { target, content } of before.values()) {
          if ((await snapshot(target)) !== content) changed.set(keyOf(target), target);
        }
        for (const target of changed.values()) await workflow().recordEdit(target, who);
        if (managed && ctx.action !== 'delete' && result?.documentId)
          await syncStageCopies(ctx.action, ctx.uid, params, result);
        return result;
      });
    } catch (error) {
      if (isTransactionConflict(error))
        throw conflict('Someone else changed this story at the same time: reload and try again');
      throw error;
    }
  });
};
