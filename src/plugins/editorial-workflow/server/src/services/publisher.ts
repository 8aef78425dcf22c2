import type { Core } from '@strapi/strapi';
import { getService, isLocalized } from '../utils';
import type { Target } from './state-store';
import { runAsWorkflow } from './workflow-context';
import { excerpt } from '../../../shared/excerpt';

// Puts one locale of a document live, or takes it down, together with the documents its
// `publishWith` relations point at (an article's quotes). Only the workflow calls this.

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const localeParam = (uid: string, locale: string) => (isLocalized(strapi, uid) ? { locale } : {});

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
      return list.map((related: any) => ({
        uid: model.attributes[field].target as string,
        documentId: related.documentId as string,
      }));
    });
  };

  const key = (r: { uid: string; documentId: string }) => `${r.uid}#${r.documentId}`;

  const titleField = (uid: string) => {
    const attributes = (strapi.getModel(uid as any) as any).attributes;
    return ['title', 'name', 'text'].find((f) => attributes[f]) ?? null;
  };
  const displayTitle = async (uid: string, documentId: string, locale: string) => {
    const field = titleField(uid);
    const row = field
      ? await strapi.db.query(uid as any).findOne({
          where: { documentId, publishedAt: { $notNull: true }, ...localeParam(uid, locale) },
          select: [field],
        })
      : null;
    return (field && row?.[field]) || documentId;
  };
  const describe = (uid: string, row: any) => {
    const model = strapi.getModel(uid as any) as any;
    const field = titleField(uid);
    return `The ${model.info.singularName} «${excerpt(String((field && row?.[field]) || row?.documentId || ''))}»`;
  };

  return {
    async publish(target: Target) {
      await runAsWorkflow(async () => {
        const now = await linked(target, false);
        const before = await linked(target, true);
        const stillLinked = new Set(now.map(key));
        // Related documents first, so the story's published version links to published quotes.
        for (const related of now) {
          await strapi.documents(related.uid as any).publish({
            documentId: related.documentId,
            ...localeParam(related.uid, target.locale),
          });
        }
        // A quote taken out of the story goes down with the old version.
        for (const related of before.filter((r) => !stillLinked.has(key(r)))) {
          await strapi.documents(related.uid as any).unpublish({
            documentId: related.documentId,
            ...localeParam(related.uid, target.locale),
          });
        }
        await strapi
          .documents(target.uid as any)
          .publish({ documentId: target.documentId, ...localeParam(target.uid, target.locale) });
        // Live again: its address answers the story, no longer a retraction notice.
        await getService(strapi, 'public-record').clearNotice(target);
      });
    },

    async unpublish(target: Target) {
      await runAsWorkflow(async () => {
        // Only what readers see with this story comes down: a quote whose working copy sits in the story
        // but whose live version belongs to another story stays live there.
        const live = await linked(target, true);
        await strapi
          .documents(target.uid as any)
          .unpublish({ documentId: target.documentId, ...localeParam(target.uid, target.locale) });
        for (const related of live) {
          await strapi.documents(related.uid as any).unpublish({
            documentId: related.documentId,
            ...localeParam(related.uid, target.locale),
          });
        }
      });
    },

    /**
     * Why publishing `target` would change another live document: a related document (a quote) it would
     * publish is live as part of another story, whose readers would lose it without that story being
     * approved again. One sentence per case, for the approver.
     */
    async conflicts(target: Target): Promise<string[]> {
      const problems: string[] = [];
      const links = getService(strapi, 'definition').relatedTypes();
      for (const related of await linked(target, false)) {
        for (const link of links.get(related.uid) ?? []) {
          if (link.ownerUid !== target.uid || !link.inverse) continue;
          const live = await strapi.db.query(related.uid as any).findOne({
            where: {
              documentId: related.documentId,
              publishedAt: { $notNull: true },
              ...localeParam(related.uid, target.locale),
            },
            populate: { [link.inverse]: { select: ['documentId', 'locale'] } },
          });
          const owners = [live?.[link.inverse]].flat().filter(Boolean);
          for (const owner of owners) {
            if (owner.documentId === target.documentId) continue;
            const title = await displayTitle(link.ownerUid, owner.documentId, target.locale);
            problems.push(
              `${describe(related.uid, live)} is live in another story, «${title}»: take it out of that story and approve it again first, or retract it.`
            );
          }
        }
      }
      return problems;
    },
  };
};
