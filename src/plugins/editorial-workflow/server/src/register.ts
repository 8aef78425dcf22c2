import type { Core } from '@strapi/strapi';
import { STAGE_FIELD } from '../../shared/contracts';
import { registerCacheInvalidation } from './middlewares/cache-invalidation';
import { registerDocumentGuards } from './middlewares/document-guards';
import { registerStageFieldGuard } from './middlewares/stage-field';
import { registerAssigneeFieldGuard } from './middlewares/assignee-field';
import { ASSIGNEE_FIELD } from '../../shared/assignment';
import { permissionActions } from './permissions';
import { registerGraphQL } from './graphql';
import { getService } from './utils';

/**
 * The stage, copied onto the managed type's own rows so that the Content Manager can filter and sort
 * by it at any size (review-workflows keeps its stage on the document for the same reason). Hidden
 * and not configurable; `writable` because the admin's query sanitizer lets only writable hidden
 * attributes into filters and sorts (no request writes it: see middlewares/stage-field.ts);
 * `private` keeps it out of the content API.
 */
const addStageAttribute = (contentType: any) => {
  contentType.attributes[STAGE_FIELD] = {
    type: 'string',
    configurable: false,
    visible: false,
    writable: true,
    private: true,
  };
  // Declared with the model, so that Strapi's schema sync creates and keeps it. The list view asks
  // for one locale's drafts filtered by stage (ordered by id) or ordered by stage then id: with the
  // locale, the stage and the id in that order both read the first page straight off the index.
  // `published_at IS NULL` comes last because PostgreSQL does not treat IS NULL as an equality that
  // keeps the index order (a stage-first or published_at-first index sorted every draft: npm run bench).
  const columns = ['locale', 'editorial_stage', 'id', 'published_at'].filter(
    (c) => c !== 'locale' || contentType.pluginOptions?.i18n?.localized
  );
  contentType.indexes = [
    ...(contentType.indexes ?? []).filter((i: any) => i.name !== stageIndexName(contentType)),
    { name: stageIndexName(contentType), columns },
  ];
  // The assignee copy, hidden and guarded the same way (middlewares/assignee-field.ts).
  contentType.attributes[ASSIGNEE_FIELD] = {
    type: 'integer',
    configurable: false,
    visible: false,
    writable: true,
    private: true,
  };
  return contentType;
};

/** The stage copy's index, per table (the bench drops and recreates it to measure what it buys). */
export const stageIndexName = (contentType: { collectionName: string }) =>
  `${contentType.collectionName}_editorial_stage_idx`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const def = getService(strapi, 'definition').get();
  (strapi.service('admin::permission') as any).actionProvider.registerMany(permissionActions(def));
  // A uid that names no type is reported by bootstrap's schema check, with the key that is wrong.
  for (const uid of def.contentTypes)
    if (strapi.contentTypes[uid as any]) strapi.get('content-types').extend(uid, addStageAttribute);
  registerStageFieldGuard(strapi);
  registerAssigneeFieldGuard(strapi);
  registerDocumentGuards(strapi);
  registerCacheInvalidation(strapi);
  registerGraphQL(strapi);
};
