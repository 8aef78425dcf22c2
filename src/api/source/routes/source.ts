import { factories } from '@strapi/strapi';

// Reader queries are checked before Strapi runs them (src/newsroom/reader-query.ts).
const checked = {
  middlewares: [{ name: 'global::reader-query', config: { uid: 'api::source.source' } }],
};

export default factories.createCoreRouter('api::source.source', {
  config: { find: checked, findOne: checked },
});
