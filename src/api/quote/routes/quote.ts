import { factories } from '@strapi/strapi';

// Reader queries are checked before Strapi runs them (src/newsroom/reader-query.ts).
const checked = {
  middlewares: [{ name: 'global::reader-query', config: { uid: 'api::quote.quote' } }],
};

export default factories.createCoreRouter('api::quote.quote', {
  config: { find: checked, findOne: checked },
});
