import type { Core } from '@strapi/strapi';
import { findRole, grantActions } from './role-permissions';

// Who imports wire copy, as a newsroom starts out (granted once, see first-boot.ts): those who
// write stories. Fact-checkers check what others bring in; they import nothing themselves.
const IMPORT_ROLES = ['strapi-editor', 'strapi-author'];

export const grantImportRoles = async (strapi: Core.Strapi) => {
  const plugin = strapi.plugin('editorial-workflow');
  if (!plugin) return;
  const permissions = plugin.service('permissions');
  for (const name of IMPORT_ROLES) {
    const role = await findRole(strapi, name);
    if (role) await grantActions(strapi, role.id, [permissions.importAction()]);
  }
};
