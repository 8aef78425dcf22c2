import type { Core } from '@strapi/strapi';
import type { Actor, CorrectionEntry, RetractionNotice } from '../../../shared/contracts';
import { correctionsLog } from '../domain/public-record';
import { CORRECTION_UID, getService, HISTORY_UID, isLocalized, NOTICE_UID } from '../utils';
import type { Target } from './state-store';

// What the workflow tells readers besides the story: the corrections log and retraction notices.
// Written only by the workflow's moves, in their transaction (the Document Service refuses any
// other write to these tables: middlewares/document-guards.ts); read by the app's article
// controller for the content API. Internal comments never land here.

const targetWhere = ({ uid, documentId, locale }: Target) => ({
  targetUid: uid,
  targetDocumentId: documentId,
  targetLocale: locale,
});

const toNotice = (row: any): RetractionNotice => ({
  documentId: row.targetDocumentId,
  locale: row.targetLocale,
  title: row.title ?? null,
  slug: row.slug ?? null,
  withdrawnAt: new Date(row.withdrawnAt).toISOString(),
  note: row.note,
});

const keyOf = (documentId: string, locale: string) => `${documentId}#${locale}`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const localeOf = (uid: string, locale: string) => (isLocalized(strapi, uid) ? locale : '');

  const service = {
    /** One entry of the corrections log: the approval `historyId` put the corrected version live at `at`. */
    async recordCorrection(
      target: Target,
      { note, actor, at, historyId }: { note: string; actor: Actor; at: Date; historyId: number }
    ) {
      await strapi.db.query(CORRECTION_UID).create({
        data: { ...targetWhere(target), note, actor, correctedAt: at, historyId },
      });
    },

    /**
     * The notice for a story about to come down, with the title and slug readers see now: call it
     * before unpublishing, in the same transaction. A second withdrawal replaces the first.
     */
    async withdraw(
      target: Target,
      { note, actor, at, historyId }: { note: string; actor: Actor; at: Date; historyId: number }
    ) {
      const where: Record<string, unknown> = {
        documentId: target.documentId,
        publishedAt: { $notNull: true },
      };
      if (isLocalized(strapi, target.uid)) where.locale = target.locale;
      const attributes = (strapi.getModel(target.uid as any) as any).attributes;
      const select = ['title', 'slug'].filter((f) => attributes[f]);
      const live = await strapi.db.query(target.uid as any).findOne({ where, select });
      await service.clearNotice(target);
      await strapi.db.query(NOTICE_UID).create({
        data: {
          ...targetWhere(target),
          title: live?.title ?? null,
          slug: live?.slug ?? null,
          note,
          withdrawnAt: at,
          actor,
          historyId,
        },
      });
    },

    /** The story is live again (or gone): its address answers the story (or 404), not a notice. */
    async clearNotice(target: Target) {
      await strapi.db.query(NOTICE_UID).deleteMany({ where: targetWhere(target) });
    },

    /** Notices of a deleted document (one locale, or every locale when `locale` is undefined). */
    async removeNotices(target: { uid: string; documentId: string; locale?: string }) {
      const where: Record<string, unknown> = {
        targetUid: target.uid,
        targetDocumentId: target.documentId,
      };
      if (target.locale !== undefined) where.targetLocale = target.locale;
      await strapi.db.query(NOTICE_UID).deleteMany({ where });
    },

    async notice(uid: string, documentId: string, locale: string) {
      const row = await strapi.db.query(NOTICE_UID).findOne({
        where: {
          targetUid: uid,
          targetDocumentId: documentId,
          targetLocale: localeOf(uid, locale),
        },
      });
      return row ? toNotice(row) : null;
    },

    async noticesBySlug(uid: string, slug: string, locale: string) {
      const rows = await strapi.db.query(NOTICE_UID).findMany({
        where: { targetUid: uid, slug, targetLocale: localeOf(uid, locale) },
        orderBy: [{ withdrawnAt: 'desc' }, { id: 'desc' }],
      });
      return rows.map(toNotice);
    },

    /** The corrections logs of many document locales in one query, keyed `documentId#locale`. */
    async corrections(
      uid: string,
      keys: readonly { documentId: string; locale?: string | null }[]
    ): Promise<Map<string, CorrectionEntry[]>> {
      const logs = new Map<string, CorrectionEntry[]>();
      if (keys.length === 0) return logs;
      const rows = await strapi.db.query(CORRECTION_UID).findMany({
        where: {
          targetUid: uid,
          targetDocumentId: { $in: [...new Set(keys.map((k) => k.documentId))] },
        },
        select: ['id', 'targetDocumentId', 'targetLocale', 'note', 'correctedAt'],
      });
      const grouped = new Map<string, any[]>();
      for (const row of rows) {
        const key = keyOf(row.targetDocumentId, row.targetLocale);
        grouped.set(key, [...(grouped.get(key) ?? []), row]);
      }
      for (const { documentId, locale } of keys) {
        const key = keyOf(documentId, localeOf(uid, locale ?? ''));
        logs.set(key, correctionsLog(grouped.get(key) ?? []));
      }
      return logs;
    },

    keyOf: (uid: string, documentId: string, locale: string | null | undefined) =>
      keyOf(documentId, localeOf(uid, locale ?? '')),

    /** When this document locale was first put live by the workflow (its earliest move into a publishing stage). */
    async firstPublishedAt(target: Target): Promise<string | null> {
      const publishing = getService(strapi, 'definition')
        .get()
        .stages.filter((s) => s.publishes)
        .map((s) => s.id);
      const row = await strapi.db.query(HISTORY_UID).findOne({
        where: { ...targetWhere(target), toStage: { $in: publishing } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: ['createdAt'],
      });
      return row ? new Date(row.createdAt).toISOString() : null;
    },
  };
  return service;
};
