// The review checklist (`?locale=`): read permission, and read rights on the document.
export default [
  {
    method: 'GET',
    path: '/checklist/:uid/:documentId',
    handler: 'checklist.get',
    config: { policies: ['admin::isAuthenticatedAdmin', 'plugin::editorial-workflow.can-read'] },
  },
];
