const read = ['admin::isAuthenticatedAdmin', 'plugin::editorial-workflow.can-read'];

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/workflow', handler: 'admin.workflow', config: { policies: read } },
    {
      method: 'GET',
      path: '/state/:uid/:documentId',
      handler: 'admin.state',
      config: { policies: read },
    },
    // Each transition is its own permission, checked against the body's transition.
    {
      method: 'POST',
      path: '/state/:uid/:documentId/transition',
      handler: 'admin.transition',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    { method: 'GET', path: '/queue', handler: 'admin.queue', config: { policies: read } },
    // Stages of a page of documents: `?uid=&locale=&documentIds=a,b,c` (the list view's column).
    { method: 'GET', path: '/stages', handler: 'admin.stages', config: { policies: read } },
  ],
};
