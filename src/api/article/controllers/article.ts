import { factories } from '@strapi/strapi';
import {
  cacheAlsoShows,
  findNotice,
  findNoticesBySlug,
  jsonLdAsked,
  noticeAnswer,
  requestedLocale,
  slugLookup,
  storyJsonLd,
  withCorrections,
} from '../../../newsroom/public-record';

// Stories as readers get them: Strapi's answers plus each story's corrections log; a withdrawn
// story's address answers its retraction notice instead of 404; `?jsonld=true` and
// `GET /api/articles/:id/jsonld` (./article-jsonld.ts) give its schema.org structured data
// (src/newsroom/public-record.ts).
export default factories.createCoreController('api::article.article', ({ strapi }) => ({
  async find(ctx) {
    const locale = await requestedLocale(strapi, ctx.query);
    const slug = slugLookup(ctx.query?.filters);
    const response: any = await super.find(ctx);
    await withCorrections(strapi, response?.data, locale);
    // Looked up by its address and not live: say if it was withdrawn (lists never hold notices).
    if (slug && Array.isArray(response?.data) && response.data.length === 0) {
      const notices = await findNoticesBySlug(strapi, slug, locale);
      if (notices.length > 0)
        response.meta = { ...response.meta, withdrawn: notices.map(noticeAnswer) };
    }
    return response;
  },

  async findOne(ctx) {
    const jsonld = jsonLdAsked(ctx.query);
    const locale = await requestedLocale(strapi, ctx.query);
    delete ctx.query.jsonld;
    const response: any = await super.findOne(ctx);
    const { id: documentId } = ctx.params;
    if (!response?.data) {
      const notice =
        ctx.query?.status === 'draft' ? null : await findNotice(strapi, documentId, locale);
      return notice ? { data: noticeAnswer(notice), meta: {} } : response;
    }
    await withCorrections(strapi, response.data, locale);
    if (jsonld) {
      const built = await storyJsonLd(strapi, documentId, response.data.locale ?? locale);
      response.data.jsonld = built?.graph ?? null;
      if (built) cacheAlsoShows(ctx, built.shows);
    }
    return response;
  },
}));
