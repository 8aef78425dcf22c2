import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import type { Target } from './state-store';
import { runAsWorkflow } from './workflow-context';

// Puts one locale of a document live, or takes it down, together with the documents its
// `publishWith` relations point at (an article's quotes). Only the workflow calls this.

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const localeParam = (uid: string, locale: string) =>
    (strapi.getModel(uid as any) as any)?.pluginOptions?.i18n?.localized ? { locale } : {};

  /** documentIds linked through `publishWith` fields, from the draft or the published row. */
  const linked = async (target: Target, published: boolean) => {
    const fields = getService(strapi, 'definition').get().publishWith[target.uid] ?? [];
    if (fields.length === 0) return [];
    const where: Record<string, unknown> = {
      documentId: target.documentId,
      publishedAt: published ? { $notNull: true } : null,
      ...localeParam(target.uid, target.locale),
    };
    const row = await strapi.db.query(target.uid as any).findOne({
      where,
      select: ['id'],
      populate: Object.fromEntries(fields.map((f) => [f, { select: ['documentId'] }])),
    });
    if (!row) return [];
    const model = strapi.getModel(target.uid as any) as any;
    return fields.flatMap((field) => {
      const value = row[field];
      const list = Array.isArray(value) ? value : value ? [value] : [];
      return list.map((related: any) => ({ uid: model.attributes[field].target as string, documentId: related.documentId as string }));
    });
  };

  const key = (r: { uid: string; documentId: string }) => `${r.uid}#${r.documentId}`;

  return {
    linked,

    async publish(target: Target) {
      await runAsWorkflow(async () => {
        const now = await linked(target, false);
        const before = await linked(target, true);
        const stillLinked = new Set(now.map(key));
        // Related documents first, so the story's published version links to published quotes.
        for (const related of now) {
          await strapi.documents(related.uid as any).publish({ documentId: related.documentId, ...localeParam(related.uid, target.locale) });
        }
        // A quote taken out of the story goes down with the old version.
        for (const related of before.filter((r) => !stillLinked.has(key(r)))) {
          await strapi.documents(related.uid as any).unpublish({ documentId: related.documentId, ...localeParam(related.uid, target.locale) });
        }
        await strapi.documents(target.uid as any).publish({ documentId: target.documentId, ...localeParam(target.uid, target.locale) });
      });
    },

    async unpublish(target: Target) {
      await runAsWorkflow(async () => {
        const related = [...(await linked(target, true)), ...(await linked(target, false))];
        const seen = new Set<string>();
        await strapi.documents(target.uid as any).unpublish({ documentId: target.documentId, ...localeParam(target.uid, target.locale) });
        for (const r of related) {
          if (seen.has(key(r))) continue;
          seen.add(key(r));
          await strapi.documents(r.uid as any).unpublish({ documentId: r.documentId, ...localeParam(r.uid, target.locale) });
        }
      });
    },
  };
};
