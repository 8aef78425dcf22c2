import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findNotice, requestedLocale, storyJsonLd } from '../../../newsroom/public-record';

// `GET /api/articles/:id/jsonld?locale=`: the published story's schema.org structured data. Its own
// controller, so that its action is a `findOne` (`api::article.article-jsonld.findOne`): read-only
// API tokens may call it like any read, and roles are granted it like the story's own findOne.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: any) {
    const locale = await requestedLocale(strapi, ctx.query);
    const { id: documentId } = ctx.params;
    const built = await storyJsonLd(strapi, documentId, locale);
    if (!built) {
      const withdrawn = await findNotice(strapi, documentId, locale);
      throw new errors.NotFoundError(
        withdrawn
          ? `Article ${documentId} was withdrawn: GET /api/articles/${documentId} answers its retraction notice, which has no structured data`
          : `No published article ${documentId} in locale ${locale}`
      );
    }
    ctx.body = built.graph;
    ctx.type = 'application/ld+json';
  },
});
