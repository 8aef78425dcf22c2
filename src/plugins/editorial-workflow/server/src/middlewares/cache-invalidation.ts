// Every write that can change a public answer announces what it changed, from where all writes
// pass: the Document Service (HTTP, Content Manager, code, cron, GraphQL) for the cached types;
// database lifecycles for what has no Document Service path here: media files (the upload plugin
// writes them directly), locales, the Public role's permissions, the default locale.
import type { Core } from '@strapi/strapi';
import { MEDIA_UID, changeTags, documentTag, listTag } from '../cache/answer-tags';
import { changesPublicAnswers, documentIdOf } from '../cache/public-change';
import { getService } from '../utils';

export const registerCacheInvalidation = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    const cache = getService(strapi, 'cache');
    if (!cache.isCached(ctx.uid)) return next();
    const model = strapi.getModel(ctx.uid) as any;
    if (
      !changesPublicAnswers(ctx.action, ctx.params as any, Boolean(model?.options?.draftAndPublish))
    )
      return next();
    // One transaction around the write and its announcement: the other processes hear of it on
    // commit, with the new rows already visible to them.
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = documentIdOf(ctx.params, result);
      if (documentId) {
        const linked = await cache.linkedDocuments(ctx.uid, [documentId]);
        await cache.announce({ tags: changeTags(cache.getModel, ctx.uid, [documentId], linked) });
      } else {
        await cache.announce({ flush: true });
      }
      return result;
    });
  });
};

// i18n keeps the default locale in the core store: a `?locale`-less answer changes with it.
const DEFAULT_LOCALE_KEY = 'plugin_i18n_default_locale';

export const subscribeCacheLifecycles = (strapi: Core.Strapi) => {
  const cache = () => getService(strapi, 'cache');
  const flush = async () => cache().announce({ flush: true });
  // The file's own tag reaches answers that show it; `files` reaches lists filtered through a media
  // field (`filters[cover][alternativeText]`), which need not populate it and so hold no file tag.
  const fileChanged = async (event: any) => {
    const documentId = event.result?.documentId;
    if (typeof documentId === 'string')
      await cache().announce({
        tags: [
          documentTag(cache().getModel, MEDIA_UID, documentId),
          listTag(cache().getModel, MEDIA_UID),
        ],
      });
  };
  const strapiAny = strapi as any;
  strapiAny.db.lifecycles.subscribe({
    models: [MEDIA_UID],
    afterUpdate: fileChanged,
    afterDelete: fileChanged,
    // Bulk writes say only `where`: which answers hold those files is not known, so all go.
    afterUpdateMany: flush,
    afterDeleteMany: flush,
  });
  strapiAny.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale', 'plugin::users-permissions.permission'],
    afterCreate: flush,
    afterCreateMany: flush,
    afterUpdate: flush,
    afterUpdateMany: flush,
    afterDelete: flush,
    afterDeleteMany: flush,
  });
  strapiAny.db.lifecycles.subscribe({
    models: ['strapi::core-store'],
    afterCreate: async (event: any) => {
      if (event.result?.key === DEFAULT_LOCALE_KEY) await flush();
    },
    afterUpdate: async (event: any) => {
      if (event.result?.key === DEFAULT_LOCALE_KEY) await flush();
    },
  });
};
