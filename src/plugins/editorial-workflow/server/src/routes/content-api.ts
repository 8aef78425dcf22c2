import { CONTENT_API_TOKEN_STRATEGY } from '../services/actor';

// API tokens only: end users and the public never reach the workflow. A fresh object per route:
// Strapi writes each route's permission scope into its config.
const tokensOnly = () => ({ auth: { strategies: [CONTENT_API_TOKEN_STRATEGY] } });

export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/state/:uid/:documentId',
      handler: 'state.findOne',
      config: tokensOnly(),
    },
    {
      method: 'POST',
      path: '/state/:uid/:documentId/transition',
      handler: 'state.transition',
      config: tokensOnly(),
    },
    { method: 'GET', path: '/queue', handler: 'queue.find', config: tokensOnly() },
    // Agency feeds: `dryRun` (the default) answers the proposal; `dryRun: false` creates the draft.
    { method: 'POST', path: '/import/:uid', handler: 'importer.run', config: tokensOnly() },
  ],
};
