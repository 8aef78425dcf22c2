import type { Core } from '@strapi/strapi';
import { DEMO_STORIES, loadDemoDrafts } from './load-demo';

const LOCALE = 'en';

/**
 * The demo newsroom: the sample story live with its verified quotes; the second story waiting
 * with an unverified quote. Running it again changes nothing that is already there.
 */
export const loadDemoContent = async (strapi: Core.Strapi) => {
  const content = await loadDemoDrafts(strapi);

  if (content.live.created) {
    const verified = DEMO_STORIES.live.quotes;
    for (const [i, documentId] of content.live.quoteIds.entries()) {
      await strapi.documents('api::quote.quote').update({
        documentId,
        locale: LOCALE,
        data: { verification: 'verified', verificationNote: verified[i].verificationNote } as any,
      });
    }
    for (const documentId of content.live.quoteIds) {
      await strapi.documents('api::quote.quote').publish({ documentId, locale: LOCALE });
    }
    await strapi.documents('api::article.article').publish({ documentId: content.live.documentId, locale: LOCALE });
  }
  return content;
};
