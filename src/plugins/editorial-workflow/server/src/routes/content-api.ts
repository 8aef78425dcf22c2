// API tokens only: end users and the public never reach the workflow. A fresh object per route:
// Strapi writes each route's permission scope into its config.
const tokensOnly = () => ({ auth: { strategies: ['content-api-token'] } });

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/state/:uid/:documentId', handler: 'state.findOne', config: tokensOnly() },
    { method: 'POST', path: '/state/:uid/:documentId/transition', handler: 'state.transition', config: tokensOnly() },
    { method: 'GET', path: '/queue', handler: 'queue.find', config: tokensOnly() },
  ],
};
