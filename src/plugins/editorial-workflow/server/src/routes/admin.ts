import { CACHE_PURGE_ACTION, CACHE_READ_ACTION } from '../../../shared/contracts';
import notifyRoutes from './admin-notify';
import checklistRoutes from './admin-checklist';
import assignRoutes from './admin-assign';
import deskRoutes from './admin-desk';
import notesRoutes from './admin-notes';
import importRoutes from './admin-import';

const read = ['admin::isAuthenticatedAdmin', 'plugin::editorial-workflow.can-read'];
/** Signed in, and holding `action`; without it, a 403 that names it. */
const allowed = (action: string, to: string) => [
  'admin::isAuthenticatedAdmin',
  { name: 'plugin::editorial-workflow.explain-missing-permission', config: { action, to } },
];

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
    // Settings → Response cache.
    {
      method: 'GET',
      path: '/cache',
      handler: 'cache.stats',
      config: { policies: allowed(CACHE_READ_ACTION, 'read the response cache statistics') },
    },
    {
      method: 'POST',
      path: '/cache/purge',
      handler: 'cache.purge',
      config: { policies: allowed(CACHE_PURGE_ACTION, 'purge the response cache') },
    },
    ...notifyRoutes,
    ...checklistRoutes,
    ...assignRoutes,
    ...deskRoutes,
    ...notesRoutes,
    ...importRoutes,
  ],
};
