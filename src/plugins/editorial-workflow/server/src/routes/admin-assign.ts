// Assignment: who owns a story in a stage with `assignTo`. The `assign` permission is checked in the
// service (taking a story yourself needs none), so these routes need only `read`.
const read = ['admin::isAuthenticatedAdmin', 'plugin::editorial-workflow.can-read'];

export default [
  {
    method: 'POST',
    path: '/state/:uid/:documentId/assign',
    handler: 'assign.assign',
    config: { policies: read },
  },
  // `?uid=&documentId=&locale=` (that story's stage) or `?stage=`.
  { method: 'GET', path: '/assignees', handler: 'assign.assignees', config: { policies: read } },
];
