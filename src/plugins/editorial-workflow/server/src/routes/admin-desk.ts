// The Newsroom desk (read permission; figures cover only what the user may read).
export default [
  {
    method: 'GET',
    path: '/desk',
    handler: 'desk.stats',
    config: { policies: ['admin::isAuthenticatedAdmin', 'plugin::editorial-workflow.can-read'] },
  },
];
