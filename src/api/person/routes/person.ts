import { factories } from '@strapi/strapi';

// Reader queries are checked before Strapi runs them (src/newsroom/reader-query.ts).
const checked = {
  middlewares: [{ name: 'global::reader-query', config: { uid: 'api::person.person' } }],
};

export default factories.createCoreRouter('api::person.person', {
  config: { find: checked, findOne: checked },
});
