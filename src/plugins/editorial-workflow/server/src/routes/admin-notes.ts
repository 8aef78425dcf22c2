// The discussion thread: admin only (no content-API route reads notes).
const read = ['admin::isAuthenticatedAdmin', 'plugin::editorial-workflow.can-read'];

// Resolve and reopen come first: `/notes/:uid/:documentId` would otherwise take `/notes/7/resolve`.
export default [
  {
    method: 'POST',
    path: '/notes/:id/resolve',
    handler: 'notes.resolve',
    config: { policies: read },
  },
  {
    method: 'POST',
    path: '/notes/:id/reopen',
    handler: 'notes.reopen',
    config: { policies: read },
  },
  {
    method: 'GET',
    path: '/notes/:uid/:documentId',
    handler: 'notes.list',
    config: { policies: read },
  },
  {
    method: 'POST',
    path: '/notes/:uid/:documentId',
    handler: 'notes.post',
    config: { policies: read },
  },
  { method: 'GET', path: '/mentionable', handler: 'notes.mentionable', config: { policies: read } },
];
