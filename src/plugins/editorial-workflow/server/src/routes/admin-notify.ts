// Settings → Email notifications: each signed-in admin user's own preferences (no permission needed:
// a user decides only which emails they themselves receive).
export default [
  {
    method: 'GET',
    path: '/notification-preferences',
    handler: 'notify.getPreferences',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
  {
    method: 'PUT',
    path: '/notification-preferences',
    handler: 'notify.setPreferences',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
];
